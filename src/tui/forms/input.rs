//! Text fields: what was typed and where the cursor is, counted in characters.

/// A one-line text field: a [`TextArea`] that never holds a line break.
///
/// A pre-filled value is "selected" until the patient moves in it: the first character
/// typed replaces it (as form fields do), so typing "neck" over "face" gives "neck", not
/// "faceneck"; Backspace, ← and → keep it and edit at the cursor.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    area: TextArea,
    selected: bool,
}

impl TextInput {
    /// A field holding `text`, cursor at the end, the text selected.
    pub fn new(text: &str) -> TextInput {
        TextInput {
            area: TextArea::new(&text.replace('\n', " ")),
            selected: !text.is_empty(),
        }
    }

    pub fn text(&self) -> &str {
        self.area.text()
    }

    /// True while the whole value is selected: the next character replaces it.
    pub fn is_selected(&self) -> bool {
        self.selected
    }

    /// Selects the whole value (the field just got focus).
    pub fn select_all(&mut self) {
        self.selected = !self.area.text().is_empty();
    }

    /// Cursor position in characters from the start.
    pub fn cursor(&self) -> usize {
        self.area.cursor().1
    }

    pub fn insert(&mut self, c: char) {
        if std::mem::take(&mut self.selected) {
            self.area = TextArea::default();
        }
        self.area.insert(if c == '\n' { ' ' } else { c });
    }

    /// Deletes the character before the cursor (and keeps the rest: correcting the end of
    /// a pre-filled time is the common case).
    pub fn backspace(&mut self) {
        self.selected = false;
        self.area.backspace();
    }

    pub fn left(&mut self) {
        self.selected = false;
        self.area.left();
    }

    pub fn right(&mut self) {
        self.selected = false;
        self.area.right();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_key_replaces_a_prefilled_value() {
        let mut input = TextInput::new("face");
        input.insert('n');
        input.insert('e');
        assert_eq!(input.text(), "ne");
        let mut input = TextInput::new("face");
        input.right();
        input.insert('!');
        assert_eq!(
            input.text(),
            "face!",
            "after a move, typing edits at the cursor"
        );
        let mut input = TextInput::new("face");
        input.backspace();
        input.insert('t');
        assert_eq!(input.text(), "fact");
    }

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
