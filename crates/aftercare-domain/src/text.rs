//! Date and time formats, and the parsing shared by the TUI and the command line.

use jiff::ZonedDateTime;
use jiff::civil::DateTime;

/// The format dates and times are typed in, everywhere in the app and on the command line.
pub const DATE_TIME_FORMAT: &str = "%Y-%m-%d %H:%M";

/// Reads "YYYY-MM-DD HH:MM" (or a 12-hour "YYYY-MM-DD 9:30 PM") with no zone.
pub fn parse_civil(text: &str) -> Option<DateTime> {
    let (date, time) = text.trim().split_once(' ')?;
    let date = jiff::civil::Date::strptime("%Y-%m-%d", date).ok()?;
    Some(date.to_datetime(crate::conventions::ClockStyle::parse_time(time)?))
}

/// Reads "YYYY-MM-DD HH:MM" (also "YYYY-MM-DD 9:30 PM") in `now`'s time zone; refuses a time after `now`.
///
/// A local time that does not exist (skipped when clocks go forward) or exists twice
/// (repeated when they go back) is refused with why and what to type instead: either
/// neighbouring time, or the time with its UTC offset (`2027-11-07 01:30 -05:00`), which is
/// also accepted here.
pub fn parse_local_date_time(
    text: &str,
    now: &ZonedDateTime,
) -> Result<ZonedDateTime, DateTimeError> {
    let text = text.trim();
    let invalid = || DateTimeError::Invalid(printable(text).into_owned());
    let zone = now.time_zone().clone();
    let at = match text.rsplit_once(' ') {
        Some((civil, offset)) if offset.starts_with(['+', '-']) => {
            let civil = parse_civil(civil).ok_or_else(invalid)?;
            let offset: jiff::tz::Offset =
                jiff::fmt::temporal::Pieces::parse(&format!("{civil}{offset}"))
                    .ok()
                    .and_then(|pieces| pieces.to_numeric_offset())
                    .ok_or_else(invalid)?;
            offset
                .to_timestamp(civil)
                .map_err(|_| invalid())?
                .to_zoned_datetime(zone)
        }
        _ => {
            let civil = parse_civil(text).ok_or_else(invalid)?;
            let ambiguous = zone.to_ambiguous_zoned_datetime(civil);
            let show = |at: Result<ZonedDateTime, jiff::Error>| {
                at.map(|at| at.strftime(DATE_TIME_FORMAT).to_string())
                    .unwrap_or_default()
            };
            match ambiguous.offset() {
                jiff::tz::AmbiguousOffset::Unambiguous { .. } => ambiguous
                    .compatible()
                    .map_err(|err| unresolved(text, &err))?,
                jiff::tz::AmbiguousOffset::Gap { .. } => {
                    let earlier = show(ambiguous.clone().earlier());
                    let later = show(ambiguous.clone().later());
                    let (earlier, later) = if earlier <= later {
                        (earlier, later)
                    } else {
                        (later, earlier)
                    };
                    return Err(DateTimeError::Skipped {
                        text: text.to_string(),
                        zone: zone_name(now),
                        earlier,
                        later,
                    });
                }
                jiff::tz::AmbiguousOffset::Fold { before, after } => {
                    return Err(DateTimeError::Repeated {
                        text: text.to_string(),
                        zone: zone_name(now),
                        before: offset_text(before),
                        after: offset_text(after),
                    });
                }
            }
        }
    };
    check_plausible(at.date())?;
    if at.timestamp() > now.timestamp() {
        return Err(DateTimeError::Future(text.to_string()));
    }
    Ok(at)
}

/// The earliest day aftercare records: microneedling aftercare journals start well after
/// it, so an earlier date is a typing slip (1900 for 2027, 1970 from an epoch default).
pub const EARLIEST_DATE: jiff::civil::Date = jiff::civil::date(2000, 1, 1);

/// Refuses a date before [`EARLIEST_DATE`], saying why.
pub fn check_plausible(date: jiff::civil::Date) -> Result<(), ImplausibleDate> {
    if date < EARLIEST_DATE {
        return Err(ImplausibleDate(date));
    }
    Ok(())
}

/// A date before [`EARLIEST_DATE`]: a slip of the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error(
    "{0} is before {earliest}: aftercare keeps recent treatments and days; check the year",
    earliest = EARLIEST_DATE
)]
pub struct ImplausibleDate(pub jiff::civil::Date);

/// Why a typed date and time (see [`parse_local_date_time`]) was refused, with what to type.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateTimeError {
    /// Not in the format (the text, made printable).
    #[error("\"{0}\" is not a date and time like 2027-03-14 09:30")]
    Invalid(String),
    /// The time zone could not place it (jiff's reason).
    #[error("\"{text}\": {reason}")]
    Unresolved { text: String, reason: String },
    /// Skipped when the clocks went forward: the neighbouring times.
    #[error(
        "{text} does not exist in {zone}: the clocks skipped that hour (daylight saving time); type {earlier} or {later}"
    )]
    Skipped {
        text: String,
        zone: String,
        earlier: String,
        later: String,
    },
    /// Lived twice when the clocks went back: the two offsets that tell them apart.
    #[error(
        "{text} happened twice in {zone}: the clocks went back an hour (daylight saving time); type \"{text} {before}\" for the first time or \"{text} {after}\" for the second"
    )]
    Repeated {
        text: String,
        zone: String,
        before: String,
        after: String,
    },
    #[error(transparent)]
    Implausible(#[from] ImplausibleDate),
    #[error("{0} is in the future; record a treatment once it has happened")]
    Future(String),
}

