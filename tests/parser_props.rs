#![cfg(not(target_arch = "wasm32"))]
//! Property tests of everything that reads input from outside the widget: the URL hash and query, and the
//! messages a host page sends. Whatever arrives, parsing never panics and lands on a view that names itself.

use county_tour::address::{
    changes_first_paint, first_paint_pairs, parse_hash, parse_query, percent_decode, View, QUERY_VALUES,
};
use county_tour::bundle::TOUR;
use county_tour::host::{is_pym_for, navigate_hash, NAVIGATE_TYPE};
use county_tour::model::Lang;
use county_tour::num::Fixed;
use proptest::prelude::*;

fn is_stop(id: &str) -> bool {
    TOUR.stop(id).is_some()
}

fn groups() -> u8 {
    TOUR.groups.len() as u8
}

fn parse(h: &str) -> View {
    parse_hash(h, is_stop, &TOUR.start.id, groups())
}

fn stop_ids() -> Vec<String> {
    TOUR.stops.iter().map(|s| s.id.to_string()).collect()
}

/// `s` spelt the many ways a URL may carry it: any letter case, any character percent-encoded (either hex case).
fn respell(s: &str) -> impl Strategy<Value = String> {
    let chars: Vec<char> = s.chars().collect();
    prop::collection::vec((any::<bool>(), 0u8..4), chars.len()).prop_map(move |how| {
        chars
            .iter()
            .zip(how)
            .map(|(c, (upper, enc))| {
                let c = if upper { c.to_ascii_uppercase() } else { *c };
                match enc {
                    0 => format!("%{:02X}", c as u32),
                    1 => format!("%{:02x}", c as u32),
                    _ => c.to_string(),
                }
            })
            .collect()
    })
}

/// Leading `#`, slashes (plain or encoded) and spaces around a path.
fn wrap(path: impl Strategy<Value = String>) -> impl Strategy<Value = String> {
    let lead = prop::sample::select(vec!["#", "#/", "#//", "#///", "", "/", "#%2F", "# /"]);
    let trail = prop::sample::select(vec!["", "/", "//", "%2F", " ", "/ ", "%20"]);
    (lead, path, trail).prop_map(|(l, p, t)| format!("{l}{p}{t}"))
}

fn any_view() -> impl Strategy<Value = View> {
    prop_oneof![
        Just(View::Overview),
        Just(View::Hunan),
        Just(View::Start),
        (1..=groups()).prop_map(View::Route),
        prop::sample::select(stop_ids()).prop_map(View::Stop),
    ]
}

fn valid_view(v: &View) -> bool {
    match v {
        View::Overview | View::Hunan | View::Start => true,
        View::Route(n) => (1..=groups()).contains(n),
        View::Stop(id) => is_stop(id),
    }
}

/// Strings that look like hashes: pieces of real ones, escapes, junk and unicode.
fn hashlike() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        prop::sample::select(
            "#|/|//|route|ROUTE|hunan|%|%2|%2F|%zz|%E4%B9%89|%F0%28|%00| |\t|1|3|4|0|-1|NaN|😀|义乌|\u{202e}|?|&|=|.."
                .split('|')
                .collect::<Vec<_>>()
        )
        .prop_map(str::to_string),
        prop::sample::select(stop_ids()),
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..8).prop_map(|p| p.concat())
}

/// What the boot script (tools/postbuild.mjs) does with a query before the wasm: each pair decoded as
/// `URLSearchParams` decodes it (%XX, `+` as a space), the key in lower case, the value trimmed and in lower
/// case, looked up in the prerendered lists (`first_paint_pairs`).
fn boot_hides(query: &str, page: Lang, dark: bool) -> bool {
    // The same %XX decoding as URLSearchParams, which also reads `+` as a space.
    let decode = |s: &str| percent_decode(&s.replace('+', " "));
    let (always, when_dark) = (first_paint_pairs(page, false), first_paint_pairs(page, true));
    query.trim_start_matches('?').split('&').filter(|p| !p.is_empty()).any(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let pair = format!("{}={}", decode(k).to_lowercase(), decode(v).trim().to_lowercase());
        always.contains(&pair) || (dark && when_dark.contains(&pair))
    })
}

