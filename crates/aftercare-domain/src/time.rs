//! Time as the rest of the app sees it: an injectable clock, and instants stored with the
//! UTC offset they were recorded in.
//!
//! Calendar days are the patient's local days. Every entry keeps the instant it was logged
//! *and* its local offset, so a past entry's date is never recomputed after travel or a DST
//! change.

use std::cell::{Cell, RefCell};
use std::fmt;
use std::time::{Duration, Instant};

use jiff::civil::Date;
use jiff::tz::{Offset, TimeZone};
use jiff::{Timestamp, ZonedDateTime};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Where "now" comes from. The app uses the binary's `clock::SystemClock` (it reads the zone's
/// file, so it lives outside `domain/`); tests use [`FixedClock`].
///
/// Two readings: the wall clock in the local zone, for calendar days and restrictions, and
/// a monotonic instant for timers, which must not jump when the wall clock is set back.
pub trait Clock {
    fn now(&self) -> ZonedDateTime;
    fn monotonic(&self) -> Instant;
}

/// A clock that says what it is told; tests move it by hand.
#[derive(Debug, Clone)]
pub struct FixedClock {
    wall: RefCell<ZonedDateTime>,
    start: Instant,
    elapsed: Cell<Duration>,
}

impl FixedClock {
    /// Parses a time like `2027-03-14T09:00:00[Europe/Paris]`.
    pub fn at(text: &str) -> FixedClock {
        FixedClock {
            wall: RefCell::new(text.parse().expect("a valid zoned date-time")),
            start: Instant::now(),
            elapsed: Cell::new(Duration::ZERO),
        }
    }

    /// Sets the wall clock only, as a person or NTP would: timers do not notice.
    pub fn set(&self, text: &str) {
        *self.wall.borrow_mut() = text.parse().expect("a valid zoned date-time");
    }

    /// Lets time pass: both the wall clock and the monotonic clock move.
    pub fn advance(&self, duration: Duration) {
        let next = self.wall.borrow().checked_add(duration).expect("in range");
        *self.wall.borrow_mut() = next;
        self.elapsed.set(self.elapsed.get() + duration);
    }
}

impl Clock for FixedClock {
    fn now(&self) -> ZonedDateTime {
        self.wall.borrow().clone()
    }

    fn monotonic(&self) -> Instant {
        self.start + self.elapsed.get()
    }
}

/// Lets a test keep a handle on the clock it gave the app, to move time along.
impl<C: Clock + ?Sized> Clock for std::rc::Rc<C> {
    fn now(&self) -> ZonedDateTime {
        (**self).now()
    }

    fn monotonic(&self) -> Instant {
        (**self).monotonic()
    }
}

/// An instant together with the local UTC offset it was recorded in, written as RFC 3339
/// (`2027-03-14T09:00:00+01:00`): exact for arithmetic, readable for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Stamp {
    pub instant: Timestamp,
    pub offset: Offset,
}

impl Stamp {
    /// The instant of `zoned`, to the whole second: finer is noise in a journal people read.
    pub fn of(zoned: &ZonedDateTime) -> Stamp {
        let second = zoned.timestamp().as_second();
        Stamp {
            instant: Timestamp::from_second(second).expect("a second of a valid timestamp"),
            offset: zoned.offset(),
        }
    }

    /// The local calendar date where and when it was recorded.
    pub fn date(self) -> Date {
        self.offset.to_datetime(self.instant).date()
    }

    /// Local wall-clock time where it was recorded.
    pub fn local(self) -> jiff::civil::DateTime {
        self.offset.to_datetime(self.instant)
    }

    /// The same instant as seen in a time zone (for display in "now"'s zone).
    pub fn in_zone(self, zone: &TimeZone) -> ZonedDateTime {
        self.instant.to_zoned_datetime(zone.clone())
    }
}

impl fmt::Display for Stamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.instant.display_with_offset(self.offset))
    }
}

/// Why a stored date-time (see [`Stamp`]) does not read: the text, and what it lacks.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StampError {
    /// Not a date-time jiff reads (its reason).
    #[error("{text:?} is not a date-time like 2027-03-14T09:00:00+01:00 ({reason})")]
    Invalid { text: String, reason: String },
    #[error("{0:?} needs a UTC offset, like +01:00 or Z")]
    NoOffset(String),
    #[error("{0:?} needs a time of day, like 09:00:00")]
    NoTime(String),
}

impl std::str::FromStr for Stamp {
    type Err = StampError;

    fn from_str(text: &str) -> Result<Stamp, StampError> {
        Stamp::parse_written_form(text).map_or_else(|| Stamp::parse_any_form(text), Ok)
    }
}

impl Stamp {
    /// Any RFC 3339 / RFC 9557 form jiff reads, with a numeric offset.
    fn parse_any_form(text: &str) -> Result<Stamp, StampError> {
        let invalid = |err: jiff::Error| StampError::Invalid {
            text: text.to_string(),
            reason: err.to_string(),
        };
        let pieces = jiff::fmt::temporal::Pieces::parse(text).map_err(invalid)?;
        let offset = pieces
            .to_numeric_offset()
            .ok_or_else(|| StampError::NoOffset(text.to_string()))?;
        // One parse: the instant comes from the pieces (a journal holds tens of thousands
        // of stamps, and parsing each twice was a tenth of start-up).
        let time = pieces
            .time()
            .ok_or_else(|| StampError::NoTime(text.to_string()))?;
        let instant = offset
            .to_timestamp(pieces.date().to_datetime(time))
            .map_err(invalid)?;
        Ok(Stamp { instant, offset })
    }

