//! Pulling crowded markers apart, as news cartographers do with tight clusters: each marker moves the
//! least it must (along a short leader line from its true position, which keeps a small dot) until no
//! two are closer than a finger's width. Plain maths in screen px, tested natively for every view.

use crate::geo::Point;
use crate::labels::Rect;

/// How many rounds of pushing the relaxation may take; a few dozen suffice for the tour's clusters.
const ROUNDS: usize = 600;

/// Where each marker is drawn: at least `sep` px from every other marker that is inside `frame`, kept
/// `margin` px inside the frame. Markers outside the frame (or not finite) stay where they are and take
/// no part. Coincident markers fan out in a fixed order, so the result is the same on every run.
pub fn declutter(at: &[Point], sep: f64, frame: Rect, margin: f64) -> Vec<Point> {
    let inside = |p: &Point| {
        p.x.is_finite()
            && p.y.is_finite()
            && p.x >= frame.x
            && p.y >= frame.y
            && p.x <= frame.x + frame.w
            && p.y <= frame.y + frame.h
    };
    let active: Vec<usize> = (0..at.len()).filter(|&i| inside(&at[i])).collect();
    let mut q = at.to_vec();
    let (x0, y0) = (frame.x + margin, frame.y + margin);
    let (x1, y1) = ((frame.x + frame.w - margin).max(x0), (frame.y + frame.h - margin).max(y0));
    for _ in 0..ROUNDS {
        let mut moved = false;
        for (k, &i) in active.iter().enumerate() {
            for &j in &active[k + 1..] {
                let (dx, dy) = (q[j].x - q[i].x, q[j].y - q[i].y);
                let d = (dx * dx + dy * dy).sqrt();
                if d >= sep - 1e-6 {
                    continue;
                }
                // Apart along the line between them; two at one spot part at an angle set by their index.
                let (ux, uy) = if d > 1e-6 {
                    (dx / d, dy / d)
                } else {
                    let a = j as f64 * 2.399_963;
                    (crate::num::cos(a), crate::num::sin(a))
                };
                let push = (sep - d) / 2.0 + 0.05;
                q[i] = Point::new(q[i].x - ux * push, q[i].y - uy * push);
                q[j] = Point::new(q[j].x + ux * push, q[j].y + uy * push);
                moved = true;
            }
        }
        for &i in &active {
            q[i] = Point::new(q[i].x.max(x0).min(x1), q[i].y.max(y0).min(y1));
        }
        if !moved {
            break;
        }
    }
    q
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame() -> Rect {
        Rect { x: 0.0, y: 0.0, w: 400.0, h: 300.0 }
    }

    fn min_gap(q: &[Point]) -> f64 {
        let mut m = f64::INFINITY;
        for (i, a) in q.iter().enumerate() {
            for b in &q[i + 1..] {
                m = m.min(a.dist(*b));
            }
        }
        m
    }

    #[test]
    fn markers_far_apart_stay_where_they_are() {
        let at = [Point::new(50.0, 50.0), Point::new(200.0, 200.0)];
        assert_eq!(declutter(&at, 40.0, frame(), 10.0), at.to_vec());
    }

    #[test]
    fn a_tight_cluster_opens_to_the_gap_and_moves_little() {
        // Three stops a few px apart, like the Wuxi districts on a phone.
        let at = [Point::new(200.0, 150.0), Point::new(203.0, 146.0), Point::new(205.0, 152.0)];
        let q = declutter(&at, 48.0, frame(), 26.0);
        assert!(min_gap(&q) >= 48.0 - 1e-3, "{q:?}");
        for (a, b) in at.iter().zip(&q) {
            assert!(a.dist(*b) < 48.0, "leader {} px", a.dist(*b));
        }
    }

    #[test]
    fn coincident_markers_fan_out_the_same_way_every_time() {
        let at = [Point::new(100.0, 100.0); 4];
        let q = declutter(&at, 40.0, frame(), 20.0);
        assert!(min_gap(&q) >= 40.0 - 1e-3, "{q:?}");
        assert_eq!(q, declutter(&at, 40.0, frame(), 20.0));
    }

    #[test]
    fn markers_stay_inside_the_frame_and_those_outside_are_left_alone() {
        let at = [Point::new(2.0, 2.0), Point::new(4.0, 3.0), Point::new(-50.0, 10.0), Point::new(f64::NAN, 1.0)];
        let q = declutter(&at, 30.0, frame(), 15.0);
        for p in &q[..2] {
            assert!(p.x >= 15.0 && p.y >= 15.0, "{p:?}");
        }
        assert!(q[0].dist(q[1]) >= 30.0 - 1e-3);
        assert_eq!(q[2], at[2]);
        assert!(q[3].x.is_nan());
    }
}
