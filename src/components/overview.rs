//! The overview at `#/`: the event at a glance, its themes, why Hunan went, and the three shared lessons.

use yew::prelude::*;

use crate::bundle::TOUR;

use crate::model::Lang;
use crate::route::View;
use crate::strings::strings;

#[derive(Properties, PartialEq)]
pub struct OverviewProps {
    pub lang: Lang,
    pub onselect: Callback<View>,
}

/// "2025年2月23日至2月28日" / "23–28 February 2025".
fn date_range(start: &str, end: &str, lang: Lang) -> String {
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
    let ymd = |d: &str| -> Option<(u32, u32, u32)> {
        let mut it = d.split('-').map(|x| x.parse::<u32>().ok());
        Some((it.next()??, it.next()??, it.next()??))
    };
    let (Some((y0, m0, d0)), Some((y1, m1, d1))) = (ymd(start), ymd(end)) else {
        return format!("{start} – {end}");
    };
    let month = |m: u32| MONTHS.get(m.wrapping_sub(1) as usize).copied().unwrap_or("");
    match lang {
        Lang::Zh => format!("{y0}年{m0}月{d0}日至{m1}月{d1}日"),
        Lang::En if (y0, m0) == (y1, m1) => format!("{d0}–{d1} {} {y0}", month(m0)),
        Lang::En => format!("{d0} {} – {d1} {} {y1}", month(m0), month(m1)),
    }
}

#[function_component(Overview)]
pub fn overview(p: &OverviewProps) -> Html {
    let s = strings(p.lang);
    let lang = p.lang;
    let e = &TOUR.event;
    let link = |place: &str, label: String| {
        let onselect = p.onselect.clone();
        let target = if place == TOUR.start.id { View::Overview } else { View::Stop(place.to_string()) };
        html! {
            <button type="button" class="ct-link" onclick={Callback::from(move |_| onselect.emit(target.clone()))}>{ label }</button>
        }
    };
    let figure = |n: u32, unit: &str| {
        html! {
            <div class="ct-fig"><span class="ct-fig-n">{ n }</span><span class="ct-fig-u">{ unit.to_string() }</span></div>
        }
    };
    let to_hunan = {
        let onselect = p.onselect.clone();
        Callback::from(move |_| onselect.emit(View::Hunan))
    };
    html! {
        <section class="ct-overview" aria-labelledby="ct-ov-h">
            <h2 id="ct-ov-h" class="ct-ov-title">{ e.title.get(lang) }</h2>
            <p class="ct-dates">{ date_range(&e.start_date, &e.end_date, lang) }</p>
            <div class="ct-figs">
                { figure(e.days, s.days) }
                { figure(e.group_count, s.groups) }
                { figure(e.place_count, s.places) }
                { figure(e.sessions, s.sessions) }
            </div>
            <ul class="ct-facts">{ for e.facts.iter().map(|f| html! { <li>{ f.text(lang) }</li> }) }</ul>
            <h3 class="ct-h3">{ s.themes }</h3>
            <ul class="ct-chips">{ for e.themes.iter().map(|t| html! { <li>{ t.get(lang) }</li> }) }</ul>
            <h3 class="ct-h3">{ s.why }</h3>
            <p class="ct-top100">
                { s.top100 }{ " " }<strong class="ct-fig-inline">{ e.top100.total }</strong>
                { if lang == Lang::Zh { format!("个（江苏{}个、浙江{}个）", e.top100.jiangsu, e.top100.zhejiang) }
                  else { format!(" (Jiangsu {}, Zhejiang {})", e.top100.jiangsu, e.top100.zhejiang) } }
            </p>
            <ul class="ct-facts">{ for e.why.iter().map(|f| html! { <li>{ f.text(lang) }</li> }) }</ul>
            <h3 class="ct-h3">{ s.lessons }</h3>
            <ol class="ct-lessons">
                { for TOUR.lessons.iter().map(|l| html! {
                    <li class="ct-lesson">
                        <h4>{ l.title.get(lang) }</h4>
                        <p>{ l.summary.get(lang) }</p>
                        { for l.examples.iter().map(|ex| {
                            let name = TOUR.stop(&ex.place).map(|s| s.name.get(lang).to_string())
                                .unwrap_or_else(|| TOUR.start.name.get(lang).to_string());
                            html! { <p class="ct-example">{ link(&ex.place, name) }{ " " }{ ex.text.get(lang) }</p> }
                        }) }
                    </li>
                }) }
            </ol>
            <p><button type="button" class="ct-btn ct-hunan-link" onclick={to_hunan}>{ s.hunan_link }</button></p>
            <p class="ct-source">{ e.source.get(lang) }</p>
        </section>
    }
}
