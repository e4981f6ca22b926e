//! county-tour: an interactive route map of the 2025 Hunan county leaders' study tour of Zhejiang and Jiangsu.
//!
//! Plain modules (no web APIs, tested natively) hold the data and the maths; `app` and `components`
//! hold the Yew views, compiled only for the browser.

pub mod address;
pub mod basemap;
pub mod bundle;
pub mod camera;
pub mod card_text;
pub mod data;
pub mod declutter;
pub mod export;
pub mod flight_marks;
pub mod geo;
pub mod host;
pub mod labels;
pub mod layout;
pub mod marker;
pub mod model;
pub mod num;
pub mod palette;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod print_layout;
pub mod qr;
#[cfg(not(target_arch = "wasm32"))]
pub mod rust_literal;
#[cfg(not(target_arch = "wasm32"))]
pub mod share;
pub mod state;
pub mod strings;
pub mod validate;
pub mod views;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod download;
#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod lazy;
#[cfg(target_arch = "wasm32")]
pub mod web;

/// talc instead of Rust's default dlmalloc, for every wasm built from this library (the widget and the
/// extras): a smaller allocator (1.7 KB gzip less). The widget is single-threaded, as `new_global` requires.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };
