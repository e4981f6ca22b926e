#![cfg(not(target_arch = "wasm32"))]
//! Walking the tour: next/previous across groups, keys, the URL hash, and route distances.

use county_tour::address::{parse_hash, View};
use county_tour::data::{load, TOUR_JSON};
use county_tour::geo::great_circle_km;
use county_tour::state::{key_action, reveal, Action, AppState};

fn tour() -> county_tour::model::Tour {
    load(TOUR_JSON).unwrap()
}

fn stop(id: &str) -> View {
    View::Stop(id.into())
}

#[test]
fn next_walks_the_group_and_carries_on_into_the_next() {
    let t = tour();
    assert_eq!(t.next(&stop("yuhang")), Some(stop("yiwu")));
    assert_eq!(t.next(&stop("jiangyin")), Some(stop("haining")));
    assert_eq!(t.next(&stop("changshu")), Some(stop("yuyao")));
    assert_eq!(t.next(&stop("rugao")), None);
    assert_eq!(t.next(&View::Overview), Some(stop("yuhang")));
    assert_eq!(t.next(&View::Route(3)), Some(stop("yuyao")));
}

#[test]
fn prev_walks_back_and_leaves_to_the_overview() {
    let t = tour();
    assert_eq!(t.prev(&stop("haining")), Some(stop("jiangyin")));
    assert_eq!(t.prev(&stop("yuhang")), Some(View::Overview));
    assert_eq!(t.prev(&View::Overview), None);
}

#[test]
fn the_opening_city_is_a_card_outside_the_numbered_walk() {
    let t = tour();
    // From 杭州's card the walk starts at the first stop, and goes back to the overview; the route order
    // and the 18 stops do not change.
    assert_eq!(t.next(&View::Start), Some(stop("yuhang")));
    assert_eq!(t.prev(&View::Start), Some(View::Overview));
    assert_eq!(t.prev(&stop("yuhang")), Some(View::Overview));
    assert_eq!(t.sequence().count(), 18);
    assert_eq!(t.group_of(&View::Start), None);
    let s = AppState::default().apply(&t, Action::Show(View::Start));
    assert_eq!(s.view, View::Start);
    assert_eq!(s.apply(&t, Action::Next).view, stop("yuhang"));
    assert_eq!(s.apply(&t, Action::Escape).view, View::Overview);
    assert_eq!(View::Start.to_hash(), "#/hangzhou");
}

#[test]
fn keys_drive_the_state() {
    let t = tour();
    let mut s = AppState { view: stop("yuhang"), ..Default::default() };
    s = s.apply(&t, key_action("ArrowRight", false).unwrap());
    assert_eq!(s.view, stop("yiwu"));
    s = s.apply(&t, key_action("ArrowLeft", false).unwrap());
    assert_eq!(s.view, stop("yuhang"));
    s = s.apply(&t, key_action("Escape", false).unwrap());
    assert_eq!(s.view, View::Overview);
    // Clicker keys only act in presenter mode, so they never steal the article's own PageDown.
    assert_eq!(key_action("PageDown", false), None);
    s.present = true;
    s = s.apply(&t, key_action("PageDown", true).unwrap());
    assert_eq!(s.view, stop("yuhang"));
    s = s.apply(&t, key_action("End", true).unwrap());
    assert_eq!(s.view, stop("rugao"));
    s = s.apply(&t, key_action("2", true).unwrap());
    assert_eq!(s.view, View::Route(2));
    // A number key picks any group the tour has; one it does not have, or 0, changes nothing.
    assert_eq!(key_action("9", true), Some(Action::Show(View::Route(9))));
    assert_eq!(s.apply(&t, key_action("4", true).unwrap()).view, View::Route(2));
    assert_eq!(key_action("0", true), None);
    assert_eq!(key_action("12", true), None);
    // In presenter mode Esc first leaves the presentation, keeping the view.
    s = s.apply(&t, Action::Escape);
    assert!(!s.present);
    assert_eq!(s.view, View::Route(2));
}

#[test]
fn blackout_and_tour_belong_to_presenter_mode() {
    let t = tour();
    let s = AppState::default().apply(&t, Action::ToggleBlackout);
    assert!(!s.blackout);
    let p = AppState { present: true, ..Default::default() };
    let b = p.apply(&t, Action::ToggleBlackout);
    assert!(b.blackout);
    assert!(!b.apply(&t, Action::Escape).blackout);
    let touring = p.apply(&t, Action::ToggleTour);
    assert!(touring.touring);
    let ticked = touring.apply(&t, Action::TourTick);
    assert_eq!(ticked.view, stop("yuhang"));
    assert!(ticked.touring);
    let stopped = ticked.apply(&t, Action::Next);
    assert!(!stopped.touring, "any key stops the automatic tour");
}

