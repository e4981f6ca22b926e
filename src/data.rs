//! The content's look-ups and stop order, and (off the wasm target) reading it from JSON.

#[cfg(not(target_arch = "wasm32"))]
pub use parse::{load, LoadError, TOUR_JSON};

use crate::address::View;
use crate::geo::{great_circle_km, Point, Projection};
use crate::model::{Group, Stop, Tour};

/// Reading content from JSON: what `build.rs` does before the widget is compiled, and what tests
/// do with broken fixtures.
#[cfg(not(target_arch = "wasm32"))]
mod parse {
    use std::fmt;

    use crate::model::Tour;
    use crate::validate::{validate, Issue};

    /// The tour data as edited: assets/tour.json, or the file `COUNTY_TOUR` named at build time (build.rs).
    pub const TOUR_JSON: &str = include_str!(env!("COUNTY_TOUR_JSON"));

    /// Why content could not be shown.
    #[derive(Clone, Debug, PartialEq)]
    pub enum LoadError {
        /// Not valid JSON, or a value of the wrong type.
        Parse(String),
        /// Valid JSON that breaks a content rule.
        Invalid(Vec<Issue>),
    }

    impl fmt::Display for LoadError {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            match self {
                LoadError::Parse(e) => write!(f, "tour.json cannot be read: {e}"),
                LoadError::Invalid(issues) => {
                    write!(f, "tour.json has {} problem(s):", issues.len())?;
                    for i in issues {
                        write!(f, "\n- {i}")?;
                    }
                    Ok(())
                }
            }
        }
    }

    /// Parse and validate tour JSON.
    pub fn load(json: &str) -> Result<Tour, LoadError> {
        let tour: Tour = serde_json::from_str(json).map_err(|e| LoadError::Parse(e.to_string()))?;
        let issues = validate(&tour);
        if issues.is_empty() {
            Ok(tour)
        } else {
            Err(LoadError::Invalid(issues))
        }
    }
}

/// One leg of a route, from the previous place (the start for the first stop).
#[derive(Clone, Debug, PartialEq)]
pub struct Leg {
    pub to: String,
    pub km: f64,
}

impl Tour {
    pub fn stop(&self, id: &str) -> Option<&Stop> {
        self.stops.iter().find(|s| s.id == id)
    }

    pub fn group(&self, number: u8) -> Option<&Group> {
        self.groups.iter().find(|g| g.number == number)
    }

    pub fn stops_of(&self, number: u8) -> impl Iterator<Item = &Stop> {
        self.group(number).into_iter().flat_map(move |g| g.stops.iter().filter_map(move |id| self.stop(id)))
    }

    /// Every stop in reading order: group 1 in order, then group 2, then group 3.
    pub fn sequence(&self) -> impl Iterator<Item = &Stop> {
        self.groups.iter().flat_map(move |g| self.stops_of(g.number))
    }

    /// The stop after this view: from the overview the first stop, from a route its first stop,
    /// from a stop the next one, carrying on into the next group. `None` at the very end.
    pub fn next(&self, view: &View) -> Option<View> {
        let seq: Vec<&Stop> = self.sequence().collect();
        let to = match view {
            View::Overview | View::Hunan | View::Start => seq.first().copied(),
            View::Route(n) => self.stops_of(*n).next(),
            View::Stop(id) => seq.iter().position(|s| &s.id == id).and_then(|i| seq.get(i + 1).copied()),
        };
        to.map(|s| View::Stop(s.id.to_string()))
    }

    /// The stop before this view; from the first stop, back to the overview.
    pub fn prev(&self, view: &View) -> Option<View> {
        let seq: Vec<&Stop> = self.sequence().collect();
        match view {
            View::Stop(id) => match seq.iter().position(|s| &s.id == id) {
                Some(0) => Some(View::Overview),
                Some(i) => Some(View::Stop(seq[i - 1].id.to_string())),
                None => Some(View::Overview),
            },
            View::Route(n) => self.stops_of(*n).last().map(|s| View::Stop(s.id.to_string())),
            View::Start => Some(View::Overview),
            View::Overview | View::Hunan => None,
        }
    }

    /// The view a URL hash names in this tour (see [`crate::address::parse_hash`]).
    pub fn view_of_hash(&self, hash: &str) -> View {
        crate::address::parse_hash(hash, |id| self.stop(id).is_some(), &self.start.id, self.groups.len() as u8)
    }

    pub fn first(&self) -> Option<View> {
        self.sequence().next().map(|s| View::Stop(s.id.to_string()))
    }

    pub fn last(&self) -> Option<View> {
        self.sequence().last().map(|s| View::Stop(s.id.to_string()))
    }

    /// 1-based position of a stop in the whole tour, for "全程 3/18".
    pub fn position(&self, id: &str) -> Option<usize> {
        self.sequence().position(|s| s.id == id).map(|i| i + 1)
    }

    /// The group a view belongs to, if any.
    pub fn group_of(&self, view: &View) -> Option<u8> {
        match view {
            View::Route(n) => Some(*n),
            View::Stop(id) => self.stop(id).map(|s| s.group),
            _ => None,
        }
    }

    /// Straight-line legs of a group's route, starting from the opening city.
    pub fn legs(&self, number: u8) -> Vec<Leg> {
        let mut from = (self.start.lon, self.start.lat);
        self.stops_of(number)
            .map(|s| {
                let km = great_circle_km(from.0, from.1, s.lon, s.lat);
                from = (s.lon, s.lat);
                Leg { to: s.id.to_string(), km }
            })
            .collect()
    }

    /// Projected position of a stop on the delta map.
    pub fn stop_point(&self, s: &Stop) -> Point {
        Projection::DELTA.project(s.lon, s.lat)
    }

    pub fn start_point(&self) -> Point {
        Projection::DELTA.project(self.start.lon, self.start.lat)
    }
}
