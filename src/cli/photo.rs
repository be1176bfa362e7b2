//! `aftercare photo add|list|remove|note` (issue 25): through the same `photo_care` as
//! the app. Adding is all or nothing: every file is read and converted before the first is
//! stored, so one bad file among several leaves the journal as it was.

use crate::domain::photo::{GUIDE, Photo, caption};
use crate::domain::recovery::day_number;
use crate::domain::time::Clock;
use crate::journal::Journal;
use crate::journal::paths::Paths;
use crate::journal::photo_care::{self, NewPhoto};
use crate::journal::photo_import;

use super::{CliError, PhotoAddArgs, PhotoCommand};

/// Runs one photo subcommand.
pub(super) fn run(
    command: &PhotoCommand,
    paths: &Paths,
    clock: &dyn Clock,
) -> Result<String, CliError> {
    match command {
        PhotoCommand::Add(args) => add(args, paths, clock),
        PhotoCommand::List(args) => list(args.json, paths),
        PhotoCommand::Remove(args) => remove(&args.id, paths, clock),
        PhotoCommand::Note(args) => note(&args.id, &args.text.join(" "), paths, clock),
    }
}

fn add(args: &PhotoAddArgs, paths: &Paths, clock: &dyn Clock) -> Result<String, CliError> {
    // Bad input is refused before the journal is even opened: nothing can be written.
    let mut imported = Vec::with_capacity(args.files.len());
    for file in &args.files {
        let photo = photo_import::import(file)
            .map_err(|err| CliError::Refused(format!("aftercare: {err}")))?;
        imported.push(photo);
    }
    let mut journal = super::open_journal(paths, super::Access::Write)?;
    let first_ever = !journal.layout().photos_dir().exists();
    let now = clock.now();
    let asked = NewPhoto {
        date: args.date,
        view: args.view,
        note: args.note.clone(),
    };
    let mut text = String::new();
    for photo in &imported {
        let (date, added) = photo_care::add_photo(&mut journal, photo, &asked, &now)
            .map_err(|err| CliError::from_care(&["photo", "add"], err))?;
        text.push_str(&format!(
            "Added {} {} ({}x{}) on {date}: {}\n",
            short_id(&added),
            caption(
                &added,
                journal
                    .treatment_for(date)
                    .and_then(|t| day_number(t, date))
            ),
            photo.width,
            photo.height,
            added.file
        ));
    }
    super::undo::remember(paths, &journal, clock);
    if first_ever {
        text.push('\n');
        text.push_str(GUIDE);
        text.push('\n');
    }
    Ok(text)
}

/// The id as lists show it: the first 8 of its 16 hex digits, enough to name it.
fn short_id(photo: &Photo) -> String {
    photo.id.to_string()[..8].to_string()
}

fn all_photos(journal: &mut Journal) -> Result<Vec<(jiff::civil::Date, Photo)>, CliError> {
    journal.load_stored_months(None)?;
    Ok(journal.photos().map(|(d, p)| (d, p.clone())).collect())
}

fn list(json: bool, paths: &Paths) -> Result<String, CliError> {
    let mut journal = super::open_journal(paths, super::Access::Read)?;
    let photos = all_photos(&mut journal)?;
    let day = |date| {
        journal
            .treatment_for(date)
            .and_then(|t| day_number(t, date))
    };
    if json {
        let rows: Vec<serde_json::Value> = photos
            .iter()
            .map(|(date, p)| {
                serde_json::json!({
                    "id": p.id.to_string(),
                    "date": date.to_string(),
                    "day": day(*date),
                    "taken": p.taken.to_string(),
                    "view": p.view.word(),
                    "file": journal.layout().dir.join(&p.file),
                    "thumbnail": journal.layout().dir.join(p.thumbnail_file()),
                    "note": p.note,
                })
            })
            .collect();
        return Ok(format!("{}\n", serde_json::Value::Array(rows)));
    }
    if photos.is_empty() {
        return Ok("No photos yet. Add one: aftercare photo add FILE --view front\n".to_string());
    }
    let rows = photos.iter().map(|(date, p)| {
        let mut detail = p.file.clone();
        if !p.note.is_empty() {
            detail.push_str(&format!("  {}", p.note.replace('\n', " ")));
        }
        [
            short_id(p),
            format!("{date}  {}", caption(p, day(*date))),
            detail,
        ]
    });
    Ok(super::aligned_rows(rows))
}

fn remove(id: &str, paths: &Paths, clock: &dyn Clock) -> Result<String, CliError> {
    let mut journal = super::open_journal(paths, super::Access::Write)?;
    let (date, photo) = find(&mut journal, id, "remove")?;
    let removed = photo_care::remove_photo(&mut journal, date, photo.id)
        .map_err(|err| CliError::from_care(&["photo", "remove"], err))?;
    super::undo::remember(paths, &journal, clock);
    Ok(match removed {
        Some(p) => format!(
            "Removed photo {} of {date}; its file is kept in backups/ for two weeks (aftercare undo brings it back)\n",
            short_id(&p)
        ),
        None => format!("Photo {} was already removed\n", short_id(&photo)),
    })
}

fn note(id: &str, text: &str, paths: &Paths, clock: &dyn Clock) -> Result<String, CliError> {
    let mut journal = super::open_journal(paths, super::Access::Write)?;
    let (date, photo) = find(&mut journal, id, "note")?;
    let saved = photo_care::set_photo_note(&mut journal, date, photo.id, text, &clock.now())
        .map_err(|err| CliError::from_care(&["photo", "note"], err))?;
    super::undo::remember(paths, &journal, clock);
    Ok(if !saved {
        format!(
            "Photo {} was removed meanwhile; nothing was saved\n",
            short_id(&photo)
        )
    } else if text.trim().is_empty() {
        format!("Note of photo {} cleared\n", short_id(&photo))
    } else {
        format!("Note of photo {} saved\n", short_id(&photo))
    })
}

/// The photo an id names, or a usage error that says how to find ids.
fn find(
    journal: &mut Journal,
    id: &str,
    command: &'static str,
) -> Result<(jiff::civil::Date, Photo), CliError> {
    photo_care::find(journal, id)
        .map_err(|err| CliError::from_care(&["photo", command], err))?
        .map_err(|err| CliError::usage(&["photo", command], err))
}
