//! The route map's markup: base map, the three routes, the start and 18 stop markers with their leader
//! lines, numbers and labels, the legend and the credit. One function for the live map (the TourMap
//! component adds the camera, gestures and flights) and for the prerendered page (src/bin/prerender.rs),
//! so that the first paint and the app are the same picture.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::address::View;
use crate::bundle::{DELTA, TOUR};
use crate::geo::Point;
use crate::layout::{marker_label, marker_points, MapFrame, MapLayout};
use crate::marker::{self, Shape, DOT_R, START_HALF};
use crate::model::Lang;
use crate::num::Fixed;
use crate::strings::{announce, class_list, strings};
use crate::views::page::follow_space;
use crate::views::parts::{detail_layers, legend, num, route_style, text_alternative};

/// One set of marker positions and labels: the live map draws one, for its own size; the prerendered
/// page draws one per band (`band`), and CSS shows the one that fits the map.
pub struct MarkerSet {
    pub band: Option<usize>,
    pub frame: MapFrame,
    /// Shared with the live map's memo of it (`use_memo`), so a render does not copy it.
    pub lay: Rc<MapLayout>,
}

/// What the live map hands in to make the picture interactive; the prerender leaves it at default.
#[derive(Default)]
pub struct MapHandlers {
    pub container: NodeRef,
    pub base: NodeRef,
    pub top: NodeRef,
    pub onfit: Callback<MouseEvent>,
    /// A marker was chosen (click, Enter or Space); `None` in the prerender, where markers are plain links.
    pub onselect: Option<Callback<View>>,
    /// True while a drag is under way, so that the click ending it selects nothing.
    pub dragged: Rc<RefCell<bool>>,
}

/// What [`map_view`] draws.
pub struct MapProps {
    pub view: View,
    pub lang: Lang,
    pub sets: Vec<MarkerSet>,
    /// The base map's outlines (the live map copies the page's own path elements).
    pub outlines: Html,
    /// A fixed viewBox for both layers (the prerender); the live map's camera writes its own.
    pub view_box: Option<String>,
    /// The finer outlines of the central delta: `None` in the prerender (never drawn there); the live map
    /// keeps them in the page from its first render and shows them when zoomed in (`Some(true)`), so a tap
    /// that zooms in only flips an attribute instead of parsing 15 KB of outlines before its first frame.
    pub detail: Option<bool>,
    /// The reader moved the map: offer the button that frames the view again (hidden until then, where it
    /// would only cover the map's corner).
    pub fit: bool,
    /// The live map's wheel hint ("click the map, then scroll to zoom"), drawn hidden: the map's wheel
    /// handler shows and hides it on the element itself. `None` in the prerender.
    pub hint: Option<NodeRef>,
    pub on: MapHandlers,
}

/// A `transform` that moves to `p`, as an attribute value.
#[inline(never)]
pub fn tr(p: Point, digits: u8) -> AttrValue {
    AttrValue::from(format!("translate({} {})", Fixed(p.x, digits), Fixed(p.y, digits)))
}

/// An SVG shape element from the one marker geometry.
pub fn shape_html(shape: Shape, class: &'static str) -> Html {
    match shape {
        Shape::Circle { r } => html! { <circle class={class.to_string()} r={num(r, 1)} /> },
        Shape::Square { half, turned } => {
            let (o, s) = (num(-half, 1), num(2.0 * half, 1));
            html! {
                <rect class={class.to_string()} x={o.clone()} y={o} width={s.clone()} height={s} rx="2"
                    transform={turned.then_some("rotate(45)")} />
            }
        }
    }
}

/// A mark drawn `m` px from its true place, in marker px (`.k` keeps them at constant size): a moved one
/// with a leader line back to a dot at the true place.
fn placed(m: Point, body: Html) -> Html {
    html! {
        <g class="k">
            if marker::moved(m) {
                <line class="ct-leader" x2={num(m.x, 1)} y2={num(m.y, 1)} />
                <circle class="ct-dot" r={num(DOT_R, 1)} />
            }
            <g transform={tr(m, 1)}>{ body }</g>
        </g>
    }
}

/// The set's wrapper: the prerender's carry their band and their own marker scale (the live map's
/// camera sets `--inv` on the whole layer, so the wasm never needs the first branch).
fn band_attrs(set: &MarkerSet) -> (String, Option<String>) {
    #[cfg(not(target_arch = "wasm32"))]
    if let Some(b) = set.band {
        return (format!("ct-band ct-band-{b}"), Some(format!("--inv:{}", Fixed(set.frame.inv(), 5))));
    }
    let _ = set;
    ("ct-band".to_string(), None)
}

