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
    if at.timestamp() > now.timestamp() {
        return Err(format!(
            "{text} is in the future; record a treatment once it has happened"
        ));
    }
    Ok(at)
}

/// How every RON file aftercare writes is laid out (two-space indent, one item a line), so
/// a patient can read and edit them.
pub fn pretty_config() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .indentor("  ")
        .compact_arrays(false)
        .depth_limit(4)
}
