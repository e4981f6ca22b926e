#![cfg(not(target_arch = "wasm32"))]
//! The exported and printed maps: standalone, well-formed SVG with routes, labels, title, legend and credits.

use county_tour::address::View;
use county_tour::bundle::{DELTA, TOUR};
use county_tour::camera::Viewport;
use county_tour::export::{esc, file_name, map_svg, print_map, PRINT_VP};
use county_tour::layout::{camera_for, PHONE, READER};
use county_tour::model::Lang;
use county_tour::print_layout::handout_html;
use county_tour::strings::date_range;

/// Tags open and close in order, attribute quotes pair up and every `&` starts an entity.
fn assert_well_formed(svg: &str) {
    let mut stack: Vec<&str> = Vec::new();
    let mut rest = svg;
    while let Some(i) = rest.find('<') {
        let text = &rest[..i];
        assert!(!text.contains('>'), "stray > in {text:?}");
        let end = rest[i..].find('>').expect("unclosed tag") + i;
        let tag = &rest[i + 1..end];
        assert_eq!(tag.matches('"').count() % 2, 0, "quotes in <{tag}>");
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(stack.pop(), Some(name), "closing </{name}>");
        } else if !tag.ends_with('/') {
            stack.push(tag.split(' ').next().unwrap());
        }
        rest = &rest[end + 1..];
    }
    assert!(stack.is_empty(), "left open: {stack:?}");
    for (i, _) in svg.match_indices('&') {
        let ent = &svg[i..(i + 6).min(svg.len())];
        assert!(["&amp;", "&lt;", "&gt;", "&quot;"].iter().any(|e| ent.starts_with(e)), "bare & at {ent}");
    }
}

fn overview(lang: Lang, vp: Viewport) -> String {
    let style = if vp.width < 500.0 { PHONE } else { READER };
    let cam = camera_for(&TOUR, &View::Overview, vp, style);
    map_svg(&TOUR, &DELTA, &View::Overview, &cam, vp, lang, style).svg
}

#[test]
fn the_overview_export_is_a_standalone_document_with_everything_drawn_in() {
    for lang in [Lang::Zh, Lang::En] {
        let svg = overview(lang, Viewport::new(742.0, 680.0));
        assert_well_formed(&svg);
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"742\""));
        assert!(!svg.contains("class=") && !svg.contains("var(") && !svg.contains("vector-effect"));
        assert!(svg.contains(&*esc(TOUR.event.headline.get(lang))));
        assert!(svg.contains(TOUR.event.source.get(lang)) && svg.contains("Natural Earth"));
        for g in TOUR.groups.iter() {
            assert!(svg.contains(g.name.get(lang)), "legend {}", g.name.en);
            assert!(
                svg.contains(&format!("stroke=\"{}\" stroke-width=\"3\" stroke-linejoin", g.color)),
                "route {}",
                g.number
            );
        }
        for st in TOUR.stops.iter() {
            assert!(svg.contains(&format!(">{}</text>", st.short.get(lang))), "label {}", st.id);
        }
        assert!(svg.len() < 90_000, "{} bytes", svg.len());
        // Kept for a look: target/export-overview-zh.svg, …-en.svg.
        let _ =
            std::fs::write(format!("{}/target/export-overview-{}.svg", env!("CARGO_MANIFEST_DIR"), lang.code()), &svg);
    }
}

#[test]
fn a_phone_sized_export_fits_its_title_and_wraps_its_legend() {
    let svg = overview(Lang::Zh, Viewport::new(366.0, 366.0));
    assert_well_formed(&svg);
    assert!(svg.contains("width=\"366\""));
    assert!(!svg.contains("font-size=\"20\""), "the headline shrinks to fit");
}

#[test]
fn each_printed_group_map_frames_its_route_and_labels_its_stops() {
    for lang in [Lang::Zh, Lang::En] {
        for g in TOUR.groups.iter() {
            let sheet = print_map(&TOUR, &DELTA, &View::Route(g.number), lang);
            assert_well_formed(&sheet.svg);
            assert_eq!(sheet.width, PRINT_VP.width);
            assert!(sheet.height > PRINT_VP.height && sheet.height < 1000.0, "fits an A4 page: {}", sheet.height);
            assert!(sheet.svg.contains(g.name.get(lang)));
            for st in TOUR.stops_of(g.number) {
                assert!(
                    sheet.svg.contains(&format!(">{}</text>", st.short.get(lang))),
                    "{} on map {}",
                    st.id,
                    g.number
                );
            }
            assert!(sheet.svg.contains(" opacity=\"0.3\""), "other routes recede");
        }
    }
}

