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

thread_local! {
    /// The app the last test mounted: the next `mount` ends it. Its root's removal alone would leave it running
    /// (an automatic tour, a flight, a resize), and its map's renders would count in the next test's figures.
    static APP: std::cell::RefCell<Option<yew::AppHandle<App>>> = const { std::cell::RefCell::new(None) };
}

fn mount() -> Element {
    if let Some(app) = APP.with(|a| a.borrow_mut().take()) {
        app.destroy();
    }
    let doc = gloo::utils::document();
    // The widget's own stylesheet, so the map has the size and layout a reader's has.
    if doc.get_element_by_id("ct-test-style").is_none() {
        let style = doc.create_element("style").unwrap();
        style.set_id("ct-test-style");
        style.set_text_content(Some(include_str!("../assets/style.css")));
        doc.head().unwrap().append_child(&style).unwrap();
    }
    if doc.get_element_by_id("ct-zh").is_none() {
        gloo::utils::body().insert_adjacent_html("beforeend", &common::zh_template()).unwrap();
    }
    let root = doc.create_element("div").unwrap();
    // An article's column of its own, whatever the test runner writes to the page around it.
    root.set_attribute("style", "position:fixed;left:0;top:0;width:1000px;height:700px;overflow:auto").unwrap();
    gloo::utils::body().append_child(&root).unwrap();
    let app = yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps { owns_page: false }).render();
    APP.with(|a| *a.borrow_mut() = Some(app));
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
    steady(|| root.query_selector(".ct-warm").unwrap().is_none(), |gone| *gone).await;
    let yiwu = root.query_selector("[data-stop=yiwu]").unwrap().expect("yiwu marker");
    click(&yiwu);
    let title = steady(|| text(&root, "#ct-card-h"), |t| t.is_some()).await;
    assert_eq!(title.as_deref(), Some("义乌市"));
    // Mounted inside someone else's page, the widget leaves the page's address alone (also once the work it
    // leaves for after the next frame is done, at most 200 ms later).
    yew::platform::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(gloo::utils::window().location().hash().unwrap(), "#/");
    let next = root.query_selector(".ct-next").unwrap().unwrap().dyn_into::<web_sys::HtmlElement>().unwrap();
    next.click();
    settle().await;
    assert_eq!(text(&root, "#ct-card-h").as_deref(), Some("柯桥区"));
    root.remove();
}

fn press(root: &Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    root.query_selector(".ct-svg").unwrap().expect("the map").dispatch_event(&ev).unwrap();
}

/// Wait (up to 5 s: the debug build is slow) until `f` gives the same value twice 100 ms apart and `ok` holds.
async fn steady<T: PartialEq>(f: impl Fn() -> T, ok: impl Fn(&T) -> bool) -> T {
    let mut last = f();
    for _ in 0..50 {
        yew::platform::time::sleep(Duration::from_millis(100)).await;
        let now = f();
        if now == last && ok(&now) {
            return now;
        }
        last = now;
    }
    last
}

fn hint_shown(root: &Element) -> bool {
    root.query_selector(".ct-hint").unwrap().is_some_and(|h| !h.has_attribute("hidden"))
}

