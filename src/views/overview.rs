//! The overview at `#/`: the event at a glance, its themes, why Hunan went, and the three shared lessons.

use yew::prelude::*;

use crate::bundle::TOUR;

use crate::address::View;
use crate::model::Lang;
use crate::strings::{date_range, figures, strings, top100};

/// What [`overview`] draws from.
pub struct OverviewProps {
    pub lang: Lang,
    pub onselect: Callback<View>,
}

/// The overview panel. A plain function rather than a component: it keeps no state, and each Yew component costs
/// about 0.7 KB gzip of wasm.
pub fn overview(p: &OverviewProps) -> Html {
    let s = strings(p.lang);
    let lang = p.lang;
    let e = &TOUR.event;
    let top100 = top100(lang, &e.top100);
    let link = |place: &str, label: String| {
        let onselect = p.onselect.clone();
        let target = if place == TOUR.start.id { View::Start } else { View::Stop(place.to_string()) };
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
            <p class="ct-dates">{ date_range(lang, &e.start_date, &e.end_date) }</p>
            <div class="ct-figs">
                { for figures(e, lang).into_iter().map(|(n, unit)| figure(n, unit)) }
            </div>
            <ul class="ct-facts">{ for e.facts.iter().map(|f| html! { <li>{ f.text(lang) }</li> }) }</ul>
            // A tour without themes, a Top-100 line, a why or lessons (a smaller story) leaves the section out.
            if !e.themes.is_empty() {
                <h3 class="ct-h3">{ s.themes }</h3>
                <ul class="ct-chips">
                    { for e.themes.iter().map(|t| html! { <li>{ t.get(lang) }</li> }) }
                    <li class="ct-chips-more">{ s.themes_more }</li>
                </ul>
            }
            if e.top100.total > 0 || !e.why.is_empty() {
                <h3 class="ct-h3">{ TOUR.labels.why.get(lang) }</h3>
            }
            if e.top100.total > 0 {
                <p class="ct-top100">{ top100.0 }<strong class="ct-fig-inline">{ e.top100.total }</strong>{ top100.1 }</p>
            }
            if !e.why.is_empty() {
                <ul class="ct-facts">{ for e.why.iter().map(|f| html! { <li>{ f.text(lang) }</li> }) }</ul>
            }
            if !TOUR.lessons.is_empty() {
                <h3 class="ct-h3">{ TOUR.labels.lessons.get(lang) }</h3>
            }
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
            if !TOUR.hunan.speakers.is_empty() {
                <p><button type="button" class="ct-btn ct-hunan-link" onclick={to_hunan}>{ TOUR.labels.takeaways_link.get(lang) }</button></p>
            }
            <p class="ct-source">{ e.source.get(lang) }</p>
        </section>
    }
}
