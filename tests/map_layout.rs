#![cfg(not(target_arch = "wasm32"))]
//! What the reader sees on the map for every view at phone, article and projector sizes: no two
//! markers collide, each stop keeps a tap target of its own, leaders stay short, labels never overlap
//! a marker or each other, and crowded stops come apart when one of them is selected.

use county_tour::address::View;
use county_tour::basemap::{self, Basemap};
use county_tour::camera::Viewport;
use county_tour::data::{load, TOUR_JSON};
use county_tour::export::PRINT_VP;
use county_tour::geo::Point;
use county_tour::labels::{text_width, Rect};
use county_tour::layout::{
    band_for, camera_for, marker_label, marker_points, MapFrame, MapLayout, BANDS, PHONE, PROJECTOR, READER,
    SHAPE_REACH,
};
use county_tour::marker::DOT_R;
use county_tour::model::{Lang, Tour};

mod support;
use support::map_box;

/// Every screen the issue names, plus a 4K one and a projector (presenter mode).
fn screens() -> Vec<(String, Viewport, bool)> {
    // (the printed handout's and the export's maps are checked alike, in `every_frame`)
    let mut s: Vec<_> =
        [320.0, 390.0, 1280.0, 1920.0, 3840.0].into_iter().map(|w| (format!("{w} px"), map_box(w), false)).collect();
    s.push(("projector".into(), Viewport::new(1140.0, 880.0), true));
    s.push(("phone landscape".into(), map_box(844.0), false));
    s.push(("720 px article column".into(), map_box(744.0), false));
    s
}

fn views(t: &Tour) -> Vec<View> {
    let mut v = vec![View::Overview, View::Route(1), View::Route(2), View::Route(3), View::Start];
    v.extend(t.stops.iter().map(|s| View::Stop(s.id.to_string())));
    v
}

fn tour() -> (Tour, Basemap) {
    (load(TOUR_JSON).unwrap(), basemap::json::parse(basemap::json::DELTA).unwrap())
}

/// A laid-out view, in the px of its layout frame.
struct Drawn {
    frame: MapFrame,
    lay: MapLayout,
    /// True places and where each marker is drawn.
    at: Vec<Point>,
    shown: Vec<Point>,
}

fn draw(t: &Tour, base: &Basemap, view: &View, vp: Viewport, present: bool, lang: Lang) -> Drawn {
    drawn(t, base, view, MapFrame::new(t, view, vp, present, None), lang)
}

/// The map of `view` as print and export draw it (src/export.rs `print_map`): an A4-sized frame.
fn printed(t: &Tour, view: &View) -> MapFrame {
    let cam = camera_for(t, view, PRINT_VP, READER);
    MapFrame { cam, layout_vp: PRINT_VP, layout_cam: cam, style: READER, zoom: 1.0 }
}

fn drawn(t: &Tour, base: &Basemap, view: &View, frame: MapFrame, lang: Lang) -> Drawn {
    let lay = frame.layout(t, &base.labels, view, lang);
    let at: Vec<Point> = marker_points(t).iter().map(|p| frame.layout_cam.to_screen(frame.layout_vp, *p)).collect();
    let shown = at.iter().zip(&lay.marks).map(|(a, m)| Point::new(a.x + m.x, a.y + m.y)).collect();
    Drawn { frame, lay, at, shown }
}

/// Every view on every screen, and as printed: (where, view, drawing).
fn every_frame(t: &Tour, base: &Basemap, lang: Lang) -> Vec<(String, View, Drawn)> {
    let mut out = Vec::new();
    for (screen, vp, present) in screens() {
        for view in views(t) {
            let d = draw(t, base, &view, vp, present, lang);
            out.push((screen.clone(), view, d));
        }
    }
    for view in views(t) {
        let d = drawn(t, base, &view, printed(t, &view), lang);
        out.push(("print".to_string(), view, d));
    }
    out
}

fn on_screen(p: Point, vp: Viewport) -> bool {
    p.x >= 0.0 && p.y >= 0.0 && p.x <= vp.width && p.y <= vp.height
}

