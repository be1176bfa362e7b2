//! Errors about the patient's files, shaped so that one line tells what is wrong and where.

use std::fmt;
use std::path::{Path, PathBuf};

/// A problem with one file: `path:line:column: message`, like a compiler error, so the
/// patient (or their editor) can jump straight to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    pub path: PathBuf,
    /// Line and column, both from 1, where the problem was found.
    pub position: Option<(usize, usize)>,
    pub message: String,
}

impl FileError {
    pub fn new(path: &Path, position: Option<(usize, usize)>, message: impl Into<String>) -> Self {
        FileError {
            path: path.to_path_buf(),
            position,
            message: message.into(),
        }
    }

    pub fn io(path: &Path, err: &std::io::Error) -> Self {
        FileError::new(path, None, err.to_string())
    }
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Paths and messages may carry text from the file itself: no escape sequences.
        let path = self.path.display().to_string();
        write!(f, "{}", aftercare_domain::text::printable(&path))?;
        if let Some((line, column)) = self.position {
            write!(f, ":{line}:{column}")?;
        }
        // Keep the error on one line whatever the parser said.
        let message = aftercare_domain::text::printable_with(&self.message, true);
        let message = message.split_whitespace().collect::<Vec<_>>().join(" ");
        write!(f, ": {message}")
    }
}

impl std::error::Error for FileError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_as_one_line_with_position() {
        let err = FileError::new(
            Path::new("/j/days/2027-03.ron"),
            Some((4, 7)),
            "expected\n  `)`",
        );
        assert_eq!(err.to_string(), "/j/days/2027-03.ron:4:7: expected `)`");
    }
}
