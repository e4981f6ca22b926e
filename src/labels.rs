//! Label placement: put each marker's name beside it where it overlaps no other label or marker,
//! most important first, and leave out what cannot be placed.

use crate::geo::Point;

/// A rectangle in screen px.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x < o.x + o.w && o.x < self.x + self.w && self.y < o.y + o.h && o.y < self.y + self.h
    }
    pub fn inside(&self, o: &Rect) -> bool {
        self.x >= o.x && self.y >= o.y && self.x + self.w <= o.x + o.w && self.y + self.h <= o.y + o.h
    }
    fn grown(&self, m: f64) -> Rect {
        Rect { x: self.x - m, y: self.y - m, w: self.w + 2.0 * m, h: self.h + 2.0 * m }
    }
}

/// One label to place, with its marker at `at` (screen px).
#[derive(Clone, Debug, PartialEq)]
pub struct LabelRequest {
    pub at: Point,
    /// Half the marker's size: the label keeps clear of it.
    pub radius: f64,
    pub width: f64,
    pub height: f64,
    /// Higher goes first.
    pub priority: i32,
}

/// Which side of its marker a label sits on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Right,
    Left,
    Above,
    Below,
    AboveRight,
    BelowRight,
    AboveLeft,
    BelowLeft,
}

pub const SIDES: [Side; 8] = [
    Side::Right,
    Side::Left,
    Side::Above,
    Side::Below,
    Side::AboveRight,
    Side::BelowRight,
    Side::AboveLeft,
    Side::BelowLeft,
];

/// Where a label went: its box in screen px and the side it took.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placement {
    pub rect: Rect,
    pub side: Side,
}

impl Placement {
    /// The label's offset from its marker (top-left corner of the box), for drawing relative to the marker.
    pub fn offset(&self, at: Point) -> Point {
        Point::new(self.rect.x - at.x, self.rect.y - at.y)
    }
}

/// The gap between a marker's edge and its label.
const GAP: f64 = 3.0;
/// Labels keep this far apart from each other.
const MARGIN: f64 = 2.0;

/// A second ring of places, a little further out, for a label crowded out of the first.
const FAR: f64 = 9.0;

fn candidate(r: &LabelRequest, side: Side, gap: f64) -> Rect {
    let (w, h, d) = (r.width, r.height, r.radius + gap);
    let diag = d * std::f64::consts::FRAC_1_SQRT_2;
    let (x, y) = match side {
        Side::Right => (r.at.x + d, r.at.y - h / 2.0),
        Side::Left => (r.at.x - d - w, r.at.y - h / 2.0),
        Side::Above => (r.at.x - w / 2.0, r.at.y - d - h),
        Side::Below => (r.at.x - w / 2.0, r.at.y + d),
        Side::AboveRight => (r.at.x + diag, r.at.y - diag - h),
        Side::BelowRight => (r.at.x + diag, r.at.y + diag),
        Side::AboveLeft => (r.at.x - diag - w, r.at.y - diag - h),
        Side::BelowLeft => (r.at.x - diag - w, r.at.y + diag),
    };
    Rect { x, y, w, h }
}

/// A candidate slid along its marker's side by `k` halves of its own length there: a label right of its marker
/// may sit up to a line higher or lower, one above or below it may start or end at the marker's middle, and it
/// still reads as its marker's. A place the slide would only repeat is `None`: a diagonal one slid at all, one
/// above or below slid further.
fn slid(rect: Rect, side: Side, k: f64) -> Option<Rect> {
    match side {
        Side::Right | Side::Left => Some(Rect { y: rect.y + k * rect.h / 2.0, ..rect }),
        Side::Above | Side::Below => (k.abs() <= 1.0).then_some(Rect { x: rect.x + k * rect.w / 2.0, ..rect }),
        _ => (k == 0.0).then_some(rect),
    }
}

fn marker_box(r: &LabelRequest) -> Rect {
    Rect { x: r.at.x - r.radius, y: r.at.y - r.radius, w: 2.0 * r.radius, h: 2.0 * r.radius }
}

