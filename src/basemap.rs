//! The projected base maps (delta and Hunan inset) made by `tools/basemap`, compiled in as data.

use serde::Deserialize;

use crate::geo::Projection;
use crate::model::{Lang, Text};

pub const DELTA_JSON: &str = include_str!("../assets/basemap.json");
pub const HUNAN_JSON: &str = include_str!("../assets/hunan-basemap.json");

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Basemap {
    pub credit: String,
    pub width: f64,
    pub height: f64,
    pub projection: Projection,
    pub layers: Layers,
    #[serde(default)]
    pub labels: Vec<MapLabel>,
}

/// One SVG path per layer, in map units.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct Layers {
    pub land: String,
    pub focus: String,
    pub lakes: String,
    pub rivers: String,
    pub borders: String,
    pub coast: String,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct MapLabel {
    pub zh: String,
    pub en: String,
    pub x: f64,
    pub y: f64,
    /// province, lake, river or sea
    pub kind: String,
}

impl MapLabel {
    pub fn text(&self, lang: Lang) -> &str {
        Text::get_pair(&self.zh, &self.en, lang)
    }
}

impl Text {
    pub fn get_pair<'a>(zh: &'a str, en: &'a str, lang: Lang) -> &'a str {
        match lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

pub fn parse(json: &str) -> Result<Basemap, String> {
    serde_json::from_str(json).map_err(|e| e.to_string())
}
