//! The settings: `reminders.ron` in the config dir, one file for the reminders and the
//! patient's conventions (week start, clock), changed with `aftercare settings set
//! KEY=VALUE` (or `remind --set`) and shown with `aftercare settings`.
//!
//! The file holds plain strings ("20:00", "22:00-08:00", "off") so that a person can edit
//! it, and every value, typed or read, goes through the same parser. An absent file means
//! the defaults; a broken one is an error naming the file and the key, never overwritten.

use std::path::Path;

use jiff::civil::Time;
use serde::{Deserialize, Serialize};

use crate::domain::conventions::{ClockStyle, Conventions, WeekStart};
use crate::domain::reminders::{Kind, QuietHours};
use crate::journal;
use crate::journal::error::FileError;

/// The settings file's schema.
pub const SETTINGS_VERSION: u32 = 1;

/// What `remind` delivers, and when.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// When the evening reminder of today's open care comes; `None`: off.
    pub evening: Option<Time>,
    /// When nothing is delivered; `None`: no quiet hours.
    pub quiet: Option<QuietHours>,
    pub restrictions: bool,
    pub timers: bool,
    pub sessions: bool,
    pub alerts: bool,
    /// The first day of a calendar week; `None`: the locale's.
    pub week_start: Option<WeekStart>,
    /// 12- or 24-hour times; `None`: the locale's.
    pub clock: Option<ClockStyle>,
}

impl Default for Settings {
    /// 20:00 for the evening, quiet from 22:00 to 08:00, every kind on.
    fn default() -> Settings {
        Settings {
            evening: Some(Time::constant(20, 0, 0, 0)),
            quiet: Some(QuietHours {
                start: Time::constant(22, 0, 0, 0),
                end: Time::constant(8, 0, 0, 0),
            }),
            restrictions: true,
            timers: true,
            sessions: true,
            alerts: true,
            week_start: None,
            clock: None,
        }
    }
}

/// The keys `--set` knows, with what each one is for (shown by `--settings`).
pub const KEYS: [(&str, &str); 8] = [
    (
        "evening",
        "today's open care, once, at this time (HH:MM or off)",
    ),
    (
        "quiet",
        "nothing is delivered then; it waits until they end (HH:MM-HH:MM or off)",
    ),
    ("restrictions", "a restriction passing its minimum (on/off)"),
    ("timers", "an ice-pack session ending (on/off)"),
    (
        "sessions",
        "the next session's window opening or missed (on/off)",
    ),
    ("alerts", "an urgent alert, once a day (on/off)"),
    (
        "week-start",
        "the first day of a week in calendars (monday, sunday, saturday or auto: the locale's)",
    ),
    (
        "clock",
        "how times are written (24h, 12h or auto: the locale's)",
    ),
];

/// Why a value for a key was refused. The same words follow `aftercare remind --set` and
/// name the key in a broken `reminders.ron`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SettingError {
    #[error("{0:?} is not a reminder setting; the settings are {keys}", keys = key_names())]
    UnknownKey(String),
    #[error("{0:?} is not a time like 19:30 (or off)")]
    NotATime(String),
    #[error("{0:?} is not a span like 22:00-08:00 (or off)")]
    NotASpan(String),
    #[error("{0:?} is not monday, sunday, saturday or auto")]
    NotAWeekStart(String),
    #[error("{0:?} is not 24h, 12h or auto")]
    NotAClock(String),
    #[error("{0:?} starts and ends at the same time; use quiet=off for no quiet hours")]
    EmptySpan(String),
    #[error("{0:?} is not on or off")]
    NotASwitch(String),
}

/// "evening, quiet, …": the keys `--set` knows.
fn key_names() -> String {
    let names: Vec<&str> = KEYS.iter().map(|(key, _)| *key).collect();
    names.join(", ")
}

/// `reminders.ron` as written: one string per key (absent or empty: the default).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SettingsFile {
    version: u32,
    #[serde(default)]
    evening: String,
    #[serde(default)]
    quiet: String,
    #[serde(default)]
    restrictions: String,
    #[serde(default)]
    timers: String,
    #[serde(default)]
    sessions: String,
    #[serde(default)]
    alerts: String,
    #[serde(default)]
    week_start: String,
    #[serde(default)]
    clock: String,
}

impl journal::Versioned for SettingsFile {
    fn version(&self) -> u32 {
        self.version
    }
}

