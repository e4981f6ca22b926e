//! Map projection and distances: the same formula the base-map generator uses, so stops line up.

use crate::num::{cos, sin};

/// Equirectangular projection scaled by cos(ref_lat), framed to a lon/lat box that is `width` units wide.
///
/// At this scale (a few hundred km) it is accurate to well under a pixel against a conformal
/// projection, and it is two lines of code, identical in `tools/basemap/generate.py`.
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize, serde::Deserialize))]
pub struct Projection {
    pub lon0: f64,
    pub lon1: f64,
    pub lat0: f64,
    pub lat1: f64,
    pub ref_lat: f64,
}

/// A point in map units (x right, y down).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

impl Point {
    pub fn new(x: f64, y: f64) -> Self {
        Self { x, y }
    }
    pub fn dist(self, o: Point) -> f64 {
        ((self.x - o.x).powi(2) + (self.y - o.y).powi(2)).sqrt()
    }
}

/// The width of every projected map in map units.
pub const MAP_WIDTH: f64 = 1000.0;

impl Projection {
    /// The Yangtze River Delta view of the tour.
    pub const DELTA: Projection = Projection { lon0: 114.0, lon1: 123.5, lat0: 26.5, lat1: 35.5, ref_lat: 31.0 };
    /// The Hunan inset.
    pub const HUNAN: Projection = Projection { lon0: 108.5, lon1: 114.5, lat0: 24.5, lat1: 30.5, ref_lat: 27.5 };

    fn k(&self) -> f64 {
        cos(self.ref_lat.to_radians())
    }

    /// Map units per degree of latitude.
    pub fn scale(&self) -> f64 {
        MAP_WIDTH / ((self.lon1 - self.lon0) * self.k())
    }

    pub fn height(&self) -> f64 {
        (self.lat1 - self.lat0) * self.scale()
    }

    pub fn project(&self, lon: f64, lat: f64) -> Point {
        let s = self.scale();
        Point { x: (lon - self.lon0) * self.k() * s, y: (self.lat1 - lat) * s }
    }

    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        lon.is_finite()
            && lat.is_finite()
            && (self.lon0..=self.lon1).contains(&lon)
            && (self.lat0..=self.lat1).contains(&lat)
    }
}

/// Mean Earth radius (IUGG), km.
const EARTH_RADIUS_KM: f64 = 6371.0088;

/// Great-circle distance in km between two lon/lat points (haversine).
pub fn great_circle_km(lon1: f64, lat1: f64, lon2: f64, lat2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = sin(dp / 2.0).powi(2) + cos(p1) * cos(p2) * sin(dl / 2.0).powi(2);
    2.0 * EARTH_RADIUS_KM * a.sqrt().min(1.0).asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delta_frame_is_1000_wide_and_corners_map_to_corners() {
        let p = Projection::DELTA;
        let tl = p.project(114.0, 35.5);
        let br = p.project(123.5, 26.5);
        assert!(tl.x.abs() < 1e-9 && tl.y.abs() < 1e-9);
        assert!((br.x - 1000.0).abs() < 1e-9);
        assert!((br.y - p.height()).abs() < 1e-9);
        assert!((p.height() - 1105.23).abs() < 0.01, "height {}", p.height());
    }

    #[test]
    fn north_is_up_and_east_is_right() {
        let p = Projection::DELTA;
        let hz = p.project(120.16, 30.29);
        let jy = p.project(120.26, 31.91);
        assert!(jy.y < hz.y);
        assert!(jy.x > hz.x);
    }

    #[test]
    fn one_degree_of_latitude_is_about_111_km() {
        let d = great_circle_km(120.0, 30.0, 120.0, 31.0);
        assert!((d - 111.2).abs() < 0.3, "{d}");
        assert_eq!(great_circle_km(120.0, 30.0, 120.0, 30.0), 0.0);
    }

    #[test]
    fn hangzhou_to_yiwu_is_about_105_km() {
        // Straight-line distance between the city centres, a known figure of roughly 100–110 km.
        let d = great_circle_km(120.1614, 30.2937, 120.0768, 29.3151);
        assert!((100.0..112.0).contains(&d), "{d}");
    }

    #[test]
    fn contains_rejects_outside_and_nan() {
        let p = Projection::DELTA;
        assert!(p.contains(120.0, 30.0));
        assert!(!p.contains(113.9, 30.0));
        assert!(!p.contains(f64::NAN, 30.0));
    }
}
