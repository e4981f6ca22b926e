#![cfg(not(target_arch = "wasm32"))]
//! The bundled content keeps its promises: the published stop ids, well-formed and unique ids, groups that
//! are not empty, bilingual text, tagged facts, coordinates on the map, and exact error messages for broken
//! content. These hold for any tour an editor makes; what is true of this one story only (its 7/5/6 groups,
//! its figures, which stops have reported facts) is in one test, `this_story_...`, at the end.

use county_tour::basemap::{self, Basemap};
use county_tour::data::{load, LoadError, TOUR_JSON};
use county_tour::geo::{Point, Projection};
use county_tour::model::{Tag, Tour};
use serde_json::Value;

/// Editors link to these: a stop may be added, but none of these renamed, removed or moved before another.
const PUBLIC_IDS: [&str; 18] = [
    "yuhang",
    "yiwu",
    "keqiao",
    "xinwu",
    "binhu",
    "liangxi",
    "jiangyin",
    "haining",
    "tongxiang",
    "jiashan",
    "kunshan",
    "changshu",
    "yuyao",
    "qianwan",
    "cixi",
    "pinghu",
    "taixing",
    "rugao",
];

fn tour() -> Tour {
    load(TOUR_JSON).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_widget_carries_exactly_the_validated_json() {
    // build.rs wrote the statics from the same files: they must be equal, field for field.
    assert_eq!(county_tour::bundle::TOUR, tour());
    assert_eq!(county_tour::bundle::DELTA, basemap::json::parse(basemap::json::DELTA).unwrap());
    assert_eq!(county_tour::bundle::HUNAN, basemap::json::parse(basemap::json::HUNAN).unwrap());
    let detail = basemap::json::parse(basemap::json::DETAIL).unwrap();
    assert_eq!(county_tour::bundle::DETAIL, detail);
    assert_eq!(detail.projection, Projection::DELTA, "the detail map overlays the main one exactly");
    assert!(detail.bbox.len() == 4, "detail map needs a bbox");
}

#[test]
fn the_published_ids_are_still_there_in_their_reading_order() {
    let t = tour();
    let mut seq = t.sequence().map(|s| &*s.id);
    for id in PUBLIC_IDS {
        assert!(seq.any(|s| s == id), "{id} is missing, or comes before a published id it used to follow");
    }
}

#[test]
fn ids_are_well_formed_and_unique_and_every_group_has_stops() {
    let t = tour();
    let well_formed = |id: &str| {
        !id.is_empty()
            && id.len() <= 32
            && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    };
    let mut seen = std::collections::HashSet::new();
    for id in t.stops.iter().map(|s| &*s.id).chain([&*t.start.id]) {
        assert!(well_formed(id), "{id}");
        assert!(seen.insert(id), "{id} twice");
        assert!(!["route", "hunan"].contains(&id), "{id} is reserved");
    }
    assert!(!t.groups.is_empty());
    assert_eq!(t.groups.len() as u32, t.event.group_count);
    assert_eq!(t.stops.len() as u32, t.event.place_count);
    for g in t.groups.iter() {
        assert!(!g.stops.is_empty(), "group {} has no stops", g.number);
    }
    // Every stop is on exactly one route, once.
    assert_eq!(t.sequence().count(), t.stops.len());
}

#[test]
fn every_text_is_in_both_languages_and_every_fact_is_tagged() {
    let t = tour();
    for s in t.stops.iter() {
        for (field, text) in [("name", &s.name), ("short", &s.short), ("city", &s.city), ("province", &s.province)] {
            assert!(!text.zh.trim().is_empty() && !text.en.trim().is_empty(), "{} {field}", s.id);
        }
        for f in s.facts.iter() {
            assert!(f.tag.is_some(), "{}: untagged fact", s.id);
            assert!(!f.zh.trim().is_empty() && !f.en.trim().is_empty(), "{}: {f:?}", s.id);
        }
    }
    assert!(t.event.facts.iter().chain(t.event.why.iter()).chain(t.start.facts.iter()).all(|f| f.tag.is_some()));
}

/// This story, the 2025 Hunan tour, and no other: its groups of 7, 5 and 6, its figures, where the sheet
/// puts reported facts and background, and which stops crowd into the detail map. A new tour replaces this.
#[test]
fn this_story_has_groups_of_7_5_and_6_and_its_facts_where_the_sheet_puts_them() {
    let t = tour();
    let seq: Vec<&str> = t.sequence().map(|s| &*s.id).collect();
    assert_eq!(seq, PUBLIC_IDS);
    let sizes: Vec<usize> = t.groups.iter().map(|g| g.stops.len()).collect();
    assert_eq!(sizes, [7, 5, 6]);
    assert_eq!((t.event.place_count, t.event.sessions, t.event.days), (18, 49, 6));
    assert_eq!((t.start.name.zh.as_ref(), t.start.short.zh.as_ref()), ("杭州市", "杭州"));
    let detail = basemap::json::parse(basemap::json::DETAIL).unwrap();
    let [x0, y0, x1, y1] = detail.bbox.as_ref() else { panic!("detail map needs a bbox") };
    for id in ["xinwu", "binhu", "liangxi", "yuyao", "qianwan", "cixi", "jiashan", "kunshan"] {
        let p = t.stop_point(t.stop(id).unwrap());
        assert!(p.x > *x0 && p.x < *x1 && p.y > *y0 && p.y < *y1, "{id} lies in the detail box");
    }
    let count = |id: &str, tag: Tag| t.stop(id).unwrap().facts.iter().filter(|f| f.tag == Some(tag)).count();
    // Yiwu and Jiangyin are the article's worked examples.
    assert!(count("yiwu", Tag::A) >= 4);
    assert!(count("jiangyin", Tag::A) >= 3);
    // Kunshan has only background on the sheet; Taixing has nothing usable at all.
    assert_eq!(count("kunshan", Tag::A), 0);
    assert!(count("kunshan", Tag::B) >= 1);
    assert!(t.stop("taixing").unwrap().facts.is_empty());
}

#[test]
fn every_place_lies_inside_its_base_map() {
    let t = tour();
    let delta: Basemap = basemap::json::parse(basemap::json::DELTA).unwrap();
    let hunan: Basemap = basemap::json::parse(basemap::json::HUNAN).unwrap();
    assert_eq!(delta.projection, Projection::DELTA, "the app and the generator must project alike");
    assert_eq!(hunan.projection, Projection::HUNAN);
    let inside = |b: &Basemap, p: Point| p.x > 0.0 && p.y > 0.0 && p.x < b.width && p.y < b.height;
    for s in t.stops.iter() {
        assert!(inside(&delta, t.stop_point(s)), "{}", s.id);
    }
    assert!(inside(&delta, t.start_point()));
    for sp in t.hunan.speakers.iter() {
        assert!(inside(&hunan, Projection::HUNAN.project(sp.place.lon, sp.place.lat)), "{}", sp.id);
    }
    for layer in [&delta.layers.land, &delta.layers.focus, &delta.layers.lakes, &delta.layers.coast] {
        assert!(layer.starts_with('M') || layer.starts_with('m'), "every main layer has path data");
    }
    assert_eq!(delta.credit, "Base map: Natural Earth");
}

fn apply_edit(doc: &mut Value, edit: &Value) {
    let op = edit[0].as_str().unwrap();
    let ptr = edit[1].as_str().unwrap();
    match op {
        "set" => *doc.pointer_mut(ptr).unwrap_or_else(|| panic!("no {ptr}")) = edit[2].clone(),
        "remove" => {
            let (parent, key) = ptr.rsplit_once('/').unwrap();
            doc.pointer_mut(parent).unwrap().as_object_mut().unwrap().remove(key).expect(ptr);
        }
        _ => panic!("unknown op {op}"),
    }
}

#[test]
fn each_broken_fixture_gives_its_exact_message() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/broken");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    assert!(files.len() >= 8, "fixtures missing");
    for f in files {
        let fixture: Value = serde_json::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap();
        let mut doc: Value = serde_json::from_str(TOUR_JSON).unwrap();
        for edit in fixture["edit"].as_array().unwrap() {
            apply_edit(&mut doc, edit);
        }
        let err = load(&doc.to_string()).expect_err(&format!("{} should fail", f.display()));
        match (&err, fixture.get("expect"), fixture.get("expect_parse")) {
            (LoadError::Invalid(issues), Some(want), _) => {
                let lines: Vec<String> = issues.iter().map(|i| i.to_string()).collect();
                assert!(lines.iter().any(|l| l == want.as_str().unwrap()), "{}: got {lines:#?}", f.display());
                assert!(err.to_string().contains(&format!("\n- {}", want.as_str().unwrap())));
            }
            (LoadError::Parse(msg), _, Some(want)) => {
                assert!(msg.contains(want.as_str().unwrap()), "{}: got {msg}", f.display());
            }
            _ => panic!("{}: unexpected {err}", f.display()),
        }
    }
}

