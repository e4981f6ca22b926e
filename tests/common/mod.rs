//! Set-up shared by the in-browser test files.

/// The page as the post-build step writes it, in a `<div>` appended to the body: the mount point
/// (holding `main_html`), the prerendered text version (one stop, 余杭区) in its template, and the
/// content's Chinese.
pub fn built_page(main_html: &str) -> web_sys::Element {
    let page = gloo::utils::document().create_element("div").unwrap();
    page.set_inner_html(&format!(
        "<main id=\"county-tour\">{main_html}</main><template id=\"ct-static\"><ol><li>余杭区</li></ol></template>{}",
        zh_template()
    ));
    gloo::utils::body().append_child(&page).unwrap();
    page
}

/// The content's Chinese as the post-build step writes it into the page, where the wasm reads it
/// (src/web.rs page_zh): the wasm does not carry it (build.rs zh_from_page).
pub fn zh_template() -> String {
    let list: &[&str] = include!(concat!(env!("OUT_DIR"), "/zh_list.rs"));
    let lines: Vec<_> = list.iter().map(|s| county_tour::export::esc(s)).collect();
    format!("<template id=\"ct-zh\">{}</template>", lines.join("\n"))
}
