//! The Export buttons: the map as the reader sees it now (the view, its camera after any drag or zoom,
//! the markers at their screen size) saved as an SVG document or a PNG at twice its size, for slides.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::bundle::{delta, TOUR};
use crate::camera::{Camera, Viewport};
use crate::export::{file_name, map_svg, Sheet};
use crate::geo::Point;
use crate::layout::style_for;
use crate::model::Lang;
use crate::route::View;
use crate::strings::strings;

/// The live map next to the button that was clicked, read back into a camera: its size and its viewBox.
fn current_sheet(e: &MouseEvent, view: &View, lang: Lang, present: bool) -> Option<Sheet> {
    let button: web_sys::Element = e.target()?.dyn_into().ok()?;
    let svg: web_sys::SvgsvgElement =
        button.closest(".ct-root").ok()??.query_selector(".ct-svg").ok()??.dyn_into().ok()?;
    let rect = svg.get_bounding_client_rect();
    let vp = Viewport::new(rect.width(), rect.height());
    let vb = svg.view_box().base_val()?;
    let (w, h) = (vb.width() as f64, vb.height() as f64);
    if w <= 0.0 || h <= 0.0 {
        return None;
    }
    let center = Point::new(vb.x() as f64 + w / 2.0, vb.y() as f64 + h / 2.0);
    let cam = Camera { center, scale: (vp.width / w).min(vp.height / h) };
    Some(map_svg(&TOUR, delta(), view, &cam, vp, lang, style_for(vp, present)))
}

/// The two buttons, for the header. A plain function rather than a component, which would cost more wasm.
pub fn export_buttons(view: &View, lang: Lang, present: bool) -> Html {
    let s = strings(lang);
    if *view == View::Hunan {
        return html! {};
    }
    let save = |png: bool| {
        let view = view.clone();
        Callback::from(move |e: MouseEvent| {
            let Some(sheet) = current_sheet(&e, &view, lang, present) else {
                return;
            };
            if png {
                crate::download::save_png(&file_name(&view, "png"), &sheet, 2.0);
            } else {
                crate::download::save_svg(&file_name(&view, "svg"), &sheet);
            }
        })
    };
    html! {
        <>
            <button type="button" class="ct-btn ct-out ct-export-svg" onclick={save(false)}>{ s.export_svg }</button>
            <button type="button" class="ct-btn ct-out ct-export-png" onclick={save(true)}>{ s.export_png }</button>
        </>
    }
}
