//! The map's fixed pieces: the legend, the text alternative and the outlines.

use yew::prelude::*;

use crate::basemap::Layers;
use crate::bundle::{DETAIL, TOUR};
use crate::model::Lang;
use crate::num::Fixed;
use crate::strings::strings;
use crate::views::map::shape_html;

/// A number as an attribute value (`Fixed`'s rendering): one function for every `x={…}` in the views.
#[inline(never)]
pub fn num(v: f64, digits: u8) -> AttrValue {
    AttrValue::from(Fixed(v, digits).to_string())
}

/// The `style` that gives an element its route's colour (`--route`), which the stylesheet draws with.
#[inline(never)]
pub fn route_style(color: &str) -> AttrValue {
    AttrValue::from(format!("--route:{color}"))
}

/// The map in words, for readers who cannot see it: each group's stops in order, from Hangzhou.
pub fn text_alternative(lang: Lang) -> Html {
    let s = strings(lang);
    html! {
        <div id="ct-map-desc" class="ct-sr">
            <p>{ s.stops_list }</p>
            { for TOUR.groups.iter().map(|g| html! {
                <>
                    <p>{ g.name.get(lang) }</p>
                    <ol>
                        <li>{ format!("{} – {}", TOUR.start.name.get(lang), TOUR.labels.start_note.get(lang)) }</li>
                        { for TOUR.stops_of(g.number).map(|st| html! {
                            <li>{ format!("{}, {}", st.name.get(lang), st.city.get(lang)) }</li>
                        }) }
                    </ol>
                </>
            }) }
        </div>
    }
}

/// The key to the routes: colour, dash and marker shape for each group.
pub fn legend(tour: &crate::model::Tour, lang: Lang) -> Html {
    html! {
        <ul class="ct-legend" aria-hidden="true">
            { for tour.groups.iter().map(|g| html! {
                <li style={route_style(&g.color)}>
                    <svg viewBox="0 0 44 14">
                        <line x1="2" y1="7" x2="42" y2="7" stroke-dasharray={(!g.dash.is_empty()).then(|| g.dash.clone())} />
                        <g transform="translate(22 7)">{ shape_html(crate::marker::shape(g.number, 5.5), "ct-mk") }</g>
                    </svg>
                    { g.name.get(lang) }
                </li>
            }) }
        </ul>
    }
}

/// A base map's six layers as SVG paths, bottom to top (the main map, its detail). Each path is named by
/// `data-layer`: the live map copies the prerendered page's elements by that name (`web::base_layers`).
pub fn layer_paths(l: &Layers) -> Html {
    let path = |name: &'static str, class: &'static str, d: &crate::model::Str| {
        // The bundled outlines are static: handed over without a copy on each render.
        let d = match d {
            std::borrow::Cow::Borrowed(s) => AttrValue::Static(s),
            std::borrow::Cow::Owned(s) => AttrValue::from(s.clone()),
        };
        html! { <path class={class.to_string()} data-layer={name} d={d} /> }
    };
    html! {
        <>
            { path("land", "ct-land", &l.land) }
            { path("focus", "ct-focus", &l.focus) }
            { path("lakes", "ct-lakes", &l.lakes) }
            { path("rivers", "ct-rivers", &l.rivers) }
            { path("borders", "ct-borders", &l.borders) }
            { path("coast", "ct-coast", &l.coast) }
        </>
    }
}

/// From this zoom (px per map unit) on, the finer outlines of the central delta are drawn.
pub const DETAIL_SCALE: f64 = 3.0;

/// The detail map over its box: water first, so the coarse outlines beneath do not show through.
pub fn detail_layers(shown: bool) -> Html {
    let l = &DETAIL.layers;
    let (x, y, w, h) = match DETAIL.bbox.as_ref() {
        [x0, y0, x1, y1] => (*x0, *y0, x1 - x0, y1 - y0),
        _ => return html! {},
    };
    html! {
        <g class="ct-detail" aria-hidden="true" display={(!shown).then_some("none")}>
            <rect class="ct-sea" x={num(x, 1)} y={num(y, 1)}
                width={num(w, 1)} height={num(h, 1)} />
            { layer_paths(l) }
        </g>
    }
}
