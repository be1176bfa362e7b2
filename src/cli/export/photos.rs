//! The photos in a report (issue 25): in HTML, each treatment's photos by day as small
//! images inside the file (data URIs: no network, nothing to lose), day 0 beside the
//! latest of each view; in Markdown, the list of photo files. Every image is re-encoded
//! from the stored copy as it is put in (`photo_import::report_copy`), so no metadata can
//! ride along. `--no-photos` leaves them all out.

use std::fmt::Write as _;

use jiff::civil::Date;

use crate::domain::photo::{PhotoView, caption};
use crate::domain::recovery::day_number;
use crate::journal::Journal;
use crate::journal::photo_import;

/// The long side of a photo in the report, in pixels: small enough that a report with a
/// hundred photos stays a few megabytes.
const REPORT_SIDE: u32 = 320;

/// One photo as a report shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportPhoto {
    pub date: Date,
    pub view: PhotoView,
    /// "Day 1 · front · 09:12".
    pub caption: String,
    /// Where it is in the journal folder (`photos/2027-03/…jpg`).
    pub file: String,
    pub note: String,
    /// The image, re-encoded small; `None` when left out or unreadable.
    pub jpeg: Option<Vec<u8>>,
}

/// The photos of the months the journal has loaded, oldest first; with `embed`, each with
/// its small image.
pub fn collect(journal: &Journal, since: Option<Date>, embed: bool) -> Vec<ReportPhoto> {
    let mut photos: Vec<ReportPhoto> = journal
        .photos()
        .filter(|(date, _)| since.is_none_or(|since| *date >= since))
        .map(|(date, photo)| ReportPhoto {
            date,
            view: photo.view,
            caption: caption(
                photo,
                journal
                    .treatment_for(date)
                    .and_then(|t| day_number(t, date)),
            ),
            file: photo.file.clone(),
            note: photo.note.clone(),
            jpeg: embed
                .then(|| {
                    let path = journal.layout().dir.join(&photo.file);
                    photo_import::report_copy(&path, REPORT_SIDE).ok()
                })
                .flatten(),
        })
        .collect();
    photos.sort_by_key(|p| (p.date, p.caption.clone()));
    photos
}

/// The photos of the days between `first` and `last` (a treatment's section).
pub fn between(photos: &[ReportPhoto], first: Date, last: Date) -> Vec<&ReportPhoto> {
    photos
        .iter()
        .filter(|p| p.date >= first && p.date <= last)
        .collect()
}

/// The CSS the photo figures need, for a report that has photos (a report without any is
/// the same as before photos existed).
pub fn style(photos: &[ReportPhoto]) -> &'static str {
    if photos.is_empty() { "" } else { STYLE }
}

/// The CSS the photo figures need.
const STYLE: &str = ".photos{display:flex;flex-wrap:wrap;gap:.5rem}\
.photos figure{margin:0;max-width:11rem}\
.photos img{width:100%;height:auto;border-radius:4px}\
.photos figcaption{font-size:.8rem;color:#555}";

/// The section's photos: day 0 beside the latest of each view, then every photo by day.
pub fn html(out: &mut String, photos: &[&ReportPhoto]) {
    if photos.is_empty() {
        return;
    }
    out.push_str("<h3>Photos</h3>\n");
    let mut compared = false;
    for view in PhotoView::ALL {
        let of_view: Vec<&&ReportPhoto> = photos.iter().filter(|p| p.view == view).collect();
        if let (Some(first), Some(last)) = (of_view.first(), of_view.last())
            && first.file != last.file
        {
            if !compared {
                out.push_str("<p class=\"meta\">Day 0 beside the latest, for each view:</p>\n");
                compared = true;
            }
            out.push_str("<div class=\"photos compare\">\n");
            figure(out, first);
            figure(out, last);
            out.push_str("</div>\n");
        }
    }
    out.push_str("<p class=\"meta\">Every photo, by day:</p>\n<div class=\"photos all\">\n");
    for photo in photos {
        figure(out, photo);
    }
    out.push_str("</div>\n");
}

fn figure(out: &mut String, photo: &ReportPhoto) {
    let caption = super::svg::escape(&photo.caption);
    out.push_str("<figure>");
    match &photo.jpeg {
        Some(jpeg) => {
            let _ = write!(
                out,
                "<img alt=\"{caption}\" src=\"data:image/jpeg;base64,{}\">",
                base64_simd::STANDARD.encode_to_string(jpeg)
            );
        }
        None => out.push_str("<span class=\"meta\">(photo not included)</span>"),
    }
    let _ = write!(out, "<figcaption>{caption}");
    if !photo.note.is_empty() {
        let _ = write!(out, " · {}", super::svg::escape(&photo.note));
    }
    out.push_str("</figcaption></figure>\n");
}

/// The section's photo files, one line each; `inline` escapes the patient's text as the
/// rest of the Markdown report does.
pub fn markdown(out: &mut String, photos: &[&ReportPhoto], inline: fn(&str) -> String) {
    if photos.is_empty() {
        return;
    }
    out.push_str("\n### Photos\n\n");
    for photo in photos {
        let _ = write!(out, "- {}: `{}`", photo.caption, photo.file);
        if !photo.note.is_empty() {
            let _ = write!(out, " — {}", inline(&photo.note.replace('\n', " ")));
        }
        out.push('\n');
    }
}

/// What the export says about the photos it holds.
pub fn words(photos: &[ReportPhoto], left_out: bool) -> String {
    let inside = photos.iter().filter(|p| p.jpeg.is_some()).count();
    match (left_out, inside, photos.len()) {
        (true, _, 0) | (false, _, 0) => String::new(),
        (true, _, n) => format!("; {n} photo(s) left out (--no-photos)"),
        (false, inside, n) if inside == n => format!("; {n} photo(s) inside"),
        (false, inside, n) => {
            format!("; {inside} of {n} photo(s) inside (the others could not be read)")
        }
    }
}
