//! The case card of one stop (or of the opening city, 杭州 · 开班): where it is, its place on the route, what the article reported and
//! what is background, the source, and previous/next. On a phone it is a bottom sheet that swipes.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::bundle::TOUR;

use crate::address::View;
use crate::card_text::{card_for, CardText};
use crate::model::Lang;
use crate::state::Action;
use crate::strings::{class_list, strings};
use crate::views::parts::route_style;

/// What [`case_card`] draws from.
pub struct CaseCardProps {
    /// A stop or the start; any other view draws nothing.
    pub view: View,
    pub lang: Lang,
    pub onnavigate: Callback<Action>,
}

/// The card's own state, which the app holds (`use_card_state`) so that the card itself can be a plain
/// function: whether the phone's sheet is expanded, and where a swipe started.
pub struct CardState {
    expanded: UseStateHandle<bool>,
    touch_start: Rc<RefCell<Option<(f64, f64)>>>,
}

/// The card's state. The sheet folds again when the reader leaves the stops (`showing` false), as it
/// did when the card was a component of its own that closed with them.
#[hook]
pub fn use_card_state(showing: bool) -> CardState {
    let expanded = use_state(|| false);
    let touch_start = use_mut_ref(|| None);
    {
        let expanded = expanded.clone();
        use_effect_with(showing, move |showing| {
            if !*showing && *expanded {
                expanded.set(false);
            }
        });
    }
    CardState { expanded, touch_start }
}

/// A horizontal swipe longer than this (px), and more sideways than up or down, turns the card.
const SWIPE_PX: f64 = 50.0;

fn fact_list(facts: &[&str]) -> Html {
    html! {
        <ul class="ct-facts">
            { for facts.iter().map(|f| html! { <li>{ *f }</li> }) }
        </ul>
    }
}

/// The card. A plain function rather than a component (its state is in [`CardState`]): each Yew component
/// costs about 0.7 KB gzip of wasm.
pub fn case_card(p: &CaseCardProps, st: &CardState) -> Html {
    let Some(c) = card_for(&TOUR, &p.view, p.lang) else {
        return html! {};
    };
    let s = strings(p.lang);
    let lang = p.lang;
    let expanded = st.expanded.clone();
    let touch_start = st.touch_start.clone();

    let is_first = TOUR.prev(&p.view) == Some(View::Overview);
    let is_last = TOUR.next(&p.view).is_none();

    let ontouchstart = {
        let touch_start = touch_start.clone();
        Callback::from(move |e: TouchEvent| {
            *touch_start.borrow_mut() = e.touches().get(0).map(|t| (t.client_x() as f64, t.client_y() as f64));
        })
    };
    let ontouchend = {
        let touch_start = touch_start.clone();
        let nav = p.onnavigate.clone();
        Callback::from(move |e: TouchEvent| {
            let Some((x0, y0)) = touch_start.borrow_mut().take() else {
                return;
            };
            let Some(t) = e.changed_touches().get(0) else {
                return;
            };
            let (dx, dy) = (t.client_x() as f64 - x0, t.client_y() as f64 - y0);
            if dx.abs() > SWIPE_PX && dx.abs() > 1.5 * dy.abs() {
                nav.emit(if dx < 0.0 { Action::Next } else { Action::Prev });
            }
        })
    };
    let toggle = {
        let expanded = expanded.clone();
        Callback::from(move |_| expanded.set(!*expanded))
    };
    let nav = |a: Action| {
        let cb = p.onnavigate.clone();
        Callback::from(move |_| cb.emit(a.clone()))
    };

    html! {
        <section class={class_list("ct-card", &[(*expanded, "expanded")])} aria-labelledby="ct-card-h"
            style={route_style(c.group_color)} {ontouchstart} {ontouchend}>
            <button type="button" class="ct-sheet-handle" onclick={toggle}
                aria-expanded={expanded.to_string()} aria-label={if *expanded { s.collapse } else { s.expand }}>
                <span aria-hidden="true"></span>
            </button>
            { card_body(&c, lang, "ct-card-h") }
            <div class="ct-card-nav">
                <button type="button" class="ct-btn ct-prev" onclick={nav(Action::Prev)}>
                    { if is_first { s.to_overview } else { s.prev } }
                </button>
                <button type="button" class="ct-btn ct-next" onclick={nav(Action::Next)} disabled={is_last}>{ s.next }</button>
            </div>
        </section>
    }
}

/// The card's text, from its kicker to the source line: the live card and the prerendered page's cards.
/// `heading_id` names the title for `aria-labelledby`.
pub fn card_body(c: &CardText, lang: Lang, heading_id: &str) -> Html {
    let s = strings(lang);
    let sep = s.sep;
    html! {
        <>
            <p class="ct-card-kicker">
                if let Some(n) = c.badge {
                    <span class="ct-badge" aria-hidden="true">{ n }</span>
                }
                { c.kicker.clone() }
            </p>
            <h2 id={heading_id.to_string()} class="ct-card-title">{ c.title }</h2>
            <p class="ct-card-place">
                { c.place.clone() }
                if let Some(approx) = c.approx {
                    <span class="ct-approx">{ format!("{sep}{approx}") }</span>
                }
            </p>
            <div class="ct-card-body">
                <h3 class="ct-sec ct-sec-a"><span class="ct-tag ct-tag-a">{ "A" }</span>{ s.reported }</h3>
                if let Some(note) = c.note {
                    <p class="ct-empty">{ note }</p>
                } else {
                    { fact_list(&c.reported) }
                }
                if !c.background.is_empty() {
                    <div class="ct-bg">
                        <h3 class="ct-sec ct-sec-b"><span class="ct-tag ct-tag-b">{ "B" }</span>{ s.background }</h3>
                        <p class="ct-bg-note">{ s.background_note }</p>
                        { fact_list(&c.background) }
                    </div>
                }
            </div>
            <p class="ct-source">{ TOUR.event.source.get(lang) }</p>
        </>
    }
}
