//! The one error type of the generator: a message with the place it is about.

use std::fmt;
use std::path::{Path, PathBuf};

/// An error with the file (and line, where there is one) it is about.
///
/// It displays on one line as `path:line: message`, `path: message`, or just `message`, the way
/// compilers report errors, so that editors and terminals can jump to the place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    file: Option<PathBuf>,
    line: Option<usize>,
    message: String,
}

impl Error {
    /// An error about no file in particular.
    pub fn new(message: impl Into<String>) -> Self {
        Error {
            file: None,
            line: None,
            message: message.into(),
        }
    }

    /// An error about a whole file.
    pub fn in_file(file: impl AsRef<Path>, message: impl Into<String>) -> Self {
        Error {
            file: Some(file.as_ref().to_path_buf()),
            line: None,
            message: message.into(),
        }
    }

    /// An error about one line (1-based) of a file.
    pub fn at_line(file: impl AsRef<Path>, line: usize, message: impl Into<String>) -> Self {
        Error {
            file: Some(file.as_ref().to_path_buf()),
            line: Some(line),
            message: message.into(),
        }
    }

    /// An error at `line` of a file where the line is known, about the whole file where it is
    /// not (0: readers that keep no positions may fail to locate a row).
    pub fn at(file: impl AsRef<Path>, line: usize, message: impl Into<String>) -> Self {
        match line {
            0 => Error::in_file(file, message),
            line => Error::at_line(file, line, message),
        }
    }

    /// The file the error is about, if any.
    pub fn file(&self) -> Option<&Path> {
        self.file.as_deref()
    }

    /// The 1-based line the error is about, if known.
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// The message without the place.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.file, self.line) {
            (Some(file), Some(line)) => write!(f, "{}:{line}: {}", file.display(), self.message),
            (Some(file), None) => write!(f, "{}: {}", file.display(), self.message),
            (None, _) => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for Error {}

/// A problem that does not stop the build but that a maintainer should see, such as an empty
/// description. It displays like [`Error`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Warning(pub(crate) Error);

impl Warning {
    /// A warning at `line` of a file, or about the whole file where the line is 0 (unknown).
    pub(crate) fn at(file: impl AsRef<Path>, line: usize, message: impl Into<String>) -> Self {
        Warning(Error::at(file, line, message))
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl PartialOrd for Error {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Error {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (&self.file, self.line, &self.message).cmp(&(&other.file, other.line, &other.message))
    }
}
