//! Living inside a host page: report the widget's height to a frame's parent whenever it changes (every
//! protocol at once, from one ResizeObserver), announce the reader's view, and take the documented
//! commands from the parent window (or, inline, from events on the mount element), ignoring everything else.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CustomEvent, CustomEventInit, MessageEvent, ResizeObserver};

use crate::address::View;
use crate::host::{
    command, is_pym_for, lang_code, pym_height_message, view_name, Command, AMP_READY_TYPE, AMP_SENTINEL,
    AMP_SIZE_TYPE, HEIGHT_TYPE, LANG_TYPE, NAVIGATE_TYPE,
};
use crate::model::Lang;

/// The id pym.js gave this frame (`?childId=` on the frame's URL), if any.
fn pym_child_id() -> String {
    let search = gloo::utils::window().location().search().unwrap_or_default();
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|kv| kv.strip_prefix("childId="))
        .map(|v| v.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').take(64).collect())
        .unwrap_or_default()
}

/// The window that frames this one, if the widget is inside someone else's frame (an iframe in an article).
fn parent_window() -> Option<web_sys::Window> {
    let w = gloo::utils::window();
    match w.parent() {
        Ok(Some(p)) if !js_sys::Object::is(&p, &w) => Some(p),
        _ => None,
    }
}

/// Is the widget inside someone else's frame (an iframe in an article)?
pub fn in_frame() -> bool {
    parent_window().is_some()
}

fn content_height() -> u32 {
    gloo::utils::body().offset_height().max(0) as u32
}

/// A plain object with these fields, for postMessage and event details.
fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in fields {
        let _ = js_sys::Reflect::set(&o, &(*k).into(), v);
    }
    o.into()
}

/// Call `window[name]()` where the browser has it.
fn call_window(name: &str) {
    let w = gloo::utils::window();
    if let Ok(f) = js_sys::Reflect::get(&w, &name.into()).and_then(|f| f.dyn_into::<js_sys::Function>()) {
        let _ = f.call0(&w);
    }
}

/// Tell the parent the content's height in every protocol a host may speak: pym.js (when it named this
/// frame), the plain `county-tour:height`, AMP's `embed-size`, and the browser's own responsive iframes
/// (the page opts in with `<meta name="responsive-embedded-sizing">`; `requestResize` asks the browser to
/// measure again where the host set `frame-sizing: content-height`).
fn post_height(child_id: &str, last: &std::cell::Cell<u32>, force: bool) {
    let h = content_height();
    if h == 0 || (!force && h == last.get()) {
        return;
    }
    last.set(h);
    call_window("requestResize");
    let Some(parent) = parent_window() else { return };
    if !child_id.is_empty() {
        let _ = parent.post_message(&JsValue::from_str(&pym_height_message(child_id, h)), "*");
    }
    let _ = parent.post_message(&object(&[("type", HEIGHT_TYPE.into()), ("height", h.into())]), "*");
    let amp = [("sentinel", AMP_SENTINEL.into()), ("type", AMP_SIZE_TYPE.into()), ("height", h.into())];
    let _ = parent.post_message(&object(&amp), "*");
}

/// Tell the host what the reader sees: `kind` is `county-tour:view` or `county-tour:ready`. A frame's
/// parent gets a message; the page gets a `CustomEvent` of that type on `#county-tour` (bubbling), with
/// `{ view, lang }` as its detail. Nothing else goes out.
pub fn announce(kind: &str, view: &View, lang: Lang) {
    let (view, lang) = (JsValue::from(view_name(view)), JsValue::from(lang_code(lang)));
    if let Some(parent) = parent_window() {
        let msg = object(&[("type", kind.into()), ("view", view.clone()), ("lang", lang.clone())]);
        let _ = parent.post_message(&msg, "*");
    }
    if let Some(el) = crate::web::host_element() {
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_detail(&object(&[("view", view), ("lang", lang)]));
        if let Ok(e) = CustomEvent::new_with_event_init_dict(kind, &init) {
            let _ = el.dispatch_event(&e);
        }
    }
}

/// Keeps the host informed; dropped with the app.
pub struct HostLink {
    _observer: Option<ResizeObserver>,
    _on_resize: Option<Closure<dyn Fn()>>,
    _listeners: Vec<gloo::events::EventListener>,
}

/// Start reporting the height (only when framed) and listening for the host's commands: messages from the
/// parent window alone, and inline, `CustomEvent`s on `#county-tour` (`county-tour:navigate` with
/// `detail: { hash }`, `county-tour:lang` with `detail: { lang }`).
pub fn connect(on_command: impl Fn(Command) + 'static) -> HostLink {
    let on_command = std::rc::Rc::new(on_command);
    let child_id = std::rc::Rc::new(pym_child_id());
    let last = std::rc::Rc::new(std::cell::Cell::new(0u32));
    let framed = in_frame();
    let (observer, on_resize) = if framed {
        let (id, last) = (child_id.clone(), last.clone());
        let cb = Closure::<dyn Fn()>::new(move || post_height(&id, &last, false));
        let ro = ResizeObserver::new(cb.as_ref().unchecked_ref()).ok();
        if let Some(ro) = &ro {
            ro.observe(&gloo::utils::body());
        }
        if let Some(parent) = parent_window() {
            let ready = object(&[("sentinel", AMP_SENTINEL.into()), ("type", AMP_READY_TYPE.into())]);
            let _ = parent.post_message(&ready, "*");
        }
        (ro, Some(cb))
    } else {
        (None, None)
    };
    let field = |data: &JsValue, k: &str| js_sys::Reflect::get(data, &k.into()).ok().and_then(|v| v.as_string());
    let run = on_command.clone();
    let mut listeners = vec![gloo::events::EventListener::new(&gloo::utils::window(), "message", move |e| {
        let Some(e) = e.dyn_ref::<MessageEvent>() else { return };
        // Only the window that frames the widget may talk to it: not another frame, not a popup.
        let from_parent = matches!((e.source(), parent_window()), (Some(s), Some(p)) if js_sys::Object::is(&s, &p));
        if !from_parent {
            return;
        }
        let data = e.data();
        if let Some(s) = data.as_string() {
            // pym.js parents send the frame width on load and on resize: answer with the height.
            if is_pym_for(&s, &child_id) {
                post_height(&child_id, &last, true);
            }
            return;
        }
        if !data.is_object() {
            return;
        }
        if let Some(c) =
            command(field(&data, "type").as_deref(), field(&data, "hash").as_deref(), field(&data, "lang").as_deref())
        {
            run(c);
        }
    })];
    if let (false, Some(el)) = (framed, crate::web::host_element()) {
        for kind in [NAVIGATE_TYPE, LANG_TYPE] {
            let run = on_command.clone();
            listeners.push(gloo::events::EventListener::new(&el, kind, move |e| {
                let Some(detail) = e.dyn_ref::<CustomEvent>().map(|e| e.detail()).filter(|d| d.is_object()) else {
                    return;
                };
                if let Some(c) =
                    command(Some(kind), field(&detail, "hash").as_deref(), field(&detail, "lang").as_deref())
                {
                    run(c);
                }
            }));
        }
    }
    HostLink { _observer: observer, _on_resize: on_resize, _listeners: listeners }
}
