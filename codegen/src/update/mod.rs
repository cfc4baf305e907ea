//! Refreshing a docs directory from the sources its pages were captured from (feature `update`).
//!
//! The engine knows nothing of the manifest: it takes a list of [`Source`]s (a file of the
//! docs directory and the URL it comes from) and a validator, and works in two steps.
//!
//! 1. [`fetch`] downloads every source (bounded concurrency, timeouts, retries with backoff,
//!    conditional requests from [`CACHE_FILE`]), checks that each body is whole, UTF-8 and
//!    accepted by the validator, and writes nothing.
//! 2. [`Update::apply`] replaces the changed files and the cache file, each atomically (a
//!    temporary file beside its target, then a rename), and only when every source succeeded,
//!    unless told to keep going. [`Update::apply_to_copy`] does the same to a copy of the docs
//!    directory, for a dry run or to read the result before writing it.
//!
//! ```no_run
//! use std::path::{Path, PathBuf};
//! use tencentcloud_error_codes_build::update::{self, Options, Source};
//!
//! let sources = [Source {
//!     id: "cdn".into(),
//!     file: PathBuf::from("pages/cdn.md"),
//!     url: "https://example.com/cdn.md".into(),
//! }];
//! let docs = Path::new("docs");
//! let update = update::fetch(docs, &sources, &Options::default(), &update::check_page)?;
//! for failure in update.failures() {
//!     eprintln!("error: {failure}");
//! }
//! if update.failures().next().is_none() {
//!     update.apply(docs, false)?;
//! }
//! # Ok::<(), tencentcloud_error_codes_build::Error>(())
//! ```

mod cache;
mod check;
mod http;
mod stage;

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::error::Error;

pub use cache::CACHE_FILE;
pub use check::{check_error_center_export, check_page};

/// One file of the docs directory and the URL it is fetched from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// What the source is, for people: a product, or a file's name (the progress bar shows it).
    pub id: String,
    /// The file, relative to the docs directory.
    pub file: PathBuf,
    /// The `http` or `https` URL of its content.
    pub url: String,
}

/// How [`fetch`] talks to the network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The longest one attempt may take, from connecting to the last byte of the body.
    pub timeout: Duration,
    /// The longest connecting (and the TLS handshake) may take.
    pub connect_timeout: Duration,
    /// How many times a source is tried again after a timeout, a dropped connection, a
    /// truncated body, a 429 or a 5xx.
    pub retries: u32,
    /// The wait before the first retry; it doubles at each retry, up to `max_wait`.
    pub backoff: Duration,
    /// The longest wait between attempts, and the longest `Retry-After` that is honoured: a
    /// server that asks for more fails the source rather than stall the run.
    pub max_wait: Duration,
    /// How many sources are fetched at once.
    pub concurrency: usize,
    /// The largest body accepted, in bytes.
    pub max_body: u64,
    /// Whether to draw a progress bar on standard error (only drawn on a terminal).
    pub progress: bool,
}

impl Default for Options {
    /// 60 s per attempt, 10 s to connect, 3 retries waiting 1 s, 2 s, 4 s (at most 60 s, or what
    /// `Retry-After` asks up to 60 s), 4 sources at once, bodies up to 64 MiB, no progress bar.
    fn default() -> Self {
        Options {
            timeout: Duration::from_secs(60),
            connect_timeout: Duration::from_secs(10),
            retries: 3,
            backoff: Duration::from_secs(1),
            max_wait: Duration::from_secs(60),
            concurrency: 4,
            max_body: 64 << 20,
            progress: false,
        }
    }
}

/// Checks a fetched body (UTF-8, without a byte-order mark) before anything is written: `Err`
/// holds why the body is refused, on one line. [`check_page`] runs the readers.
pub type Validator<'a> = &'a (dyn Fn(&Source, &str) -> Result<(), String> + Sync);

/// Why a source could not be fetched. It displays on one line as `<file> (<url>): <why>`, the
/// file joined to the docs directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The file, joined to the docs directory.
    pub path: PathBuf,
    /// The URL.
    pub url: String,
    /// Why, on one line: `HTTP 404 Not Found`, `timed out (60 s) after 4 attempts`, ...
    pub why: String,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({}): {}", self.path.display(), self.url, self.why)
    }
}

impl std::error::Error for Failure {}

