//! The patient's conventions: which day a week starts on and how a time of day is written
//! (issue 27). One place for each, so the History calendar, `status`, reminders and the
//! plain mode never disagree.
//!
//! The defaults come from the locale when the system names one (`LC_ALL`, `LC_TIME`,
//! `LANG`, handed in: this crate reads no environment): the regions below start weeks on
//! Sunday or write 12-hour times (after CLDR's week and time data, shortened to the common
//! cases); every other locale, and none, gets Monday and 24 hours (ISO 8601).

use jiff::civil::{DateTime, Time, Weekday};

/// The first day of a week in a calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WeekStart {
    Monday,
    Sunday,
    Saturday,
}

/// How a time of day is written: "21:05" or "9:05 PM".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClockStyle {
    H24,
    H12,
}

/// Both conventions, as the patient set them or the locale suggests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Conventions {
    pub week_start: WeekStart,
    pub clock: ClockStyle,
}

impl Default for Conventions {
    /// Monday and 24 hours: ISO 8601, for a system that names no locale.
    fn default() -> Conventions {
        Conventions {
            week_start: WeekStart::Monday,
            clock: ClockStyle::H24,
        }
    }
}

/// Regions whose calendars start on Sunday (CLDR weekData, the common ones).
const SUNDAY_REGIONS: [&str; 9] = ["US", "CA", "JP", "BR", "IL", "MX", "PH", "KR", "TW"];
/// Regions whose calendars start on Saturday (CLDR weekData, the common ones).
const SATURDAY_REGIONS: [&str; 5] = ["EG", "DZ", "IR", "AF", "SY"];
/// Regions that write 12-hour times (CLDR timeData, the common ones).
const TWELVE_HOUR_REGIONS: [&str; 9] = ["US", "CA", "AU", "NZ", "IN", "PH", "PK", "EG", "KR"];

impl Conventions {
    /// The defaults for a locale name such as `en_US.UTF-8` (`None`, `C` or `POSIX`: the
    /// ISO defaults).
    pub fn from_locale(locale: Option<&str>) -> Conventions {
        let region = locale
            .and_then(|name| name.split(['.', '@']).next())
            .and_then(|name| name.split_once(['_', '-']))
            .map(|(_, region)| region.to_ascii_uppercase());
        let Some(region) = region else {
            return Conventions::default();
        };
        let region = region.as_str();
        Conventions {
            week_start: if SUNDAY_REGIONS.contains(&region) {
                WeekStart::Sunday
            } else if SATURDAY_REGIONS.contains(&region) {
                WeekStart::Saturday
            } else {
                WeekStart::Monday
            },
            clock: if TWELVE_HOUR_REGIONS.contains(&region) {
                ClockStyle::H12
            } else {
                ClockStyle::H24
            },
        }
    }
}

impl WeekStart {
    pub const ALL: [WeekStart; 3] = [WeekStart::Monday, WeekStart::Sunday, WeekStart::Saturday];

    /// The name as typed in the settings: `monday`.
    pub fn name(self) -> &'static str {
        match self {
            WeekStart::Monday => "monday",
            WeekStart::Sunday => "sunday",
            WeekStart::Saturday => "saturday",
        }
    }

    /// Reads a name, any case.
    pub fn parse(text: &str) -> Option<WeekStart> {
        WeekStart::ALL
            .into_iter()
            .find(|start| start.name().eq_ignore_ascii_case(text.trim()))
    }

    fn weekday(self) -> Weekday {
        match self {
            WeekStart::Monday => Weekday::Monday,
            WeekStart::Sunday => Weekday::Sunday,
            WeekStart::Saturday => Weekday::Saturday,
        }
    }

    /// The column (0 to 6) of `weekday` in a week that starts on this day.
    pub fn column(self, weekday: Weekday) -> u8 {
        u8::try_from(weekday.since(self.weekday())).unwrap_or(0)
    }

    /// The seven weekdays in calendar order.
    pub fn days(self) -> impl Iterator<Item = Weekday> {
        std::iter::successors(Some(self.weekday()), |day| Some(day.next())).take(7)
    }
}

