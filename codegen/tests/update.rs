//! `update` against HTTP servers on 127.0.0.1 started by each test: what it writes, what it
//! prints, its exit status, and that a failure leaves the docs directory byte for byte as it was.

mod support;

use std::collections::{BTreeMap, HashMap};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};
use support::DocsDir;
use tencentcloud_error_codes_build::update::{self, Options, Source, Status};

// ---------------------------------------------------------------------------------------------
// The test server.

/// What the server answers to one request for a path.
#[derive(Debug, Clone)]
enum Reply {
    /// 200 with the body and an `ETag`, or 304 when the request sends that `ETag` back.
    Page(Vec<u8>, &'static str),
    /// A status with a one-line body, and `Retry-After` when given.
    Status(u16, Option<&'static str>),
    /// No answer: the request is held until the server stops.
    Hang,
}

/// A request the server received.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Seen {
    method: String,
    /// The request target: `/cdn.txt`, or the host and port a proxy is asked to connect to.
    target: String,
    if_none_match: Option<String>,
}

/// A tiny_http server on a random port of 127.0.0.1, answering each path with its replies in
/// turn (the last one repeats). Stops when dropped.
struct Server {
    port: u16,
    seen: Arc<Mutex<Vec<Seen>>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    fn start(routes: &[(&str, Vec<Reply>)]) -> Server {
        let server = tiny_http::Server::http("127.0.0.1:0").expect("start the test server");
        let port = server.server_addr().to_ip().expect("an IP address").port();
        let mut routes: HashMap<String, (Vec<Reply>, usize)> = routes
            .iter()
            .map(|(path, replies)| (path.to_string(), (replies.clone(), 0)))
            .collect();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let (seen, stop) = (seen.clone(), stop.clone());
            std::thread::spawn(move || {
                let mut held = Vec::new();
                while !stop.load(Ordering::Relaxed) {
                    let Ok(Some(request)) = server.recv_timeout(Duration::from_millis(20)) else {
                        continue;
                    };
                    let if_none_match = request
                        .headers()
                        .iter()
                        .find(|h| h.field.equiv("If-None-Match"))
                        .map(|h| h.value.to_string());
                    seen.lock().unwrap().push(Seen {
                        method: request.method().to_string(),
                        target: request.url().to_owned(),
                        if_none_match: if_none_match.clone(),
                    });
                    let reply = match routes.get_mut(request.url()) {
                        Some((replies, next)) => {
                            let reply = replies[(*next).min(replies.len() - 1)].clone();
                            *next += 1;
                            reply
                        }
                        None => Reply::Status(404, None),
                    };
                    let response = match reply {
                        Reply::Hang => {
                            held.push(request);
                            continue;
                        }
                        Reply::Page(_, etag) if if_none_match.as_deref() == Some(etag) => {
                            tiny_http::Response::from_data(Vec::new()).with_status_code(304)
                        }
                        Reply::Page(body, etag) => tiny_http::Response::from_data(body)
                            .with_header(header_line("ETag", etag)),
                        Reply::Status(code, retry_after) => {
                            let mut response =
                                tiny_http::Response::from_data(format!("status {code}\n"))
                                    .with_status_code(code);
                            if let Some(seconds) = retry_after {
                                response.add_header(header_line("Retry-After", seconds));
                            }
                            response
                        }
                    };
                    let _ = request.respond(response);
                }
            })
        };
        Server {
            port,
            seen,
            stop,
            thread: Some(thread),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn header_line(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).unwrap()
}

/// A server that answers every connection with `Content-Length: claimed` and only `body`, then
/// closes the connection, for `connections` connections or 10 s.
///
/// tiny_http (like any correct server) cannot send a body shorter than its Content-Length and
/// close the connection: it keeps connections alive, so the client would see a stall, not a
/// truncation. This is the one malformed answer the tests need, so it is written by hand: one
/// request read up to its blank line, one canned answer, per connection.
fn truncating_server(body: Vec<u8>, claimed: usize, connections: usize) -> (u16, JoinHandle<()>) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    listener.set_nonblocking(true).unwrap();
    let thread = std::thread::spawn(move || {
        let deadline = Instant::now() + Duration::from_secs(10);
        let mut served = 0;
        while served < connections && Instant::now() < deadline {
            let Ok((mut stream, _)) = listener.accept() else {
                std::thread::sleep(Duration::from_millis(5));
                continue;
            };
            stream.set_nonblocking(false).unwrap();
            stream
                .set_read_timeout(Some(Duration::from_secs(2)))
                .unwrap();
            let mut request = Vec::new();
            let mut buf = [0; 1024];
            while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                match stream.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => request.extend_from_slice(&buf[..n]),
                }
            }
            let head = format!("HTTP/1.1 200 OK\r\nContent-Length: {claimed}\r\n\r\n");
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
            let _ = stream.shutdown(std::net::Shutdown::Both);
            served += 1;
        }
    });
    (port, thread)
}

