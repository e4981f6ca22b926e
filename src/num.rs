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

#[cfg(test)]
mod tests {
    use super::Fixed;

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
