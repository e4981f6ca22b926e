//! Every interface string in both languages, the same for any tour; content text, and the headings and
//! names that belong to one story (`labels`), come from `assets/tour.json`.

use crate::model::Lang;
use crate::num::Fixed;

pub struct Strings {
    /// Between a place and its province, a group and its order: " · " / ", ".
    pub sep: &'static str,
    /// A comma inside a sentence: "，" / ", ".
    pub comma: &'static str,
    /// Before a figure or a list: "：" / ": ".
    pub colon: &'static str,
    pub lang_switch: &'static str,
    pub lang_switch_label: &'static str,
    pub all_routes: &'static str,
    pub routes_label: &'static str,
    pub reported: &'static str,
    pub background: &'static str,
    pub background_note: &'static str,
    pub no_reported: &'static str,
    pub no_facts: &'static str,
    pub prev: &'static str,
    pub next: &'static str,
    pub to_overview: &'static str,
    pub overview: &'static str,
    pub fit: &'static str,
    pub wheel_hint: &'static str,
    pub days: &'static str,
    pub groups: &'static str,
    pub places: &'static str,
    pub sessions: &'static str,
    pub themes: &'static str,
    /// After the list of themes, which the article leaves open ("等").
    pub themes_more: &'static str,
    pub route_total: &'static str,
    pub legs: &'static str,
    pub km: &'static str,
    pub stops_list: &'static str,
    pub present_enter: &'static str,
    pub present_exit: &'static str,
    pub fullscreen: &'static str,
    pub scan: &'static str,
    pub tour_next_in: &'static str,
    pub whole_tour: &'static str,
    /// The presenter's progress bar's accessible name.
    pub tour_progress: &'static str,
    pub expand: &'static str,
    pub collapse: &'static str,
    pub low_confidence: &'static str,
    pub credit_map: &'static str,
    pub print: &'static str,
    pub export_svg: &'static str,
    pub export_png: &'static str,
}

const ZH: Strings = Strings {
    sep: " · ",
    comma: "，",
    colon: "：",
    lang_switch: "EN",
    lang_switch_label: "EN: Switch to English",
    all_routes: "全部",
    routes_label: "线路",
    reported: "据报道",
    background: "背景",
    background_note: "以下为公开资料中的背景信息，并非报道内容。",
    no_reported: "报道只列出了这一站的名字，没有介绍具体案例。",
    no_facts: "报道只列出了这一站的名字，没有介绍具体案例；本图暂未收录其他资料。",
    prev: "上一站",
    next: "下一站",
    to_overview: "返回总览",
    overview: "总览",
    fit: "全图",
    wheel_hint: "点击地图后可用滚轮缩放（或按住 Ctrl/⌘）",
    days: "天",
    groups: "组",
    places: "个县（市、区）",
    sessions: "场现场教学",
    themes: "每条线路都涉及的教学内容",
    themes_more: "等",
    route_total: "直线距离合计",
    legs: "各段直线距离",
    km: "公里",
    stops_list: "各组站点（按报道顺序）",
    present_enter: "演示模式",
    present_exit: "退出演示",
    fullscreen: "全屏",
    scan: "扫码在手机上继续看",
    tour_next_in: "秒后下一站",
    whole_tour: "全程",
    tour_progress: "全程进度",
    expand: "展开卡片",
    collapse: "收起卡片",
    low_confidence: "位置为估计值",
    credit_map: "底图：Natural Earth",
    print: "打印",
    export_svg: "导出 SVG",
    export_png: "导出 PNG",
};

const EN: Strings = Strings {
    sep: ", ",
    comma: ", ",
    colon: ": ",
    lang_switch: "中文",
    lang_switch_label: "切换到中文",
    all_routes: "All",
    routes_label: "Routes",
    reported: "Reported",
    background: "Background",
    background_note: "Background from public sources, not from the article.",
    no_reported: "The article names this stop but describes no case here.",
    no_facts: "The article names this stop but describes no case here, and this map holds no other material on it yet.",
    prev: "Previous",
    next: "Next",
    to_overview: "Back to overview",
    overview: "Overview",
    fit: "Fit",
    wheel_hint: "Click the map, then scroll to zoom (or hold Ctrl/⌘)",
    days: "days",
    groups: "groups",
    places: "county-level places",
    sessions: "on-site sessions",
    themes: "Every route's teaching covered, among others",
    themes_more: "and more",
    route_total: "Straight-line total",
    legs: "Straight-line legs",
    km: "km",
    stops_list: "Stops by group (in the article's order)",
    present_enter: "Present",
    present_exit: "Exit presentation",
    fullscreen: "Fullscreen",
    scan: "Scan to follow on your phone",
    tour_next_in: "s to next stop",
    whole_tour: "Tour",
    tour_progress: "Tour progress",
    expand: "Expand card",
    collapse: "Collapse card",
    low_confidence: "approximate location",
    credit_map: "Base map: Natural Earth",
    print: "Print",
    export_svg: "Export SVG",
    export_png: "Export PNG",
};

pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// "第2站" / "Stop 2 of 7".
pub fn stop_ordinal(lang: Lang, order: u8, of: usize) -> String {
    match lang {
        Lang::Zh => format!("第{order}站（共{of}站）"),
        Lang::En => format!("Stop {order} of {of}"),
    }
}

