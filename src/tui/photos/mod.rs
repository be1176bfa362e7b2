//! The photo view (issue 25): a day's photos with their captions, `c` compares day 0 with
//! the selected day for the same view (←/→ move the second), `a` adds a photo by its path,
//! `?` shows the guide for taking photos that compare. The state here is plain data; the
//! pictures themselves are made off the UI thread (`images`).

pub mod images;
pub mod layout;
pub mod picker;
pub mod view;

use jiff::civil::Date;

use crate::domain::photo::{Photo, PhotoView, caption};
use crate::domain::recovery::day_number;
use crate::journal::error::FileError;
use crate::journal::{Journal, Month};
use crate::tui::forms::input::TextInput;

/// A photo as the view shows it: the entry, its caption, its day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub photo: Photo,
    pub date: Date,
    /// "Day 1 · front · 09:12".
    pub caption: String,
}

/// Two photos of one view side by side: `first` (day 0, or the earliest) and the photo at
/// `second` in `timeline` (every photo of that view, oldest first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compare {
    pub first: Shown,
    pub timeline: Vec<Shown>,
    pub second: usize,
}

impl Compare {
    pub fn second(&self) -> &Shown {
        &self.timeline[self.second]
    }
}

/// The photo view's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhotoBrowser {
    pub date: Date,
    /// The day's photos, in the order taken.
    pub photos: Vec<Shown>,
    pub selected: usize,
    pub compare: Option<Compare>,
    /// The guide for taking photos is shown (`?`).
    pub guide: bool,
    /// The path of a photo to add, while it is typed (`a`).
    pub path: Option<TextInput>,
}

/// A photo with its caption.
fn shown(journal: &Journal, date: Date, photo: &Photo) -> Shown {
    Shown {
        caption: caption(
            photo,
            journal
                .treatment_for(date)
                .and_then(|t| day_number(t, date)),
        ),
        photo: photo.clone(),
        date,
    }
}

/// The photos of one day (its month is read, as the screen beneath reads it).
fn photos_of_day(journal: &mut Journal, date: Date) -> Result<Vec<Shown>, FileError> {
    journal.load_month(Month::of(date))?;
    Ok(journal.day(date).map_or_else(Vec::new, |day| {
        day.photos.iter().map(|p| shown(journal, date, p)).collect()
    }))
}

/// Every photo of `view` in the journal, oldest first. The months are read one at a time
/// and those not in memory before are forgotten again, so memory stays flat with the
/// years however often photos are compared.
fn photos_of_view(journal: &mut Journal, view: PhotoView) -> Result<Vec<Shown>, FileError> {
    let mut found = Vec::new();
    for month in journal.stored_months(None)? {
        let was_read = journal.has_month(month);
        journal.load_month(month)?;
        found.extend(
            journal
                .photos()
                .filter(|(date, photo)| Month::of(*date) == month && photo.view == view)
                .map(|(date, photo)| shown(journal, date, photo)),
        );
        if !was_read {
            journal.forget_months(|m| m != month);
        }
    }
    found.sort_by_key(|s| s.photo.order_key());
    Ok(found)
}

impl PhotoBrowser {
    /// The photos of `date`, read from the journal as it is.
    pub fn open(journal: &mut Journal, date: Date) -> Result<PhotoBrowser, FileError> {
        let photos = photos_of_day(journal, date)?;
        Ok(PhotoBrowser {
            date,
            photos,
            selected: 0,
            compare: None,
            guide: false,
            path: None,
        })
    }

    /// The same view re-read (a photo added, removed, or changed elsewhere), keeping the
    /// selection on the same photo where it still is.
    pub fn reload(&mut self, journal: &mut Journal) -> Result<(), FileError> {
        let keep = self.selected().map(|s| s.photo.id);
        let fresh = PhotoBrowser::open(journal, self.date)?;
        self.photos = fresh.photos;
        self.selected = keep
            .and_then(|id| self.photos.iter().position(|s| s.photo.id == id))
            .unwrap_or(self.photos.len().saturating_sub(1));
        self.compare = None;
        Ok(())
    }

    pub fn selected(&self) -> Option<&Shown> {
        self.photos.get(self.selected)
    }

    /// Moves the selection (list) or the second photo (comparison).
    pub fn step(&mut self, delta: isize) {
        if let Some(compare) = &mut self.compare {
            compare.second = compare
                .second
                .saturating_add_signed(delta)
                .min(compare.timeline.len() - 1);
        } else if !self.photos.is_empty() {
            self.selected = self
                .selected
                .saturating_add_signed(delta)
                .min(self.photos.len() - 1);
        }
    }

    /// Starts or ends the comparison of the selected photo's view: day 0 (the earliest
    /// photo of that view on its treatment's day, else the earliest of all) beside it.
    pub fn toggle_compare(&mut self, journal: &mut Journal) -> Result<(), FileError> {
        if self.compare.take().is_some() {
            return Ok(());
        }
        let Some(selected) = self.selected().cloned() else {
            return Ok(());
        };
        let timeline = photos_of_view(journal, selected.photo.view)?;
        let treated = journal.treatment_for(selected.date).map(|t| t.at.date());
        let first = timeline
            .iter()
            .find(|s| Some(s.date) == treated)
            .or_else(|| timeline.first())
            .cloned();
        let second = timeline
            .iter()
            .position(|s| s.photo.id == selected.photo.id);
        if let (Some(first), Some(second)) = (first, second) {
            self.compare = Some(Compare {
                first,
                timeline,
                second,
            });
        }
        Ok(())
    }

    /// The photos on screen now: the selected one, or the two compared.
    pub fn on_screen(&self) -> Vec<&Shown> {
        match &self.compare {
            Some(compare) => vec![&compare.first, compare.second()],
            None => self.selected().into_iter().collect(),
        }
    }
}
