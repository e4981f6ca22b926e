//! The second wasm, `extras`: what few readers use, fetched only on first use so the first load stays
//! small (8 KB gzip less for every reader). It holds the presenter's QR code, the SVG/PNG export and the
//! outlines of the Hunan inset map; the widget reaches it through `crate::lazy` (src/lazy.rs), which a loader in boot.js, embed.js or
//! the single-file page provides as `globalThis.__countyTourExtras`.

#[cfg(target_arch = "wasm32")]
mod wasm {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    use county_tour::address::View;
    use county_tour::basemap::Basemap;
    use county_tour::bundle::{DELTA, TOUR};
    use county_tour::camera::{Camera, Viewport};
    use county_tour::export::{file_name, map_svg, Sheet};
    use county_tour::geo::Point;
    use county_tour::layout::style_for;
    use county_tour::model::Lang;

    /// The QR code for `text` as an SVG element `size` px wide; none if the text is too long to encode.
    #[wasm_bindgen]
    pub fn qr_svg(text: &str, size: u32) -> Option<String> {
        county_tour::qr::svg(text, size)
    }

    /// The Hunan inset's outlines as six SVG paths, for the widget's Hunan view.
    #[wasm_bindgen]
    pub fn hunan_outlines() -> String {
        county_tour::bundle::HUNAN_LAYERS.svg_paths()
    }

    /// Save the map next to `button` as it is drawn now (the view `hash`, its camera after any drag or
    /// zoom, the markers at their screen size), as a PNG at twice its size or as an SVG document.
    #[wasm_bindgen]
    pub fn export_map(png: bool, button: &web_sys::Element, hash: &str, lang: &str, present: bool) {
        let view = TOUR.view_of_hash(hash);
        let lang = if lang == "en" { Lang::En } else { Lang::Zh };
        let Some(sheet) = current_sheet(button, &view, lang, present) else {
            return;
        };
        if png {
            county_tour::download::save_png(&file_name(&view, "png"), &sheet, 2.0);
        } else {
            county_tour::download::save_svg(&file_name(&view, "svg"), &sheet);
        }
    }

    /// The live map in the same widget as `button`, read back into a camera (its size and its viewBox)
    /// and into a base map (its outline paths).
    fn current_sheet(button: &web_sys::Element, view: &View, lang: Lang, present: bool) -> Option<Sheet> {
        let root = button.closest(".ct-root").ok()??;
        let svg: web_sys::SvgsvgElement = root.query_selector(".ct-svg").ok()??.dyn_into().ok()?;
        let rect = svg.get_bounding_client_rect();
        let vp = Viewport::new(rect.width(), rect.height());
        let vb = svg.view_box().base_val()?;
        let (w, h) = (vb.width() as f64, vb.height() as f64);
        if w <= 0.0 || h <= 0.0 {
            return None;
        }
        let center = Point::new(vb.x() as f64 + w / 2.0, vb.y() as f64 + h / 2.0);
        let cam = Camera { center, scale: (vp.width / w).min(vp.height / h) };
        let base = Basemap { layers: county_tour::web::layers_in(&root), ..DELTA.clone() };
        Some(map_svg(&TOUR, &base, view, &cam, vp, lang, style_for(vp, present)))
    }
}

fn main() {}
