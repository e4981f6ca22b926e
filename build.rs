//! Reads and validates the bundled content at build time and writes it out as Rust `static`s, so
//! broken content fails the build with the stop and field named, and the widget carries no JSON parser.

#![allow(dead_code)]

#[path = "src/basemap.rs"]
mod basemap;
#[path = "src/geo.rs"]
mod geo;
#[path = "src/model.rs"]
mod model;
#[path = "src/num.rs"]
mod num;
#[path = "src/rust_literal.rs"]
mod rust_literal;
#[path = "src/validate.rs"]
mod validate;

use std::path::Path;

fn write(name: &str, expr: String) {
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join(name);
    std::fs::write(out, expr).unwrap();
}

fn main() {
    // The tour to build: assets/tour.json, or another file named by COUNTY_TOUR (a path from the crate's
    // root), as `tools/build-tour` does for a second tour such as tests/fixtures/small-tour/tour.json.
    println!("cargo:rerun-if-env-changed=COUNTY_TOUR");
    let tour_path = std::env::var("COUNTY_TOUR").unwrap_or_else(|_| "assets/tour.json".to_string());
    let abs = std::fs::canonicalize(&tour_path).unwrap_or_else(|e| panic!("\n{tour_path}: {e}\n"));
    println!("cargo:rerun-if-changed={tour_path}");
    println!("cargo:rustc-env=COUNTY_TOUR_JSON={}", abs.display());
    for f in [
        "assets/basemap.json",
        "assets/hunan-basemap.json",
        "assets/basemap-detail.json",
        "src/model.rs",
        "src/validate.rs",
    ] {
        println!("cargo:rerun-if-changed={f}");
    }
    let json = std::fs::read_to_string(&abs).unwrap_or_else(|e| panic!("\n{tour_path}: {e}\n"));
    let tour: model::Tour =
        serde_json::from_str(&json).unwrap_or_else(|e| panic!("\n{tour_path} cannot be read: {e}\n"));
    let issues = validate::validate(&tour);
    if !issues.is_empty() {
        let list: Vec<String> = issues.iter().map(|i| format!("- {i}")).collect();
        panic!("\n{tour_path} has {} problem(s):\n{}\n", issues.len(), list.join("\n"));
    }
    let (wasm_tour, zh) = from_page(&rust_literal::to_rust(&tour).unwrap(), "zh", 1);
    let (wasm_tour, en) = from_page(&wasm_tour, "en", 2);
    write("zh_list.rs", zh);
    write("en_list.rs", en);
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    write("tour.rs", if wasm { wasm_tour } else { rust_literal::to_rust(&tour).unwrap() });
    // In the browser the delta map's six outlines arrive with the page (its first frame, written by
    // tools/postbuild.mjs) and are read from there, so the wasm does not carry them a second time.
    // The Hunan inset's outlines are a static of their own (hunan_layers.rs), which only the extras
    // wasm uses: the widget fetches them when the reader opens that view.
    for (src, out) in [
        (basemap::json::DELTA, "basemap_delta.rs"),
        (basemap::json::HUNAN, "basemap_hunan.rs"),
        (basemap::json::DETAIL, "basemap_detail.rs"),
    ] {
        let mut map = basemap::json::parse(src).unwrap_or_else(|e| panic!("\n{out}: {e}\n"));
        if out == "basemap_hunan.rs" {
            write("hunan_layers.rs", rust_literal::to_rust(&map.layers).unwrap());
        }
        if wasm && out != "basemap_detail.rs" {
            map.layers = basemap::Layers::default();
        }
        write(out, rust_literal::to_rust(&map).unwrap());
    }
}

/// The content's text travels outside the wasm, one language at a time. Its Chinese goes into index.html
/// beside the prerendered page that shows most of it already: the list of every `zh` string (zh_list.rs, in
/// the order the tour's Rust literal has them) in a `<template id="ct-zh">` (src/prerender.rs,
/// tools/postbuild.mjs), where it compresses against that text. Its English (en_list.rs) is a file of its
/// own that the page fetches when a reader asks for English (`web::with_text`), or inline in the pages
/// that need it from the start. Returns the tour with each non-empty `lang` field replaced by
/// `\u{mark}` and its place in that language's list (`model::text` looks it up), and the list as a Rust
/// expression.
fn from_page(tour: &str, lang: &str, mark: u8) -> (String, String) {
    let field = format!("{lang}:Cow::Borrowed(\"");
    let (mut out, mut list, mut rest) = (String::new(), String::from("&["), tour);
    let mut n = 0;
    while let Some(i) = rest.find(&field) {
        out.push_str(&rest[..i + field.len()]);
        let body = &rest[i + field.len()..];
        // The literal is str's Debug output: it ends at the first quote that no backslash escapes.
        let (mut end, mut escaped) = (0, false);
        for (j, c) in body.char_indices() {
            match c {
                '"' if !escaped => {
                    end = j;
                    break;
                }
                '\\' => escaped = !escaped,
                _ => escaped = false,
            }
        }
        let text = &body[..end];
        if text.contains("\\n") || text.contains("\\r") || ["\\u{1}", "\\u{2}"].iter().any(|m| text.starts_with(m)) {
            panic!("\na {lang} text has a line break or starts with U+0001 or U+0002: {text}\n");
        }
        if text.is_empty() {
            rest = body;
            continue;
        }
        out.push_str(&format!("\\u{{{mark}}}{n}"));
        list.push_str(&format!("\"{text}\","));
        n += 1;
        rest = &body[end..];
    }
    out.push_str(rest);
    list.push(']');
    (out, list)
}
