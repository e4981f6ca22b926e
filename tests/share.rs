#![cfg(not(target_arch = "wasm32"))]
//! A shared link, as the build writes it (src/share.rs, run by the prerender binary): the share card and
//! square, the Open Graph / Twitter tags, and the oEmbed document, with and without a public base URL.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use county_tour::bundle::{DELTA, TOUR};
use county_tour::model::Lang;
use county_tour::share::{base_url, card_svg, description, CARD, FRAME, SQUARE};
use county_tour::strings::date_range;
use resvg::tiny_skia::Pixmap;

const BASE: &str = "https://example.org/news/2025/tour/";

/// The prerender binary's output (the pre_build hook's command) with `COUNTY_TOUR_BASE_URL` set to `base`.
fn prerender(base: Option<&str>) -> PathBuf {
    static RUN: AtomicUsize = AtomicUsize::new(0);
    let n = RUN.fetch_add(1, Ordering::Relaxed);
    let out = std::env::temp_dir().join(format!("county-tour-share-{}-{n}", std::process::id()));
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_prerender"));
    cmd.arg(&out).env_remove("COUNTY_TOUR_BASE_URL");
    if let Some(b) = base {
        cmd.env("COUNTY_TOUR_BASE_URL", b);
    }
    let status = cmd.status().expect("run the prerender");
    assert!(status.success(), "prerender failed");
    out
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The `content` of each `<meta property|name="…">`, in order (a name may repeat: two og:image).
fn metas(head: &str) -> Vec<(String, String)> {
    head.lines()
        .filter_map(|l| {
            let l = l.strip_prefix("<meta ")?;
            let name = l.split('"').nth(1)?;
            let content = l.split("content=\"").nth(1)?.split('"').next()?;
            Some((name.to_string(), content.replace("&amp;", "&").replace("&quot;", "\"")))
        })
        .collect()
}

fn first<'a>(m: &'a [(String, String)], name: &str) -> &'a str {
    &m.iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("no {name}")).1
}

/// Width and height from a PNG's IHDR chunk.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "a PNG signature");
    assert_eq!(&bytes[12..16], b"IHDR");
    let be = |i: usize| u32::from_be_bytes(bytes[i..i + 4].try_into().unwrap());
    (be(16), be(20))
}

/// The share of pixels in a box that are dark (text), as opposed to paper, land or water.
fn ink_share(p: &Pixmap, x0: u32, y0: u32, x1: u32, y1: u32) -> f64 {
    let mut dark = 0;
    for y in y0..y1 {
        for x in x0..x1 {
            let c = p.pixel(x, y).unwrap();
            if (c.red() as u32 + c.green() as u32 + c.blue() as u32) < 3 * 90 {
                dark += 1;
            }
        }
    }
    dark as f64 / ((x1 - x0) * (y1 - y0)) as f64
}

#[test]
fn with_a_base_url_every_shared_url_is_absolute() {
    let dir = prerender(Some("https://example.org/news/2025/tour"));
    let head = read(&dir, "head.html");
    let m = metas(&head);
    let headline = &*TOUR.event.headline.zh;
    assert_eq!(first(&m, "og:title"), headline);
    assert_eq!(first(&m, "twitter:title"), headline);
    assert_eq!(first(&m, "og:type"), "website");
    assert_eq!(first(&m, "twitter:card"), "summary_large_image");
    assert_eq!(first(&m, "og:url"), BASE, "the base URL, with its slash");
    let d = first(&m, "og:description");
    assert_eq!(d, description(Lang::Zh));
    assert!(d.contains(&*TOUR.event.title.zh) && d.contains(&date_range(Lang::Zh, "2025-02-23", "2025-02-28")), "{d}");
    assert!(d.contains("18个县（市、区）") && d.contains("49场现场教学"), "{d}");
    assert_eq!(first(&m, "twitter:description"), d);
    // The card first (what Facebook, LinkedIn and X show), then the square, each with its size and alt.
    let images: Vec<&str> = m.iter().filter(|(n, _)| n == "og:image").map(|(_, c)| c.as_str()).collect();
    assert_eq!(images, [format!("{BASE}share-card.png"), format!("{BASE}share-square.png")]);
    let sizes: Vec<&str> =
        m.iter().filter(|(n, _)| n == "og:image:width" || n == "og:image:height").map(|(_, c)| c.as_str()).collect();
    assert_eq!(sizes, ["1200", "630", "300", "300"]);
    assert_eq!(first(&m, "twitter:image"), format!("{BASE}share-card.png"));
    assert!(first(&m, "og:image:alt").contains("地图"));
    assert!(head.contains(&format!(
        "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{BASE}oembed.json\" title=\"{headline}\">"
    )));
    // The sizes the tags announce are the images' own.
    for (img, tag) in [(CARD, 0), (SQUARE, 2)] {
        let bytes = std::fs::read(dir.join(img.file)).unwrap();
        assert_eq!(png_size(&bytes), (img.width, img.height), "{}", img.file);
        assert_eq!(sizes[tag], img.width.to_string());
    }

    let doc: serde_json::Value = serde_json::from_str(&read(&dir, "oembed.json")).expect("oembed.json is JSON");
    assert_eq!(doc["version"], "1.0");
    assert_eq!(doc["type"], "rich");
    assert_eq!(doc["title"], headline);
    assert!(doc["provider_name"].as_str().is_some_and(|p| !p.is_empty()));
    assert_eq!((doc["width"].as_u64(), doc["height"].as_u64()), (Some(FRAME.0 as u64), Some(FRAME.1 as u64)));
    assert_eq!(doc["thumbnail_url"], format!("{BASE}share-card.png"));
    assert_eq!((doc["thumbnail_width"].as_u64(), doc["thumbnail_height"].as_u64()), (Some(1200), Some(630)));
    let html = doc["html"].as_str().unwrap();
    assert!(html.starts_with("<iframe ") && html.ends_with("></iframe>"), "{html}");
    for attr in [
        format!("src=\"{BASE}?embed\""),
        format!("width=\"{}\"", FRAME.0),
        format!("height=\"{}\"", FRAME.1),
        "loading=\"lazy\"".to_string(),
        format!("title=\"{headline}\""),
    ] {
        assert!(html.contains(&attr), "{attr} in {html}");
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn without_a_base_url_the_urls_stay_relative() {
    let dir = prerender(None);
    let m = metas(&read(&dir, "head.html"));
    assert!(m.iter().all(|(n, _)| n != "og:url"), "no page URL to name");
    assert_eq!(first(&m, "og:image"), "./share-card.png");
    assert_eq!(first(&m, "twitter:image"), "./share-card.png");
    assert!(read(&dir, "head.html").contains("href=\"./oembed.json\""));
    let doc: serde_json::Value = serde_json::from_str(&read(&dir, "oembed.json")).unwrap();
    assert_eq!(doc["thumbnail_url"], "./share-card.png");
    assert!(doc["html"].as_str().unwrap().contains("src=\"./?embed\""));
    let head = read(&dir, "head.html");
    assert!(!head.contains("http"), "no absolute URL: {head}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn the_base_url_setting_is_checked_and_given_its_slash() {
    assert_eq!(base_url(None), Ok(None));
    assert_eq!(base_url(Some("  ")), Ok(None), "blank is unset");
    assert_eq!(base_url(Some("https://example.org/tour")), Ok(Some("https://example.org/tour/".into())));
    assert_eq!(base_url(Some("http://example.org/")), Ok(Some("http://example.org/".into())));
    assert_eq!(base_url(Some(" https://example.org/a/b/ ")), Ok(Some("https://example.org/a/b/".into())));
    for bad in [
        "example.org/tour",
        "/tour/",
        "https://",
        "javascript:alert(1)",
        "https://ex ample.org/",
        "https://e.org/\"x",
        "https://e.org/?embed",
        "https://e.org/#/",
    ] {
        assert!(base_url(Some(bad)).is_err(), "{bad} is refused");
    }
    // And the build fails on one, rather than ship tags no crawler can follow.
    let out = std::env::temp_dir().join(format!("county-tour-share-bad-{}", std::process::id()));
    let status = Command::new(env!("CARGO_BIN_EXE_prerender"))
        .arg(&out)
        .env("COUNTY_TOUR_BASE_URL", "example.org")
        .status()
        .unwrap();
    assert!(!status.success());
    let _ = std::fs::remove_dir_all(out);
}

#[test]
fn the_card_is_the_export_map_under_the_chinese_title_and_the_title_is_drawn() {
    let headline = &*TOUR.event.headline.zh;
    for img in [CARD, SQUARE] {
        let svg = card_svg(img, Lang::Zh);
        // The title's two lines, broken after the colon.
        let (a, b) = headline.split_once('：').unwrap();
        assert!(svg.contains(&format!(">{a}：</text>")) && svg.contains(&format!(">{b}</text>")), "{}", img.file);
        // The export's map: every route in its colour, every stop's number; the card also has the legend.
        for g in TOUR.groups.iter() {
            assert!(svg.contains(&format!("stroke=\"{}\"", g.color)), "group {}", g.number);
        }
        assert!(svg.contains(&*DELTA.layers.land), "the base map");
    }
    assert!(card_svg(CARD, Lang::Zh).contains(">第三组</text>"), "the legend");
    assert!(card_svg(CARD, Lang::Zh).contains("底图：Natural Earth"), "the credit");

    // In the PNGs, the title's box is full of dark strokes (glyphs, not missing text or empty boxes): the
    // Noto CJK faces were found and used.
    let dir = prerender(None);
    let card = Pixmap::decode_png(&std::fs::read(dir.join(CARD.file)).unwrap()).unwrap();
    let title = ink_share(&card, 52, 90, 520, 200);
    assert!(title > 0.08, "card title ink {title:.3}");
    assert!(ink_share(&card, 52, 570, 520, 625) < 0.01, "paper below the figures");
    let square = Pixmap::decode_png(&std::fs::read(dir.join(SQUARE.file)).unwrap()).unwrap();
    let title = ink_share(&square, 10, 6, 290, 70);
    assert!(title > 0.08, "square title ink {title:.3}");
    // Files are deterministic: the same build writes the same bytes.
    let again = prerender(None);
    let files = |d: &Path| -> BTreeMap<String, Vec<u8>> {
        ["share-card.png", "share-square.png", "oembed.json", "head.html"]
            .iter()
            .map(|f| (f.to_string(), std::fs::read(d.join(f)).unwrap()))
            .collect()
    };
    assert!(files(&dir) == files(&again), "two builds, the same files");
    let _ = std::fs::remove_dir_all(dir);
    let _ = std::fs::remove_dir_all(again);
}

/// en.html shares in English: its own tags, oEmbed document and images, which name en.html and its files.
#[test]
fn the_english_page_shares_in_english_with_its_own_card() {
    let dir = prerender(Some(BASE));
    let head = read(&dir, "head-en.html");
    let m = metas(&head);
    let headline = &*TOUR.event.headline.en;
    assert_eq!(first(&m, "og:title"), headline);
    assert_eq!(first(&m, "og:url"), format!("{BASE}en.html"));
    assert_eq!(first(&m, "og:locale"), "en_GB");
    assert_eq!(first(&m, "og:description"), description(Lang::En));
    let images: Vec<&str> = m.iter().filter(|(n, _)| n == "og:image").map(|(_, c)| c.as_str()).collect();
    assert_eq!(images, [format!("{BASE}share-card-en.png"), format!("{BASE}share-square-en.png")]);
    assert_eq!(first(&m, "twitter:image"), format!("{BASE}share-card-en.png"));
    assert!(head.contains(&format!("href=\"{BASE}oembed-en.json\"")));
    let doc: serde_json::Value = serde_json::from_str(&read(&dir, "oembed-en.json")).unwrap();
    assert_eq!(doc["title"], headline);
    assert_eq!(doc["thumbnail_url"], format!("{BASE}share-card-en.png"));
    assert!(doc["html"].as_str().unwrap().contains(&format!("src=\"{BASE}en.html?embed\"")));
    // The title wraps at words, breaks after its colon, and takes no more than four lines on the card,
    // three on the square; each image is its announced size.
    // The title's lines: the texts drawn in bold at the title's size, which together make the headline.
    let title_lines = |svg: &str| -> Vec<String> {
        let size = svg.split("font-weight=\"700\" fill=").next().unwrap().rsplit("font-size=\"").next().unwrap();
        let size = size.split('"').next().unwrap().to_string();
        svg.split("<text ")
            .filter(|t| t.contains(&format!("font-size=\"{size}\" font-weight=\"700\"")))
            .map(|t| {
                t.split('>').nth(1).unwrap().split('<').next().unwrap().replace("&#39;", "'").replace("&apos;", "'")
            })
            .collect()
    };
    let (card, square) = (title_lines(&card_svg(CARD, Lang::En)), title_lines(&card_svg(SQUARE, Lang::En)));
    assert_eq!(card.join(" "), headline, "{card:?}");
    assert_eq!(square.join(" "), headline, "{square:?}");
    assert!(card.len() <= 4 && square.len() <= 3, "{card:?} {square:?}");
    assert!(card.iter().any(|l| l.ends_with(':')), "broken after the colon: {card:?}");
    for img in [CARD, SQUARE] {
        let bytes = std::fs::read(dir.join(img.file_for(Lang::En))).unwrap();
        assert_eq!(png_size(&bytes), (img.width, img.height), "{}", img.file_en);
    }
    let png = Pixmap::decode_png(&std::fs::read(dir.join(CARD.file_en)).unwrap()).unwrap();
    let ink = ink_share(&png, 52, 60, 520, 230);
    assert!(ink > 0.06, "card title ink {ink:.3}");
    let _ = std::fs::remove_dir_all(dir);
}
