//! The colours of the map and the widget, written once: the live widget and the prerendered page set
//! them as CSS variables on `.ct-root` (`LIGHT_VARS`, `DARK_VARS`), the stylesheet only names the variables, and the
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

/// A theme: the `Palette` constant and, from the very same literals, its CSS variables (`--ink:#1F2328;…`),
/// so the widget builds no string at run time.
macro_rules! theme {
    ($(#[$doc:meta])* $name:ident, $vars:ident, { $($k:ident: $v:literal),* $(,)? }) => {
        $(#[$doc])*
        pub const $name: Palette = Palette { $($k: $v),* };
        /// The theme as CSS custom properties, for a `style` attribute.
        pub const $vars: &str = concat!($("--", stringify!($k), ":", $v, ";"),*);
    };
}

theme!(
    /// The reader's (print-like) theme.
    LIGHT,
    LIGHT_VARS,
    {
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
    }
);

theme!(
    /// The projector's dark, high-contrast theme.
    DARK,
    DARK_VARS,
    {
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
    }
);

/// A stop of no known group, and the legend's neutral grey.
pub const NEUTRAL: &str = LIGHT.muted;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_theme_becomes_css_variables() {
        assert!(LIGHT_VARS.starts_with("--ink:#1F2328;--muted:#5B616B;"), "{LIGHT_VARS}");
        assert_eq!(LIGHT_VARS.matches(';').count(), 12);
        assert!(LIGHT_VARS.contains(&format!("--accent:{};", LIGHT.accent)));
        assert!(DARK_VARS.contains(&format!("--paper:{};", DARK.paper)));
    }
}
