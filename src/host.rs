//! The messages the widget exchanges with a host page that frames it: the height it reports
//! (pym.js child format and a plain object) and the one message it accepts from the host.

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
    fn only_the_documented_shape_navigates() {
        assert_eq!(navigate_hash(Some("county-tour:navigate"), Some("#/yiwu")), Some("#/yiwu".into()));
        assert_eq!(navigate_hash(Some("navigate"), Some("#/yiwu")), None);
        assert_eq!(navigate_hash(None, Some("#/yiwu")), None);
        assert_eq!(navigate_hash(Some("county-tour:navigate"), None), None);
        assert_eq!(navigate_hash(Some("county-tour:navigate"), Some(&"x".repeat(500))), None);
    }
}
