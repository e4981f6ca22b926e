//! The content and base maps compiled into the widget: `build.rs` validated them and wrote them
//! out as Rust expressions, so there is nothing to parse or check at run time.

use std::borrow::Cow;

use crate::basemap::{Basemap, Layers, MapLabel};
use crate::geo::Projection;
#[allow(unused_imports)] // a smaller tour (COUNTY_TOUR) may have no lessons or speakers
use crate::model::{
    Confidence, Event, Example, Fact, Group, Hunan, Labels, Lesson, Place, Speaker, Stop, Tag, Text, Top100,
    Top100Part, Tour,
};

pub static TOUR: Tour = include!(concat!(env!("OUT_DIR"), "/tour.rs"));
/// The delta base map as compiled in; in the wasm its `layers` are empty: the page carries them (`web::delta`).
pub static DELTA: Basemap = include!(concat!(env!("OUT_DIR"), "/basemap_delta.rs"));
/// The Hunan inset as compiled in; in the wasm its `layers` are empty: they are [`HUNAN_LAYERS`].
pub static HUNAN: Basemap = include!(concat!(env!("OUT_DIR"), "/basemap_hunan.rs"));
/// The Hunan inset's outlines. Only the extras wasm carries them (src/extras.rs `hunan_outlines`): few
/// readers open that view, and it fetches them when one does.
pub static HUNAN_LAYERS: Layers = include!(concat!(env!("OUT_DIR"), "/hunan_layers.rs"));
/// Finer outlines of the central delta, drawn over the main map when the reader is zoomed in.
pub static DETAIL: Basemap = include!(concat!(env!("OUT_DIR"), "/basemap_detail.rs"));
/// Every Chinese string of the content, in the order of build.rs's `from_page`: the prerender writes
/// them into the page (`<template id="ct-zh">`), which is where the wasm reads them (`web::page_zh`).
#[cfg(not(target_arch = "wasm32"))]
pub static ZH_LIST: &[&str] = include!(concat!(env!("OUT_DIR"), "/zh_list.rs"));
/// Every English string of the content, likewise: the page fetches them when a reader asks for English
/// (`web::with_text`), from a file that tools/postbuild.mjs makes of the prerender's list.
#[cfg(not(target_arch = "wasm32"))]
pub static EN_LIST: &[&str] = include!(concat!(env!("OUT_DIR"), "/en_list.rs"));
