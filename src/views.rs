//! The widget's views as plain functions returning Yew's `Html`, for both targets: in the browser the app
//! renders them; at build time the prerender (src/bin/prerender.rs) renders the same functions to the page's
//! first paint with Yew's server-side rendering. No web APIs here: those live in `components` and `web`.

pub mod card;
pub mod map;
pub mod overview;
pub mod page;
pub mod parts;
pub mod route_panel;
pub mod tabs;
