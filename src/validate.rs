//! Content validation: every rule the tour data must keep, with errors that name the place and the field.

use std::collections::HashSet;
use std::fmt;

use crate::geo::Projection;
use crate::model::{Fact, Place, Text, Tour};

/// One thing wrong with the content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    /// Where: `stop "yiwu"`, `group 2`, `event`, `lesson 1`, `speaker "yuelu"`.
    pub place: String,
    /// Which field, as a path: `name.en`, `facts[2].tag`.
    pub field: String,
    pub problem: String,
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}, field {}: {}", self.place, self.field, self.problem)
    }
}

struct Checker {
    issues: Vec<Issue>,
}

impl Checker {
    fn push(&mut self, place: &str, field: &str, problem: impl Into<String>) {
        self.issues.push(Issue { place: place.to_string(), field: field.to_string(), problem: problem.into() });
    }

    fn text(&mut self, place: &str, field: &str, t: &Text) {
        match (t.zh.trim().is_empty(), t.en.trim().is_empty()) {
            (true, true) => self.push(place, field, "missing"),
            (true, false) => self.push(place, &format!("{field}.zh"), "missing translation"),
            (false, true) => self.push(place, &format!("{field}.en"), "missing translation"),
            (false, false) => {}
        }
    }

    fn facts(&mut self, place: &str, field: &str, facts: &[Fact]) {
        for (i, f) in facts.iter().enumerate() {
            let at = format!("{field}[{i}]");
            if f.tag.is_none() {
                self.push(
                    place,
                    &format!("{at}.tag"),
                    "untagged fact (tag must be \"A\" for reported or \"B\" for background)",
                );
            }
            self.text(place, &at, &Text { zh: f.zh.clone(), en: f.en.clone() });
        }
    }

    fn point(&mut self, place: &str, lon: f64, lat: f64, map: &Projection) {
        if !map.contains(lon, lat) {
            self.push(
                place,
                "lon/lat",
                format!(
                    "coordinate outside the map ({lon}, {lat} is not within lon {}..{}, lat {}..{})",
                    map.lon0, map.lon1, map.lat0, map.lat1
                ),
            );
        }
    }

    fn place(&mut self, who: &str, p: &Place, map: &Projection) {
        self.text(who, "name", &p.name);
        self.text(who, "city", &p.city);
        self.text(who, "province", &p.province);
        self.point(who, p.lon, p.lat, map);
        self.facts(who, "facts", &p.facts);
    }
}

fn is_id(s: &str) -> bool {
    !s.is_empty() && s.len() <= 32 && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Check the whole tour; an empty list means it is fit to show.
pub fn validate(t: &Tour) -> Vec<Issue> {
    let mut c = Checker { issues: Vec::new() };
    let e = &t.event;
    c.text("event", "title", &e.title);
    c.text("event", "headline", &e.headline);
    if e.source.zh.trim().is_empty() && e.source.en.trim().is_empty() {
        c.push("event", "source", "empty source");
    } else {
        c.text("event", "source", &e.source);
    }
    for (i, th) in e.themes.iter().enumerate() {
        c.text("event", &format!("themes[{i}]"), th);
    }
    c.facts("event", "facts", &e.facts);
    c.facts("event", "why", &e.why);
    let l = &t.labels;
    for (field, text) in [
        ("map", &l.map),
        ("start", &l.start),
        ("start_note", &l.start_note),
        ("why", &l.why),
        ("lessons", &l.lessons),
        ("takeaways", &l.takeaways),
        ("takeaways_link", &l.takeaways_link),
    ] {
        c.text("labels", field, text);
    }

    let start = format!("start \"{}\"", t.start.id);
    if !is_id(&t.start.id) {
        c.push(&start, "id", "not a valid id (lowercase letters, digits and '-')");
    }
    c.place(&start, &t.start, &Projection::DELTA);

    if t.groups.len() as u32 != e.group_count {
        c.push("event", "group_count", format!("says {} but there are {} groups", e.group_count, t.groups.len()));
    }
    let parts: u32 = e.top100.parts.iter().map(|p| p.count).sum();
    if e.top100.total > 0 && parts != e.top100.total {
        c.push("event", "top100", format!("its parts add up to {parts}, not the total {}", e.top100.total));
    }
    if t.stops.len() as u32 != e.place_count {
        c.push("event", "place_count", format!("says {} but there are {} stops", e.place_count, t.stops.len()));
    }
    for (i, g) in t.groups.iter().enumerate() {
        let who = format!("group {}", g.number);
        if g.number as usize != i + 1 {
            c.push(&who, "number", format!("groups must be numbered 1, 2, 3… in order; expected {}", i + 1));
        }
        c.text(&who, "name", &g.name);
        if g.color.trim().is_empty() {
            c.push(&who, "color", "missing");
        }
        if g.stops.is_empty() {
            c.push(&who, "stops", "no stops");
        }
        for (j, id) in g.stops.iter().enumerate() {
            if !t.stops.iter().any(|s| &s.id == id) {
                c.push(&who, &format!("stops[{j}]"), format!("unknown stop \"{id}\""));
            }
        }
    }

    let mut seen = HashSet::new();
    for s in t.stops.iter() {
        let who = format!("stop \"{}\"", s.id);
        if !is_id(&s.id) {
            c.push(&who, "id", "not a valid id (lowercase letters, digits and '-')");
        } else if s.id == t.start.id || s.id == "hunan" || s.id == "route" {
            c.push(&who, "id", "reserved id");
        }
        if !seen.insert(&*s.id) {
            c.push(&who, "id", "duplicate id");
        }
        match t.groups.iter().find(|g| g.number == s.group) {
            None => c.push(&who, "group", format!("unknown group {}", s.group)),
            Some(g) => match g.stops.iter().position(|id| id == &s.id) {
                None => c.push(&who, "group", format!("not listed in group {}'s stops", s.group)),
                Some(pos) if pos + 1 != s.order as usize => c.push(
                    &who,
                    "order",
                    format!("is {} but the stop is number {} in group {}", s.order, pos + 1, s.group),
                ),
                Some(_) => {}
            },
        }
        c.text(&who, "name", &s.name);
        c.text(&who, "short", &s.short);
        c.text(&who, "city", &s.city);
        c.text(&who, "province", &s.province);
        c.point(&who, s.lon, s.lat, &Projection::DELTA);
        c.facts(&who, "facts", &s.facts);
    }

    for l in t.lessons.iter() {
        let who = format!("lesson {}", l.number);
        c.text(&who, "title", &l.title);
        c.text(&who, "summary", &l.summary);
        for (i, ex) in l.examples.iter().enumerate() {
            if ex.place != t.start.id && !t.stops.iter().any(|s| s.id == ex.place) {
                c.push(&who, &format!("examples[{i}].place"), format!("unknown place \"{}\"", ex.place));
            }
            c.text(&who, &format!("examples[{i}].text"), &ex.text);
        }
    }

    if !t.hunan.speakers.is_empty() {
        c.text("hunan", "intro", &t.hunan.intro);
    }
    for sp in t.hunan.speakers.iter() {
        let who = format!("speaker \"{}\"", sp.id);
        c.text(&who, "name", &sp.name);
        c.text(&who, "post", &sp.post);
        c.text(&who, "gist", &sp.gist);
        c.place(&who, &sp.place, &Projection::HUNAN);
    }
    c.issues
}
