//! The one geometry of the map's marks, for the live map, the prerendered page, print and export:
//! each group's shape (circle, square, diamond, so groups read apart without colour), the start's
//! diamond, the dot that keeps a moved marker's true place, and the number inside.

use std::fmt::Write;

use crate::num::Fixed;

/// A mark's outline around (0, 0), in px.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Shape {
    Circle {
        r: f64,
    },
    /// A square of side `2 * half`, with rounded corners; turned 45° it is a diamond.
    Square {
        half: f64,
        turned: bool,
    },
}

/// The shape of group `group`'s markers at radius `r`.
pub fn shape(group: u8, r: f64) -> Shape {
    match group {
        2 => Shape::Square { half: r * 0.9, turned: false },
        3 => Shape::Square { half: r * 0.85, turned: true },
        _ => Shape::Circle { r },
    }
}

/// The start (Hangzhou): a dark diamond, `half` px from centre to each side.
pub fn start_shape(half: f64) -> Shape {
    Shape::Square { half, turned: true }
}

/// The start's diamond on the map, in px.
pub const START_HALF: f64 = 8.0;
/// The dot that marks a moved marker's true place, and the leader's width, in px.
pub const DOT_R: f64 = 2.5;

impl Shape {
    /// The SVG element's name and attributes (name, value), for the Yew views and the string builders alike.
    pub fn attrs(&self) -> (&'static str, Vec<(&'static str, String)>) {
        match *self {
            Shape::Circle { r } => ("circle", vec![("r", Fixed(r, 1).to_string())]),
            Shape::Square { half, turned } => {
                let (o, s) = (Fixed(-half, 1).to_string(), Fixed(2.0 * half, 1).to_string());
                let mut a =
                    vec![("x", o.clone()), ("y", o), ("width", s.clone()), ("height", s), ("rx", "2".to_string())];
                if turned {
                    a.push(("transform", "rotate(45)".to_string()));
                }
                ("rect", a)
            }
        }
    }

    /// The shape as one SVG element with `extra` attributes written after its own.
    pub fn svg(&self, extra: &str) -> String {
        let (name, attrs) = self.attrs();
        let mut o = format!("<{name}");
        for (k, v) in attrs {
            let _ = write!(o, " {k}=\"{v}\"");
        }
        if !extra.is_empty() {
            o.push(' ');
            o.push_str(extra);
        }
        o.push_str("/>");
        o
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_have_their_own_shapes() {
        assert_eq!(shape(1, 10.0).svg("class=\"m\""), r#"<circle r="10" class="m"/>"#);
        assert_eq!(shape(2, 10.0).svg(""), r#"<rect x="-9" y="-9" width="18" height="18" rx="2"/>"#);
        assert!(shape(3, 10.0).svg("").contains("rotate(45)"));
        assert!(start_shape(8.0).svg("").contains(r#"width="16""#));
    }
}
