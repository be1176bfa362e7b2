//! The photo view (issue 25) rendered into `TestBackend`: captions, halfblock pictures made
//! off the UI thread, day 0 beside day 1, and captions with paths when images are off.

mod common;

use std::time::{Duration, Instant};

use aftercare::domain::photo::PhotoView;
use aftercare::journal::photo_care::{self, NewPhoto};
use aftercare::journal::photo_import::Imported;
use aftercare::tui::action::PhotoAction;
use aftercare::tui::app::{Action, App};
use common::screen::{render, screen_text};
use image::ImageEncoder as _;

const TREATED: &str = "2027-03-14T09:00:00+01:00";
const NOW: &str = "2027-03-15T10:00:00+01:00[Europe/Paris]";

/// A small picture with a pattern halfblocks show (a dark square on a light field).
fn picture() -> Imported {
    let picture = image::RgbImage::from_fn(64, 48, |x, y| {
        let dark = (16..48).contains(&x) && (12..36).contains(&y);
        if dark {
            image::Rgb([60, 30, 30])
        } else {
            image::Rgb([230, 200, 190])
        }
    });
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 90)
        .write_image(&picture, 64, 48, image::ExtendedColorType::Rgb8)
        .unwrap();
    Imported {
        thumbnail: jpeg.clone(),
        jpeg,
        captured: None,
        width: 64,
        height: 48,
    }
}

fn at(text: &str) -> jiff::ZonedDateTime {
    text.parse().unwrap()
}

/// A journal with a front photo on day 0 (09:30) and on day 1 (09:12).
fn app_with_photos(dir: &tempfile::TempDir) -> App {
    let mut journal = common::journal(dir, Some(TREATED));
    let front = NewPhoto {
        view: PhotoView::Front,
        ..NewPhoto::default()
    };
    photo_care::add_photo(
        &mut journal,
        &picture(),
        &front,
        &at("2027-03-14T09:30:00+01:00[Europe/Paris]"),
    )
    .unwrap();
    photo_care::add_photo(
        &mut journal,
        &picture(),
        &front,
        &at("2027-03-15T09:12:00+01:00[Europe/Paris]"),
    )
    .unwrap();
    drop(journal);
    common::app(dir, None, NOW).0
}

/// Ticks until the pictures asked for have arrived (they are made on another thread).
fn wait_for_pictures(app: &mut App) {
    let started = Instant::now();
    while app.photo_images().waiting() {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "pictures never came"
        );
        std::thread::sleep(Duration::from_millis(5));
        app.update(Action::Tick);
    }
}