/// A query of known keys and values (any spelling), junk, and tracking tags, in any order.
fn querylike() -> impl Strategy<Value = String> {
    let known: Vec<(String, String)> =
        QUERY_VALUES.iter().flat_map(|(k, vs)| vs.iter().map(move |v| (k.to_string(), v.to_string()))).collect();
    let pair = prop_oneof![
        prop::sample::select(known)
            .prop_flat_map(|(k, v)| (respell(&k), respell(&v), prop::sample::select(vec!["", " ", "%20", "+"])))
            .prop_map(|(k, v, pad)| if v.is_empty() && pad.is_empty() { k } else { format!("{k}={pad}{v}") }),
        ("[a-z_]{1,8}", "[a-zA-Z0-9%+ ]{0,6}").prop_map(|(k, v)| format!("{k}={v}")),
    ];
    prop::collection::vec(pair, 0..5).prop_map(|ps| format!("?{}", ps.join("&")))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_string_parses_to_a_view_that_round_trips(h in any::<String>()) {
        let v = parse(&h);
        prop_assert!(valid_view(&v), "{:?} from {:?}", v, h);
        prop_assert!(v == View::Overview || parse(&v.to_hash()) == v, "{:?} from {:?}", v, h);
    }

    #[test]
    fn hashlike_strings_parse_to_a_view_that_round_trips(h in hashlike()) {
        let v = parse(&h);
        prop_assert!(valid_view(&v));
        prop_assert_eq!(parse(&v.to_hash()), v);
    }

    #[test]
    fn every_view_round_trips_through_its_hash(v in any_view()) {
        prop_assert_eq!(parse(&v.to_hash()), v.clone());
        prop_assert_eq!(parse(v.to_hash().trim_start_matches('#')), v);
    }

    #[test]
    fn stop_ids_in_any_case_encoding_and_slashes_open_the_stop(
        (id, h) in prop::sample::select(stop_ids()).prop_flat_map(|id| (Just(id.clone()), wrap(respell(&id))))
    ) {
        prop_assert_eq!(parse(&h), View::Stop(id), "{}", h);
    }

    #[test]
    fn routes_and_hunan_in_any_spelling(
        (want, h) in prop_oneof![
            (1..=groups()).prop_flat_map(|n| {
                let path = (respell("route"), prop::sample::select(vec!["/", "//", "%2F"]), respell(&n.to_string()))
                    .prop_map(|(r, s, n)| format!("{r}{s}{n}"));
                (Just(View::Route(n)), wrap(path))
            }),
            wrap(respell("hunan")).prop_map(|h| (View::Hunan, h)),
            wrap(respell("hangzhou")).prop_map(|h| (View::Start, h)),
        ]
    ) {
        prop_assert_eq!(parse(&h), want, "{}", h);
    }

    #[test]
    fn an_id_with_anything_else_in_the_path_is_not_that_stop(
        id in prop::sample::select(stop_ids()),
        extra in "[a-z0-9]{1,8}",
    ) {
        prop_assert_eq!(parse(&format!("#/{id}/{extra}")), View::Overview);
        prop_assert_ne!(parse(&format!("#/{id}{extra}")), View::Stop(id));
    }

    #[test]
    fn any_query_parses_without_panicking(q in any::<String>()) {
        let _ = parse_query(&q);
    }

    /// The first paint never shows a look the app then changes (a flash): whenever parse_query gives the
    /// app another language, layout or colours than the page's (index.html's Chinese or en.html's English),
    /// the boot script's lookup hides the first paint.
    #[test]
    fn the_boot_script_hides_the_first_paint_whenever_the_app_will_look_otherwise(
        q in querylike(), page in prop::sample::select(vec![Lang::Zh, Lang::En]), dark in any::<bool>(),
    ) {
        if changes_first_paint(&parse_query(&q), page, dark) {
            prop_assert!(boot_hides(&q, page, dark), "{q} ({page:?} page, dark {dark}): the app looks otherwise, the boot script keeps the first paint");
        }
    }

    #[test]
    fn any_string_query_that_changes_the_look_is_caught_by_the_boot_script(
        q in any::<String>(), page in prop::sample::select(vec![Lang::Zh, Lang::En]), dark in any::<bool>(),
    ) {
        if changes_first_paint(&parse_query(&q), page, dark) {
            prop_assert!(boot_hides(&q, page, dark), "{q:?}");
        }
    }

    #[test]
    fn the_last_valid_lang_wins_and_junk_is_ignored(
        pairs in prop::collection::vec(prop_oneof![
            Just("lang=en".to_string()), Just("LANG=EN".to_string()), Just("lang=%65n".to_string()),
            Just("lang=zh".to_string()), Just("lang=zh-CN".to_string()),
            Just("lang=xx".to_string()), Just("present=maybe".to_string()), Just("embed=no".to_string()),
            "[a-z%=&]{0,12}".prop_filter("no flag", |s| !s.to_ascii_lowercase().contains("lang")
                && !s.contains("present") && !s.contains("embed") && !s.contains('%')),
        ], 0..8),
    ) {
        let q = format!("?{}", pairs.join("&"));
        let want = pairs.iter().rev().find_map(|p| match p.to_ascii_lowercase().as_str() {
            "lang=en" | "lang=%65n" => Some(Lang::En),
            "lang=zh" | "lang=zh-cn" => Some(Lang::Zh),
            _ => None,
        });
        let f = parse_query(&q);
        prop_assert_eq!(f.lang, want, "{}", q);
        prop_assert!(!f.present && !f.embed, "{}", q);
    }

    #[test]
    fn fixed_matches_std_formatting_within_rounding(x in -1.0e6f64..1.0e6, d in 0u8..=6) {
        let ours = Fixed(x, d).to_string();
        let std = format!("{:.*}", d as usize, x);
        let (a, b): (f64, f64) = (ours.parse().unwrap(), std.parse().unwrap());
        let ulp = 10f64.powi(-(d as i32));
        // Both round x to d places; they may differ by one unit only where x sits on a half (f64 ties).
        // The slack is the f64 error of subtracting two numbers of x's size (624194.8096 - 624194.80959
        // is 1e-5 plus 1e-10).
        prop_assert!((a - b).abs() <= ulp + x.abs() * 1e-15 + 1e-12, "{} vs {} for {} at {}", ours, std, x, d);
        prop_assert!((a - x).abs() <= ulp * 0.5 + x.abs() * 1e-15 + 1e-12, "{} for {} at {}", ours, x, d);
        // Attribute-safe: no exponent, no "-0", trailing zeros trimmed.
        prop_assert!(ours.chars().all(|c| c.is_ascii_digit() || c == '-' || c == '.'), "{}", ours);
        prop_assert!(ours != "-0" && !ours.ends_with('.'), "{}", ours);
        prop_assert!(!ours.contains('.') || !ours.ends_with('0'), "{}", ours);
    }

    #[test]
    fn fixed_prints_non_finite_as_zero(d in 0u8..=10, which in 0usize..3) {
        let x = [f64::NAN, f64::INFINITY, f64::NEG_INFINITY][which];
        prop_assert_eq!(Fixed(x, d).to_string(), "0");
    }

    #[test]
    fn navigate_accepts_only_the_documented_shape(kind in proptest::option::of(any::<String>()), hash in proptest::option::of(any::<String>())) {
        let got = navigate_hash(kind.as_deref(), hash.as_deref());
        let documented = kind.as_deref() == Some(NAVIGATE_TYPE) && hash.as_ref().is_some_and(|h| h.len() <= 200);
        prop_assert_eq!(got.is_some(), documented);
        if documented {
            prop_assert_eq!(got, hash);
        }
    }

    #[test]
    fn near_miss_message_types_do_not_navigate(
        kind in prop_oneof![
            // Another letter case (at least one letter changed), or percent-encoded: near, but not the shape.
            prop::collection::vec(any::<bool>(), NAVIGATE_TYPE.len()).prop_map(|up| {
                let mut k: String = NAVIGATE_TYPE.chars().zip(&up)
                    .map(|(c, u)| if *u { c.to_ascii_uppercase() } else { c }).collect();
                if k == NAVIGATE_TYPE {
                    k = k.replacen('n', "N", 1);
                }
                k
            }),
            respell(NAVIGATE_TYPE).prop_filter("encoded", |k| k.contains('%')),
            "[ \t]{1,3}".prop_map(|s| format!("{s}{NAVIGATE_TYPE}")),
            "[ \t]{1,3}".prop_map(|s| format!("{NAVIGATE_TYPE}{s}")),
            Just("county-tour:height".to_string()),
            Just("navigate".to_string()),
            Just(String::new()),
        ],
        hash in prop::sample::select(vec!["#/yiwu", "#/", "#/route/2"]),
    ) {
        prop_assert_eq!(navigate_hash(Some(&kind), Some(hash)), None);
        prop_assert_eq!(navigate_hash(Some(NAVIGATE_TYPE), Some(&hash.repeat(101))), None);
        prop_assert_eq!(navigate_hash(Some(NAVIGATE_TYPE), Some(hash)), Some(hash.to_string()));
    }

    #[test]
    fn pym_messages_are_read_without_panicking(data in any::<String>(), id in "[a-zA-Z0-9_-]{0,12}") {
        let hit = is_pym_for(&data, &id);
        prop_assert!(!hit || (!id.is_empty() && data.starts_with("pymxPYMx")));
    }
}

/// A tie found by the property above: `Fixed` rounds x·10⁵ half away from zero, std the exact binary value.
#[test]
fn fixed_rounds_a_tie_up_where_std_rounds_down() {
    assert_eq!(Fixed(624194.809595, 5).to_string(), "624194.8096");
    assert_eq!(format!("{:.5}", 624194.809595), "624194.80959");
}
