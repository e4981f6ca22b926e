//! A panic while the app runs: the reader gets the build-time text version, not a dead map. In a file
//! of its own, because the wasm instance is unusable after the panic.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use county_tour::app::{App, AppProps};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn a_panic_after_mounting_shows_the_text_version() {
    let doc = gloo::utils::document();
    // The page as the post-build step writes it: the mount point and the generated text version.
    let page = doc.create_element("div").unwrap();
    page.set_inner_html(
        "<main id=\"county-tour\"></main><noscript id=\"ct-static\"><ol><li>余杭区</li></ol></noscript>",
    );
    gloo::utils::body().append_child(&page).unwrap();
    // What `app::start` does: our hook first, then the Renderer, which must not replace it with its own.
    county_tour::web::install_panic_hook();
    let root = doc.get_element_by_id("county-tour").unwrap();
    yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps { owns_page: false }).render();
    yew::platform::time::sleep(Duration::from_millis(50)).await;
    assert!(root.query_selector("[data-stop]").unwrap().is_some(), "the app is up");

    // A bug surfacing later, in some callback of the running app.
    let _t = gloo::timers::callback::Timeout::new(0, || panic!("a bug"));
    yew::platform::time::sleep(Duration::from_millis(100)).await;
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("The map stopped") && text.contains("余杭区"), "{text}");
    assert!(root.query_selector("[data-stop]").unwrap().is_none(), "the dead map is gone");
}
