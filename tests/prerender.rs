#![cfg(not(target_arch = "wasm32"))]
//! The page's first paint, as the build writes it (src/prerender.rs): the complete overview drawn by the
//! widget's own views, with real links, every card, and a marker set for every width band.

use county_tour::address::View;
use county_tour::bundle::TOUR;
use county_tour::layout::{band_for, BANDS};
use county_tour::model::{Lang, Tag};
use county_tour::prerender::{band_css, files, first_paint, first_paint_head, outlines, text_version};
use county_tour::views::map::LEAD_SETS;

mod support;
use support::map_box;

fn count(hay: &str, needle: &str) -> usize {
    hay.matches(needle).count()
}

/// The part of `html` from the element that opens with `start` to the end of the document.
fn from<'a>(html: &'a str, start: &str) -> &'a str {
    &html[html.find(start).unwrap_or_else(|| panic!("no {start}"))..]
}

#[test]
fn the_first_paint_is_the_whole_overview() {
    let html = first_paint(Lang::Zh);
    assert!(html.starts_with("<style>"), "the band rules come first");
    let page = from(&html, "<div id=\"ct-first\"");
    assert!(page.contains("class=\"ct-root lang-zh page\""));
    assert!(page.contains(&*TOUR.event.headline.zh), "title");
    // The base map's six outlines, once, named for the app to adopt.
    for layer in ["land", "focus", "lakes", "rivers", "borders", "coast"] {
        assert_eq!(count(page, &format!("data-layer=\"{layer}\"")), 1, "{layer}");
    }
    // Three routes with their dash patterns.
    assert_eq!(count(page, "class=\"ct-route-line\""), 3);
    for g in TOUR.groups.iter().filter(|g| !g.dash.is_empty()) {
        assert!(page.contains(&format!("stroke-dasharray=\"{}\"", g.dash)), "group {} dashes", g.number);
    }
    // One marker set per band, each with 18 stop links and the start.
    assert_eq!(count(page, "class=\"ct-stop\""), 18 * BANDS.len());
    for st in TOUR.stops.iter() {
        let link = format!("href=\"#/{}\"", st.id);
        assert_eq!(count(page, &link), BANDS.len(), "{}: one link per band", st.id);
    }
    for i in 0..BANDS.len() {
        // Markers in the top layer, place names in the base layer: two groups per band, with their scale.
        assert_eq!(count(page, &format!("class=\"ct-band ct-band-{i}\"")), 2, "band {i}");
    }
    assert_eq!(count(page, "style=\"--inv:"), 2 * BANDS.len());
    assert_eq!(count(page, "class=\"ct-start\""), BANDS.len());
    // Leader lines where a crowd was pulled apart (the Wuxi districts, at least, in every band).
    assert!(count(page, "class=\"ct-leader\"") >= 3 * BANDS.len());
    // Legend, credit, the event's figures and text.
    assert_eq!(count(page, "class=\"ct-legend\""), 1);
    assert!(page.contains("底图：Natural Earth"));
    assert!(page.contains("class=\"ct-figs\"") && page.contains(">49<"));
    for lesson in TOUR.lessons.iter() {
        assert!(page.contains(&*lesson.title.zh), "lesson {}", lesson.title.zh);
    }
    // The map's picture is fixed (a viewBox), so CSS alone scales it to any width: the markers' layer,
    // the base map, and the layer with the less common widths' marker sets, which follows the outlines.
    assert_eq!(count(page, "preserveAspectRatio=\"xMidYMid meet\" viewBox=\""), 3);
    let (top, rest) = page.split_at(page.find("data-layer=\"land\"").unwrap());
    assert_eq!(count(top, "class=\"ct-stop\""), LEAD_SETS * 18, "the lead marker sets before the outlines");
    assert_eq!(count(rest, "class=\"ct-stop\""), (BANDS.len() - LEAD_SETS) * 18);
    // No hydration marks or scripts: the app renders afresh, and the page stays CSP-safe.
    assert!(!page.contains("<!--") && !page.contains("<script"));
}

#[test]
fn tabs_markers_and_every_card_work_as_links_without_the_app() {
    let html = first_paint(Lang::Zh);
    for n in 1..=3 {
        let hash = View::Route(n).to_hash();
        assert!(html.contains(&format!("role=\"tab\" href=\"{hash}\"")) || html.contains(&format!("href=\"{hash}\"")));
        assert_eq!(count(&html, &format!("id=\"{}\"", &hash[1..])), 1, "route {n} panel");
    }
    assert!(html.contains("href=\"#/\""), "the 全部 tab");
    for st in TOUR.stops.iter() {
        let id = format!("id=\"/{}\"", st.id);
        assert_eq!(count(&html, &id), 1, "{}: one card", st.id);
        let card = from(&html, &id);
        let card = &card[..card.find("</section>").unwrap()];
        assert!(card.contains(&*st.name.zh), "{}", st.id);
        // Reported facts and background apart, as on screen.
        let bg = st.facts.iter().any(|f| f.tag == Some(county_tour::model::Tag::B));
        assert_eq!(card.contains("ct-tag-b"), bg, "{}", st.id);
        assert!(card.contains("ct-tag-a"), "{}", st.id);
    }
    assert_eq!(count(&html, "class=\"ct-target\""), 1 + 18 + 3);
}

#[test]
fn the_opening_city_is_a_link_to_a_card_of_its_own() {
    let html = first_paint(Lang::Zh);
    // In every band the 杭州 marker is a link with a name, not a numbered stop.
    let link = format!("href=\"{}\"", View::Start.to_hash());
    assert_eq!(View::Start.to_hash(), "#/hangzhou");
    assert_eq!(count(&html, &link), BANDS.len());
    assert_eq!(count(&html, "data-start=\"hangzhou\""), BANDS.len());
    assert_eq!(count(&html, "data-stop=\"hangzhou\""), 0);
    assert!(html.contains(&format!("aria-label=\"{}，{}\"", TOUR.labels.start.zh, TOUR.labels.start_note.zh)));
    // Its card, shown by :target, with the four reported facts and the two background facts apart.
    assert_eq!(count(&html, "id=\"/hangzhou\""), 1);
    let card = from(&html, "id=\"/hangzhou\"");
    let card = &card[..card.find("</section>").unwrap()];
    assert!(card.contains(&format!(">{}</h2>", TOUR.labels.start.zh)), "{card}");
    let b = card.find("ct-tag-b").expect("background apart");
    for f in TOUR.start.facts.iter() {
        let at = card.find(&*f.zh).unwrap_or_else(|| panic!("{}", f.zh));
        assert_eq!(at > b, f.tag == Some(Tag::B), "{}", f.zh);
    }
    assert!(!card.contains("ct-badge"), "no group number");
}

#[test]
fn the_page_paints_once_the_routes_the_lead_marker_sets_and_the_outlines_are_in() {
    use county_tour::views::map::FIRST_PAINT_AFTER;
    let html = first_paint(Lang::Zh);
    let at = html.find(&format!("id=\"{FIRST_PAINT_AFTER}\"")).expect("the element the first frame waits for");
    let before = &html[..at];
    assert_eq!(count(before, "class=\"ct-route-line\""), 3, "every route before it");
    assert_eq!(count(before, "class=\"ct-stop\""), LEAD_SETS * 18, "the lead marker sets, whole, before it");
    // Among them the sets of a 390 px phone, of phones under 390 px (a 360 or 375 px one, a phone's article
    // frame) and of a page 1280 px wide.
    for w in [320.0, 360.0, 375.0, 390.0, 1280.0] {
        let band = band_for(map_box(w).width);
        assert!(before.contains(&format!("ct-band ct-band-{band}\"")), "{w} px: band {band} before it");
    }
    for layer in ["land", "focus", "lakes", "rivers", "borders", "coast"] {
        assert!(before.contains(&format!("data-layer=\"{layer}\"")), "the {layer} outline before it");
    }
    assert_eq!(
        count(&html[at..], "class=\"ct-stop\""),
        (BANDS.len() - LEAD_SETS) * 18,
        "the other widths' sets after it"
    );
    assert_eq!(
        first_paint_head(),
        format!("<link rel=\"expect\" href=\"#{FIRST_PAINT_AFTER}\" blocking=\"render\">"),
        "the head's render-blocking link names it"
    );
}

#[test]
fn the_band_rules_follow_the_bands_the_app_uses() {
    let css = band_css();
    assert_eq!(count(&css, "@container ctmap"), BANDS.len());
    for (i, b) in BANDS.iter().enumerate().skip(1) {
        assert!(css.contains(&format!("(width >= {}px)", b.min_width)), "band {i}");
        assert!(css.contains(&format!("(width < {}px)", b.min_width)), "band {}", i - 1);
    }
    // Everything in a hidden set is hidden itself (Chromium lays out the content of a hidden SVG group), and
    // shown with its set.
    assert!(css.starts_with("#ct-first .ct-band,#ct-first .ct-band *{display:none}"), "{css}");
    for i in 0..BANDS.len() {
        assert!(
            css.contains(&format!("{{#ct-first .ct-band-{i},#ct-first .ct-band-{i} *{{display:inline}}}}")),
            "band {i}"
        );
    }
}

#[test]
fn the_text_version_and_the_outlines() {
    let text = text_version(Lang::Zh);
    assert_eq!(count(&text, "<strong>"), 18);
    assert!(text.contains(&*TOUR.event.source.zh));
    // The opening city's card comes first, its background marked as such.
    let start = &text[text.find("杭州 · 开班").expect("the start's card")..text.find("<strong>").unwrap()];
    for f in TOUR.start.facts.iter() {
        let want = if f.tag == Some(Tag::B) { format!("背景：{}", f.zh) } else { f.zh.to_string() };
        assert!(start.contains(&want), "{want}");
    }
    assert!(text_version(Lang::En).contains("Background: "));
    assert!(!text.contains("<script"));
    let o = outlines();
    assert_eq!(count(&o, "data-layer="), 6);
    let names: Vec<&str> = files().iter().map(|(n, _)| *n).collect();
    assert_eq!(
        names,
        [
            "first.html",
            "static.html",
            "outlines.html",
            "zh-list.html",
            "en-list.html",
            "first-en.html",
            "static-en.html",
            "page-zh.json",
            "page-en.json",
            "first-query.json",
            "first-head.html"
        ]
    );
}

/// The boot script's list of look-changing query pairs is parse_query's own answer, and it is about the
/// first paint as drawn: in the default language, light, the page's own layout.
#[test]
fn the_boot_script_learns_from_parse_query_which_query_pairs_hide_the_first_paint() {
    let q: serde_json::Value = serde_json::from_str(&county_tour::prerender::first_paint_query()).unwrap();
    let pairs = |page: &str, key: &str| -> Vec<String> {
        q[page][key].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect()
    };
    for page in ["zh-CN", "en"] {
        assert_eq!(pairs(page, "dark"), ["theme=auto"]);
        let always = pairs(page, "always");
        assert!(always.iter().any(|p| p == "present=") && always.iter().any(|p| p == "embed=1"), "{always:?}");
        assert!(!always.iter().any(|p| p == "theme=light"), "{always:?}");
    }
    // Each page hides its first paint for the other language only.
    let (zh, en) = (pairs("zh-CN", "always"), pairs("en", "always"));
    assert!(zh.contains(&"lang=en".into()) && !zh.iter().any(|p| p.starts_with("lang=zh")), "{zh:?}");
    assert!(en.contains(&"lang=zh".into()) && en.contains(&"lang=zh-cn".into()) && !en.contains(&"lang=en".into()));
    // A reader who asks the Chinese page for English gets the content's English fetched beside the wasm; the
    // English page carries it.
    assert_eq!(pairs("zh-CN", "english"), ["lang=en"]);
    assert!(pairs("en", "english").is_empty());
    for lang in [Lang::Zh, Lang::En] {
        let first = first_paint(lang);
        let root = &first[first.find("id=\"ct-first\"").expect("#ct-first")..];
        let root = &root[..root.find('>').unwrap()];
        assert!(root.contains(&format!("lang=\"{}\"", lang.tag())), "{root}");
        assert!(root.contains(&format!("class=\"ct-root lang-{} page\"", lang.code())), "{root}");
    }
}

/// en.html is index.html in English: its first paint (the same map, English names and text), its title
/// and description, and the attribute that starts the app in English.
#[test]
fn the_english_page_has_an_english_first_paint_title_and_app() {
    let first = first_paint(Lang::En);
    let yiwu = TOUR.stop("yiwu").unwrap();
    assert!(first.contains(&format!(">{}</text>", yiwu.name.en)), "the map's label in English");
    assert!(!first.contains(&format!(">{}</text>", yiwu.name.zh)));
    assert!(first.contains(&*yiwu.facts[0].en), "the card behind the marker's link, in English");
    // The same map: every marker set has the same 18 links as the Chinese page's.
    let links = |html: &str| count(html, "data-stop=");
    assert_eq!(links(&first), links(&first_paint(Lang::Zh)));
    let page: serde_json::Value = serde_json::from_str(&county_tour::prerender::page_of(Lang::En)).unwrap();
    assert_eq!(page["html_lang"], "en");
    assert_eq!(page["main_attrs"], "data-lang=\"en\"");
    let head = page["head"].as_str().unwrap();
    assert!(
        head.starts_with(&format!("<title>{}</title>", county_tour::export::esc(&TOUR.event.headline.en))),
        "{head}"
    );
    assert!(head.contains("<meta name=\"description\" content=\"23–28 February 2025"), "{head}");
    // index.html's, from the same function: the headline the share card and the page show.
    let zh: serde_json::Value = serde_json::from_str(&county_tour::prerender::page_of(Lang::Zh)).unwrap();
    assert!(zh["head"].as_str().unwrap().starts_with(&format!("<title>{}</title>", TOUR.event.headline.zh)));
}

#[test]
fn the_page_carries_the_content_one_string_a_line_per_language_for_the_wasm() {
    use county_tour::model::Lang;
    // build.rs numbers each language's strings in the order the tour's Rust literal has them: the event first.
    for (lang, file, all) in [
        (Lang::Zh, "zh-list.html", county_tour::bundle::ZH_LIST),
        (Lang::En, "en-list.html", county_tour::bundle::EN_LIST),
    ] {
        let list = county_tour::prerender::text_list(lang);
        let lines: Vec<&str> = list.split('\n').collect();
        assert_eq!(lines.len(), all.len());
        assert_eq!(lines[0], TOUR.event.title.get(lang));
        assert_eq!(lines[1], TOUR.event.headline.get(lang));
        let yiwu = TOUR.stop("yiwu").unwrap();
        for text in [yiwu.name.get(lang), yiwu.facts[0].text(lang), TOUR.hunan.speakers[0].gist.get(lang)] {
            let escaped = county_tour::export::esc(text);
            assert!(lines.contains(&&*escaped), "{text}");
        }
        assert!(lines.iter().all(|l| !l.is_empty() && !l.contains('<')), "one non-empty, escaped string a line");
        let (_, html) = files().into_iter().find(|(name, _)| *name == file).unwrap();
        assert_eq!(html, list);
    }
}
