//! Numbers for SVG attributes and labels without the float formatting machinery of `core::fmt`,
//! which costs the widget kilobytes of wasm: a fixed-point rendering on integer arithmetic.

use std::fmt;

/// `x` with `decimals` digits after the point (0 to 6), rounded half away from zero;
/// trailing zeros trimmed. Non-finite values print as 0 so an attribute is never "NaN".
#[derive(Clone, Copy, Debug)]
pub struct Fixed(pub f64, pub u8);

impl fmt::Display for Fixed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.1.min(6) as u32;
        let scale = 10i64.pow(d);
        let x = if self.0.is_finite() { self.0 } else { 0.0 };
        let v = (x * scale as f64).round() as i64;
        let (sign, v) = if v < 0 { ("-", -v) } else { ("", v) };
        let (int, mut frac, mut width) = (v / scale, v % scale, d as usize);
        while width > 0 && frac % 10 == 0 {
            frac /= 10;
            width -= 1;
        }
        if width == 0 {
            write!(f, "{sign}{int}")
        } else {
            write!(f, "{sign}{int}.{frac:0width$}")
        }
    }
}

/// `x` limited to `lo..=hi`; NaN gives `lo`. Unlike `f64::clamp` it never panics (so it carries none of the
/// float formatting that panic message needs) and an empty range (`lo > hi`) gives `hi`.
pub fn clamp(x: f64, lo: f64, hi: f64) -> f64 {
    x.max(lo).min(hi)
}

/// Sine by its Taylor series after reducing `x` to [-π/2, π/2]; within 1e-12 of `f64::sin` (tested from
/// -10 to 10 and at a few larger angles up to 1234).
/// The map only needs the sines and cosines of latitudes and of the small angles between stops;
/// `f64::sin` brings in libm's general argument reduction, several kilobytes of wasm, for nothing.
pub fn sin(x: f64) -> f64 {
    use std::f64::consts::{FRAC_PI_2, PI, TAU};
    let mut x = x - TAU * (x / TAU).round();
    if x > FRAC_PI_2 {
        x = PI - x;
    } else if x < -FRAC_PI_2 {
        x = -PI - x;
    }
    // x - x³/3! + x⁵/5! - ...; at |x| = π/2 the terms after x²¹/21! are below 1e-19.
    let (x2, mut term, mut sum) = (x * x, x, x);
    for n in 1..=10 {
        term *= -x2 / ((2 * n) * (2 * n + 1)) as f64;
        sum += term;
    }
    sum
}

pub fn cos(x: f64) -> f64 {
    sin(x + std::f64::consts::FRAC_PI_2)
}

#[cfg(test)]
mod tests {
    use super::{clamp, cos, sin, Fixed};

    #[test]
    fn sin_and_cos_match_the_standard_library() {
        let mut worst = 0f64;
        for i in -20_000..=20_000 {
            let x = i as f64 * 0.000_5 + 0.000_123;
            worst = worst.max((sin(x) - x.sin()).abs()).max((cos(x) - x.cos()).abs());
        }
        for x in [0.0, 1e-9, 31f64.to_radians(), 1000.0, -1234.5] {
            worst = worst.max((sin(x) - x.sin()).abs()).max((cos(x) - x.cos()).abs());
        }
        assert!(worst < 1e-12, "worst error {worst}");
    }

    #[test]
    fn clamp_limits_without_panicking() {
        assert_eq!(clamp(5.0, 0.0, 1.0), 1.0);
        assert_eq!(clamp(-5.0, 0.0, 1.0), 0.0);
        assert_eq!(clamp(0.5, 0.0, 1.0), 0.5);
        assert_eq!(clamp(f64::NAN, 0.0, 1.0), 0.0);
        assert_eq!(clamp(0.5, 2.0, 1.0), 1.0);
    }

    #[test]
    fn fixed_point() {
        assert_eq!(Fixed(12.345, 1).to_string(), "12.3");
        assert_eq!(Fixed(12.35, 1).to_string(), "12.4");
        assert_eq!(Fixed(-0.04, 1).to_string(), "0");
        assert_eq!(Fixed(-3.26, 1).to_string(), "-3.3");
        assert_eq!(Fixed(5.0, 2).to_string(), "5");
        assert_eq!(Fixed(0.05, 2).to_string(), "0.05");
        assert_eq!(Fixed(1.0 / 3.0, 5).to_string(), "0.33333");
        assert_eq!(Fixed(f64::NAN, 1).to_string(), "0");
        assert_eq!(Fixed(104.6, 0).to_string(), "105");
    }
}
