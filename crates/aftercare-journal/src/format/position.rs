//! Where in a file a problem is (line and column, as an editor counts them), and the two
//! problems found before the RON parser runs: a byte-order mark and bytes that are not
//! UTF-8 (the parser would report either as a confusing error at 1:1).

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

/// The byte offset of a line and column (both from 1, columns counting characters), the
/// inverse of [`line_column`]; the end of `text` when it is past it.
pub fn offset(text: &str, (line, column): (usize, usize)) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    text[line_start..]
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(text.len(), |(at, _)| line_start + at)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_column_counts_characters_not_bytes() {
        assert_eq!(line_column("é\nab".as_bytes(), 4), (2, 2));
        assert_eq!(line_column("éx".as_bytes(), 2), (1, 2));
    }

    #[test]
    fn offset_is_the_inverse_of_line_column() {
        let text = "é\nab\n";
        for at in [0, 2, 3, 4, 5] {
            assert_eq!(offset(text, line_column(text.as_bytes(), at)), at);
        }
        assert_eq!(offset(text, (9, 1)), text.len());
    }

    #[test]
    fn bom_and_bad_bytes_are_placed() {
        assert_eq!(text_problem(b"\xEF\xBB\xBF(").unwrap().0, (1, 1));
        assert_eq!(text_problem(b"(\n  a: \xff)").unwrap().0, (2, 6));
        assert!(text_problem(b"(a: 1)").is_none());
    }
}
