//! Date and time formats, and the parsing shared by the TUI and the command line.

use jiff::ZonedDateTime;
use jiff::civil::DateTime;

/// The format dates and times are typed in, everywhere in the app and on the command line.
pub const DATE_TIME_FORMAT: &str = "%Y-%m-%d %H:%M";

/// Reads "YYYY-MM-DD HH:MM" in `now`'s time zone; refuses a time after `now`.
pub fn parse_local_date_time(text: &str, now: &ZonedDateTime) -> Result<ZonedDateTime, String> {
    let text = text.trim();
    let civil = DateTime::strptime(DATE_TIME_FORMAT, text)
        .map_err(|_| format!("\"{text}\" is not a date and time like 2027-03-14 09:30"))?;
    let at = civil
        .to_zoned_datetime(now.time_zone().clone())
        .map_err(|err| format!("\"{text}\": {err}"))?;
    check_plausible(at.date())?;
    if at.timestamp() > now.timestamp() {
        return Err(format!(
            "{text} is in the future; record a treatment once it has happened"
        ));
    }
    Ok(at)
}

/// The earliest day aftercare records: microneedling aftercare journals start well after
/// it, so an earlier date is a typing slip (1900 for 2027, 1970 from an epoch default).
pub const EARLIEST_DATE: jiff::civil::Date = jiff::civil::date(2000, 1, 1);

/// Refuses a date before [`EARLIEST_DATE`], saying why.
pub fn check_plausible(date: jiff::civil::Date) -> Result<(), String> {
    if date < EARLIEST_DATE {
        return Err(format!(
            "{date} is before {EARLIEST_DATE}: aftercare keeps recent treatments and days; check the year"
        ));
    }
    Ok(())
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

/// How every RON file aftercare writes is laid out (two-space indent, one item a line), so
/// a patient can read and edit them.
pub fn pretty_config() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .indentor("  ")
        .compact_arrays(false)
        .depth_limit(4)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn implausible_dates_are_refused_with_the_reason() {
        let now: ZonedDateTime = "2027-03-14T09:30:00[Europe/Paris]".parse().unwrap();
        let err = parse_local_date_time("1970-01-01 00:00", &now).unwrap_err();
        assert!(err.contains("before 2000-01-01"), "{err}");
        assert!(check_plausible(jiff::civil::date(1900, 1, 1)).is_err());
        assert!(check_plausible(jiff::civil::date(2027, 3, 14)).is_ok());
    }

    #[test]
    fn shorten_marks_the_cut() {
        assert_eq!(shorten("face and neck", 8), "face an…");
        assert_eq!(shorten("face", 8), "face");
    }
}
