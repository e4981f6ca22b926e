//! The map as one standalone SVG document, for the Export buttons and the printed handout: title and
//! dates above, legend and credits below, every colour, stroke and font written inline, so that it looks
//! the same in a slide, an image viewer or on paper, without the page's CSS.
//!
//! # Implementation note:
//! The live map keeps markers at a constant size with a CSS variable (`--inv`) and non-scaling strokes.
//! Here nothing depends on either: the base map sits in a nested `<svg>` whose viewBox is the camera's,
//! with its stroke widths divided by the camera's scale, and routes, markers and labels are drawn in
//! screen px (`Camera::to_screen`) in a second nested `<svg>` that clips them to the map's frame.

use std::borrow::Cow;
use std::fmt::Write;

use crate::address::View;
use crate::basemap::Basemap;
use crate::camera::{Camera, Viewport};
use crate::geo::Point;
use crate::labels::text_width;
use crate::layout::{camera_for, layout, marker_label, marker_points, MarkerStyle, READER};
use crate::marker::{self, DOT_R, START_HALF};
use crate::model::{Lang, Tour};
use crate::num::Fixed;
use crate::palette::LIGHT;
use crate::strings::{announce, date_range, strings};

/// A finished SVG document and its size in CSS px.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    pub svg: String,
    pub width: f64,
    pub height: f64,
}

/// The map's size on an A4 page (186 mm of printable width is about 703 CSS px).
pub const PRINT_VP: Viewport = Viewport { width: 700.0, height: 760.0 };

const INK: &str = LIGHT.ink;
const MUTED: &str = LIGHT.muted;
const HALO: &str = LIGHT.halo;
const WATER: &str = LIGHT.water;
const PLACE: &str = LIGHT.place;
const WATER_NAME: &str = LIGHT.water_name;
const EDGE: &str = LIGHT.edge;
const FONT: &str = "'Noto Sans CJK SC','PingFang SC','Hiragino Sans GB','Microsoft YaHei',Arial,sans-serif";
/// Height of the title band above the map: the map's frame starts this far down the sheet.
pub const HEAD: f64 = 62.0;
const PAD: f64 = 12.0;

/// Text made safe for XML content and attribute values.
pub fn esc(s: &str) -> Cow<'_, str> {
    if !s.contains(['&', '<', '>', '"']) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// The file name for a view's export: `county-tour-route-2.svg`.
pub fn file_name(view: &View, ext: &str) -> String {
    match view {
        View::Overview => format!("county-tour-overview.{ext}"),
        View::Route(n) => format!("county-tour-route-{n}.{ext}"),
        View::Stop(id) => format!("county-tour-{id}.{ext}"),
        View::Start => format!("county-tour-{}.{ext}", crate::bundle::TOUR.start.id),
        View::Hunan => format!("county-tour-hunan.{ext}"),
    }
}

/// A marker's shape around (0, 0), from the one marker geometry (`crate::marker`).
fn shape(out: &mut String, group: u8, r: f64, paint: &str) {
    out.push_str(&marker::shape(group, r).svg(paint));
}

/// A moved marker's leader line from its true place (0, 0) to `m`, and the dot there.
fn leader(out: &mut String, m: Point, color: &str) {
    if !marker::moved(m) {
        return;
    }
    let _ = write!(
        out,
        "<line x2=\"{}\" y2=\"{}\" stroke=\"{color}\" stroke-width=\"{}\"/>\
         <circle r=\"{}\" fill=\"{color}\" stroke=\"#FFFFFF\" stroke-width=\"{}\"/>",
        Fixed(m.x, 1),
        Fixed(m.y, 1),
        Fixed(marker::LEADER, 1),
        Fixed(DOT_R, 1),
        Fixed(marker::DOT_RING, 1)
    );
}

/// A line of text; `attrs` adds size, weight, fill and the like.
fn text(out: &mut String, x: f64, y: f64, attrs: &str, s: &str) {
    let _ = write!(out, "<text x=\"{}\" y=\"{}\" {attrs}>{}</text>", Fixed(x, 1), Fixed(y, 1), esc(s));
}

