//! The Hunan takeaways at `#/hunan`: an inset map of Hunan with the four speakers' home places,
//! and what each of them said they will do. The inset's outlines come from the extras wasm, fetched
//! the first time a reader opens this view; the places, labels and text do not wait for them.

use yew::prelude::*;

use crate::lazy::with_extras;

use crate::bundle::{HUNAN, TOUR};
use crate::num::Fixed;
use crate::views::map::tr;
use crate::views::parts::num;

use crate::address::View;
use crate::geo::Projection;
use crate::model::Lang;
use crate::strings::strings;

/// What [`hunan_view`] draws from.
pub struct HunanViewProps {
    pub lang: Lang,
    pub onselect: Callback<View>,
}

/// The group the inset's outlines go into, and the effect that draws them there from the extras wasm
/// each time the view opens (`open`). The app holds it, so that the view can be a plain function.
#[hook]
pub fn use_hunan_outlines(open: bool) -> NodeRef {
    let outlines = use_node_ref();
    {
        let outlines = outlines.clone();
        use_effect_with(open, move |open| {
            if *open {
                with_extras(Box::new(move |x| {
                    if let Some(g) = outlines.cast::<web_sys::Element>() {
                        g.set_inner_html(&x.hunan_outlines());
                    }
                }));
            }
        });
    }
    outlines
}

/// The view. A plain function rather than a component: each Yew component costs about 0.7 KB gzip of wasm.
/// `outlines` is [`use_hunan_outlines`]'s group; the browser draws into it, Yew never renders children there.
pub fn hunan_view(p: &HunanViewProps, outlines: &NodeRef) -> Html {
    let s = strings(p.lang);
    let lang = p.lang;
    let b = &HUNAN;
    let back = {
        let onselect = p.onselect.clone();
        Callback::from(move |_| onselect.emit(View::Overview))
    };
    let places = TOUR.hunan.speakers.iter().enumerate().map(|(i, sp)| {
        let pt = Projection::HUNAN.project(sp.place.lon, sp.place.lat);
        // Labels to the right, except in the map's right part, where they would run off it.
        let left = pt.x > 0.7 * b.width;
        html! {
            <g class="ct-hn-place" transform={tr(pt, 1)}>
                <circle r="14" />
                <text class="ct-mk-n" y="8" font-size="22">{ i + 1 }</text>
                <text class="ct-label" x={if left { "-22" } else { "22" }} y="9" font-size="30"
                    text-anchor={if left { "end" } else { "start" }}>{ sp.place.name.get(lang) }</text>
            </g>
        }
    });
    html! {
        <div class="ct-stage ct-hunan">
            <div class="ct-mapbox">
            <div class="ct-map ct-hunan-map">
                <svg class="ct-svg" viewBox={format!("0 0 {} {}", Fixed(b.width, 1), Fixed(b.height, 1))} role="img"
                    aria-label={TOUR.labels.takeaways.get(lang)} preserveAspectRatio="xMidYMid meet">
                    <rect class="ct-sea" width={num(b.width, 1)} height={num(b.height, 1)} />
                    <g class="ct-layers" ref={outlines.clone()} />
                    { for b.labels.iter().map(|lb| html! {
                        <text class={format!("ct-base-label {}", lb.kind)} x={num(lb.x, 1)} y={num(lb.y, 1)}
                            font-size="30" text-anchor="middle">{ lb.text(lang) }</text>
                    }) }
                    { for places }
                </svg>
            </div>
                <p class="ct-map-foot ct-credit">{ s.credit_map }</p>
            </div>
            <div class="ct-panel">
                <section class="ct-hunan-panel" aria-labelledby="ct-hn-h">
                    <h2 id="ct-hn-h" class="ct-card-title">{ TOUR.labels.takeaways.get(lang) }</h2>
                    <p>{ TOUR.hunan.intro.get(lang) }</p>
                    <ol class="ct-speakers">
                        { for TOUR.hunan.speakers.iter().map(|sp| html! {
                            <li class="ct-speaker" data-place={sp.id.to_string()}>
                                <h3>{ sp.place.name.get(lang) }<span class="ct-leg-city">{ format!(" · {}", sp.place.city.get(lang)) }</span></h3>
                                <p class="ct-post"><strong>{ sp.name.get(lang) }</strong>{ s.comma }{ sp.post.get(lang) }</p>
                                <p>{ sp.gist.get(lang) }</p>
                            </li>
                        }) }
                    </ol>
                    <p class="ct-source">{ TOUR.event.source.get(lang) }</p>
                    <button type="button" class="ct-btn" onclick={back}>{ s.to_overview }</button>
                </section>
            </div>
        </div>
    }
}
