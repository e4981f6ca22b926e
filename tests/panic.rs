//! A panic while the app runs: the reader gets the build-time text version, not a dead map. In a file
//! of its own, because the wasm instance is unusable after the panic.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use wasm_bindgen_test::*;

mod common;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn a_panic_after_mounting_shows_the_text_version() {
    let _page = common::built_page("");
    // The widget's own start: it listens for the trap a panic ends in (src/web.rs fall_back_on_panic),
    // then mounts with Yew's Renderer.
    county_tour::app::start();
    yew::platform::time::sleep(Duration::from_millis(50)).await;
    let root = gloo::utils::document().get_element_by_id("county-tour").unwrap();
    assert!(root.query_selector("[data-stop]").unwrap().is_some(), "the app is up");

    // A bug surfacing later, in some callback of the running app.
    let _t = gloo::timers::callback::Timeout::new(0, || panic!("a bug"));
    yew::platform::time::sleep(Duration::from_millis(100)).await;
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("The map stopped") && text.contains("余杭区"), "{text}");
    assert!(root.query_selector("[data-stop]").unwrap().is_none(), "the dead map is gone");
}
