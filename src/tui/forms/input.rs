//! Text fields: what was typed and where the cursor is, counted in characters.

/// A one-line text field: a [`TextArea`] that never holds a line break.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput(TextArea);

impl TextInput {
    /// A field holding `text`, cursor at the end (ready to append or erase).
    pub fn new(text: &str) -> TextInput {
        TextInput(TextArea::new(&text.replace('\n', " ")))
    }

    pub fn text(&self) -> &str {
        self.0.text()
    }

    /// Cursor position in characters from the start.
    pub fn cursor(&self) -> usize {
        self.0.cursor().1
    }

    pub fn insert(&mut self, c: char) {
        self.0.insert(if c == '\n' { ' ' } else { c });
    }

    /// Deletes the character before the cursor.
    pub fn backspace(&mut self) {
        self.0.backspace();
    }

    pub fn left(&mut self) {
        self.0.left();
    }

    pub fn right(&mut self) {
        self.0.right();
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

/// Multi-line text being typed (a day's note): the text and a cursor in characters.
///
/// Kept as one `String` with `\n` between lines, so what is saved is exactly what was typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextArea {
    text: String,
    cursor: usize,
}

impl TextArea {
    /// A text area holding `text`, cursor at the end.
    pub fn new(text: &str) -> TextArea {
        TextArea {
            text: text.to_string(),
            cursor: text.chars().count(),
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor as (line, column), both counted in characters from 0.
    pub fn cursor(&self) -> (usize, usize) {
        let before: Vec<char> = self.text.chars().take(self.cursor).collect();
        let line = before.iter().filter(|&&c| c == '\n').count();
        let column = before.iter().rev().take_while(|&&c| c != '\n').count();
        (line, column)
    }

    fn byte_index(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(index, _)| index)
    }

    fn len(&self) -> usize {
        self.text.chars().count()
    }

    pub fn insert(&mut self, c: char) {
        let at = self.byte_index(self.cursor);
        self.text.insert(at, c);
        self.cursor += 1;
    }

    pub fn backspace(&mut self) {
        if self.cursor > 0 {
            self.cursor -= 1;
            let at = self.byte_index(self.cursor);
            self.text.remove(at);
        }
    }

    /// Deletes the character under the cursor.
    pub fn delete(&mut self) {
        if self.cursor < self.len() {
            let at = self.byte_index(self.cursor);
            self.text.remove(at);
        }
    }

    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.len());
    }

    /// Moves to the same column of the line above (or its end, if shorter).
    pub fn up(&mut self) {
        let (line, column) = self.cursor();
        if line > 0 {
            self.move_to(line - 1, column);
        }
    }

    pub fn down(&mut self) {
        let (line, column) = self.cursor();
        if line + 1 < self.text.split('\n').count() {
            self.move_to(line + 1, column);
        }
    }

    fn move_to(&mut self, line: usize, column: usize) {
        let mut index = 0;
        for (number, text) in self.text.split('\n').enumerate() {
            let length = text.chars().count();
            if number == line {
                self.cursor = index + column.min(length);
                return;
            }
            index += length + 1;
        }
    }
}

#[cfg(test)]
mod text_area_tests {
    use super::TextArea;

    #[test]
    fn moves_between_lines_keeping_the_column() {
        let mut area = TextArea::new("first line\nab\nthird line");
        assert_eq!(area.cursor(), (2, 10));
        area.up();
        assert_eq!(area.cursor(), (1, 2), "clamped to the shorter line");
        area.up();
        assert_eq!(area.cursor(), (0, 2));
        area.insert('X');
        assert_eq!(area.text(), "fiXrst line\nab\nthird line");
        area.down();
        area.down();
        assert_eq!(area.cursor(), (2, 2), "through the short line");
        area.down();
        assert_eq!(area.cursor(), (2, 2), "no line below");
    }

    #[test]
    fn newline_backspace_and_delete_join_lines() {
        let mut area = TextArea::new("ab");
        area.left();
        area.insert('\n');
        assert_eq!(area.text(), "a\nb");
        assert_eq!(area.cursor(), (1, 0));
        area.backspace();
        assert_eq!(area.text(), "ab");
        area.left();
        area.delete();
        assert_eq!(area.text(), "b");
    }
}
