//! The view state and the one function that changes it; the URL hash mirrors `view`.

use crate::address::View;
use crate::model::{Lang, Tour};

#[derive(Clone, Debug, PartialEq, Default)]
pub struct AppState {
    pub view: View,
    pub lang: Lang,
    /// Presenter mode for a projector.
    pub present: bool,
    /// Inside a frame: no page chrome.
    pub embed: bool,
    /// Presenter's black screen (B).
    pub blackout: bool,
    /// The presenter's automatic tour is running.
    pub touring: bool,
    /// The view the map shows: `view`, one frame after it changes (`Action::MapFollows`), so that the card
    /// a tap opens is painted before the map's render for it.
    pub map_view: View,
    /// A card is drawn where no one sees it, once as the page starts on the overview, so that the reader's
    /// first tap does not pay for the card's code running for the first time (`Action::Warm`).
    pub warm: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Show(View),
    Next,
    Prev,
    First,
    Last,
    Escape,
    SetLang(Lang),
    TogglePresent,
    ToggleBlackout,
    ToggleTour,
    /// The automatic tour's timer fired.
    TourTick,
    /// The frame showing the new view has been painted: the map follows.
    MapFollows,
    /// Draw the hidden card (true), then drop it (false).
    Warm(bool),
}

impl AppState {
    /// The state after `action`. Unknown targets (a stop id that does not exist) leave the view as it was.
    pub fn apply(&self, tour: &Tour, action: Action) -> AppState {
        let mut s = self.clone();
        // Any reader action stops the automatic tour; only its own tick keeps it going.
        if !matches!(action, Action::ToggleTour | Action::TourTick | Action::MapFollows | Action::Warm(_)) {
            s.touring = false;
        }
        match action {
            Action::Show(v) => {
                if valid(tour, &v) {
                    s.view = v;
                }
                s.blackout = false;
            }
            Action::Next => s.view = tour.next(&s.view).unwrap_or(s.view),
            Action::Prev => s.view = tour.prev(&s.view).unwrap_or(s.view),
            Action::First => s.view = tour.first().unwrap_or(s.view),
            Action::Last => s.view = tour.last().unwrap_or(s.view),
            Action::Escape => {
                if s.blackout {
                    s.blackout = false;
                } else if s.present {
                    s.present = false;
                } else {
                    s.view = View::Overview;
                }
            }
            Action::SetLang(l) => s.lang = l,
            Action::TogglePresent => {
                s.present = !s.present;
                s.blackout = false;
            }
            Action::ToggleBlackout => s.blackout = s.present && !s.blackout,
            Action::ToggleTour => s.touring = s.present && !self.touring,
            Action::MapFollows => s.map_view = s.view.clone(),
            Action::Warm(on) => s.warm = on,
            Action::TourTick => {
                if s.touring {
                    match tour.next(&s.view) {
                        Some(v) => s.view = v,
                        None => s.touring = false,
                    }
                }
            }
        }
        // To or from the Hunan view, which has no route map, there is no flight to put after the card: the
        // map is drawn afresh at the new view at once.
        if self.view == View::Hunan || s.view == View::Hunan {
            s.map_view = s.view.clone();
        }
        s
    }
}

fn valid(tour: &Tour, v: &View) -> bool {
    match v {
        View::Stop(id) => tour.stop(id).is_some(),
        View::Route(n) => tour.group(*n).is_some(),
        View::Start => !tour.start.id.is_empty(),
        View::Overview | View::Hunan => true,
    }
}

/// The action a key press means, by `KeyboardEvent.key`. Presenter mode adds the keys that
/// clickers send and the presenter's own; outside it, letters other than P are left to the page.
pub fn key_action(key: &str, present: bool) -> Option<Action> {
    let a = match key {
        "ArrowRight" => Action::Next,
        "ArrowLeft" => Action::Prev,
        "Escape" | "Esc" => Action::Escape,
        "p" | "P" => Action::TogglePresent,
        _ if !present => return None,
        "PageDown" | "ArrowDown" => Action::Next,
        "PageUp" | "ArrowUp" => Action::Prev,
        "Home" => Action::First,
        "End" => Action::Last,
        // A group by its number, 1 to 9; a number with no group leaves the view alone (`apply`).
        _ if key.len() == 1 && matches!(key.as_bytes()[0], b'1'..=b'9') => {
            Action::Show(View::Route(key.as_bytes()[0] - b'0'))
        }
        "b" | "B" | "." => Action::ToggleBlackout,
        " " | "Spacebar" => Action::ToggleTour,
        _ => return None,
    };
    Some(a)
}

/// Where a presenter's "next" (`forward`) or "previous" scrolls a panel longer than the screen (a card, the
/// overview's text) before the key moves to another view: most of a screen on, so the audience sees all of it and
/// keeps a few lines for context. `top` is the panel's scroll offset, `seen` its height, `total` its content's;
/// `None` when it already shows its end (its start, going back): the key then moves on.
pub fn reveal(top: f64, seen: f64, total: f64, forward: bool) -> Option<f64> {
    // Scroll offsets may be fractional while the content's height is rounded: within 2 px is the end.
    let (end, step) = ((total - seen).max(0.0), seen * 0.8);
    if forward {
        (top < end - 2.0).then(|| (top + step).min(end))
    } else {
        (top > 2.0).then(|| (top - step).max(0.0))
    }
}
