//! The Export buttons: the map as the reader sees it now (the view, its camera after any drag or zoom,
//! the markers at their screen size) saved as an SVG document or a PNG at twice its size, for slides.
//! The extras wasm (src/extras.rs) draws and saves it; the first click fetches it.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::address::View;
use crate::lazy::with_extras;
use crate::model::Lang;

/// The two buttons' handlers (SVG, PNG), for the header (`views::page`).
pub fn export_handlers(view: &View, lang: Lang, present: bool) -> (Callback<MouseEvent>, Callback<MouseEvent>) {
    let save = |png: bool| {
        let hash = view.to_hash();
        Callback::from(move |e: MouseEvent| {
            let Some(button) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
                return;
            };
            let hash = hash.clone();
            with_extras(Box::new(move |x| x.export_map(png, &button, &hash, lang.code(), present)));
        })
    };
    (save(false), save(true))
}
