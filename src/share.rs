//! What a link to the widget looks like elsewhere, made at build time (native only; src/bin/prerender.rs
//! writes it): the share card (a 1200×630 PNG for Open Graph and Twitter, a 300×300 square for chat
//! apps), the `<head>` tags that point to it, and a rich oEmbed 1.0 document for CMSs that embed by URL.
//!
//! The card is the export's own map (`export::map_svg`, the SVG the Export button writes) under a title
//! drawn here, rasterised by resvg with the machine's Noto Sans CJK. Every word comes from the content
//! (`assets/tour.json`) and `strings`. Tested natively (tests/share.rs).
//!
//! Crawlers need absolute URLs: the public base URL is a build setting, [`BASE_URL_VAR`]; without it the
//! URLs stay relative (`./share-card.png`), which a local preview follows and a crawler does not.

use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use resvg::{tiny_skia, usvg};

use crate::address::View;
use crate::bundle::{DELTA, TOUR};
use crate::camera::Viewport;
use crate::export::{esc, map_svg, Sheet, HEAD};
use crate::labels::text_width;
use crate::layout::{camera_for, style_for};
use crate::model::Lang;
use crate::num::Fixed;
use crate::palette::LIGHT;
use crate::strings::{date_range, figures, strings};

/// The environment variable that names where `dist/` is published, e.g. `https://example.org/tour/`.
pub const BASE_URL_VAR: &str = "COUNTY_TOUR_BASE_URL";

/// A share image: its file names in `dist/` (Chinese for index.html, English for en.html) and its size in px.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Image {
    pub file: &'static str,
    pub file_en: &'static str,
    pub width: u32,
    pub height: u32,
}

impl Image {
    /// The image's file for the page in `lang`.
    pub fn file_for(&self, lang: Lang) -> &'static str {
        lang.pick(self.file, self.file_en)
    }
}

/// The Open Graph / Twitter card: the size Facebook, LinkedIn and X show large.
pub const CARD: Image = Image { file: "share-card.png", file_en: "share-card-en.png", width: 1200, height: 630 };
/// The square that chat apps (WhatsApp, Telegram, WeChat) show beside a link.
pub const SQUARE: Image = Image { file: "share-square.png", file_en: "share-square-en.png", width: 300, height: 300 };
/// The oEmbed document's file name.
pub const OEMBED: &str = "oembed.json";
/// The English page's.
pub const OEMBED_EN: &str = "oembed-en.json";

/// The page in `lang`, as a path under the base URL: index.html (the base itself) or en.html.
pub fn page(lang: Lang) -> &'static str {
    lang.pick("", "en.html")
}

/// The frame the oEmbed snippet proposes: an article column, tall enough for the tools, tabs, map and
/// legend (548 px at 720 wide) and the start of the overview's text, which scrolls inside a frame that no
/// script resizes. `tests/e2e/share.test.mjs` checks that the map fits.
pub const FRAME: (u32, u32) = (720, 640);
/// oEmbed's `provider_name`: the widget's name, as in README.md.
pub const PROVIDER: &str = "county-tour";

/// The base URL from the build's environment.
pub fn base_url_from_env() -> Result<Option<String>, String> {
    base_url(std::env::var(BASE_URL_VAR).ok().as_deref())
}

/// `raw` as a base URL ending in `/` (`https://example.org/tour` becomes `https://example.org/tour/`);
/// none when it is unset or blank. Anything but an http(s) URL without spaces, quotes or a query fails
/// the build rather than ship a card whose image no crawler can fetch.
pub fn base_url(raw: Option<&str>) -> Result<Option<String>, String> {
    let Some(raw) = raw.map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(None);
    };
    let rest = raw.strip_prefix("https://").or_else(|| raw.strip_prefix("http://"));
    let host = rest.map(|r| r.split('/').next().unwrap_or(""));
    let bad = |c: char| c.is_whitespace() || c.is_control() || "\"'<>\\`?#".contains(c);
    if host.is_none_or(str::is_empty) || raw.contains(bad) {
        return Err(format!("{BASE_URL_VAR}={raw:?}: expected an http(s) URL such as https://example.org/tour/"));
    }
    Ok(Some(if raw.ends_with('/') { raw.to_string() } else { format!("{raw}/") }))
}

/// The URL of `path` (a file in `dist/`, or `""` for the page itself): absolute under `base`, else relative.
pub fn url(base: Option<&str>, path: &str) -> String {
    match base {
        Some(b) => format!("{b}{path}"),
        None => format!("./{path}"),
    }
}

/// The title of a shared link: the widget's headline.
pub fn title(lang: Lang) -> &'static str {
    TOUR.event.headline.get(lang)
}

