//! Photos built in the tests (issue 25), shared by the journal's tests and the binary's
//! (`#[path]`-included there): no binary fixture is committed.

#![allow(dead_code)] // Each test file uses a different part of it.

use image::{ImageEncoder, RgbImage};

/// A JPEG of `width`x`height`, a gradient (so it compresses like a photo, not a flat field).
pub fn plain_jpeg(width: u32, height: u32) -> Vec<u8> {
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
pub fn phone_exif() -> Vec<u8> {
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
            value: Value::Ascii(vec![b"2026:03:14 09:12:30".to_vec()]),
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

pub fn segment(marker: u8, body: &[u8]) -> Vec<u8> {
    let mut out = vec![0xFF, marker];
    out.extend_from_slice(&u16::try_from(body.len() + 2).unwrap().to_be_bytes());
    out.extend_from_slice(body);
    out
}

/// A phone photo, wide as the sensor stores it: Exif (APP1), an XMP packet with GPS
/// (APP1), an IPTC block (APP13) and bytes after the end marker.
pub fn phone_jpeg(width: u32, height: u32) -> Vec<u8> {
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

pub fn crc32(bytes: &[u8]) -> u32 {
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

/// A PNG whose header claims 65535x65535 (12 GB of pixels): a decompression bomb.
pub fn bomb_png() -> Vec<u8> {
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
    png
}

/// A JPEG whose frame header claims 16320x12240 (200 MP).
pub fn claims_200_megapixels() -> Vec<u8> {
    let mut jpeg = plain_jpeg(16, 16);
    // The frame header (SOF0): length, precision, then height and width.
    let sof = jpeg.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
    jpeg[sof + 5..sof + 7].copy_from_slice(&12_240u16.to_be_bytes());
    jpeg[sof + 7..sof + 9].copy_from_slice(&16_320u16.to_be_bytes());
    jpeg
}

/// The markers of a JPEG's segments before its scan data.
pub fn markers(jpeg: &[u8]) -> Vec<u8> {
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