impl Settings {
    /// The settings in `path`, or the defaults when it does not exist.
    pub fn load(path: &Path) -> Result<Settings, FileError> {
        let read = journal::read::<SettingsFile>(path)?.0;
        journal::test_seam::pause("settings-read");
        let Some(file) = read else {
            return Ok(Settings::default());
        };
        let mut settings = Settings::default();
        for (key, value) in file.pairs() {
            if !value.trim().is_empty() {
                settings
                    .set(key, &value)
                    .map_err(|message| FileError::new(path, None, format!("{key}: {message}")))?;
            }
        }
        Ok(settings)
    }

    /// Writes every key (owner-only, crash-safe), creating the config dir if needed.
    pub fn save(&self, path: &Path) -> Result<(), FileError> {
        if let Some(dir) = path.parent() {
            journal::create_private_dir(dir).map_err(|err| FileError::io(dir, &err))?;
        }
        let value = |key| self.get(key);
        let file = SettingsFile {
            version: SETTINGS_VERSION,
            evening: value("evening"),
            quiet: value("quiet"),
            restrictions: value("restrictions"),
            timers: value("timers"),
            sessions: value("sessions"),
            alerts: value("alerts"),
            week_start: value("week-start"),
            clock: value("clock"),
        };
        journal::write(path, &file).map(|_| ())
    }

    /// Changes one key from its text (`evening`, `19:30`).
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), SettingError> {
        let value = value.trim();
        match key.trim() {
            "evening" => self.evening = parse_optional(value, parse_time)?,
            "quiet" => self.quiet = parse_optional(value, parse_span)?,
            "restrictions" => self.restrictions = parse_switch(value)?,
            "timers" => self.timers = parse_switch(value)?,
            "sessions" => self.sessions = parse_switch(value)?,
            "alerts" => self.alerts = parse_switch(value)?,
            "week-start" => {
                self.week_start = parse_auto(value, WeekStart::parse)
                    .ok_or_else(|| SettingError::NotAWeekStart(value.to_string()))?;
            }
            "clock" => {
                self.clock = parse_auto(value, ClockStyle::parse)
                    .ok_or_else(|| SettingError::NotAClock(value.to_string()))?;
            }
            other => return Err(SettingError::UnknownKey(other.to_string())),
        }
        Ok(())
    }

    /// One key's value as text, as `set` reads it back.
    pub fn get(&self, key: &str) -> String {
        let switch = |on: bool| if on { "on" } else { "off" }.to_string();
        match key {
            "evening" => self.evening.map_or("off".into(), hhmm),
            "quiet" => self.quiet.map_or("off".into(), |q| {
                format!("{}-{}", hhmm(q.start), hhmm(q.end))
            }),
            "restrictions" => switch(self.restrictions),
            "timers" => switch(self.timers),
            "sessions" => switch(self.sessions),
            "alerts" => switch(self.alerts),
            "week-start" => self.week_start.map_or("auto", WeekStart::name).to_string(),
            "clock" => self.clock.map_or("auto", ClockStyle::name).to_string(),
            _ => String::new(),
        }
    }

    /// The conventions in force: those set, the rest from `locale` (see
    /// [`locale_name`]).
    pub fn conventions(&self, locale: Option<&str>) -> Conventions {
        let defaults = Conventions::from_locale(locale);
        Conventions {
            week_start: self.week_start.unwrap_or(defaults.week_start),
            clock: self.clock.unwrap_or(defaults.clock),
        }
    }

    /// Whether reminders of `kind` are delivered.
    pub fn allows(&self, kind: Kind) -> bool {
        match kind {
            Kind::Restriction => self.restrictions,
            Kind::Timer => self.timers,
            Kind::Evening => self.evening.is_some(),
            Kind::NextSession => self.sessions,
            Kind::Alert => self.alerts,
        }
    }

    /// A warning when a setting can never fire: an evening time inside quiet hours would
    /// only come after the day it is about has ended.
    pub fn warning(&self) -> Option<String> {
        let (evening, quiet) = (self.evening?, self.quiet?);
        quiet.contains(evening).then(|| {
            format!(
                "the evening reminder ({}) falls in quiet hours ({}), so it never comes: move one of them",
                hhmm(evening),
                self.get("quiet")
            )
        })
    }
}

impl SettingsFile {
    fn pairs(self) -> [(&'static str, String); 8] {
        [
            ("evening", self.evening),
            ("quiet", self.quiet),
            ("restrictions", self.restrictions),
            ("timers", self.timers),
            ("sessions", self.sessions),
            ("alerts", self.alerts),
            ("week-start", self.week_start),
            ("clock", self.clock),
        ]
    }
}

/// The locale that names time formats, as the C library picks it: `LC_ALL`, then
/// `LC_TIME`, then `LANG` (the first one set and not empty).
pub fn locale_name() -> Option<String> {
    ["LC_ALL", "LC_TIME", "LANG"]
        .into_iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty())
}