impl ClockStyle {
    /// The name as typed in the settings: `24h` or `12h`.
    pub fn name(self) -> &'static str {
        match self {
            ClockStyle::H24 => "24h",
            ClockStyle::H12 => "12h",
        }
    }

    /// Reads `24h`/`12h` (also `24`, `12`).
    pub fn parse(text: &str) -> Option<ClockStyle> {
        match text.trim().to_ascii_lowercase().as_str() {
            "24h" | "24" => Some(ClockStyle::H24),
            "12h" | "12" => Some(ClockStyle::H12),
            _ => None,
        }
    }

    /// A date and time: "2027-03-15 21:05" or "2027-03-15 9:05 PM" (the date stays ISO,
    /// as typed on input).
    pub fn date_time(self, at: DateTime) -> String {
        format!("{} {}", at.date(), self.time(at.time()))
    }

    /// Reads a time of day in either clock, whatever the setting: "21:30", "9:30 PM",
    /// "9:30pm" (a patient who types what they read is never refused).
    pub fn parse_time(text: &str) -> Option<Time> {
        let text = text.trim().to_ascii_lowercase();
        let (digits, pm) = match text.strip_suffix("am").or_else(|| text.strip_suffix("pm")) {
            Some(digits) => (digits.trim_end(), Some(text.ends_with("pm"))),
            None => (text.as_str(), None),
        };
        let (hour, minute) = digits.split_once(':')?;
        if minute.len() != 2 || hour.is_empty() || hour.len() > 2 {
            return None;
        }
        let (hour, minute): (i8, i8) = (hour.parse().ok()?, minute.parse().ok()?);
        let hour = match pm {
            None => hour,
            Some(_) if !(1..=12).contains(&hour) => return None,
            Some(pm) => hour % 12 + if pm { 12 } else { 0 },
        };
        Time::new(hour, minute, 0, 0).ok()
    }

    /// A time of day as the patient reads it: "21:05" or "9:05 PM".
    pub fn time(self, time: Time) -> String {
        match self {
            ClockStyle::H24 => time.strftime("%H:%M").to_string(),
            ClockStyle::H12 => time.strftime("%-I:%M %p").to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_give_their_defaults() {
        let us = Conventions::from_locale(Some("en_US.UTF-8"));
        assert_eq!(
            (us.week_start, us.clock),
            (WeekStart::Sunday, ClockStyle::H12)
        );
        let fr = Conventions::from_locale(Some("fr_FR.UTF-8"));
        assert_eq!(
            (fr.week_start, fr.clock),
            (WeekStart::Monday, ClockStyle::H24)
        );
        for none in [None, Some("C"), Some("POSIX"), Some("")] {
            assert_eq!(Conventions::from_locale(none), Conventions::default());
        }
    }

    #[test]
    fn times_read_in_either_clock() {
        let time = Time::constant(21, 5, 0, 0);
        assert_eq!(ClockStyle::H24.time(time), "21:05");
        assert_eq!(ClockStyle::H12.time(time), "9:05 PM");
        assert_eq!(
            ClockStyle::H12.time(Time::constant(0, 30, 0, 0)),
            "12:30 AM"
        );
        assert_eq!(ClockStyle::H12.time(Time::constant(9, 0, 0, 0)), "9:00 AM");
    }

    #[test]
    fn columns_follow_the_week_start() {
        assert_eq!(WeekStart::Monday.column(Weekday::Monday), 0);
        assert_eq!(WeekStart::Sunday.column(Weekday::Monday), 1);
        assert_eq!(WeekStart::Saturday.column(Weekday::Friday), 6);
        let days: Vec<Weekday> = WeekStart::Sunday.days().collect();
        assert_eq!(days[0], Weekday::Sunday);
        assert_eq!(days[6], Weekday::Saturday);
    }
}
