//! The few browser calls the views need, each failing quietly: a widget inside someone else's page
//! must never throw because a browser lacks an API.

use wasm_bindgen::JsCast;

use crate::model::Lang;

/// Rewrite the hash without adding a history entry (Back still leaves the page).
pub fn replace_hash(hash: &str) {
    let w = gloo::utils::window();
    let loc = w.location();
    if loc.hash().unwrap_or_default() == hash || (hash == "#/" && loc.hash().unwrap_or_default().is_empty()) {
        return;
    }
    let url = format!("{}{}{}", loc.pathname().unwrap_or_default(), loc.search().unwrap_or_default(), hash);
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// `<html lang>`, written only when it changes: writing even the same value makes the browser recompute
/// every element's style (`:lang()`), which a reader's click would wait for.
pub fn set_document_lang(lang: Lang) {
    if let Some(el) = gloo::utils::document().document_element() {
        if el.get_attribute("lang").as_deref() != Some(lang.tag()) {
            let _ = el.set_attribute("lang", lang.tag());
        }
    }
}

/// Run `f` once the browser has painted the next frame (an animation frame, then a task): work that can
/// wait, such as the map's render for a new view and the host's events, stays out of the time between a tap
/// and the card it opens (interaction to next paint). A hidden page paints no frames, so `f` runs after 200 ms
/// at the latest.
pub fn after_paint(f: Box<dyn FnOnce()>) {
    use std::{cell::Cell, rc::Rc};
    use wasm_bindgen::closure::Closure;
    let once = Rc::new(Cell::new(Some(f)));
    type Once = Rc<Cell<Option<Box<dyn FnOnce()>>>>;
    let run = |once: Once| {
        Closure::once_into_js(move || {
            if let Some(f) = once.take() {
                f()
            }
        })
    };
    let w = gloo::utils::window();
    let (task, fallback) = (run(once.clone()), run(once));
    let then = Closure::once_into_js(move || {
        let _ = gloo::utils::window().set_timeout_with_callback(task.unchecked_ref());
    });
    let _ = w.request_animation_frame(then.unchecked_ref());
    let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(fallback.unchecked_ref(), 200);
}

/// Keys typed into a form field are the reader's text, not commands.
pub fn typing_in_field(e: &web_sys::KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .map(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.has_attribute("contenteditable")
        })
        .unwrap_or(false)
}

pub fn toggle_fullscreen() {
    let doc = gloo::utils::document();
    if doc.fullscreen_element().is_some() {
        doc.exit_fullscreen();
    } else if let Some(el) = doc.document_element() {
        let _ = el.request_fullscreen();
    }
}

/// The theme a reader was given: `?theme=` on the address, else `data-theme` on the host's
/// `#county-tour` (an inline mount), else light.
pub fn requested_theme() -> crate::palette::Theme {
    let query = crate::address::parse_query(&gloo::utils::window().location().search().unwrap_or_default()).theme;
    let attr = || {
        let host = host_element()?;
        crate::palette::Theme::parse(&host.get_attribute("data-theme")?)
    };
    query.or_else(attr).unwrap_or_default()
}

/// The language a reader was given: `?lang=` on the address, else `data-lang` on `#county-tour` (en.html's
/// own, or an inline mount's in an English article), else Chinese. The attribute takes the query's values.
pub fn requested_lang() -> Lang {
    let query = |q: &str| crate::address::parse_query(q).lang;
    let attr = || query(&format!("lang={}", host_element()?.get_attribute("data-lang")?));
    query(&gloo::utils::window().location().search().unwrap_or_default()).or_else(attr).unwrap_or_default()
}

fn dark_scheme() -> Option<web_sys::MediaQueryList> {
    gloo::utils::window().match_media("(prefers-color-scheme: dark)").ok().flatten()
}

/// Does the reader's system prefer dark colours?
pub fn prefers_dark() -> bool {
    dark_scheme().is_some_and(|m| m.matches())
}

/// Calls `f` with the new preference whenever the reader's system switches between light and dark.
pub fn on_scheme_change(f: impl Fn(bool) + 'static) -> Option<gloo::events::EventListener> {
    let m = dark_scheme()?;
    let q = m.clone();
    Some(gloo::events::EventListener::new(&m, "change", move |_| f(q.matches())))
}

pub fn prefers_reduced_motion() -> bool {
    gloo::utils::window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .map(|m| m.matches())
        .unwrap_or(false)
}

