//! A tick that changes nothing writes nothing: every save is an fsync'd rewrite, too
//! costly to spend on a key that did nothing (see the README's Performance section).

mod common;

use std::os::unix::fs::MetadataExt;

use aftercare::journal::care::{self, TickChange};
use aftercare::journal::{Layout, Month};
use jiff::ZonedDateTime;

#[test]
fn a_tick_that_changes_nothing_is_not_saved() {
    let dir = common::journal_dir();
    let plan = aftercare::journal::builtin_plan().clone();
    let now: ZonedDateTime = "2027-03-15T10:00:00+01:00[Europe/Paris]".parse().unwrap();
    let mut journal = common::journal(&dir, Some("2027-03-14T09:00:00+01:00"));
    let month_file = Layout::new(dir.path()).month(Month::of(now.date()));
    let tick = |journal: &mut _, item, change| {
        care::tick(journal, &plan, item, now.date(), change, &now).unwrap()
    };

    // `-` on an item never ticked: no month file appears.
    assert_eq!(tick(&mut journal, "water", TickChange::Remove(1)), 0);
    assert!(!month_file.exists());

    // `+` on a once-a-day item already done, `-` at zero, `+0`: the file is not rewritten.
    assert_eq!(tick(&mut journal, "sunscreen", TickChange::Done), 1);
    let identity = || {
        let meta = std::fs::metadata(&month_file).unwrap();
        (meta.ino(), meta.mtime(), meta.mtime_nsec())
    };
    let before = identity();
    assert_eq!(tick(&mut journal, "sunscreen", TickChange::Add(1)), 1);
    assert_eq!(tick(&mut journal, "water", TickChange::Remove(2)), 0);
    assert_eq!(tick(&mut journal, "water", TickChange::Add(0)), 0);
    assert_eq!(identity(), before);

    // A real change still saves.
    assert_eq!(tick(&mut journal, "water", TickChange::Add(1)), 1);
    assert_ne!(identity(), before);
}
