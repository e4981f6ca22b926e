//! The route map: base map, three routes, the start and 18 stop markers with labels, and a camera
//! that flies between views.
//!
//! # Implementation note:
//! The camera is written straight to the DOM (see `flight`): the top SVG's `viewBox`, one CSS
//! variable (`--inv`, the inverse scale that keeps markers and labels at constant px size), and
//! during a flight a CSS transform that moves the base map's picture instead of redrawing it.
//! Yew never renders those, so a re-render mid-flight cannot fight the animation, and no path is
//! rebuilt per frame. Labels are placed once per target view, not per frame.

mod flight;
mod parts;

pub use parts::{layer_paths, marker_shape};

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{Element, ResizeObserver, ResizeObserverEntry};
use yew::prelude::*;

use crate::bundle::{delta, DELTA, TOUR};
use crate::num::{clamp, Fixed};

use crate::camera::{Bounds, Camera, Viewport};
use crate::geo::Point;
use crate::layout::{camera_for, layout, marker_label, marker_points, style_for, MarkerStyle};
use crate::model::Lang;
use crate::route::View;
use crate::strings::{announce, class_list, strings};

use flight::{fly, Motion, Pointers, Surfaces};
use parts::{detail_layers, legend, text_alternative, DETAIL_SCALE};

/// The main base map's outlines: the page's own path elements when it has them (no second parse of
/// 50 KB of path data), else drawn from the bundled data.
fn base_outlines() -> Html {
    match crate::web::base_layers() {
        Some(g) => Html::VRef(g.into()),
        None => html! { <g class="ct-layers">{ layer_paths(&delta().layers) }</g> },
    }
}

#[derive(Properties, PartialEq)]
pub struct TourMapProps {
    pub view: View,
    pub lang: Lang,
    #[prop_or_default]
    pub present: bool,
    pub onselect: Callback<View>,
}

