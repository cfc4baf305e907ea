//! The one error type of the generator: what went wrong, and the place it is about.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::agreement::Finding;

/// What kind of failure an [`Error`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ErrorKind {
    /// A file could not be read or written; [`std::error::Error::source`] gives the I/O error.
    Io,
    /// A page, the manifest or an export is not what it should be (a place says where).
    Parse,
    /// The manifest is well-formed JSON but says something invalid.
    Manifest,
    /// The pages disagree in ways the manifest does not accept; [`Error::findings`] lists them.
    Disagreement,
    /// A code cannot become a Rust identifier, or two codes would become the same one.
    Naming,
}

/// A file and, where it is known, a 1-based line.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Place {
    /// The file.
    pub file: PathBuf,
    /// The line, `None` where it is not known.
    pub line: Option<usize>,
}

/// An error with its kind and the file (and line, where there is one) it is about.
///
/// It displays on one line as `path:line: message`, `path: message`, or just `message`, the way
/// compilers report errors, so that editors and terminals can jump to the place. Texts quoted
/// from the input are escaped and bounded (see [`quote()`]), so a message never spans lines.
#[derive(Debug, Clone)]
pub struct Error {
    kind: ErrorKind,
    place: Option<Place>,
    message: String,
    source: Option<Arc<std::io::Error>>,
    findings: Vec<Finding>,
}

impl Error {
    fn with(kind: ErrorKind, place: Option<Place>, message: impl Into<String>) -> Self {
        Error {
            kind,
            place,
            message: one_line(message.into()),
            source: None,
            findings: Vec::new(),
        }
    }

    /// A parse error about no file in particular.
    pub fn new(message: impl Into<String>) -> Self {
        Error::with(ErrorKind::Parse, None, message)
    }

    /// A parse error about a whole file.
    pub fn in_file(file: impl AsRef<Path>, message: impl Into<String>) -> Self {
        Error::at(file, None, message)
    }

    /// A parse error about one line (1-based) of a file.
    pub fn at_line(file: impl AsRef<Path>, line: usize, message: impl Into<String>) -> Self {
        Error::at(file, Some(line), message)
    }

    /// A parse error at `line` of a file where the line is known, about the whole file where it
    /// is not.
    pub fn at(file: impl AsRef<Path>, line: Option<usize>, message: impl Into<String>) -> Self {
        let place = Place {
            file: file.as_ref().to_path_buf(),
            line,
        };
        Error::with(ErrorKind::Parse, Some(place), message)
    }

    /// An I/O error about `file`, keeping the `io::Error` as its source.
    pub fn io(file: impl AsRef<Path>, what: &str, error: std::io::Error) -> Self {
        let place = Place {
            file: file.as_ref().to_path_buf(),
            line: None,
        };
        let mut e = Error::with(ErrorKind::Io, Some(place), format!("{what}: {error}"));
        e.source = Some(Arc::new(error));
        e
    }

    /// An invalid manifest, at the manifest file.
    pub fn manifest(file: impl AsRef<Path>, message: impl Into<String>) -> Self {
        Error::manifest_at(file, None, message)
    }

    /// An invalid manifest, at a line of the manifest file where it is known.
    pub fn manifest_at(
        file: impl AsRef<Path>,
        line: Option<usize>,
        message: impl Into<String>,
    ) -> Self {
        let place = Place {
            file: file.as_ref().to_path_buf(),
            line,
        };
        Error::with(
            ErrorKind::Manifest,
            Some(place),
            format!("invalid manifest: {}", message.into()),
        )
    }

    /// Codes that cannot become identifiers.
    pub fn naming(place: Option<Place>, message: impl Into<String>) -> Self {
        Error::with(ErrorKind::Naming, place, message)
    }

    /// Pages that disagree: the summary as the message, the findings kept.
    pub fn disagreement(message: impl Into<String>, findings: Vec<Finding>) -> Self {
        let mut e = Error::with(ErrorKind::Disagreement, None, message);
        e.findings = findings;
        e
    }

    /// What kind of failure this is.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The file the error is about, if any.
    pub fn file(&self) -> Option<&Path> {
        self.place.as_ref().map(|p| p.file.as_path())
    }

    /// The 1-based line the error is about, if known.
    pub fn line(&self) -> Option<usize> {
        self.place.as_ref().and_then(|p| p.line)
    }

    /// The place, if any.
    pub fn place(&self) -> Option<&Place> {
        self.place.as_ref()
    }

