//! A fast reader for the RON that aftercare itself writes.
//!
//! The `ron` crate reads any RON, at about a hundred instructions a byte: at start-up that
//! was most of the work (the month on screen, every treatment, the built-in plan), and it
//! grew with the years of treatments. The files aftercare writes use a small, regular part
//! of RON — structs without names, `Some(..)`/`None`, lists, maps whose keys come in
//! order, plain strings and integers, `//` comments — which this reader covers at a few
//! instructions a byte.
//!
//! It is only a fast path. On anything else (a block comment, `to: 14` without `Some`, a
//! key out of order or given twice, a float, an error of any kind) it gives up with
//! `None`, and the caller reads the text with `ron`, which stays the reference and says
//! what is wrong and where. Where it does give a value, that is the value `ron` gives: a
//! property test compares the two on random files and on damaged copies of real ones.

use std::borrow::Cow;
use std::fmt;

use serde::Deserialize;
use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeSeed, Visitor};

/// Reads `text` as a `T` if it is in the part of RON this reader covers and `T` accepts it;
/// `None` means "ask `ron`", never "the file is wrong".
///
/// Every map's keys must be written in increasing order (as aftercare writes its
/// `BTreeMap`s): a key given twice is therefore never read here, and the caller's check
/// for it (see `strict::duplicate_key`) is needed only when this returns `None`.
pub fn from_str<'de, T: Deserialize<'de>>(text: &'de str) -> Option<T> {
    read(text, false)
}

/// [`from_str`] as `ron` reads with its `implicit_some` extension (plan files): a value
/// where an `Option` is expected is `Some(value)`.
pub fn from_str_with_implicit_some<'de, T: Deserialize<'de>>(text: &'de str) -> Option<T> {
    read(text, true)
}

fn read<'de, T: Deserialize<'de>>(text: &'de str, implicit_some: bool) -> Option<T> {
    let mut reader = Reader {
        text,
        bytes: text.as_bytes(),
        at: 0,
        depth: 0,
        implicit_some,
    };
    let value = T::deserialize(&mut reader).ok()?;
    reader.skip_blank();
    (reader.at == reader.bytes.len()).then_some(value)
}

/// Deeper than any file aftercare writes; `ron` has its own limit for the rest.
const MAX_DEPTH: u8 = 32;

/// A struct's or tuple's `(…)`, a list's `[…]`, a map's `{…}`.
const PARENS: (u8, u8) = (b'(', b')');
const BRACKETS: (u8, u8) = (b'[', b']');
const BRACES: (u8, u8) = (b'{', b'}');

/// "Not in the covered part of RON": the caller falls back to `ron`.
#[derive(Debug)]
pub struct GaveUp;

impl fmt::Display for GaveUp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not in the part of RON aftercare writes")
    }
}

impl std::error::Error for GaveUp {}

impl de::Error for GaveUp {
    fn custom<T: fmt::Display>(_message: T) -> GaveUp {
        GaveUp
    }
}

type Result<T> = std::result::Result<T, GaveUp>;

struct Reader<'de> {
    text: &'de str,
    bytes: &'de [u8],
    at: usize,
    depth: u8,
    implicit_some: bool,
}

impl<'de> Reader<'de> {
    /// Skips spaces, newlines and `// line` comments.
    fn skip_blank(&mut self) {
        while let Some(&byte) = self.bytes.get(self.at) {
            match byte {
                b' ' | b'\n' | b'\t' | b'\r' => self.at += 1,
                b'/' if self.bytes.get(self.at + 1) == Some(&b'/') => {
                    self.at = match memchr::memchr(b'\n', &self.bytes[self.at..]) {
                        Some(length) => self.at + length + 1,
                        None => self.bytes.len(),
                    };
                }
                _ => return,
            }
        }
    }

    /// The next byte that is not blank, left unread.
    fn peek(&mut self) -> Result<u8> {
        self.skip_blank();
        self.bytes.get(self.at).copied().ok_or(GaveUp)
    }

