//! Mounts the widget; everything else lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    county_tour::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("county-tour runs in the browser: build it with `trunk build --release`.");
}