/// A marker's click in the app: it shows `view` itself and writes the address (replaceState), so following
/// the link adds no history; the click that ends a drag selects nothing. `None` in the prerender.
fn marker_click(on: &MapHandlers, view: &View) -> Option<Callback<MouseEvent>> {
    on.onselect.clone().map(|cb| {
        let (v, dragged) = (view.clone(), on.dragged.clone());
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            if !*dragged.borrow() {
                // The marker rings at once (`data-tap`, styled as the selected marker's `.sel`), in the frame
                // after the click: the app renders the card after that frame (components::map, `onselect`).
                let link = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
                if let Some(a) = link.and_then(|el| el.closest("a").ok().flatten()) {
                    let _ = a.set_attribute("data-tap", "");
                }
                cb.emit(v.clone());
            }
        })
    })
}

fn markers(p: &MapProps, set: &MarkerSet) -> Html {
    let style = set.frame.style;
    let lay = &set.lay;
    let group = TOUR.group_of(&p.view);
    let selected = match &p.view {
        View::Stop(id) => Some(id.as_str()),
        _ => None,
    };
    let points = marker_points(&TOUR);
    let label_h = style.label_height();
    let label_text = |off: Option<Point>, text: String| -> Html {
        match off {
            Some(o) => html! {
                <text class="ct-label" x={num(o.x + 2.0, 1)} y={num(o.y + label_h * 0.78, 1)}
                    font-size={num(style.font, 1)}>{ text }</text>
            },
            None => html! {},
        }
    };
    let stops = TOUR.stops.iter().enumerate().map(|(i, st)| {
        let m = lay.marks[i];
        let color = TOUR.group(st.group).map(|g| g.color.clone()).unwrap_or_default();
        let is_sel = selected == Some(&*st.id);
        let hl = group == Some(st.group);
        let dim = group.is_some() && !hl;
        let view = View::Stop(st.id.to_string());
        let onclick = marker_click(&p.on, &view);
        let onkeydown = follow_space(&p.on.onselect, view.clone());
        html! {
            <a class={class_list("ct-stop", &[(hl, "hl"), (dim, "dim"), (is_sel, "sel")])} href={view.to_hash()}
                transform={tr(points[i], 2)} style={route_style(&color)}
                role="button" data-stop={st.id.to_string()}
                aria-label={announce(&TOUR, &view, p.lang)}
                aria-current={is_sel.then_some("true")} {onclick} {onkeydown}>
                { placed(m, html! {
                    <>
                        <circle class="ct-hit" r={num(style.hit, 1)} />
                        { shape_html(marker::shape(st.group, style.radius), "ct-mk") }
                        { label_text(lay.labels[i], marker_label(&TOUR, i, p.lang)) }
                    </>
                }) }
            </a>
        }
    });
    // The order numbers sit on the markers but outside the marker buttons: a button's visible text must be
    // part of its name (WCAG 2.5.3), and "4新吴" is not in "新吴区，第一组 第4站（共7站）". The name says the order.
    let numbers = TOUR.stops.iter().enumerate().map(|(i, st)| {
        let m = lay.marks[i];
        let dim = group.is_some_and(|n| n != st.group);
        html! {
            <g class={class_list("ct-num", &[(dim, "dim")])} transform={tr(points[i], 2)}>
                <text class="k ct-mk-n" x={num(m.x, 1)} y={num(m.y + style.font * 0.36, 1)}
                    font-size={num(style.font, 1)}>{ st.order }</text>
            </g>
        }
    });
    let n = TOUR.stops.len();
    let sm = lay.marks.get(n).copied().unwrap_or_default();
    let start_label = lay.labels.get(n).copied().flatten();
    let (class, inv) = band_attrs(set);
    // The opening city is a control like the stops (its card, `#/hangzhou`), under them in the drawing
    // order, so that every stop keeps its own tap area; it carries no number and no data-stop.
    let start = View::Start;
    let start_sel = p.view == start;
    let start_click = marker_click(&p.on, &start);
    html! {
        <g {class} style={inv}>
            <a class={class_list("ct-start", &[(start_sel, "sel")])} href={start.to_hash()}
                transform={tr(TOUR.start_point(), 2)} role="button" data-start={TOUR.start.id.to_string()}
                aria-label={announce(&TOUR, &start, p.lang)} aria-current={start_sel.then_some("true")}
                onclick={start_click} onkeydown={follow_space(&p.on.onselect, start.clone())}>
                { placed(sm, html! {
                    <>
                        <circle class="ct-hit" r={num(style.hit, 1)} />
                        { shape_html(marker::start_shape(START_HALF), "ct-start-mk") }
                        { label_text(start_label, marker_label(&TOUR, n, p.lang)) }
                    </>
                }) }
            </a>
            <g class="ct-stops">{ for stops }</g>
            <g class="ct-nums" aria-hidden="true">{ for numbers }</g>
        </g>
    }
}

