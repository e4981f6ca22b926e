//! What the map shows for a view: the camera that frames it and where every label goes.
//! Plain maths over the tour, so the "labels never overlap" promise is tested natively.

use crate::address::View;
use crate::basemap::MapLabel;
use crate::camera::{Bounds, Camera, Viewport};
use crate::declutter::declutter;
use crate::geo::Point;
use crate::labels::{place, text_width, LabelRequest, Rect};
use crate::marker::{moved, DOT_R};
use crate::model::{Lang, Tour};

/// Marker and label sizes in CSS px.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MarkerStyle {
    pub radius: f64,
    /// The size of all the map's text: stop names and order numbers bold, the base map's names regular or
    /// bold. Each further size or weight of SVG text costs the first frame a font lookup of its own (a round
    /// trip to the browser's font service, about 20 ms at 4× CPU; SVG text at the map's scale shares none
    /// with the page's HTML text).
    pub font: f64,
    /// The radius of the round tap target around each marker.
    pub hit: f64,
    /// Crowded markers are pulled at least this far apart (centre to centre), so that their shapes
    /// never touch and each keeps a tap target of its own (see `declutter`).
    pub sep: f64,
}

pub const READER: MarkerStyle = MarkerStyle { radius: 11.0, font: 14.0, hit: 22.0, sep: 36.0 };
pub const PROJECTOR: MarkerStyle = MarkerStyle { radius: 16.0, font: 24.0, hit: 30.0, sep: 46.0 };
/// Smaller markers on a phone-sized map, so the overview stays readable; a finger gets a 54 px target,
/// of which at least 44×44 px is each stop's own.
pub const PHONE: MarkerStyle = MarkerStyle { radius: 9.0, font: 13.0, hit: 27.0, sep: 50.0 };

/// How far a marker's shape reaches from its centre, as a share of its radius: the square's and the
/// diamond's corners reach further than the circle (see `marker::Shape`).
pub const SHAPE_REACH: f64 = 1.3;

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

/// The overview shows one fixed part of the map (map units) at every size: the box around every
/// marker with a seventh of its height to spare on each side. Fixed, so that the page's first paint
/// (prerendered at build time) frames it with CSS alone, an SVG viewBox scaled to whatever box it gets.
pub fn overview_region(tour: &Tour) -> Bounds {
    let b = Bounds::around(marker_points(tour))
        .unwrap_or(Bounds { min: Point::new(0.0, 0.0), max: Point::new(1000.0, 1000.0) });
    let m = b.width().max(b.height()) / 7.0;
    Bounds { min: Point::new(b.min.x - m, b.min.y - m), max: Point::new(b.max.x + m, b.max.y + m) }
}

/// A range of map widths (CSS px) that share one overview layout, drawn for `frame`, the smallest map
/// of the range, and scaled up with the map: markers, labels and the spacing between them grow
/// together, so what was clear in `frame` stays clear. The build prerenders one per band, and CSS
/// container queries on the map's width show the one that fits (assets/style.css, `.ct-band`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Band {
    /// The narrowest map (content width, CSS px) that takes this band.
    pub min_width: f64,
    pub frame: Viewport,
}

/// The bands, narrowest first; frames match the map's box in the page's layouts (phone: square, as
/// wide as the screen less 26 px; two columns from 600 px: 0.6 of the width, at most 618 px high).
pub const BANDS: [Band; 6] = [
    Band { min_width: 0.0, frame: Viewport { width: 294.0, height: 296.0 } },
    Band { min_width: 364.0, frame: Viewport { width: 364.0, height: 364.0 } },
    Band { min_width: 420.0, frame: Viewport { width: 420.0, height: 420.0 } },
    Band { min_width: 500.0, frame: Viewport { width: 500.0, height: 490.0 } },
    Band { min_width: 600.0, frame: Viewport { width: 600.0, height: 585.0 } },
    Band { min_width: 742.0, frame: Viewport { width: 742.0, height: 618.0 } },
];

/// The band a map of this width takes.
pub fn band_for(width: f64) -> usize {
    BANDS.iter().rposition(|b| width >= b.min_width).unwrap_or(0)
}

/// How one view is drawn in a map of a given size: the camera for the map itself, and the frame, camera
/// and style that place markers and labels (in px of that frame). The overview places them in its band's
/// frame and shows them `zoom` times as large; every other view (and an overview the reader dragged or
/// zoomed, or a projector's) places them in the map's own px, at zoom 1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapFrame {
    pub cam: Camera,
    pub layout_vp: Viewport,
    pub layout_cam: Camera,
    pub style: MarkerStyle,
    pub zoom: f64,
}