    fn expect(&mut self, byte: u8) -> Result<()> {
        if self.peek()? != byte {
            return Err(GaveUp);
        }
        self.at += 1;
        Ok(())
    }

    /// After an element: a comma, or the closing bracket (left unread).
    fn comma_or(&mut self, close: u8) -> Result<()> {
        match self.peek()? {
            b',' => {
                self.at += 1;
                Ok(())
            }
            byte if byte == close => Ok(()),
            _ => Err(GaveUp),
        }
    }

    /// `open`, what `read` reads, then `close`: one level deeper meanwhile.
    fn within<T>(
        &mut self,
        (open, close): (u8, u8),
        read: impl FnOnce(&mut Self) -> Result<T>,
    ) -> Result<T> {
        self.expect(open)?;
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(GaveUp);
        }
        let value = read(self)?;
        self.expect(close)?;
        self.depth -= 1;
        Ok(value)
    }

    /// An identifier: ASCII letters, digits and `_`, not starting with a digit.
    fn identifier(&mut self) -> Result<&'de str> {
        self.skip_blank();
        let start = self.at;
        if !self
            .bytes
            .get(start)
            .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'_')
        {
            return Err(GaveUp);
        }
        self.at += 1;
        while self
            .bytes
            .get(self.at)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
        {
            self.at += 1;
        }
        Ok(&self.text[start..self.at])
    }

    /// A `"…"` string with the escapes aftercare's writer uses.
    fn string(&mut self) -> Result<Cow<'de, str>> {
        self.expect(b'"')?;
        let start = self.at;
        let plain = self.run_to_quote_or_escape()?;
        if self.bytes[self.at] == b'"' {
            self.at += 1;
            return Ok(Cow::Borrowed(plain));
        }
        let mut text = String::from(&self.text[start..self.at]);
        loop {
            match self.bytes[self.at] {
                b'"' => {
                    self.at += 1;
                    return Ok(Cow::Owned(text));
                }
                _escape => {
                    text.push(match self.bytes.get(self.at + 1) {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'n') => '\n',
                        Some(b't') => '\t',
                        Some(b'r') => '\r',
                        _ => return Err(GaveUp),
                    });
                    self.at += 2;
                    text.push_str(self.run_to_quote_or_escape()?);
                }
            }
        }
    }

    /// The text up to the next `"` or `\`, which is left unread.
    fn run_to_quote_or_escape(&mut self) -> Result<&'de str> {
        let start = self.at;
        let length = memchr::memchr2(b'"', b'\\', &self.bytes[start..]).ok_or(GaveUp)?;
        self.at += length;
        Ok(&self.text[start..self.at])
    }

    /// Decimal digits, as `ron` reads them: no `_`, no `0x`, no leading zero, no fraction.
    fn digits(&mut self) -> Result<u64> {
        let start = self.at;
        let mut value: u64 = 0;
        while let Some(&digit) = self.bytes.get(self.at)
            && digit.is_ascii_digit()
        {
            value = value
                .checked_mul(10)
                .and_then(|value| value.checked_add(u64::from(digit - b'0')))
                .ok_or(GaveUp)?;
            self.at += 1;
        }
        let continues = self
            .bytes
            .get(self.at)
            .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.'));
        let count = self.at - start;
        if count == 0 || continues || (count > 1 && self.bytes[start] == b'0') {
            return Err(GaveUp);
        }
        Ok(value)
    }

    fn unsigned(&mut self) -> Result<u64> {
        self.skip_blank();
        self.digits()
    }

    fn signed(&mut self) -> Result<i64> {
        if self.peek()? == b'-' {
            self.at += 1;
            let magnitude = self.digits()?;
            return 0i64.checked_sub_unsigned(magnitude).ok_or(GaveUp);
        }
        i64::try_from(self.digits()?).map_err(|_| GaveUp)
    }
}

