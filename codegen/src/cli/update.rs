//! `update`: fetch the documentation from its sources, write it only when all of it reads, and
//! report what changed.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::{Output, EXIT_DIFFER, EXIT_OK};
use crate::changes::Changes;
use crate::docs::Docs;
use crate::error::Error;
use crate::manifest::{Manifest, MANIFEST_FILE};
use crate::update::{self, Options, Source, Update};

/// Exit status: every source was fetched (and written, unless `--dry-run`).
const EXIT_UPDATED: u8 = EXIT_OK;
/// Exit status: a source failed, or the fetched pages do not read together.
const EXIT_FAILED: u8 = EXIT_DIFFER;

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Fetches every source of the manifest that has a url (pages and Error Center exports), checks \
each with its reader, and replaces the changed files only when every one succeeded (each file \
atomically). ETag and \
Last-Modified are kept in DIR/http-cache.json, so that an unchanged page costs a 304. Proxies \
come from HTTPS_PROXY, HTTP_PROXY, ALL_PROXY and NO_PROXY.

Exit status: 0 when every page with a url was fetched (and written, unless --dry-run); 1 when \
a page failed (one line each on standard error; nothing is written, unless --keep-going) or the \
fetched pages cannot be read together; 2 when the manifest cannot be read, the arguments are \
wrong, or the docs cannot be written.")]
pub(super) struct UpdateArgs {
    /// The docs directory, holding sources.json.
    #[arg(long, value_name = "DIR", default_value = "docs")]
    docs: PathBuf,
    /// Fetch only the pages of these products (`error-center` for the exports).
    #[arg(long, value_name = "PRODUCT", num_args = 1.., value_delimiter = ',')]
    only: Vec<String>,
    /// Fetch, check and report, but write nothing.
    #[arg(long)]
    dry_run: bool,
    /// Write the pages that succeeded even when others failed (the exit status is still 1).
    #[arg(long)]
    keep_going: bool,
    /// No progress bar.
    #[arg(long, short)]
    quiet: bool,
    /// The longest one attempt may take, from connecting to the last byte [default: 60]
    #[arg(long, value_name = "SECONDS", value_parser = positive_seconds)]
    timeout: Option<Duration>,
    /// The longest connecting may take [default: 10]
    #[arg(long, value_name = "SECONDS", value_parser = positive_seconds)]
    connect_timeout: Option<Duration>,
    /// How many times a page is tried again after a timeout, a dropped connection, a 429 or a
    /// 5xx [default: 3]
    #[arg(long, value_name = "N")]
    retries: Option<u32>,
    /// The wait before the first retry, doubled at each one [default: 1]
    #[arg(long, value_name = "SECONDS", value_parser = seconds)]
    backoff: Option<Duration>,
    /// The longest wait between attempts, and the longest Retry-After honoured [default: 60]
    #[arg(long, value_name = "SECONDS", value_parser = seconds)]
    max_wait: Option<Duration>,
    /// How many pages are fetched at once [default: 4]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=64))]
    jobs: Option<u16>,
}

impl UpdateArgs {
    fn options(&self) -> Options {
        let default = Options::default();
        Options {
            timeout: self.timeout.unwrap_or(default.timeout),
            connect_timeout: self.connect_timeout.unwrap_or(default.connect_timeout),
            retries: self.retries.unwrap_or(default.retries),
            backoff: self.backoff.unwrap_or(default.backoff),
            max_wait: self.max_wait.unwrap_or(default.max_wait),
            concurrency: self.jobs.map_or(default.concurrency, usize::from),
            max_body: default.max_body,
            progress: !self.quiet && std::io::stderr().is_terminal(),
        }
    }
}

/// A page the manifest gives no URL for.
struct Skipped {
    id: String,
    file: PathBuf,
}

/// What `--only` names for the Error Center exports.
const ERROR_CENTER: &str = "error-center";

