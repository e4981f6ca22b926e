//! Build time (a Trunk `pre_build` hook, see Trunk.toml): renders the page's first paint with the widget's
//! own views through Yew's server-side rendering, so the page and the app are one renderer.
//!
//!   cargo run --bin prerender -- OUT_DIR
//!
//! writes into OUT_DIR:
//!   first.html     the complete overview (`#ct-first`): header, tabs, the map with routes, markers and
//!                  labels for every width band, legend, the overview's text, and every route panel and
//!                  case card, shown by `:target` when a marker or tab link is followed without the app.
//!   static.html    the tour as a plain list (`<template id="ct-static">`), for the panic fallback.
//!   outlines.html  the base map's outlines alone, for embed.js (an inline mount has no first paint).
//! tools/postbuild.mjs splices them into index.html and embed.js; it draws nothing itself.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let out = std::env::args().nth(1).unwrap_or_else(|| "target/prerender".to_string());
    std::fs::create_dir_all(&out).unwrap_or_else(|e| panic!("{out}: {e}"));
    for (name, html) in county_tour::prerender::files() {
        let path = std::path::Path::new(&out).join(name);
        std::fs::write(&path, html).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
}
