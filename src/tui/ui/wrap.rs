//! Word wrapping by display width, for the panels that must know how many rows a text
//! takes (to scroll it, or to mark what does not fit) before drawing it.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Splits `text` into rows of at most `width` columns, breaking between words; a word
/// longer than a row is broken where it must be. Line breaks in `text` are kept.
pub fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut rows = Vec::new();
    for line in text.split('\n') {
        let mut row = String::new();
        for word in line.split(' ') {
            let word_width = word.width();
            let needed = if row.is_empty() {
                word_width
            } else {
                row.width() + 1 + word_width
            };
            if needed <= width {
                if !row.is_empty() {
                    row.push(' ');
                }
                row.push_str(word);
                continue;
            }
            if !row.is_empty() {
                rows.push(std::mem::take(&mut row));
            }
            // A word wider than a row: break it by characters.
            for c in word.chars() {
                if row.width() + c.width().unwrap_or(0) > width && !row.is_empty() {
                    rows.push(std::mem::take(&mut row));
                }
                row.push(c);
            }
        }
        rows.push(row);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_never_broken_in_the_middle() {
        assert_eq!(
            wrap_words("Ice pack helped a lot", 10),
            ["Ice pack", "helped a", "lot"]
        );
        assert_eq!(wrap_words("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap_words("a\nb", 4), ["a", "b"]);
    }
}
