//! The map camera: which part of the map the viewport shows, fitting it to bounds, and easing between two views.

use crate::geo::Point;
use crate::num::{clamp, Fixed};

/// An axis-aligned box in map units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    pub min: Point,
    pub max: Point,
}

impl Bounds {
    /// The smallest box around the points; `None` for none.
    pub fn around(points: impl IntoIterator<Item = Point>) -> Option<Bounds> {
        let mut it = points.into_iter();
        let first = it.next()?;
        Some(it.fold(Bounds { min: first, max: first }, |b, p| Bounds {
            min: Point::new(b.min.x.min(p.x), b.min.y.min(p.y)),
            max: Point::new(b.max.x.max(p.x), b.max.y.max(p.y)),
        }))
    }
    pub fn width(&self) -> f64 {
        self.max.x - self.min.x
    }
    pub fn height(&self) -> f64 {
        self.max.y - self.min.y
    }
    pub fn center(&self) -> Point {
        Point::new((self.min.x + self.max.x) / 2.0, (self.min.y + self.max.y) / 2.0)
    }
}

/// The viewport in CSS px.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    pub width: f64,
    pub height: f64,
}

impl Viewport {
    pub fn new(width: f64, height: f64) -> Self {
        // A zero-sized box (hidden or not yet laid out) would make every scale infinite.
        Self { width: width.max(1.0), height: height.max(1.0) }
    }
}

/// A view of the map: the map point at the viewport's centre and how many px one map unit takes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Camera {
    pub center: Point,
    pub scale: f64,
}

/// How far the reader may zoom in, in px per map unit (about 1:60 000 at 1000 px for the whole map).
pub const MAX_SCALE: f64 = 24.0;
/// How far out: a little less than the whole map in a small viewport.
pub const MIN_SCALE: f64 = 0.2;

impl Camera {
    /// The camera that shows `b` whole inside `vp` with `pad` px to spare on each side.
    pub fn fit(b: Bounds, vp: Viewport, pad: f64) -> Camera {
        let avail_w = (vp.width - 2.0 * pad).max(vp.width * 0.25);
        let avail_h = (vp.height - 2.0 * pad).max(vp.height * 0.25);
        let sx = if b.width() > 0.0 { avail_w / b.width() } else { MAX_SCALE };
        let sy = if b.height() > 0.0 { avail_h / b.height() } else { MAX_SCALE };
        Camera { center: b.center(), scale: clamp(sx.min(sy), MIN_SCALE, MAX_SCALE) }
    }

    /// Centre on `p`, zoomed in until its nearest neighbour is at least `min_gap` px away,
    /// but never further out than `at_least`.
    pub fn focus(p: Point, neighbours: impl IntoIterator<Item = Point>, min_gap: f64, at_least: f64) -> Camera {
        let nearest = neighbours.into_iter().map(|q| q.dist(p)).filter(|d| *d > 1e-9).fold(f64::INFINITY, f64::min);
        let needed = if nearest.is_finite() { min_gap / nearest } else { at_least };
        Camera { center: p, scale: clamp(needed.max(at_least), MIN_SCALE, MAX_SCALE) }
    }

    /// The SVG viewBox (x, y, w, h) in map units.
    pub fn view_box(&self, vp: Viewport) -> [f64; 4] {
        let w = vp.width / self.scale;
        let h = vp.height / self.scale;
        [self.center.x - w / 2.0, self.center.y - h / 2.0, w, h]
    }

    pub fn view_box_attr(&self, vp: Viewport) -> String {
        let [x, y, w, h] = self.view_box(vp);
        format!("{} {} {} {}", Fixed(x, 2), Fixed(y, 2), Fixed(w, 2), Fixed(h, 2))
    }

    pub fn to_screen(&self, vp: Viewport, p: Point) -> Point {
        Point::new(
            (p.x - self.center.x) * self.scale + vp.width / 2.0,
            (p.y - self.center.y) * self.scale + vp.height / 2.0,
        )
    }

    pub fn to_map(&self, vp: Viewport, s: Point) -> Point {
        Point::new(
            (s.x - vp.width / 2.0) / self.scale + self.center.x,
            (s.y - vp.height / 2.0) / self.scale + self.center.y,
        )
    }

    /// Moved by a drag of (dx, dy) px.
    pub fn panned(&self, dx: f64, dy: f64) -> Camera {
        Camera {
            center: Point::new(self.center.x - dx / self.scale, self.center.y - dy / self.scale),
            scale: self.scale,
        }
    }

    /// Zoomed by `factor` keeping the map point under the screen point `at` where it is.
    pub fn zoomed_about(&self, vp: Viewport, at: Point, factor: f64) -> Camera {
        let anchor = self.to_map(vp, at);
        let scale = clamp(self.scale * factor, MIN_SCALE, MAX_SCALE);
        let center =
            Point::new(anchor.x - (at.x - vp.width / 2.0) / scale, anchor.y - (at.y - vp.height / 2.0) / scale);
        Camera { center, scale }
    }