    /// The form aftercare writes, `2027-03-14T09:05:00+01:00`, read without jiff's general
    /// parser: a journal holds tens of thousands of stamps, and every treatment's is read
    /// at start-up. `None` for any other form (`Z`, fractions, `-00:00`, a leap second…),
    /// which the general parser then reads or refuses.
    fn parse_written_form(text: &str) -> Option<Stamp> {
        let bytes = text.as_bytes();
        let separators = [
            (4, b'-'),
            (7, b'-'),
            (10, b'T'),
            (13, b':'),
            (16, b':'),
            (22, b':'),
        ];
        if bytes.len() != 25 || separators.iter().any(|(at, byte)| bytes[*at] != *byte) {
            return None;
        }
        let number = |from: usize, to: usize| {
            bytes[from..to].iter().try_fold(0i32, |value, digit| {
                digit
                    .is_ascii_digit()
                    .then(|| value * 10 + i32::from(digit - b'0'))
            })
        };
        let sign = match bytes[19] {
            b'+' => 1,
            b'-' => -1,
            _ => return None,
        };
        let (year, offset_hours, offset_minutes) =
            (number(0, 4)?, number(20, 22)?, number(23, 25)?);
        let offset_seconds = offset_hours * 3600 + offset_minutes * 60;
        // Only what the general parser surely reads the same way; the rest is left to it.
        if year < 1000
            || offset_hours > 18
            || offset_minutes > 59
            || (sign < 0 && offset_seconds == 0)
        {
            return None;
        }
        let datetime = jiff::civil::DateTime::new(
            i16::try_from(year).ok()?,
            i8::try_from(number(5, 7)?).ok()?,
            i8::try_from(number(8, 10)?).ok()?,
            i8::try_from(number(11, 13)?).ok()?,
            i8::try_from(number(14, 16)?).ok()?,
            i8::try_from(number(17, 19)?).ok()?,
            0,
        )
        .ok()?;
        let offset = Offset::from_seconds(sign * offset_seconds).ok()?;
        let instant = offset.to_timestamp(datetime).ok()?;
        Some(Stamp { instant, offset })
    }
}

impl Serialize for Stamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Stamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Stamp, D::Error> {
        /// Reads the text where it lies (no copy per stamp).
        struct Text;
        impl serde::de::Visitor<'_> for Text {
            type Value = Stamp;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date-time like 2027-03-14T09:00:00+01:00")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Stamp, E> {
                text.parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Text)
    }
}

/// Whole calendar days from `from` to `to` (negative when `to` is earlier). Civil-day
/// arithmetic, so a 23 h or 25 h DST day still counts as one.
pub fn days_between(from: Date, to: Date) -> i64 {
    i64::from(
        from.until((jiff::Unit::Day, to))
            .expect("dates in range")
            .get_days(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The quick reading of the written form is jiff's reading, on every instant and
        /// offset, and on damaged stamps it reads either the same or nothing.
        #[test]
        fn the_written_form_reads_as_jiff_reads_it(
            second in -2_208_988_800i64..253_402_300_799,
            offset_minutes in -18 * 60..=18 * 60i32,
            damage in proptest::option::of((0..25usize, "[0-9T:+Z -]")),
        ) {
            let offset = Offset::from_seconds(offset_minutes * 60).unwrap();
            let stamp = Stamp {
                instant: Timestamp::from_second(second).unwrap(),
                offset,
            };
            let mut text = stamp.to_string();
            if let Some((at, with)) = &damage {
                text.replace_range(*at..at + 1, with);
            }
            let quick = Stamp::parse_written_form(&text);
            if damage.is_none() && (1000..=9999).contains(&stamp.local().year()) {
                prop_assert_eq!(quick, Some(stamp));
            }
            if let Some(quick) = quick {
                prop_assert_eq!(Ok(quick), Stamp::parse_any_form(&text));
            }
        }
    }

    #[test]
    fn stamp_round_trips_through_text_with_its_offset() {
        let stamp: Stamp = "2027-03-14T09:05:00+01:00".parse().unwrap();
        assert_eq!(stamp.to_string(), "2027-03-14T09:05:00+01:00");
        assert_eq!(stamp.date(), jiff::civil::date(2027, 3, 14));
    }

    #[test]
    fn stamp_keeps_the_local_date_it_was_recorded_on() {
        // 23:30 in New York is already the next day in UTC.
        let stamp: Stamp = "2027-03-14T23:30:00-04:00".parse().unwrap();
        assert_eq!(stamp.date(), jiff::civil::date(2027, 3, 14));
    }

    #[test]
    fn stamp_without_offset_is_refused() {
        let err = "2027-03-14T09:05:00"
            .parse::<Stamp>()
            .unwrap_err()
            .to_string();
        assert!(err.contains("2027-03-14T09:05:00"), "{err}");
    }

    #[test]
    fn days_between_counts_civil_days_across_dst() {
        use jiff::civil::date;
        // US DST starts on 2027-03-14: that day has 23 hours, still one day.
        assert_eq!(days_between(date(2027, 3, 13), date(2027, 3, 15)), 2);
        assert_eq!(days_between(date(2027, 3, 15), date(2027, 3, 13)), -2);
    }
}