#[test]
fn malformed_json_is_a_read_error_not_a_panic() {
    for junk in ["", "{", "[]", "null", "{\"stops\": 5}"] {
        let e = load(junk).expect_err(junk);
        assert!(e.to_string().starts_with("tour.json"), "{e}");
    }
}

#[test]
fn the_copy_says_no_more_than_the_article() {
    let t = tour();
    let event: Vec<&str> = t.event.facts.iter().chain(t.event.why.iter()).flat_map(|f| [&*f.zh, &*f.en]).collect();
    // The article gives no head count and does not say that every county sent someone.
    assert!(event.iter().all(|f| !f.contains("每个") && !f.contains("Every county")), "{event:#?}");
    // The Top-100 figures are said once, in the overview's own line (strings::top100), not again as a fact.
    assert!(event.iter().all(|f| !f.contains("百强") && !f.contains("Top-100")));
    // Geely is named only in the event-wide list of sites, never on a card as if visited there.
    for s in t.stops.iter() {
        assert!(s.facts.iter().all(|f| !f.zh.contains("吉利") && !f.en.contains("Geely")), "{}", s.id);
    }
    // A fact read alone is a sentence: none opens with 也/还有 or "They also"/"And".
    for f in t
        .event
        .facts
        .iter()
        .chain(t.event.why.iter())
        .chain(t.start.facts.iter())
        .chain(t.stops.iter().flat_map(|s| s.facts.iter()))
    {
        assert!(!f.zh.starts_with('也') && !f.zh.starts_with("还有") && !f.zh.starts_with("比如"), "{}", f.zh);
        assert!(!f.en.starts_with("They also") && !f.en.starts_with("And "), "{}", f.en);
    }
    // The lessons keep the article's words: 创新力, 风口赛道 (not a gamble), and the attribution of 两只鸟论.
    assert!(t.lessons[2].summary.zh.contains("创新力"));
    assert!(!t.lessons[0].summary.zh.contains("押注") && t.lessons[0].summary.zh.contains("风口赛道"));
    assert!(t.lessons[0].examples[0].text.zh.contains("习近平总书记“两只鸟论”"));
    assert!(t.lessons[0].examples[0].text.zh.contains("腾笼换鸟"));
}