/// `text` cut to at most `max` characters, ending with "…" when cut.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

fn unresolved(text: &str, err: &jiff::Error) -> DateTimeError {
    DateTimeError::Unresolved {
        text: text.to_string(),
        reason: err.to_string(),
    }
}

fn zone_name(now: &ZonedDateTime) -> String {
    now.time_zone()
        .iana_name()
        .map_or_else(|| "your time zone".to_string(), str::to_string)
}

/// `-05:00`, as typed after a time.
fn offset_text(offset: jiff::tz::Offset) -> String {
    let seconds = offset.seconds();
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.unsigned_abs() / 60;
    format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60)
}

/// User text made safe for a terminal: control characters (escape sequences that could
/// retitle or reprogram the terminal, a lone carriage return that hides text) and
/// bidirectional overrides are removed; with `keep_lines`, newlines, tabs and the CRLF line
/// ends of a calendar file stay.
pub fn printable_with(text: &str, keep_lines: bool) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| {
        (c.is_control() && !(keep_lines && matches!(c, '\n' | '\t' | '\r')))
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    let lone_return =
        |at: usize| keep_lines && text[at..].starts_with('\r') && !text[at..].starts_with("\r\n");
    if !text.contains(unsafe_char) && !text.char_indices().any(|(at, _)| lone_return(at)) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(
        text.char_indices()
            .filter(|(at, c)| !unsafe_char(*c) && !lone_return(*at))
            .map(|(_, c)| c)
            .collect(),
    )
}

/// [`printable_with`] for one line: no control character at all.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    printable_with(text, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn implausible_dates_are_refused_with_the_reason() {
        let now: ZonedDateTime = "2027-03-14T09:30:00[Europe/Paris]".parse().unwrap();
        let err = parse_local_date_time("1970-01-01 00:00", &now)
            .unwrap_err()
            .to_string();
        assert!(err.contains("before 2000-01-01"), "{err}");
        assert!(check_plausible(jiff::civil::date(1900, 1, 1)).is_err());
        assert!(check_plausible(jiff::civil::date(2027, 3, 14)).is_ok());
    }

    #[test]
    fn twelve_hour_times_are_read_too() {
        let now: ZonedDateTime = "2027-03-14T23:00:00[Europe/Paris]".parse().unwrap();
        for typed in [
            "2027-03-14 21:30",
            "2027-03-14 9:30 PM",
            "2027-03-14 9:30pm",
        ] {
            let at = parse_local_date_time(typed, &now).unwrap();
            assert_eq!(at.strftime("%H:%M").to_string(), "21:30", "{typed}");
        }
        let at = parse_local_date_time("2027-03-14 12:05 am", &now).unwrap();
        assert_eq!(at.strftime("%H:%M").to_string(), "00:05");
        assert!(parse_local_date_time("2027-03-14 13:30 PM", &now).is_err());
    }

    #[test]
    fn shorten_marks_the_cut() {
        assert_eq!(shorten("face and neck", 8), "face an…");
        assert_eq!(shorten("face", 8), "face");
    }

    fn now() -> ZonedDateTime {
        "2027-12-01T09:00:00[America/New_York]".parse().unwrap()
    }

    #[test]
    fn a_time_skipped_by_dst_is_refused_with_what_to_type() {
        let err = parse_local_date_time("2027-03-14 02:30", &now())
            .unwrap_err()
            .to_string();
        assert!(err.contains("does not exist in America/New_York"), "{err}");
        assert!(
            err.contains("2027-03-14 01:30 or 2027-03-14 03:30"),
            "{err}"
        );
    }

    #[test]
    fn a_time_repeated_by_dst_is_refused_and_its_offset_form_accepted() {
        let err = parse_local_date_time("2027-11-07 01:30", &now())
            .unwrap_err()
            .to_string();
        assert!(err.contains("happened twice"), "{err}");
        assert!(err.contains("\"2027-11-07 01:30 -04:00\""), "{err}");
        let first = parse_local_date_time("2027-11-07 01:30 -04:00", &now()).unwrap();
        let second = parse_local_date_time("2027-11-07 01:30 -05:00", &now()).unwrap();
        assert_eq!((second.timestamp() - first.timestamp()).as_hours(), 1);
    }

    #[test]
    fn printable_strips_escapes_and_keeps_text() {
        assert_eq!(printable("face\u{1b}]2;owned\u{7}!"), "face]2;owned!");
        assert_eq!(printable_with("a\nb\r", true), "a\nb");
        assert_eq!(printable_with("a\r\nb\rc", true), "a\r\nbc");
        assert_eq!(printable("\u{202E}cheek"), "cheek");
    }
}
