//! The import pipeline on photos built here (issue 25): a phone JPEG full of metadata comes
//! out upright, shrunk and bare; every kind of bad input is one clear refusal.

use std::path::Path;

use aftercare_journal::photo_import::{self, LONG_SIDE};
use image::{ImageEncoder, RgbImage};

/// A JPEG of `width`x`height`, a gradient (so it compresses like a photo, not a flat field).
fn plain_jpeg(width: u32, height: u32) -> Vec<u8> {
    let picture = RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 251) as u8, (y % 241) as u8, ((x + y) % 239) as u8])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
        .write_image(&picture, width, height, image::ExtendedColorType::Rgb8)
        .unwrap();
    out
}

/// The Exif block a phone writes: orientation 6 (rotate 90° clockwise to view), GPS,
/// camera make and model, the capture time.
fn phone_exif() -> Vec<u8> {
    use exif::{Field, In, Rational, Tag, Value};
    let fields = [
        Field {
            tag: Tag::Orientation,
            ifd_num: In::PRIMARY,
            value: Value::Short(vec![6]),
        },
        Field {
            tag: Tag::Make,
            ifd_num: In::PRIMARY,
            value: Value::Ascii(vec![b"PhoneMaker".to_vec()]),
        },
        Field {
            tag: Tag::Model,
            ifd_num: In::PRIMARY,
            value: Value::Ascii(vec![b"Phone 15 Pro".to_vec()]),
        },
        Field {
            tag: Tag::DateTimeOriginal,
            ifd_num: In::PRIMARY,
            value: Value::Ascii(vec![b"2027:03:14 09:12:30".to_vec()]),
        },
        Field {
            tag: Tag::GPSLatitudeRef,
            ifd_num: In::PRIMARY,
            value: Value::Ascii(vec![b"N".to_vec()]),
        },
        Field {
            tag: Tag::GPSLatitude,
            ifd_num: In::PRIMARY,
            value: Value::Rational(vec![
                Rational { num: 48, denom: 1 },
                Rational { num: 51, denom: 1 },
                Rational {
                    num: 2417,
                    denom: 100,
                },
            ]),
        },
    ];
    let mut writer = exif::experimental::Writer::new();
    for field in &fields {
        writer.push_field(field);
    }
    let mut tiff = std::io::Cursor::new(Vec::new());
    writer.write(&mut tiff, false).unwrap();
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend_from_slice(&tiff.into_inner());
    app1
}

fn segment(marker: u8, body: &[u8]) -> Vec<u8> {
    let mut out = vec![0xFF, marker];
    out.extend_from_slice(&u16::try_from(body.len() + 2).unwrap().to_be_bytes());
    out.extend_from_slice(body);
    out
}

/// A phone photo, wide as the sensor stores it: Exif (APP1), an XMP packet with GPS
/// (APP1), an IPTC block (APP13) and bytes after the end marker.
fn phone_jpeg(width: u32, height: u32) -> Vec<u8> {
    let plain = plain_jpeg(width, height);
    let mut out = plain[..2].to_vec(); // SOI
    out.extend(segment(0xE1, &phone_exif()));
    let mut xmp = b"http://ns.adobe.com/xap/1.0/\0".to_vec();
    xmp.extend_from_slice(
        br#"<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description exif:GPSLatitude="48,51.40N"/></rdf:RDF></x:xmpmeta>"#,
    );
    out.extend(segment(0xE1, &xmp));
    out.extend(segment(0xED, b"Photoshop 3.0\08BIM secret caption"));
    out.extend_from_slice(&plain[2..]);
    out.extend_from_slice(b"TRAILING-SECRET-MOTION-PHOTO");
    out
}

/// The markers of a JPEG's segments before its scan data.
fn markers(jpeg: &[u8]) -> Vec<u8> {
    let mut found = Vec::new();
    let mut at = 2;
    while at + 4 <= jpeg.len() && jpeg[at] == 0xFF {
        let marker = jpeg[at + 1];
        found.push(marker);
        if marker == 0xDA {
            break;
        }
        let len = usize::from(u16::from_be_bytes([jpeg[at + 2], jpeg[at + 3]]));
        at += 2 + len;
    }
    found
}

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
        Some(jiff::civil::date(2027, 3, 14).at(9, 12, 30, 0)),
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

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for byte in bytes {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[test]
fn a_png_claiming_65535_by_65535_is_refused_before_decoding() {
    let picture = RgbImage::from_pixel(8, 8, image::Rgb([1, 2, 3]));
    let mut png = Vec::new();
    image::codecs::png::PngEncoder::new(&mut png)
        .write_image(&picture, 8, 8, image::ExtendedColorType::Rgb8)
        .unwrap();
    // IHDR's width and height, then its CRC over type and data.
    png[16..20].copy_from_slice(&65535u32.to_be_bytes());
    png[20..24].copy_from_slice(&65535u32.to_be_bytes());
    let crc = crc32(&png[12..29]);
    png[29..33].copy_from_slice(&crc.to_be_bytes());
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
    let mut jpeg = plain_jpeg(16, 16);
    // The frame header (SOF0): length, precision, then height and width.
    let sof = jpeg.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
    jpeg[sof + 5..sof + 7].copy_from_slice(&12_240u16.to_be_bytes());
    jpeg[sof + 7..sof + 9].copy_from_slice(&16_320u16.to_be_bytes());
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
    std::fs::set_permissions(&locked, std::os::unix::fs::PermissionsExt::from_mode(0)).unwrap();
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
