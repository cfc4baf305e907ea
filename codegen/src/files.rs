//! Reading the files a manifest names: confined to the docs directory, regular files only,
//! with a size limit.
//!
//! The generator reads files that arrive in pull requests, inside build scripts that run on
//! every machine that builds the crate. A path that leaves the docs directory (`..`, or a
//! symbolic link pointing out), a FIFO (which blocks forever), a device (`/dev/zero`, endless)
//! or an oversized file is refused with a one-line error before anything is read.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::Error;

/// The largest page or export read, in bytes (16 MiB; the Error Center export is 3.5 MB).
pub const MAX_SOURCE_BYTES: u64 = 16 << 20;

/// Reads `file` (relative to `docs_dir`) if, after following links, it is a regular file inside
/// `docs_dir` of at most `limit` bytes.
pub fn read_confined(docs_dir: &Path, file: &str, limit: u64) -> Result<Vec<u8>, Error> {
    read_confined_as(docs_dir, file, limit, "cannot read")
}

/// [`read_confined`], with I/O errors saying `cannot_read` (`cannot read the manifest`).
pub(crate) fn read_confined_as(
    docs_dir: &Path,
    file: &str,
    limit: u64,
    cannot_read: &str,
) -> Result<Vec<u8>, Error> {
    let path = docs_dir.join(file);
    let resolved = resolve_confined_as(docs_dir, &path, cannot_read)?;
    let metadata = std::fs::metadata(&resolved).map_err(|e| Error::io(&path, cannot_read, e))?;
    if !metadata.is_file() {
        return Err(Error::in_file(
            &path,
            format!(
                "not a regular file (a {}); a source must be a file in the docs directory",
                file_type_name(&metadata)
            ),
        ));
    }
    if metadata.len() > limit {
        return Err(too_large(&path, limit));
    }
    let file = std::fs::File::open(&resolved).map_err(|e| Error::io(&path, cannot_read, e))?;
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    // The length can change between the check and the read: read at most one byte more.
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(&path, cannot_read, e))?;
    if bytes.len() as u64 > limit {
        return Err(too_large(&path, limit));
    }
    Ok(bytes)
}

/// `path` with links followed, if it lies inside `docs_dir` (also with links followed).
pub fn resolve_confined(docs_dir: &Path, path: &Path) -> Result<PathBuf, Error> {
    resolve_confined_as(docs_dir, path, "cannot read")
}

fn resolve_confined_as(docs_dir: &Path, path: &Path, cannot_read: &str) -> Result<PathBuf, Error> {
    let dir = docs_dir
        .canonicalize()
        .map_err(|e| Error::io(docs_dir, "cannot read the docs directory", e))?;
    let resolved = path
        .canonicalize()
        .map_err(|e| Error::io(path, cannot_read, e))?;
    if !resolved.starts_with(&dir) {
        return Err(Error::in_file(
            path,
            "resolves to a file outside the docs directory (through a symbolic link); sources must \
             stay inside it",
        ));
    }
    Ok(resolved)
}

fn too_large(path: &Path, limit: u64) -> Error {
    let limit = if limit % (1 << 20) == 0 {
        format!("{} MiB", limit >> 20)
    } else {
        format!("{limit} bytes")
    };
    Error::in_file(path, format!("larger than {limit}, the limit for a source"))
}

fn file_type_name(metadata: &std::fs::Metadata) -> &'static str {
    let file_type = metadata.file_type();
    if file_type.is_dir() {
        return "directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "FIFO";
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return "device";
        }
        if file_type.is_socket() {
            return "socket";
        }
    }
    "special file"
}