#[function_component(TourMap)]
pub fn tour_map(p: &TourMapProps) -> Html {
    let s = strings(p.lang);
    let container = use_node_ref();
    let svg_ref = use_node_ref();
    let base_ref = use_node_ref();
    let vp = use_state(|| Viewport::new(800.0, 600.0));
    let style: MarkerStyle = style_for(*vp, p.present);
    // A camera the reader chose by dragging or zooming, for the view it was chosen in.
    let user_cam = use_state(|| None::<(View, Camera)>);
    let motion = use_mut_ref(Motion::default);
    let engaged = use_state(|| false);
    let hint = use_state(|| false);

    let map_bounds = Bounds { min: Point::new(0.0, 0.0), max: Point::new(DELTA.width, DELTA.height) };
    let target = match &*user_cam {
        Some((v, c)) if v == &p.view => *c,
        _ => camera_for(&TOUR, &p.view, *vp, style),
    };

    // Track the map's size.
    {
        let vp = vp.clone();
        let container = container.clone();
        use_effect_with((), move |_| {
            let first = vp.clone();
            let cb = wasm_bindgen::closure::Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
                if let Some(e) = entries.get(0).dyn_ref::<ResizeObserverEntry>() {
                    let r = e.content_rect();
                    let next = Viewport::new(r.width(), r.height());
                    if (next.width - vp.width).abs() > 0.5 || (next.height - vp.height).abs() > 0.5 {
                        vp.set(next);
                    }
                }
            });
            // Measure now too, so the first picture the reader sees is already framed for this size.
            if let Some(el) = container.cast::<Element>() {
                first.set(Viewport::new(el.client_width() as f64, el.client_height() as f64));
            }
            let ro = ResizeObserver::new(cb.as_ref().unchecked_ref()).ok();
            if let (Some(ro), Some(el)) = (&ro, container.cast::<Element>()) {
                ro.observe(&el);
            }
            move || {
                if let Some(ro) = ro {
                    ro.disconnect();
                }
                drop(cb);
            }
        });
    }

    // Fly when the reader asks for another view; cut when only the map's size changed or the
    // reader zoomed with the wheel (a flight there would feel like lag).
    {
        let motion = motion.clone();
        let (svg_ref, base_ref) = (svg_ref.clone(), base_ref.clone());
        let last_view = use_mut_ref(|| None::<View>);
        use_effect_with((target, *vp, p.view.clone()), move |(target, vp, view)| {
            let mut last = last_view.borrow_mut();
            // A resize during a flight (the phone's sheet opening) retargets the flight instead of cutting it.
            let animate = last.as_ref().is_some_and(|v| v != view) || motion.borrow().frame.is_some();
            *last = Some(view.clone());
            if let Some(surf) = Surfaces::find(&base_ref, &svg_ref) {
                fly(motion, surf, *target, *vp, animate);
            }
        });
    }

    // Drag to pan, two fingers to pinch; one finger scrolling up and down is left to the page (touch-action: pan-y).
    let pointers = use_mut_ref(Pointers::default);
    let dragged = use_mut_ref(|| false);
    let onpointerdown = {
        let pointers = pointers.clone();
        let dragged = dragged.clone();
        let engaged = engaged.clone();
        Callback::from(move |e: PointerEvent| {
            pointers.borrow_mut().set(e.pointer_id(), Point::new(e.client_x() as f64, e.client_y() as f64));
            *dragged.borrow_mut() = false;
            engaged.set(true);
        })
    };
    let onpointermove = {
        let pointers = pointers.clone();
        let dragged = dragged.clone();
        let motion = motion.clone();
        let (svg_ref, base_ref) = (svg_ref.clone(), base_ref.clone());
        let vp = *vp;
        Callback::from(move |e: PointerEvent| {
            let id = e.pointer_id();
            let now = Point::new(e.client_x() as f64, e.client_y() as f64);
            let mut ps = pointers.borrow_mut();
            let Some(before) = ps.get(id) else {
                return;
            };
            let Some(surf) = Surfaces::find(&base_ref, &svg_ref) else {
                return;
            };
            let svg = &surf.top;
            let mut m = motion.borrow_mut();
            let Some(cam) = m.shown else { return };
            let rect = svg.get_bounding_client_rect();
            let cam = if ps.0.len() >= 2 {
                let other = ps.other_than(id).unwrap_or(before);
                let (d0, d1) = (before.dist(other), now.dist(other));
                let mid = Point::new((now.x + other.x) / 2.0 - rect.left(), (now.y + other.y) / 2.0 - rect.top());
                let c = cam.panned((now.x - before.x) / 2.0, (now.y - before.y) / 2.0);
                if d0 > 1.0 {
                    c.zoomed_about(vp, mid, d1 / d0)
                } else {
                    c
                }
            } else {
                if before.dist(now) < 3.0 && !*dragged.borrow() {
                    return;
                }
                cam.panned(now.x - before.x, now.y - before.y)
            };
            *dragged.borrow_mut() = true;
            ps.set(id, now);
            let cam = cam.clamped_to(map_bounds);
            m.frame = None;
            m.shown = Some(cam);
            surf.apply(&cam, vp);
        })
    };
    let onpointerup = {
        let pointers = pointers.clone();
        let dragged = dragged.clone();
        let motion = motion.clone();
        let user_cam = user_cam.clone();
        let view = p.view.clone();
        Callback::from(move |e: PointerEvent| {
            let mut ps = pointers.borrow_mut();
            ps.remove(e.pointer_id());
            if ps.0.is_empty() && *dragged.borrow() {
                if let Some(c) = motion.borrow().shown {
                    user_cam.set(Some((view.clone(), c)));
                }
            }
        })
    };

    // The wheel zooms only once the reader has clicked into the map, or with Ctrl/⌘; otherwise the page scrolls.
    // The hint's timer is held, not forgotten: a new wheel restarts it, and leaving the map cancels it.
    let hint_timer = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    {
        let svg_ref = svg_ref.clone();
        let engaged = *engaged;
        let hint = hint.clone();
        let hint_timer = hint_timer.clone();
        let motion = motion.clone();
        let user_cam = user_cam.clone();
        let view = p.view.clone();
        let vp = *vp;
        use_effect_with((engaged, view.clone(), vp), move |_| {
            let listener = svg_ref.cast::<Element>().map(|svg| {
                let target = svg.clone();
                EventListener::new_with_options(
                    &target,
                    "wheel",
                    EventListenerOptions::enable_prevent_default(),
                    move |e| {
                        let Some(e) = e.dyn_ref::<web_sys::WheelEvent>() else {
                            return;
                        };
                        if !(engaged || e.ctrl_key() || e.meta_key()) {
                            hint.set(true);
                            let hint = hint.clone();
                            let t = gloo::timers::callback::Timeout::new(1800, move || hint.set(false));
                            *hint_timer.borrow_mut() = Some(t);
                            return;
                        }
                        e.prevent_default();
                        let Some(cam) = motion.borrow().shown else {
                            return;
                        };
                        let rect = svg.get_bounding_client_rect();
                        let at = Point::new(e.client_x() as f64 - rect.left(), e.client_y() as f64 - rect.top());
                        let factor = (-clamp(e.delta_y(), -100.0, 100.0) / 300.0).exp();
                        let c = cam.zoomed_about(vp, at, factor).clamped_to(map_bounds);
                        user_cam.set(Some((view.clone(), c)));
                    },
                )
            });
            move || drop(listener)
        });
    }
    let onpointerleave = {
        let engaged = engaged.clone();
        Callback::from(move |_: PointerEvent| engaged.set(false))
    };

    let fit = {
        let user_cam = user_cam.clone();
        Callback::from(move |_| user_cam.set(None))
    };

    let lay = layout(&TOUR, &DELTA.labels, &p.view, &target, *vp, p.lang, style);
    let group = TOUR.group_of(&p.view);
    let selected = match &p.view {
        View::Stop(id) => Some(id.clone()),
        _ => None,
    };
    let points = marker_points(&TOUR);
    let start_pt = TOUR.start_point();
    let label_h = style.label_height();

    let label_text = |off: Option<Point>, text: String| -> Html {
        match off {
            Some(o) => html! {
                <text class="ct-label" x={Fixed(o.x + 2.0, 1).to_string()} y={Fixed(o.y + label_h * 0.78, 1).to_string()}
                    font-size={Fixed(style.font, 1).to_string()}>{ text }</text>
            },
            None => html! {},
        }
    };

    let routes = TOUR.groups.iter().map(|g| {
        let mut d = format!("M{} {}", Fixed(start_pt.x, 1), Fixed(start_pt.y, 1));
        for pt in TOUR.stops_of(g.number).map(|s| TOUR.stop_point(s)) {
            d.push_str(&format!("L{} {}", Fixed(pt.x, 1), Fixed(pt.y, 1)));
        }
        let dim = group.is_some_and(|n| n != g.number);
        html! {
            <g class={class_list("ct-route", &[(dim, "dim"), (group == Some(g.number), "hl")])}
                style={format!("--route:{}", g.color)} data-group={g.number.to_string()}>
                <path class="ct-route-line" d={d} stroke-dasharray={(!g.dash.is_empty()).then(|| g.dash.clone())} />
            </g>
        }
    });

    let markers = TOUR.stops.iter().enumerate().map(|(i, st)| {
        let pt = points[i];
        let g = TOUR.group(st.group);
        let color = g.map(|g| g.color.clone()).unwrap_or_default();
        let is_sel = selected.as_deref() == Some(&*st.id);
        let hl = group == Some(st.group);
        let dim = group.is_some() && !hl;
        let onselect = p.onselect.clone();
        let id = st.id.to_string();
        let onclick = {
            let onselect = onselect.clone();
            let id = id.clone();
            let dragged = dragged.clone();
            Callback::from(move |_: MouseEvent| {
                if !*dragged.borrow() {
                    onselect.emit(View::Stop(id.clone()));
                }
            })
        };
        let onkeydown = Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" || e.key() == " " {
                e.prevent_default();
                onselect.emit(View::Stop(id.clone()));
            }
        });
        let r = style.radius;
        let shape = marker_shape(st.group, r);
        html! {
            <g class={class_list("ct-stop", &[(hl, "hl"), (dim, "dim"), (is_sel, "sel")])}
                transform={format!("translate({} {})", Fixed(pt.x, 2), Fixed(pt.y, 2))} style={format!("--route:{color}")}
                role="button" tabindex="0" data-stop={st.id.to_string()}
                aria-label={announce(&TOUR, &View::Stop(st.id.to_string()), p.lang)}
                aria-current={is_sel.then_some("true")} {onclick} {onkeydown}>
                <g class="k">
                    <circle class="ct-hit" r={Fixed((r * 2.0).max(22.0), 1).to_string()} />
                    { shape }
                    { label_text(lay.labels[i], marker_label(&TOUR, i, p.lang)) }
                </g>
            </g>
        }
    });

    // The order numbers sit on the markers but outside the marker buttons: a button's visible text must be
    // part of its name (WCAG 2.5.3), and "4新吴" is not in "新吴区，第一组 第4站（共7站）". The name says the order.
    let numbers = TOUR.stops.iter().enumerate().map(|(i, st)| {
        let pt = points[i];
        let dim = group.is_some_and(|n| n != st.group);
        html! {
            <g class={class_list("ct-num", &[(dim, "dim")])} transform={format!("translate({} {})", Fixed(pt.x, 2), Fixed(pt.y, 2))}>
                <text class="k ct-mk-n" y={Fixed(style.font * 0.36, 1).to_string()} font-size={Fixed(style.font * 0.95, 1).to_string()}>{ st.order }</text>
            </g>
        }
    });

    let start_label = lay.labels.get(TOUR.stops.len()).copied().flatten();
    let base_labels = DELTA.labels.iter().zip(&lay.base_labels).filter(|(_, show)| **show).map(|(l, _)| {
        html! {
            <g transform={format!("translate({} {})", Fixed(l.x, 1), Fixed(l.y, 1))}>
                <text class={format!("k ct-base-label {}", l.kind)} font-size={Fixed(style.font * 1.1, 1).to_string()}
                    y={Fixed(style.font * 0.4, 1).to_string()}>{ l.text(p.lang) }</text>
            </g>
        }
    });

    html! {
        <div class="ct-mapbox">
        <div class={class_list("ct-map", &[(*engaged, "engaged")])} ref={container}>
            <svg ref={base_ref} class="ct-base" aria-hidden="true" preserveAspectRatio="xMidYMid meet">
                <rect class="ct-sea" x="-2000" y="-2000" width="5000" height="5000" />
                { base_outlines() }
                if target.scale >= DETAIL_SCALE { { detail_layers() } }
                <g class="ct-base-labels" aria-hidden="true">{ for base_labels }</g>
            </svg>
            <svg ref={svg_ref} class="ct-svg" role="group" aria-label={s.map_label} aria-describedby="ct-map-desc"
                preserveAspectRatio="xMidYMid meet"
                {onpointerdown} {onpointermove} onpointerup={onpointerup.clone()} onpointercancel={onpointerup}
                {onpointerleave}>
                <g class="ct-routes" aria-hidden="true">{ for routes }</g>
                <g class="ct-start" transform={format!("translate({} {})", Fixed(start_pt.x, 2), Fixed(start_pt.y, 2))} aria-hidden="true">
                    <g class="k">
                        <rect class="ct-start-mk" x="-8" y="-8" width="16" height="16" transform="rotate(45)" />
                        { label_text(start_label, marker_label(&TOUR, TOUR.stops.len(), p.lang)) }
                    </g>
                </g>
                <g class="ct-stops">{ for markers }</g>
                <g class="ct-nums" aria-hidden="true">{ for numbers }</g>
            </svg>
            { text_alternative(p.lang) }
            <button type="button" class="ct-btn ct-fit" onclick={fit} aria-label={s.fit}>{ s.fit }</button>
            if *hint { <p class="ct-hint" role="note">{ s.wheel_hint }</p> }
        </div>
            <div class="ct-map-foot">
                { legend(&TOUR, p.lang) }
                <p class="ct-credit">{ s.credit_map }</p>
            </div>
        </div>
    }
}