    /// The CSS transform (translate x, y in px, then scale; origin at the viewport's centre) that makes
    /// a picture drawn with this camera show what `to` would show.
    pub fn transform_to(&self, to: &Camera) -> [f64; 3] {
        let r = to.scale / self.scale;
        [(self.center.x - to.center.x) * to.scale, (self.center.y - to.center.y) * to.scale, r]
    }

    /// The camera that shows everything `a` and `b` show, for drawing once under a flight between them.
    pub fn covering(a: &Camera, b: &Camera, vp: Viewport) -> Camera {
        let corners = [a, b].into_iter().flat_map(|c| {
            let [x, y, w, h] = c.view_box(vp);
            [Point::new(x, y), Point::new(x + w, y + h)]
        });
        Bounds::around(corners).map_or(*a, |bb| Camera::fit(bb, vp, 0.0))
    }

    /// Keep the centre on the map so a reader cannot lose it off-screen.
    pub fn clamped_to(&self, b: Bounds) -> Camera {
        Camera {
            center: Point::new(clamp(self.center.x, b.min.x, b.max.x), clamp(self.center.y, b.min.y, b.max.y)),
            scale: clamp(self.scale, MIN_SCALE, MAX_SCALE),
        }
    }

    /// The camera a fraction `t` (0..=1, already eased) of the way from `self` to `to`:
    /// the scale moves geometrically so that zooming feels even, the centre linearly in screen terms.
    pub fn lerp(&self, to: &Camera, t: f64) -> Camera {
        let t = clamp(t, 0.0, 1.0);
        let scale = (self.scale.ln() + (to.scale.ln() - self.scale.ln()) * t).exp();
        // Moving the centre in proportion to 1/scale keeps points from swinging out and back while zooming.
        let (a, b) = (1.0 / self.scale, 1.0 / to.scale);
        let u = if (a - b).abs() < 1e-12 { t } else { (a - 1.0 / scale) / (a - b) };
        let center = Point::new(
            self.center.x + (to.center.x - self.center.x) * u,
            self.center.y + (to.center.y - self.center.y) * u,
        );
        Camera { center, scale }
    }
}

/// Cubic ease-in-out on 0..=1.
pub fn ease_in_out(t: f64) -> f64 {
    let t = clamp(t, 0.0, 1.0);
    if t < 0.5 {
        4.0 * t * t * t
    } else {
        1.0 - (-2.0 * t + 2.0).powi(3) / 2.0
    }
}

