//! The machine's clock in the time zone in force, found by reading one file.
//!
//! jiff's `TimeZone::system()` first opens its zoneinfo database, and opening it walks all
//! of `/usr/share/zoneinfo` (about a hundred system calls, a third of aftercare's start-up,
//! even with `TZ` set) so that names can be looked up case-insensitively. Only one zone is
//! ever needed: the one `TZ` names, else the one `/etc/localtime` links to. This reads that
//! one TZif file, with the same rules and the same result as jiff (the same IANA name, so
//! the same DST transitions), and hands anything unusual (a name that is no file, an
//! `/etc/localtime` that is a copy rather than a link) to jiff, slow but right.
//!
//! Not in `domain/` because it reads files; shared by the TUI and the commands.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use jiff::tz::TimeZone;
use jiff::{Timestamp, ZonedDateTime};

use crate::domain::time::Clock;

/// How long a zone is trusted before `/etc/localtime` and `TZ` are read again, so a laptop
/// that changes zone (travel) is followed while running, as jiff itself does (5 minutes).
const REFRESH: Duration = Duration::from_secs(5 * 60);

/// Where a zone name is looked up when `TZDIR` is not set (jiff's list, in its order).
const ZONEINFO_DIRS: [&str; 3] = [
    "/usr/share/zoneinfo",
    "/usr/share/lib/zoneinfo",
    "/etc/zoneinfo",
];

/// The machine's clock in the zone in force (`TZ`, else `/etc/localtime`), the zone read
/// once and again every five minutes.
#[derive(Debug)]
pub struct SystemClock {
    zone: std::cell::RefCell<(TimeZone, Instant)>,
}

impl SystemClock {
    pub fn new() -> SystemClock {
        SystemClock {
            zone: std::cell::RefCell::new((zone_in_force(), Instant::now())),
        }
    }
}

impl Default for SystemClock {
    fn default() -> SystemClock {
        SystemClock::new()
    }
}

impl Clock for SystemClock {
    fn now(&self) -> ZonedDateTime {
        let mut zone = self.zone.borrow_mut();
        if zone.1.elapsed() >= REFRESH {
            *zone = (zone_in_force(), Instant::now());
        }
        Timestamp::now().to_zoned_datetime(zone.0.clone())
    }

    fn monotonic(&self) -> Instant {
        Instant::now()
    }
}

/// The zone in force: `TZ` if set, else `/etc/localtime`; UTC if neither says anything.
pub fn zone_in_force() -> TimeZone {
    let tz = std::env::var_os("TZ");
    let tzdir = std::env::var_os("TZDIR").map(PathBuf::from);
    zone_from(tz.as_deref(), tzdir.as_deref(), Path::new("/etc/localtime"))
        .unwrap_or_else(|| TimeZone::try_system().unwrap_or(TimeZone::UTC))
}

/// The zone `tz` (the value of `TZ`) or else `localtime` names, reading one file; `None`
/// when only jiff's full lookup can tell.
pub fn zone_from(tz: Option<&OsStr>, tzdir: Option<&Path>, localtime: &Path) -> Option<TimeZone> {
    let Some(tz) = tz else {
        return from_link(localtime);
    };
    // `TZ=` means UTC to GNU and BSD tools, and to jiff.
    if tz.is_empty() {
        return Some(TimeZone::UTC);
    }
    let tz = tz.to_str()?;
    let name_or_path = match tz.strip_prefix(':') {
        Some(rest) => rest,
        // Without a colon, a POSIX rule (`EST5EDT,M3.2.0,M11.1.0`) wins, as in jiff.
        None => match TimeZone::posix(tz) {
            Ok(zone) => return Some(zone),
            Err(_) => tz,
        },
    };
    match name_or_path.rfind("zoneinfo/") {
        // A path into a zoneinfo tree: the name is what follows, the file is the path.
        Some(at) => named_file(
            &name_or_path[at + "zoneinfo/".len()..],
            Path::new(name_or_path),
        ),
        None if name_or_path.starts_with('/') => None,
        None => {
            if !is_plain_name(name_or_path) {
                return None;
            }
            let dirs: Vec<PathBuf> = match tzdir {
                Some(dir) => vec![dir.to_path_buf()],
                None => ZONEINFO_DIRS.iter().map(PathBuf::from).collect(),
            };
            dirs.iter()
                .find_map(|dir| named_file(name_or_path, &dir.join(name_or_path)))
        }
    }
}

/// `/etc/localtime` as a link into a zoneinfo tree: the name after `zoneinfo/`.
fn from_link(localtime: &Path) -> Option<TimeZone> {
    let target = std::fs::read_link(localtime).ok()?;
    let target = target.to_str()?;
    let at = target.rfind("zoneinfo/")?;
    named_file(&target[at + "zoneinfo/".len()..], localtime)
}