impl MapFrame {
    /// The frame for `view` in a `vp`-sized map; `user` is a camera the reader chose by hand.
    pub fn new(tour: &Tour, view: &View, vp: Viewport, present: bool, user: Option<Camera>) -> MapFrame {
        if *view == View::Overview && user.is_none() && !present {
            return MapFrame::band(tour, BANDS[band_for(vp.width)], vp);
        }
        let style = style_for(vp, present);
        let cam = user.unwrap_or_else(|| camera_for(tour, view, vp, style));
        MapFrame { cam, layout_vp: vp, layout_cam: cam, style, zoom: 1.0 }
    }

    /// The overview in `band`, shown in a `vp`-sized map (the prerender passes the band's own frame).
    pub fn band(tour: &Tour, band: Band, vp: Viewport) -> MapFrame {
        let style = style_for(band.frame, false);
        let layout_cam = camera_for(tour, &View::Overview, band.frame, style);
        let cam = camera_for(tour, &View::Overview, vp, style);
        MapFrame { cam, layout_vp: band.frame, layout_cam, style, zoom: cam.scale / layout_cam.scale }
    }

    /// The layout of this frame's markers and labels.
    pub fn layout(&self, tour: &Tour, base: &[MapLabel], view: &View, lang: Lang) -> MapLayout {
        layout(tour, base, view, &self.layout_cam, self.layout_vp, lang, self.style)
    }

    /// Map units per marker px: what `--inv` tells the markers to scale by.
    pub fn inv(&self) -> f64 {
        self.zoom / self.cam.scale
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
    let overview = Camera::fit(overview_region(tour), vp, 0.0);
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
        View::Start => Camera::focus(tour.start_point(), all.iter().copied(), style.min_gap(), overview.scale),
    }
}

/// Where the labels go for one camera.
#[derive(Clone, Debug, PartialEq)]
pub struct MapLayout {
    /// Per marker (same order as `marker_points`): where it is drawn relative to its true place, in px
    /// (zero unless a crowd pushed it aside; then a leader line joins the two).
    pub marks: Vec<Point>,
    /// Per marker: the label box's top-left relative to the marker as drawn, in px.
    pub labels: Vec<Option<Point>>,
    /// Per base-map label: shown or left out because it would sit on a stop.
    pub base_labels: Vec<bool>,
}

/// The label each marker carries.
pub fn marker_label(tour: &Tour, i: usize, lang: Lang) -> String {
    match tour.stops.get(i) {
        Some(s) => s.short.get(lang).to_string(),
        None => {
            let short = tour.start.short.get(lang);
            if short.is_empty() { tour.start.name.get(lang) } else { short }.to_string()
        }
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
    let frame = Rect { x: 0.0, y: 0.0, w: vp.width, h: vp.height };
    let at: Vec<Point> = points.iter().map(|p| cam.to_screen(vp, *p)).collect();
    let shown = declutter(&at, style.sep, frame, style.hit.min(vp.width.min(vp.height) / 4.0));
    let reach = style.radius * SHAPE_REACH;
    let requests: Vec<LabelRequest> = shown
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let stop = tour.stops.get(i);
            let priority = match stop {
                Some(s) if Some(&*s.id) == selected => 100,
                Some(s) if Some(s.group) == group => 50 - s.order as i32,
                Some(_) => 10 - i as i32 / 3,
                None if *view == View::Start => 100,
                None => 60,
            };
            let text = marker_label(tour, i, lang);
            LabelRequest {
                at: *p,
                radius: reach,
                width: text_width(&text, style.font) + 4.0,
                height: style.label_height(),
                priority,
            }
        })
        .collect();
    // The dots that keep moved markers' true places are obstacles too.
    let dots: Vec<Rect> = at
        .iter()
        .zip(&shown)
        .filter(|(a, s)| moved(Point::new(s.x - a.x, s.y - a.y)))
        .map(|(a, _)| Rect { x: a.x - DOT_R, y: a.y - DOT_R, w: 2.0 * DOT_R, h: 2.0 * DOT_R })
        .collect();
    let placed = place(&requests, frame, &dots);
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
    let base_font = style.font;
    let base_labels = base
        .iter()
        .map(|l| {
            let at = cam.to_screen(vp, Point::new(l.x, l.y));
            let w = text_width(l.text(lang), base_font);
            let r = Rect { x: at.x - w / 2.0, y: at.y - base_font / 2.0, w, h: base_font };
            r.inside(&frame) && !taken.iter().any(|t| t.overlaps(&r))
        })
        .collect();
    MapLayout {
        marks: shown.iter().zip(&at).map(|(s, a)| Point::new(s.x - a.x, s.y - a.y)).collect(),
        labels: placed.iter().zip(&requests).map(|(p, r)| p.map(|p| p.offset(r.at))).collect(),
        base_labels,
    }
}
