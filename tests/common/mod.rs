//! Set-up shared by the in-browser test files.

/// The page as the post-build step writes it, in a `<div>` appended to the body: the mount point
/// (holding `main_html`) and the prerendered text version (one stop, 余杭区) in its template.
pub fn built_page(main_html: &str) -> web_sys::Element {
    let page = gloo::utils::document().create_element("div").unwrap();
    page.set_inner_html(&format!(
        "<main id=\"county-tour\">{main_html}</main><template id=\"ct-static\"><ol><li>余杭区</li></ol></template>"
    ));
    gloo::utils::body().append_child(&page).unwrap();
    page
}