/// The TZif file at `path`, under the IANA name `name`.
fn named_file(name: &str, path: &Path) -> Option<TimeZone> {
    if !is_plain_name(name) {
        return None;
    }
    let data = std::fs::read(path).ok()?;
    TimeZone::tzif(name, &data).ok()
}

/// `Area/City`-like: no empty, `.` or `..` part, nothing but what IANA names use.
fn is_plain_name(name: &str) -> bool {
    !name.is_empty()
        && name.split('/').all(|part| {
            !part.is_empty()
                && part != "."
                && part != ".."
                && part
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '+' | '.'))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    /// Offsets either side of both 2027 DST changes in New York and Paris, and a summer day.
    fn same_rules(a: &TimeZone, b: &TimeZone) {
        for day in [
            date(2027, 3, 13),
            date(2027, 3, 15),
            date(2027, 3, 27),
            date(2027, 3, 29),
            date(2027, 7, 1),
            date(2027, 10, 30),
            date(2027, 11, 1),
            date(2027, 11, 8),
        ] {
            let at = day
                .at(12, 0, 0, 0)
                .to_zoned_datetime(TimeZone::UTC)
                .unwrap();
            let ts = at.timestamp();
            assert_eq!(a.to_offset(ts), b.to_offset(ts), "{day}");
        }
        assert_eq!(a.iana_name(), b.iana_name());
    }

    fn jiff(name: &str) -> TimeZone {
        jiff::tz::db().get(name).expect("tzdata installed")
    }

    #[test]
    fn a_zone_name_in_tz_reads_that_file_with_its_dst_rules() {
        for name in ["America/New_York", "Europe/Paris", "UTC", "Asia/Tokyo"] {
            let zone = zone_from(Some(OsStr::new(name)), None, Path::new("/nonexistent"))
                .unwrap_or_else(|| panic!("{name} read"));
            same_rules(&zone, &jiff(name));
            let colon = zone_from(Some(OsStr::new(&format!(":{name}"))), None, Path::new("/x"));
            same_rules(&colon.expect("with a colon"), &jiff(name));
        }
    }

    #[test]
    fn a_path_in_tz_names_the_zone_after_zoneinfo() {
        let zone = zone_from(
            Some(OsStr::new("/usr/share/zoneinfo/America/New_York")),
            None,
            Path::new("/x"),
        )
        .expect("read");
        same_rules(&zone, &jiff("America/New_York"));
    }

    #[test]
    fn etc_localtime_link_gives_its_zone() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("localtime");
        std::os::unix::fs::symlink("/usr/share/zoneinfo/Europe/Paris", &link).unwrap();
        let zone = zone_from(None, None, &link).expect("read");
        same_rules(&zone, &jiff("Europe/Paris"));
    }

    #[test]
    fn posix_rules_and_empty_tz_follow_jiff() {
        let rule = "EST5EDT,M3.2.0,M11.1.0";
        let zone = zone_from(Some(OsStr::new(rule)), None, Path::new("/x")).unwrap();
        same_rules(&zone, &TimeZone::posix(rule).unwrap());
        let utc = zone_from(Some(OsStr::new("")), None, Path::new("/x")).unwrap();
        same_rules(&utc, &TimeZone::UTC);
    }

    #[test]
    fn what_one_file_cannot_tell_is_left_to_jiff() {
        for tz in ["No/Such_Zone", "../../etc/passwd", "/etc/passwd", "a//b"] {
            assert!(
                zone_from(Some(OsStr::new(tz)), None, Path::new("/x")).is_none(),
                "{tz}"
            );
        }
        // A copy, not a link: no name to give it.
        let dir = tempfile::tempdir().unwrap();
        let copy = dir.path().join("localtime");
        std::fs::copy("/usr/share/zoneinfo/Europe/Paris", &copy).unwrap();
        assert!(zone_from(None, None, &copy).is_none());
    }

    #[test]
    fn tzdir_is_where_names_are_looked_up() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("Europe")).unwrap();
        std::fs::copy(
            "/usr/share/zoneinfo/Asia/Tokyo",
            dir.path().join("Europe/Paris"),
        )
        .unwrap();
        let zone = zone_from(
            Some(OsStr::new("Europe/Paris")),
            Some(dir.path()),
            Path::new("/x"),
        )
        .expect("read from TZDIR");
        let ts = date(2027, 7, 1)
            .at(0, 0, 0, 0)
            .to_zoned_datetime(TimeZone::UTC)
            .unwrap();
        assert_eq!(zone.to_offset(ts.timestamp()), jiff::tz::offset(9));
    }
}
