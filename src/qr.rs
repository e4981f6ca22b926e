//! The QR code on the presenter's screen, as an SVG: encoded by `qrcodegen` (Nayuki's reference
//! implementation; the `qrcode` crate with its renderer cost 13 KB gzip of wasm, this 4.6 KB), drawn
//! here as one path of dark runs. Plain Rust, tested natively; `tests/e2e` decodes it with jsQR.

use std::fmt::Write;

use qrcodegen::{QrCode, QrCodeEcc};

/// White modules around the code, as the standard asks for.
const QUIET_ZONE: i32 = 4;

/// `text` as a black-on-white QR code (error correction M or better), `px` wide; `None` if too long.
pub fn svg(text: &str, px: u32) -> Option<String> {
    // Byte mode: a URL has lower-case letters, so the numeric and alphanumeric modes never apply.
    let qr = QrCode::encode_binary(text.as_bytes(), QrCodeEcc::Medium).ok()?;
    let n = qr.size();
    let mut d = String::new();
    for y in 0..n {
        let mut x = 0;
        while x < n {
            if !qr.get_module(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < n && qr.get_module(x, y) {
                x += 1;
            }
            let _ = write!(d, "M{} {}h{}v1h-{}z", start + QUIET_ZONE, y + QUIET_ZONE, x - start, x - start);
        }
    }
    let side = n + 2 * QUIET_ZONE;
    Some(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {side} {side}\" width=\"{px}\" height=\"{px}\" \
         shape-rendering=\"crispEdges\"><rect width=\"{side}\" height=\"{side}\" fill=\"#fff\"/>\
         <path d=\"{d}\" fill=\"#000\"/></svg>"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The modules of a drawn code, back from its path (each `M x y h w v1 h-w z` is one dark run).
    fn modules(svg: &str) -> (i32, Vec<(i32, i32)>) {
        let side: i32 = svg.split("viewBox=\"0 0 ").nth(1).unwrap().split(' ').next().unwrap().parse().unwrap();
        let d = svg.split("<path d=\"").nth(1).unwrap().split('"').next().unwrap();
        let mut dark = Vec::new();
        for run in d.split('M').filter(|r| !r.is_empty()) {
            let (xy, rest) = run.split_once('h').unwrap();
            let (x, y) = xy.split_once(' ').unwrap();
            let w: i32 = rest.split('v').next().unwrap().parse().unwrap();
            let (x, y): (i32, i32) = (x.parse().unwrap(), y.parse().unwrap());
            dark.extend((x..x + w).map(|x| (x, y)));
        }
        (side, dark)
    }

    #[test]
    fn a_stop_link_becomes_a_square_code_with_finder_patterns_and_a_quiet_zone() {
        let url = "https://news.example.org/2025/tour/index.html#/yuyao";
        let svg = svg(url, 200).unwrap();
        assert!(svg.contains("width=\"200\""));
        let (side, dark) = modules(&svg);
        let qr = QrCode::encode_binary(url.as_bytes(), QrCodeEcc::Medium).unwrap();
        assert_eq!(side, qr.size() + 8);
        // Every dark module of the code is drawn, and nothing else: the path is the code.
        let mut want: Vec<(i32, i32)> = (0..qr.size())
            .flat_map(|y| (0..qr.size()).map(move |x| (x, y)))
            .filter(|&(x, y)| qr.get_module(x, y))
            .map(|(x, y)| (x + 4, y + 4))
            .collect();
        let mut got = dark.clone();
        want.sort();
        got.sort();
        assert_eq!(got, want);
        // The three finder patterns' dark corners sit inside the quiet zone's frame.
        for (x, y) in [(4, 4), (side - 5, 4), (4, side - 5)] {
            assert!(dark.contains(&(x, y)), "finder corner at {x},{y}");
        }
        assert!(dark.iter().all(|&(x, y)| x >= 4 && y >= 4 && x < side - 4 && y < side - 4), "quiet zone");
    }

    #[test]
    fn a_text_too_long_for_any_qr_code_gives_none() {
        assert!(svg(&"x".repeat(4000), 200).is_none());
    }
}
