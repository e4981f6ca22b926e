//! A route's summary: its stops in order with the straight-line distance of every leg and the total.

use yew::prelude::*;

use crate::bundle::TOUR;

use crate::address::View;
use crate::model::Lang;
use crate::strings::{km, strings};
use crate::views::parts::route_style;

/// What [`route_panel`] draws from.
pub struct RoutePanelProps {
    pub group: u8,
    pub lang: Lang,
    pub onselect: Callback<View>,
}

/// A route's panel. A plain function rather than a component: it keeps no state, and each Yew component costs
/// about 0.7 KB gzip of wasm.
pub fn route_panel(p: &RoutePanelProps) -> Html {
    let s = strings(p.lang);
    let lang = p.lang;
    let Some(g) = TOUR.group(p.group) else {
        return html! {};
    };
    let legs = TOUR.legs(p.group);
    let total: f64 = legs.iter().map(|l| l.km).sum();
    html! {
        <section class="ct-route-panel" aria-labelledby="ct-rp-h" style={route_style(&g.color)}>
            <h2 id="ct-rp-h" class="ct-card-title"><span class="ct-badge" aria-hidden="true">{ g.number }</span>{ g.name.get(lang) }</h2>
            <p class="ct-total">{ s.route_total }{ s.colon }<strong>{ km(lang, total) }</strong></p>
            <ol class="ct-legs" aria-label={s.legs}>
                <li class="ct-leg-start">{ TOUR.start.name.get(lang) }</li>
                { for legs.iter().filter_map(|leg| TOUR.stop(&leg.to).map(|st| (leg, st))).map(|(leg, st)| {
                    let onselect = p.onselect.clone();
                    let v = View::Stop(st.id.to_string());
                    html! {
                        <li>
                            <span class="ct-leg-km">{ format!("+{}", km(lang, leg.km)) }</span>
                            <button type="button" class="ct-link" onclick={Callback::from(move |_| onselect.emit(v.clone()))}>
                                <span class="ct-badge" aria-hidden="true">{ st.order }</span>{ st.name.get(lang) }
                            </button>
                            <span class="ct-leg-city">{ st.city.get(lang) }</span>
                        </li>
                    }
                }) }
            </ol>
            <p class="ct-source">{ TOUR.event.source.get(lang) }</p>
        </section>
    }
}