// ---------------------------------------------------------------------------------------------
// Docs directories and the tool.

/// A real vendored page.
fn real_page(product: &str) -> Vec<u8> {
    std::fs::read(support::vendored_docs().join(format!("pages/{product}.txt"))).unwrap()
}

/// The CDN page, changed: a code added, one removed, one reworded.
fn changed_cdn() -> Vec<u8> {
    let page = String::from_utf8(real_page("cdn")).unwrap();
    let changed = page
        .replace(
            "AuthFailure.MFAFailure MFA failed.\n",
            "AuthFailure.MFAFailure MFA failed.\nAuthFailure.NewCheck A new check failed.\n",
        )
        .replace(
            "UnsupportedRegion API does not support the requested region.\n",
            "",
        )
        .replace(
            "ResourceInUse Resource is in use.",
            "ResourceInUse The resource is in use.",
        );
    assert_ne!(changed, page);
    changed.into_bytes()
}

/// A docs directory holding the real pages of `pages` (product, url path or `None`), each
/// listed with its url on `server`.
fn docs_with(server_port: u16, pages: &[(&str, Option<&str>)]) -> DocsDir {
    let docs = DocsDir::new();
    let mut entries = Vec::new();
    for (product, path) in pages {
        let file = format!("pages/{product}.txt");
        docs.write(&file, real_page(product));
        let url = match path {
            Some(path) => format!(r#", "url": "http://127.0.0.1:{server_port}{path}""#),
            None => String::new(),
        };
        entries.push(format!(
            r#"    {{"product": "{product}", "locale": "en", "file": "{file}"{url}}}"#
        ));
    }
    docs.write(
        "sources.json",
        format!("{{\"pages\": [\n{}\n]}}\n", entries.join(",\n")),
    );
    docs
}

/// Every file under `dir`, relative, with the sha256 of its bytes.
fn tree(dir: &Path) -> BTreeMap<String, String> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let digest = Sha256::digest(std::fs::read(&path).unwrap());
                let hex = digest.iter().map(|b| format!("{b:02x}")).collect();
                let name = path.strip_prefix(root).unwrap().display().to_string();
                out.insert(name, hex);
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// What a run of the tool gave.
struct Run {
    status: Option<i32>,
    stdout: String,
    stderr: String,
    took: Duration,
}

/// Runs `update --docs DOCS ARGS`, with short timeouts and backoff unless `args` sets them, and
/// without the proxy variables of the environment.
fn update_in(docs: &DocsDir, args: &[&str]) -> Run {
    let docs_arg = docs.path().display().to_string();
    let mut all = vec!["update", "--docs", &docs_arg];
    all.extend_from_slice(args);
    for (flag, value) in [
        ("--timeout", "5"),
        ("--connect-timeout", "2"),
        ("--retries", "2"),
        ("--backoff", "0.01"),
        ("--max-wait", "2"),
    ] {
        if !args.contains(&flag) {
            all.extend([flag, value]);
        }
    }
    let mut command = Command::new(env!("CARGO_BIN_EXE_tencentcloud-error-codes"));
    command.args(&all);
    for variable in [
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "NO_PROXY",
        "http_proxy",
        "https_proxy",
        "all_proxy",
        "no_proxy",
    ] {
        command.env_remove(variable);
    }
    run(command, docs)
}

fn run(mut command: Command, docs: &DocsDir) -> Run {
    let start = Instant::now();
    let output: Output = command.output().expect("run the tool");
    Run {
        status: output.status.code(),
        stdout: docs.relative(&String::from_utf8(output.stdout).unwrap()),
        stderr: docs.relative(&String::from_utf8(output.stderr).unwrap()),
        took: start.elapsed(),
    }
}

/// Runs a failing `update` and checks its exit status, its standard error, that it printed
/// nothing else than `stdout`, and that the docs directory did not change.
fn assert_fails_and_changes_nothing(docs: &DocsDir, args: &[&str], stdout: &str, stderr: &str) {
    let before = tree(docs.path());
    let run = update_in(docs, args);
    assert_eq!(run.stderr, stderr);
    assert_eq!(run.stdout, stdout);
    assert_eq!(run.status, Some(1));
    assert_eq!(tree(docs.path()), before, "the docs directory changed");
}

/// The change report of the cdn page of [`changed_cdn`], against cls unchanged.
const CDN_REPORT: &str = "\
cdn (common table):
  + AuthFailure.NewCheck
  - UnsupportedRegion
  ~ ResourceInUse (en): \"Resource is in use.\" -> \"The resource is in use.\"
common codes added: AuthFailure.NewCheck
common texts changed: 1
semver: minor (adds 1 common code: AuthFailure.NewCheck; the enums are #[non_exhaustive])
";

const NEXT: &str = "\
next:
  1. tencentcloud-error-codes check --docs DOCS    # do the sources still agree?
  2. fix a page, or accept the differences with a reason: tencentcloud-error-codes accept --all --reason TEXT --docs DOCS
  3. cargo run -p tencentcloud-error-codes-build -- generate    # regenerate, then review git diff src/generated
  4. git add DOCS src/generated Cargo.toml && git commit
";

// ---------------------------------------------------------------------------------------------
// The cases.

#[test]
fn a_changed_page_is_written_then_the_next_run_costs_a_304() {
    let server = Server::start(&[
        ("/cdn.txt", vec![Reply::Page(changed_cdn(), "\"cdn-2\"")]),
        ("/cls.txt", vec![Reply::Page(real_page("cls"), "\"cls-1\"")]),
    ]);
    let docs = docs_with(
        server.port,
        &[("cdn", Some("/cdn.txt")), ("cls", Some("/cls.txt"))],
    );

    let run = update_in(&docs, &[]);
    assert_eq!(run.stderr, "");
    assert_eq!(
        run.stdout,
        format!(
            "DOCS/pages/cdn.txt: changed\nDOCS/pages/cls.txt: unchanged\n\n{CDN_REPORT}\
             wrote DOCS/pages/cdn.txt, DOCS/http-cache.json\n{NEXT}"
        )
    );
    assert_eq!(run.status, Some(0));
    assert_eq!(
        std::fs::read(docs.path().join("pages/cdn.txt")).unwrap(),
        changed_cdn()
    );
    let cache: serde_json::Value =
        serde_json::from_slice(&std::fs::read(docs.path().join("http-cache.json")).unwrap())
            .unwrap();
    assert_eq!(cache[server.url("/cdn.txt")]["etag"], "\"cdn-2\"");
    assert_eq!(cache[server.url("/cdn.txt")]["file"], "pages/cdn.txt");
    assert_eq!(cache[server.url("/cls.txt")]["etag"], "\"cls-1\"");
    let names: Vec<String> = tree(docs.path()).into_keys().collect();
    assert_eq!(
        names,
        [
            "http-cache.json",
            "pages/cdn.txt",
            "pages/cls.txt",
            "sources.json"
        ],
        "no temporary file is left"
    );

    // The second run sends the ETags back and gets 304s: nothing to write.
    let before = tree(docs.path());
    let run = update_in(&docs, &[]);
    assert_eq!(run.stderr, "");
    assert_eq!(
        run.stdout,
        "DOCS/pages/cdn.txt: not modified (304)\nDOCS/pages/cls.txt: not modified (304)\n\n\
         no product's tables changed\nsemver: none (the generated code does not change)\nevery page is up to date\n"
    );
    assert_eq!(run.status, Some(0));
    assert_eq!(tree(docs.path()), before);
    let sent: Vec<Option<String>> = server.seen().into_iter().map(|s| s.if_none_match).collect();
    assert_eq!(sent.len(), 4);
    assert_eq!(sent[..2], [None, None]);
    let mut second = sent[2..].to_vec();
    second.sort();
    assert_eq!(second, [Some("\"cdn-2\"".into()), Some("\"cls-1\"".into())]);
}

#[test]
fn a_file_edited_by_hand_is_fetched_whole_again() {
    let server = Server::start(&[("/cdn.txt", vec![Reply::Page(real_page("cdn"), "\"v1\"")])]);
    let docs = docs_with(server.port, &[("cdn", Some("/cdn.txt"))]);
    assert_eq!(update_in(&docs, &[]).status, Some(0));
    docs.write("pages/cdn.txt", changed_cdn());

    let run = update_in(&docs, &[]);
    assert_eq!(run.stderr, "");
    assert!(
        run.stdout.starts_with("DOCS/pages/cdn.txt: changed\n"),
        "{}",
        run.stdout
    );
    assert_eq!(run.status, Some(0));
    assert_eq!(
        std::fs::read(docs.path().join("pages/cdn.txt")).unwrap(),
        real_page("cdn")
    );
    let sent: Vec<Option<String>> = server.seen().into_iter().map(|s| s.if_none_match).collect();
    assert_eq!(
        sent,
        [None, None],
        "the entry of an edited file is not sent back"
    );
}

#[test]
fn a_404_fails_and_changes_nothing() {
    let server = Server::start(&[("/cdn.txt", vec![Reply::Page(changed_cdn(), "\"x\"")])]);
    let docs = docs_with(
        server.port,
        &[("cdn", Some("/cdn.txt")), ("cls", Some("/gone.txt"))],
    );
    assert_fails_and_changes_nothing(
        &docs,
        &[],
        "DOCS/pages/cdn.txt: changed\n",
        &format!(
            "error: DOCS/pages/cls.txt ({}): HTTP 404 Not Found\n\
             error: 1 of 2 sources failed: nothing written\n",
            server.url("/gone.txt")
        ),
    );
    assert_eq!(server.seen().len(), 2, "a 404 is not retried");
}

#[test]
fn a_500_is_retried_then_succeeds() {
    let server = Server::start(&[(
        "/cdn.txt",
        vec![
            Reply::Status(500, None),
            Reply::Page(changed_cdn(), "\"x\""),
        ],
    )]);
    let docs = docs_with(server.port, &[("cdn", Some("/cdn.txt")), ("cls", None)]);
    let run = update_in(&docs, &[]);
    assert_eq!(run.stderr, "");
    assert!(
        run.stdout.starts_with(
            "DOCS/pages/cls.txt: skipped (cls has no url in DOCS/sources.json)\n\
             DOCS/pages/cdn.txt: changed\n"
        ),
        "{}",
        run.stdout
    );
    assert_eq!(run.status, Some(0));
    assert_eq!(server.seen().len(), 2);
    assert_eq!(
        std::fs::read(docs.path().join("pages/cdn.txt")).unwrap(),
        changed_cdn()
    );
}

#[test]
fn a_5xx_that_persists_fails_after_the_retries() {
    let server = Server::start(&[("/cdn.txt", vec![Reply::Status(503, None)])]);
    let docs = docs_with(server.port, &[("cdn", Some("/cdn.txt"))]);
    assert_fails_and_changes_nothing(
        &docs,
        &["--retries", "3"],
        "",
        &format!(
            "error: DOCS/pages/cdn.txt ({}): HTTP 503 Service Unavailable after 4 attempts\n\
             error: 1 of 1 sources failed: nothing written\n",
            server.url("/cdn.txt")
        ),
    );
    assert_eq!(server.seen().len(), 4);
}

#[test]
fn a_429_waits_as_long_as_retry_after_asks() {
    let server = Server::start(&[(
        "/cdn.txt",
        vec![
            Reply::Status(429, Some("1")),
            Reply::Page(changed_cdn(), "\"x\""),
        ],
    )]);
    let docs = docs_with(server.port, &[("cdn", Some("/cdn.txt"))]);
    // The backoff alone would wait 10 ms.
    let run = update_in(&docs, &[]);
    assert_eq!(run.stderr, "");
    assert_eq!(run.status, Some(0));
    assert!(run.took >= Duration::from_secs(1), "took {:?}", run.took);
    assert!(run.took < Duration::from_secs(5), "took {:?}", run.took);
    assert_eq!(server.seen().len(), 2);
}

#[test]
fn a_429_asking_for_longer_than_the_limit_fails_at_once() {
    let server = Server::start(&[("/cdn.txt", vec![Reply::Status(429, Some("3600"))])]);
    let docs = docs_with(server.port, &[("cdn", Some("/cdn.txt"))]);
    let start = Instant::now();
    assert_fails_and_changes_nothing(
        &docs,
        &["--max-wait", "1"],
        "",
        &format!(
            "error: DOCS/pages/cdn.txt ({}): HTTP 429 Too Many Requests, and the server asks to \
             wait 3600 s before retrying, longer than the 1 s limit\n\
             error: 1 of 1 sources failed: nothing written\n",
            server.url("/cdn.txt")
        ),
    );
    assert!(start.elapsed() < Duration::from_secs(3));
}

#[test]
fn a_server_that_never_answers_times_out() {
    let server = Server::start(&[
        ("/cdn.txt", vec![Reply::Hang]),
        ("/cls.txt", vec![Reply::Page(real_page("cls"), "\"x\"")]),
    ]);
    let docs = docs_with(
        server.port,
        &[("cdn", Some("/cdn.txt")), ("cls", Some("/cls.txt"))],
    );
    let start = Instant::now();
    assert_fails_and_changes_nothing(
        &docs,
        &["--timeout", "0.3", "--retries", "1"],
        "DOCS/pages/cls.txt: unchanged\n",
        &format!(
            "error: DOCS/pages/cdn.txt ({}): timed out (0.3 s) after 2 attempts\n\
             error: 1 of 2 sources failed: nothing written\n",
            server.url("/cdn.txt")
        ),
    );
    assert!(
        start.elapsed() < Duration::from_secs(3),
        "took {:?}",
        start.elapsed()
    );
}

#[test]
fn a_body_shorter_than_its_content_length_fails() {
    let page = changed_cdn();
    let (port, server) = truncating_server(page[..1000].to_vec(), page.len(), 2);
    let docs = docs_with(port, &[("cdn", Some("/cdn.txt"))]);
    assert_fails_and_changes_nothing(
        &docs,
        &["--retries", "1"],
        "",
        &format!(
            "error: DOCS/pages/cdn.txt (http://127.0.0.1:{port}/cdn.txt): truncated body: 1000 \
             of {} bytes after 2 attempts\n\
             error: 1 of 1 sources failed: nothing written\n",
            page.len()
        ),
    );
    server.join().unwrap();
}

#[test]
fn a_body_that_is_not_utf8_fails() {
    let mut page = real_page("cdn");
    let offset = page
        .windows(15)
        .position(|w| w == b"Internal error.")
        .unwrap()
        + 14;
    page[offset] = 0xe9; // "Internal error" + Latin-1 é
    let server = Server::start(&[("/cdn.txt", vec![Reply::Page(page, "\"x\"")])]);
    let docs = docs_with(server.port, &[("cdn", Some("/cdn.txt"))]);
    assert_fails_and_changes_nothing(
        &docs,
        &[],
        "",
        &format!(
            "error: DOCS/pages/cdn.txt ({}): not UTF-8 text (invalid byte at offset {offset})\n\
             error: 1 of 1 sources failed: nothing written\n",
            server.url("/cdn.txt")
        ),
    );
    assert_eq!(server.seen().len(), 1, "a bad body is not fetched again");
}

#[test]
fn a_page_whose_table_is_gone_fails() {
    let page = String::from_utf8(real_page("cdn")).unwrap();
    let start = page.find("Common Error Codes").unwrap();
    let end = page[start..].find("\n\n").unwrap() + start;
    let redesigned = format!("{}{}", &page[..start], &page[end + 2..]);
    let bad_row = page.replace(
        "InternalError Internal error.",
        "internal-error Internal error.",
    );
    let server = Server::start(&[
        (
            "/cdn.txt",
            vec![Reply::Page(redesigned.into_bytes(), "\"x\"")],
        ),
        ("/cls.txt", vec![Reply::Page(bad_row.into_bytes(), "\"x\"")]),
    ]);
    let docs = docs_with(
        server.port,
        &[("cdn", Some("/cdn.txt")), ("cls", Some("/cls.txt"))],
    );
    assert_fails_and_changes_nothing(
        &docs,
        &[],
        "",
        &format!(
            "error: DOCS/pages/cdn.txt ({}): no \"Common Error Codes\" (or \"公共错误码\") line \
             found\n\
             error: DOCS/pages/cls.txt ({}): line 130: invalid error code \"internal-error\": \
             expected dot-separated segments of ASCII letters and digits (and '_' after the \
             first), starting with an uppercase letter\n\
             error: 2 of 2 sources failed: nothing written\n",
            server.url("/cdn.txt"),
            server.url("/cls.txt"),
        ),
    );
}

#[test]
fn pages_that_read_alone_but_not_together_fail() {
    // A capture whose cells run together is split with the codes of the other pages of its
    // locale: alone, it cannot be.
    let run_together = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/docs/all_run_together/pages/mdl.txt"),
    )
    .unwrap();
    let server = Server::start(&[("/cdn.txt", vec![Reply::Page(run_together, "\"x\"")])]);
    let docs = docs_with(server.port, &[("cdn", Some("/cdn.txt"))]);
    assert_fails_and_changes_nothing(
        &docs,
        &[],
        "DOCS/pages/cdn.txt: changed\n",
        "error: the fetched sources do not read together: DOCS/pages/cdn.txt: the cells of every \
         row run together, and no other page of the same locale lists its codes apart to split \
         them by: nothing written\n",
    );
}

#[test]
fn keep_going_writes_the_pages_that_succeeded() {
    let server = Server::start(&[("/cdn.txt", vec![Reply::Page(changed_cdn(), "\"x\"")])]);
    let docs = docs_with(
        server.port,
        &[("cdn", Some("/cdn.txt")), ("cls", Some("/gone.txt"))],
    );
    let cls = std::fs::read(docs.path().join("pages/cls.txt")).unwrap();
    let run = update_in(&docs, &["--keep-going"]);
    assert_eq!(
        run.stderr,
        format!(
            "error: DOCS/pages/cls.txt ({}): HTTP 404 Not Found\n\
             error: 1 of 2 sources failed; the others were written\n",
            server.url("/gone.txt")
        )
    );
    assert_eq!(
        run.stdout,
        format!(
            "DOCS/pages/cdn.txt: changed\n\n{CDN_REPORT}\
             wrote DOCS/pages/cdn.txt, DOCS/http-cache.json\n{NEXT}"
        )
    );
    assert_eq!(run.status, Some(1));
    assert_eq!(
        std::fs::read(docs.path().join("pages/cdn.txt")).unwrap(),
        changed_cdn()
    );
    assert_eq!(
        std::fs::read(docs.path().join("pages/cls.txt")).unwrap(),
        cls
    );
    let cache = std::fs::read_to_string(docs.path().join("http-cache.json")).unwrap();
    assert!(!cache.contains("gone.txt"), "{cache}");

    // When every page fails there is nothing to write, and nothing is said to be up to date.
    let before = tree(docs.path());
    let run = update_in(&docs, &["--keep-going", "--only", "cls"]);
    assert_eq!(
        run.stderr,
        format!(
            "error: DOCS/pages/cls.txt ({}): HTTP 404 Not Found\n\
             error: 1 of 1 sources failed; the others were written\n",
            server.url("/gone.txt")
        )
    );
    assert_eq!(
        run.stdout,
        "\nno product's tables changed\nsemver: none (the generated code does not change)\n"
    );
    assert_eq!(run.status, Some(1));
    assert_eq!(tree(docs.path()), before);
}

#[test]
fn dry_run_reports_and_writes_nothing() {
    let server = Server::start(&[
        ("/cdn.txt", vec![Reply::Page(changed_cdn(), "\"x\"")]),
        ("/cls.txt", vec![Reply::Page(real_page("cls"), "\"x\"")]),
    ]);
    let docs = docs_with(
        server.port,
        &[("cdn", Some("/cdn.txt")), ("cls", Some("/cls.txt"))],
    );
    let before = tree(docs.path());
    let run = update_in(&docs, &["--dry-run"]);
    assert_eq!(run.stderr, "");
    assert_eq!(
        run.stdout,
        format!(
            "DOCS/pages/cdn.txt: changed\nDOCS/pages/cls.txt: unchanged\n\n{CDN_REPORT}\
             dry run: nothing written (1 file would change)\n"
        )
    );
    assert_eq!(run.status, Some(0));
    assert_eq!(tree(docs.path()), before);
}

#[test]
fn only_fetches_the_products_named_and_lists_pages_without_a_url() {
    let server = Server::start(&[("/cdn.txt", vec![Reply::Page(changed_cdn(), "\"x\"")])]);
    let docs = docs_with(
        server.port,
        &[
            ("cdn", Some("/cdn.txt")),
            ("cls", Some("/cls.txt")),
            ("cvm", None),
        ],
    );
    let run = update_in(&docs, &["--only", "cdn,cvm", "--dry-run"]);
    assert_eq!(run.stderr, "");
    assert!(
        run.stdout.starts_with(
            "DOCS/pages/cvm.txt: skipped (cvm has no url in DOCS/sources.json)\n\
             DOCS/pages/cdn.txt: changed\n\n"
        ),
        "{}",
        run.stdout
    );
    assert_eq!(run.status, Some(0));
    let targets: Vec<String> = server.seen().into_iter().map(|s| s.target).collect();
    assert_eq!(targets, ["/cdn.txt"]);

    let run = update_in(&docs, &["--only", "cbs"]);
    assert_eq!(
        run.stderr,
        "error: DOCS/sources.json: --only cbs: no page of that product\n"
    );
    assert_eq!(run.status, Some(2));

    let run = update_in(&docs, &["--only", "cvm"]);
    assert_eq!(
        run.stdout,
        "DOCS/pages/cvm.txt: skipped (cvm has no url in DOCS/sources.json)\nnothing to fetch\n"
    );
    assert_eq!(run.status, Some(0));
}

#[test]
fn a_file_outside_the_docs_directory_is_refused() {
    let server = Server::start(&[("/cdn.txt", vec![Reply::Page(changed_cdn(), "\"x\"")])]);
    let docs = docs_with(server.port, &[]);
    docs.write(
        "sources.json",
        format!(
            r#"{{"pages": [{{"product": "cdn", "locale": "en", "file": "../cdn.txt", "url": "{}"}}]}}"#,
            server.url("/cdn.txt")
        ),
    );
    // The manifest itself is refused (exit 2) before anything is fetched.
    let before = tree(docs.path());
    let run = update_in(&docs, &[]);
    assert_eq!(run.status, Some(2));
    assert_eq!(tree(docs.path()), before);
    assert_eq!(
        run.stderr,
        "error: DOCS/sources.json:1: invalid manifest: pages[0] (\"../cdn.txt\"): file \
         \"../cdn.txt\" leaves the docs directory ('..')\n"
    );
    assert_eq!(server.seen(), [], "nothing is fetched for it");
}

#[test]
fn proxies_come_from_the_environment() {
    // The test server stands in for the proxy, which refuses the tunnel: the page's host does
    // not resolve, so the only request made is the one to the proxy.
    let server = Server::start(&[]);
    let docs = docs_with(server.port, &[("cdn", None)]);
    docs.write(
        "sources.json",
        r#"{"pages": [{"product": "cdn", "locale": "en", "file": "pages/cdn.txt", "url": "http://docs.invalid/cdn.txt"}]}"#,
    );
    let mut command = Command::new(env!("CARGO_BIN_EXE_tencentcloud-error-codes"));
    command
        .args([
            "update",
            "--docs",
            &docs.path().display().to_string(),
            "--retries",
            "0",
        ])
        .env("HTTP_PROXY", server.url(""))
        .env_remove("NO_PROXY")
        .env_remove("no_proxy")
        .env_remove("ALL_PROXY")
        .env_remove("all_proxy");
    let before = tree(docs.path());
    let run = run(command, &docs);
    assert_eq!(
        run.stderr,
        "error: DOCS/pages/cdn.txt (http://docs.invalid/cdn.txt): CONNECT proxy failed: proxy \
         server responded 404/404\n\
         error: 1 of 1 sources failed: nothing written\n"
    );
    assert_eq!(run.status, Some(1));
    assert_eq!(tree(docs.path()), before);
    let seen: Vec<(String, String)> = server
        .seen()
        .into_iter()
        .map(|s| (s.method, s.target))
        .collect();
    assert_eq!(seen, [("CONNECT".to_owned(), "docs.invalid:80".to_owned())]);
}

#[test]
fn help_states_the_exit_statuses() {
    let output = Command::new(env!("CARGO_BIN_EXE_tencentcloud-error-codes"))
        .args(["update", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8(output.stdout).unwrap();
    assert!(
        help.contains("Exit status: 0 when every page with a url was fetched"),
        "{help}"
    );
    for flag in [
        "--docs",
        "--only",
        "--dry-run",
        "--keep-going",
        "--quiet",
        "--timeout",
    ] {
        assert!(help.contains(flag), "{flag} in {help}");
    }
    assert_eq!(output.status.code(), Some(0));
}

// ---------------------------------------------------------------------------------------------
// The engine, on the Error Center export.

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/update")
            .join(name),
    )
    .unwrap()
}

fn fast() -> Options {
    Options {
        timeout: Duration::from_secs(5),
        connect_timeout: Duration::from_secs(2),
        retries: 1,
        backoff: Duration::from_millis(10),
        max_wait: Duration::from_secs(1),
        ..Options::default()
    }
}

#[test]
fn error_center_exports_of_successive_days() {
    let day1 = fixture("error-center-csip-2026-08-20.json");
    let day2 = fixture("error-center-csip-2026-08-21.json");
    let server = Server::start(&[(
        "/api-all-errorcodes.json",
        vec![
            Reply::Page(day1.clone(), "\"2026-08-20\""),
            Reply::Page(day2.clone(), "\"2026-08-21\""),
        ],
    )]);
    let docs = tempfile::tempdir().unwrap();
    let sources = [Source {
        id: "error-center".into(),
        file: PathBuf::from("error-center/api-all-errorcodes.json"),
        url: server.url("/api-all-errorcodes.json"),
    }];
    let target = docs.path().join(&sources[0].file);
    let statuses = |update: &update::Update| -> Vec<Result<Status, String>> {
        update
            .outcomes()
            .iter()
            .map(|o| o.result.clone().map_err(|f| f.to_string()))
            .collect()
    };

    // Day 1: a new file, in a new folder.
    let fetched = update::fetch(docs.path(), &sources, &fast(), &update::check_page).unwrap();
    assert_eq!(statuses(&fetched), [Ok(Status::Changed)]);
    let written = fetched.apply(docs.path(), false).unwrap();
    assert_eq!(
        written,
        [
            PathBuf::from("error-center/api-all-errorcodes.json"),
            PathBuf::from("http-cache.json")
        ]
    );
    assert_eq!(std::fs::read(&target).unwrap(), day1);

    // Day 2: the ETag of day 1 is sent back, the server has a new export.
    let fetched = update::fetch(docs.path(), &sources, &fast(), &update::check_page).unwrap();
    assert_eq!(statuses(&fetched), [Ok(Status::Changed)]);
    fetched.apply(docs.path(), false).unwrap();
    assert_eq!(std::fs::read(&target).unwrap(), day2);

    // Later the same day: 304, and nothing to write.
    let before = tree(docs.path());
    let fetched = update::fetch(docs.path(), &sources, &fast(), &update::check_page).unwrap();
    assert_eq!(statuses(&fetched), [Ok(Status::NotModified)]);
    assert_eq!(
        fetched.apply(docs.path(), false).unwrap(),
        Vec::<PathBuf>::new()
    );
    assert_eq!(tree(docs.path()), before);

    let sent: Vec<Option<String>> = server.seen().into_iter().map(|s| s.if_none_match).collect();
    assert_eq!(
        sent,
        [
            None,
            Some("\"2026-08-20\"".into()),
            Some("\"2026-08-21\"".into())
        ]
    );
}

#[test]
fn sources_are_checked_before_any_request() {
    let server = Server::start(&[]);
    let docs = tempfile::tempdir().unwrap();
    let source = |file: &str, url: &str| Source {
        id: file.into(),
        file: PathBuf::from(file),
        url: url.into(),
    };
    let twice = [
        source("a.md", &server.url("/a")),
        source("a.md", &server.url("/b")),
    ];
    let error = update::fetch(docs.path(), &twice, &fast(), &update::check_page).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!(
            "{}/a.md is listed twice among the sources",
            docs.path().display()
        )
    );

    let refused = [
        source("a.md", "ftp://example.com/a.md"),
        source("/etc/b.md", &server.url("/b")),
        source("c.md", "https:///c.md"),
    ];
    let fetched = update::fetch(docs.path(), &refused, &fast(), &update::check_page).unwrap();
    let failures: Vec<String> = fetched.failures().map(ToString::to_string).collect();
    let dir = docs.path().display();
    assert_eq!(
        failures,
        [
            format!("{dir}/a.md (ftp://example.com/a.md): unsupported URL: only http and https are fetched"),
            format!(
                "/etc/b.md ({}): the path is absolute; it must be relative to the docs directory",
                server.url("/b")
            ),
            format!("{dir}/c.md (https:///c.md): invalid URL: invalid format"),
        ]
    );
    assert_eq!(server.seen(), []);
}

