//! The widget's side of the `extras` wasm (src/extras.rs): the QR code, export and Hunan outlines, fetched on
//! first use; and of the content's English, fetched when a reader first asks for it.
//! The page's loader (boot.js, embed.js or the single-file page, written by tools/postbuild.mjs) defines
//! `globalThis.__countyTourExtras()`, a promise of the extras module, fetched and started once.
//! If it is missing or cannot load (offline, blocked), the callers simply get nothing.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    /// The extras module's exports.
    pub type Extras;

    /// The loader's promise of the module.
    type Loading;

    #[wasm_bindgen(catch, js_name = __countyTourExtras)]
    fn load() -> Result<Loading, JsValue>;

    #[wasm_bindgen(method, js_name = then)]
    fn then(this: &Loading, ok: &JsValue, failed: &JsValue);

    /// The loader's promise of the content's English in the page (`<template id="ct-en">`).
    #[wasm_bindgen(catch, js_name = __countyTourEn)]
    fn load_english() -> Result<Loading, JsValue>;

    #[wasm_bindgen(method, js_name = finally)]
    fn finally(this: &Loading, done: &JsValue);

    #[wasm_bindgen(method)]
    pub fn qr_svg(this: &Extras, text: &str, size: u32) -> Option<String>;

    #[wasm_bindgen(method)]
    pub fn hunan_outlines(this: &Extras) -> String;

    #[wasm_bindgen(method)]
    pub fn export_map(this: &Extras, png: bool, button: &web_sys::Element, hash: &str, lang: &str, present: bool);
}

/// Run `f` with the extras module once it is there; never if it cannot load.
/// Boxed, so that its callers share one closure shim in the wasm.
pub fn with_extras(f: Box<dyn FnOnce(&Extras)>) {
    let Ok(loading) = load() else {
        return;
    };
    let ok = Closure::once_into_js(move |m: JsValue| f(m.unchecked_ref()));
    loading.then(&ok, &Closure::once_into_js(|_: JsValue| ()));
}

/// Run `f` once the loader has brought the content's English into the page, or has failed to; at once if
/// the page has no loader (`web::with_text`).
pub fn with_english(f: Box<dyn FnOnce()>) {
    match load_english() {
        Ok(loading) => loading.finally(&Closure::once_into_js(f)),
        Err(_) => f(),
    }
}