/// The widget's panel (the card, a route's list or the overview's text), inside `root`, the widget's own element.
fn panel(root: Option<web_sys::Element>) -> Option<web_sys::Element> {
    root?.query_selector(".ct-panel").ok()?
}

/// A new view's panel starts at its top: the phone's sheet and the projector's panel scroll on their own, and
/// kept the last card's offset, so a swipe to the next card could open it halfway down.
pub fn panel_to_top(root: Option<web_sys::Element>) {
    if let Some(p) = panel(root) {
        p.set_scroll_top(0);
    }
}

/// Scroll a panel longer than the projector's screen (a card, the overview's text) on by most of a screen
/// (`state::reveal`), smoothly unless the reader prefers less motion. False when it shows its end already (its
/// start, `forward` false).
pub fn reveal_panel(root: Option<web_sys::Element>, forward: bool) -> bool {
    let Some(p) = panel(root) else { return false };
    let Some(y) =
        crate::state::reveal(p.scroll_top() as f64, p.client_height() as f64, p.scroll_height() as f64, forward)
    else {
        return false;
    };
    let opts = web_sys::ScrollToOptions::new();
    opts.set_top(y);
    opts.set_behavior(if prefers_reduced_motion() {
        web_sys::ScrollBehavior::Instant
    } else {
        web_sys::ScrollBehavior::Smooth
    });
    p.scroll_to_with_scroll_to_options(&opts);
    true
}