fn base_labels(p: &MapProps, set: &MarkerSet) -> Html {
    let font = set.frame.style.font;
    let labels = DELTA.labels.iter().zip(&set.lay.base_labels).filter(|(_, show)| **show).map(|(l, _)| {
        html! {
            <g transform={tr(Point::new(l.x, l.y), 1)}>
                <text class={format!("k ct-base-label {}", l.kind)} font-size={num(font, 1)}
                    y={num(font * 0.4, 1)}>{ l.text(p.lang) }</text>
            </g>
        }
    });
    let (class, inv) = band_attrs(set);
    html! { <g {class} style={inv}>{ for labels }</g> }
}

/// The prerendered page's layer of other widths' marker sets, which its `<head>` names in `<link rel="expect"
/// blocking="render">` (src/prerender.rs `first_paint_head`): the browser paints nothing until the parser has reached it, that is
/// until the routes, the lead marker sets and the base map are in. Without it a slow phone's parser could
/// stop halfway through the markers, or before the land, for a first frame, and pay the first (costliest)
/// layout twice before the map is whole.
pub const FIRST_PAINT_AFTER: &str = "ct-first-more";

/// How many of the prerendered marker sets come before the outlines, in the markers' own layer; the first
/// frame waits for them (src/prerender.rs `BAND_ORDER`).
pub const LEAD_SETS: usize = 3;

/// The whole map: the markers' layer, the base map (and, prerendered, a layer with the other widths' marker
/// sets), the text alternative, the fit button, the legend and the credit.
pub fn map_view(p: MapProps) -> Html {
    let s = strings(p.lang);
    let group = TOUR.group_of(&p.view);
    let start_pt = TOUR.start_point();
    let routes = TOUR.groups.iter().map(|g| {
        let mut d = format!("M{} {}", Fixed(start_pt.x, 1), Fixed(start_pt.y, 1));
        for pt in TOUR.stops_of(g.number).map(|s| TOUR.stop_point(s)) {
            d.push_str(&format!("L{} {}", Fixed(pt.x, 1), Fixed(pt.y, 1)));
        }
        let dim = group.is_some_and(|n| n != g.number);
        html! {
            <g class={class_list("ct-route", &[(dim, "dim"), (group == Some(g.number), "hl")])}
                style={route_style(&g.color)} data-group={g.number.to_string()}>
                <path class="ct-route-line" d={d} stroke-dasharray={(!g.dash.is_empty()).then(|| g.dash.clone())} />
            </g>
        }
    });
    let on = &p.on;
    // The prerender's lead marker sets (the commonest widths) come before the base map's outlines, so that
    // a browser which paints a page still loading (one without `rel=expect`, see FIRST_PAINT_AFTER) shows
    // them first; the others in a layer of their own after it.
    let (lead, more) = p.sets.split_at(p.sets.len().min(LEAD_SETS));
    html! {
        <div class="ct-mapbox">
        <div class="ct-map" ref={on.container.clone()}>
            <svg ref={on.top.clone()} class="ct-svg" role="group" aria-label={TOUR.labels.map.get(p.lang)} aria-describedby="ct-map-desc"
                preserveAspectRatio="xMidYMid meet" viewBox={p.view_box.clone()}>
                <g class="ct-routes" aria-hidden="true">{ for routes }</g>
                { for lead.iter().map(|set| markers(&p, set)) }
                // The live map's markers as its flights draw them (crate::flight_marks), empty until one starts.
                if on.onselect.is_some() { <g class="ct-fly" aria-hidden="true" /> }
            </svg>
            <svg ref={on.base.clone()} class="ct-base" aria-hidden="true" preserveAspectRatio="xMidYMid meet"
                viewBox={p.view_box.clone()}>
                <rect class="ct-sea" x="-2000" y="-2000" width="5000" height="5000" />
                { p.outlines.clone() }
                if let Some(shown) = p.detail { { detail_layers(shown) } }
                <g class="ct-base-labels" aria-hidden="true">{ for p.sets.iter().map(|set| base_labels(&p, set)) }</g>
            </svg>
            if !more.is_empty() {
                <svg class="ct-svg ct-more" role="group" aria-label={TOUR.labels.map.get(p.lang)} preserveAspectRatio="xMidYMid meet"
                    viewBox={p.view_box.clone()} id={FIRST_PAINT_AFTER}>
                    { for more.iter().map(|set| markers(&p, set)) }
                </svg>
            }
            { text_alternative(p.lang) }
            if p.fit {
                <button type="button" class="ct-btn ct-fit" onclick={on.onfit.clone()} aria-label={s.fit}>{ s.fit }</button>
            }
            if let Some(hint) = &p.hint { <p class="ct-hint" role="note" hidden=true ref={hint.clone()}>{ s.wheel_hint }</p> }
        </div>
            <div class="ct-map-foot">
                { legend(&TOUR, p.lang) }
                <p class="ct-credit">{ s.credit_map }</p>
            </div>
        </div>
    }
}