/// The event's four figures with their units, in the order the overview and the share card show them:
/// days, groups, places, sessions.
pub fn figures(e: &crate::model::Event, lang: Lang) -> [(u32, &'static str); 4] {
    let s = strings(lang);
    [(e.days, s.days), (e.group_count, s.groups), (e.place_count, s.places), (e.sessions, s.sessions)]
}

/// Distances as the reader's language writes them: "105公里" / "105 km".
pub fn km(lang: Lang, km: f64) -> String {
    format!("{}{}{}", Fixed(km, 0), lang.pick("", " "), strings(lang).km)
}

/// The Top-100 line, said once as the article says it, around its bold total:
/// ("2024年公布的全国百强县市中，江浙两省共有", "个县市在列（江苏25个、浙江15个），接近一半。"). The places,
/// counts and share come from the content (`event.top100`).
pub fn top100(lang: Lang, t: &crate::model::Top100) -> (String, String) {
    let (y, region, share) = (t.year, t.region.get(lang), t.share.get(lang));
    let parts = |each: &dyn Fn(&str, u32) -> String, sep: &str| -> String {
        t.parts.iter().map(|p| each(p.name.get(lang), p.count)).collect::<Vec<_>>().join(sep)
    };
    match lang {
        Lang::Zh => (
            format!("{y}年公布的全国百强县市中，{region}共有"),
            format!("个县市在列（{}），{share}。", parts(&|n, c| format!("{n}{c}个"), "、")),
        ),
        Lang::En => (
            format!("Of China's Top-100 counties and county-level cities published in {y}, "),
            format!(" are in {region} ({}): {share}.", parts(&|n, c| format!("{n} {c}"), ", ")),
        ),
    }
}

/// What the live region says when the view changes: "义乌市，第一组第2站（共7站）".
pub fn announce(tour: &crate::model::Tour, view: &crate::address::View, lang: Lang) -> String {
    use crate::address::View;
    let s = strings(lang);
    match view {
        View::Overview => s.overview.to_string(),
        View::Route(n) => tour.group(*n).map(|g| g.name.get(lang).to_string()).unwrap_or_default(),
        View::Stop(id) => match tour.stop(id) {
            Some(st) => {
                let g = tour.group(st.group).map(|g| g.name.get(lang)).unwrap_or_default();
                let of = tour.group(st.group).map_or(0, |g| g.stops.len());
                let sep = s.comma;
                format!("{}{sep}{g} {}", st.name.get(lang), stop_ordinal(lang, st.order, of))
            }
            None => String::new(),
        },
        View::Start => format!("{}{}{}", tour.labels.start.get(lang), s.comma, tour.labels.start_note.get(lang)),
        View::Hunan => tour.labels.takeaways.get(lang).to_string(),
    }
}

/// "2025年2月23日—28日" / "23–28 February 2025" from ISO dates.
pub fn date_range(lang: Lang, start: &str, end: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let ymd = |s: &str| -> Option<[u32; 3]> {
        let mut it = s.split('-').map(|p| p.parse::<u32>().ok());
        Some([it.next()??, it.next()??, it.next()??]).filter(|[_, m, _]| (1..=12).contains(m))
    };
    let (Some([y0, m0, d0]), Some([y1, m1, d1])) = (ymd(start), ymd(end)) else {
        return format!("{start} – {end}");
    };
    let month = |m: u32| MONTHS[m as usize - 1];
    match lang {
        Lang::Zh if y0 != y1 => format!("{y0}年{m0}月{d0}日—{y1}年{m1}月{d1}日"),
        Lang::Zh if m0 != m1 => format!("{y0}年{m0}月{d0}日—{m1}月{d1}日"),
        Lang::Zh => format!("{y0}年{m0}月{d0}日—{d1}日"),
        Lang::En if y0 != y1 => format!("{d0} {} {y0} – {d1} {} {y1}", month(m0), month(m1)),
        Lang::En if m0 != m1 => format!("{d0} {} – {d1} {} {y1}", month(m0), month(m1)),
        Lang::En => format!("{d0}–{d1} {} {y1}", month(m1)),
    }
}

/// A class attribute: `base`, then each class whose flag is on ("ct-stop hl sel"). What Yew's `classes!` does,
/// but one function for every view instead of a set built inline at each call site (1 KB gzip of wasm).
pub fn class_list(base: &str, flags: &[(bool, &str)]) -> String {
    let mut out = base.to_string();
    for (on, class) in flags {
        if *on {
            out.push(' ');
            out.push_str(class);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_class_list_has_the_base_then_the_classes_that_are_on_in_order() {
        assert_eq!(class_list("ct-stop", &[]), "ct-stop");
        assert_eq!(class_list("ct-stop", &[(true, "hl"), (false, "dim"), (true, "sel")]), "ct-stop hl sel");
        assert_eq!(class_list("ct-root lang-en", &[(false, "page"), (true, "present")]), "ct-root lang-en present");
    }

    #[test]
    fn chinese_distances_and_figures_take_no_space() {
        assert_eq!(km(Lang::Zh, 104.6), "105公里");
        assert_eq!(km(Lang::En, 104.6), "105 km");
        let t = &crate::bundle::TOUR.event.top100;
        let (a, b) = top100(Lang::Zh, t);
        assert_eq!(
            format!("{a}{}{b}", t.total),
            "2024年公布的全国百强县市中，江浙两省共有40个县市在列（江苏25个、浙江15个），接近一半。"
        );
        let (a, b) = top100(Lang::En, t);
        assert!(format!("{a}{}{b}", t.total)
            .ends_with("published in 2024, 40 are in Jiangsu and Zhejiang (Jiangsu 25, Zhejiang 15): close to half."));
    }
}
