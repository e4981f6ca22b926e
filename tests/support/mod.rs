//! What the native test files share about the page's layout.

use county_tour::camera::Viewport;

/// The map's box (content px) on a page `w` px wide, as assets/style.css lays it out: one column under
/// 600 px of widget (the widget has 12 px of padding), two columns above, the widget at most 1400 wide.
pub fn map_box(w: f64) -> Viewport {
    let c = (w.min(1400.0) - 24.0).max(0.0);
    if c < 600.0 {
        Viewport::new(c - 2.0, c.clamp(300.0, 520.0) - 2.0)
    } else {
        Viewport::new(0.6 * (c - 16.0) - 2.0, (0.58 * c).clamp(380.0, 620.0) - 2.0)
    }
}
