//! Bytes to text: gzip detection and UTF-8 validation with a precise error position.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use crate::error::{IngestError, Result};

/// Opens a reader over the (decompressed) bytes of `input`. Gzip is recognised by its magic
/// bytes, whatever the file is called; concatenated gzip members are read as one stream.
pub(crate) fn open(reader: Box<dyn Read>, path: &Path) -> Result<Box<dyn BufRead>> {
    let mut buf = BufReader::with_capacity(1 << 16, reader);
    let head = buf.fill_buf().map_err(|e| IngestError::io(path, e))?;
    if head.starts_with(&[0x1f, 0x8b]) {
        Ok(Box::new(BufReader::with_capacity(
            1 << 16,
            flate2::bufread::MultiGzDecoder::new(buf),
        )))
    } else {
        Ok(Box::new(buf))
    }
}

/// Validates UTF-8, or repairs it when `lossy` (each invalid sequence becomes U+FFFD, so
/// offsets then index the repaired text). `base` is the offset of `bytes` in the file and
/// `line` the 1-based line it starts on, for the error.
pub(crate) fn utf8(
    bytes: Vec<u8>,
    lossy: bool,
    path: &Path,
    base: usize,
    line: usize,
) -> Result<String> {
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) if lossy => Ok(String::from_utf8_lossy(e.as_bytes()).into_owned()),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let bytes = e.as_bytes();
            Err(IngestError::InvalidUtf8 {
                path: path.to_path_buf(),
                line: line + crate::layout::line_at(bytes, at),
                offset: base + at,
            })
        }
    }
}