#[wasm_bindgen_test]
async fn a_tap_rings_its_marker_then_shows_the_card_then_the_map_follows() {
    use county_tour::components::map::renders;
    gloo::utils::window().location().set_hash("#/").unwrap();
    let root = mount();
    let stops = || root.query_selector_all("[data-stop]").map(|l| l.length()).unwrap_or(0);
    steady(stops, |n| *n == 18).await;
    // The start-up's hidden card (`Action::Warm`) is gone: the only card heading is the tap's.
    steady(|| root.query_selector(".ct-warm").unwrap().is_none(), |gone| *gone).await;
    let before = renders();
    click(&root.query_selector("[data-stop=yiwu]").unwrap().expect("yiwu marker"));
    // At once, in the click itself: the marker's ring, and nothing rendered yet (the card waits for the frame
    // that shows the ring, web::after_paint).
    let ringed = || root.query_selector("[data-stop=yiwu][data-tap]").unwrap().is_some();
    assert!(ringed(), "the tapped marker is ringed at once");
    assert_eq!(text(&root, "#ct-card-h"), None, "the card waits for the ring's frame");
    // Then the card, before the map renders for the view (it follows after the card's frame). The map's render
    // count is read when the heading enters the page (a mutation observer's callback runs in the task that drew
    // it): a timer polling for it could run a frame late on a busy machine and see the map's render too.
    let at_card: std::rc::Rc<std::cell::RefCell<Option<(String, u32)>>> = Default::default();
    let seen = at_card.clone();
    let watched = root.clone();
    let on_change = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
        if seen.borrow().is_none() {
            if let Some(h) = text(&watched, "#ct-card-h") {
                *seen.borrow_mut() = Some((h, renders()));
            }
        }
    });
    let observer = web_sys::MutationObserver::new(on_change.as_ref().unchecked_ref()).unwrap();
    let opts = web_sys::MutationObserverInit::new();
    opts.set_child_list(true);
    opts.set_subtree(true);
    observer.observe_with_options(&root, &opts).unwrap();
    let (card, count) = steady(|| at_card.borrow().clone(), |c| c.is_some()).await.expect("the card shows");
    observer.disconnect();
    assert_eq!(card, "义乌市");
    assert_eq!(count - before, 0, "the map rendered in the card's own frame");
    let selected = || root.query_selector("[data-stop=yiwu].sel").unwrap().is_some();
    steady(selected, |s| *s).await;
    assert_eq!(renders() - before, 1, "the map renders once for the new view");
    assert!(!ringed(), "the map's own ring (.sel) takes over from the tap's");
    root.remove();
}

#[wasm_bindgen_test]
async fn the_presenters_countdown_does_not_render_the_map() {
    use county_tour::components::map::renders;
    gloo::utils::window().location().set_hash("#/yiwu").unwrap();
    let root = mount();
    let class = || root.first_element_child().map(|e| e.class_name()).unwrap_or_default();
    steady(class, |c| !c.is_empty()).await;
    press(&root, "p");
    steady(class, |c| c.contains("present")).await;
    press(&root, " "); // the automatic tour: a countdown that renders the app every second
    let countdown = || text(&root, ".ct-countdown").unwrap_or_default();
    steady(countdown, |c| !c.is_empty()).await;
    let (before, renders_before) = (countdown(), renders());
    assert!(before.starts_with("12") || before.starts_with("11"), "the tour's countdown runs: {before:?}");
    yew::platform::time::sleep(Duration::from_millis(5000)).await;
    let after = countdown();
    assert!(after.starts_with('7') || after.starts_with('6'), "5 s later: {before:?} -> {after:?}");
    assert_eq!(renders() - renders_before, 0, "the map rendered while only the countdown changed");
    assert_eq!(text(&root, "#ct-card-h").as_deref(), Some("义乌市"));
    press(&root, " ");
    press(&root, "Escape");
    root.remove();
}

#[wasm_bindgen_test]
async fn wheel_ticks_over_an_untouched_map_show_the_hint_without_rendering_it() {
    use county_tour::components::map::renders;
    gloo::utils::window().location().set_hash("#/").unwrap();
    let root = mount();
    settle().await;
    // The app has started: on the overview it draws one card hidden and drops it a frame later (`Action::Warm`).
    // Without a first frame to measure (this page has none) the map starts framed for a guessed size and
    // frames itself for its own a few frames later; here that came as the hidden card went.
    steady(|| root.query_selector(".ct-warm").unwrap().is_none(), |gone| *gone).await;
    let svg = root.query_selector(".ct-svg").unwrap().expect("the map");
    let view_box = steady(|| svg.get_attribute("viewBox"), |_| true).await;
    assert!(!hint_shown(&root), "no hint before the wheel");
    let before = renders();
    for _ in 0..20 {
        let init = web_sys::WheelEventInit::new();
        init.set_delta_y(100.0);
        init.set_bubbles(true);
        init.set_cancelable(true);
        let ev = web_sys::WheelEvent::new_with_event_init_dict("wheel", &init).unwrap();
        svg.dispatch_event(&ev).unwrap();
        yew::platform::time::sleep(Duration::from_millis(20)).await;
    }
    settle().await;
    assert!(hint_shown(&root), "the wheel over an untouched map shows the hint");
    assert_eq!(svg.get_attribute("viewBox"), view_box, "and does not zoom");
    assert_eq!(renders() - before, 0, "the map rendered on wheel ticks");
    yew::platform::time::sleep(Duration::from_millis(2000)).await;
    assert!(!hint_shown(&root), "the hint goes away by itself");
    assert_eq!(renders() - before, 0);
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
