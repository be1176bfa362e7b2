//! Photos in the journal (issue 25): their files private beside it, removal into
//! `backups/` and back on undo, and two devices' photos merged from a sync conflict copy.

use std::os::unix::fs::PermissionsExt as _;
use std::path::Path;
use std::time::Duration;

use aftercare_domain::model::PhotoView;
use aftercare_domain::time::Stamp;
use aftercare_journal::photo_care::{self, NewPhoto};
use aftercare_journal::photo_import::Imported;
use aftercare_journal::{Journal, Layout};

fn now() -> jiff::ZonedDateTime {
    jiff::civil::date(2027, 3, 14)
        .at(10, 0, 0, 0)
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .unwrap()
}

fn imported() -> Imported {
    let picture = image::RgbImage::from_pixel(64, 48, image::Rgb([180, 120, 110]));
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new(&mut jpeg)
        .encode_image(&picture)
        .unwrap();
    Imported {
        thumbnail: jpeg.clone(),
        jpeg,
        captured: Some(jiff::civil::date(2027, 3, 14).at(9, 12, 0, 0)),
        width: 64,
        height: 48,
    }
}

fn open(dir: &Path) -> Journal {
    Journal::open_writable(Layout::new(dir), Duration::from_secs(2)).unwrap()
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn a_photo_is_stored_privately_removed_into_backups_and_brought_back_by_undo() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = open(dir.path());
    let asked = NewPhoto {
        view: PhotoView::Left,
        ..NewPhoto::default()
    };
    let (date, photo) = photo_care::add_photo(&mut journal, &imported(), &asked, &now()).unwrap();
    assert_eq!(date, jiff::civil::date(2027, 3, 14), "the capture day");
    assert_eq!(photo.taken.local().time(), jiff::civil::time(9, 12, 0, 0));
    let file = dir.path().join(&photo.file);
    assert!(photo.file.starts_with("photos/2027-03/"), "{}", photo.file);
    assert_eq!(mode(&file), 0o600);
    assert_eq!(mode(&dir.path().join(photo.thumbnail_file())), 0o600);
    assert_eq!(mode(file.parent().unwrap()), 0o700);
    assert_eq!(mode(&dir.path().join("photos")), 0o700);

    let removed = photo_care::remove_photo(&mut journal, date, photo.id).unwrap();
    assert_eq!(removed.as_ref(), Some(&photo));
    assert!(!file.exists(), "moved out of photos/");
    let kept: Vec<_> = std::fs::read_dir(dir.path().join("backups/photos"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(kept.len(), 2, "the photo and its thumbnail: {kept:?}");
    let mut reread = open(dir.path());
    reread.load_stored_months(None).unwrap();
    assert_eq!(reread.photos().count(), 0);

    let done = journal.done().last().unwrap().clone();
    journal
        .undo(&done, Stamp::of(&now()))
        .unwrap()
        .expect("no conflict");
    assert!(file.exists(), "the file is back from backups/");
    let mut reread = open(dir.path());
    reread.load_stored_months(None).unwrap();
    let back: Vec<_> = reread.photos().map(|(_, p)| p.clone()).collect();
    assert_eq!(back.len(), 1);
    assert_eq!(
        (back[0].file.as_str(), back[0].view),
        (photo.file.as_str(), PhotoView::Left)
    );
}

#[test]
fn photos_added_on_two_devices_meet_through_a_sync_conflict_copy() {
    let laptop = tempfile::tempdir().unwrap();
    let desktop = tempfile::tempdir().unwrap();
    let asked = NewPhoto::default();
    let (_, ours) =
        photo_care::add_photo(&mut open(laptop.path()), &imported(), &asked, &now()).unwrap();
    let (_, theirs) =
        photo_care::add_photo(&mut open(desktop.path()), &imported(), &asked, &now()).unwrap();
    assert_ne!(
        ours.file, theirs.file,
        "two devices never pick the same file name"
    );

    // What Syncthing leaves when both changed the month: the other side's file as a
    // conflict copy, and the other side's photo file (its name is new, so no conflict).
    std::fs::copy(
        desktop.path().join("days/2027-03.ron"),
        laptop
            .path()
            .join("days/2027-03.sync-conflict-20270314-100500-DESKTOP.ron"),
    )
    .unwrap();
    let mut journal = open(laptop.path());
    journal.load_stored_months(None).unwrap();
    let ids: Vec<_> = journal.photos().map(|(_, p)| p.id).collect();
    assert_eq!(ids.len(), 2, "both photos: {ids:?}");
    assert!(ids.contains(&ours.id) && ids.contains(&theirs.id));
}

/// A crash in the middle of a photo's save leaves its temporary in `photos/YYYY-MM/`:
/// opening the journal for writing sweeps it, and only it — not a real photo, not a file
/// that merely looks like one of ours, not through a symlinked month folder.
#[test]
fn an_interrupted_photo_save_leaves_no_temporary_after_the_next_open() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = open(dir.path());
    let (_, photo) =
        photo_care::add_photo(&mut journal, &imported(), &NewPhoto::default(), &now()).unwrap();
    drop(journal);
    let month = dir.path().join("photos/2027-03");
    let stale = month.join(".aftercare-4242-0123456789abcdef.tmp");
    std::fs::write(&stale, "half a jpeg").unwrap();
    let lookalike = month.join("aftercare-4242-0123456789abcdef.tmp");
    std::fs::write(&lookalike, "not ours").unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let outside = elsewhere.path().join(".aftercare-7-00000000000000ff.tmp");
    std::fs::write(&outside, "someone else's").unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), dir.path().join("photos/2027-04")).unwrap();
    let real = std::fs::read(dir.path().join(&photo.file)).unwrap();

    let _journal = open(dir.path());

    assert!(!stale.exists(), "the interrupted save's temporary is swept");
    assert!(
        lookalike.exists(),
        "a name that is not exactly ours is kept"
    );
    assert!(
        outside.exists(),
        "nothing is removed through a symlinked month"
    );
    assert_eq!(std::fs::read(dir.path().join(&photo.file)).unwrap(), real);
    assert!(dir.path().join(photo.thumbnail_file()).exists());
}
