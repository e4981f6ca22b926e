//! The messages the widget exchanges with a host page: the height it reports to a frame's parent (pym.js
//! child format, a plain object and AMP's `embed-size`), the events it announces (the reader's view, and
//! that it is ready) and the two commands it accepts (navigate, language).

use crate::address::View;
use crate::model::Lang;

/// pym.js joins message parts with this.
const PYM_DELIMITER: &str = "xPYMx";

/// A pym.js child "height" message, which `new pym.Parent(...)` in the host reads to size the frame.
pub fn pym_height_message(child_id: &str, height: u32) -> String {
    format!("pym{PYM_DELIMITER}{child_id}{PYM_DELIMITER}height{PYM_DELIMITER}{height}")
}

/// The plain message's `type` for the height report: `{ type: "county-tour:height", height: 812 }`.
pub const HEIGHT_TYPE: &str = "county-tour:height";
/// The one message a host may send: `{ type: "county-tour:navigate", hash: "#/yiwu" }`.
pub const NAVIGATE_TYPE: &str = "county-tour:navigate";

/// The event a host receives whenever the reader's view changes:
/// `{ type: "county-tour:view", view: "yiwu" | "route/2" | "overview" | "hunan", lang: "zh" | "en" }`.
pub const VIEW_TYPE: &str = "county-tour:view";
/// The event a host receives once, when the widget is interactive (same fields as `VIEW_TYPE`).
pub const READY_TYPE: &str = "county-tour:ready";
/// The command that switches the language: `{ type: "county-tour:lang", lang: "en" }`.
pub const LANG_TYPE: &str = "county-tour:lang";
/// AMP's `<amp-iframe resizable>` reads `{ sentinel: "amp", type: "embed-size", height }` from the frame.
pub const AMP_SENTINEL: &str = "amp";
pub const AMP_SIZE_TYPE: &str = "embed-size";
/// Tells `<amp-iframe>` the content is up, so it drops its placeholder.
pub const AMP_READY_TYPE: &str = "embed-ready";

/// A view as the host API names it: a stop's public id, `route/2`, `overview`, the start's id
/// (`hangzhou`) or `hunan`.
pub fn view_name(view: &View) -> String {
    match view {
        View::Overview => "overview".to_string(),
        View::Route(n) => format!("route/{n}"),
        View::Stop(id) => id.clone(),
        View::Start => crate::bundle::TOUR.start.id.to_string(),
        View::Hunan => "hunan".to_string(),
    }
}

/// The language as the host API names it.
pub fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh",
        Lang::En => "en",
    }
}

/// What a host may ask of the widget.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Show the view this hash names (parsed like any URL hash, so junk lands on the overview).
    Navigate(String),
    Lang(Lang),
}

/// The command in a host's message with these fields, when it has exactly a documented shape; `None` otherwise.
pub fn command(kind: Option<&str>, hash: Option<&str>, lang: Option<&str>) -> Option<Command> {
    if let Some(h) = navigate_hash(kind, hash) {
        return Some(Command::Navigate(h));
    }
    match (kind, lang) {
        (Some(LANG_TYPE), Some("zh")) => Some(Command::Lang(Lang::Zh)),
        (Some(LANG_TYPE), Some("en")) => Some(Command::Lang(Lang::En)),
        _ => None,
    }
}

/// Is this a pym.js parent message for this child (e.g. the width it sends on load and resize)?
pub fn is_pym_for(data: &str, child_id: &str) -> bool {
    !child_id.is_empty()
        && data.len() < 256
        && data.starts_with(&format!("pym{PYM_DELIMITER}{child_id}{PYM_DELIMITER}"))
}

/// The hash a host asks for, when the message has exactly the documented shape; `None` otherwise.
/// The hash itself is then parsed like any URL hash, so junk still lands on the overview.
pub fn navigate_hash(kind: Option<&str>, hash: Option<&str>) -> Option<String> {
    match (kind, hash) {
        (Some(NAVIGATE_TYPE), Some(h)) if h.len() <= 200 => Some(h.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pym_height_is_in_the_child_format() {
        assert_eq!(pym_height_message("tour", 812), "pymxPYMxtourxPYMxheightxPYMx812");
    }

    #[test]
    fn pym_parent_messages_are_recognised_by_child_id() {
        assert!(is_pym_for("pymxPYMxtourxPYMxwidthxPYMx640", "tour"));
        assert!(!is_pym_for("pymxPYMxotherxPYMxwidthxPYMx640", "tour"));
        assert!(!is_pym_for("pymxPYMxtourxPYMxwidthxPYMx640", ""));
    }

    #[test]
    fn views_and_languages_have_their_api_names() {
        assert_eq!(view_name(&View::Overview), "overview");
        assert_eq!(view_name(&View::Route(2)), "route/2");
        assert_eq!(view_name(&View::Stop("yiwu".into())), "yiwu");
        assert_eq!(view_name(&View::Hunan), "hunan");
        assert_eq!(view_name(&View::Start), "hangzhou");
        assert_eq!((lang_code(Lang::Zh), lang_code(Lang::En)), ("zh", "en"));
    }

    #[test]
    fn commands_in_the_documented_shapes_only() {
        let nav = |h: &str| Some(Command::Navigate(h.to_string()));
        assert_eq!(command(Some(NAVIGATE_TYPE), Some("#/yiwu"), None), nav("#/yiwu"));
        assert_eq!(command(Some(LANG_TYPE), None, Some("en")), Some(Command::Lang(Lang::En)));
        assert_eq!(command(Some(LANG_TYPE), None, Some("zh")), Some(Command::Lang(Lang::Zh)));
        assert_eq!(command(Some(LANG_TYPE), None, Some("EN")), None);
        assert_eq!(command(Some(LANG_TYPE), None, Some("fr")), None);
        assert_eq!(command(Some(LANG_TYPE), Some("#/yiwu"), None), None);
        assert_eq!(command(Some(VIEW_TYPE), Some("#/yiwu"), Some("en")), None);
        assert_eq!(command(None, Some("#/yiwu"), Some("en")), None);
    }

    #[test]
    fn only_the_documented_shape_navigates() {
        assert_eq!(navigate_hash(Some("county-tour:navigate"), Some("#/yiwu")), Some("#/yiwu".into()));
        assert_eq!(navigate_hash(Some("navigate"), Some("#/yiwu")), None);
        assert_eq!(navigate_hash(None, Some("#/yiwu")), None);
        assert_eq!(navigate_hash(Some("county-tour:navigate"), None), None);
        assert_eq!(navigate_hash(Some("county-tour:navigate"), Some(&"x".repeat(500))), None);
    }
}
