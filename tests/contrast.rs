//! The reader's themes are legible: text at least 4.5:1 (WCAG AA) on what it sits on, and in the dark
//! theme the routes (lifted towards white as CSS `color-mix(in srgb, route, #fff lift)` does) and the
//! markers' rings at least 3:1 against land, focus region and water (WCAG 1.4.11, non-text contrast).

use county_tour::bundle::TOUR;
use county_tour::palette::{Palette, DARK, LIGHT, NIGHT};

fn rgb(hex: &str) -> [f64; 3] {
    let h = hex.trim_start_matches('#');
    assert_eq!(h.len(), 6, "{hex}");
    let c = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).unwrap() as f64;
    [c(0), c(2), c(4)]
}

/// Relative luminance (WCAG 2).
fn luminance([r, g, b]: [f64; 3]) -> f64 {
    let lin = |c: f64| {
        let c = c / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

fn contrast(a: [f64; 3], b: [f64; 3]) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

/// `color-mix(in srgb, colour, #fff lift)`.
fn lifted(hex: &str, lift: &str) -> [f64; 3] {
    let p: f64 = lift.trim_end_matches('%').parse::<f64>().unwrap() / 100.0;
    rgb(hex).map(|c| c * (1.0 - p) + 255.0 * p)
}

fn text_pairs(p: &Palette) -> Vec<(&'static str, &'static str, &'static str)> {
    vec![
        ("ink on paper", p.ink, p.paper),
        ("muted on paper", p.muted, p.paper),
        ("ink on a button", p.ink, p.surface),
        ("the chosen tab", p.on_ink, p.ink),
        ("a card's background text", p.panel_ink, p.panel),
        ("a stop's name on its halo", p.ink, p.halo),
        ("a dimmed stop's name on the land", p.muted, p.land),
        ("a place name on its halo", p.place, p.halo),
        ("a water name on the water", p.water_name, p.water),
    ]
}

#[test]
fn text_is_aa_in_every_theme() {
    for (name, p) in [("light", LIGHT), ("night", NIGHT), ("projector", DARK)] {
        for (what, fg, bg) in text_pairs(&p) {
            let c = contrast(rgb(fg), rgb(bg));
            assert!(c >= 4.5, "{name}: {what} ({fg} on {bg}) is {c:.2}:1");
        }
        let focus = contrast(rgb(p.accent), rgb(p.paper));
        assert!(focus >= 3.0, "{name}: the focus ring is {focus:.2}:1");
    }
}

#[test]
fn dark_routes_and_markers_stand_out_from_land_and_water() {
    let grounds = [("land", NIGHT.land), ("focus region", NIGHT.focus), ("water", NIGHT.water)];
    for g in TOUR.groups.iter() {
        let route = lifted(&g.color, NIGHT.lift);
        for (ground, bg) in grounds {
            let c = contrast(route, rgb(bg));
            assert!(c >= 3.0, "group {}'s route {} lifted on {ground} is {c:.2}:1", g.number, g.color);
        }
    }
    for (ground, bg) in grounds {
        let c = contrast(rgb(NIGHT.edge), rgb(bg));
        assert!(c >= 3.0, "a marker's ring on {ground} is {c:.2}:1");
    }
    // The lift is what does it: the groups' own colours fall short on the dark land.
    assert!(TOUR.groups.iter().any(|g| contrast(rgb(&g.color), rgb(NIGHT.land)) < 3.0));
}

#[test]
fn the_light_theme_does_not_lift() {
    assert_eq!(LIGHT.lift, "0%");
    assert_eq!(lifted("#0072B2", LIGHT.lift), rgb("#0072B2"));
}
