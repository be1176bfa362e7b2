//! A photo of the treated skin, as the journal keeps it: an entry of its day, with an
//! identity like every other entry, so two devices' copies merge exactly (issue 25).
//!
//! The picture itself is a file beside the journal (`photos/YYYY-MM/…jpg`, written by the
//! journal crate); here is only what the day records about it. Its file name carries the
//! photo's random identity, so two devices adding photos at the same second never pick
//! the same name.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::event::{Edit, EventId};
use crate::time::Stamp;

/// From which side the skin was photographed: photos are compared within one view.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum PhotoView {
    #[default]
    Front,
    Left,
    Right,
    Other,
}

impl PhotoView {
    pub const ALL: [PhotoView; 4] = [
        PhotoView::Front,
        PhotoView::Left,
        PhotoView::Right,
        PhotoView::Other,
    ];

    /// The word shown in captions and typed on the command line: "front".
    pub const fn word(self) -> &'static str {
        match self {
            PhotoView::Front => "front",
            PhotoView::Left => "left",
            PhotoView::Right => "right",
            PhotoView::Other => "other",
        }
    }
}

impl fmt::Display for PhotoView {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.word())
    }
}

/// A view name that does not read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a view: front, left, right or other")]
pub struct NotAView(pub String);

impl std::str::FromStr for PhotoView {
    type Err = NotAView;

    fn from_str(text: &str) -> Result<PhotoView, NotAView> {
        PhotoView::ALL
            .into_iter()
            .find(|view| view.word().eq_ignore_ascii_case(text.trim()))
            .ok_or_else(|| NotAView(text.to_string()))
    }
}

/// One photo of a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Photo {
    /// Its identity across machines (random; also in its file name).
    pub id: EventId,
    /// Where the picture is, relative to the journal folder (`photos/2027-03/…jpg`).
    pub file: String,
    /// When it was taken (the photo's own capture time, else when it was added).
    pub taken: Stamp,
    pub view: PhotoView,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// When the note was last written: of two copies the later edit wins.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_edit: Option<Edit>,
}

impl Photo {
    /// The order photos are listed in: time taken, then a fixed order.
    pub fn order_key(&self) -> (jiff::Timestamp, EventId) {
        (self.taken.instant, self.id)
    }

    /// The small copy shown in lists and reports, beside the photo: `….thumb.jpg`.
    pub fn thumbnail_file(&self) -> String {
        thumbnail_of(&self.file)
    }

    /// Sets the note unless a later edit already did.
    pub fn set_note(&mut self, text: &str, edit: Edit) {
        if self.note_edit.is_none_or(|current| edit > current) {
            self.note = text.to_string();
            self.note_edit = Some(edit);
        }
    }

    /// Of two copies of one photo, the one whose note was written later (a fixed choice
    /// on a tie, so a merge is the same on every machine).
    pub fn later<'a>(a: &'a Photo, b: &'a Photo) -> &'a Photo {
        if (b.note_edit, &b.note) > (a.note_edit, &a.note) {
            b
        } else {
            a
        }
    }
}

/// What a photo is shown with: "Day 1 · front · 09:12" (the day after the treatment in
/// force, when there is one; else its date).
pub fn caption(photo: &Photo, day: Option<u32>) -> String {
    let local = photo.taken.local();
    let when = match day {
        Some(day) => format!("Day {day}"),
        None => local.date().to_string(),
    };
    format!("{when} · {} · {}", photo.view, local.strftime("%H:%M"))
}

/// `photos/2027-03/x.jpg` → `photos/2027-03/x.thumb.jpg`.
pub fn thumbnail_of(file: &str) -> String {
    match file.strip_suffix(".jpg") {
        Some(stem) => format!("{stem}.thumb.jpg"),
        None => format!("{file}.thumb.jpg"),
    }
}

/// The file a new photo gets: in its month's folder, named by its day, time and identity
/// (`photos/2027-03/2027-03-14-091200-<16 hex>.jpg`): sorted by time in any file manager,
/// and never the same on two machines.
pub fn file_for(taken: Stamp, id: EventId) -> String {
    let local = taken.local();
    format!(
        "photos/{}/{}-{id}.jpg",
        local.strftime("%Y-%m"),
        local.strftime("%Y-%m-%d-%H%M%S")
    )
}

/// The short guide for taking photos that can be compared, shown with the first photo
/// added and on `?` in the photo view. Our default, from clinical photography practice.
pub const GUIDE: &str = "\
Taking photos you can compare (our default; your clinic may ask otherwise):
  - the same place, the same light (daylight from a window, no flash), the same distance;
  - no makeup, hair away from the treated skin;
  - front, then the left and the right profile (--view front|left|right).
