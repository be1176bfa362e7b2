//! The journal's storage format, in one place: RON, laid out for people to read, with one
//! parse pipeline (text check, `ron`, version, keys written twice) and the one-line
//! `file:line:column` errors a patient can act on. [`plan`] reads plan files the same way.

pub mod plan;
pub mod position;

use std::path::Path;

use serde::Serialize;
use serde::de::DeserializeOwned;

use aftercare_domain::model::JOURNAL_VERSION;
use aftercare_domain::unique_keys::WRITTEN_TWICE;

use crate::error::FileError;

/// How every RON file aftercare writes is laid out (two-space indent, one item a line), so
/// a patient can read and edit them.
pub fn pretty_config() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .indentor("  ")
        .compact_arrays(false)
        .depth_limit(4)
}

/// A value as aftercare writes it; `path` only names the file in errors.
pub fn to_text<T: Serialize>(value: &T, path: &Path) -> Result<String, FileError> {
    ron::ser::to_string_pretty(value, pretty_config())
        .map_err(|err| FileError::new(path, None, format!("could not be written: {err}")))
}

/// Turns a RON parse error into a [`FileError`] that names the file and the place. A key
/// written twice (see `unique_keys`) is placed where it is written the second time: `ron`
/// notices only after reading its value.
pub fn ron_error(path: &Path, text: &str, err: &ron::error::SpannedError) -> FileError {
    let message = err.code.to_string();
    let start = (err.span.start.line, err.span.start.col);
    let position = message
        .strip_suffix(WRITTEN_TWICE)
        .and_then(|key| {
            let before = position::offset(text, (err.span.end.line, err.span.end.col));
            text[..before].rfind(key)
        })
        .map_or(start, |offset| {
            position::line_column(text.as_bytes(), offset)
        });
    FileError::new(path, Some(position), message)
}

/// Parses a journal file's bytes; `path` only names the file in errors.
pub fn parse<T: DeserializeOwned + Versioned>(bytes: &[u8], path: &Path) -> Result<T, FileError> {
    let text = position::as_text(bytes)
        .map_err(|(position, message)| FileError::new(path, Some(position), message))?;
    // Where `version` is written: only an error needs it.
    let version_at = || position::position_of(text, "version");
    // A file newer than this build: "update aftercare" is the useful message, not
    // "unknown field". The version is probed on its own only when the file does not parse
    // (the probe is a second full parse: doing it first doubled every load).
    let newer = |version: u32| {
        FileError::new(
            path,
            version_at(),
            format!(
                "was written by a newer aftercare (journal version {version}, this one knows {JOURNAL_VERSION}); update aftercare — the file was not changed"
            ),
        )
    };
    let journal_error = |err: &ron::error::SpannedError| {
        let mut err = ron_error(path, text, err);
        if err.message.ends_with(WRITTEN_TWICE) {
            err.message += " (merge them by hand) — the file was not changed";
        }
        err
    };
    let mut value: T = match ron::from_str(text) {
        Ok(value) => value,
        Err(err) => {
            return match ron::from_str::<VersionProbe>(text) {
                Ok(probe) if probe.version > JOURNAL_VERSION => Err(newer(probe.version)),
                Ok(probe) if probe.version == 1 => match T::parse_version_1(text) {
                    Some(Ok(value)) => Ok(value),
                    Some(Err(err)) => Err(journal_error(&err)),
                    None => Err(journal_error(&err)),
                },
                _ => Err(journal_error(&err)),
            };
        }
    };
    if value.version() > JOURNAL_VERSION {
        return Err(newer(value.version()));
    }
    if value.version() == 0 {
        return Err(FileError::new(
            path,
            version_at(),
            format!("version 0 does not exist; this aftercare writes version {JOURNAL_VERSION}"),
        ));
    }
    value.after_read();
    Ok(value)
}

/// Just the `version` field of a journal file, whatever else it holds.
#[derive(serde::Deserialize)]
struct VersionProbe {
    version: u32,
}

/// Files that carry a schema version.
pub trait Versioned: Sized {
    fn version(&self) -> u32;

    /// Reads a version-1 file whose shape differs from version 2; `None` when the shapes
    /// are the same (the version-2 parse already said what is wrong).
    fn parse_version_1(_text: &str) -> Option<Result<Self, ron::error::SpannedError>> {
        None
    }

    /// Completes what a version-1 file lacks (identities).
    fn after_read(&mut self) {}
}

impl Versioned for aftercare_domain::model::TreatmentsFile {
    fn version(&self) -> u32 {
        self.version
    }

    fn after_read(&mut self) {
        self.identify_legacy();
    }
}

impl Versioned for aftercare_domain::model::MonthFile {
    fn version(&self) -> u32 {
        self.version
    }

    fn parse_version_1(text: &str) -> Option<Result<Self, ron::error::SpannedError>> {
        Some(
            ron::from_str::<crate::legacy::MonthFileV1>(text)
                .map(crate::legacy::MonthFileV1::upgrade),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aftercare_domain::model::MonthFile;

    fn refusal(text: &str) -> FileError {
        parse::<MonthFile>(text.as_bytes(), Path::new("m.ron")).unwrap_err()
    }

    #[test]
    fn a_key_written_twice_is_refused_at_its_second_place() {
        let err = refusal(
            "(version: 1, month: \"2027-03\", days: {\n  \"2027-03-14\": (),\n  \"2027-03-14\": (note: \"x\"),\n})",
        );
        assert_eq!(err.position, Some((3, 3)), "{err}");
        assert!(
            err.message.starts_with("\"2027-03-14\" is written twice"),
            "{err}"
        );
        assert!(err.message.ends_with("the file was not changed"), "{err}");
    }

    #[test]
    fn keys_in_comments_strings_and_other_maps_are_not_duplicates() {
        let text = "(version: 1, month: \"2027-03\", days: {\n  \"2027-03-14\": (ticks: {\"water\": [], /* \"water\": */ \"sun\": []}, note: \"\\\"water\\\": again\"),\n  \"2027-03-15\": (ticks: {\"water\": []}),\n})";
        parse::<MonthFile>(text.as_bytes(), Path::new("m.ron")).unwrap();
        let twice = "(version: 1, month: \"2027-03\", days: {\"2027-03-14\": (ticks: {\"water\": [], /* \"water\": */ \"water\": []})})";
        let second = twice.rfind("\"water\"").unwrap();
        assert_eq!(refusal(twice).position, Some((1, second + 1)));
    }
}