#[test]
fn an_export_that_is_not_an_array_fails_and_apply_refuses() {
    let server = Server::start(&[
        (
            "/export.json",
            vec![Reply::Page(
                br#"{"code": "RequestLimitExceeded"}"#.to_vec(),
                "\"x\"",
            )],
        ),
        ("/cdn.txt", vec![Reply::Page(changed_cdn(), "\"x\"")]),
    ]);
    let docs = docs_with(server.port, &[("cdn", Some("/cdn.txt"))]);
    let sources = [
        Source {
            id: "error-center".into(),
            file: PathBuf::from("api-all-errorcodes.json"),
            url: server.url("/export.json"),
        },
        Source {
            id: "cdn".into(),
            file: PathBuf::from("pages/cdn.txt"),
            url: server.url("/cdn.txt"),
        },
    ];
    let before = tree(docs.path());
    let fetched = update::fetch(docs.path(), &sources, &fast(), &update::check_page).unwrap();
    let failures: Vec<String> = fetched.failures().map(ToString::to_string).collect();
    assert_eq!(
        docs.relative(&failures.join("\n")),
        format!(
            "DOCS/api-all-errorcodes.json ({}): line 1: malformed Error Center export: invalid \
             type: map, expected a sequence",
            server.url("/export.json")
        )
    );
    assert_eq!(
        fetched.apply(docs.path(), false).unwrap_err().to_string(),
        "1 of 2 sources failed: nothing written"
    );
    assert_eq!(tree(docs.path()), before);
    // Keep going: the page that succeeded is written.
    fetched.apply(docs.path(), true).unwrap();
    assert_eq!(
        std::fs::read(docs.path().join("pages/cdn.txt")).unwrap(),
        changed_cdn()
    );
    assert!(!docs.path().join("api-all-errorcodes.json").exists());
}

