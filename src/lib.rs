//! county-tour: an interactive route map of the 2025 Hunan county leaders' study tour of Zhejiang and Jiangsu.
//!
//! Plain modules (no web APIs, tested natively) hold the data and the maths; `app` and `components`
//! hold the Yew views, compiled only for the browser.

pub mod basemap;
pub mod bundle;
pub mod camera;
pub mod data;
pub mod export;
pub mod geo;
pub mod host;
pub mod labels;
pub mod layout;
pub mod model;
pub mod num;
pub mod print_layout;
pub mod qr;
pub mod route;
#[cfg(not(target_arch = "wasm32"))]
pub mod rust_literal;
pub mod state;
pub mod strings;
pub mod validate;

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