/// Numbers go to the visitor as `u64`/`i64`: serde's visitors narrow them (and refuse what
/// does not fit, as `ron` does).
macro_rules! unsigned {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            visitor.visit_u64(self.unsigned()?)
        }
    )*};
}

macro_rules! signed {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            visitor.visit_i64(self.signed()?)
        }
    )*};
}

macro_rules! give_up {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
            Err(GaveUp)
        }
    )*};
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = GaveUp;

    /// Only what a self-describing field of aftercare's holds: a string, an integer, a
    /// boolean (a `(…)` struct is left to `ron`, which knows its shape).
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.peek()? {
            b'"' => self.deserialize_str(visitor),
            b'-' => visitor.visit_i64(self.signed()?),
            b'0'..=b'9' => visitor.visit_u64(self.unsigned()?),
            b't' | b'f' => self.deserialize_bool(visitor),
            _ => Err(GaveUp),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.identifier()? {
            "true" => visitor.visit_bool(true),
            "false" => visitor.visit_bool(false),
            _ => Err(GaveUp),
        }
    }

    unsigned!(deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64);
    signed!(deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64);
    give_up!(deserialize_f32 deserialize_f64 deserialize_char deserialize_bytes
        deserialize_byte_buf deserialize_ignored_any);

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.string()? {
            Cow::Borrowed(text) => visitor.visit_borrowed_str(text),
            Cow::Owned(text) => visitor.visit_string(text),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.skip_blank();
        let start = self.at;
        match self.identifier() {
            Ok("None") => visitor.visit_none(),
            Ok("Some") => self.within(PARENS, |reader| visitor.visit_some(reader)),
            _ if self.implicit_some => {
                self.at = start;
                visitor.visit_some(self)
            }
            _ => Err(GaveUp),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.within(PARENS, |_| Ok(()))?;
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        self.within(PARENS, |reader| visitor.visit_newtype_struct(reader))
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.within(BRACKETS, |reader| {
            visitor.visit_seq(Elements {
                reader,
                close: BRACKETS.1,
            })
        })
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        self.within(PARENS, |reader| {
            visitor.visit_seq(Elements {
                reader,
                close: PARENS.1,
            })
        })
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_tuple(len, visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.within(BRACES, |reader| {
            visitor.visit_map(Entries {
                reader,
                last_key: None,
            })
        })
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.within(PARENS, |reader| visitor.visit_map(Fields { reader }))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_enum(self)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_borrowed_str(self.identifier()?)
    }
}

/// The elements of `[…]` or of a tuple's `(…)`.
struct Elements<'a, 'de> {
    reader: &'a mut Reader<'de>,
    close: u8,
}

impl<'de> de::SeqAccess<'de> for Elements<'_, 'de> {
    type Error = GaveUp;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if self.reader.peek()? == self.close {
            return Ok(None);
        }
        let value = seed.deserialize(&mut *self.reader)?;
        self.reader.comma_or(self.close)?;
        Ok(Some(value))
    }
}

/// The entries of `{…}`, each key after the one before it.
struct Entries<'a, 'de> {
    reader: &'a mut Reader<'de>,
    last_key: Option<&'de [u8]>,
}

impl<'de> de::MapAccess<'de> for Entries<'_, 'de> {
    type Error = GaveUp;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if self.reader.peek()? == b'}' {
            return Ok(None);
        }
        let start = self.reader.at;
        let key = seed.deserialize(&mut *self.reader)?;
        let written = &self.reader.bytes[start..self.reader.at];
        if self.last_key.is_some_and(|last| last >= written) {
            return Err(GaveUp);
        }
        self.last_key = Some(written);
        self.reader.expect(b':')?;
        Ok(Some(key))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        let value = seed.deserialize(&mut *self.reader)?;
        self.reader.comma_or(b'}')?;
        Ok(value)
    }
}