/// The wiring between the manifest and the update engine: the pages and exports with a `url`
/// (of the `only` products, when given) as sources, and those without one.
fn sources(
    manifest: &Manifest,
    only: &[String],
    manifest_path: &Path,
) -> Result<(Vec<Source>, Vec<Skipped>), Error> {
    for product in only {
        let known = product == ERROR_CENTER || manifest.pages.iter().any(|p| &p.product == product);
        if !known {
            return Err(Error::in_file(
                manifest_path,
                format!("--only {product}: no page of that product"),
            ));
        }
    }
    let wanted = |id: &str| only.is_empty() || only.iter().any(|o| o == id);
    let mut sources = Vec::new();
    let mut skipped = Vec::new();
    let entries = manifest
        .pages
        .iter()
        .map(|p| (p.product.as_str(), &p.file, &p.url))
        .chain(
            manifest
                .error_center
                .iter()
                .map(|e| (ERROR_CENTER, &e.file, &e.url)),
        )
        .filter(|(id, _, _)| wanted(id));
    for (id, file, url) in entries {
        match url {
            Some(url) => sources.push(Source {
                id: id.to_owned(),
                file: PathBuf::from(file),
                url: url.clone(),
            }),
            None => skipped.push(Skipped {
                id: id.to_owned(),
                file: PathBuf::from(file),
            }),
        }
    }
    Ok((sources, skipped))
}

pub(super) fn run(args: &UpdateArgs) -> Result<Output, Error> {
    let dir = args.docs.clone();
    let manifest_path = dir.join(MANIFEST_FILE);
    let manifest = Manifest::load(&dir)?;
    let (sources, skipped) = sources(&manifest, &args.only, &manifest_path)?;
    let mut report = String::new();
    let mut errors = String::new();
    for page in &skipped {
        report.push_str(&format!(
            "{}: skipped ({} has no url in {})\n",
            dir.join(&page.file).display(),
            page.id,
            manifest_path.display()
        ));
    }
    if sources.is_empty() {
        report.push_str("nothing to fetch\n");
        return Ok(Output::new(EXIT_UPDATED, report));
    }

    let update = update::fetch(&dir, &sources, &args.options(), &update::check_page)?;
    for outcome in update.outcomes() {
        if let Ok(status) = &outcome.result {
            report.push_str(&format!("{}: {status}\n", outcome.path.display()));
        }
    }
    for warning in update.warnings() {
        errors.push_str(&format!("warning: {warning}\n"));
    }
    for failure in update.failures() {
        errors.push_str(&format!("error: {failure}\n"));
    }
    let failed = update.failures().count();
    let fail = |report: String, mut errors: String, line: String| {
        errors.push_str(&line);
        Ok(Output {
            code: EXIT_FAILED,
            stdout: report,
            stderr: errors,
        })
    };
    if failed > 0 && !args.keep_going {
        let line = format!(
            "error: {failed} of {} sources failed: nothing written\n",
            sources.len()
        );
        return fail(report, errors, line);
    }

    // Read the docs as they will be before writing them: a set of sources that does not read
    // together (run-together rows nothing splits) is refused whole.
    let copy = update.apply_to_copy(args.keep_going)?;
    let after = match Docs::load(copy.path()) {
        Ok(docs) => docs,
        Err(e) => {
            let message = e.to_string().replace(
                &copy.path().display().to_string(),
                &dir.display().to_string(),
            );
            let line = format!(
                "error: the fetched sources do not read together: {message}: nothing written\n"
            );
            return fail(report, errors, line);
        }
    };
    let before = Docs::load_present(&dir);
    let written = match args.dry_run {
        true => Vec::new(),
        false => update.apply(&dir, args.keep_going)?,
    };
    let changes = match &before {
        Ok(before) => Some(Changes::between(before, &after)),
        Err(e) => {
            errors.push_str(&format!(
                "warning: the docs before the update cannot be read, so there is no change \
                 report: {e}\n"
            ));
            None
        }
    };
    report.push_str(&summary(args, &dir, &update, &written, changes));
    if failed > 0 {
        let line = format!(
            "error: {failed} of {} sources failed; the others were written\n",
            sources.len()
        );
        return fail(report, errors, line);
    }
    Ok(Output {
        code: EXIT_UPDATED,
        stdout: report,
        stderr: errors,
    })
}