/// What fetching a source found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// The server answered 304 to a conditional request: the file is current.
    NotModified,
    /// The body is the file's content, byte for byte.
    Unchanged,
    /// The body differs from the file (or the file does not exist yet).
    Changed,
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Status::NotModified => "not modified (304)",
            Status::Unchanged => "unchanged",
            Status::Changed => "changed",
        })
    }
}

/// One source and what fetching it gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The source.
    pub source: Source,
    /// The file, joined to the docs directory.
    pub path: PathBuf,
    /// What was found, or why the source failed.
    pub result: Result<Status, Failure>,
}

/// Every source fetched and checked, nothing written yet: see [`Update::apply`].
#[derive(Debug)]
pub struct Update {
    docs_dir: PathBuf,
    outcomes: Vec<Outcome>,
    /// The fetched body of each `Changed` source, in the order of `outcomes`.
    bodies: Vec<Option<Vec<u8>>>,
    /// The conditional-request state after this run: the old entries of failed sources, the new
    /// ones of sources that answered.
    cache: cache::HttpCache,
    warnings: Vec<String>,
}

/// Fetches every source of the docs directory `docs_dir` and checks each body with `validate`;
/// writes nothing.
///
/// A source that fails (an HTTP error, a timeout after the retries, a truncated body, a body
/// that is not UTF-8 or that `validate` refuses, a file outside the docs directory) is a
/// [`Failure`] in its [`Outcome`]; the others go on. Fails as a whole only when the sources name
/// a file twice or the docs directory cannot be read.
pub fn fetch(
    docs_dir: &Path,
    sources: &[Source],
    options: &Options,
    validate: Validator<'_>,
) -> Result<Update, Error> {
    let mut files = std::collections::BTreeSet::new();
    for source in sources {
        if !files.insert(&source.file) {
            return Err(Error::new(format!(
                "{} is listed twice among the sources",
                docs_dir.join(&source.file).display()
            )));
        }
    }
    std::fs::read_dir(docs_dir)
        .map_err(|e| Error::in_file(docs_dir, format!("cannot read the docs directory: {e}")))?;
    let (old_cache, warning) = cache::HttpCache::load(docs_dir);
    let agent = http::agent(options);
    let progress = progress_bar(options, sources.len());

    let next = AtomicUsize::new(0);
    let workers = options.concurrency.clamp(1, sources.len().max(1));
    let fetch_next = || {
        let mut done = Vec::new();
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some(source) = sources.get(index) else {
                return done;
            };
            let result = fetch_source(docs_dir, source, &old_cache, &agent, options, validate);
            progress.set_message(source.id.clone());
            progress.inc(1);
            done.push((index, result));
        }
    };
    let mut results: Vec<(usize, Result<Fetched, String>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers).map(|_| scope.spawn(fetch_next)).collect();
        handles
            .into_iter()
            .flat_map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    progress.finish_and_clear();
    results.sort_by_key(|(index, _)| *index);

    let mut cache = old_cache;
    let mut outcomes = Vec::with_capacity(sources.len());
    let mut bodies = Vec::with_capacity(sources.len());
    for (source, (_, result)) in sources.iter().zip(results) {
        let path = docs_dir.join(&source.file);
        let (result, body) = match result {
            Ok(fetched) => {
                cache.set(&source.url, fetched.entry);
                (Ok(fetched.status), fetched.body)
            }
            Err(why) => {
                let failure = Failure {
                    path: path.clone(),
                    url: source.url.clone(),
                    why,
                };
                (Err(failure), None)
            }
        };
        outcomes.push(Outcome {
            source: source.clone(),
            path,
            result,
        });
        bodies.push(body);
    }
    Ok(Update {
        docs_dir: docs_dir.to_path_buf(),
        outcomes,
        bodies,
        cache,
        warnings: warning.into_iter().collect(),
    })
}

impl Update {
    /// Every source and what fetching it gave, in the order of the sources.
    pub fn outcomes(&self) -> &[Outcome] {
        &self.outcomes
    }

    /// The sources that failed, in the order of the sources.
    pub fn failures(&self) -> impl Iterator<Item = &Failure> {
        self.outcomes.iter().filter_map(|o| o.result.as_ref().err())
    }

    /// The sources whose fetched content differs from their file.
    pub fn changed(&self) -> impl Iterator<Item = &Outcome> {
        self.outcomes
            .iter()
            .filter(|o| o.result == Ok(Status::Changed))
    }