#[test]
fn a_new_page_is_fetched_and_reported_as_added() {
    // The maintainer lists a new page with its url; its file does not exist yet.
    let server = Server::start(&[("/cvm.txt", vec![Reply::Page(real_page("cvm"), "\"x\"")])]);
    let docs = docs_with(server.port, &[("cdn", None)]);
    docs.write(
        "sources.json",
        format!(
            "{{\"pages\": [\n    {{\"product\": \"cdn\", \"locale\": \"en\", \"file\": \"pages/cdn.txt\"}},\n    \
             {{\"product\": \"cvm\", \"locale\": \"en\", \"file\": \"pages/cvm.txt\", \"url\": \"{}\"}}\n]}}\n",
            server.url("/cvm.txt")
        ),
    );
    let run = update_in(&docs, &[]);
    assert_eq!(run.stderr, "");
    assert_eq!(
        run.stdout,
        format!(
            "DOCS/pages/cdn.txt: skipped (cdn has no url in DOCS/sources.json)\n\
             DOCS/pages/cvm.txt: changed\n\n\
             cvm (common table): added, 26 codes\n\
             products added: cvm\n\
             semver: minor (adds 1 product: cvm; the enums are #[non_exhaustive])\n\
             wrote DOCS/pages/cvm.txt, DOCS/http-cache.json\n{NEXT}"
        )
    );
    assert_eq!(run.status, Some(0));
    assert_eq!(
        std::fs::read(docs.path().join("pages/cvm.txt")).unwrap(),
        real_page("cvm")
    );
}
