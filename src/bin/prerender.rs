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
//!   zh-list.html   the content's Chinese, one string a line (`<template id="ct-zh">`), which the wasm reads
//!                  from the page instead of carrying it (build.rs `from_page`).
//!   en-list.html   its English, likewise: tools/postbuild.mjs makes a module of it that index.html fetches
//!                  when a reader asks for English, and inlines it in en.html and the single file.
//!   page-zh.json   index.html's `<title>` and description.
//!   first-en.html, static-en.html, page-en.json   en.html, the English page: its first paint, its text
//!                  version, and its `<html lang>`, `<main>` attributes, title and description.
//!   first-query.json  the query pairs (`lang=en`, `present=`, …) after which the boot script hides the
//!                  first paint until the app draws: parse_query's own answer (src/address.rs).
//!   first-head.html  for the `<head>`: the render-blocking link that makes the first frame wait for the
//!                  whole map (views::map::FIRST_PAINT_AFTER).
//!   head.html      the `<head>` tags of a shared link: Open Graph, Twitter's card, the oEmbed link.
//!   oembed.json    the rich oEmbed 1.0 document.
//!   share-card.png, share-square.png   the share images (1200×630, 300×300), drawn from the export's map.
//!   head-en.html, oembed-en.json, share-card-en.png, share-square-en.png   the same for en.html, in English.
//!   shared.json    the names of those files that dist/ carries as they are (all but the head tags).
//! Their URLs are absolute under the public base URL in COUNTY_TOUR_BASE_URL, relative without it
//! (src/share.rs). tools/postbuild.mjs splices and copies them into dist/; it draws nothing itself.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let out = std::env::args().nth(1).unwrap_or_else(|| "target/prerender".to_string());
    // A mistyped base URL fails the build at once, with a word for the editor, not a backtrace.
    let base = county_tour::share::base_url_from_env().unwrap_or_else(|e| {
        eprintln!("prerender: {e}");
        std::process::exit(2)
    });
    std::fs::create_dir_all(&out).unwrap_or_else(|e| panic!("{out}: {e}"));
    for (name, html) in county_tour::prerender::files() {
        let path = std::path::Path::new(&out).join(name);
        std::fs::write(&path, html).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
    let share = county_tour::share::files(base.as_deref()).unwrap_or_else(|e| {
        eprintln!("prerender: {e}");
        std::process::exit(1)
    });
    // The files dist/ carries as they are (images, oEmbed documents), named for tools/postbuild.mjs; the head
    // tags it splices into the pages.
    let copied: Vec<&str> = share.iter().map(|(name, _)| *name).filter(|name| !name.ends_with(".html")).collect();
    for (name, bytes) in &share {
        let path = std::path::Path::new(&out).join(name);
        std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
    let path = std::path::Path::new(&out).join("shared.json");
    std::fs::write(&path, serde_json::to_string(&copied).expect("names as JSON"))
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}
