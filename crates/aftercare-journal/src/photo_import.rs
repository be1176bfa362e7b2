//! Turning a photo from a phone into the copy the journal keeps (issue 25): upright, at
//! most [`LONG_SIDE`] px, re-encoded as a JPEG with no metadata at all, plus a thumbnail.
//!
//! Only re-encoding strips everything: removing the Exif segment would leave XMP (which can
//! hold GPS), maker notes, embedded previews and bytes after the end marker. The source is
//! treated as hostile: opened without following a link or blocking on a FIFO, read with a
//! cap, its format guessed from its content (never its name), its claimed size checked
//! against explicit limits before a pixel is allocated. The original is only read.

use std::io::Cursor;
use std::path::Path;

use image::codecs::jpeg::JpegEncoder;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};

/// The long side of a stored photo: enough to see texture on a laptop screen or in a
/// printed report, small enough (~0.5–1 MB) to keep years of photos.
pub const LONG_SIDE: u32 = 2048;
/// The long side of the thumbnail shown in lists and the report.
pub const THUMB_SIDE: u32 = 256;
/// JPEG quality of the stored copy (ImageMagick's default, visually lossless for skin).
pub const QUALITY: u8 = 85;
/// The largest source file read: a 108 MP phone JPEG is ~40 MB.
pub const MAX_SOURCE_BYTES: u64 = 100 * 1024 * 1024;
/// The largest decoded picture allowed (bytes of pixels): ~85 MP in RGB, so a 48 MP phone
/// photo imports and a 200 MP one or a decompression bomb is refused before decoding,
/// keeping the whole import well under 600 MB.
pub const MAX_PIXEL_BYTES: u64 = 256 * 1024 * 1024;
/// The widest or tallest picture allowed, whatever its memory.
pub const MAX_SIDE: u32 = 16_384;

/// What the journal stores for one imported photo.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The stored copy: a JPEG with no metadata.
    pub jpeg: Vec<u8>,
    /// Its thumbnail, likewise.
    pub thumbnail: Vec<u8>,
    /// The photo's own capture time (Exif DateTimeOriginal, local to the camera).
    pub captured: Option<jiff::civil::DateTime>,
    /// The stored copy's size, upright.
    pub width: u32,
    pub height: u32,
}

/// Why a file was not imported: one line, naming the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {reason}; nothing was imported")]
pub struct ImportError {
    pub path: String,
    pub reason: String,
}

/// How to get a JPEG out of an iPhone, said when a HEIC photo is refused.
pub const HEIC_HELP: &str = "is a HEIC photo, which aftercare cannot read yet; export it as JPEG (iPhone: Settings > Camera > Formats > Most Compatible, or share it by mail or AirDrop as JPEG)";

/// Reads, checks and converts the photo at `path`. Nothing is written anywhere.
pub fn import(path: &Path) -> Result<Imported, ImportError> {
    let fail = |reason: String| ImportError {
        path: path.display().to_string(),
        reason,
    };
    let bytes = read_source(path).map_err(fail)?;
    convert(&bytes).map_err(fail)
}

/// The source's bytes: a regular file only (not a link, a FIFO, a device), capped.
fn read_source(path: &Path) -> Result<Vec<u8>, String> {
    match crate::safe_file::read_capped(path, MAX_SOURCE_BYTES) {
        Ok(Some((bytes, _))) => Ok(bytes),
        Ok(None) => Err("no such file".to_string()),
        Err(err) => Err(err.message),
    }
}

/// Decodes `bytes` within limits, shrinks, turns upright, re-encodes.
pub fn convert(bytes: &[u8]) -> Result<Imported, String> {
    let format = check_format(bytes)?;
    // The JPEG decoder is lenient and fills a cut-off picture with grey; a photo that ends
    // before its end marker (which cannot appear inside the compressed data) is refused.
    if format == ImageFormat::Jpeg && !bytes.windows(2).any(|w| w == [0xFF, 0xD9]) {
        return Err("is a truncated JPEG file (it ends before its end marker)".to_string());
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(limits());
    let unreadable = |err: image::ImageError| describe(&err, format);
    let mut decoder = reader.into_decoder().map_err(unreadable)?;
    if decoder.total_bytes() > MAX_PIXEL_BYTES {
        let (w, h) = decoder.dimensions();
        return Err(too_large(w, h));
    }
    let orientation = decoder.orientation().map_err(unreadable)?;
    let captured = decoder
        .exif_metadata()
        .ok()
        .flatten()
        .and_then(capture_time);
    let picture = DynamicImage::from_decoder(decoder).map_err(unreadable)?;
    // Shrink first, then rotate: rotating 12 MP costs more than rotating 4 MP.
    let mut picture = shrink(picture, LONG_SIDE);
    picture.apply_orientation(orientation);
    let thumbnail = shrink(picture.clone(), THUMB_SIDE);
    Ok(Imported {
        width: picture.width(),
        height: picture.height(),
        jpeg: encode(&picture)?,
        thumbnail: encode(&thumbnail)?,
        captured,
    })
}

/// A stored photo (or thumbnail) decoded for the screen, under the same limits as an
/// import: the file could have been replaced by anything since.
pub fn decode_stored(path: &Path) -> Result<DynamicImage, String> {
    let bytes = read_source(path)?;
    let format = check_format(&bytes)?;
    let mut reader = ImageReader::with_format(Cursor::new(&bytes[..]), format);
    reader.limits(limits());
    let decoder = reader
        .into_decoder()
        .map_err(|err| describe(&err, format))?;
    if decoder.total_bytes() > MAX_PIXEL_BYTES {
        let (w, h) = decoder.dimensions();
        return Err(too_large(w, h));
    }
    DynamicImage::from_decoder(decoder).map_err(|err| describe(&err, format))
}

/// A small copy of a stored photo for a report, re-encoded here whatever the file holds:
/// nothing but pixels ever leaves the machine inside a report.
pub fn report_copy(path: &Path, side: u32) -> Result<Vec<u8>, String> {
    let picture = decode_stored(path)?;
    encode(&shrink(picture, side))
}

/// The explicit limits every decode runs under.
fn limits() -> Limits {
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_PIXEL_BYTES);
    limits
}

