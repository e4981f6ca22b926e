//! The route map: base map, three routes, the start and 18 stop markers with labels, and a camera
//! that flies between views.
//!
//! # Implementation note:
//! The camera is written straight to the DOM (see `flight`): the top SVG's `viewBox`, one CSS
//! variable (`--inv`, the inverse scale that keeps markers and labels at constant px size), and
//! during a flight a CSS transform that moves the base map's picture instead of redrawing it, and
//! the flight's own drawing of the markers, whose points alone change from frame to frame.
//! Yew never renders those, so a re-render mid-flight cannot fight the animation, and no path is
//! rebuilt per frame. Labels are placed once per target view, not per frame.

mod flight;

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{Element, ResizeObserver, ResizeObserverEntry};
use yew::prelude::*;

use crate::bundle::{DELTA, TOUR};
use crate::num::clamp;
use crate::web::delta;

use crate::address::View;
use crate::camera::{Bounds, Camera, Viewport};
use crate::flight_marks::{flocks, mark_at};
use crate::geo::Point;
use crate::layout::MapFrame;
use crate::model::Lang;
use crate::state::{Action, AppState};
use crate::views::map::{map_view, MapHandlers, MapProps, MarkerSet};
use crate::views::parts::{layer_paths, DETAIL_SCALE};

use flight::{fly, Motion, Pointers, Surfaces};

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
    /// The app's reducer: its dispatcher is the same on every render, so the map's props compare equal and a
    /// render of the app (the presenter's countdown, a card opening, the QR code arriving) does not render the map.
    pub store: UseReducerDispatcher<AppState>,
}

