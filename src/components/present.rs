//! The presenter's strip: progress ("第一组 3/7 · 全程 3/18"), the automatic tour's countdown,
//! fullscreen, and a QR code of the current stop's link for the audience's phones.

use yew::prelude::*;

use crate::bundle::TOUR;
use crate::lazy::with_extras;
use crate::num::Fixed;

use crate::route::View;
use crate::state::{Action, AppState};
use crate::strings::strings;

#[derive(Properties, PartialEq)]
pub struct PresenterBarProps {
    pub state: AppState,
    pub ondispatch: Callback<Action>,
}

/// Seconds per stop on the automatic tour.
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

#[function_component(PresenterBar)]
pub fn presenter_bar(p: &PresenterBarProps) -> Html {
    let st = &p.state;
    let s = strings(st.lang);
    let lang = st.lang;
    let countdown = use_state(|| TOUR_SECONDS);

    // The automatic tour: a visible countdown, then the next stop.
    {
        let countdown = countdown.clone();
        let dispatch = p.ondispatch.clone();
        use_effect_with((st.touring, st.view.clone()), move |(touring, _)| {
            countdown.set(TOUR_SECONDS);
            let interval = touring.then(|| {
                let left = std::cell::Cell::new(TOUR_SECONDS);
                gloo::timers::callback::Interval::new(1000, move || {
                    let n = left.get().saturating_sub(1);
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
        _ => None,
    }
    .unwrap_or_default();
    // The QR code comes from the extras wasm, fetched when presenting starts; until then (a blink) the
    // figure stays hidden (style.css). It carries the link it encodes.
    let url = audience_url(&st.view);
    let qr = use_state(|| None::<(String, AttrValue)>);
    {
        let qr = qr.clone();
        use_effect_with(url, move |url| {
            let url = url.clone();
            with_extras(move |x| {
                if let Some(svg) = x.qr_svg(&url, 200) {
                    qr.set(Some((url, AttrValue::from(svg))));
                }
            });
        });
    }
    let fullscreen = Callback::from(|_| crate::web::toggle_fullscreen());
    let fraction = match &st.view {
        View::Stop(id) => TOUR.position(id).unwrap_or(0) as f64 / TOUR.stops.len().max(1) as f64,
        _ => 0.0,
    };

    html! {
        <>
            <div class="ct-progress" role="progressbar" aria-valuemin="0" aria-valuemax="100"
                aria-valuenow={Fixed(fraction * 100.0, 0).to_string()} aria-label={progress.clone()}>
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