/// Each stop's own tap area in px² of the page: the part of its round target that no later stop's
/// target covers (later markers are drawn, and hit, on top), sampled on a half-px grid. The start (the
/// last marker, `stops`) is drawn first, under every stop: its own area is what no stop covers.
fn own_areas(d: &Drawn, stops: usize) -> Vec<f64> {
    let r = d.frame.style.hit;
    let step = 0.5;
    (0..=stops)
        .map(|i| {
            let c = d.shown[i];
            let above = if i == stops { 0..stops } else { i + 1..stops };
            let mut n = 0usize;
            let k = (r / step).ceil() as i64;
            for gx in -k..=k {
                for gy in -k..=k {
                    let p = Point::new(c.x + gx as f64 * step, c.y + gy as f64 * step);
                    if p.dist(c) <= r && !above.clone().any(|j| p.dist(d.shown[j]) <= r) {
                        n += 1;
                    }
                }
            }
            n as f64 * step * step * d.frame.zoom * d.frame.zoom
        })
        .collect()
}

#[test]
fn no_two_markers_collide_and_leaders_stay_short_in_every_view_and_size() {
    let (t, base) = tour();
    for (screen, view, d) in every_frame(&t, &base, Lang::Zh) {
        let style = d.frame.style;
        let lvp = d.frame.layout_vp;
        let visible: Vec<usize> = (0..d.at.len()).filter(|&i| on_screen(d.at[i], lvp)).collect();
        for (k, &i) in visible.iter().enumerate() {
            for &j in &visible[k + 1..] {
                let gap = d.shown[i].dist(d.shown[j]);
                assert!(
                    gap >= 2.0 * SHAPE_REACH * style.radius + 1.0 && gap >= style.sep - 0.01,
                    "{screen} {view:?}: markers {i} and {j} are {gap:.1} px apart"
                );
            }
            let leader = d.lay.marks[i].dist(Point::default());
            assert!(leader <= 2.0 * style.sep, "{screen} {view:?}: marker {i}'s leader is {leader:.0} px");
            assert!(on_screen(d.shown[i], lvp), "{screen} {view:?}: marker {i} pushed off the map");
        }
    }
}

#[test]
fn every_stop_and_the_start_keep_a_tap_target_of_their_own() {
    let (t, base) = tour();
    for (screen, vp, present) in screens() {
        for view in views(&t) {
            let d = draw(&t, &base, &view, vp, present, Lang::Zh);
            let areas = own_areas(&d, t.stops.len());
            // 44×44 px on a phone's overview, WCAG 2.5.8's 24×24 everywhere.
            let need = if d.frame.style == PHONE && view == View::Overview { 44.0 * 44.0 } else { 24.0 * 24.0 };
            for (i, a) in areas.iter().enumerate() {
                if on_screen(d.at[i], d.frame.layout_vp) {
                    let id = t.stops.get(i).map_or(&*t.start.id, |s| &*s.id);
                    assert!(*a >= need, "{screen} {view:?}: {id} has {a:.0} px² of its own");
                }
            }
        }
    }
}

#[test]
fn labels_never_touch_a_marker_a_dot_or_each_other() {
    let (t, base) = tour();
    for lang in [Lang::Zh, Lang::En] {
        for (screen, view, d) in every_frame(&t, &base, lang) {
            let style = d.frame.style;
            let reach = SHAPE_REACH * style.radius;
            let boxes: Vec<Rect> = d
                .shown
                .iter()
                .map(|p| Rect { x: p.x - reach, y: p.y - reach, w: 2.0 * reach, h: 2.0 * reach })
                .chain(d.at.iter().map(|p| Rect { x: p.x - DOT_R, y: p.y - DOT_R, w: 2.0 * DOT_R, h: 2.0 * DOT_R }))
                .collect();
            let labels: Vec<Rect> = d
                .lay
                .labels
                .iter()
                .enumerate()
                .filter_map(|(i, off)| {
                    off.map(|o| Rect {
                        x: d.shown[i].x + o.x,
                        y: d.shown[i].y + o.y,
                        w: text_width(&marker_label(&t, i, lang), style.font) + 4.0,
                        h: style.label_height(),
                    })
                })
                .collect();
            for (i, a) in labels.iter().enumerate() {
                for b in &labels[i + 1..] {
                    assert!(!a.overlaps(b), "{screen} {lang:?} {view:?}: {a:?} overlaps {b:?}");
                }
                for m in &boxes {
                    assert!(!a.overlaps(m), "{screen} {lang:?} {view:?}: label {a:?} covers a marker or dot {m:?}");
                }
            }
            if let View::Stop(id) = &view {
                let i = t.stops.iter().position(|s| &s.id == id).unwrap();
                assert!(d.lay.labels[i].is_some(), "{screen} {lang:?}: the selected stop {id} has no label");
            }
            if view == View::Start {
                assert!(d.lay.labels[t.stops.len()].is_some(), "{screen} {lang:?}: the selected start has no label");
            }
        }
    }
}

