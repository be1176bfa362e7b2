//! The import pipeline on photos built here (issue 25): a phone JPEG full of metadata comes
//! out upright, shrunk and bare; every kind of bad input is one clear refusal.

use std::path::Path;

mod photo_fixtures;

use aftercare_journal::photo_import::{self, LONG_SIDE};
use image::{ImageEncoder, RgbImage};
use photo_fixtures::{bomb_png, claims_200_megapixels, markers, phone_jpeg, plain_jpeg};

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn a_phone_photo_comes_out_upright_shrunk_and_bare_and_the_original_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("IMG_0001.JPG");
    let original = phone_jpeg(2600, 1700);
    std::fs::write(&source, &original).unwrap();

    let imported = photo_import::import(&source).unwrap();

    assert_eq!(
        std::fs::read(&source).unwrap(),
        original,
        "the original is byte-identical"
    );
    // Orientation 6: stored wide, viewed tall. Shrunk to at most 2048 on the long side.
    assert!(
        imported.height > imported.width,
        "upright: {}x{}",
        imported.width,
        imported.height
    );
    assert_eq!(imported.height, LONG_SIDE);
    let decoded = image::load_from_memory(&imported.jpeg).unwrap();
    assert_eq!(
        (decoded.width(), decoded.height()),
        (imported.width, imported.height)
    );
    for jpeg in [&imported.jpeg, &imported.thumbnail] {
        let found = markers(jpeg);
        assert!(!found.contains(&0xE1), "no Exif/XMP segment: {found:x?}");
        assert!(!found.contains(&0xED), "no IPTC segment: {found:x?}");
        assert!(
            jpeg.ends_with(&[0xFF, 0xD9]),
            "nothing after the end marker"
        );
        for secret in [
            &b"PhoneMaker"[..],
            b"Phone 15",
            b"GPS",
            b"TRAILING",
            b"secret",
            b"xmpmeta",
        ] {
            assert!(
                !contains(jpeg, secret),
                "{:?} survived",
                String::from_utf8_lossy(secret)
            );
        }
    }
    let thumb = image::load_from_memory(&imported.thumbnail).unwrap();
    assert_eq!(thumb.height(), photo_import::THUMB_SIDE);
    assert_eq!(
        imported.captured,
        Some(jiff::civil::date(2026, 3, 14).at(9, 12, 30, 0)),
        "the capture time from DateTimeOriginal"
    );
}

#[test]
fn a_small_png_is_kept_at_its_size_and_has_no_capture_time() {
    let picture = RgbImage::from_pixel(40, 30, image::Rgb([200, 120, 100]));
    let mut png = Vec::new();
    image::codecs::png::PngEncoder::new(&mut png)
        .write_image(&picture, 40, 30, image::ExtendedColorType::Rgb8)
        .unwrap();
    let imported = photo_import::convert(&png).unwrap();
    assert_eq!(
        (imported.width, imported.height, imported.captured),
        (40, 30, None)
    );
}

/// The refusal for the file at `path`.
fn refusal(path: &Path) -> String {
    let Err(err) = photo_import::import(path) else {
        panic!("{} was imported", path.display());
    };
    let err = err.to_string();
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(
        err.contains(&path.display().to_string()),
        "names the file: {err}"
    );
    err
}

#[test]
fn a_png_claiming_65535_by_65535_is_refused_before_decoding() {
    let png = bomb_png();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bomb.png");
    std::fs::write(&path, &png).unwrap();
    let started = std::time::Instant::now();
    let err = refusal(&path);
    assert!(err.contains("too large"), "{err}");
    assert!(started.elapsed().as_secs() < 5);
}

#[test]
fn a_200_megapixel_photo_is_refused_before_decoding() {
    let jpeg = claims_200_megapixels();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("200mp.jpg");
    std::fs::write(&path, &jpeg).unwrap();
    let err = refusal(&path);
    assert!(err.contains("too large") && err.contains("199 MP"), "{err}");
}

#[test]
fn a_truncated_jpeg_is_refused() {
    let jpeg = plain_jpeg(300, 200);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cut.jpg");
    std::fs::write(&path, &jpeg[..jpeg.len() / 3]).unwrap();
    let err = refusal(&path);
    assert!(
        err.contains("truncated") || err.contains("damaged"),
        "{err}"
    );
}

#[test]
fn a_text_file_named_jpg_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.jpg");
    std::fs::write(&path, "not a photo at all\n").unwrap();
    assert!(refusal(&path).contains("not a photo"));
}

#[test]
fn a_symlink_is_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.jpg");
    std::fs::write(&real, plain_jpeg(20, 20)).unwrap();
    let link = dir.path().join("link.jpg");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    assert!(refusal(&link).contains("symbolic link"));
}

#[test]
fn a_fifo_is_refused_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.jpg");
    let name = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
    assert!(refusal(&fifo).contains("named pipe"));
}

#[test]
fn an_unreadable_file_is_refused() {
    // Root reads a mode-000 file, so on Linux the test also uses a regular file no one can
    // read: this process's /proc/self/mem at offset 0 fails with EIO.
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("locked.jpg");
    std::fs::write(&locked, plain_jpeg(20, 20)).unwrap();
    std::fs::set_permissions(&locked, std::os::unix::fs::PermissionsExt::from_mode(0o000)).unwrap();
    let is_root = unsafe { libc::geteuid() } == 0;
    if !is_root {
        refusal(&locked);
    }
    #[cfg(target_os = "linux")]
    refusal(Path::new("/proc/self/mem"));
    assert!(
        !is_root || cfg!(target_os = "linux"),
        "no unreadable file to try as root here"
    );
}
