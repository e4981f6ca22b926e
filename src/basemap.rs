//! The projected base maps (delta and Hunan inset) made by `tools/basemap`, read at build time.

use crate::geo::Projection;
use crate::model::{Lang, List, Str};

#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize, serde::Deserialize))]
pub struct Basemap {
    pub credit: Str,
    pub width: f64,
    pub height: f64,
    pub projection: Projection,
    pub layers: Layers,
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub labels: List<MapLabel>,
    /// For a detail map, the box it covers (x0, y0, x1, y1 in map units); empty for a whole map.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub bbox: List<f64>,
}

/// One SVG path per layer, in map units.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize, serde::Deserialize), serde(default))]
pub struct Layers {
    pub land: Str,
    pub focus: Str,
    pub lakes: Str,
    pub rivers: Str,
    pub borders: Str,
    pub coast: Str,
}

impl Layers {
    /// The six layers as SVG path elements, bottom to top, with the classes the widget styles: the markup
    /// the extras wasm hands over for the Hunan inset (the widget draws its other maps with `layer_paths`).
    pub fn svg_paths(&self) -> String {
        let layers = [
            ("land", &self.land),
            ("focus", &self.focus),
            ("lakes", &self.lakes),
            ("rivers", &self.rivers),
            ("borders", &self.borders),
            ("coast", &self.coast),
        ];
        let mut out = String::new();
        for (name, d) in layers {
            // Path data is letters, digits, spaces, dots and minus signs; anything that could end the
            // attribute leaves the layer empty rather than breaking the markup.
            let d = if d.contains(['"', '<', '&']) { "" } else { d.as_ref() };
            out.push_str(&format!(r#"<path class="ct-{name}" d="{d}"/>"#));
        }
        out
    }
}

#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize, serde::Deserialize))]
pub struct MapLabel {
    pub zh: Str,
    pub en: Str,
    pub x: f64,
    pub y: f64,
    /// province, lake, river or sea
    pub kind: Str,
}

impl MapLabel {
    pub fn text(&self, lang: Lang) -> &str {
        lang.pick(&self.zh, &self.en)
    }
}

/// The generator's JSON files, for the build script and native tests.
#[cfg(not(target_arch = "wasm32"))]
pub mod json {
    pub const DELTA: &str = include_str!("../assets/basemap.json");
    pub const HUNAN: &str = include_str!("../assets/hunan-basemap.json");
    pub const DETAIL: &str = include_str!("../assets/basemap-detail.json");

    pub fn parse(json: &str) -> Result<super::Basemap, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layers_as_svg_are_six_paths_bottom_to_top() {
        let l = Layers { land: "M0 0h9z".into(), coast: "M5 5l1 1".into(), ..Layers::default() };
        let svg = l.svg_paths();
        assert!(svg.starts_with(r#"<path class="ct-land" d="M0 0h9z"/><path class="ct-focus" d=""/>"#), "{svg}");
        assert!(svg.ends_with(r#"<path class="ct-coast" d="M5 5l1 1"/>"#), "{svg}");
        assert_eq!(svg.matches("<path ").count(), 6);
        let junk = Layers { land: r#"M0 0"/><script>"#.into(), ..Layers::default() };
        assert!(junk.svg_paths().starts_with(r#"<path class="ct-land" d=""/>"#));
    }
}
