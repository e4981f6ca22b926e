//! The Export buttons: the map as the reader sees it now (the view, its camera after any drag or zoom,
//! the markers at their screen size) saved as an SVG document or a PNG at twice its size, for slides.
//! The extras wasm (src/extras.rs) draws and saves it; the first click fetches it.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::lazy::with_extras;
use crate::model::Lang;
use crate::route::View;
use crate::strings::strings;

/// The two buttons, for the header. A plain function rather than a component, which would cost more wasm.
pub fn export_buttons(view: &View, lang: Lang, present: bool) -> Html {
    let s = strings(lang);
    if *view == View::Hunan {
        return html! {};
    }
    let save = |png: bool| {
        let hash = view.to_hash();
        Callback::from(move |e: MouseEvent| {
            let Some(button) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
                return;
            };
            let hash = hash.clone();
            with_extras(move |x| x.export_map(png, &button, &hash, lang.code(), present));
        })
    };
    html! {
        <>
            <button type="button" class="ct-btn ct-out ct-export-svg" onclick={save(false)}>{ s.export_svg }</button>
            <button type="button" class="ct-btn ct-out ct-export-png" onclick={save(true)}>{ s.export_png }</button>
        </>
    }
}
