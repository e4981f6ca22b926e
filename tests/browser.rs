//! In-browser tests: the real app mounted in headless Chromium, driven through the DOM.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use county_tour::app::{App, AppProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, MouseEvent, MouseEventInit};

mod common;

wasm_bindgen_test_configure!(run_in_browser);

async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(50)).await;
}

fn mount() -> Element {
    let doc = gloo::utils::document();
    let root = doc.create_element("div").unwrap();
    gloo::utils::body().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps { owns_page: false }).render();
    root
}

fn click(el: &Element) {
    let init = MouseEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true); // as a real click is: a link's default (following it) can be prevented
    let ev = MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap();
    el.dispatch_event(&ev).unwrap();
}

fn text(root: &Element, sel: &str) -> Option<String> {
    root.query_selector(sel).unwrap().and_then(|e| e.text_content())
}

#[wasm_bindgen_test]
async fn the_app_mounts_with_18_stops_and_the_overview() {
    gloo::utils::window().location().set_hash("#/").unwrap();
    let root = mount();
    settle().await;
    assert_eq!(root.query_selector_all("a[href][data-stop][role=button]").unwrap().length(), 18);
    assert!(text(&root, ".ct-figs").unwrap().contains("49"));
    root.remove();
}

#[wasm_bindgen_test]
async fn clicking_a_stop_opens_its_card() {
    gloo::utils::window().location().set_hash("#/").unwrap();
    let root = mount();
    settle().await;
    let yiwu = root.query_selector("[data-stop=yiwu]").unwrap().expect("yiwu marker");
    click(&yiwu);
    settle().await;
    assert_eq!(text(&root, "#ct-card-h").as_deref(), Some("义乌市"));
    // Mounted inside someone else's page, the widget leaves the page's address alone.
    assert_eq!(gloo::utils::window().location().hash().unwrap(), "#/");
    let next = root.query_selector(".ct-next").unwrap().unwrap().dyn_into::<web_sys::HtmlElement>().unwrap();
    next.click();
    settle().await;
    assert_eq!(text(&root, "#ct-card-h").as_deref(), Some("柯桥区"));
    root.remove();
}

#[wasm_bindgen_test]
async fn after_a_panic_the_build_time_text_version_takes_the_widgets_place() {
    let page = common::built_page("<p>app</p>");
    county_tour::web::show_static_fallback();
    let root = gloo::utils::document().get_element_by_id("county-tour").unwrap();
    let text = root.text_content().unwrap();
    assert!(text.contains("The map stopped"), "{text}");
    assert!(root.query_selector("ol li").unwrap().is_some_and(|li| li.text_content().as_deref() == Some("余杭区")));
    page.remove();
}
