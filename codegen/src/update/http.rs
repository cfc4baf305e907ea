//! One source over HTTP: a GET with the cached validators, retried with backoff when the
//! network or the server is having a bad moment.

use std::io::Read;
use std::time::{Duration, SystemTime};

use ureq::http::{header, StatusCode, Uri};

use super::cache::Entry;
use super::{seconds, Options};

/// What a successful GET gave.
pub(super) enum Got {
    /// 304: the cached body is current.
    NotModified,
    /// 200, with the whole body.
    Body {
        bytes: Vec<u8>,
        etag: Option<String>,
        last_modified: Option<String>,
    },
}

/// Why one attempt failed.
enum Attempt {
    /// Worth another try: `wait` is the server's `Retry-After`, if it gave one.
    Retry { why: String, wait: Option<Duration> },
    /// Trying again would give the same.
    Final(String),
}

/// The client: the options' timeouts, HTTP statuses as responses (not errors), and proxies
/// from `HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY` and `NO_PROXY` (lowercase too).
pub(super) fn agent(options: &Options) -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(options.timeout))
        .timeout_connect(Some(options.connect_timeout))
        .proxy(ureq::Proxy::try_from_env())
        .user_agent(concat!(
            "tencentcloud-error-codes/",
            env!("CARGO_PKG_VERSION")
        ))
        .build()
        .into()
}

/// Refuses, before any request, a URL that is not `http` or `https` with a host.
pub(super) fn check_url(url: &str) -> Result<(), String> {
    let scheme = url.split_once("://").map(|(scheme, _)| scheme);
    if !scheme.is_some_and(|s| s.eq_ignore_ascii_case("http") || s.eq_ignore_ascii_case("https")) {
        return Err("unsupported URL: only http and https are fetched".to_owned());
    }
    let uri: Uri = url.parse().map_err(|e| format!("invalid URL: {e}"))?;
    match uri.host() {
        Some(host) if !host.is_empty() => Ok(()),
        _ => Err("invalid URL: no host".to_owned()),
    }
}

/// GETs `url`, conditionally when `cached` is given, trying again after transient failures.
/// `Err` is why the last attempt failed, with the number of attempts when there were several.
pub(super) fn get(
    agent: &ureq::Agent,
    url: &str,
    cached: Option<&Entry>,
    options: &Options,
) -> Result<Got, String> {
    let mut attempts: u32 = 0;
    loop {
        attempts += 1;
        let (why, asked) = match attempt(agent, url, cached, options) {
            Ok(got) => return Ok(got),
            Err(Attempt::Final(why)) => return Err(why),
            Err(Attempt::Retry { why, wait }) => (why, wait),
        };
        let tried = |why: String| match attempts {
            1 => why,
            n => format!("{why} after {n} attempts"),
        };
        if attempts > options.retries {
            return Err(tried(why));
        }
        let wait = match asked {
            Some(asked) if asked > options.max_wait => {
                return Err(tried(format!(
                    "{why}, and the server asks to wait {} before retrying, longer than the \
                     {} limit",
                    seconds(asked),
                    seconds(options.max_wait)
                )));
            }
            Some(asked) => asked,
            None => backoff(options, attempts),
        };
        std::thread::sleep(wait);
    }
}

/// The wait after failed attempt number `attempts` (1-based): the base, doubled each time, at
/// most the options' `max_wait`.
fn backoff(options: &Options, attempts: u32) -> Duration {
    let factor = 2u32.saturating_pow(attempts.saturating_sub(1));
    options
        .backoff
        .checked_mul(factor)
        .unwrap_or(options.max_wait)
        .min(options.max_wait)
}

fn attempt(
    agent: &ureq::Agent,
    url: &str,
    cached: Option<&Entry>,
    options: &Options,
) -> Result<Got, Attempt> {
    let mut request = agent.get(url);
    if let Some(entry) = cached {
        if let Some(etag) = &entry.etag {
            request = request.header(header::IF_NONE_MATCH, etag);
        }
        if let Some(date) = &entry.last_modified {
            request = request.header(header::IF_MODIFIED_SINCE, date);
        }
    }
    let response = request.call().map_err(|e| transport_error(e, options))?;
    let status = response.status();
    let headers = response.headers();
    let text = |name: header::HeaderName| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    match status {
        StatusCode::OK => {}
        StatusCode::NOT_MODIFIED if cached.is_some() => return Ok(Got::NotModified),
        StatusCode::NOT_MODIFIED => {
            return Err(Attempt::Final(
                "HTTP 304 Not Modified to a request that was not conditional".to_owned(),
            ))
        }
        s if s == StatusCode::TOO_MANY_REQUESTS || s.is_server_error() => {
            return Err(Attempt::Retry {
                why: describe(s),
                wait: text(header::RETRY_AFTER).and_then(|v| retry_after(&v)),
            })
        }
        s => return Err(Attempt::Final(describe(s))),
    }
    let etag = text(header::ETAG);
    let last_modified = text(header::LAST_MODIFIED);
    // The length on the wire; a decoded (gzip) body has another one.
    let expected = text(header::CONTENT_LENGTH)
        .filter(|_| text(header::CONTENT_ENCODING).is_none_or(|e| e == "identity"))
        .and_then(|v| v.trim().parse::<u64>().ok());
    let mut bytes = Vec::new();
    let read = response
        .into_body()
        .into_with_config()
        .limit(options.max_body)
        .reader()
        .read_to_end(&mut bytes);
    let truncated = |received: usize| Attempt::Retry {
        why: match expected {
            Some(expected) => format!("truncated body: {received} of {expected} bytes"),
            None => format!("truncated body: the connection closed after {received} bytes"),
        },
        wait: None,
    };
    if let Err(e) = read {
        return Err(match e.kind() {
            std::io::ErrorKind::UnexpectedEof => truncated(bytes.len()),
            _ => match unwrap_ureq_error(e) {
                Ok(ureq::Error::BodyExceedsLimit(limit)) => {
                    Attempt::Final(format!("body larger than {limit} bytes"))
                }
                Ok(e) => transport_error(e, options),
                Err(e) => Attempt::Retry {
                    why: format!("connection failed while reading the body: {e}"),
                    wait: None,
                },
            },
        });
    }
    if expected.is_some_and(|expected| expected != bytes.len() as u64) {
        return Err(truncated(bytes.len()));
    }
    Ok(Got::Body {
        bytes,
        etag,
        last_modified,
    })
}

