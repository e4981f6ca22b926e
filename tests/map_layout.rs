#![cfg(not(target_arch = "wasm32"))]
//! What the reader sees on the map for every view at phone, article and projector sizes:
//! labels never overlap, and crowded stops come apart when one of them is selected.

use county_tour::basemap::{self, Basemap};
use county_tour::camera::Viewport;
use county_tour::data::{load, TOUR_JSON};
use county_tour::labels::text_width;
use county_tour::labels::Rect;
use county_tour::layout::{camera_for, layout, marker_label, marker_points, MarkerStyle, PHONE, PROJECTOR, READER};
use county_tour::model::{Lang, Tour};
use county_tour::route::View;

/// The map's size in the three layouts (CSS px), with the marker style each uses.
const SCREENS: [(&str, f64, f64, MarkerStyle); 4] = [
    ("phone", 366.0, 366.0, PHONE),
    ("phone-landscape", 400.0, 280.0, PHONE),
    ("article", 742.0, 680.0, READER),
    ("projector", 1140.0, 880.0, PROJECTOR),
];

fn views(t: &Tour) -> Vec<View> {
    let mut v = vec![View::Overview, View::Route(1), View::Route(2), View::Route(3)];
    v.extend(t.stops.iter().map(|s| View::Stop(s.id.to_string())));
    v
}

#[test]
fn labels_never_overlap_each_other_or_a_marker() {
    let t = load(TOUR_JSON).unwrap();
    let base: Basemap = basemap::json::parse(basemap::json::DELTA).unwrap();
    for (screen, w, h, style) in SCREENS {
        let vp = Viewport::new(w, h);
        for lang in [Lang::Zh, Lang::En] {
            for view in views(&t) {
                let cam = camera_for(&t, &view, vp, style);
                let lay = layout(&t, &base.labels, &view, &cam, vp, lang, style);
                let pts: Vec<_> = marker_points(&t).iter().map(|p| cam.to_screen(vp, *p)).collect();
                let markers: Vec<Rect> = pts
                    .iter()
                    .map(|p| Rect {
                        x: p.x - style.radius,
                        y: p.y - style.radius,
                        w: 2.0 * style.radius,
                        h: 2.0 * style.radius,
                    })
                    .collect();
                let labels: Vec<Rect> = lay
                    .labels
                    .iter()
                    .enumerate()
                    .filter_map(|(i, off)| {
                        off.map(|o| Rect {
                            x: pts[i].x + o.x,
                            y: pts[i].y + o.y,
                            w: text_width(&marker_label(&t, i, lang), style.font) + 4.0,
                            h: style.label_height(),
                        })
                    })
                    .collect();
                for (i, a) in labels.iter().enumerate() {
                    for b in &labels[i + 1..] {
                        assert!(!a.overlaps(b), "{screen} {lang:?} {view:?}: {a:?} overlaps {b:?}");
                    }
                    for m in &markers {
                        assert!(!a.overlaps(m), "{screen} {lang:?} {view:?}: label {a:?} covers a marker");
                    }
                }
                if let View::Stop(id) = &view {
                    let i = t.stops.iter().position(|s| &s.id == id).unwrap();
                    assert!(lay.labels[i].is_some(), "{screen} {lang:?}: the selected stop {id} has no label");
                    let p = pts[i];
                    assert!((p.x - w / 2.0).abs() < 1.0 && (p.y - h / 2.0).abs() < 1.0, "selected stop is centred");
                }
            }
        }
    }
}

#[test]
fn crowded_neighbours_come_apart_when_one_is_selected() {
    let t = load(TOUR_JSON).unwrap();
    for cluster in [["xinwu", "binhu", "liangxi"], ["yuyao", "qianwan", "cixi"]] {
        for (screen, w, h, style) in SCREENS {
            let vp = Viewport::new(w, h);
            for sel in cluster {
                let view = View::Stop(sel.into());
                let cam = camera_for(&t, &view, vp, style);
                let base = basemap::json::parse(basemap::json::DELTA).unwrap();
                let lay = layout(&t, &base.labels, &view, &cam, vp, Lang::Zh, style);
                let idx: Vec<usize> =
                    cluster.iter().map(|id| t.stops.iter().position(|s| &s.id == id).unwrap()).collect();
                for (k, &i) in idx.iter().enumerate() {
                    let pi = cam.to_screen(vp, t.stop_point(&t.stops[i]));
                    assert!(
                        pi.x > 0.0 && pi.y > 0.0 && pi.x < w && pi.y < h,
                        "{screen} {sel}: {} off screen",
                        t.stops[i].id
                    );
                    assert!(lay.labels[i].is_some(), "{screen} {sel}: {} has no label", t.stops[i].id);
                    for &j in &idx[k + 1..] {
                        let pj = cam.to_screen(vp, t.stop_point(&t.stops[j]));
                        assert!(pi.dist(pj) >= 2.0 * style.radius + 4.0, "{screen} {sel}: markers touch");
                    }
                }
            }
        }
    }
}

#[test]
fn overview_and_routes_show_every_stop_they_frame() {
    let t = load(TOUR_JSON).unwrap();
    for (screen, w, h, style) in SCREENS {
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
