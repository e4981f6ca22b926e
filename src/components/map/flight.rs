//! How the map's camera reaches the screen: the two SVG layers, flights between views, and the
//! pointers of a drag or a pinch. Nothing here renders through Yew: it writes two attributes and one
//! transform, and during a flight the few paths that draw the markers meanwhile (crate::flight_marks).

use std::cell::RefCell;
use std::rc::Rc;

use gloo::render::{request_animation_frame, AnimationFrame};
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::NodeRef;

use crate::camera::{ease_in_out, flight_ms, Camera, Viewport};
use crate::flight_marks::Flock;
use crate::geo::Point;
use crate::num::Fixed;

/// The camera shown now and the flight in progress, shared by the frame loop and the gestures.
pub struct Motion {
    pub shown: Option<Camera>,
    /// How many times their own size the markers are drawn (the overview's band scale, else 1).
    pub zoom: f64,
    pub frame: Option<AnimationFrame>,
}

impl Default for Motion {
    fn default() -> Self {
        Motion { shown: None, zoom: 1.0, frame: None }
    }
}

/// The two SVG layers of the map: the base map beneath, and the routes and markers on top.
///
/// During a flight only the top layer's viewBox changes per frame; the base map, by far the most
/// path data, is moved as a composited CSS transform of the picture it last drew, and redrawn
/// once when the flight ends.
#[derive(Clone)]
pub struct Surfaces {
    pub base: Element,
    pub top: Element,
}

/// Markers and labels keep `zoom` times their px size whatever the camera's scale.
fn set_inv(el: &Element, cam: &Camera, zoom: f64) {
    if let Some(el) = el.dyn_ref::<web_sys::SvgElement>() {
        let _ = el.style().set_property("--inv", &Fixed(zoom / cam.scale, 5).to_string());
    }
}

/// The flight's drawing of the markers (crate::flight_marks): the top layer's `g.ct-fly`, and each flock with
/// the paths whose points every frame rewrites, its leaders' (if it has any) and its marks' (ring and fill).
/// style.css shows it, and hides the markers, while the layer is `data-flying`.
struct Flocks(Option<Element>, Vec<(Flock, Option<Element>, [Element; 2])>);

impl Flocks {
    fn draw(top: &Element, flocks: Vec<Flock>) -> Flocks {
        let Some(layer) = top.query_selector(".ct-fly").ok().flatten() else {
            return Flocks(None, Vec::new());
        };
        let mut markup = String::new();
        for f in &flocks {
            f.markup(&mut markup);
        }
        layer.set_inner_html(&markup);
        let paths = layer.query_selector_all("path").ok();
        let path = |i: u32| paths.as_ref()?.item(i)?.dyn_into::<Element>().ok();
        let mut next = 0;
        let mut items = Vec::new();
        for f in flocks {
            // In the markup's order: leader and dot's ring and fill (if moved), ring, fill.
            let leader = if f.moved() {
                next += 3;
                path(next - 3)
            } else {
                None
            };
            next += 2;
            if let (Some(ring), Some(fill)) = (path(next - 2), path(next - 1)) {
                items.push((f, leader, [ring, fill]));
            }
        }
        Flocks(Some(layer), items)
    }

    /// The flocks at `cam`: `all` of them, or (from frame to frame) only those with a mark moved out of a crowd
    /// (those with a leader), whose px offsets are a different distance on the map at each scale; the others'
    /// points stay put.
    fn frame(&self, cam: &Camera, zoom: f64, all: bool) {
        if let Some(layer) = self.0.as_ref().and_then(|l| l.dyn_ref::<web_sys::SvgElement>()) {
            let _ = layer.style().set_property("--z", &Fixed(zoom, 4).to_string());
        }
        for (f, leader, marks) in self.1.iter().filter(|(_, leader, _)| all || leader.is_some()) {
            let (leaders, points) = f.points(1.0 / cam.scale, zoom);
            if let Some(l) = leader {
                let _ = l.set_attribute("d", &leaders);
            }
            for p in marks {
                let _ = p.set_attribute("d", &points);
            }
        }
    }
}

impl Surfaces {
    pub fn find(base: &NodeRef, top: &NodeRef) -> Option<Surfaces> {
        Some(Surfaces { base: base.cast()?, top: top.cast()? })
    }

    /// Show `cam` on both layers, crisp, with their labels. Ends a flight if one is under way, cut short by a
    /// gesture or a view shown without one.
    pub fn apply(&self, cam: &Camera, zoom: f64, vp: Viewport) {
        self.land(cam, zoom, vp);
        self.reveal();
    }

    /// A flight's last frame: `cam` on both layers, crisp; the labels, numbers and dashes the flight hid
    /// come back a frame later (`reveal`), so that redrawing the base map and laying out some fifty labels
    /// do not fall in the same frame.
    fn land(&self, cam: &Camera, zoom: f64, vp: Viewport) {
        self.draw_base(cam, zoom, vp);
        let _ = self.top.set_attribute("viewBox", &cam.view_box_attr(vp));
        set_inv(&self.top, cam, zoom);
    }

    fn reveal(&self) {
        if self.top.has_attribute("data-flying") {
            if let Ok(Some(layer)) = self.top.query_selector(".ct-fly") {
                layer.set_inner_html("");
            }
        }
        let _ = self.base.remove_attribute("data-flying");
        let _ = self.top.remove_attribute("data-flying");
    }