/// The `name: value` fields of a struct's `(…)`.
struct Fields<'a, 'de> {
    reader: &'a mut Reader<'de>,
}

impl<'de> de::MapAccess<'de> for Fields<'_, 'de> {
    type Error = GaveUp;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if self.reader.peek()? == b')' {
            return Ok(None);
        }
        let name = self.reader.identifier()?;
        let key = seed.deserialize(BorrowedStrDeserializer::new(name))?;
        self.reader.expect(b':')?;
        Ok(Some(key))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        let value = seed.deserialize(&mut *self.reader)?;
        self.reader.comma_or(b')')?;
        Ok(value)
    }
}

impl<'de> de::EnumAccess<'de> for &mut Reader<'de> {
    type Error = GaveUp;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self)> {
        let name = self.identifier()?;
        let variant = seed.deserialize(BorrowedStrDeserializer::new(name))?;
        Ok((variant, self))
    }
}

impl<'de> de::VariantAccess<'de> for &mut Reader<'de> {
    type Error = GaveUp;

    fn unit_variant(self) -> Result<()> {
        match self.peek() {
            Ok(b'(') => Err(GaveUp),
            _ => Ok(()),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        self.within(PARENS, |reader| seed.deserialize(reader))
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value> {
        de::Deserializer::deserialize_tuple(self, len, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        de::Deserializer::deserialize_struct(self, "", fields, visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[derive(Debug, PartialEq, Deserialize)]
    struct Sample {
        name: String,
        count: u32,
        offset: i32,
        maybe: Option<(u8, bool)>,
        list: Vec<Kind>,
        map: BTreeMap<String, u64>,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    enum Kind {
        Plain,
        Counted(u32),
        Timed { minutes: u32 },
    }

    const SAMPLE: &str = r#"// a comment
(
  name: "a \"quoted\" name\n",
  count: 12,
  offset: -3,
  maybe: Some((7, true)),
  list: [Plain, Counted(2), Timed(minutes: 5)],
  map: {"a": 1, "b": 2},
)
"#;

    #[test]
    fn reads_what_ron_reads_in_the_covered_part() {
        let fast: Sample = from_str(SAMPLE).expect("in the covered part");
        let reference: Sample = ron::from_str(SAMPLE).unwrap();
        assert_eq!(fast, reference);
        assert_eq!(fast.name, "a \"quoted\" name\n");
    }

    #[test]
    fn reads_a_bare_value_as_some_only_when_asked_to() {
        let text = SAMPLE.replace("Some((7, true))", "(7, true)");
        assert!(from_str::<Sample>(&text).is_none());
        let fast: Sample = from_str_with_implicit_some(&text).unwrap();
        let reference: Sample = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str(&text)
            .unwrap();
        assert_eq!(fast, reference);
        assert_eq!(fast.maybe, Some((7, true)));
    }

    #[test]
    fn gives_up_on_what_it_does_not_cover_or_would_read_differently() {
        for (what, text) in [
            (
                "keys out of order",
                SAMPLE.replace(r#""a": 1, "b""#, r#""b": 1, "a""#),
            ),
            ("a key twice", SAMPLE.replace(r#""b": 2"#, r#""a": 2"#)),
            ("a block comment", SAMPLE.replace("// a comment", "/* a */")),
            (
                "an implicit Some",
                SAMPLE.replace("Some((7, true))", "(7, true)"),
            ),
            ("a hex number", SAMPLE.replace("12", "0xC")),
            ("a float", SAMPLE.replace("12", "12.0")),
            ("an unknown escape", SAMPLE.replace("\\n", "\\u{A}")),
            ("text after the value", format!("{SAMPLE} ()")),
            ("a named struct", SAMPLE.replacen('(', "Sample(", 1)),
            ("a number too large", SAMPLE.replace("12", "99999999999")),
        ] {
            assert!(from_str::<Sample>(&text).is_none(), "{what}: {text}");
        }
    }
}
