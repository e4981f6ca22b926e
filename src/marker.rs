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

/// The shape of group `group`'s markers at radius `r`: circle, square, diamond for groups 1, 2, 3, and
/// round again from group 4 (colour and dash still tell those apart).
pub fn shape(group: u8, r: f64) -> Shape {
    match (group as usize + 2) % 3 {
        1 => Shape::Square { half: r * 0.9, turned: false },
        2 => Shape::Square { half: r * 0.85, turned: true },
        _ => Shape::Circle { r },
    }
}

/// The start (Hangzhou): a dark diamond, `half` px from centre to each side.
pub fn start_shape(half: f64) -> Shape {
    Shape::Square { half, turned: true }
}

/// The start's diamond on the map, in px.
pub const START_HALF: f64 = 8.0;
/// The dot that marks a moved marker's true place, in px.
pub const DOT_R: f64 = 2.5;
/// The widths of the strokes that draw a marker, in px, each written once: a constant for the export and a
/// flight's drawing, and the same value as a CSS variable for style.css (`stroke-width: var(--ring)`), which
/// the page sets with its palette (src/palette.rs, through [`stroke_vars`]).
macro_rules! strokes {
    ($($(#[$doc:meta])* $name:ident = $px:literal as $var:literal,)*) => {
        $($(#[$doc])* pub const $name: f64 = $px as f64;)*
        /// The widths above as CSS custom properties (`--ring:2px;…`), a literal for `concat!`.
        macro_rules! stroke_vars {
            () => {
                concat!($("--", $var, ":", $px, "px;"),*)
            };
        }
        pub(crate) use stroke_vars;
    };
}

strokes!(
    /// A marker's ring, centred on its outline (`.ct-mk`, `.ct-start-mk`).
    RING = 2 as "ring",
    /// The chosen marker's ring (`.sel`).
    CHOSEN_RING = 3 as "ring-sel",
    /// A moved marker's leader back to its true place (`.ct-leader`).
    LEADER = 1.5 as "leader",
    /// The paper-coloured ring of the dot at a moved marker's true place (`.ct-dot`).
    DOT_RING = 1 as "dot-ring",
    /// The halo behind a stop's name (`.ct-label`).
    LABEL_HALO = 4 as "label-halo",
);

/// Whether a marker drawn `offset` px from its true place was moved there (and so gets a leader and a dot).
/// Squares against 0.5², not `f64::hypot`: that brings 2 KB of wasm (libm's hypot and fma) for one comparison.
pub fn moved(offset: crate::geo::Point) -> bool {
    offset.x * offset.x + offset.y * offset.y > 0.25
}

impl Shape {
    /// The shape as one SVG element with `extra` attributes written after its own (export and print).
    pub fn svg(&self, extra: &str) -> String {
        let mut o = String::new();
        let _ = match *self {
            Shape::Circle { r } => write!(o, "<circle r=\"{}\"", Fixed(r, 1)),
            Shape::Square { half, turned } => {
                let (at, side) = (Fixed(-half, 1), Fixed(2.0 * half, 1));
                let turn = if turned { " transform=\"rotate(45)\"" } else { "" };
                write!(o, "<rect x=\"{at}\" y=\"{at}\" width=\"{side}\" height=\"{side}\" rx=\"2\"{turn}")
            }
        };
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
        assert_eq!(shape(4, 10.0), shape(1, 10.0), "a fourth group is round again");
        assert_eq!(shape(0, 10.0), shape(3, 10.0), "no group number makes it panic");
    }
}