/// After a panic, put a readable list of the stops where the app was. Not a panic hook: the release
/// wasm aborts on a panic without running one (`-Cpanic=immediate-abort`, tools/build). Either way the
/// panic ends in a wasm trap, which reaches the page as a `WebAssembly.RuntimeError`: thrown out of an
/// event handler or timer (`error`) or rejecting an async task's promise (`unhandledrejection`). Both
/// are caught here, once; the trap stopped the app where the panic was, as a hook would have seen it.
pub fn fall_back_on_panic() {
    use wasm_bindgen::closure::Closure;
    thread_local! {
        static SHOWN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    let on_error = Closure::<dyn Fn(web_sys::Event)>::new(|e: web_sys::Event| {
        let error = ["error", "reason"]
            .iter()
            .find_map(|k| js_sys::Reflect::get(&e, &(*k).into()).ok().filter(|v| v.is_object()));
        if error.is_some_and(|v| v.is_instance_of::<js_sys::WebAssembly::RuntimeError>())
            && !SHOWN.with(|s| s.replace(true))
        {
            gloo::console::warn!("county-tour stopped");
            show_static_fallback();
        }
    });
    let w = gloo::utils::window();
    for kind in ["error", "unhandledrejection"] {
        let _ = w.add_event_listener_with_callback(kind, on_error.as_ref().unchecked_ref());
    }
    on_error.forget();
}

/// The id of the prerendered overview index.html paints before the wasm runs (src/prerender.rs).
const FIRST_FRAME: &str = "ct-first";
/// The element a page gives the widget: `<main id="county-tour" data-page>` on its own page, a
/// `<div id="county-tour">` in an article.
const HOST: &str = "county-tour";
/// Inside an article, embed.js gives the host element a shadow root and this mount inside it, so that
/// the article's CSS cannot reach the widget.
const SHADOW_MOUNT: &str = "ct-mount";

/// The page's `#county-tour`, where an inline mount's events go out and come in.
pub fn host_element() -> Option<web_sys::Element> {
    gloo::utils::document().get_element_by_id(HOST)
}

/// The widget's element with this id: in the inline mount's shadow root when there is one, else in the
/// document.
fn by_id(id: &str) -> Option<web_sys::Element> {
    let doc = gloo::utils::document();
    match host_element().and_then(|h| h.shadow_root()) {
        Some(shadow) => shadow.get_element_by_id(id),
        None => doc.get_element_by_id(id),
    }
}

/// Where the app renders: the mount in the inline mount's shadow root, else the page's `#county-tour`,
/// else a new one at the end of the body.
pub fn mount_point() -> web_sys::Element {
    if let Some(mount) = by_id(SHADOW_MOUNT) {
        return mount;
    }
    let doc = gloo::utils::document();
    doc.get_element_by_id(HOST).unwrap_or_else(|| {
        let el = doc.create_element("div").expect("create div");
        el.set_id(HOST);
        let _ = gloo::utils::body().append_child(&el);
        el
    })
}
const LAYERS: [&str; 6] = ["land", "focus", "lakes", "rivers", "borders", "coast"];

thread_local! {
    static BASE_LAYERS: Option<web_sys::Element> = copy_base_layers();
}

/// The delta map's six outline paths (`<path data-layer="land" …>` …) in one SVG `<g>`, copied from
/// the page's first frame, so the wasm need not carry them. `None` when the page has no first frame.
/// Copied, not moved: Yew yields to the browser while it renders, so frames are painted between the
/// app's start and the removal of the first frame, which must keep its land until then (a copy costs
/// about 0.1 ms at 4x CPU; the browser shares the path strings). Make the first call before the first
/// frame is removed (`app::start` does).
pub fn base_layers() -> Option<web_sys::Element> {
    BASE_LAYERS.with(|g| g.clone())
}

fn copy_base_layers() -> Option<web_sys::Element> {
    let doc = gloo::utils::document();
    let first = by_id(FIRST_FRAME)?;
    let g = doc.create_element_ns(Some("http://www.w3.org/2000/svg"), "g").ok()?;
    g.set_attribute("class", "ct-layers").ok()?;
    for layer in LAYERS {
        if let Ok(Some(p)) = first.query_selector(&format!("path[data-layer={layer}]")) {
            if let Ok(copy) = p.clone_node_with_deep(true) {
                let _ = g.append_child(&copy);
            }
        }
    }
    Some(g)
}

/// The outlines as path data, for the handout: read from [`base_layers`] when first asked for.
pub fn page_layers() -> crate::basemap::Layers {
    match base_layers() {
        Some(g) => layers_in(&g),
        None => crate::basemap::Layers::default(),
    }
}

/// The outline paths (`[data-layer=…]`) under `root` as path data; empty strings for whatever is missing.
pub fn layers_in(root: &web_sys::Element) -> crate::basemap::Layers {
    let d = |layer: &str| -> crate::model::Str {
        let d = root
            .query_selector(&format!("[data-layer={layer}]"))
            .ok()
            .flatten()
            .and_then(|p| p.get_attribute("d"))
            .unwrap_or_default();
        std::borrow::Cow::Owned(d)
    };
    crate::basemap::Layers {
        land: d("land"),
        focus: d("focus"),
        lakes: d("lakes"),
        rivers: d("rivers"),
        borders: d("borders"),
        coast: d("coast"),
    }
}

/// The size of the first frame's map, in CSS px, while the page shows it: the live map takes the same
/// box, so its first render can frame the camera for it. `None` without a shown first frame.
pub fn first_map_size() -> Option<(f64, f64)> {
    let map = by_id(FIRST_FRAME)?.query_selector(".ct-map").ok()??;
    let (w, h) = (map.client_width(), map.client_height());
    (w > 0 && h > 0).then_some((w as f64, h as f64))
}

/// The live map has drawn: the page's first frame goes. Its prerendered panels (every card and route, drawn
/// by the same views as the app's) stay a moment longer, to warm the browser's text up ([`warm_text`]).
pub fn remove_first_frame() {
    if let Some(el) = by_id(FIRST_FRAME) {
        let panels = el.query_selector_all(".ct-target > section");
        // The live panel may be showing one of these cards: the ids stay its own.
        if let Ok(ids) = el.query_selector_all(".ct-target [id]") {
            for i in 0..ids.length() {
                let _ = ids.item(i).map(|n| n.unchecked_into::<web_sys::Element>().remove_attribute("id"));
            }
        }
        el.remove();
        if let Ok(panels) = panels {
            warm_text(panels);
        }
    }
}

/// The first time a card's text is laid out costs far more than any later time (fonts and glyphs are loaded
/// once, then cached): at 4× CPU, 梁溪区's card took 56–69 ms of layout as the first card of a page, 17–22 ms
/// (medians) after the page's cards had been laid out once (bench/tapab.mjs, paired pages). So, as the app starts,
/// the page's own prerendered panels are laid out where the reader cannot see them (`.ct-warm`: hidden, out
/// of the flow, its own layout root), one after each painted frame, then dropped; a reader's tap then waits
/// for the card's layout alone. Nothing is shown, announced or focusable, and nothing is left behind.
fn warm_text(panels: web_sys::NodeList) {
    if panels.length() == 0 {
        return; // an inline mount's first paint (embed.js) carries outlines only
    }
    let stage = mount_point().query_selector(".ct-stage").ok().flatten();
    let warm = gloo::utils::document().create_element("div").ok();
    let (Some(stage), Some(warm)) = (stage, warm) else {
        return;
    };
    for (name, value) in [("class", "ct-warm"), ("aria-hidden", "true"), ("inert", "")] {
        let _ = warm.set_attribute(name, value);
    }
    let _ = stage.append_child(&warm);
    fn next(warm: web_sys::Element, panels: web_sys::NodeList, i: u32) {
        let Some(panel) = panels.item(i) else {
            warm.remove();
            return;
        };
        let _ = warm.append_child(&panel);
        warm.get_bounding_client_rect(); // lays the panel out now, inside the `.ct-warm` layout root alone
        after_paint(Box::new(move || next(warm, panels, i + 1)));
    }
    after_paint(Box::new(move || next(warm, panels, 0)));
}

/// The delta base map with its outlines, for the handout and a page without a first paint. The wasm
/// carries no outlines (`bundle::DELTA`): the prerendered page paints them before the wasm arrives
/// (`#ct-first`, src/prerender.rs; embed.js brings the same for an inline mount); the live map shows
/// those elements themselves ([`base_layers`]), and this reads their path data once, on first use.
/// A page without them gets a map without outlines, never an error.
pub fn delta() -> &'static crate::basemap::Basemap {
    thread_local! {
        static WITH_LAYERS: &'static crate::basemap::Basemap =
            Box::leak(Box::new(crate::basemap::Basemap { layers: page_layers(), ..crate::bundle::DELTA.clone() }));
    }
    WITH_LAYERS.with(|b| *b)
}

