# Sourced by the tools: puts the pinned wasm-opt (npm binaryen 132) first on PATH.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
# The nightly the release wasm is built with (tools/build; tools/setup installs it).
export COUNTY_TOUR_NIGHTLY=nightly-2026-05-20