/// One sentence about the tour: when, what, and its figures, as the overview gives them.
pub fn description(lang: Lang) -> String {
    let (s, e) = (strings(lang), &TOUR.event);
    let figs: Vec<String> =
        figures(&TOUR.event, lang).iter().skip(1).map(|(n, unit)| join_figure(lang, *n, unit)).collect();
    let dates = date_range(lang, &e.start_date, &e.end_date);
    match lang {
        Lang::Zh => format!("{dates}{}{}：{}。", s.comma, e.title.get(lang), figs.join("、")),
        Lang::En => format!("{dates}{}{}: {}.", s.comma, e.title.get(lang), figs.join(", ")),
    }
}

/// What the image shows, for `og:image:alt` and `twitter:image:alt`.
pub fn image_alt(lang: Lang) -> String {
    format!("{}{}{}", title(lang), strings(lang).sep, TOUR.labels.map.get(lang))
}

/// The overview's four figures: days, groups, places, sessions.
fn join_figure(lang: Lang, n: u32, unit: &str) -> String {
    match lang {
        Lang::Zh => format!("{n}{unit}"),
        Lang::En => format!("{n} {unit}"),
    }
}

// ---- the images ----

const FONT: &str = "'Noto Sans CJK SC',sans-serif";
const SQUARE_SHRINK: f64 = 0.8;

/// The title in lines for `width` px at `size` px: always broken after a colon, where a reader pauses anyway;
/// a line fills with words (English) or with the phrases that end at a comma; a word or phrase wider than the
/// line (a Chinese phrase has no spaces to break at) takes a line of its own.
fn title_lines(t: &str, width: f64, size: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut start = 0;
    for (i, c) in t.char_indices().chain(std::iter::once((t.len(), ' '))) {
        let phrase_end = i == t.len() || matches!(c, '：' | '，' | ':' | ',' | ' ');
        if !phrase_end {
            continue;
        }
        let end = if i == t.len() { i } else { i + c.len_utf8() };
        let piece = t[start..end].trim();
        start = end;
        if piece.is_empty() {
            continue;
        }
        // Words join with a space, Chinese phrases without one.
        let sep = if piece.is_ascii() && !line.is_empty() { " " } else { "" };
        let joined = format!("{line}{sep}{piece}");
        if line.is_empty() || text_width(&joined, size) <= width {
            line = joined;
        } else {
            lines.push(std::mem::replace(&mut line, piece.to_string()));
        }
        if matches!(c, '：' | ':') {
            lines.push(std::mem::take(&mut line));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The title at the largest size up to `max` px whose lines, at most `most`, fit `width`; returns the size
/// used and the baseline's end.
fn title_block(o: &mut String, lang: Lang, (x, top): (f64, f64), width: f64, (max, most): (f64, usize)) -> (f64, f64) {
    let t = title(lang);
    let fits = |size: f64| {
        let lines = title_lines(t, width, size);
        (lines.len() <= most && lines.iter().all(|l| text_width(l, size) <= width)).then_some(lines)
    };
    let (size, lines) = (0..)
        .map(|k| max - f64::from(k))
        .take_while(|s| *s >= 8.0)
        .find_map(|size| fits(size).map(|l| (size, l)))
        .unwrap_or_else(|| (8.0, title_lines(t, width, 8.0)));
    // Those lines as large as they fit, up to `max`: between whole pixel sizes too.
    let widest = lines.iter().map(|l| text_width(l, 1.0)).fold(1.0, f64::max);
    let size = size.max(max.min(width / widest));
    let mut y = top;
    for line in &lines {
        y += size * 1.25;
        let _ = write!(
            o,
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\" font-weight=\"700\" fill=\"{}\">{}</text>",
            Fixed(x, 1),
            Fixed(y - size * 0.25, 1),
            Fixed(size, 1),
            LIGHT.ink,
            esc(line)
        );
    }
    (size, y)
}

/// The overview map as the export draws it, in a sheet `width` px wide whose map is `height` px tall, or,
/// with `legend`, whose map and legend together are (the legend's rows depend on the width, so they are
/// measured first).
fn overview_sheet(lang: Lang, width: f64, height: f64, legend: bool) -> Sheet {
    let sheet = |map_h: f64| {
        let vp = Viewport::new(width, map_h);
        let style = style_for(vp, false);
        let cam = camera_for(&TOUR, &View::Overview, vp, style);
        map_svg(&TOUR, &DELTA, &View::Overview, &cam, vp, lang, style)
    };
    if !legend {
        return sheet(height);
    }
    let below = sheet(height).height - HEAD - height;
    sheet(height - below)
}

/// The share card or square as an SVG document.
pub fn card_svg(img: Image, lang: Lang) -> String {
    let (w, h) = (img.width as f64, img.height as f64);
    let mut out = String::with_capacity(128 * 1024);
    let o = &mut out;
    let _ = write!(
        o,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
         font-family=\"{FONT}\"><rect width=\"{w}\" height=\"{h}\" fill=\"{}\"/>",
        LIGHT.paper
    );
    if w > h {
        // Wide: the title, dates and figures on the left; the map with its legend and credit on the right.
        // Drawn from y = 0, then centred in the height.
        let (pad, text_w) = (52.0, w - h);
        let mut left = String::new();
        let o = &mut left;
        let (size, mut y) = title_block(o, lang, (pad, 0.0), text_w - 2.0 * pad, (48.0, 4));
        // The three routes' colours, as a rule under the title.
        y += 18.0;
        for (i, g) in TOUR.groups.iter().enumerate() {
            let _ = write!(
                o,
                "<rect x=\"{}\" y=\"{}\" width=\"56\" height=\"6\" rx=\"3\" fill=\"{}\"/>",
                Fixed(pad + i as f64 * 64.0, 1),
                Fixed(y, 1),
                g.color
            );
        }
        y += 52.0;
        let e = &TOUR.event;
        let dates = date_range(lang, &e.start_date, &e.end_date);
        let _ = write!(
            o,
            "<text x=\"{pad}\" y=\"{}\" font-size=\"26\" fill=\"{}\">{}</text>",
            Fixed(y, 1),
            LIGHT.muted,
            esc(&dates)
        );
        // The overview's figures, two by two, each number over its unit.
        let cell = (text_w - 2.0 * pad) / 2.0;
        for (i, (n, unit)) in figures(&TOUR.event, lang).iter().enumerate() {
            let (cx, cy) = (pad + (i % 2) as f64 * cell, y + 100.0 + (i / 2) as f64 * 124.0);
            let _ = write!(
                o,
                "<text x=\"{cx}\" y=\"{}\" font-size=\"60\" font-weight=\"700\" fill=\"{}\">{n}</text>\
                 <text x=\"{cx}\" y=\"{}\" font-size=\"22\" fill=\"{}\">{}</text>",
                Fixed(cy, 1),
                LIGHT.ink,
                Fixed(cy + 34.0, 1),
                LIGHT.muted,
                esc(unit)
            );
        }
        // From the top of the title's first line (a CJK glyph stands 0.12 em below its line's top) to the
        // units' descenders.
        let (top, bottom) = (0.12 * size, y + 100.0 + 124.0 + 34.0 + 6.0);
        let dy = (h - (bottom - top)) / 2.0 - top;
        let _ = write!(out, "<g transform=\"translate(0 {})\">{left}</g>", Fixed(dy, 1));
        let o = &mut out;
        // The map at 1.4 times the export's px, so markers and labels read in a feed's thumbnail.
        let k = 1.4;
        let (sw, sh) = (h / k, h / k);
        let sheet = overview_sheet(lang, sw, sh, true);
        o.push_str(&sheet.nested([0.0, HEAD, sw, sheet.height - HEAD], [text_w, 0.0, h, h]));
        let _ = write!(o, "<rect x=\"{text_w}\" width=\"1\" height=\"{h}\" fill=\"#DAD5CA\"/>");
    } else {
        // Square: the title across the top, the map's frame below it (no legend: too small to read here).
        let pad = 14.0;
        let (_, y) = title_block(o, lang, (pad, pad - 6.0), w - 2.0 * pad, (30.0, 3));
        let top = y + 8.0;
        let map_h = h - top;
        // Drawn in a larger frame and shown smaller, so the markers keep room between them.
        let k = SQUARE_SHRINK;
        let sheet = overview_sheet(lang, w / k, map_h / k, false);
        o.push_str(&sheet.nested([0.0, HEAD, w / k, map_h / k], [0.0, top, w, map_h]));
        let _ = write!(o, "<rect y=\"{}\" width=\"{w}\" height=\"1\" fill=\"#DAD5CA\"/>", Fixed(top, 1));
    }
    out.push_str("</svg>");
    out
}

/// The Noto Sans CJK faces the build machine has (Debian's fonts-noto-cjk), and only those, so that
/// the card does not change with whatever else is installed.
pub fn fonts() -> Result<Arc<usvg::fontdb::Database>, String> {
    let mut found = Vec::new();
    for dir in ["/usr/share/fonts", "/usr/local/share/fonts"] {
        collect_fonts(Path::new(dir), &mut found);
    }
    found.sort();
    let mut db = usvg::fontdb::Database::new();
    for file in &found {
        db.load_font_data(std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?);
    }
    let has = |weight: u16| {
        db.faces().any(|f| f.weight.0 == weight && f.families.iter().any(|(name, _)| name == "Noto Sans CJK SC"))
    };
    if !has(400) || !has(700) {
        return Err("Noto Sans CJK SC (regular and bold) not found under /usr/share/fonts: install fonts-noto-cjk \
                    (tools/setup does)"
            .to_string());
    }
    Ok(Arc::new(db))
}

fn collect_fonts(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if path.is_dir() {
            collect_fonts(&path, out);
        } else if name.starts_with("NotoSansCJK-") && (name.ends_with(".ttc") || name.ends_with(".otf")) {
            out.push(path);
        }
    }
}

/// An SVG document as a PNG of its own size.
pub fn png(svg: &str, fonts: &Arc<usvg::fontdb::Database>) -> Result<Vec<u8>, String> {
    let opt = usvg::Options {
        fontdb: fonts.clone(),
        font_family: "Noto Sans CJK SC".to_string(),
        languages: vec!["zh-CN".to_string(), "en".to_string()],
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &opt).map_err(|e| format!("share card SVG: {e}"))?;
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height()).ok_or("share card: empty size")?;
    resvg::render(&tree, tiny_skia::Transform::identity(), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| format!("share card PNG: {e}"))
}

// ---- the page's tags and the oEmbed document ----

/// The tags for the `<head>` of the page in `lang` (index.html, en.html): Open Graph, Twitter's card and the
/// oEmbed discovery link, each naming that page's own files. They load nothing (a strict CSP is not concerned).
pub fn head_tags(base: Option<&str>, lang: Lang) -> String {
    let mut o = String::new();
    let mut tag = |attr: &str, name: &str, content: &str| {
        let _ = writeln!(o, "<meta {attr}=\"{name}\" content=\"{}\">", esc(content));
    };
    let (t, d, alt) = (title(lang), description(lang), image_alt(lang));
    tag("property", "og:type", "website");
    tag("property", "og:title", t);
    tag("property", "og:description", &d);
    tag("property", "og:locale", if lang == Lang::Zh { "zh_CN" } else { "en_GB" });
    if let Some(b) = base {
        tag("property", "og:url", &url(Some(b), page(lang)));
    }
    for img in [CARD, SQUARE] {
        tag("property", "og:image", &url(base, img.file_for(lang)));
        tag("property", "og:image:width", &img.width.to_string());
        tag("property", "og:image:height", &img.height.to_string());
        tag("property", "og:image:alt", &alt);
    }
    tag("name", "twitter:card", "summary_large_image");
    tag("name", "twitter:title", t);
    tag("name", "twitter:description", &d);
    tag("name", "twitter:image", &url(base, CARD.file_for(lang)));
    tag("name", "twitter:image:alt", &alt);
    let _ = write!(
        o,
        "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}\" title=\"{}\">",
        esc(&url(base, lang.pick(OEMBED, OEMBED_EN))),
        esc(t)
    );
    o
}

/// The iframe that oEmbed gives a CMS: the page in `lang` without its title (`?embed`), lazily loaded.
pub fn iframe(base: Option<&str>, lang: Lang) -> String {
    let (w, h) = FRAME;
    format!(
        "<iframe src=\"{}?embed\" width=\"{w}\" height=\"{h}\" title=\"{}\" loading=\"lazy\" \
         style=\"max-width:100%;border:0\"></iframe>",
        esc(&url(base, page(lang))),
        esc(title(lang))
    )
}

/// The rich oEmbed 1.0 document (`oembed.json`).
pub fn oembed(base: Option<&str>, lang: Lang) -> String {
    let (w, h) = FRAME;
    let doc = serde_json::json!({
        "version": "1.0",
        "type": "rich",
        "title": title(lang),
        "provider_name": PROVIDER,
        "html": iframe(base, lang),
        "width": w,
        "height": h,
        "thumbnail_url": url(base, CARD.file_for(lang)),
        "thumbnail_width": CARD.width,
        "thumbnail_height": CARD.height,
    });
    let mut out = serde_json::to_string_pretty(&doc).expect("JSON");
    out.push('\n');
    out
}

/// The files src/bin/prerender.rs writes for sharing, for each page (index.html in Chinese, en.html in
/// English): the head tags, the oEmbed document and both images.
pub fn files(base: Option<&str>) -> Result<Vec<(&'static str, Vec<u8>)>, String> {
    let fonts = fonts()?;
    let mut out = Vec::new();
    for lang in [Lang::Zh, Lang::En] {
        out.push((lang.pick("head.html", "head-en.html"), head_tags(base, lang).into_bytes()));
        out.push((lang.pick(OEMBED, OEMBED_EN), oembed(base, lang).into_bytes()));
        out.push((CARD.file_for(lang), png(&card_svg(CARD, lang), &fonts)?));
        out.push((SQUARE.file_for(lang), png(&card_svg(SQUARE, lang), &fonts)?));
    }
    Ok(out)
}
