//! Mounts the widget; everything else lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    county_tour::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("county-tour runs in the browser: build it with `trunk build --release`.");
}

/// talc instead of Rust's default dlmalloc: a smaller allocator in the wasm (1.7 KB gzip less).
/// The widget is single-threaded, which is what `new_global` requires.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };
