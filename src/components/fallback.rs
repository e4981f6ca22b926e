//! What a reader sees if the widget stops: the build-time list of stops from the `<noscript>` block.

/// After a panic the app is gone: replace it with the page's static list of stops (generated into
/// `<noscript id="ct-static">` at build time) so the frame is never left blank.
pub fn show_static_fallback() {
    let doc = gloo::utils::document();
    let Some(root) = doc.get_element_by_id("county-tour") else {
        return;
    };
    let list = doc.get_element_by_id("ct-static").and_then(|n| n.text_content()).unwrap_or_default();
    let note = "<p class=\"ct-error-title\" role=\"alert\">地图暂时无法运行，以下为文字版。· The map stopped; here is the text version.</p>";
    root.set_inner_html(&format!("<div class=\"ct-root ct-error\">{note}{list}</div>"));
}
