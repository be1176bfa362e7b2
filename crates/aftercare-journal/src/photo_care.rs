//! The changes a patient makes to their photos (issue 25), shared by the app and the
//! command line: add (the files first, then the entry, inside the lock), remove (the entry,
//! then its files into `backups/`), and a photo's note. Photos are named by identity,
//! never by their place in a list.

use aftercare_domain::model::{EventId, Photo, PhotoView};
use aftercare_domain::photo::file_for;
use aftercare_domain::time::Stamp;
use jiff::ZonedDateTime;
use jiff::civil::Date;

use crate::care::{CareError, check_not_future};
use crate::photo_import::Imported;
use crate::{Edit, Journal, Operation, Scope};

/// The longest photo note, in characters.
pub const MAX_PHOTO_NOTE_CHARS: usize = 2_000;

/// What the patient said about a photo being added.
#[derive(Debug, Clone, Default)]
pub struct NewPhoto {
    /// The day it belongs to: else the day it was taken, else today.
    pub date: Option<Date>,
    pub view: PhotoView,
    pub note: String,
}

/// When the photo was taken and the day it is logged on: the capture time when known and
/// on that day, else the moment of adding (on the day given).
fn when(imported: &Imported, asked: &NewPhoto, now: &ZonedDateTime) -> (Date, Stamp) {
    let captured = imported
        .captured
        .and_then(|at| at.to_zoned_datetime(now.time_zone().clone()).ok())
        .filter(|at| at.date() <= now.date());
    let date = asked
        .date
        .or_else(|| captured.as_ref().map(ZonedDateTime::date))
        .unwrap_or_else(|| now.date());
    let taken = match captured.filter(|at| at.date() == date) {
        Some(at) => Stamp::of(&at),
        None => date
            .to_datetime(now.time())
            .to_zoned_datetime(now.time_zone().clone())
            .map_or_else(|_| Stamp::of(now), |at| Stamp::of(&at)),
    };
    (date, taken)
}

/// Stores an imported photo and records it on its day. Returns the entry.
pub fn add_photo(
    journal: &mut Journal,
    imported: &Imported,
    asked: &NewPhoto,
    now: &ZonedDateTime,
) -> Result<(Date, Photo), CareError> {
    let (date, taken) = when(imported, asked, now);
    check_not_future(date, now)?;
    check_note(&asked.note)?;
    let id = EventId::random();
    let photo = Photo {
        id,
        file: file_for(taken, id),
        taken,
        view: asked.view,
        note: asked.note.clone(),
        note_edit: (!asked.note.is_empty()).then(|| Edit {
            at: Stamp::of(now),
            id: EventId::random(),
        }),
    };
    let layout = journal.layout().clone();
    // Written inside the change, under the journal lock: another aftercare's tidy sweeps
    // the temporaries in `photos/` and must never find this one half-written.
    let saved = journal.transact(&Scope::day(date), |_| {
        crate::photo_files::store(&layout, &photo, imported)?;
        Ok::<_, CareError>(Some(Operation::AddPhoto {
            date,
            photo: photo.clone(),
        }))
    });
    if let Err(err) = saved {
        // Kept in memory for a later save (the app): the files must stay for it.
        if !journal.has_unsaved_changes() {
            crate::photo_files::discard(&layout, &photo);
        }
        return Err(err);
    }
    Ok((date, photo))
}

/// Why a photo could not be named.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotFound {
    #[error("no photo {0:?}; `aftercare photo list` shows their ids")]
    None(String),
    #[error("{0:?} names more than one photo; give more of its id")]
    Several(String),
}

/// The photo whose id starts with `prefix` (as `photo list` prints it), among all months.
pub fn find(
    journal: &mut Journal,
    prefix: &str,
) -> Result<Result<(Date, Photo), NotFound>, CareError> {
    journal.load_stored_months(None)?;
    let prefix = prefix.trim().to_ascii_lowercase();
    let found: Vec<(Date, Photo)> = journal
        .photos()
        .filter(|(_, p)| !prefix.is_empty() && p.id.to_string().starts_with(&prefix))
        .map(|(d, p)| (d, p.clone()))
        .collect();
    Ok(match found.len() {
        1 => Ok(found.into_iter().next().expect("one")),
        0 => Err(NotFound::None(prefix)),
        _ => Err(NotFound::Several(prefix)),
    })
}

/// Removes a photo (its files go to `backups/`). `None` when it was already removed.
pub fn remove_photo(
    journal: &mut Journal,
    date: Date,
    id: EventId,
) -> Result<Option<Photo>, CareError> {
    let mut removed = None;
    journal.transact(&Scope::day(date), |journal| {
        removed = journal.day(date).and_then(|d| d.photo(id)).cloned();
        Ok::<_, CareError>(
            removed
                .clone()
                .map(|photo| Operation::RemovePhoto { date, photo }),
        )
    })?;
    Ok(removed)
}

/// Writes a photo's note (empty clears it). `false` when the photo was removed meanwhile.
pub fn set_photo_note(
    journal: &mut Journal,
    date: Date,
    id: EventId,
    text: &str,
    now: &ZonedDateTime,
) -> Result<bool, CareError> {
    check_note(text)?;
    let op = journal.transact(&Scope::day(date), |journal| {
        let current = journal.day(date).and_then(|d| d.photo(id));
        Ok::<_, CareError>(current.map(|photo| Operation::PhotoNote {
            date,
            id,
            text: text.to_string(),
            edit: Edit::after(Stamp::of(now), photo.note_edit),
        }))
    })?;
    Ok(op.is_some())
}

fn check_note(text: &str) -> Result<(), CareError> {
    let chars = text.chars().count();
    if chars > MAX_PHOTO_NOTE_CHARS {
        return Err(CareError::TooLong {
            what: "photo note",
            chars,
            limit: MAX_PHOTO_NOTE_CHARS,
        });
    }
    Ok(())
}
