//! The presenter's strip: progress ("第一组 3/7 · 全程 3/18"), the automatic tour's countdown,
//! fullscreen, and a QR code of the current stop's link for the audience's phones.

use yew::prelude::*;

use crate::bundle::TOUR;
use crate::lazy::with_extras;
use crate::num::Fixed;
use crate::views::parts::num;

use crate::address::View;
use crate::state::{Action, AppState};
use crate::strings::strings;

/// The strip's own state, which the app holds (`use_presenter`) so that the strip can be a plain function:
/// the automatic tour's countdown and the QR code with the link it encodes.
pub struct Presenter {
    countdown: UseStateHandle<u32>,
    qr: UseStateHandle<Option<(String, AttrValue)>>,
}

/// Seconds per stop on the automatic tour (per screen of a card or text longer than the projector's panel).
const TOUR_SECONDS: u32 = 12;

/// The link the audience should open: this page without presenter flags, at the current view.
fn audience_url(view: &View) -> String {
    let loc = gloo::utils::window().location();
    let origin = loc.origin().unwrap_or_default();
    let path = loc.pathname().unwrap_or_default();
    let mut q = String::new();
    let search = loc.search().unwrap_or_default();
    for kv in search.trim_start_matches('?').split('&') {
        if !kv.is_empty() && !kv.starts_with("present") && !kv.starts_with("embed") {
            q.push(if q.is_empty() { '?' } else { '&' });
            q.push_str(kv);
        }
    }
    format!("{origin}{path}{q}{}", view.to_hash())
}

/// The countdown, ticking while the automatic tour runs, and the QR code, drawn by the extras wasm for each
/// view while presenting (and only then: a reader never fetches the extras for it).
#[hook]
pub fn use_presenter(st: &AppState, ondispatch: &Callback<Action>, root: &NodeRef) -> Presenter {
    let countdown = use_state(|| TOUR_SECONDS);
    {
        let countdown = countdown.clone();
        let dispatch = ondispatch.clone();
        let root = root.clone();
        // Only while touring: a state set re-renders the whole app, which a reader's every view change must not pay.
        use_effect_with((st.present && st.touring, st.view.clone()), move |(touring, _)| {
            let interval = touring.then(|| {
                countdown.set(TOUR_SECONDS);
                let left = std::cell::Cell::new(TOUR_SECONDS);
                gloo::timers::callback::Interval::new(1000, move || {
                    let mut n = left.get().saturating_sub(1);
                    // A card (or text) longer than the screen is shown whole, a count per screen, before the tour
                    // moves on.
                    if n == 0 && crate::web::reveal_panel(root.cast(), true) {
                        n = TOUR_SECONDS;
                    }
                    left.set(n);
                    countdown.set(n);
                    if n == 0 {
                        dispatch.emit(Action::TourTick);
                    }
                })
            });
            move || drop(interval)
        });
    }
    // Until the code is drawn (a blink) the figure stays hidden (style.css).
    let qr = use_state(|| None::<(String, AttrValue)>);
    {
        let qr = qr.clone();
        use_effect_with(st.present.then(|| audience_url(&st.view)), move |url| match url.clone() {
            Some(url) => with_extras(Box::new(move |x| {
                if let Some(svg) = x.qr_svg(&url, 200) {
                    qr.set(Some((url, AttrValue::from(svg))));
                }
            })),
            // Presenting ended: no old code when it starts again.
            None if qr.is_some() => qr.set(None),
            None => {}
        });
    }
    Presenter { countdown, qr }
}

/// The strip. A plain function rather than a component (its state is in [`Presenter`]): each Yew component
/// costs about 0.7 KB gzip of wasm.
pub fn presenter_bar(st: &AppState, pr: &Presenter) -> Html {
    let s = strings(st.lang);
    let lang = st.lang;
    let countdown = &*pr.countdown;
    let progress = match &st.view {
        View::Stop(id) => TOUR.stop(id).map(|stop| {
            let g = TOUR.group(stop.group);
            format!(
                "{} {}/{} · {} {}/{}",
                g.map(|g| g.name.get(lang)).unwrap_or_default(),
                stop.order,
                g.map_or(0, |g| g.stops.len()),
                s.whole_tour,
                TOUR.position(id).unwrap_or(0),
                TOUR.stops.len()
            )
        }),
        View::Route(n) => TOUR.group(*n).map(|g| g.name.get(lang).to_string()),
        View::Start => Some(TOUR.labels.start.get(lang).to_string()),
        _ => None,
    }
    .unwrap_or_default();
    let qr = &pr.qr;
    let fullscreen = Callback::from(|_| crate::web::toggle_fullscreen());
    let fraction = match &st.view {
        View::Stop(id) => TOUR.position(id).unwrap_or(0) as f64 / TOUR.stops.len().max(1) as f64,
        _ => 0.0,
    };

    html! {
        <>
            <div class="ct-progress" role="progressbar" aria-valuemin="0" aria-valuemax="100"
                aria-valuenow={num(fraction * 100.0, 0)} aria-label={s.tour_progress}
                aria-valuetext={(!progress.is_empty()).then(|| progress.clone())}>
                <span style={format!("width:{}%", Fixed(fraction * 100.0, 1))}></span>
            </div>
            <div class="ct-present-bar">
                <span class="ct-progress-text">{ progress }</span>
                if st.touring { <span class="ct-countdown" aria-live="off">{ format!("{} {}", *countdown, s.tour_next_in) }</span> }
                <button type="button" class="ct-btn" onclick={fullscreen}>{ s.fullscreen }</button>
            </div>
            <figure class="ct-qr" data-url={qr.as_ref().map(|(url, _)| url.clone())}>
                { qr.as_ref().map(|(_, svg)| Html::from_html_unchecked(svg.clone())).unwrap_or_default() }
                <figcaption>{ s.scan }</figcaption>
            </figure>
            if st.blackout { <div class="ct-blackout" aria-hidden="true"></div> }
        </>
    }
}