/// The page's templates that hold the content's text, one string a line, by build.rs's mark (`\u{1}` Chinese,
/// `\u{2}` English; see `model::text`). index.html carries the Chinese beside the text it repeats (embed.js
/// brings it for an inline mount); the English arrives when a reader asks for it ([`with_text`]).
const TEXT_LISTS: [&str; 2] = ["ct-zh", "ct-en"];

/// A content field's text: the field itself, or for a marked field its line of the page's list, read on
/// first use. `None` when the page has no such list (yet).
pub fn page_text(field: &str) -> Option<&str> {
    thread_local! {
        static LISTS: std::cell::RefCell<[Option<Vec<&'static str>>; 2]> = Default::default();
    }
    let Some(which @ 0..=1) = field.bytes().next().map(|b| usize::from(b).wrapping_sub(1)) else {
        return Some(field);
    };
    let i = field[1..].bytes().try_fold(0usize, |n, b| b.is_ascii_digit().then(|| n * 10 + usize::from(b - b'0')))?;
    LISTS.with_borrow_mut(|lists| {
        let list = &mut lists[which];
        if list.is_none() {
            *list = by_id(TEXT_LISTS[which])
                .map(|t| Box::leak(unescape(&t.inner_html()).into_boxed_str()).split('\n').collect());
        }
        list.as_ref()?.get(i).copied()
    })
}

/// Run `then` once the page has the content in `lang`: at once if it does, else once the page's loader
/// (`__countyTourEn`, tools/postbuild.mjs) has fetched the English into `<template id="ct-en">`. If that
/// cannot load (offline), `then` still runs and the content shows in the language the page has.
pub fn with_text(lang: Lang, then: Box<dyn FnOnce()>) {
    if lang == Lang::Zh || by_id(TEXT_LISTS[1]).is_some() {
        then()
    } else {
        crate::lazy::with_english(then)
    }
}

/// Text from markup that has no tags: the browser escapes only these four in text (`"` comes back as is).
/// By hand rather than `str::replace`, whose substring search would cost the wasm more than this does.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let (c, len) = [("&amp;", '&'), ("&lt;", '<'), ("&gt;", '>'), ("&nbsp;", '\u{a0}')]
            .iter()
            .find(|(e, _)| rest.starts_with(e))
            .map_or(('&', 1), |(e, c)| (*c, e.len()));
        out.push(c);
        rest = &rest[len..];
    }
    out.push_str(rest);
    out
}

/// After a panic the app is gone: replace it with the page's static list of stops (rendered into
/// `<template id="ct-static">` at build time by src/prerender.rs) so the frame is never left blank.
pub fn show_static_fallback() {
    let root = mount_point();
    let list = by_id("ct-static").map(|n| n.inner_html()).unwrap_or_default();
    let note = "<p class=\"ct-error-title\" role=\"alert\">地图暂时无法运行，以下为文字版。· The map stopped; here is the text version.</p>";
    let theme = crate::palette::LIGHT_VARS;
    root.set_inner_html(&format!("<div class=\"ct-root ct-error\" style=\"{theme}\">{note}{list}</div>"));
}
