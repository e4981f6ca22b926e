//! The colours of the map and the widget, written once: the live widget and the prerendered page set
//! them as CSS variables on `.ct-root` (`LIGHT_VARS`, `NIGHT_VARS`, `DARK_VARS`), the stylesheet only names the
//! variables, and the standalone SVG export writes the same values inline. The routes' colours come with the
//! content; a dark theme lifts them towards white by `lift` so they keep 3:1 against its land and water.

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
    /// Buttons and tabs.
    pub surface: &'static str,
    pub hover: &'static str,
    /// Text on an `ink` background (the chosen tab).
    pub on_ink: &'static str,
    /// The outline of a stop's marker, against the land.
    pub edge: &'static str,
    /// Place names of the base map, on land and on water.
    pub place: &'static str,
    pub water_name: &'static str,
    /// The background box of a card and its text, and the chips of the overview.
    pub panel: &'static str,
    pub panel_ink: &'static str,
    pub chip: &'static str,
    /// How far routes are mixed towards white (CSS `color-mix`), as a percentage.
    pub lift: &'static str,
}

/// A theme: the `Palette` constant and, from the very same literals, its CSS variables (`--ink:#1F2328;…`),
/// so the widget builds no string at run time.
macro_rules! theme {
    ($(#[$doc:meta])* $name:ident, $vars:ident, { $($k:ident: $v:literal),* $(,)? }) => {
        $(#[$doc])*
        pub const $name: Palette = Palette { $($k: $v),* };
        /// The theme as CSS custom properties, for a `style` attribute.
        /// The markers' stroke widths (src/marker.rs) come with every theme, so the stylesheet finds them too.
        pub const $vars: &str = concat!($("--", stringify!($k), ":", $v, ";"),*, crate::marker::stroke_vars!());
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
        surface: "#FFFFFF",
        hover: "#F4F1EA",
        on_ink: "#FFFFFF",
        edge: "#FFFFFF",
        place: "#6B6457",
        water_name: "#36668A",
        panel: "#FAF9F6",
        panel_ink: "#3C4148",
        chip: "#F1EEE7",
        lift: "0%",
    }
);

theme!(
    /// The reader's dark theme, for dark host pages (`?theme=dark`, or `auto` under a dark
    /// `prefers-color-scheme`): softer than the projector's, text at least 4.5:1, routes and markers 3:1.
    NIGHT,
    NIGHT_VARS,
    {
        ink: "#E8EAED",
        muted: "#A7ADB5",
        paper: "#15181C",
        land: "#23272C",
        focus: "#2C2A24",
        water: "#112233",
        border: "#6E6A62",
        coast: "#4F5863",
        river: "#2F5A7C",
        halo: "#2C2A24",
        line: "#2E3238",
        accent: "#7FB8F0",
        surface: "#1E2228",
        hover: "#2A2F36",
        on_ink: "#15181C",
        edge: "#E8EAED",
        place: "#B5AE9F",
        water_name: "#8FB8DC",
        panel: "#1C2026",
        panel_ink: "#D5D9DE",
        chip: "#262B31",
        lift: "35%",
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
        surface: "#1B1F24",
        hover: "#2A2F36",
        on_ink: "#0B0E12",
        edge: "#0B0E12",
        place: "#C9C2B4",
        water_name: "#9CC3E6",
        panel: "#161A1F",
        panel_ink: "#E6E8EB",
        chip: "#1B1F24",
        lift: "0%",
    }
);

/// Which colours a reader asked for: `?theme=light|dark|auto` on the widget's URL, or `data-theme` on an
/// inline mount's element. Light is the default; `Auto` follows the reader's `prefers-color-scheme`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Light,
    Dark,
    Auto,
}

impl Theme {
    /// The names [`Theme::parse`] knows, in the order of the enum.
    pub const NAMES: &'static [&'static str] = &["light", "dark", "auto"];

    /// The theme a value names (any letter case, spaces around it ignored), `None` for anything else.
    pub fn parse(value: &str) -> Option<Theme> {
        let i = Theme::NAMES.iter().position(|n| value.trim().eq_ignore_ascii_case(n))?;
        Some([Theme::Light, Theme::Dark, Theme::Auto][i])
    }

    /// Dark or not, given whether the reader's system prefers dark.
    pub fn is_dark(self, prefers_dark: bool) -> bool {
        match self {
            Theme::Light => false,
            Theme::Dark => true,
            Theme::Auto => prefers_dark,
        }
    }
}

/// The CSS variables of the palette a page shows: the projector's in presenter mode, else the reader's
/// light or dark one.
pub fn vars(present: bool, dark: bool) -> &'static str {
    match (present, dark) {
        (true, _) => DARK_VARS,
        (false, true) => NIGHT_VARS,
        (false, false) => LIGHT_VARS,
    }
}

/// A stop of no known group, and the legend's neutral grey.
pub const NEUTRAL: &str = LIGHT.muted;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_theme_becomes_css_variables() {
        assert!(LIGHT_VARS.starts_with("--ink:#1F2328;--muted:#5B616B;"), "{LIGHT_VARS}");
        assert_eq!(LIGHT_VARS.matches(';').count(), 22 + 5);
        assert!(LIGHT_VARS.ends_with("--ring:2px;--ring-sel:3px;--leader:1.5px;--dot-ring:1px;--label-halo:4px;"));
        assert!(LIGHT_VARS.contains(&format!("--accent:{};", LIGHT.accent)));
        assert!(DARK_VARS.contains(&format!("--paper:{};", DARK.paper)));
        assert!(NIGHT_VARS.contains(&format!("--lift:{};", NIGHT.lift)));
    }

    #[test]
    fn themes_by_name_and_preference() {
        assert_eq!(Theme::parse("Dark"), Some(Theme::Dark));
        assert_eq!(Theme::parse(" auto "), Some(Theme::Auto));
        assert_eq!(Theme::parse("light"), Some(Theme::Light));
        assert_eq!(Theme::parse("sepia"), None);
        assert!(!Theme::Light.is_dark(true));
        assert!(Theme::Dark.is_dark(false));
        assert!(Theme::Auto.is_dark(true) && !Theme::Auto.is_dark(false));
        assert_eq!(vars(true, true), DARK_VARS);
        assert_eq!(vars(false, true), NIGHT_VARS);
        assert_eq!(vars(false, false), LIGHT_VARS);
    }
}