#[test]
fn the_map_follows_the_view_when_told_and_that_stops_no_tour() {
    let t = tour();
    let s = AppState { present: true, ..Default::default() }.apply(&t, Action::ToggleTour);
    let ticked = s.apply(&t, Action::TourTick);
    assert_eq!((ticked.view.clone(), ticked.map_view.clone()), (stop("yuhang"), View::Overview), "the card first");
    let followed = ticked.apply(&t, Action::MapFollows);
    assert_eq!(followed.map_view, stop("yuhang"));
    assert!(followed.touring, "the map following is not a reader's action");
    // Back from the Hunan view, which has no route map, the map is at the new view at once.
    let hunan = AppState::default().apply(&t, Action::Show(View::Hunan));
    assert_eq!(hunan.map_view, View::Hunan);
    let back = hunan.apply(&t, Action::Escape);
    assert_eq!((back.view, back.map_view), (View::Overview, View::Overview));
}

#[test]
fn the_hidden_card_comes_and_goes_and_changes_nothing_else() {
    let t = tour();
    let s = AppState { present: true, ..Default::default() }.apply(&t, Action::ToggleTour);
    let on = s.apply(&t, Action::Warm(true));
    assert!(on.warm);
    assert_eq!(AppState { warm: false, ..on.clone() }, s, "only the hidden card changes");
    assert!(on.touring, "drawing it is not a reader's action");
    let off = on.apply(&t, Action::Warm(false));
    assert_eq!(off, s);
}

#[test]
fn unknown_targets_leave_the_view_alone() {
    let t = tour();
    let s = AppState { view: stop("yiwu"), ..Default::default() };
    assert_eq!(s.apply(&t, Action::Show(stop("atlantis"))).view, stop("yiwu"));
    assert_eq!(s.apply(&t, Action::Show(View::Route(9))).view, stop("yiwu"));
}

#[test]
fn every_public_id_is_a_deep_link() {
    let t = tour();
    for s in t.stops.iter() {
        let v = t.view_of_hash(&format!("#/{}", s.id));
        assert_eq!(v, stop(&s.id));
    }
    assert_eq!(t.view_of_hash("#/route/2"), View::Route(2));
    // The opening city has a card of its own, and is not a stop.
    assert_eq!(t.view_of_hash("#/hangzhou"), View::Start);
    assert_eq!(parse_hash("#/hangzhou", |id| t.stop(id).is_some(), "", 3), View::Overview, "a tour without a start");
    assert!(t.stop("hangzhou").is_none());
}

/// Spherical law of cosines: an independent formula to check the app's haversine against.
fn cosine_law_km(lon1: f64, lat1: f64, lon2: f64, lat2: f64) -> f64 {
    let (p1, p2, dl) = (lat1.to_radians(), lat2.to_radians(), (lon2 - lon1).to_radians());
    (p1.sin() * p2.sin() + p1.cos() * p2.cos() * dl.cos()).clamp(-1.0, 1.0).acos() * 6371.0088
}

#[test]
fn leg_distances_match_an_independent_formula() {
    let t = tour();
    for g in t.groups.iter() {
        let legs = t.legs(g.number);
        assert_eq!(legs.len(), g.stops.len());
        let mut from = (t.start.lon, t.start.lat);
        for leg in &legs {
            let s = t.stop(&leg.to).unwrap();
            let want = cosine_law_km(from.0, from.1, s.lon, s.lat);
            assert!((leg.km - want).abs() < 0.5, "{}: {} vs {}", leg.to, leg.km, want);
            assert!((leg.km - great_circle_km(from.0, from.1, s.lon, s.lat)).abs() < 1e-9);
            from = (s.lon, s.lat);
        }
    }
    // Hangzhou to Yuhang (the first leg of group 1) is short: the district borders the city centre.
    assert!(t.legs(1)[0].km < 25.0);
}

#[test]
fn a_presenters_next_shows_the_rest_of_a_long_card_before_moving_on() {
    // A card of 1500 px in a panel of 870: one press shows the rest of it, the next moves on.
    let (seen, total) = (870.0, 1500.0);
    let first = reveal(0.0, seen, total, true).unwrap();
    assert_eq!(first, 630.0, "to the end, which is nearer than 0.8 of a screen");
    assert_eq!(reveal(first, seen, total, true), None, "at the end: the next stop");
    // A longer card goes on by 0.8 of a screen, so the audience keeps a few lines in view.
    assert_eq!(reveal(0.0, seen, 3000.0, true), Some(696.0));
    assert_eq!(reveal(696.0, seen, 3000.0, true), Some(1392.0));
    // Back: up by the same steps to the top, then the previous stop.
    assert_eq!(reveal(630.0, seen, total, false), Some(0.0));
    assert_eq!(reveal(1000.0, seen, 3000.0, false), Some(304.0));
    assert_eq!(reveal(0.0, seen, total, false), None);
    // A card that fits, or a scroll offset a pixel off its end, moves on at once.
    assert_eq!(reveal(0.0, seen, seen, true), None);
    assert_eq!(reveal(0.0, seen, 600.0, true), None);
    assert_eq!(reveal(629.4, seen, total, true), None);
    assert_eq!(reveal(1.5, seen, total, false), None);
}