/// Place labels greedily by priority (ties keep input order). Each label takes the first side (next
/// to its marker, else a little further out) whose box stays inside `frame`, clear of every marker, every box in `obstacles` and the labels
/// already placed; a label with no such side is left out (`None`), never drawn over another.
pub fn place(requests: &[LabelRequest], frame: Rect, obstacles: &[Rect]) -> Vec<Option<Placement>> {
    let markers: Vec<Rect> = requests.iter().map(marker_box).chain(obstacles.iter().copied()).collect();
    // Highest priority first, ties in input order: an insertion sort over a few dozen labels, where the
    // standard library's stable sort would add 4 KB of wasm for this one call.
    let mut order: Vec<usize> = Vec::with_capacity(requests.len());
    for (i, r) in requests.iter().enumerate() {
        let at = order.iter().position(|&j| requests[j].priority < r.priority).unwrap_or(order.len());
        order.insert(at, i);
    }
    let mut placed: Vec<Rect> = Vec::new();
    let mut out = vec![None; requests.len()];
    for i in order {
        let r = &requests[i];
        if !(r.at.x.is_finite() && r.at.y.is_finite()) {
            continue;
        }
        // Slid only next to the marker: further out, a slid label would read as a neighbour's.
        'search: for (ring, gap) in [GAP, GAP + FAR, GAP + 2.0 * FAR].into_iter().enumerate() {
            let slides: &[f64] = if ring == 0 { &[0.0, -1.0, 1.0, -2.0, 2.0] } else { &[0.0] };
            for &k in slides {
                for side in SIDES {
                    let Some(rect) = slid(candidate(r, side, gap), side, k) else { continue };
                    let clear = rect.inside(&frame)
                        && !markers.iter().any(|m| m.overlaps(&rect))
                        && !placed.iter().any(|p| p.grown(MARGIN).overlaps(&rect));
                    if clear {
                        out[i] = Some(Placement { rect, side });
                        break 'search;
                    }
                }
            }
        }
        if let Some(p) = out[i] {
            placed.push(p.rect);
        }
    }
    out
}

/// A label's width in px for `font_px`: CJK glyphs are square, Latin ones a bit over half as wide.
pub fn text_width(text: &str, font_px: f64) -> f64 {
    text.chars().map(|c| if c.is_ascii() { 0.6 } else { 1.0 }).sum::<f64>() * font_px
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(x: f64, y: f64, priority: i32) -> LabelRequest {
        LabelRequest { at: Point::new(x, y), radius: 8.0, width: 40.0, height: 16.0, priority }
    }
    fn frame() -> Rect {
        Rect { x: 0.0, y: 0.0, w: 400.0, h: 300.0 }
    }

    #[test]
    fn a_lone_label_goes_right_of_its_marker() {
        let p = place(&[req(100.0, 100.0, 0)], frame(), &[]);
        let pl = p[0].unwrap();
        assert_eq!(pl.side, Side::Right);
        assert_eq!(pl.rect.x, 111.0);
        assert_eq!(pl.rect.y, 92.0);
    }

    #[test]
    fn labels_near_the_edge_flip_inside() {
        let p = place(&[req(390.0, 100.0, 0)], frame(), &[]);
        assert_eq!(p[0].unwrap().side, Side::Left);
    }

    #[test]
    fn crowded_labels_never_overlap_and_the_important_one_wins() {
        // Three markers 4 px apart, like the Wuxi districts on the overview.
        let reqs = vec![req(200.0, 150.0, 0), req(203.0, 153.0, 10), req(206.0, 150.0, 0)];
        let p = place(&reqs, frame(), &[]);
        assert!(p[1].is_some(), "the selected one is always placed");
        let rects: Vec<Rect> = p.iter().flatten().map(|p| p.rect).collect();
        for (i, a) in rects.iter().enumerate() {
            for b in &rects[i + 1..] {
                assert!(!a.overlaps(b));
            }
            for r in &reqs {
                assert!(!a.overlaps(&marker_box(r)));
            }
        }
    }

    #[test]
    fn of_labels_competing_for_one_place_the_higher_priority_then_the_earlier_wins() {
        // A frame with room for one label, right of the marker, and three stops at the same point.
        let one = Rect { x: 90.0, y: 88.0, w: 65.0, h: 24.0 };
        let winner = |priorities: [i32; 3]| {
            let p = place(&priorities.map(|pr| req(100.0, 100.0, pr)), one, &[]);
            assert_eq!(p.iter().flatten().count(), 1, "{priorities:?}: one label fits");
            p.iter().position(Option::is_some).unwrap()
        };
        assert_eq!(winner([0, 0, 0]), 0);
        assert_eq!(winner([0, 5, 5]), 1);
        assert_eq!(winner([0, 0, 5]), 2);
        assert_eq!(winner([-1, 3, 2]), 1);
    }

    #[test]
    fn a_label_that_fits_nowhere_is_left_out() {
        let tiny = Rect { x: 0.0, y: 0.0, w: 30.0, h: 30.0 };
        let p = place(&[req(15.0, 15.0, 0)], tiny, &[]);
        assert_eq!(p[0], None);
    }

    #[test]
    fn non_finite_positions_are_skipped() {
        let p = place(&[req(f64::NAN, 10.0, 0), req(100.0, 100.0, 0)], frame(), &[]);
        assert_eq!(p[0], None);
        assert!(p[1].is_some());
    }

    #[test]
    fn widths_count_cjk_as_square() {
        assert_eq!(text_width("义乌", 10.0), 20.0);
        assert_eq!(text_width("Yiwu", 10.0), 24.0);
    }
}
