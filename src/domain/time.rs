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

/// Where "now" comes from. The app uses `local_zone::SystemClock` (it reads the zone's
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

impl std::str::FromStr for Stamp {
    type Err = String;

    fn from_str(text: &str) -> Result<Stamp, String> {
        let invalid = |err: jiff::Error| {
            format!("{text:?} is not a date-time like 2027-03-14T09:00:00+01:00 ({err})")
        };
        let pieces = jiff::fmt::temporal::Pieces::parse(text).map_err(invalid)?;
        let offset = pieces
            .to_numeric_offset()
            .ok_or_else(|| format!("{text:?} needs a UTC offset, like +01:00 or Z"))?;
        // One parse: the instant comes from the pieces (a journal holds tens of thousands
        // of stamps, and parsing each twice was a tenth of start-up).
        let time = pieces
            .time()
            .ok_or_else(|| format!("{text:?} needs a time of day, like 09:00:00"))?;
        let instant = offset
            .to_timestamp(pieces.date().to_datetime(time))
            .map_err(invalid)?;
        Ok(Stamp { instant, offset })
    }
}

impl Serialize for Stamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Stamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Stamp, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
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
        let err = "2027-03-14T09:05:00".parse::<Stamp>().unwrap_err();
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