#[test]
fn the_days_photos_show_with_captions_and_halfblock_pictures() {
    let dir = common::journal_dir();
    let mut app = app_with_photos(&dir);
    app.set_picker(Some(ratatui_image::picker::Picker::halfblocks()));
    app.update(Action::Resized(80, 24));
    app.update(Action::OpenPhotos);
    // The caption is there at once, before the picture.
    let first = screen_text(&render(&app, 80, 24));
    assert!(first.contains("Day 1 · front · 09:12"), "{first}");
    wait_for_pictures(&mut app);
    let terminal = render(&app, 80, 24);
    let text = screen_text(&terminal);
    assert!(
        text.contains('▀') || text.contains('▄'),
        "a halfblock picture: {text}"
    );
    assert!(text.contains("c compare with day 0"), "{text}");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn c_compares_day_0_with_the_selected_day() {
    let dir = common::journal_dir();
    let mut app = app_with_photos(&dir);
    app.set_picker(Some(ratatui_image::picker::Picker::halfblocks()));
    app.update(Action::Resized(80, 24));
    app.update(Action::OpenPhotos);
    app.update(Action::Photo(PhotoAction::Compare));
    wait_for_pictures(&mut app);
    let terminal = render(&app, 80, 24);
    let text = screen_text(&terminal);
    assert!(text.contains("Day 0 · front · 09:30"), "{text}");
    assert!(text.contains("Day 1 · front · 09:12"), "{text}");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn with_images_off_the_caption_and_file_path_stand_in() {
    let dir = common::journal_dir();
    let mut app = app_with_photos(&dir);
    app.update(Action::OpenPhotos);
    let text = screen_text(&render(&app, 80, 24));
    assert!(text.contains("Day 1 · front · 09:12"), "{text}");
    assert!(
        text.contains("photos/2027-03/2027-03-15-091200-"),
        "the file's path: {text}"
    );
    assert!(
        !app.photo_images().waiting(),
        "nothing is decoded when images are off"
    );
}

#[test]
fn question_mark_shows_the_photo_guide_with_its_source() {
    let dir = common::journal_dir();
    let mut app = app_with_photos(&dir);
    app.update(Action::OpenPhotos);
    app.update(Action::Photo(PhotoAction::Guide));
    let text = screen_text(&render(&app, 80, 24));
    assert!(text.contains("same light"), "{text}");
    assert!(text.contains("Nayler"), "{text}");
}

/// The picture's cells as the terminal receives them.
fn cells(terminal: &ratatui::Terminal<ratatui::backend::TestBackend>) -> String {
    terminal
        .backend()
        .buffer()
        .content
        .iter()
        .map(ratatui::buffer::Cell::symbol)
        .collect()
}

#[test]
fn a_forced_kitty_or_sixel_protocol_writes_its_escape_prefix() {
    use ratatui_image::picker::{Picker, ProtocolType};
    for (protocol, prefix) in [
        (ProtocolType::Kitty, "\u{1b}_G"),
        (ProtocolType::Sixel, "\u{1b}P"),
    ] {
        let dir = common::journal_dir();
        let mut app = app_with_photos(&dir);
        let mut picker = Picker::halfblocks();
        picker.set_protocol_type(protocol);
        app.set_picker(Some(picker));
        app.update(Action::Resized(80, 24));
        app.update(Action::OpenPhotos);
        wait_for_pictures(&mut app);
        let drawn = cells(&render(&app, 80, 24));
        assert!(drawn.contains(prefix), "{protocol:?} writes {prefix:?}");
    }
}

#[test]
fn a_adds_a_photo_by_its_path_without_the_keys_waiting() {
    use aftercare::tui::action::Edit;
    let dir = common::journal_dir();
    let mut app = app_with_photos(&dir);
    let source = dir.path().join("new.jpg");
    std::fs::write(&source, picture().jpeg).unwrap();
    app.update(Action::OpenPhotos);
    app.update(Action::Photo(PhotoAction::Add));
    for c in source.to_str().unwrap().chars() {
        app.update(Action::Edit(Edit::Insert(c)));
    }
    app.update(Action::Submit);
    // The import runs on the worker: the screen answers meanwhile.
    let text = screen_text(&render(&app, 80, 24));
    assert!(text.contains("Photos · 2027-03-15"), "{text}");
    wait_for_pictures(&mut app);
    let text = screen_text(&render(&app, 80, 24));
    assert_eq!(
        text.matches("Day 1 · front ·").count(),
        3,
        "two listed, one under the picture: {text}"
    );
    assert!(text.contains("Added"), "{text}");
}

#[test]
fn comparing_reads_every_month_once_and_keeps_memory_flat() {
    let dir = common::journal_dir();
    {
        let mut journal = common::journal(&dir, Some(TREATED));
        for (date, when) in [
            ("2027-01-10", "2027-01-10T08:00:00+01:00[Europe/Paris]"),
            ("2027-02-10", "2027-02-10T08:00:00+01:00[Europe/Paris]"),
        ] {
            let asked = NewPhoto {
                date: Some(date.parse().unwrap()),
                ..NewPhoto::default()
            };
            photo_care::add_photo(&mut journal, &picture(), &asked, &at(when)).unwrap();
        }
    }
    let mut app = app_with_photos(&dir);
    app.update(Action::OpenPhotos);
    let before = app.journal().months_in_memory();
    app.update(Action::Photo(PhotoAction::Compare));
    assert_eq!(
        app.journal().months_in_memory(),
        before,
        "older months read and let go"
    );
    for _ in 0..3 {
        app.update(Action::Photo(PhotoAction::Step(-1)));
    }
    let text = screen_text(&render(&app, 80, 24));
    assert!(
        text.contains("2027-01-10 · front · 08:00"),
        "the oldest photo of the view: {text}"
    );
    assert!(text.contains("Day 0 · front · 09:30"), "{text}");
}

#[test]
fn today_and_history_say_when_the_day_has_photos() {
    let dir = common::journal_dir();
    let mut app = app_with_photos(&dir);
    let today = screen_text(&render(&app, 80, 24));
    assert!(today.contains("f photos"), "Today's footer: {today}");
    app.update(Action::SwitchScreen);
    let history = screen_text(&render(&app, 80, 24));
    assert!(history.contains("Photos: 1"), "the day panel: {history}");
    assert!(history.contains("f photos"), "History's footer: {history}");

    // A day without photos does not offer them.
    let bare = common::journal_dir();
    drop(common::journal(&bare, Some(TREATED)));
    let mut app = common::app(&bare, None, NOW).0;
    let today = screen_text(&render(&app, 80, 24));
    assert!(!today.contains("f photos"), "{today}");
    app.update(Action::SwitchScreen);
    let history = screen_text(&render(&app, 80, 24));
    assert!(!history.contains("Photos:"), "{history}");
    assert!(!history.contains("f photos"), "{history}");
}