    /// Problems that did not stop the run, one a line: an unreadable cache file.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// Writes the changed files and the cache file into `dir` (the docs directory, or a copy of
    /// it), each through a temporary file beside it and a rename; returns the files written,
    /// relative to `dir`.
    ///
    /// Refuses, writing nothing, when a source failed, unless `keep_going`: then the sources that
    /// succeeded are written and the failed ones keep their file and their cache entry. Every
    /// temporary file is written before the first rename, so that an error while writing leaves
    /// `dir` as it was.
    pub fn apply(&self, dir: &Path, keep_going: bool) -> Result<Vec<PathBuf>, Error> {
        let failed = self.failures().count();
        if failed > 0 && !keep_going {
            return Err(Error::new(format!(
                "{failed} of {} sources failed: nothing written",
                self.outcomes.len()
            )));
        }
        let mut files = Vec::new();
        for (outcome, body) in self.outcomes.iter().zip(&self.bodies) {
            if let (Ok(Status::Changed), Some(body)) = (&outcome.result, body) {
                files.push((outcome.source.file.clone(), body.as_slice()));
            }
        }
        let cache = self.cache.to_json();
        let cache_file = PathBuf::from(CACHE_FILE);
        if std::fs::read(dir.join(CACHE_FILE)).ok().as_deref() != Some(cache.as_bytes()) {
            files.push((cache_file, cache.as_bytes()));
        }
        stage::replace_all(dir, &files)?;
        Ok(files.into_iter().map(|(file, _)| file).collect())
    }

    /// Copies the docs directory this update was fetched for into a new temporary directory and
    /// applies the update there (see [`Update::apply`]); the copy is removed when the returned
    /// value is dropped. The docs directory itself is not touched.
    pub fn apply_to_copy(&self, keep_going: bool) -> Result<tempfile::TempDir, Error> {
        let copy = stage::copy_dir(&self.docs_dir)?;
        self.apply(copy.path(), keep_going)?;
        Ok(copy)
    }
}

/// What fetching one source gave, before it is put in an [`Outcome`].
struct Fetched {
    status: Status,
    /// The body, for a changed source.
    body: Option<Vec<u8>>,
    /// The conditional-request state for the source's URL after this fetch.
    entry: Option<cache::Entry>,
}

/// Fetches and checks one source; `Err` is the failure's reason.
fn fetch_source(
    docs_dir: &Path,
    source: &Source,
    cache: &cache::HttpCache,
    agent: &ureq::Agent,
    options: &Options,
    validate: Validator<'_>,
) -> Result<Fetched, String> {
    http::check_url(&source.url)?;
    let target = stage::resolve(docs_dir, &source.file)?;
    let current = match std::fs::read(&target) {
        Ok(bytes) => Some(bytes),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(format!("cannot read the current file: {e}")),
    };
    let trusted = cache.trusted(&source.url, &source.file, current.as_deref());
    match http::get(agent, &source.url, trusted, options)? {
        http::Got::NotModified => Ok(Fetched {
            status: Status::NotModified,
            body: None,
            entry: trusted.cloned(),
        }),
        http::Got::Body {
            bytes,
            etag,
            last_modified,
        } => {
            let text = std::str::from_utf8(&bytes).map_err(|e| {
                format!(
                    "not UTF-8 text (invalid byte at offset {})",
                    e.valid_up_to()
                )
            })?;
            validate(source, text.strip_prefix('\u{feff}').unwrap_or(text))?;
            let entry = cache::Entry::new(&source.file, etag, last_modified, &bytes);
            if current.as_deref() == Some(bytes.as_slice()) {
                Ok(Fetched {
                    status: Status::Unchanged,
                    body: None,
                    entry,
                })
            } else {
                Ok(Fetched {
                    status: Status::Changed,
                    body: Some(bytes),
                    entry,
                })
            }
        }
    }
}

/// A progress bar on standard error when asked for (indicatif draws only on a terminal), else
/// a hidden one.
fn progress_bar(options: &Options, len: usize) -> ProgressBar {
    if !options.progress {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("fetching {bar:30} {pos}/{len} {wide_msg}") {
        bar.set_style(style);
    }
    bar
}

/// `1.5 s`, `60 s`: a duration for messages.
fn seconds(duration: Duration) -> String {
    format!("{} s", duration.as_secs_f64())
}