    /// The message without the place.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// For a [`ErrorKind::Disagreement`], the differences the manifest does not accept.
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }
}

impl PartialEq for Error {
    fn eq(&self, other: &Self) -> bool {
        (self.kind, &self.place, &self.message) == (other.kind, &other.place, &other.message)
    }
}

impl Eq for Error {}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.place {
            Some(Place {
                file,
                line: Some(line),
            }) => write!(f, "{}:{line}: {}", file.display(), self.message),
            Some(Place { file, line: None }) => write!(f, "{}: {}", file.display(), self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

/// A problem that does not stop the build but that a maintainer should see, such as an empty
/// description. It displays like [`Error`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning(pub(crate) Error);

impl Warning {
    /// A warning at `line` of a file, or about the whole file where the line is not known.
    pub(crate) fn at(
        file: impl AsRef<Path>,
        line: Option<usize>,
        message: impl Into<String>,
    ) -> Self {
        Warning(Error::at(file, line, message))
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// The longest quoted input a message shows, in characters.
pub const MAX_QUOTED_CHARS: usize = 120;

/// `text` quoted for a one-line message: in double quotes, control, bidirectional and other
/// invisible characters escaped (`\n`, `\u{202e}`, `\u{200b}`: whatever Rust's `{:?}` escapes),
/// and cut to [`MAX_QUOTED_CHARS`] characters with `...` and the full length when longer.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(4 * MAX_QUOTED_CHARS) + 2);
    out.push('"');
    for (shown, c) in text.chars().enumerate() {
        if shown == MAX_QUOTED_CHARS {
            out.push_str(&format!("...\" ({} characters)", text.chars().count()));
            return out;
        }
        if !is_unsafe(c) && c != '\'' && c.escape_debug().nth(1) == Some('u') {
            // Invisible, or a mark that combines with the quote before it.
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            push_escaped(&mut out, c);
        }
    }
    out.push('"');
    out
}

/// `text` with every character that could change how a terminal shows it escaped, unquoted and
/// uncut: for reports that print descriptions.
pub fn escape(text: &str) -> String {
    if !text.chars().any(is_unsafe) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) {
            push_escaped(&mut out, c);
        } else {
            out.push(c);
        }
    }
    out
}

fn push_escaped(out: &mut String, c: char) {
    match c {
        '"' => out.push_str("\\\""),
        '\\' => out.push_str("\\\\"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if is_unsafe(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        c => out.push(c),
    }
}

/// Whether `c` must not reach a terminal or a Rust comment raw: control characters (C0, DEL,
/// C1), the bidirectional controls rustc refuses in comments, and line or paragraph separators.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
                | '\u{2028}'
                | '\u{2029}'
        )
}

/// What an unsafe character (see [`is_unsafe`]) is, for messages: `a control character
/// (U+001B)`, `a bidirectional-text control (U+202E)`, `a line separator (U+2028)`.
pub fn describe_unsafe(c: char) -> String {
    let what = match c {
        '\u{2028}' | '\u{2029}' => "a line separator",
        c if c.is_control() => "a control character",
        _ => "a bidirectional-text control",
    };
    format!("{what} (U+{:04X})", c as u32)
}

/// A message on one line: any unsafe character in it is escaped.
fn one_line(message: String) -> String {
    if message.chars().any(is_unsafe) {
        escape(&message)
    } else {
        message
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_escapes_and_bounds() {
        assert_eq!(quote("a\"b"), r#""a\"b""#);
        assert_eq!(quote("x\ny\u{202e}z\u{1b}"), r#""x\ny\u{202e}z\u{1b}""#);
        assert_eq!(quote("a\u{200b}b\u{feff}'c"), r#""a\u{200b}b\u{feff}'c""#);
        assert_eq!(quote("公共错误码"), "\"公共错误码\"");
        let long = "x".repeat(200);
        assert_eq!(
            quote(&long),
            format!("\"{}...\" (200 characters)", "x".repeat(MAX_QUOTED_CHARS))
        );
    }

    #[test]
    fn messages_are_one_line() {
        let e = Error::in_file("a.txt", "bad\nerror: injected");
        assert_eq!(e.to_string(), r"a.txt: bad\nerror: injected");
    }

    #[test]
    fn display_with_and_without_line() {
        assert_eq!(Error::at_line("a", 3, "m").to_string(), "a:3: m");
        assert_eq!(Error::at("a", None, "m").to_string(), "a: m");
        assert_eq!(Error::new("m").to_string(), "m");
    }
}