Only your skin should change between photos (Nayler, J Postgrad Med 2003).";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn views_read_in_any_case_and_refuse_others() {
        assert_eq!("Left".parse::<PhotoView>(), Ok(PhotoView::Left));
        assert!("top".parse::<PhotoView>().is_err());
    }

    use crate::merge::Merge;
    use crate::model::DayEntry;
    use crate::operation::Operation;
    use crate::undo::{Done, View};

    fn stamp(second: i64) -> Stamp {
        Stamp {
            instant: jiff::Timestamp::from_second(1_805_000_000 + second).unwrap(),
            offset: jiff::tz::Offset::UTC,
        }
    }

    fn photo(second: i64, view: PhotoView) -> Photo {
        let id = EventId::random();
        Photo {
            id,
            file: file_for(stamp(second), id),
            taken: stamp(second),
            view,
            note: String::new(),
            note_edit: None,
        }
    }

    fn edit(second: i64) -> Edit {
        Edit {
            at: stamp(second),
            id: EventId::random(),
        }
    }

    #[test]
    fn photos_from_two_devices_merge_both_ways_alike() {
        // Two devices add a photo at the same second, and one removes the other's photo
        // it had already received: both new ones stay, the removed one stays removed.
        let shared = photo(0, PhotoView::Front);
        let mut base = DayEntry::default();
        base.add_photo(&shared);
        let (mut laptop, mut desktop) = (base.clone(), base.clone());
        let from_laptop = photo(60, PhotoView::Left);
        let from_desktop = photo(60, PhotoView::Left);
        assert_ne!(
            from_laptop.file, from_desktop.file,
            "file names never collide"
        );
        laptop.add_photo(&from_laptop);
        desktop.add_photo(&from_desktop);
        desktop.remove_photo(shared.id);
        laptop.photos[0].set_note("redder on the left", edit(90));

        let mut ab = laptop.clone();
        ab.merge(&desktop);
        let mut ba = desktop.clone();
        ba.merge(&laptop);
        assert_eq!(ab, ba);
        let ids: Vec<EventId> = ab.photos.iter().map(|p| p.id).collect();
        assert_eq!(ids.len(), 2);
        assert!(ids.contains(&from_laptop.id) && ids.contains(&from_desktop.id));
        assert!(ab.photo(shared.id).is_none());
        let mut again = ab.clone();
        again.merge(&laptop);
        assert_eq!(again, ab, "meeting twice changes nothing");
    }

    #[test]
    fn the_later_photo_note_wins_on_both_sides() {
        let first = photo(0, PhotoView::Front);
        let (mut a, mut b) = (DayEntry::default(), DayEntry::default());
        a.add_photo(&first);
        b.add_photo(&first);
        a.photos[0].set_note("early", edit(10));
        b.photos[0].set_note("late", edit(20));
        let mut ab = a.clone();
        ab.merge(&b);
        let mut ba = b.clone();
        ba.merge(&a);
        assert_eq!(ab.photos[0].note, "late");
        assert_eq!(ab, ba);
    }

    struct One(jiff::civil::Date, DayEntry);
    impl View for One {
        fn day(&self, date: jiff::civil::Date) -> Option<&DayEntry> {
            (date == self.0).then_some(&self.1)
        }
        fn treatments(&self) -> &[crate::model::Treatment] {
            &[]
        }
    }

    fn apply(view: &mut One, op: &Operation) -> Done {
        let done = Done::record(op, view);
        let mut file = crate::model::MonthFile::empty(crate::model::Month::of(view.0));
        file.days.insert(view.0, view.1.clone());
        op.apply_to_month(&mut file);
        view.1 = file.days.remove(&view.0).unwrap_or_default();
        done
    }

    #[test]
    fn removing_a_photo_and_undoing_brings_it_back_with_its_note() {
        let date = jiff::civil::date(2027, 3, 14);
        let mut day = One(date, DayEntry::default());
        let mut first = photo(0, PhotoView::Right);
        first.note = "day 0".into();
        apply(
            &mut day,
            &Operation::AddPhoto {
                date,
                photo: first.clone(),
            },
        );
        let removed = apply(
            &mut day,
            &Operation::RemovePhoto {
                date,
                photo: first.clone(),
            },
        );
        assert!(day.1.photos.is_empty());
        let undo = removed.inverse(&day, stamp(100)).unwrap();
        apply(&mut day, &undo);
        let back = &day.1.photos[0];
        assert_eq!(
            (back.file.as_str(), back.note.as_str(), back.view),
            (first.file.as_str(), "day 0", PhotoView::Right)
        );
        assert_ne!(back.id, first.id, "the tombstoned identity is never reused");
    }

    #[test]
    fn a_photo_note_undoes_to_the_note_before() {
        let date = jiff::civil::date(2027, 3, 14);
        let mut day = One(date, DayEntry::default());
        let first = photo(0, PhotoView::Front);
        apply(
            &mut day,
            &Operation::AddPhoto {
                date,
                photo: first.clone(),
            },
        );
        let op = Operation::PhotoNote {
            date,
            id: first.id,
            text: "crusts".into(),
            edit: edit(50),
        };
        let done = apply(&mut day, &op);
        assert_eq!(day.1.photos[0].note, "crusts");
        let undo = done.inverse(&day, stamp(100)).unwrap();
        apply(&mut day, &undo);
        assert_eq!(day.1.photos[0].note, "");
    }

    #[test]
    fn thumbnail_sits_beside_the_photo() {
        assert_eq!(
            thumbnail_of("photos/2027-03/a.jpg"),
            "photos/2027-03/a.thumb.jpg"
        );
    }
}