/// The format from the content: JPEG, PNG or WebP; HEIC refused with how to export a JPEG.
fn check_format(bytes: &[u8]) -> Result<ImageFormat, String> {
    if is_heic(bytes) {
        return Err(HEIC_HELP.to_string());
    }
    match image::guess_format(bytes) {
        Ok(format @ (ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP)) => Ok(format),
        Ok(other) => Err(format!(
            "is a {} image; aftercare takes JPEG, PNG or WebP photos",
            other
                .extensions_str()
                .first()
                .unwrap_or(&"other")
                .to_uppercase()
        )),
        Err(_) => Err("is not a photo (not JPEG, PNG or WebP, whatever its name)".to_string()),
    }
}

/// An ISO-BMFF file branded as HEIF/HEIC (`....ftypheic` and kin).
fn is_heic(bytes: &[u8]) -> bool {
    bytes.get(4..8) == Some(b"ftyp")
        && bytes.get(8..12).is_some_and(|brand| {
            [
                b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1",
            ]
            .iter()
            .any(|b| brand == *b)
        })
}

fn too_large(width: u32, height: u32) -> String {
    let megapixels = u64::from(width) * u64::from(height) / 1_000_000;
    format!(
        "is too large to import ({width}x{height}, {megapixels} MP; at most about 85 MP and {MAX_SIDE} px a side): export a smaller copy"
    )
}

/// One line for a decoding failure.
fn describe(err: &image::ImageError, format: ImageFormat) -> String {
    let kind = format
        .extensions_str()
        .first()
        .unwrap_or(&"image")
        .to_uppercase();
    match err {
        image::ImageError::Limits(_) => {
            format!("claims a picture too large to import safely ({kind}); export a smaller copy")
        }
        image::ImageError::IoError(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
            format!("is a truncated or damaged {kind} file (it ends too early)")
        }
        other => format!("is a damaged {kind} file ({other})"),
    }
}

/// The picture scaled to fit `side` on its long side (never enlarged).
fn shrink(picture: DynamicImage, side: u32) -> DynamicImage {
    if picture.width().max(picture.height()) <= side {
        return picture;
    }
    // `thumbnail` averages each source pixel into one target pixel: fast, and without the
    // aliasing of a nearest-neighbour shrink for the large factors phone photos need.
    picture.thumbnail(side, side)
}

/// A baseline JPEG with nothing but pixels (the encoder writes no Exif, XMP or ICC unless
/// asked).
fn encode(picture: &DynamicImage) -> Result<Vec<u8>, String> {
    let rgb = picture.to_rgb8();
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, QUALITY)
        .encode_image(&rgb)
        .map_err(|err| format!("could not be re-encoded ({err})"))?;
    Ok(out)
}

/// Exif DateTimeOriginal (else DateTime), as the camera's wall-clock time.
fn capture_time(exif: Vec<u8>) -> Option<jiff::civil::DateTime> {
    let exif = exif::Reader::new().read_raw(exif).ok()?;
    let field = [exif::Tag::DateTimeOriginal, exif::Tag::DateTime]
        .into_iter()
        .find_map(|tag| exif.get_field(tag, exif::In::PRIMARY))?;
    let exif::Value::Ascii(ref parts) = field.value else {
        return None;
    };
    let at = exif::DateTime::from_ascii(parts.first()?).ok()?;
    jiff::civil::DateTime::new(
        i16::try_from(at.year).ok()?,
        i8::try_from(at.month).ok()?,
        i8::try_from(at.day).ok()?,
        i8::try_from(at.hour).ok()?,
        i8::try_from(at.minute).ok()?,
        i8::try_from(at.second).ok()?,
        0,
    )
    .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heic_is_refused_with_how_to_export_a_jpeg() {
        let mut bytes = vec![0, 0, 0, 24];
        bytes.extend_from_slice(b"ftypheic\0\0\0\0mif1heic");
        let err = convert(&bytes).unwrap_err();
        assert!(err.contains("Most Compatible"), "{err}");
    }

    #[test]
    fn text_is_not_a_photo() {
        let err = convert(b"hello, I am not a photo\n").unwrap_err();
        assert!(err.contains("not a photo"), "{err}");
    }
}