    fn draw_base(&self, cam: &Camera, zoom: f64, vp: Viewport) {
        let _ = self.base.set_attribute("viewBox", &cam.view_box_attr(vp));
        set_inv(&self.base, cam, zoom);
        if let Some(el) = self.base.dyn_ref::<web_sys::SvgElement>() {
            let _ = el.style().remove_property("transform");
        }
    }

    /// One frame of a flight: the top layer redrawn at `cam` with the flight's markers, the base layer's
    /// picture (drawn at `base`) moved to match.
    fn frame(&self, flocks: &Flocks, base: &Camera, cam: &Camera, zoom: f64, vp: Viewport) {
        let _ = self.top.set_attribute("viewBox", &cam.view_box_attr(vp));
        flocks.frame(cam, zoom, false);
        let [tx, ty, r] = base.transform_to(cam);
        if let Some(el) = self.base.dyn_ref::<web_sys::SvgElement>() {
            let t = format!("translate({}px,{}px) scale({})", Fixed(tx, 2), Fixed(ty, 2), Fixed(r, 5));
            let _ = el.style().set_property("transform", &t);
        }
    }
}

/// Move the camera to `to` (markers at `zoom`): a flight when `animate`, drawing the markers as `flocks`
/// gives them, otherwise a cut.
pub fn fly(
    motion: Rc<RefCell<Motion>>,
    surf: Surfaces,
    to: Camera,
    zoom: f64,
    vp: Viewport,
    animate: bool,
    flocks: impl FnOnce() -> Vec<Flock>,
) {
    let (from, from_zoom) = {
        let m = motion.borrow();
        (m.shown, m.zoom)
    };
    let Some(from) = from.filter(|f| {
        animate && !crate::web::prefers_reduced_motion() && (f.scale - to.scale).abs() + f.center.dist(to.center) > 1e-3
    }) else {
        let mut m = motion.borrow_mut();
        m.frame = None;
        m.shown = Some(to);
        m.zoom = zoom;
        surf.apply(&to, zoom, vp);
        return;
    };
    // The base map is drawn once, wide enough for the whole flight; frames only move that picture.
    let base = Camera::covering(&from, &to, vp);
    surf.draw_base(&base, from_zoom, vp);
    // Its place names would grow and blur with the picture: they wait for the landing.
    let _ = surf.base.set_attribute("data-flying", "");
    let _ = surf.top.set_attribute("data-flying", "");
    let dur = flight_ms(&from, &to, vp);
    let start: Rc<RefCell<Option<f64>>> = Rc::default();
    let flocks = Flocks::draw(&surf.top, flocks());
    flocks.frame(&from, from_zoom, true);
    fn step(
        motion: Rc<RefCell<Motion>>,
        layers: Rc<(Surfaces, Flocks)>,
        [from, to, base]: [Camera; 3],
        zooms: (f64, f64),
        vp: Viewport,
        dur: f64,
        start: Rc<RefCell<Option<f64>>>,
    ) {
        let m2 = motion.clone();
        let handle = request_animation_frame(move |now| {
            let t0 = *start.borrow_mut().get_or_insert(now);
            let t = ((now - t0) / dur).min(1.0);
            let e = ease_in_out(t);
            let cam = from.lerp(&to, e);
            let zoom = zooms.0 + (zooms.1 - zooms.0) * e;
            {
                let mut m = m2.borrow_mut();
                m.shown = Some(cam);
                m.zoom = zoom;
            }
            let (surf, flocks) = &*layers;
            if t < 1.0 {
                surf.frame(flocks, &base, &cam, zoom, vp);
                step(m2, layers.clone(), [from, to, base], zooms, vp, dur, start);
            } else {
                // The flight's markers stay a frame more, landed with the map, while its labels wait.
                flocks.frame(&cam, zoom, false);
                surf.land(&cam, zoom, vp);
                // A flight that starts meanwhile drops this frame (it replaces `frame`), and hides them anyway.
                // Once revealed, no flight is under way: a resize after that cuts (the map's `animate`).
                let (layers, m3) = (layers.clone(), m2.clone());
                m2.borrow_mut().frame = Some(request_animation_frame(move |_| {
                    layers.0.reveal();
                    m3.borrow_mut().frame = None;
                }));
            }
        });
        motion.borrow_mut().frame = Some(handle);
    }
    step(motion, Rc::new((surf, flocks)), [from, to, base], (from_zoom, zoom), vp, dur, start);
}

/// The pointers down on the map (one for a drag, two for a pinch), by pointer id.
#[derive(Default)]
pub struct Pointers(pub Vec<(i32, Point)>);

impl Pointers {
    pub fn get(&self, id: i32) -> Option<Point> {
        self.0.iter().find(|(k, _)| *k == id).map(|(_, p)| *p)
    }
    pub fn set(&mut self, id: i32, p: Point) {
        self.remove(id);
        self.0.push((id, p));
    }
    pub fn remove(&mut self, id: i32) {
        self.0.retain(|(k, _)| *k != id);
    }
    pub fn other_than(&self, id: i32) -> Option<Point> {
        self.0.iter().find(|(k, _)| *k != id).map(|(_, p)| *p)
    }
}
