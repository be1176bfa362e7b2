//! What the RON parser lets through and a strict loader must not: a byte-order mark, bytes
//! that are not UTF-8, and a key written twice in one map (serde keeps the last one, so the
//! first would silently vanish from the next save). Each is reported with the line and
//! column where it is, computed from a byte offset by [`line_column`].

/// Line and column, both from 1, of byte `offset` in `bytes` (columns count characters).
pub fn line_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line_start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |i| i + 1);
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

/// Line and column of the first `needle` in `text`, to place an error found after parsing
/// (a field's value the validator refused).
pub fn position_of(text: &str, needle: &str) -> Option<(usize, usize)> {
    text.find(needle)
        .map(|offset| line_column(text.as_bytes(), offset))
}

/// `bytes` as text, or why they cannot be read as text, where: a UTF-8 byte-order mark
/// (which the RON parser reports as a confusing error at 1:1) or the first byte that is not
/// UTF-8. One pass over the bytes: a journal file is checked and read as text at once.
pub fn as_text(bytes: &[u8]) -> Result<&str, ((usize, usize), String)> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return Err((
            (1, 1),
            "starts with a byte-order mark (BOM); save it as UTF-8 without BOM (most editors call it \"UTF-8\", not \"UTF-8 with BOM\")".into(),
        ));
    }
    std::str::from_utf8(bytes).map_err(|err| {
        (
            line_column(bytes, err.valid_up_to()),
            format!(
                "is not text (invalid UTF-8 at byte {}); it was left as it is",
                err.valid_up_to()
            ),
        )
    })
}

/// Why `bytes` cannot be read as text, where (see [`as_text`]).
pub fn text_problem(bytes: &[u8]) -> Option<((usize, usize), String)> {
    as_text(bytes).err()
}

/// The first key that appears twice in the same `{ … }` map, with the byte offset of its
/// second appearance. Text the parser already accepted is assumed; on anything it would
/// not, this gives up quietly (`None`) rather than guess.
pub fn duplicate_key(text: &str) -> Option<(usize, String)> {
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        at: 0,
        depth: 0,
    };
    scanner.value().err().flatten()
}

/// A recursive walk over RON values; `Err(Some(..))` is a duplicate, `Err(None)` "gave up".
struct Scanner<'a> {
    bytes: &'a [u8],
    at: usize,
    depth: usize,
}

type Scan<T> = Result<T, Option<(usize, String)>>;

