//! `aftercare photo` as a patient runs it (issue 25): a real process, real files in a temp
//! home. A phone photo goes in bare and upright; every bad input is one line, exit 2, and
//! nothing written; remove and undo move the file and back.

mod cli_support;
#[path = "../crates/aftercare-journal/tests/photo_fixtures/mod.rs"]
mod photo_fixtures;

use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};

use cli_support::Sandbox;

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn list_json(sandbox: &Sandbox) -> Vec<serde_json::Value> {
    let out = sandbox.ok(&["photo", "list", "--json"]);
    serde_json::from_str::<serde_json::Value>(&out)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

/// Every file under the journal folder, with its bytes.
fn snapshot_of(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if !path.ends_with(".lock") {
                files.push((path.clone(), std::fs::read(&path).unwrap_or_default()));
            }
        }
    }
    files.sort();
    files
}

#[test]
fn a_phone_photo_is_added_bare_upright_and_listed_with_the_guide_the_first_time() {
    let sandbox = Sandbox::new();
    sandbox.ok(&[
        "treatment",
        "add",
        "--at",
        "2026-03-13 10:00",
        "--area",
        "face",
    ]);
    let original = photo_fixtures::phone_jpeg(2600, 1700);
    let source = write(sandbox.home.path(), "IMG_0412.JPG", &original);
    let out = sandbox.ok(&["photo", "add", source.to_str().unwrap(), "--view", "left"]);
    assert!(out.contains("Day 1 · left · 09:12"), "{out}");
    assert!(out.contains("Nayler"), "the guide, with its source: {out}");
    assert_eq!(
        std::fs::read(&source).unwrap(),
        original,
        "the original is untouched"
    );

    let photos = list_json(&sandbox);
    assert_eq!(photos.len(), 1);
    assert_eq!(photos[0]["date"], "2026-03-14");
    assert_eq!(photos[0]["day"], 1);
    let stored = PathBuf::from(photos[0]["file"].as_str().unwrap());
    assert!(stored.starts_with(sandbox.journal_dir().join("photos/2026-03")));
    assert_eq!(
        std::fs::metadata(&stored).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let bytes = std::fs::read(&stored).unwrap();
    let found = photo_fixtures::markers(&bytes);
    assert!(
        !found.contains(&0xE1) && !found.contains(&0xED),
        "{found:x?}"
    );
    assert!(bytes.ends_with(&[0xFF, 0xD9]));
    let picture = image::load_from_memory(&bytes).unwrap();
    assert!(picture.height() > picture.width() && picture.height() <= 2048);

    let source = write(
        sandbox.home.path(),
        "second.jpg",
        &photo_fixtures::plain_jpeg(40, 30),
    );
    let again = sandbox.ok(&[
        "photo",
        "add",
        source.to_str().unwrap(),
        "--date",
        "2026-03-14",
    ]);
    assert!(
        !again.contains("Nayler"),
        "the guide only the first time: {again}"
    );
}

#[test]
fn each_bad_input_is_one_line_exit_2_and_nothing_is_written() {
    let sandbox = Sandbox::new();
    let good = write(
        sandbox.home.path(),
        "good.jpg",
        &photo_fixtures::plain_jpeg(40, 30),
    );
    sandbox.ok(&["photo", "add", good.to_str().unwrap()]);
    let before = snapshot_of(&sandbox.journal_dir());

    let dir = sandbox.home.path();
    let plain = photo_fixtures::plain_jpeg(300, 200);
    let mut bad = vec![
        write(dir, "bomb.png", &photo_fixtures::bomb_png()),
        write(dir, "cut.jpg", &plain[..plain.len() / 3]),
        write(dir, "notes.jpg", b"not a photo\n"),
        write(dir, "200mp.jpg", &photo_fixtures::claims_200_megapixels()),
    ];
    let link = dir.join("link.jpg");
    std::os::unix::fs::symlink(&good, &link).unwrap();
    bad.push(link);
    let fifo = dir.join("pipe.jpg");
    let name = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
    bad.push(fifo);
    let mut heic = vec![0, 0, 0, 24];
    heic.extend_from_slice(b"ftypheic\0\0\0\0mif1heic");
    bad.push(write(dir, "IMG_0001.HEIC", &heic));

    for path in &bad {
        // With a good photo first: all or nothing.
        let run = sandbox.run(&[
            "photo",
            "add",
            good.to_str().unwrap(),
            path.to_str().unwrap(),
        ]);
        assert_eq!(run.code, 2, "{}: {}", path.display(), run.stderr);
        assert_eq!(run.stderr.lines().count(), 1, "one line: {}", run.stderr);
        assert!(
            run.stderr.contains(&path.display().to_string()),
            "{}",
            run.stderr
        );
        assert!(run.stdout.is_empty());
        assert_eq!(
            snapshot_of(&sandbox.journal_dir()),
            before,
            "nothing written for {}",
            path.display()
        );
    }
    let heic_run = sandbox.run(&["photo", "add", bad.last().unwrap().to_str().unwrap()]);
    assert!(
        heic_run.stderr.contains("Most Compatible"),
        "{}",
        heic_run.stderr
    );
    assert_eq!(list_json(&sandbox).len(), 1, "the photo list is unchanged");
}

#[test]
fn remove_keeps_the_file_in_backups_and_undo_brings_the_photo_back() {
    let sandbox = Sandbox::new();
    let source = write(
        sandbox.home.path(),
        "a.jpg",
        &photo_fixtures::plain_jpeg(40, 30),
    );
    sandbox.ok(&[
        "photo",
        "add",
        source.to_str().unwrap(),
        "--date",
        "2026-03-14",
        "--note",
        "day 0",
    ]);
    let photos = list_json(&sandbox);
    let id = photos[0]["id"].as_str().unwrap()[..8].to_string();
    let file = PathBuf::from(photos[0]["file"].as_str().unwrap());

    sandbox.ok(&["photo", "note", &id, "less", "red"]);
    assert_eq!(list_json(&sandbox)[0]["note"], "less red");

    let out = sandbox.ok(&["photo", "remove", &id]);
    assert!(out.contains("backups"), "{out}");
    assert!(!file.exists());
    assert!(list_json(&sandbox).is_empty());
    let kept = std::fs::read_dir(sandbox.journal_dir().join("backups/photos"))
        .unwrap()
        .count();
    assert_eq!(kept, 2, "the photo and its thumbnail");

    let undo = sandbox.ok(&["undo"]);
    assert!(undo.contains("photo"), "{undo}");
    assert!(file.exists(), "the file is back");
    let back = list_json(&sandbox);
    assert_eq!(back.len(), 1);
    assert_eq!(back[0]["note"], "less red");

    let unknown = sandbox.run(&["photo", "remove", "ffffffff"]);
    assert_eq!(unknown.code, 2);
    assert!(unknown.stderr.contains("photo list"), "{}", unknown.stderr);
}
