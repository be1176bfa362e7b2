//! Photos in the report (issue 25), through the binary: the HTML report carries each photo
//! small inside the file with no metadata, `--no-photos` leaves them out, the export says
//! which, and Markdown lists the photo files.

mod cli_support;
#[path = "../crates/aftercare-journal/tests/photo_fixtures/mod.rs"]
mod photo_fixtures;

use cli_support::Sandbox;

fn with_a_phone_photo() -> Sandbox {
    let sandbox = Sandbox::new();
    sandbox.ok(&[
        "treatment",
        "add",
        "--at",
        "2026-03-13 10:00",
        "--area",
        "face",
    ]);
    let source = sandbox.home.path().join("IMG_0412.JPG");
    std::fs::write(&source, photo_fixtures::phone_jpeg(1200, 800)).unwrap();
    sandbox.ok(&[
        "photo",
        "add",
        source.to_str().unwrap(),
        "--note",
        "day 1 <b>",
    ]);
    sandbox
}

/// The images a report embeds, decoded.
fn embedded(html: &str) -> Vec<Vec<u8>> {
    html.split("data:image/jpeg;base64,")
        .skip(1)
        .map(|rest| {
            let end = rest.find('"').unwrap();
            base64_simd::STANDARD.decode_to_vec(&rest[..end]).unwrap()
        })
        .collect()
}

#[test]
fn the_html_report_embeds_the_photos_without_metadata_and_says_so() {
    let sandbox = with_a_phone_photo();
    let report = sandbox.home.path().join("report.html");
    let out = sandbox.ok(&["export", "--format", "html", "-o", report.to_str().unwrap()]);
    assert!(out.contains("1 photo(s) inside"), "{out}");
    let html = std::fs::read_to_string(&report).unwrap();
    assert!(html.contains("Day 1 · front · 09:12"), "the caption");
    assert!(html.contains("day 1 &lt;b&gt;"), "the note, escaped");
    assert!(
        !html.contains("IMG_0412"),
        "the original's name never leaves"
    );
    let images = embedded(&html);
    assert_eq!(images.len(), 1);
    for jpeg in &images {
        let found = photo_fixtures::markers(jpeg);
        assert!(
            !found.contains(&0xE1) && !found.contains(&0xED),
            "{found:x?}"
        );
        assert!(jpeg.ends_with(&[0xFF, 0xD9]));
        let picture = image::load_from_memory(jpeg).unwrap();
        assert!(picture.height() > picture.width(), "upright");
        assert!(picture.height() <= 320, "small");
    }
}

#[test]
fn no_photos_leaves_them_out_and_says_so() {
    let sandbox = with_a_phone_photo();
    let report = sandbox.home.path().join("report.html");
    let out = sandbox.ok(&[
        "export",
        "--format",
        "html",
        "--no-photos",
        "-o",
        report.to_str().unwrap(),
    ]);
    assert!(out.contains("1 photo(s) left out"), "{out}");
    let html = std::fs::read_to_string(&report).unwrap();
    assert!(!html.contains("data:image"));
    assert!(!html.contains("Photos</h3>"));
}

#[test]
fn markdown_lists_the_photo_files() {
    let sandbox = with_a_phone_photo();
    let text = sandbox.ok(&["export", "--format", "markdown"]);
    assert!(text.contains("### Photos"), "{text}");
    assert!(
        text.contains("- Day 1 · front · 09:12: `photos/2026-03/2026-03-14-091230-"),
        "{text}"
    );
}

/// `csv-days` ends with a `photos` column: the day's photo files, joined by `;`. The
/// columns before it are unchanged, so a script that reads them by name or place still
/// works; `csv` (one row per item) has no photo column, and `--no-photos` empties it.
#[test]
fn csv_days_lists_the_photo_files_in_a_trailing_column() {
    let sandbox = with_a_phone_photo();
    let source = sandbox.home.path().join("IMG_0413.JPG");
    std::fs::write(&source, photo_fixtures::phone_jpeg(800, 600)).unwrap();
    sandbox.ok(&[
        "photo",
        "add",
        source.to_str().unwrap(),
        "--date",
        "2026-03-14",
        "--view",
        "left",
    ]);
    let text = sandbox.ok(&["export", "--format", "csv-days"]);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header.last().map(String::as_str), Some("photos"), "{text}");
    assert_eq!(
        &header[..header.len() - 1],
        [
            "date",
            "day",
            "treatment_at",
            "care_done",
            "care_planned",
            "redness",
            "swelling",
            "pain",
            "dryness",
            "note"
        ],
        "the earlier columns stay where they were"
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let day1 = rows.iter().find(|r| &r[0] == "2026-03-14").expect("day 1");
    let files: Vec<&str> = day1[header.len() - 1].split(';').collect();
    assert_eq!(files.len(), 2, "{text}");
    for file in &files {
        assert!(file.starts_with("photos/2026-03/2026-03-14-"), "{file}");
        let path = sandbox.journal_dir().join(file);
        assert!(path.is_file(), "{} is the stored photo", path.display());
    }
    let day0 = rows.iter().find(|r| &r[0] == "2026-03-13").expect("day 0");
    assert_eq!(&day0[header.len() - 1], "", "no photo that day");

    let left_out = sandbox.ok(&["export", "--format", "csv-days", "--no-photos"]);
    assert!(!left_out.contains("photos/2026-03"), "{left_out}");
    assert!(left_out.lines().next().unwrap().ends_with(",photos"));
    let items = sandbox.ok(&["export", "--format", "csv"]);
    assert!(!items.contains("photos"), "{items}");
}
