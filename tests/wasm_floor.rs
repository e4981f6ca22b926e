//! The browser floor: the WebAssembly features the built wasm uses (read from `dist/`, whatever the build
//! wrote there) are all in [`FLOOR`], the features of the oldest browsers README names (Browsers).
//! A feature beyond it, say from a compiler update or a new wasm-opt flag, fails this test.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use wasmparser::{Validator, WasmFeatures as F};

/// The features the widget may use, each with the first browsers that run it (MDN browser-compat-data:
/// Chrome and Android WebView, Firefox, Safari and iOS). README's browser list is the latest of each column.
const FLOOR: &[(&str, F, [&str; 3])] = &[
    ("mutable-globals", F::MUTABLE_GLOBAL, ["74", "61", "13.1"]),
    ("sign-ext", F::SIGN_EXTENSION, ["69", "62", "14.1"]),
    ("nontrapping-float-to-int", F::SATURATING_FLOAT_TO_INT, ["75", "64", "15.1"]),
    ("bulk-memory", F::BULK_MEMORY, ["75", "79", "15.1"]),
    ("multivalue", F::MULTI_VALUE, ["86", "78", "13.1"]),
    ("reference-types", F::REFERENCE_TYPES, ["96", "79", "15.1"]),
];

/// Features past the floor, named so that a failure says which one appeared.
const BEYOND: &[(&str, F)] = &[
    ("simd128", F::SIMD),
    ("relaxed-simd", F::RELAXED_SIMD),
    ("extended-const", F::EXTENDED_CONST),
    ("tail-call", F::TAIL_CALL),
    ("exception-handling", F::EXCEPTIONS),
    ("legacy-exceptions", F::LEGACY_EXCEPTIONS),
    ("threads", F::THREADS),
    ("multi-memory", F::MULTI_MEMORY),
    ("memory64", F::MEMORY64),
    ("typed-function-references", F::FUNCTION_REFERENCES),
    ("gc", F::GC),
    ("wide-arithmetic", F::WIDE_ARITHMETIC),
];

fn floor() -> F {
    FLOOR.iter().fold(F::MVP, |all, (_, f, _)| all | *f)
}

fn valid(wasm: &[u8], features: F) -> Result<(), String> {
    Validator::new_with_features(features).validate_all(wasm).map(|_| ()).map_err(|e| e.to_string())
}

/// The floor's features `wasm` needs: those without which it does not validate.
fn used(wasm: &[u8]) -> Vec<&'static str> {
    FLOOR.iter().filter(|(_, f, _)| valid(wasm, floor() - *f).is_err()).map(|(name, _, _)| *name).collect()
}

fn dist_wasm() -> Option<Vec<PathBuf>> {
    let dist = Path::new(env!("CARGO_MANIFEST_DIR")).join("dist");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dist)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "wasm"))
        .collect();
    files.sort();
    Some(files)
}

#[test]
fn the_built_wasm_uses_no_feature_beyond_the_browser_floor() {
    let Some(files) = dist_wasm() else {
        eprintln!("no dist/ yet: nothing to check (tools/test runs this again after the release build)");
        return;
    };
    assert!(files.len() >= 2, "the widget's wasm and the extras' in dist/: {files:?}");
    for file in files {
        let wasm = std::fs::read(&file).unwrap();
        let name = file.file_name().unwrap().to_string_lossy();
        if let Err(e) = valid(&wasm, floor()) {
            let beyond: Vec<_> =
                BEYOND.iter().filter(|(_, f)| valid(&wasm, floor() | *f).is_ok()).map(|(n, _)| *n).collect();
            panic!("{name} uses a WebAssembly feature beyond the browser floor ({beyond:?}): {e}");
        }
        println!("{name}: {}", used(&wasm).join(", "));
    }
}

#[test]
fn the_check_tells_a_feature_beyond_the_floor() {
    // (module (func (result v128) v128.const i64x2 0 0)): SIMD, which the floor lacks.
    let mut simd = b"\0asm\x01\0\0\0\x01\x05\x01\x60\0\x01\x7b\x03\x02\x01\0\x0a\x16\x01\x14\0\xfd\x0c".to_vec();
    simd.extend([0; 16]);
    simd.push(0x0b);
    assert!(valid(&simd, floor() | F::SIMD).is_ok(), "the module is valid with SIMD");
    assert!(valid(&simd, floor()).is_err(), "and not within the floor");
    // (module (func (param i32) (result i32) local.get 0 i32.extend8_s)): sign-ext, within the floor.
    let sign_ext = b"\0asm\x01\0\0\0\x01\x06\x01\x60\x01\x7f\x01\x7f\x03\x02\x01\0\x0a\x07\x01\x05\0\x20\0\xc0\x0b";
    assert!(valid(sign_ext, floor()).is_ok());
    assert_eq!(used(sign_ext), ["sign-ext"]);
}

/// A version's numbers, for comparing "15.1" with "15".
fn version(v: &str) -> Vec<u32> {
    v.split('.').map(|n| n.parse().unwrap()).collect()
}

/// The browsers README's Browsers section names as the floor: Chrome, Firefox, Safari.
fn readme_floor() -> [String; 3] {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let section = readme.split("\n## Browsers\n").nth(1).expect("README has a Browsers section");
    let after = |label: &str| {
        let rest =
            &section[section.find(label).unwrap_or_else(|| panic!("README's floor names {label}")) + label.len()..];
        rest.chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .collect::<String>()
            .trim_end_matches('.')
            .to_string()
    };
    [after("Chrome and Android WebView "), after("Firefox "), after("Safari and iOS ")]
}

#[test]
fn readme_states_a_floor_that_has_every_feature_the_wasm_may_use() {
    let stated = readme_floor();
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    for (name, _, first) in FLOOR {
        assert!(readme.contains(name), "README names the feature {name}");
        for (browser, (first, stated)) in ["Chrome", "Firefox", "Safari"].iter().zip(first.iter().zip(&stated)) {
            assert!(
                version(first) <= version(stated),
                "{name} needs {browser} {first}, README's floor is {browser} {stated}"
            );
        }
    }
}