/// The conventions in force for this process: the settings file's, else the locale's. A
/// settings file that cannot be read gives the locale's (the commands that write it say
/// what is wrong with it).
pub fn conventions_in_force(path: &Path) -> Conventions {
    Settings::load(path)
        .unwrap_or_default()
        .conventions(locale_name().as_deref())
}

/// The clock in force here, for every text that says a time: the settings file's (found
/// from HOME/XDG), else the locale's.
pub fn clock_here() -> ClockStyle {
    match crate::journal::paths::ReminderPaths::resolve() {
        Ok(places) => conventions_in_force(&places.settings).clock,
        Err(_) => Conventions::from_locale(locale_name().as_deref()).clock,
    }
}

/// `auto` is `Some(None)`: the locale decides; a name parsed is `Some(Some(_))`.
fn parse_auto<T>(value: &str, parse: fn(&str) -> Option<T>) -> Option<Option<T>> {
    if value.eq_ignore_ascii_case("auto") {
        Some(None)
    } else {
        parse(value).map(Some)
    }
}

fn hhmm(time: Time) -> String {
    time.strftime("%H:%M").to_string()
}

fn parse_optional<T>(
    value: &str,
    parse: fn(&str) -> Result<T, SettingError>,
) -> Result<Option<T>, SettingError> {
    if value.eq_ignore_ascii_case("off") {
        Ok(None)
    } else {
        parse(value).map(Some)
    }
}

fn parse_time(value: &str) -> Result<Time, SettingError> {
    Time::strptime("%H:%M", value).map_err(|_| SettingError::NotATime(value.to_string()))
}

fn parse_span(value: &str) -> Result<QuietHours, SettingError> {
    let bad = || SettingError::NotASpan(value.to_string());
    let (start, end) = value.split_once('-').ok_or_else(bad)?;
    let (start, end) = (
        parse_time(start.trim()).map_err(|_| bad())?,
        parse_time(end.trim()).map_err(|_| bad())?,
    );
    if start == end {
        return Err(SettingError::EmptySpan(value.to_string()));
    }
    Ok(QuietHours { start, end })
}

fn parse_switch(value: &str) -> Result<bool, SettingError> {
    match value.to_ascii_lowercase().as_str() {
        "on" | "yes" | "true" => Ok(true),
        "off" | "no" | "false" => Ok(false),
        _ => Err(SettingError::NotASwitch(value.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_reads_back_what_was_set() {
        let mut settings = Settings::default();
        for (key, value) in [
            ("evening", "19:30"),
            ("quiet", "23:00-07:15"),
            ("restrictions", "off"),
            ("timers", "off"),
            ("sessions", "off"),
            ("alerts", "off"),
            ("week-start", "sunday"),
            ("clock", "12h"),
        ] {
            settings.set(key, value).unwrap();
            assert_eq!(settings.get(key), value);
        }
        settings.set("evening", "off").unwrap();
        assert_eq!(settings.evening, None);
    }

    #[test]
    fn bad_values_say_what_is_expected() {
        let mut settings = Settings::default();
        let err = settings.set("evening", "25:00").unwrap_err().to_string();
        assert!(err.contains("19:30"), "{err}");
        let err = settings
            .set("quiet", "22:00-22:00")
            .unwrap_err()
            .to_string();
        assert!(err.contains("quiet=off"), "{err}");
        let err = settings.set("colour", "on").unwrap_err().to_string();
        assert!(err.contains("evening, quiet"), "{err}");
        assert_eq!(settings, Settings::default(), "nothing changed");
    }

    #[test]
    fn a_broken_file_names_itself_and_the_key() {
        let dir = tempfile::TempDir::new().unwrap();
        let path = dir.path().join("reminders.ron");
        std::fs::write(&path, "(version: 1, evening: \"8pm\")").unwrap();
        let err = Settings::load(&path).unwrap_err().to_string();
        assert!(
            err.contains("reminders.ron") && err.contains("evening"),
            "{err}"
        );
    }

    #[test]
    fn an_evening_in_quiet_hours_is_flagged() {
        let mut settings = Settings::default();
        assert_eq!(settings.warning(), None);
        settings.set("evening", "22:30").unwrap();
        assert!(settings.warning().unwrap().contains("never comes"));
    }
}
