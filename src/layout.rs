//! What the map shows for a view: the camera that frames it and where every label goes.
//! Plain maths over the tour, so the "labels never overlap" promise is tested natively.

use crate::basemap::MapLabel;
use crate::camera::{Bounds, Camera, Viewport};
use crate::geo::Point;
use crate::labels::{place, text_width, LabelRequest, Rect};
use crate::model::{Lang, Tour};
use crate::route::View;

/// Marker and label sizes in CSS px.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MarkerStyle {
    pub radius: f64,
    pub font: f64,
}

pub const READER: MarkerStyle = MarkerStyle { radius: 11.0, font: 14.0 };
pub const PROJECTOR: MarkerStyle = MarkerStyle { radius: 16.0, font: 24.0 };
/// Smaller markers on a phone-sized map, so the overview stays readable; the tap target stays 44 px.
pub const PHONE: MarkerStyle = MarkerStyle { radius: 9.0, font: 13.0 };

/// The marker style for a map of this size.
pub fn style_for(vp: Viewport, present: bool) -> MarkerStyle {
    if present {
        PROJECTOR
    } else if vp.width < 500.0 {
        PHONE
    } else {
        READER
    }
}

impl MarkerStyle {
    pub fn label_height(&self) -> f64 {
        self.font * 1.3
    }
    /// Neighbouring stops must be at least this far apart (px) when one of them is selected,
    /// so that each keeps its marker and its label.
    pub fn min_gap(&self) -> f64 {
        self.radius * 2.0 + self.label_height() * 1.6
    }
    /// Room kept around the framed places, for markers and labels.
    pub fn padding(&self, vp: Viewport) -> f64 {
        (self.radius + self.font * 4.0).min(vp.width.min(vp.height) * 0.2)
    }
}

/// Every place drawn with a marker, in a fixed order: the tour's stops, then the start.
pub fn marker_points(tour: &Tour) -> Vec<Point> {
    tour.stops.iter().map(|s| tour.stop_point(s)).chain(std::iter::once(tour.start_point())).collect()
}

/// The camera a view asks for.
pub fn camera_for(tour: &Tour, view: &View, vp: Viewport, style: MarkerStyle) -> Camera {
    let pad = style.padding(vp);
    let all = marker_points(tour);
    let route_points = |n: u8| -> Vec<Point> {
        tour.stops_of(n).map(|s| tour.stop_point(s)).chain(std::iter::once(tour.start_point())).collect()
    };
    let fit = |pts: Vec<Point>| Bounds::around(pts).map(|b| Camera::fit(b, vp, pad));
    let overview = fit(all.clone()).unwrap_or(Camera { center: Point::new(500.0, 550.0), scale: 1.0 });
    match view {
        View::Overview | View::Hunan => overview,
        View::Route(n) => fit(route_points(*n)).unwrap_or(overview),
        View::Stop(id) => match tour.stop(id) {
            Some(s) => {
                let p = tour.stop_point(s);
                let route_scale = fit(route_points(s.group)).map_or(overview.scale, |c| c.scale);
                Camera::focus(p, all.iter().copied(), style.min_gap(), route_scale)
            }
            None => overview,
        },
    }
}

/// Where the labels go for one camera.
#[derive(Clone, Debug, PartialEq)]
pub struct MapLayout {
    /// Per marker (same order as `marker_points`): the label box's top-left relative to the marker, in px.
    pub labels: Vec<Option<Point>>,
    /// Per base-map label: shown or left out because it would sit on a stop.
    pub base_labels: Vec<bool>,
}

/// The label each marker carries.
pub fn marker_label(tour: &Tour, i: usize, lang: Lang) -> String {
    match tour.stops.get(i) {
        Some(s) => s.short.get(lang).to_string(),
        None => tour.start.name.get(lang).trim_end_matches('市').to_string(),
    }
}

pub fn layout(
    tour: &Tour,
    base: &[MapLabel],
    view: &View,
    cam: &Camera,
    vp: Viewport,
    lang: Lang,
    style: MarkerStyle,
) -> MapLayout {
    let group = tour.group_of(view);
    let selected = match view {
        View::Stop(id) => Some(id.as_str()),
        _ => None,
    };
    let points = marker_points(tour);
    let requests: Vec<LabelRequest> = points
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let stop = tour.stops.get(i);
            let priority = match stop {
                Some(s) if Some(&*s.id) == selected => 100,
                Some(s) if Some(s.group) == group => 50 - s.order as i32,
                Some(_) => 10 - i as i32 / 3,
                None => 60,
            };
            let text = marker_label(tour, i, lang);
            LabelRequest {
                at: cam.to_screen(vp, *p),
                radius: style.radius,
                width: text_width(&text, style.font) + 4.0,
                height: style.label_height(),
                priority,
            }
        })
        .collect();
    let frame = Rect { x: 0.0, y: 0.0, w: vp.width, h: vp.height };
    let placed = place(&requests, frame);
    let taken: Vec<Rect> = placed
        .iter()
        .flatten()
        .map(|p| p.rect)
        .chain(requests.iter().map(|r| Rect {
            x: r.at.x - r.radius,
            y: r.at.y - r.radius,
            w: 2.0 * r.radius,
            h: 2.0 * r.radius,
        }))
        .collect();
    let base_font = style.font * 1.1;
    let base_labels = base
        .iter()
        .map(|l| {
            let at = cam.to_screen(vp, Point::new(l.x, l.y));
            let w = text_width(l.text(lang), base_font);
            let r = Rect { x: at.x - w / 2.0, y: at.y - base_font / 2.0, w, h: base_font };
            r.inside(&frame) && !taken.iter().any(|t| t.overlaps(&r))
        })
        .collect();
    MapLayout { labels: placed.iter().zip(&requests).map(|(p, r)| p.map(|p| p.offset(r.at))).collect(), base_labels }
}