/// Deeper than any journal or plan; the parser refuses deeper text anyway.
const MAX_DEPTH: usize = 128;

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    /// Skips whitespace, `// line` and `/* block */` comments (nested, as RON allows).
    fn skip_blank(&mut self) {
        loop {
            match (self.peek(), self.bytes.get(self.at + 1)) {
                (Some(b), _) if b.is_ascii_whitespace() => self.at += 1,
                (Some(b'/'), Some(b'/')) => {
                    while self.peek().is_some_and(|b| b != b'\n') {
                        self.at += 1;
                    }
                }
                (Some(b'/'), Some(b'*')) => {
                    let mut nesting = 0usize;
                    while self.at < self.bytes.len() {
                        if self.bytes[self.at..].starts_with(b"/*") {
                            nesting += 1;
                            self.at += 2;
                        } else if self.bytes[self.at..].starts_with(b"*/") {
                            nesting -= 1;
                            self.at += 2;
                            if nesting == 0 {
                                break;
                            }
                        } else {
                            self.at += 1;
                        }
                    }
                }
                _ => return,
            }
        }
    }

    /// One value; returns the byte range of its text.
    fn value(&mut self) -> Scan<(usize, usize)> {
        self.skip_blank();
        let start = self.at;
        match self.peek() {
            None => return Err(None),
            Some(b'"') => self.quoted(b'"')?,
            Some(b'\'') => self.quoted(b'\'')?,
            Some(b'r') if matches!(self.bytes.get(self.at + 1), Some(b'"' | b'#')) => {
                self.raw_string()?;
            }
            Some(b'b') if self.bytes.get(self.at + 1) == Some(&b'"') => {
                self.at += 1;
                self.quoted(b'"')?;
            }
            Some(b'{') => self.map()?,
            Some(b'(' | b'[') => self.sequence()?,
            Some(_) => {
                // A number, identifier, `Some(..)`, struct name before `(`.
                while self.peek().is_some_and(|b| {
                    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'+' | b'-')
                }) {
                    self.at += 1;
                }
                if self.at == start {
                    return Err(None);
                }
                let end = self.at;
                self.skip_blank();
                if matches!(self.peek(), Some(b'(' | b'{')) {
                    return self.value().map(|(_, end)| (start, end));
                }
                return Ok((start, end));
            }
        }
        Ok((start, self.at))
    }

    /// A `"string"` or a `'c'`haracter literal, ended by its own `quote`; `\` escapes
    /// the byte after it.
    fn quoted(&mut self, quote: u8) -> Scan<()> {
        self.at += 1;
        loop {
            match self.peek() {
                None => return Err(None),
                Some(b'\\') => self.at += 2,
                Some(byte) if byte == quote => {
                    self.at += 1;
                    return Ok(());
                }
                Some(_) => self.at += 1,
            }
        }
    }

    fn raw_string(&mut self) -> Scan<()> {
        self.at += 1;
        let hashes = self.bytes[self.at..]
            .iter()
            .take_while(|b| **b == b'#')
            .count();
        self.at += hashes;
        if self.peek() != Some(b'"') {
            return Err(None);
        }
        self.at += 1;
        let mut end = vec![b'"'];
        end.extend(std::iter::repeat_n(b'#', hashes));
        while self.at < self.bytes.len() {
            if self.bytes[self.at..].starts_with(&end) {
                self.at += end.len();
                return Ok(());
            }
            self.at += 1;
        }
        Err(None)
    }

    fn enter(&mut self) -> Scan<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(None);
        }
        self.at += 1;
        Ok(())
    }

    /// `( … )` or `[ … ]`: values, or `name: value` fields, separated by commas.
    fn sequence(&mut self) -> Scan<()> {
        let close = if self.peek() == Some(b'(') {
            b')'
        } else {
            b']'
        };
        self.enter()?;
        loop {
            self.skip_blank();
            if self.peek() == Some(close) {
                break;
            }
            self.value()?;
            self.skip_blank();
            if self.peek() == Some(b':') {
                self.at += 1;
                self.value()?;
                self.skip_blank();
            }
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b) if b == close => break,
                _ => return Err(None),
            }
        }
        self.at += 1;
        self.depth -= 1;
        Ok(())
    }

    /// `{ key: value, … }`: every key's text must differ from the others'.
    fn map(&mut self) -> Scan<()> {
        self.enter()?;
        let mut keys = std::collections::HashSet::new();
        loop {
            self.skip_blank();
            if self.peek() == Some(b'}') {
                break;
            }
            let (start, end) = self.value()?;
            let key = &self.bytes[start..end];
            if !keys.insert(key) {
                return Err(Some((start, String::from_utf8_lossy(key).into_owned())));
            }
            self.skip_blank();
            if self.peek() != Some(b':') {
                return Err(None);
            }
            self.at += 1;
            self.value()?;
            self.skip_blank();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => break,
                _ => return Err(None),
            }
        }
        self.at += 1;
        self.depth -= 1;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_key_given_twice_at_its_second_place() {
        let text = "(days: {\n  \"2027-03-14\": (),\n  \"2027-03-14\": (note: \"x\"),\n})";
        let (offset, key) = duplicate_key(text).unwrap();
        assert_eq!(key, "\"2027-03-14\"");
        assert_eq!(line_column(text.as_bytes(), offset), (3, 3));
    }

    #[test]
    fn finds_duplicates_in_nested_maps_and_ignores_strings_and_comments() {
        let text = r#"(d: {"a": (t: {"w": 1, /* "w": */ "x": "{\"w\": 1}", "w": 2})})"#;
        assert_eq!(duplicate_key(text).unwrap().1, "\"w\"");
        assert!(duplicate_key(r#"(d: {"a": 1, "b": {"a": 2}}, e: {"a": 3})"#).is_none());
    }

    #[test]
    fn the_same_key_in_two_maps_is_fine() {
        assert!(duplicate_key(r#"[{"a": 1}, {"a": 1}]"#).is_none());
        assert!(
            duplicate_key(r##"(a: Some(Counted(target: 1)), m: {1: r#"x"#, 2: 'y'})"##).is_none()
        );
    }

    #[test]
    fn line_column_counts_characters_not_bytes() {
        assert_eq!(line_column("é\nab".as_bytes(), 4), (2, 2));
        assert_eq!(line_column("éx".as_bytes(), 2), (1, 2));
    }

    #[test]
    fn bom_and_bad_bytes_are_placed() {
        assert_eq!(text_problem(b"\xEF\xBB\xBF(").unwrap().0, (1, 1));
        assert_eq!(text_problem(b"(\n  a: \xff)").unwrap().0, (2, 6));
        assert!(text_problem(b"(a: 1)").is_none());
    }
}