/// The change report and what to do next.
fn summary(
    args: &UpdateArgs,
    dir: &Path,
    update: &Update,
    written: &[PathBuf],
    changes: Option<Result<Changes, Error>>,
) -> String {
    let mut text = String::from("\n");
    match changes {
        Some(Ok(changes)) => {
            text.push_str(&super::changes::render_text(&changes, &changes.verdict()))
        }
        Some(Err(e)) => text.push_str(&format!("no change report: {e}\n")),
        None => {}
    }
    let changed = update.changed().count();
    if args.dry_run {
        text.push_str(&format!(
            "dry run: nothing written ({changed} file{} would change)\n",
            if changed == 1 { "" } else { "s" }
        ));
        return text;
    }
    if !written.is_empty() {
        let files: Vec<String> = written
            .iter()
            .map(|f| dir.join(f).display().to_string())
            .collect();
        text.push_str(&format!("wrote {}\n", files.join(", ")));
    }
    if changed == 0 {
        if update.failures().next().is_none() {
            text.push_str("every page is up to date\n");
        }
        return text;
    }
    let docs = dir.display();
    text.push_str(&format!(
        "next:\n  \
         1. tencentcloud-error-codes check --docs {docs}    # do the sources still agree?\n  \
         2. fix a page, or accept the differences with a reason: tencentcloud-error-codes accept --all --reason TEXT --docs {docs}\n  \
         3. {}    # regenerate, then review git diff src/generated\n  \
         4. git add {docs} src/generated Cargo.toml && git commit\n",
        crate::emit::REFRESH_COMMAND
    ));
    text
}

/// `0.25`, `60`: seconds, as a duration.
fn seconds(text: &str) -> Result<Duration, String> {
    text.parse::<f64>()
        .ok()
        .and_then(|s| Duration::try_from_secs_f64(s).ok())
        .ok_or_else(|| format!("expected a number of seconds, such as 0.5 or 60, not {text:?}"))
}

fn positive_seconds(text: &str) -> Result<Duration, String> {
    match seconds(text)? {
        Duration::ZERO => Err("expected more than 0 seconds".to_owned()),
        duration => Ok(duration),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_parse() {
        assert_eq!(seconds("0.25"), Ok(Duration::from_millis(250)));
        assert_eq!(seconds("60"), Ok(Duration::from_secs(60)));
        assert_eq!(seconds("0"), Ok(Duration::ZERO));
        assert!(seconds("-1").is_err());
        assert!(seconds("NaN").is_err());
        assert!(seconds("1s").is_err());
        assert_eq!(
            positive_seconds("0"),
            Err("expected more than 0 seconds".to_owned())
        );
    }

    #[test]
    fn sources_are_the_pages_with_a_url() {
        let manifest = Manifest::parse(
            Path::new("docs/sources.json"),
            br#"{"pages": [
                {"product": "cdn", "locale": "en", "file": "pages/cdn.md", "url": "https://h/cdn.md"},
                {"product": "cls", "locale": "en", "file": "pages/cls.txt"},
                {"product": "cvm", "locale": "en", "file": "pages/cvm.md", "url": "https://h/cvm.md"}
            ]}"#,
        )
        .unwrap();
        let path = Path::new("docs/sources.json");
        let (found, skipped) = sources(&manifest, &[], path).unwrap();
        let ids: Vec<&str> = found.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["cdn", "cvm"]);
        assert_eq!(found[0].file, Path::new("pages/cdn.md"));
        assert_eq!(found[0].url, "https://h/cdn.md");
        assert_eq!(skipped.len(), 1);
        assert_eq!(skipped[0].id, "cls");

        let (found, skipped) = sources(&manifest, &["cvm".into(), "cls".into()], path).unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].id, "cvm");
        assert_eq!(skipped.len(), 1);
        assert_eq!(
            sources(&manifest, &["cbs".into()], path)
                .err()
                .unwrap()
                .to_string(),
            "docs/sources.json: --only cbs: no page of that product"
        );
    }
}
