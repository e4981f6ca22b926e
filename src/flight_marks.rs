//! The markers as a flight draws them.
//!
//! At each frame of a flight the map's top layer is drawn at a new scale. Keeping every marker at its size
//! by scaling it back, one transform each, restyled all of them at every frame: at 4× CPU, about as much
//! work as drawing the whole layer, and on a busy machine enough to drop every other frame
//! (bench/flysim.mjs). So a flight hides the markers and draws them instead as the caps of zero-length
//! strokes whose width is in screen px (`vector-effect: non-scaling-stroke`): a round cap is a circle, a
//! square one a square, turned 45° a diamond. One pair of paths (ring beneath, fill on top) per kind of
//! mark, and for a kind with marks moved out of a crowd, their leaders and dots. From frame to frame only
//! the points of those kinds change (a moved mark's offset is in px, so a different distance on the map at
//! each scale). The shapes are `marker`'s; the markers come back on landing (src/components/map/flight.rs).

use std::fmt::Write;

use crate::address::View;
use crate::camera::{Camera, Viewport};
use crate::geo::Point;
use crate::layout::{marker_points, MapLayout, MarkerStyle};
use crate::marker::{self, Shape, START_HALF};
use crate::model::Tour;
use crate::num::Fixed;

/// Marks drawn alike: one shape, fill and ring, and where each one is.
#[derive(Debug, PartialEq)]
pub struct Flock {
    pub shape: Shape,
    /// The fill, a CSS colour.
    pub fill: String,
    /// The ring around the shape: a CSS colour and its width in px, centred on the outline as
    /// style.css strokes `.ct-mk`.
    pub ring: (&'static str, f64),
    /// Faded, as a stop outside the group shown (`.ct-stop.dim .ct-mk`).
    pub dim: bool,
    /// Per mark, its true place (map units) and where it is drawn from there, in px at zoom 1 (a mark moved
    /// out of a crowd, `MapLayout::marks`).
    pub at: Vec<(Point, Point)>,
}

/// The flocks of `view`'s marks, in drawing order: the start, each group's stops, the chosen stop.
pub fn flocks(tour: &Tour, view: &View, lay: &MapLayout, style: MarkerStyle) -> Vec<Flock> {
    let points = marker_points(tour);
    let place = |i: usize| (points[i], lay.marks.get(i).copied().unwrap_or_default());
    let n = tour.stops.len();
    let start_ring =
        if *view == View::Start { ("var(--accent)", marker::CHOSEN_RING) } else { ("var(--paper)", marker::RING) };
    let mut out = vec![Flock {
        shape: marker::start_shape(START_HALF),
        fill: "var(--ink)".to_string(),
        ring: start_ring,
        dim: false,
        at: vec![place(n)],
    }];
    let chosen = match view {
        View::Stop(id) => tour.stops.iter().position(|s| *s.id == **id),
        _ => None,
    };
    let shown = tour.group_of(view);
    for g in tour.groups.iter() {
        let at: Vec<_> = (0..n).filter(|&i| tour.stops[i].group == g.number && Some(i) != chosen).map(place).collect();
        if !at.is_empty() {
            let dim = shown.is_some_and(|s| s != g.number);
            let shape = marker::shape(g.number, style.radius);
            out.push(Flock { shape, fill: g.color.to_string(), ring: ("var(--edge)", marker::RING), dim, at });
        }
    }
    if let Some(i) = chosen {
        let st = &tour.stops[i];
        let fill = tour.group(st.group).map(|g| g.color.to_string()).unwrap_or_default();
        let shape = marker::shape(st.group, style.radius);
        out.push(Flock { shape, fill, ring: ("var(--ink)", marker::CHOSEN_RING), dim: false, at: vec![place(i)] });
    }
    out
}

/// The mark a tap at `at` (px from the map's top left) falls on while a flight draws them at `cam` with the
/// markers `zoom` times their size: the markers themselves are hidden then, and so cannot take the tap. The
/// one whose tap circle (`style.hit`, as `.ct-hit`) holds it, the top-most where circles overlap: later stops
/// over earlier ones, every stop over the start. An index into `marker_points` (the stops, then the start).
pub fn mark_at(
    tour: &Tour,
    lay: &MapLayout,
    style: MarkerStyle,
    cam: &Camera,
    vp: Viewport,
    zoom: f64,
    at: Point,
) -> Option<usize> {
    let points = marker_points(tour);
    let n = tour.stops.len();
    let hits = |&i: &usize| {
        let m = lay.marks.get(i).copied().unwrap_or_default();
        let c = cam.to_screen(vp, points[i]);
        Point::new(c.x + m.x * zoom, c.y + m.y * zoom).dist(at) <= style.hit * zoom
    };
    (0..n).rev().chain([n]).find(hits)
}

impl Flock {
    /// The shape's reach from its centre (a circle's radius, half a square's side) and whether a stroke's cap
    /// draws it round; a turned square's cap gets its slant from the direction of `d`'s tiny step.
    fn cap(&self) -> (f64, bool) {
        match self.shape {
            Shape::Circle { r } => (r, true),
            Shape::Square { half, .. } => (half, false),
        }
    }

