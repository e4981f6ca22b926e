//! The URL as the view's address: parsing `#/…` hashes and `?…` flags, and writing them back.
//!
//! Parsing never fails: whatever the URL holds, the reader gets a view, the overview when in doubt.

use crate::model::Lang;

/// What the widget shows.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Overview,
    /// One group's route, numbered from 1.
    Route(u8),
    /// One stop, by its public id.
    Stop(String),
    /// Where the course opened (`#/hangzhou`, the start's id): a card of its own, not a numbered stop.
    Start,
    /// The Hunan takeaways.
    Hunan,
}

impl View {
    /// The hash that names this view: `#/`, `#/route/2`, `#/yiwu`, `#/hangzhou`, `#/hunan`.
    pub fn to_hash(&self) -> String {
        match self {
            View::Overview => "#/".to_string(),
            View::Route(n) => format!("#/route/{n}"),
            View::Stop(id) => format!("#/{id}"),
            View::Start => format!("#/{}", crate::bundle::TOUR.start.id),
            View::Hunan => "#/hunan".to_string(),
        }
    }
}

/// Longest hash we look at; anything longer is junk, not a view.
const MAX_HASH: usize = 200;

/// Parse a location hash (with or without the leading `#`).
/// `is_stop` says whether an id names a stop; `start` is the start's id; `groups` is the number of routes.
pub fn parse_hash(hash: &str, is_stop: impl Fn(&str) -> bool, start: &str, groups: u8) -> View {
    if hash.len() > MAX_HASH {
        return View::Overview;
    }
    let decoded = percent_decode(hash.trim_start_matches('#'));
    // A query written after the view (`#/yiwu?lang=en`, a link put together by hand) is not part of its
    // name: the view stands, and the flags come from the page's own query as always.
    let named = decoded.split('?').next().unwrap_or_default();
    let path = named.trim().trim_matches('/').to_ascii_lowercase();
    let parts: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    match parts.as_slice() {
        ["route", n] => match n.parse::<u8>() {
            Ok(n) if (1..=groups).contains(&n) => View::Route(n),
            _ => View::Overview,
        },
        ["hunan"] => View::Hunan,
        [id] if is_stop(id) => View::Stop((*id).to_string()),
        [id] if !start.is_empty() && start.eq_ignore_ascii_case(id) => View::Start,
        _ => View::Overview,
    }
}

/// Flags from the query string.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Flags {
    pub lang: Option<Lang>,
    /// `?embed`: drop the page chrome for use inside a frame.
    pub embed: bool,
    /// `?present`: presenter mode for a projector.
    pub present: bool,
    /// `?theme=light|dark|auto`: the reader's colours.
    pub theme: Option<crate::palette::Theme>,
}

/// The query values [`parse_query`] gives a meaning, by key (after decoding, in lower case); any other
/// value of these keys, and any other key, is ignored.
pub const QUERY_VALUES: [(&str, &[&str]); 4] =
    [("lang", LANGS), ("embed", YES), ("present", YES), ("theme", crate::palette::Theme::NAMES)];
const YES: &[&str] = &["", "1", "true"];
/// English, then the ways of naming Chinese.
const LANGS: &[&str] = &["en", "zh", "zh-cn", "zh-hans"];

/// Parse a query string (with or without the leading `?`). Unknown keys and bad values are ignored.
pub fn parse_query(query: &str) -> Flags {
    let mut f = Flags::default();
    if query.len() > 2 * MAX_HASH {
        return f;
    }
    for pair in query.trim_start_matches('?').split('&') {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let (k, v) = (percent_decode(k).to_ascii_lowercase(), percent_decode(v).to_ascii_lowercase());
        match k.as_str() {
            "lang" => match LANGS.iter().position(|l| *l == v) {
                Some(0) => f.lang = Some(Lang::En),
                Some(_) => f.lang = Some(Lang::Zh),
                None => {}
            },
            "embed" => f.embed |= YES.contains(&v.as_str()),
            "present" => f.present |= YES.contains(&v.as_str()),
            "theme" => f.theme = crate::palette::Theme::parse(&v).or(f.theme),
            _ => {}
        }
    }
    f
}

/// Whether the app, with these flags, looks other than the first paint of the page in language `page`
/// (src/prerender.rs: that language, the page's own layout, the light theme). The boot script then hides
/// the first paint until the app draws, so that no reader sees one look turn into another.
pub fn changes_first_paint(f: &Flags, page: Lang, prefers_dark: bool) -> bool {
    f.lang.is_some_and(|l| l != page) || f.embed || f.present || f.theme.is_some_and(|t| t.is_dark(prefers_dark))
}

/// The query's `key=value` pairs (decoded, lower case) for which the boot script hides the first paint of
/// the page in language `page`: those with which [`parse_query`] gives the app another look, always
/// (`false`) or when the reader's system prefers dark (`true`). Asked of [`parse_query`] itself, value by
/// value, and written into the boot script by the build (src/prerender.rs `first_paint_query`), so that
/// the two cannot disagree.
pub fn first_paint_pairs(page: Lang, when_dark: bool) -> Vec<String> {
    let changes = |q: &str, dark: bool| changes_first_paint(&parse_query(q), page, dark);
    query_pairs()
        .filter(|q| if when_dark { !changes(q, false) && changes(q, true) } else { changes(q, false) })
        .collect()
}

/// The query's `key=value` pairs (as [`first_paint_pairs`]) that ask for English: the boot script starts
/// fetching the content's English with the wasm, not after it (src/prerender.rs `first_paint_query`).
pub fn english_pairs() -> Vec<String> {
    query_pairs().filter(|q| parse_query(q).lang == Some(Lang::En)).collect()
}

