//! Writes a serde-serialisable value as a Rust constant expression, so that `build.rs` can turn the
//! validated JSON content into a `static` and the widget ships no JSON parser.
//!
//! Strings become `Cow::Borrowed("…")`, sequences `Cow::Borrowed(&[…])`, structs `Name { field: … }`,
//! unit enum variants `Enum::Variant`. Only what the content model uses is supported; anything
//! else is an error, never silently wrong code.

use std::fmt::{self, Display, Write};

use serde::ser::{self, Serialize};

#[derive(Debug)]
pub struct Error(String);

impl Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

/// The Rust expression for `value`.
pub fn to_rust<T: Serialize + ?Sized>(value: &T) -> Result<String, Error> {
    let mut w = Writer { out: String::new() };
    value.serialize(&mut w)?;
    Ok(w.out)
}

struct Writer {
    out: String,
}

fn unsupported(what: &str) -> Result<(), Error> {
    Err(Error(format!("rust_literal: {what} is not supported by the content model")))
}

impl Writer {
    fn float(&mut self, v: f64) -> Result<(), Error> {
        if !v.is_finite() {
            return Err(Error(format!("rust_literal: non-finite number {v}")));
        }
        // `{:?}` always keeps a decimal point or exponent, so the literal stays an f64.
        write!(self.out, "{v:?}").map_err(ser::Error::custom)
    }
}

macro_rules! ints {
    ($($f:ident: $t:ty),*) => {
        $(fn $f(self, v: $t) -> Result<(), Error> {
            write!(self.out, "{v}").map_err(ser::Error::custom)
        })*
    };
}

impl<'a> ser::Serializer for &'a mut Writer {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Seq<'a>;
    type SerializeTuple = ser::Impossible<(), Error>;
    type SerializeTupleStruct = ser::Impossible<(), Error>;
    type SerializeTupleVariant = ser::Impossible<(), Error>;
    type SerializeMap = ser::Impossible<(), Error>;
    type SerializeStruct = Seq<'a>;
    type SerializeStructVariant = ser::Impossible<(), Error>;

    ints!(serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64,
          serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64);

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.out.push_str(if v { "true" } else { "false" });
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.float(v as f64)
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.float(v)
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        write!(self.out, "{v:?}").map_err(ser::Error::custom)
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        // Debug output of a str is a valid Rust string literal (quotes, backslashes and controls escaped).
        write!(self.out, "Cow::Borrowed({v:?})").map_err(ser::Error::custom)
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Error> {
        unsupported("bytes")
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.out.push_str("None");
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<(), Error> {
        self.out.push_str("Some(");
        v.serialize(&mut *self)?;
        self.out.push(')');
        Ok(())
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.out.push_str("()");
        Ok(())
    }
    fn serialize_unit_struct(self, name: &'static str) -> Result<(), Error> {
        self.out.push_str(name);
        Ok(())
    }
    fn serialize_unit_variant(self, name: &'static str, _: u32, variant: &'static str) -> Result<(), Error> {
        // serde may rename variants (e.g. lowercase): the Rust name is the capitalised form.
        let mut chars = variant.chars();
        let rust: String = chars.next().map(|c| c.to_ascii_uppercase()).into_iter().chain(chars).collect();
        write!(self.out, "{name}::{rust}").map_err(ser::Error::custom)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, _: &T) -> Result<(), Error> {
        unsupported("newtype struct")
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Error> {
        unsupported("newtype variant")
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Seq<'a>, Error> {
        self.out.push_str("Cow::Borrowed(&[");
        Ok(Seq { w: self, close: "])" })
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
        Err(Error("rust_literal: tuple".into()))
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeTupleStruct, Error> {
        Err(Error("rust_literal: tuple struct".into()))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(Error("rust_literal: tuple variant".into()))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(Error("rust_literal: map".into()))
    }
    fn serialize_struct(self, name: &'static str, _: usize) -> Result<Seq<'a>, Error> {
        write!(self.out, "{name} {{").map_err(ser::Error::custom)?;
        Ok(Seq { w: self, close: "}" })
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(Error("rust_literal: struct variant".into()))
    }
}

pub struct Seq<'a> {
    w: &'a mut Writer,
    close: &'static str,
}

impl ser::SerializeSeq for Seq<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        v.serialize(&mut *self.w)?;
        self.w.out.push(',');
        Ok(())
    }
    fn end(self) -> Result<(), Error> {
        self.w.out.push_str(self.close);
        Ok(())
    }
}

impl ser::SerializeStruct for Seq<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, v: &T) -> Result<(), Error> {
        write!(self.w.out, "{key}:").map_err(ser::Error::custom)?;
        v.serialize(&mut *self.w)?;
        self.w.out.push(',');
        Ok(())
    }
    fn end(self) -> Result<(), Error> {
        self.w.out.push_str(self.close);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Confidence, Fact, Tag, Text};
    use std::borrow::Cow;

    #[test]
    fn structs_strings_lists_options_and_enums() {
        let t = Text { zh: Cow::Borrowed("义乌\"市\""), en: Cow::Borrowed("Yiwu\n") };
        assert_eq!(to_rust(&t).unwrap(), r#"Text {zh:Cow::Borrowed("义乌\"市\""),en:Cow::Borrowed("Yiwu\n"),}"#);
        let f = Fact { tag: Some(Tag::B), zh: "背景".into(), en: "bg".into() };
        assert_eq!(to_rust(&f).unwrap(), r#"Fact {tag:Some(Tag::B),zh:Cow::Borrowed("背景"),en:Cow::Borrowed("bg"),}"#);
        assert_eq!(to_rust(&Confidence::Low).unwrap(), "Confidence::Low");
        assert_eq!(to_rust(&vec![1.0f64, 120.5]).unwrap(), "Cow::Borrowed(&[1.0,120.5,])");
        assert!(to_rust(&f64::NAN).is_err());
    }
}