    /// Whether some mark of the flock was moved out of a crowd, and so flies with a leader back to a dot at its
    /// true place (`marker::moved`, as `views::map` draws them).
    pub fn moved(&self) -> bool {
        self.at.iter().any(|(_, m)| marker::moved(*m))
    }

    /// The flock's markup for the flight's layer (`g.ct-fly`): the leaders and dots (ring, fill) of its moved
    /// marks if it has any, then its marks' ring and fill; the widths in px times `--z` (the markers' zoom, set
    /// on the layer). The leaders' and the marks' points are left to [`Flock::points`]; the dots stay put.
    pub fn markup(&self, out: &mut String) {
        let (reach, round) = self.cap();
        let (ring, w) = self.ring;
        let _ = write!(out, "<g style=\"--route:{}\"{}>", self.fill, if self.dim { " opacity=\".3\"" } else { "" });
        if self.moved() {
            out.push_str("<path class=\"ct-leader\"/>");
        }
        let mut path = |colour: &str, width: f64, round: bool, d: &str| {
            let cap = if round { "round" } else { "square" };
            let _ = write!(
                out,
                "<path style=\"stroke:{colour};stroke-width:calc(var(--z)*{}px);stroke-linecap:{cap}\" d=\"{d}\"/>",
                Fixed(width, 1)
            );
        };
        if self.moved() {
            let mut dots = String::new();
            for (p, _) in self.at.iter().filter(|(_, m)| marker::moved(*m)) {
                let _ = write!(dots, "M{} {}h0", Fixed(p.x, 3), Fixed(p.y, 3));
            }
            // The dot, ringed in the paper's colour as `.ct-dot` is.
            path("var(--paper)", 2.0 * marker::DOT_R + marker::DOT_RING, true, &dots);
            path("var(--route)", 2.0 * marker::DOT_R - marker::DOT_RING, true, &dots);
        }
        path(ring, 2.0 * reach + w, round, "");
        path("var(--route)", 2.0 * reach - w, round, "");
        out.push_str("</g>");
    }

