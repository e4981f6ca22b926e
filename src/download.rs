//! Saving an exported map: an SVG document as a file, or drawn onto a canvas and saved as PNG.
//! Browser glue only; the document itself comes from `crate::export`. Each step fails quietly.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, CanvasRenderingContext2d, HtmlAnchorElement, HtmlCanvasElement, Url};

use crate::export::Sheet;

/// Hand a blob to the browser as a download named `name` (an object URL and an `<a download>`).
fn save_blob(name: &str, blob: &Blob) -> Option<()> {
    let url = Url::create_object_url_with_blob(blob).ok()?;
    let doc = gloo::utils::document();
    let a: HtmlAnchorElement = doc.create_element("a").ok()?.dyn_into().ok()?;
    a.set_href(&url);
    a.set_download(name);
    let _ = gloo::utils::body().append_child(&a);
    a.click();
    a.remove();
    // Revoked later: the download may still be reading it.
    gloo::timers::callback::Timeout::new(30_000, move || drop(Url::revoke_object_url(&url))).forget();
    Some(())
}

/// Save the document as `name` (an .svg file).
pub fn save_svg(name: &str, sheet: &Sheet) {
    let opts = BlobPropertyBag::new();
    opts.set_type("image/svg+xml;charset=utf-8");
    let parts = js_sys::Array::of1(&JsValue::from_str(&sheet.svg));
    if let Ok(blob) = Blob::new_with_str_sequence_and_options(&parts, &opts) {
        save_blob(name, &blob);
    }
}

/// Draw the document at `zoom` times its size (as a `data:` image, allowed by a strict CSP) and save it as PNG.
pub fn save_png(name: &str, sheet: &Sheet, zoom: f64) -> Option<()> {
    let (w, h) = ((sheet.width * zoom).round(), (sheet.height * zoom).round());
    let img = web_sys::HtmlImageElement::new().ok()?;
    let name = name.to_string();
    let loaded = img.clone();
    let onload = Closure::once_into_js(move || {
        let draw = || -> Option<()> {
            let canvas: HtmlCanvasElement = gloo::utils::document().create_element("canvas").ok()?.dyn_into().ok()?;
            canvas.set_width(w as u32);
            canvas.set_height(h as u32);
            let ctx: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
            ctx.draw_image_with_html_image_element_and_dw_and_dh(&loaded, 0.0, 0.0, w, h).ok()?;
            let saved = Closure::once_into_js(move |blob: Option<Blob>| {
                if let Some(blob) = blob {
                    save_blob(&name, &blob);
                }
            });
            canvas.to_blob(saved.unchecked_ref()).ok()
        };
        if draw().is_none() {
            gloo::console::warn!("county-tour: the PNG could not be drawn");
        }
    });
    img.set_onload(Some(onload.unchecked_ref()));
    let src = js_sys::encode_uri_component(&sheet.svg);
    img.set_src(&format!("data:image/svg+xml;charset=utf-8,{}", String::from(src)));
    Some(())
}