/// How long a fly-to lasts: longer for a bigger change of view, within the 600–900 ms the design asks for.
pub fn flight_ms(from: &Camera, to: &Camera, vp: Viewport) -> f64 {
    let zoom = (to.scale / from.scale).ln().abs();
    let travel =
        from.to_screen(vp, to.center).dist(Point::new(vp.width / 2.0, vp.height / 2.0)) / vp.width.max(vp.height);
    (600.0 + 150.0 * zoom + 200.0 * travel).min(900.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vp() -> Viewport {
        Viewport::new(800.0, 600.0)
    }

    #[test]
    fn fit_shows_the_whole_box_inside_the_padding() {
        let b = Bounds { min: Point::new(100.0, 200.0), max: Point::new(500.0, 400.0) };
        let c = Camera::fit(b, vp(), 40.0);
        for p in [b.min, b.max] {
            let s = c.to_screen(vp(), p);
            assert!(s.x >= 39.9 && s.x <= 760.1 && s.y >= 39.9 && s.y <= 560.1, "{s:?}");
        }
        // Width is the tight side: 720 px for 400 units.
        assert!((c.scale - 1.8).abs() < 1e-9);
    }

    #[test]
    fn screen_and_map_round_trip() {
        let c = Camera { center: Point::new(300.0, 500.0), scale: 2.5 };
        let p = Point::new(123.4, 567.8);
        let back = c.to_map(vp(), c.to_screen(vp(), p));
        assert!(back.dist(p) < 1e-9);
    }

    #[test]
    fn view_box_matches_to_screen() {
        let c = Camera { center: Point::new(300.0, 500.0), scale: 2.0 };
        let [x, y, w, h] = c.view_box(vp());
        assert_eq!((w, h), (400.0, 300.0));
        let top_left = c.to_screen(vp(), Point::new(x, y));
        assert!(top_left.dist(Point::new(0.0, 0.0)) < 1e-9);
    }

    #[test]
    fn focus_separates_the_nearest_neighbour_by_the_gap() {
        let p = Point::new(500.0, 500.0);
        let c = Camera::focus(p, [Point::new(503.0, 504.0), Point::new(600.0, 500.0)], 60.0, 1.0);
        // nearest is 5 units away: 60 px / 5 = 12 px per unit.
        assert!((c.scale - 12.0).abs() < 1e-9);
        assert_eq!(c.center, p);
        let c = Camera::focus(p, [Point::new(600.0, 500.0)], 60.0, 1.0);
        assert!((c.scale - 1.0).abs() < 1e-9, "never further out than at_least");
        let c = Camera::focus(p, [Point::new(500.01, 500.0)], 60.0, 1.0);
        assert_eq!(c.scale, MAX_SCALE);
    }

    #[test]
    fn zoom_about_keeps_the_point_under_the_cursor() {
        let c = Camera { center: Point::new(300.0, 500.0), scale: 2.0 };
        let at = Point::new(100.0, 450.0);
        let before = c.to_map(vp(), at);
        let z = c.zoomed_about(vp(), at, 1.5);
        assert!((z.scale - 3.0).abs() < 1e-12);
        assert!(z.to_map(vp(), at).dist(before) < 1e-9);
    }

    #[test]
    fn pan_moves_the_map_with_the_finger() {
        let c = Camera { center: Point::new(300.0, 500.0), scale: 2.0 };
        let p = Point::new(310.0, 505.0);
        let before = c.to_screen(vp(), p);
        let after = c.panned(30.0, -10.0).to_screen(vp(), p);
        assert!((after.x - before.x - 30.0).abs() < 1e-9 && (after.y - before.y + 10.0).abs() < 1e-9);
    }

    #[test]
    fn lerp_starts_and_ends_on_the_cameras_and_zooms_monotonically() {
        let a = Camera { center: Point::new(0.0, 0.0), scale: 1.0 };
        let b = Camera { center: Point::new(100.0, 50.0), scale: 8.0 };
        assert!(a.lerp(&b, 0.0).center.dist(a.center) < 1e-9);
        let end = a.lerp(&b, 1.0);
        assert!(end.center.dist(b.center) < 1e-9 && (end.scale - b.scale).abs() < 1e-9);
        let mut last = 0.0;
        for i in 0..=20 {
            let s = a.lerp(&b, i as f64 / 20.0).scale;
            assert!(s >= last);
            last = s;
        }
    }

    #[test]
    fn a_transformed_picture_shows_what_the_target_camera_shows() {
        let base = Camera { center: Point::new(400.0, 500.0), scale: 0.8 };
        let to = Camera { center: Point::new(430.0, 470.0), scale: 6.0 };
        let [tx, ty, r] = base.transform_to(&to);
        let o = Point::new(400.0, 300.0);
        for p in [Point::new(430.0, 470.0), Point::new(500.0, 520.0), Point::new(0.0, 0.0)] {
            let sb = base.to_screen(vp(), p);
            let moved = Point::new((sb.x - o.x) * r + o.x + tx, (sb.y - o.y) * r + o.y + ty);
            assert!(moved.dist(to.to_screen(vp(), p)) < 1e-9);
        }
    }

    #[test]
    fn the_covering_camera_sees_both_views() {
        let a = Camera { center: Point::new(300.0, 500.0), scale: 4.0 };
        let b = Camera { center: Point::new(600.0, 300.0), scale: 2.0 };
        let c = Camera::covering(&a, &b, vp());
        for cam in [a, b] {
            let [x, y, w, h] = cam.view_box(vp());
            for p in [Point::new(x, y), Point::new(x + w, y + h)] {
                let s = c.to_screen(vp(), p);
                assert!(s.x >= -1e-6 && s.y >= -1e-6 && s.x <= 800.0 + 1e-6 && s.y <= 600.0 + 1e-6, "{s:?}");
            }
        }
        assert!(c.scale <= b.scale);
    }

    #[test]
    fn ease_is_symmetric_and_bounded() {
        assert_eq!(ease_in_out(0.0), 0.0);
        assert_eq!(ease_in_out(1.0), 1.0);
        assert!((ease_in_out(0.5) - 0.5).abs() < 1e-12);
        assert!((ease_in_out(0.25) + ease_in_out(0.75) - 1.0).abs() < 1e-12);
        assert_eq!(ease_in_out(7.0), 1.0);
    }

    #[test]
    fn flights_last_600_to_900_ms() {
        let a = Camera { center: Point::new(0.0, 0.0), scale: 0.5 };
        let b = Camera { center: Point::new(900.0, 900.0), scale: 24.0 };
        assert_eq!(flight_ms(&a, &a, vp()), 600.0);
        assert_eq!(flight_ms(&a, &b, vp()), 900.0);
    }

    #[test]
    fn degenerate_inputs_stay_finite() {
        let one = Bounds::around([Point::new(5.0, 5.0)]).unwrap();
        let c = Camera::fit(one, Viewport::new(0.0, 0.0), 40.0);
        assert!(c.scale.is_finite() && c.center.x.is_finite());
        assert!(Bounds::around(std::iter::empty()).is_none());
    }
}