    /// The points of the flock's leaders and of its marks, for their paths' `d`, at `k` map units per px (one
    /// over the camera's scale) with the markers drawn `zoom` times their size. Each mark is a zero-length
    /// step, a diamond one of a fiftieth of a px at 45° (shorter ones lose their direction and draw a square).
    pub fn points(&self, k: f64, zoom: f64) -> (String, String) {
        let turned = matches!(self.shape, Shape::Square { turned: true, .. });
        let (mut leaders, mut marks) = (String::new(), String::new());
        for (p, m) in &self.at {
            let (dx, dy) = (Fixed(m.x * zoom * k, 3), Fixed(m.y * zoom * k, 3));
            let (x, y) = (Fixed(p.x, 3), Fixed(p.y, 3));
            if marker::moved(*m) {
                let _ = write!(leaders, "M{x} {y}l{dx} {dy}");
            }
            let _ = write!(marks, "M{x} {y}m{dx} {dy}");
            if turned {
                let e = Fixed(0.02 * k, 5);
                let _ = write!(marks, "l{e} {e}");
            } else {
                marks.push_str("h0");
            }
        }
        (leaders, marks)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::{DELTA, TOUR};
    use crate::camera::Viewport;
    use crate::layout::MapFrame;
    use crate::model::Lang;

    fn of(view: &View) -> Vec<Flock> {
        let frame = MapFrame::new(&TOUR, view, Viewport::new(390.0, 560.0), false, None);
        let lay = frame.layout(&TOUR, &DELTA.labels, view, Lang::Zh);
        flocks(&TOUR, view, &lay, frame.style)
    }

    const RADIUS: f64 = crate::layout::PHONE.radius;

    #[test]
    fn every_mark_flies_once_in_its_own_shape_and_colour() {
        for view in [View::Overview, View::Route(2), View::Stop("yiwu".into()), View::Start] {
            let fl = of(&view);
            assert_eq!(fl.iter().map(|f| f.at.len()).sum::<usize>(), TOUR.stops.len() + 1, "{view:?}");
            assert_eq!(fl[0].fill, "var(--ink)", "the start is drawn first, beneath the stops");
            for f in &fl[1..] {
                let g = TOUR.groups.iter().find(|g| *g.color == *f.fill).expect("a group's colour");
                assert_eq!(f.shape, marker::shape(g.number, RADIUS), "group {} in {view:?}", g.number);
            }
        }
    }

    #[test]
    fn the_chosen_stop_is_ringed_on_top_and_other_groups_fade() {
        let fl = of(&View::Stop("yiwu".into()));
        let last = fl.last().unwrap();
        assert_eq!((last.ring, last.at.len()), (("var(--ink)", 3.0), 1), "义乌 last, in the chosen stop's ring");
        let yiwu = TOUR.stops.iter().find(|s| &*s.id == "yiwu").unwrap();
        assert_eq!(last.at[0].0, TOUR.stop_point(yiwu));
        assert!(fl.iter().filter(|f| f.dim).count() >= 2, "the two other groups fade");
        assert!(of(&View::Overview).iter().all(|f| !f.dim), "nothing fades on the overview");
        assert_eq!(of(&View::Start)[0].ring, ("var(--accent)", 3.0), "Hangzhou's own view rings its diamond");
    }

    #[test]
    fn a_tap_in_flight_finds_the_mark_drawn_under_it() {
        let view = View::Overview;
        let vp = Viewport::new(390.0, 560.0);
        let frame = MapFrame::new(&TOUR, &view, vp, false, None);
        let lay = frame.layout(&TOUR, &DELTA.labels, &view, Lang::Zh);
        let points = marker_points(&TOUR);
        // Halfway through a flight, zoomed in twice as far as the overview about its centre.
        let cam = Camera { scale: frame.cam.scale * 2.0, ..frame.cam };
        for (i, st) in TOUR.stops.iter().enumerate() {
            let c = cam.to_screen(vp, points[i]);
            let m = lay.marks[i];
            let on = Point::new(c.x + m.x * frame.zoom, c.y + m.y * frame.zoom);
            assert_eq!(mark_at(&TOUR, &lay, frame.style, &cam, vp, frame.zoom, on), Some(i), "{}", st.id);
        }
        let far = Point::new(-500.0, -500.0);
        assert_eq!(mark_at(&TOUR, &lay, frame.style, &cam, vp, frame.zoom, far), None, "off the map, no mark");
    }

    #[test]
    fn points_keep_a_moved_marks_offset_in_px_and_diamonds_their_slant() {
        let f = Flock {
            shape: marker::shape(3, 9.0),
            fill: "#000".into(),
            ring: ("var(--edge)", 2.0),
            dim: false,
            at: vec![(Point::new(100.0, 50.0), Point::new(20.0, -10.0))],
        };
        // 2 px per map unit, markers 1.5 times their size: 20 px right is 30 px, 15 map units.
        assert_eq!(f.points(0.5, 1.5), ("M100 50l15 -7.5".into(), "M100 50m15 -7.5l0.01 0.01".into()));
        let round = Flock { shape: marker::shape(1, 9.0), ..f };
        assert_eq!(round.points(0.5, 1.0).1, "M100 50m10 -5h0");
        let mut m = String::new();
        round.markup(&mut m);
        // A circle of radius 9 ringed 2 px wide: the ring's stroke 20 px across, the fill's 16.
        assert!(m.starts_with("<g style=\"--route:#000\"><path class=\"ct-leader\"/>"), "{m}");
        assert!(m.contains("stroke:var(--edge);stroke-width:calc(var(--z)*20px);stroke-linecap:round"), "{m}");
        assert!(m.contains("stroke:var(--route);stroke-width:calc(var(--z)*16px)"), "{m}");
        assert!(
            m.contains("stroke:var(--paper);stroke-width:calc(var(--z)*6px);stroke-linecap:round\" d=\"M100 50h0\""),
            "{m}"
        );
        assert!(
            m.contains("stroke:var(--route);stroke-width:calc(var(--z)*4px);stroke-linecap:round\" d=\"M100 50h0\""),
            "{m}"
        );
        let still = Flock { at: vec![(Point::new(1.0, 2.0), Point::default())], ..round };
        assert_eq!(still.points(0.5, 1.0), (String::new(), "M1 2m0 0h0".into()), "no leader where nothing moved");
        m.clear();
        still.markup(&mut m);
        assert_eq!(m.matches("<path").count(), 2, "ring and fill alone: {m}");
    }
}