/// The map of `view` seen through `cam` in a `vp`-sized frame, as a standalone SVG document.
pub fn map_svg(
    tour: &Tour,
    base: &Basemap,
    view: &View,
    cam: &Camera,
    vp: Viewport,
    lang: Lang,
    style: MarkerStyle,
) -> Sheet {
    let s = strings(lang);
    let (w, k) = (vp.width, 1.0 / cam.scale);
    let mut o = String::with_capacity(64 * 1024);

    // Legend items (shape or start marker, dash, name) laid out in rows under the map.
    let mut items: Vec<(f64, f64, Option<&crate::model::Group>, &str)> = Vec::new();
    let (mut x, mut y) = (PAD, HEAD + vp.height + 22.0);
    let start = (None, tour.labels.start.get(lang));
    for (g, name) in tour.groups.iter().map(|g| (Some(g), g.name.get(lang))).chain(std::iter::once(start)) {
        let iw = 48.0 + text_width(name, 13.0);
        if x + iw > w - PAD && x > PAD {
            (x, y) = (PAD, y + 22.0);
        }
        items.push((x, y, g, name));
        x += iw + 14.0;
    }
    let credit = format!("{} · {}", tour.event.source.get(lang), s.credit_map);
    let height = y + 26.0;

    // Every number goes through `Fixed`: an f64 in `{}` would pull core's float formatter into the wasm.
    let (wf, hf, head) = (Fixed(w, 1), Fixed(height, 1), Fixed(HEAD, 0));
    let _ = write!(
        o,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{wf}\" height=\"{hf}\" viewBox=\"0 0 {wf} {hf}\" \
         font-family=\"{FONT}\"><rect width=\"{wf}\" height=\"{hf}\" fill=\"#FFFFFF\"/>"
    );
    let title = tour.event.headline.get(lang);
    let tsize = 20f64.min((w - 2.0 * PAD) / text_width(title, 1.0).max(1.0));
    text(&mut o, PAD, 28.0, &format!("font-size=\"{}\" font-weight=\"700\" fill=\"{INK}\"", Fixed(tsize, 1)), title);
    let dates = date_range(lang, &tour.event.start_date, &tour.event.end_date);
    let sub = match view {
        View::Overview | View::Hunan => dates,
        v => format!("{} · {dates}", announce(tour, v, lang)),
    };
    text(&mut o, PAD, 50.0, &format!("font-size=\"13\" fill=\"{MUTED}\""), &sub);

    // Base map in map units, clipped to the frame; strokes scaled back to screen px.
    let [vx, vy, vw, vh] = cam.view_box(vp);
    let l = &base.layers;
    let _ = write!(
        o,
        "<svg x=\"0\" y=\"{head}\" width=\"{wf}\" height=\"{}\" viewBox=\"{} {} {} {}\" preserveAspectRatio=\"none\">\
         <rect x=\"-2000\" y=\"-2000\" width=\"5000\" height=\"5000\" fill=\"{WATER}\"/>\
         <path d=\"{}\" fill=\"{}\"/><path d=\"{}\" fill=\"{}\"/><path d=\"{}\" fill=\"{WATER}\"/>\
         <g fill=\"none\" stroke-linejoin=\"round\"><path d=\"{}\" stroke=\"{}\" stroke-width=\"{}\"/>\
         <path d=\"{}\" stroke=\"{}\" stroke-width=\"{}\" stroke-dasharray=\"{} {}\"/>\
         <path d=\"{}\" stroke=\"{}\" stroke-width=\"{}\"/></g></svg>",
        Fixed(vp.height, 1),
        Fixed(vx, 2),
        Fixed(vy, 2),
        Fixed(vw, 2),
        Fixed(vh, 2),
        l.land,
        LIGHT.land,
        l.focus,
        LIGHT.focus,
        l.lakes,
        l.rivers,
        LIGHT.river,
        Fixed(1.2 * k, 4),
        l.borders,
        LIGHT.border,
        Fixed(k, 4),
        Fixed(4.0 * k, 4),
        Fixed(3.0 * k, 4),
        l.coast,
        LIGHT.coast,
        Fixed(0.8 * k, 4),
    );

    // Everything else in screen px.
    let lay = layout(tour, &base.labels, view, cam, vp, lang, style);
    let _ = write!(o, "<svg x=\"0\" y=\"{head}\" width=\"{wf}\" height=\"{}\">", Fixed(vp.height, 1));
    let bf = style.font;
    for (lb, _) in base.labels.iter().zip(&lay.base_labels).filter(|(_, show)| **show) {
        let at = cam.to_screen(vp, crate::geo::Point::new(lb.x, lb.y));
        let water = matches!(&*lb.kind, "lake" | "river" | "sea");
        let look = if water {
            // Chinese has no italic (a browser slants the glyphs); English water names are set in it.
            let slant = if lang == Lang::En { " font-style=\"italic\"" } else { "" };
            format!("fill=\"{WATER_NAME}\"{slant} stroke=\"{WATER}\"")
        } else {
            format!("fill=\"{PLACE}\" font-weight=\"700\" letter-spacing=\"{}\" stroke=\"{HALO}\"", Fixed(bf * 0.1, 1))
        };
        let attrs = format!(
            "font-size=\"{}\" text-anchor=\"middle\" {look} stroke-width=\"3\" paint-order=\"stroke\"",
            Fixed(bf, 1)
        );
        text(&mut o, at.x, at.y + style.font * 0.4, &attrs, lb.text(lang));
    }
    let group = tour.group_of(view);
    let dim = |n: u8| if group.is_some_and(|g| g != n) { " opacity=\"0.3\"" } else { "" };
    let start = cam.to_screen(vp, tour.start_point());
    for g in tour.groups.iter() {
        let mut d = format!("M{} {}", Fixed(start.x, 1), Fixed(start.y, 1));
        for p in tour.stops_of(g.number).map(|st| cam.to_screen(vp, tour.stop_point(st))) {
            let _ = write!(d, "L{} {}", Fixed(p.x, 1), Fixed(p.y, 1));
        }
        let _ = write!(
            o,
            "<path d=\"{d}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\" stroke-linejoin=\"round\" \
             stroke-linecap=\"round\" stroke-dasharray=\"{}\"{}/>",
            g.color,
            if group == Some(g.number) { 5 } else { 3 },
            if g.dash.is_empty() { "none" } else { &g.dash },
            dim(g.number)
        );
    }
    let selected = match view {
        View::Stop(id) => Some(id.as_str()),
        _ => None,
    };
    let lh = style.label_height();
    let label_attrs = format!(
        "font-size=\"{}\" font-weight=\"700\" fill=\"{INK}\" stroke=\"{HALO}\" stroke-width=\"{}\" \
         stroke-linejoin=\"round\" paint-order=\"stroke\"",
        Fixed(style.font, 1),
        Fixed(marker::LABEL_HALO, 1)
    );
    for (i, p) in marker_points(tour).into_iter().enumerate() {
        let at = cam.to_screen(vp, p);
        let m = lay.marks[i];
        let stop = tour.stops.get(i);
        let color = stop.and_then(|st| tour.group(st.group)).map_or(INK, |g| &*g.color);
        let _ = write!(
            o,
            "<g transform=\"translate({} {})\"{}>",
            Fixed(at.x, 1),
            Fixed(at.y, 1),
            stop.map_or("", |st| dim(st.group))
        );
        leader(&mut o, m, color);
        let _ = write!(o, "<g transform=\"translate({} {})\">", Fixed(m.x, 1), Fixed(m.y, 1));
        match stop {
            Some(st) => {
                let sel = selected == Some(&*st.id);
                let (edge, ring) = if sel { (INK, marker::CHOSEN_RING) } else { (EDGE, marker::RING) };
                let edge = format!("{edge}\" stroke-width=\"{}", Fixed(ring, 1));
                shape(&mut o, st.group, style.radius, &format!("fill=\"{color}\" stroke=\"{edge}\""));
                let attrs = format!(
                    "font-size=\"{}\" font-weight=\"700\" fill=\"#FFFFFF\" text-anchor=\"middle\"",
                    Fixed(style.font, 1)
                );
                text(&mut o, 0.0, style.font * 0.36, &attrs, &st.order.to_string());
            }
            None => o.push_str(
                &marker::start_shape(START_HALF)
                    .svg(&format!("fill=\"{INK}\" stroke=\"#FFFFFF\" stroke-width=\"{}\"", Fixed(marker::RING, 1))),
            ),
        }
        if let Some(off) = lay.labels[i] {
            text(&mut o, off.x + 2.0, off.y + lh * 0.78, &label_attrs, &marker_label(tour, i, lang));
        }
        o.push_str("</g></g>");
    }
    let _ = write!(
        o,
        "</svg><rect x=\"0.5\" y=\"{head}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"#DAD5CA\"/>",
        Fixed(w - 1.0, 1),
        Fixed(vp.height, 1)
    );

    // Legend and credits.
    for (x, y, g, name) in items {
        let (color, dash) = g.map_or((INK, ""), |g| (&*g.color, &*g.dash));
        let dash = if dash.is_empty() { "none" } else { dash };
        let _ = write!(o, "<g transform=\"translate({} {})\">", Fixed(x, 1), Fixed(y, 1));
        if g.is_some() {
            let _ = write!(
                o,
                "<line x1=\"0\" y1=\"-4\" x2=\"40\" y2=\"-4\" stroke=\"{color}\" stroke-width=\"3\" \
                 stroke-dasharray=\"{dash}\"/><g transform=\"translate(20 -4)\">"
            );
        } else {
            o.push_str("<g transform=\"translate(20 -4)\">");
        }
        match g {
            Some(g) => {
                shape(&mut o, g.number, 6.0, &format!("fill=\"{color}\" stroke=\"#FFFFFF\" stroke-width=\"1.5\""))
            }
            None => o.push_str(&marker::start_shape(5.0).svg(&format!("fill=\"{INK}\""))),
        }
        o.push_str("</g>");
        text(&mut o, 48.0, 0.0, &format!("font-size=\"13\" fill=\"{INK}\""), name);
        o.push_str("</g>");
    }
    let csize = 12f64.min((w - 2.0 * PAD) / text_width(&credit, 1.0).max(1.0));
    text(&mut o, PAD, height - 8.0, &format!("font-size=\"{}\" fill=\"{MUTED}\"", Fixed(csize, 1)), &credit);
    o.push_str("</svg>");
    Sheet { svg: o, width: w, height }
}

/// The handout's map of a view: the framing the live map would choose for an A4-sized frame.
pub fn print_map(tour: &Tour, base: &Basemap, view: &View, lang: Lang) -> Sheet {
    let cam = camera_for(tour, view, PRINT_VP, READER);
    map_svg(tour, base, view, &cam, PRINT_VP, lang, READER)
}

impl Sheet {
    /// The part `[x, y, width, height]` of this sheet (in its own px) as an SVG element to place in
    /// another document, drawn into the box `[x, y, width, height]` there: the share card
    /// (src/share.rs) shows the export's map under a title of its own.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn nested(&self, part: [f64; 4], into: [f64; 4]) -> String {
        // The sheet opens with this module's own root tag (map_svg); everything after it is kept.
        let body = &self.svg[self.svg.find('>').map_or(0, |i| i + 1)..];
        let f = |v: f64| Fixed(v, 2);
        format!(
            "<svg x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" viewBox=\"{} {} {} {}\" font-family=\"{FONT}\">{body}",
            f(into[0]),
            f(into[1]),
            f(into[2]),
            f(into[3]),
            f(part[0]),
            f(part[1]),
            f(part[2]),
            f(part[3])
        )
    }
}