/// `HTTP 404 Not Found`.
fn describe(status: StatusCode) -> String {
    match status.canonical_reason() {
        Some(reason) => format!("HTTP {} {reason}", status.as_u16()),
        None => format!("HTTP {}", status.as_u16()),
    }
}

/// The ureq error that a body reader wrapped in an I/O error, or the I/O error itself.
fn unwrap_ureq_error(e: std::io::Error) -> Result<ureq::Error, std::io::Error> {
    if e.get_ref().is_some_and(|inner| inner.is::<ureq::Error>()) {
        if let Some(inner) = e.into_inner() {
            if let Ok(error) = inner.downcast::<ureq::Error>() {
                return Ok(*error);
            }
        }
        return Err(std::io::Error::other("unknown error"));
    }
    Err(e)
}

/// An error before or while receiving the response: timeouts and dropped connections are
/// retried, the rest (an unknown host, a TLS failure, a bad URL) are not.
fn transport_error(error: ureq::Error, options: &Options) -> Attempt {
    use ureq::Timeout;
    match error {
        ureq::Error::Timeout(Timeout::Connect | Timeout::Resolve) => Attempt::Retry {
            why: format!(
                "connection timed out ({})",
                seconds(options.connect_timeout)
            ),
            wait: None,
        },
        ureq::Error::Timeout(_) => Attempt::Retry {
            why: format!("timed out ({})", seconds(options.timeout)),
            wait: None,
        },
        ureq::Error::Io(e) => Attempt::Retry {
            why: format!("connection failed: {e}"),
            wait: None,
        },
        ureq::Error::ConnectionFailed => Attempt::Retry {
            why: "connection failed".to_owned(),
            wait: None,
        },
        ureq::Error::HostNotFound => Attempt::Final("host not found".to_owned()),
        ureq::Error::BodyExceedsLimit(limit) => {
            Attempt::Final(format!("body larger than {limit} bytes"))
        }
        other => Attempt::Final(other.to_string()),
    }
}

/// `Retry-After` as seconds or an HTTP date, as the wait from now.
fn retry_after(value: &str) -> Option<Duration> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let date = httpdate::parse_http_date(value).ok()?;
    Some(
        date.duration_since(SystemTime::now())
            .unwrap_or(Duration::ZERO),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_the_limit() {
        let options = Options {
            backoff: Duration::from_millis(100),
            max_wait: Duration::from_millis(500),
            ..Options::default()
        };
        let waits: Vec<u128> = (1..=5).map(|n| backoff(&options, n).as_millis()).collect();
        assert_eq!(waits, [100, 200, 400, 500, 500]);
        assert_eq!(backoff(&options, u32::MAX), Duration::from_millis(500));
    }

    #[test]
    fn retry_after_takes_seconds_and_dates() {
        assert_eq!(retry_after(" 7 "), Some(Duration::from_secs(7)));
        assert_eq!(
            retry_after("Wed, 21 Oct 2015 07:28:00 GMT"),
            Some(Duration::ZERO)
        );
        let later = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(3600));
        assert!(retry_after(&later).is_some_and(|d| d > Duration::from_secs(3500)));
        assert_eq!(retry_after("soon"), None);
        assert_eq!(retry_after("-1"), None);
    }

    #[test]
    fn only_http_and_https_urls() {
        assert_eq!(check_url("https://example.com/a.md"), Ok(()));
        assert_eq!(check_url("http://127.0.0.1:8080/a"), Ok(()));
        assert_eq!(
            check_url("ftp://example.com/a.md"),
            Err("unsupported URL: only http and https are fetched".to_owned())
        );
        assert_eq!(
            check_url("pages/cdn.md"),
            Err("unsupported URL: only http and https are fetched".to_owned())
        );
        assert_eq!(
            check_url("https://exa mple.com/"),
            Err("invalid URL: invalid uri character".to_owned())
        );
        assert_eq!(
            check_url("http:///a"),
            Err("invalid URL: invalid format".to_owned())
        );
    }
}
