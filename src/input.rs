//! A one-line text field: the text and where the cursor is, in characters.

/// Text being typed, with a cursor that moves by whole characters (never inside UTF-8).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    text: String,
    /// Cursor position in characters, 0..=char count.
    cursor: usize,
}

impl TextInput {
    /// A field holding `text`, cursor at the end (ready to append or erase).
    pub fn new(text: &str) -> TextInput {
        TextInput {
            text: text.to_string(),
            cursor: text.chars().count(),
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    fn byte_index(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(index, _)| index)
    }

    pub fn insert(&mut self, c: char) {
        let at = self.byte_index(self.cursor);
        self.text.insert(at, c);
        self.cursor += 1;
    }

    /// Deletes the character before the cursor.
    pub fn backspace(&mut self) {
        if self.cursor > 0 {
            self.cursor -= 1;
            let at = self.byte_index(self.cursor);
            self.text.remove(at);
        }
    }

    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.text.chars().count());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_at_the_cursor_with_wide_characters() {
        let mut input = TextInput::new("a日b");
        input.left();
        input.backspace();
        assert_eq!(input.text(), "ab");
        input.insert('é');
        assert_eq!(input.text(), "aéb");
        assert_eq!(input.cursor(), 2);
        input.right();
        input.right();
        assert_eq!(input.cursor(), 3);
    }

    #[test]
    fn backspace_at_start_does_nothing() {
        let mut input = TextInput::new("x");
        input.left();
        input.backspace();
        assert_eq!(input.text(), "x");
    }
}