/// Every `key=value` of [`QUERY_VALUES`].
fn query_pairs() -> impl Iterator<Item = String> {
    QUERY_VALUES.iter().flat_map(|(k, vs)| vs.iter().map(move |v| format!("{k}={v}")))
}

/// The value of one hex digit, either case (`u8::from_str_radix` would also take a sign, and costs more wasm).
fn hex_digit(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Decode %XX escapes as UTF-8; malformed escapes are kept as they are, invalid UTF-8 is replaced.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(hi), Some(lo)) = (hex_digit(bytes[i + 1]), hex_digit(bytes[i + 2])) {
                out.push(hi << 4 | lo);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stop(id: &str) -> bool {
        matches!(id, "yiwu" | "jiangyin" | "yuhang")
    }
    fn p(h: &str) -> View {
        parse_hash(h, stop, "hangzhou", 3)
    }

    #[test]
    fn good_hashes() {
        assert_eq!(p("#/"), View::Overview);
        assert_eq!(p(""), View::Overview);
        assert_eq!(p("#/route/2"), View::Route(2));
        assert_eq!(p("#/yiwu"), View::Stop("yiwu".into()));
        assert_eq!(p("#/hunan"), View::Hunan);
        assert_eq!(p("#/hangzhou"), View::Start);
    }

    #[test]
    fn forgiving_spellings() {
        assert_eq!(p("#yiwu"), View::Stop("yiwu".into()));
        assert_eq!(p("#/YiWu/"), View::Stop("yiwu".into()));
        assert_eq!(p("#/%79iwu"), View::Stop("yiwu".into()));
        assert_eq!(p("#//route//3"), View::Route(3));
        assert_eq!(p("#HangZhou/"), View::Start);
        assert_eq!(p("#/%68angzhou"), View::Start);
        // A query after the view (a hand-made link) leaves the view named.
        assert_eq!(p("#/yiwu?lang=en"), View::Stop("yiwu".into()));
        assert_eq!(p("#/route/2/?embed"), View::Route(2));
        assert_eq!(p("#/%3Flang=en"), View::Overview);
        assert_eq!(p("#/nowhere?yiwu"), View::Overview);
    }

    #[test]
    fn junk_shows_the_overview() {
        for h in [
            "#/nowhere",
            "#/route/0",
            "#/route/4",
            "#/route/-1",
            "#/route/999999999999",
            "#/route/two",
            "#/yiwu/extra",
            "#/hangzhou/1",
            "#/hangzho",
            "#/杭州",
            "#/<script>alert(1)</script>",
            "#/%E4%B9%89%E4%B9%8C",
            "#/%",
            "#/%zz",
            "#/%F0%28",
            "#/\u{0}",
        ] {
            assert_eq!(p(h), View::Overview, "{h}");
        }
        assert_eq!(p(&format!("#/{}", "a".repeat(10_000))), View::Overview);
    }

    #[test]
    fn views_round_trip_through_their_hash() {
        for v in
            [View::Overview, View::Route(1), View::Route(3), View::Stop("jiangyin".into()), View::Start, View::Hunan]
        {
            assert_eq!(p(&v.to_hash()), v);
        }
    }

    #[test]
    fn first_paint_pairs_are_the_look_changing_ones() {
        let always = first_paint_pairs(Lang::Zh, false);
        for q in ["lang=en", "embed=", "embed=1", "present=", "present=true", "theme=dark"] {
            assert!(always.contains(&q.to_string()), "{q} in {always:?}");
        }
        for q in ["lang=zh", "lang=zh-cn", "theme=light", "theme=auto", "embed=0"] {
            assert!(!always.contains(&q.to_string()), "{q} in {always:?}");
        }
        assert_eq!(first_paint_pairs(Lang::Zh, true), ["theme=auto"]);
        // The English page's first paint is English: Chinese changes it, English does not.
        let en = first_paint_pairs(Lang::En, false);
        assert!(en.contains(&"lang=zh-hans".to_string()) && !en.contains(&"lang=en".to_string()), "{en:?}");
        assert_eq!(english_pairs(), ["lang=en"]);
    }

    #[test]
    fn query_flags() {
        assert_eq!(parse_query("?lang=en").lang, Some(Lang::En));
        assert_eq!(parse_query("lang=zh").lang, Some(Lang::Zh));
        assert_eq!(parse_query("?lang=fr").lang, None);
        let f = parse_query("?embed&present=1&lang=EN");
        assert!(f.embed && f.present);
        assert_eq!(f.lang, Some(Lang::En));
        assert_eq!(parse_query("?embed=no"), Flags::default());
        assert_eq!(parse_query("?=&&&=%%"), Flags::default());
        use crate::palette::Theme;
        assert_eq!(parse_query("?theme=dark").theme, Some(Theme::Dark));
        assert_eq!(parse_query("?theme=Auto&embed").theme, Some(Theme::Auto));
        assert_eq!(parse_query("?theme=sepia").theme, None);
        assert_eq!(parse_query("?theme=dark&theme=sepia").theme, Some(Theme::Dark), "junk keeps the last good one");
    }

    #[test]
    fn percent_decoding_is_safe_on_junk() {
        assert_eq!(percent_decode("%41%42c"), "ABc");
        assert_eq!(percent_decode("%4"), "%4");
        assert_eq!(percent_decode("%"), "%");
        assert_eq!(percent_decode("%ff"), "\u{fffd}");
        assert_eq!(percent_decode("%+4%e4%B9%89"), "%+4义", "a sign is not a hex digit; either case is");
    }
}
