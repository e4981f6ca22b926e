//! The map's fixed pieces: marker shapes, the legend, the text alternative and the detail outlines.

use yew::prelude::*;

use crate::basemap::Layers;
use crate::bundle::{DETAIL, TOUR};
use crate::model::Lang;
use crate::num::Fixed;
use crate::strings::strings;

/// Shape tells the groups apart without colour: circle, square, diamond.
pub fn marker_shape(group: u8, r: f64) -> Html {
    match group {
        2 => {
            html! { <rect class="ct-mk" x={Fixed(-r * 0.9, 1).to_string()} y={Fixed(-r * 0.9, 1).to_string()} width={Fixed(r * 1.8, 1).to_string()} height={Fixed(r * 1.8, 1).to_string()} rx="2" /> }
        }
        3 => {
            html! { <rect class="ct-mk" x={Fixed(-r * 0.85, 1).to_string()} y={Fixed(-r * 0.85, 1).to_string()} width={Fixed(r * 1.7, 1).to_string()} height={Fixed(r * 1.7, 1).to_string()} rx="2" transform="rotate(45)" /> }
        }
        _ => html! { <circle class="ct-mk" r={Fixed(r, 1).to_string()} /> },
    }
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
                        <li>{ format!("{} – {}", TOUR.start.name.get(lang), s.start_note) }</li>
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
                <li style={format!("--route:{}", g.color)}>
                    <svg viewBox="0 0 44 14">
                        <line x1="2" y1="7" x2="42" y2="7" stroke-dasharray={(!g.dash.is_empty()).then(|| g.dash.clone())} />
                        <g transform="translate(22 7)">{ marker_shape(g.number, 5.5) }</g>
                    </svg>
                    { g.name.get(lang) }
                </li>
            }) }
        </ul>
    }
}

/// A base map's six layers as SVG paths, bottom to top (the main map, its detail, the Hunan inset).
pub fn layer_paths(l: &Layers) -> Html {
    html! {
        <>
            <path class="ct-land" d={l.land.clone()} />
            <path class="ct-focus" d={l.focus.clone()} />
            <path class="ct-lakes" d={l.lakes.clone()} />
            <path class="ct-rivers" d={l.rivers.clone()} />
            <path class="ct-borders" d={l.borders.clone()} />
            <path class="ct-coast" d={l.coast.clone()} />
        </>
    }
}

/// From this zoom (px per map unit) on, the finer outlines of the central delta are drawn.
pub const DETAIL_SCALE: f64 = 3.0;

/// The detail map over its box: water first, so the coarse outlines beneath do not show through.
pub fn detail_layers() -> Html {
    let l = &DETAIL.layers;
    let (x, y, w, h) = match DETAIL.bbox.as_ref() {
        [x0, y0, x1, y1] => (*x0, *y0, x1 - x0, y1 - y0),
        _ => return html! {},
    };
    html! {
        <g class="ct-detail" aria-hidden="true">
            <rect class="ct-sea" x={Fixed(x, 1).to_string()} y={Fixed(y, 1).to_string()}
                width={Fixed(w, 1).to_string()} height={Fixed(h, 1).to_string()} />
            { layer_paths(l) }
        </g>
    }
}
