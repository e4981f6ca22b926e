//! Living inside a host page's frame: report the widget's height whenever it changes, and take
//! navigation requests from the host in the one documented shape, ignoring everything else.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{MessageEvent, ResizeObserver};

use crate::host::{is_pym_for, navigate_hash, pym_height_message, HEIGHT_TYPE};

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

/// Is the widget inside someone else's frame (an iframe in an article)?
pub fn in_frame() -> bool {
    let w = gloo::utils::window();
    match (w.parent(), w.self_()) {
        (Ok(Some(p)), s) => !js_sys::Object::is(&p, &s),
        _ => false,
    }
}

fn content_height() -> u32 {
    gloo::utils::body().offset_height().max(0) as u32
}

fn post_height(child_id: &str, last: &std::cell::Cell<u32>, force: bool) {
    let h = content_height();
    if h == 0 || (!force && h == last.get()) {
        return;
    }
    last.set(h);
    let Ok(Some(parent)) = gloo::utils::window().parent() else { return };
    if !child_id.is_empty() {
        let _ = parent.post_message(&JsValue::from_str(&pym_height_message(child_id, h)), "*");
    }
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"type".into(), &HEIGHT_TYPE.into());
    let _ = js_sys::Reflect::set(&msg, &"height".into(), &JsValue::from(h));
    let _ = parent.post_message(&msg, "*");
}

/// Keeps the host informed; dropped with the app.
pub struct HostLink {
    _observer: Option<ResizeObserver>,
    _on_resize: Option<Closure<dyn Fn()>>,
    _listener: gloo::events::EventListener,
}

/// Start reporting the height (only when framed) and listening for host messages. `onnavigate`
/// gets the hash a host asked for.
pub fn connect(onnavigate: impl Fn(String) + 'static) -> HostLink {
    let child_id = std::rc::Rc::new(pym_child_id());
    let last = std::rc::Rc::new(std::cell::Cell::new(0u32));
    let (observer, on_resize) = if in_frame() {
        let (id, last) = (child_id.clone(), last.clone());
        let cb = Closure::<dyn Fn()>::new(move || post_height(&id, &last, false));
        let ro = ResizeObserver::new(cb.as_ref().unchecked_ref()).ok();
        if let Some(ro) = &ro {
            ro.observe(&gloo::utils::body());
        }
        (ro, Some(cb))
    } else {
        (None, None)
    };
    let listener = gloo::events::EventListener::new(&gloo::utils::window(), "message", move |e| {
        let Some(e) = e.dyn_ref::<MessageEvent>() else { return };
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
        let field = |k: &str| js_sys::Reflect::get(&data, &k.into()).ok().and_then(|v| v.as_string());
        if let Some(hash) = navigate_hash(field("type").as_deref(), field("hash").as_deref()) {
            onnavigate(hash);
        }
    });
    HostLink { _observer: observer, _on_resize: on_resize, _listener: listener }
}
