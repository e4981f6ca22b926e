//! The colours of the map and the widget, written once: the live widget and the prerendered page set
//! them as CSS variables on `.ct-root` (`css_vars`), the stylesheet only names the variables, and the
//! standalone SVG export writes the same values inline. The routes' colours come with the content.

/// One theme's colours.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    pub ink: &'static str,
    pub muted: &'static str,
    pub paper: &'static str,
    pub land: &'static str,
    pub focus: &'static str,
    pub water: &'static str,
    pub border: &'static str,
    pub coast: &'static str,
    pub river: &'static str,
    pub halo: &'static str,
    pub line: &'static str,
    pub accent: &'static str,
}

/// The reader's (print-like) theme.
pub const LIGHT: Palette = Palette {
    ink: "#1F2328",
    muted: "#5B616B",
    paper: "#FFFFFF",
    land: "#ECEAE4",
    focus: "#FBF3E0",
    water: "#D6E6F2",
    border: "#B9B3A6",
    coast: "#A9A08F",
    river: "#8DB9D8",
    halo: "#FBF3E0",
    line: "#DAD5CA",
    accent: "#0B5CAD",
};

/// The projector's dark, high-contrast theme.
pub const DARK: Palette = Palette {
    ink: "#FFFFFF",
    muted: "#D0D4DA",
    paper: "#0B0E12",
    land: "#2A2D31",
    focus: "#3A362C",
    water: "#13263A",
    border: "#8A857A",
    coast: "#5D6670",
    river: "#3F6E94",
    halo: "#0B0E12",
    line: "#2A2D31",
    accent: "#FFD54A",
};

/// A stop of no known group, and the legend's neutral grey.
pub const NEUTRAL: &str = LIGHT.muted;

impl Palette {
    /// The theme as CSS custom properties, for a `style` attribute.
    pub fn css_vars(&self) -> String {
        let pairs = [
            ("ink", self.ink),
            ("muted", self.muted),
            ("paper", self.paper),
            ("land", self.land),
            ("focus", self.focus),
            ("water", self.water),
            ("border", self.border),
            ("coast", self.coast),
            ("river", self.river),
            ("halo", self.halo),
            ("line", self.line),
            ("accent", self.accent),
        ];
        let mut out = String::new();
        for (k, v) in pairs {
            out.push_str("--");
            out.push_str(k);
            out.push(':');
            out.push_str(v);
            out.push(';');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_theme_becomes_css_variables() {
        let v = LIGHT.css_vars();
        assert!(v.starts_with("--ink:#1F2328;--muted:#5B616B;"), "{v}");
        assert_eq!(v.matches(';').count(), 12);
    }
}