#[test]
fn the_overview_names_most_places() {
    // Every place in Chinese at any width from 320 px; in English, whose names run longer, all but one. A
    // label may slide along its marker's side to find room (labels::slid): without that, a 320 px phone
    // showed 18 names in Chinese and 13 in English.
    let (t, base) = tour();
    for w in [320.0, 360.0, 390.0, 420.0, 460.0, 500.0, 560.0, 600.0, 700.0, 742.0, 900.0, 1280.0, 1920.0] {
        for (lang, least) in [(Lang::Zh, 19), (Lang::En, 18)] {
            let d = draw(&t, &base, &View::Overview, map_box(w), false, lang);
            let named = d.lay.labels.iter().flatten().count();
            assert!(named >= least, "{w} px, {lang:?}: {named} of 19 labels");
        }
    }
}

#[test]
fn the_overview_is_the_same_picture_at_every_size_of_a_band() {
    // The prerendered page shows a band's layout scaled to the map: the app must draw the very same.
    let (t, _) = tour();
    for (i, band) in BANDS.iter().enumerate() {
        assert_eq!(band_for(band.frame.width), i);
        let own = MapFrame::band(&t, *band, band.frame);
        assert!((own.zoom - 1.0).abs() < 1e-9);
        let wider = Viewport::new(band.frame.width * 1.1, band.frame.height * 1.1);
        let live = MapFrame::new(&t, &View::Overview, wider, false, None);
        if band_for(wider.width) == i {
            assert!((live.zoom - 1.1).abs() < 1e-6, "band {i}: zoom {}", live.zoom);
            assert!((live.inv() - own.inv()).abs() < 1e-9, "markers drawn at the band's size");
        }
    }
    assert_eq!(band_for(364.0), 1);
    assert_eq!(band_for(363.9), 0);
    assert_eq!(band_for(742.0), 5);
}

#[test]
fn crowded_neighbours_come_apart_when_one_is_selected() {
    let (t, base) = tour();
    for cluster in [["xinwu", "binhu", "liangxi"], ["yuyao", "qianwan", "cixi"]] {
        for (screen, vp, present) in screens() {
            for sel in cluster {
                let view = View::Stop(sel.into());
                let d = draw(&t, &base, &view, vp, present, Lang::Zh);
                let lvp = d.frame.layout_vp;
                for id in cluster {
                    let i = t.stops.iter().position(|s| &*s.id == id).unwrap();
                    assert!(on_screen(d.at[i], lvp), "{screen} {sel}: {id} off screen");
                    assert!(d.lay.labels[i].is_some(), "{screen} {sel}: {id} has no label");
                }
                let i = t.stops.iter().position(|s| &*s.id == sel).unwrap();
                let p = d.at[i];
                assert!(
                    (p.x - lvp.width / 2.0).abs() < 1.0 && (p.y - lvp.height / 2.0).abs() < 1.0,
                    "selected stop is centred"
                );
            }
        }
    }
}

#[test]
fn overview_and_routes_show_every_stop_they_frame() {
    let t = load(TOUR_JSON).unwrap();
    for (screen, w, h, style) in [
        ("phone", 364.0, 364.0, PHONE),
        ("phone-landscape", 400.0, 280.0, PHONE),
        ("article", 742.0, 618.0, READER),
        ("projector", 1140.0, 880.0, PROJECTOR),
    ] {
        let vp = Viewport::new(w, h);
        for view in [View::Overview, View::Route(1), View::Route(2), View::Route(3)] {
            let cam = camera_for(&t, &view, vp, style);
            let shown: Vec<_> = match &view {
                View::Route(n) => t.stops_of(*n).collect(),
                _ => t.stops.iter().collect(),
            };
            for s in shown {
                let p = cam.to_screen(vp, t.stop_point(s));
                assert!(
                    p.x >= style.radius && p.y >= style.radius && p.x <= w - style.radius && p.y <= h - style.radius,
                    "{screen} {view:?}: {} cut off",
                    s.id
                );
            }
        }
    }
}