/// How many times the map has rendered, for the in-browser tests (`tests/browser.rs`), which check that
/// nothing renders it needlessly. Debug builds only: the release wasm has no counter.
#[cfg(debug_assertions)]
pub fn renders() -> u32 {
    RENDERS.with(|n| n.get())
}
#[cfg(debug_assertions)]
thread_local! {
    static RENDERS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Whether the reader has clicked into the map, kept in `engaged` and shown on the map's element.
fn engage(container: &NodeRef, engaged: &RefCell<bool>, on: bool) {
    *engaged.borrow_mut() = on;
    if let Some(el) = container.cast::<Element>() {
        let _ = if on { el.set_attribute("data-engaged", "") } else { el.remove_attribute("data-engaged") };
    }
}

#[function_component(TourMap)]
pub fn tour_map(p: &TourMapProps) -> Html {
    #[cfg(debug_assertions)]
    RENDERS.with(|n| n.set(n.get() + 1));
    let container = use_node_ref();
    let svg_ref = use_node_ref();
    let base_ref = use_node_ref();
    // The map's size: at first the first frame's map's (the same box), so that the first render's camera
    // is already right. Yew yields to the browser while it renders, and the app removes the first frame
    // before this map has measured itself: from a guess, frames framed for another size showed in between.
    let vp = use_state(|| {
        let (w, h) = crate::web::first_map_size().unwrap_or((800.0, 600.0));
        Viewport::new(w, h)
    });
    // A camera the reader chose by dragging or zooming, for the view it was chosen in.
    let user_cam = use_state(|| None::<(View, Camera)>);
    let motion = use_mut_ref(Motion::default);
    // The reader has clicked into the map, so the wheel zooms it: kept here and shown on the map's element
    // (`data-engaged`, the grab cursor), not in a state, so clicking into the map or leaving it renders nothing.
    let engaged = use_mut_ref(|| false);

    let map_bounds = Bounds { min: Point::new(0.0, 0.0), max: Point::new(DELTA.width, DELTA.height) };
    let user = match &*user_cam {
        Some((v, c)) if v == &p.view => Some(*c),
        _ => None,
    };
    let frame = MapFrame::new(&TOUR, &p.view, *vp, p.present, user);
    let target = frame.cam;
    let zoom = frame.zoom;
    // Labels are placed on every render, and every render has a reason to place them again: the map renders
    // only when the frame (view, size, presenting, a camera the reader chose) or the language changes (engaged
    // and the wheel hint live on the element, the app's props compare equal). So no memo: one keyed on those
    // would never hit, and cost 0.35 KB of wasm.
    let lay = Rc::new(frame.layout(&TOUR, &DELTA.labels, &p.view, p.lang));

    // Track the map's size.
    {
        let vp = vp.clone();
        let container = container.clone();
        use_effect_with((), move |_| {
            // A new size renders the map; the same one (within half a pixel) does not.
            let resize = move |next: Viewport| {
                if (next.width - vp.width).abs() > 0.5 || (next.height - vp.height).abs() > 0.5 {
                    vp.set(next);
                }
            };
            // Measure now too, so the first picture the reader sees is framed for this size (usually it already
            // is: the map starts from the first frame's size, and then this renders nothing).
            if let Some(el) = container.cast::<Element>() {
                resize(Viewport::new(el.client_width() as f64, el.client_height() as f64));
            }
            let cb = wasm_bindgen::closure::Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
                if let Some(e) = entries.get(0).dyn_ref::<ResizeObserverEntry>() {
                    let r = e.content_rect();
                    resize(Viewport::new(r.width(), r.height()));
                }
            });
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
        let (lay, style) = (lay.clone(), frame.style);
        use_effect_with((target, zoom, *vp, p.view.clone()), move |(target, zoom, vp, view)| {
            let mut last = last_view.borrow_mut();
            // A resize during a flight (the phone's sheet opening) retargets the flight instead of cutting it.
            let animate = last.as_ref().is_some_and(|v| v != view) || motion.borrow().frame.is_some();
            *last = Some(view.clone());
            // The map rings its own `.sel` now: no ring of a tap's stays (views::map::marker_click).
            if let Some(svg) = svg_ref.cast::<Element>() {
                while let Ok(Some(old)) = svg.query_selector("[data-tap]") {
                    let _ = old.remove_attribute("data-tap");
                }
            }
            if let Some(surf) = Surfaces::find(&base_ref, &svg_ref) {
                fly(motion, surf, *target, *zoom, *vp, animate, || flocks(&TOUR, view, &lay, style));
            }
        });
    }

    // Drag to pan, two fingers to pinch; one finger scrolling up and down is left to the page (touch-action: pan-y).
    let pointers = use_mut_ref(Pointers::default);
    let dragged = use_mut_ref(|| false);
    // The reader sees a click on a marker in the next frame: the marker rings, and the app renders the card
    // only after that frame is painted. Rendering the card in the click's own task kept that first frame
    // waiting for the card's render and layout (1280×800, 4× CPU: interaction to next paint p50/p75/p95
    // 56/64/88 -> 32/32/48 ms; the card itself a frame or two later, 57 -> 86 ms at the median; on a phone INP
    // 88/104/136 -> 48/56/64 and the card 91 -> 96 ms. bench/RESULTS.md).
    let select = {
        let store = p.store.clone();
        Callback::from(move |v: View| {
            let store = store.clone();
            crate::web::after_paint(Box::new(move || store.dispatch(Action::Show(v))));
        })
    };
    // A tap that began on a mark while a flight drew the markers in their stead (they are hidden then, and
    // cannot take it): the view it opens when the finger lifts without dragging.
    let tapped = use_mut_ref(|| None::<View>);
    let onpointerdown = {
        let pointers = pointers.clone();
        let dragged = dragged.clone();
        let (engaged, container) = (engaged.clone(), container.clone());
        let (svg_ref, motion, tapped, lay) = (svg_ref.clone(), motion.clone(), tapped.clone(), lay.clone());
        let (style, vp) = (frame.style, *vp);
        Callback::from(move |e: PointerEvent| {
            pointers.borrow_mut().set(e.pointer_id(), Point::new(e.client_x() as f64, e.client_y() as f64));
            *dragged.borrow_mut() = false;
            engage(&container, &engaged, true);
            let svg = svg_ref.cast::<Element>().filter(|s| s.has_attribute("data-flying"));
            let m = motion.borrow();
            *tapped.borrow_mut() = svg.zip(m.shown).and_then(|(svg, cam)| {
                let r = svg.get_bounding_client_rect();
                let at = Point::new(e.client_x() as f64 - r.left(), e.client_y() as f64 - r.top());
                let i = mark_at(&TOUR, &lay, style, &cam, vp, m.zoom, at)?;
                Some(TOUR.stops.get(i).map_or(View::Start, |st| View::Stop(st.id.to_string())))
            });
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
            // No button held (a release the map did not see, or a pen hovering): that pointer's drag is over.
            if e.buttons() == 0 {
                ps.remove(id);
                return;
            }
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
            // A drag (or pinch) has begun: its pointer's events come to the map until it is released, also when
            // released outside it. Not on pointer-down: a captured pointer's click goes to the map, not the marker.
            let _ = svg.set_pointer_capture(id);
            *dragged.borrow_mut() = true;
            ps.set(id, now);
            let cam = cam.clamped_to(map_bounds);
            m.frame = None;
            m.shown = Some(cam);
            surf.apply(&cam, m.zoom, vp);
        })
    };
    let onpointerup = {
        let pointers = pointers.clone();
        let dragged = dragged.clone();
        let motion = motion.clone();
        let user_cam = user_cam.clone();
        let view = p.view.clone();
        let (tapped, select) = (tapped.clone(), select.clone());
        Callback::from(move |e: PointerEvent| {
            let mut ps = pointers.borrow_mut();
            ps.remove(e.pointer_id());
            let tap = tapped.borrow_mut().take();
            if ps.0.is_empty() && *dragged.borrow() {
                if let Some(c) = motion.borrow().shown {
                    user_cam.set(Some((view.clone(), c)));
                }
            } else if let Some(v) = tap.filter(|_| ps.0.is_empty() && !*dragged.borrow() && e.type_() == "pointerup") {
                // One finger lifted where it landed: not a drag, nor one finger of a pinch.
                select.emit(v);
            }
        })
    };

    let onpointerleave = {
        let (engaged, container) = (engaged.clone(), container.clone());
        Callback::from(move |_: PointerEvent| engage(&container, &engaged, false))
    };

    // The wheel zooms only once the reader has clicked into the map, or with Ctrl/⌘; otherwise the page scrolls.
    // The hint's timer is held, not forgotten: a new wheel restarts it, and leaving the map cancels it.
    let hint_timer = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    let hint_ref = use_node_ref();
    {
        let svg_ref = svg_ref.clone();
        let engaged = engaged.clone();
        let hint_ref = hint_ref.clone();
        let hint_timer = hint_timer.clone();
        let motion = motion.clone();
        let user_cam = user_cam.clone();
        let view = p.view.clone();
        let vp = *vp;
        let pointer = [
            ("pointerdown", onpointerdown),
            ("pointermove", onpointermove),
            ("pointerup", onpointerup.clone()),
            ("pointercancel", onpointerup),
            ("pointerleave", onpointerleave),
        ];
        use_effect_with((view.clone(), vp), move |_| {
            let listener = svg_ref.cast::<Element>().map(|svg| {
                let target = svg.clone();
                // The pointer's listeners are the map's own, not Yew's (`onpointermove=` in the view): Yew
                // listens for an event type once for the whole widget, and for a moving pointer that ran wasm
                // for every move and every element entered or left anywhere in it, which a finger's tap does in
                // the same input as its pointerdown (phone taps' INP 16 ms lower at p50, p75 and p95, 4× CPU).
                // What they call depends on the view and the size, as the wheel's does.
                let pointer = pointer
                    .map(|(kind, cb)| EventListener::new(&target, kind, move |e| cb.emit(e.clone().unchecked_into())));
                let wheel = EventListener::new_with_options(
                    &target,
                    "wheel",
                    EventListenerOptions::enable_prevent_default(),
                    move |e| {
                        let Some(e) = e.dyn_ref::<web_sys::WheelEvent>() else {
                            return;
                        };
                        if !(*engaged.borrow() || e.ctrl_key() || e.meta_key()) {
                            // The hint is shown and hidden on the element itself, not by rendering: an article
                            // scrolled over the map must not render it once per wheel tick.
                            if let Some(hint) = hint_ref.cast::<Element>() {
                                let _ = hint.remove_attribute("hidden");
                                let t = gloo::timers::callback::Timeout::new(1800, move || {
                                    let _ = hint.set_attribute("hidden", "");
                                });
                                *hint_timer.borrow_mut() = Some(t);
                            }
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
                );
                (pointer, wheel)
            });
            move || drop(listener)
        });
    }

    let fit = {
        let user_cam = user_cam.clone();
        Callback::from(move |_| user_cam.set(None))
    };

    map_view(MapProps {
        view: p.view.clone(),
        lang: p.lang,
        sets: vec![MarkerSet { band: None, frame, lay }],
        outlines: base_outlines(),
        view_box: None,
        detail: Some(target.scale >= DETAIL_SCALE),
        fit: user.is_some(),
        hint: Some(hint_ref),
        on: MapHandlers { container, base: base_ref, top: svg_ref, onfit: fit, onselect: Some(select), dragged },
    })
}
