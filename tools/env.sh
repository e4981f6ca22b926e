# Sourced by the tools: puts the pinned wasm-opt (npm binaryen 132) first on PATH.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
# The nightly the release wasm is built with (tools/build; tools/setup installs it).
export COUNTY_TOUR_NIGHTLY=nightly-2026-05-20
# The release wasm's compiler: Yew's size recipe, for wasm32 only (tools/build, and tools/test's panic test,
# which adds -Zpanic_abort_tests). Through the environment, so that Trunk's cargo gets it; the prerender
# hook (Trunk.toml) unsets it again for its native build.
release_wasm_env() {
  export RUSTUP_TOOLCHAIN="$COUNTY_TOUR_NIGHTLY"
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort${1:+ $1}"
}