#[test]
fn a_selected_stop_is_outlined_and_named_in_the_subtitle() {
    let view = View::Stop("yiwu".into());
    let svg = print_map(&TOUR, &DELTA, &view, Lang::Zh).svg;
    assert!(svg.contains("义乌市，第一组 第2站（共7站） · 2025年2月23日—28日"));
    assert!(svg.contains("stroke=\"#1F2328\" stroke-width=\"3\""));
}

#[test]
fn names_dates_and_escaping() {
    assert_eq!(file_name(&View::Route(2), "svg"), "county-tour-route-2.svg");
    assert_eq!(file_name(&View::Overview, "png"), "county-tour-overview.png");
    assert_eq!(file_name(&View::Stop("yiwu".into()), "svg"), "county-tour-yiwu.svg");
    assert_eq!(date_range(Lang::Zh, "2025-02-23", "2025-02-28"), "2025年2月23日—28日");
    assert_eq!(date_range(Lang::En, "2025-02-23", "2025-02-28"), "23–28 February 2025");
    assert_eq!(date_range(Lang::En, "2025-02-27", "2025-03-02"), "27 February – 2 March 2025");
    assert_eq!(date_range(Lang::Zh, "2024-12-30", "2025-01-02"), "2024年12月30日—2025年1月2日");
    assert_eq!(date_range(Lang::En, "soon", "later"), "soon – later");
    assert_eq!(esc("A & B <c> \"d\""), "A &amp; B &lt;c&gt; &quot;d&quot;");
    assert!(matches!(esc("湘县域“一把手”"), std::borrow::Cow::Borrowed(_)));
}

#[test]
fn the_handout_has_four_maps_then_every_card_with_reported_and_background_apart() {
    for lang in [Lang::Zh, Lang::En] {
        let html = handout_html(&TOUR, &DELTA, lang);
        assert_well_formed(&html);
        assert_eq!(html.matches("<section class=\"ct-ho-map\">").count(), 4);
        assert_eq!(html.matches("<article class=\"ct-ho-card\"").count(), 1 + 18);
        let cards = html.find("ct-ho-cards").unwrap();
        // The opening city's card comes first: 杭州 · 开班, its reported facts, then its background.
        let start = &html[cards..cards + html[cards..].find("</article>").unwrap()];
        assert!(start.contains("data-stop=\"hangzhou\"") && start.contains(TOUR.labels.start.get(lang)), "{start}");
        assert!(!start.contains("ct-badge"), "the start has no group number");
        for f in TOUR.start.facts.iter() {
            assert!(start.contains(&*esc(f.text(lang))), "{}", f.text(lang));
        }
        let (a, b) = (start.find("ct-tag-a").unwrap(), start.find("ct-tag-b").unwrap());
        let first_b = TOUR.start.facts.iter().find(|f| f.tag == Some(county_tour::model::Tag::B)).unwrap();
        assert!(
            a < b && start.find(&*esc(first_b.text(lang))).unwrap() > b,
            "background apart, after the reported facts"
        );
        let mut at = cards;
        for st in TOUR.sequence() {
            let here = html[at..].find(&format!("data-stop=\"{}\"", st.id)).expect("cards in tour order") + at;
            let card = &html[here..here + html[here..].find("</article>").unwrap()];
            assert!(card.contains(&*esc(st.name.get(lang))) && card.contains(TOUR.event.source.get(lang)), "{}", st.id);
            let (a, b) = (card.find("ct-tag-a"), card.find("ct-tag-b"));
            assert!(a.is_some() && b.is_none_or(|b| b > a.unwrap()), "{}: reported first, background apart", st.id);
            at = here;
        }
    }
}

/// The map's text as on screen: one size, stop names and numbers bold; water names upright in Chinese
/// (it has no italic) and italic in English.
#[test]
fn the_exported_map_text_is_one_size_and_water_names_slant_only_in_english() {
    let vp = Viewport { width: 1280.0, height: 800.0 };
    let zh = overview(Lang::Zh, vp);
    let en = overview(Lang::En, vp);
    assert!(zh.contains("杭州湾") && !zh.contains("font-style=\"italic\""), "no slanted Chinese");
    assert!(en.contains("font-style=\"italic\""), "English water names in italic");
    let map = &zh[zh.find("<svg x=\"0\"").expect("the map's own svg")..];
    let sizes: std::collections::BTreeSet<&str> =
        map.match_indices("font-size=\"").map(|(i, m)| map[i + m.len()..].split('"').next().unwrap()).collect();
    assert!(sizes.contains(&"14") && !sizes.contains(&"15.4") && !sizes.contains(&"13.3"), "{sizes:?}");
}
