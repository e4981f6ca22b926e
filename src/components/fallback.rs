//! What a reader sees if the widget stops: the build-time list of stops from the `<template>` block.

/// After a panic the app is gone: replace it with the page's static list of stops (rendered into
/// `<template id="ct-static">` at build time by src/prerender.rs) so the frame is never left blank.
pub fn show_static_fallback() {
    let doc = gloo::utils::document();
    let Some(root) = doc.get_element_by_id("county-tour") else {
        return;
    };
    let list = doc.get_element_by_id("ct-static").map(|n| n.inner_html()).unwrap_or_default();
    let note = "<p class=\"ct-error-title\" role=\"alert\">地图暂时无法运行，以下为文字版。· The map stopped; here is the text version.</p>";
    let theme = crate::palette::LIGHT.css_vars();
    root.set_inner_html(&format!("<div class=\"ct-root ct-error\" style=\"{theme}\">{note}{list}</div>"));
}
