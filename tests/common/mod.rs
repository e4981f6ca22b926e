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
/// (src/web.rs page_text): the wasm does not carry it (build.rs from_page).
pub fn zh_template() -> String {
    template("ct-zh", include!(concat!(env!("OUT_DIR"), "/zh_list.rs")))
}

/// The content's English as the page's loader brings it when a reader asks for English.
#[allow(dead_code)] // only the language test uses it
pub fn en_template() -> String {
    template("ct-en", include!(concat!(env!("OUT_DIR"), "/en_list.rs")))
}

fn template(id: &str, list: &[&str]) -> String {
    let lines: Vec<_> = list.iter().map(|s| county_tour::export::esc(s)).collect();
    format!("<template id=\"{id}\">{}</template>", lines.join("\n"))
}
