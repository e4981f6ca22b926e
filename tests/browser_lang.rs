//! The content's English is not in the wasm: the page's loader brings it when a reader first asks for it
//! (src/web.rs with_text). In a file of its own, because the wasm keeps the English once it has read it.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use county_tour::app::{App, AppProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod common;

wasm_bindgen_test_configure!(run_in_browser);

fn text(root: &web_sys::Element, sel: &str) -> Option<String> {
    root.query_selector(sel).ok().flatten().and_then(|e| e.text_content())
}

#[wasm_bindgen_test]
async fn the_switch_to_english_waits_for_the_english_the_page_fetches_and_then_shows_it() {
    gloo::utils::window().location().set_hash("#/yiwu").unwrap();
    let _page = common::built_page("");
    // The page's loader as tools/postbuild.mjs writes it, with a slow network: the English arrives in a
    // <template id="ct-en"> 300 ms after the first request, and every fetch is counted.
    let make = js_sys::Function::new_with_args(
        "html",
        "let calls = 0, once; globalThis.__countyTourEnCalls = () => calls;
         return () => once ??= (calls++, new Promise((done) => setTimeout(() => {
           document.body.insertAdjacentHTML('beforeend', html); done(); }, 300)));",
    );
    let loader = make.call1(&wasm_bindgen::JsValue::NULL, &common::en_template().into()).unwrap();
    js_sys::Reflect::set(&js_sys::global(), &"__countyTourEn".into(), &loader).unwrap();
    let calls = || {
        let f: js_sys::Function =
            js_sys::Reflect::get(&js_sys::global(), &"__countyTourEnCalls".into()).unwrap().unchecked_into();
        f.call0(&wasm_bindgen::JsValue::NULL).unwrap().as_f64().unwrap()
    };

    let root = gloo::utils::document().get_element_by_id("county-tour").unwrap();
    yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps { owns_page: false }).render();
    yew::platform::time::sleep(Duration::from_millis(50)).await;
    assert_eq!(text(&root, "#ct-card-h").as_deref(), Some("义乌市"));
    assert_eq!(calls(), 0.0, "a Chinese reader fetches no English");

    let switch = root.query_selector(".ct-lang").unwrap().unwrap().dyn_into::<web_sys::HtmlElement>().unwrap();
    switch.click();
    switch.click(); // a second tap while it loads asks again, and fetches nothing more
    yew::platform::time::sleep(Duration::from_millis(100)).await;
    // Until the English is there the widget stays in Chinese, rather than show English buttons over Chinese facts.
    assert_eq!(text(&root, "#ct-card-h").as_deref(), Some("义乌市"));
    assert_eq!(text(&root, ".ct-lang").as_deref(), Some("EN"));
    yew::platform::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(text(&root, "#ct-card-h").as_deref(), Some("Yiwu"));
    assert_eq!(text(&root, ".ct-lang").as_deref(), Some("中文"));
    let card = text(&root, ".ct-card").unwrap_or_default();
    assert!(card.contains("Yiwu International Trade City"), "{card}");
    assert_eq!(calls(), 1.0);

    // Back to Chinese and to English again: at once, nothing fetched.
    let switch = || root.query_selector(".ct-lang").unwrap().unwrap().dyn_into::<web_sys::HtmlElement>().unwrap();
    switch().click();
    yew::platform::time::sleep(Duration::from_millis(50)).await;
    assert_eq!(text(&root, "#ct-card-h").as_deref(), Some("义乌市"));
    switch().click();
    yew::platform::time::sleep(Duration::from_millis(50)).await;
    assert_eq!(text(&root, "#ct-card-h").as_deref(), Some("Yiwu"));
    assert_eq!(calls(), 1.0);
}
