//! Reading the envelope of a Tencent Cloud API 3.0 response (feature `json`).
//!
//! ```json
//! {"Response": {"Error": {"Code": "...", "Message": "..."}, "RequestId": "..."}}
//! {"Response": {"TotalCount": 0, "RequestId": "..."}}
//! ```
//!
//! The `Deserialize` impls are written by hand over private types: no `serde_derive` for users to
//! build, and every error names the field at fault by its path (`Response.Error.Code`).

use alloc::boxed::Box;
use alloc::string::{String, ToString};
use core::fmt;

use serde::de::{
    self, Deserialize, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Unexpected, Visitor,
};

use crate::{ApiError, Code};

/// Reads a response body and tells whether the call succeeded: `Ok` with the request id, or
/// `Err` with the [`ApiError`] the API answered with, or with [`MalformedResponse`] when the body
/// is not a Tencent Cloud API 3.0 response.
///
/// Takes the body as bytes or text (`&[u8]`, `&str`, `Vec<u8>`, `String`, ...). Only the
/// envelope is read (`Response.Error` and `Response.RequestId`); the action's own fields are
/// skipped, for the caller to deserialize into its own types once the call is known to have
/// succeeded. The presence of `Response.Error` is what marks a failure, as the documentation
/// says; `"Error": null` counts as absent.
///
/// The body is malformed, and nothing panics, when it is not JSON, has no `Response` object, has
/// no `Response.RequestId` string, or has an `Error` without a non-empty `Code` string (a
/// `Message` may be missing or `null`).
///
/// ```
/// use tencentcloud_error_codes::{parse_response, Code, ErrorCode, ResponseError};
///
/// let body = r#"{"Response": {"Error": {"Code": "RequestLimitExceeded.UinLimitExceeded",
///     "Message": "Your requests are too frequent."}, "RequestId": "3c6e5ab8"}}"#;
/// match parse_response(body) {
///     Ok(success) => println!("request {} succeeded", success.request_id()),
///     Err(ResponseError::Api(error)) => match error.code() {
///         Code::Known(ErrorCode::AuthFailureSignatureExpire) => { /* sign again */ }
///         code if code.is_throttling() => { /* wait, then retry */ }
///         code => panic!("{code}"),
///     },
///     Err(ResponseError::Malformed(error)) => panic!("{error}"),
/// }
///
/// let success = parse_response(br#"{"Response": {"TotalCount": 0, "RequestId": "b5b41468"}}"#)?;
/// assert_eq!(success.request_id(), "b5b41468");
/// # Ok::<(), ResponseError>(())
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "json")))]
pub fn parse_response(body: impl AsRef<[u8]>) -> Result<Success, ResponseError> {
    match serde_json::from_slice::<Envelope>(body.as_ref()) {
        Ok(Envelope {
            error: None,
            request_id,
        }) => Ok(Success { request_id }),
        Ok(Envelope {
            error: Some(ErrorBody { code, message }),
            request_id,
        }) => Err(ResponseError::Api(ApiError::new(code, message, request_id))),
        Err(error) => Err(ResponseError::Malformed(MalformedResponse::from_json(
            &error,
        ))),
    }
}

/// A response that reports success, from [`parse_response`].
///
/// ```
/// use tencentcloud_error_codes::parse_response;
///
/// let success = parse_response(r#"{"Response": {"RequestId": "b5b41468"}}"#)?;
/// assert_eq!(success.request_id(), "b5b41468");
/// assert_eq!(success.into_request_id(), "b5b41468");
/// # Ok::<(), tencentcloud_error_codes::ResponseError>(())
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "json")))]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Success {
    request_id: String,
}

impl Success {
    /// The id Tencent Cloud gave the request, `Response.RequestId`.
    pub fn request_id(&self) -> &str {
        &self.request_id
    }

    /// The request id, owned.
    pub fn into_request_id(self) -> String {
        self.request_id
    }
}

/// Why a response does not report success, from [`parse_response`]: the API answered with an
/// error, or the body is not an API response at all.
///
/// Displays as the error it holds. Not `#[non_exhaustive]`: a body either is an API response or
/// is not, and an API response either reports an error or does not.
///
/// ```
/// use tencentcloud_error_codes::{parse_response, ResponseError};
///
/// let error = parse_response("<html>502 Bad Gateway</html>").unwrap_err();
/// assert!(matches!(error, ResponseError::Malformed(_)));
/// assert_eq!(error.api_error(), None);
/// assert_eq!(error.to_string(), "malformed response body: expected value at line 1 column 1");
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "json")))]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ResponseError {
    /// The response reports an error: it has `Response.Error`.
    Api(ApiError),
    /// The body is not a Tencent Cloud API 3.0 response.
    Malformed(MalformedResponse),
}

impl ResponseError {
    /// The API's error, if the response reports one.
    ///
    /// ```
    /// use tencentcloud_error_codes::{parse_response, ErrorCode};
    ///
    /// let body = r#"{"Response": {"Error": {"Code": "InternalError", "Message": "Internal error."},
    ///     "RequestId": "6e9f1e2a"}}"#;
    /// let error = parse_response(body).unwrap_err();
    /// assert_eq!(error.api_error().map(|error| error.code()), Some(&ErrorCode::InternalError.into()));
    /// ```
    pub fn api_error(&self) -> Option<&ApiError> {
        match self {
            ResponseError::Api(error) => Some(error),
            ResponseError::Malformed(_) => None,
        }
    }
}

impl From<ApiError> for ResponseError {
    fn from(error: ApiError) -> ResponseError {
        ResponseError::Api(error)
    }
}

impl From<MalformedResponse> for ResponseError {
    fn from(error: MalformedResponse) -> ResponseError {
        ResponseError::Malformed(error)
    }
}

/// Writes the error it holds, as that error's `Display` does.
impl fmt::Display for ResponseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ResponseError::Api(error) => fmt::Display::fmt(error, f),
            ResponseError::Malformed(error) => fmt::Display::fmt(error, f),
        }
    }
}

/// The held error's text is this error's text, so `source` gives that error's source (none),
/// not the error itself, which would print the text twice in a chain.
impl core::error::Error for ResponseError {}

/// A body that is not a Tencent Cloud API 3.0 response: not JSON, or JSON of another shape.
///
/// Displays as `malformed response body: ` and what is wrong, with its position:
///
/// ```
/// use tencentcloud_error_codes::{parse_response, MalformedKind, ResponseError};
///
/// let Err(ResponseError::Malformed(error)) = parse_response(r#"{"RequestId": "b5b41468"}"#) else {
///     unreachable!("no `Response`");
/// };
/// assert_eq!(error.kind(), MalformedKind::NotEnvelope);
/// assert_eq!(error.to_string(), "malformed response body: missing field `Response` at line 1 column 25");
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "json")))]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MalformedResponse {
    kind: MalformedKind,
    detail: Box<str>,
}

impl MalformedResponse {
    fn from_json(error: &serde_json::Error) -> MalformedResponse {
        let kind = match error.classify() {
            serde_json::error::Category::Data => MalformedKind::NotEnvelope,
            _ => MalformedKind::NotJson,
        };
        MalformedResponse {
            kind,
            detail: error.to_string().into_boxed_str(),
        }
    }

    /// Whether the body is not JSON, or JSON of another shape.
    pub fn kind(&self) -> MalformedKind {
        self.kind
    }
}

impl fmt::Display for MalformedResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "malformed response body: {}", self.detail)
    }
}

impl core::error::Error for MalformedResponse {}

/// What is wrong with a [`MalformedResponse`].
///
/// ```
/// use tencentcloud_error_codes::{parse_response, MalformedKind, ResponseError};
///
/// let kind = |body: &str| match parse_response(body) {
///     Err(ResponseError::Malformed(error)) => Some(error.kind()),
///     _ => None,
/// };
/// assert_eq!(kind("<html>502 Bad Gateway</html>"), Some(MalformedKind::NotJson));
/// assert_eq!(kind(r#"{"Response": {"#), Some(MalformedKind::NotJson));
/// assert_eq!(kind(r#"{"Response": {"Error": {}, "RequestId": "b5b41468"}}"#), Some(MalformedKind::NotEnvelope));
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "json")))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MalformedKind {
    /// The body is not JSON, or is cut short: an HTML page from a proxy, say.
    NotJson,
    /// The body is JSON but not a response envelope: no `Response`, no `RequestId`, an `Error`
    /// without `Code`, a field of the wrong type.
    NotEnvelope,
}

// The envelope, as far as this crate reads it.

struct Envelope {
    error: Option<ErrorBody>,
    request_id: String,
}

struct ErrorBody {
    code: Code,
    message: String,
}

/// A key of one of the envelope's objects; the keys that matter are the same at every level.
enum Key {
    Response,
    Error,
    RequestId,
    Code,
    Message,
    Other,
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Key, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = Key;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a field name")
            }
            fn visit_str<E: de::Error>(self, key: &str) -> Result<Key, E> {
                Ok(match key {
                    "Response" => Key::Response,
                    "Error" => Key::Error,
                    "RequestId" => Key::RequestId,
                    "Code" => Key::Code,
                    "Message" => Key::Message,
                    _ => Key::Other,
                })
            }
        }
        deserializer.deserialize_identifier(KeyVisitor)
    }
}

fn missing<E: de::Error>(path: &str) -> E {
    E::custom(format_args!("missing field `{path}`"))
}

fn duplicate<E: de::Error>(path: &str) -> E {
    E::custom(format_args!("duplicate field `{path}`"))
}

/// The whole body: an object with a `Response`.
impl<'de> Deserialize<'de> for Envelope {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Envelope, D::Error> {
        struct EnvelopeVisitor;
        impl<'de> Visitor<'de> for EnvelopeVisitor {
            type Value = Envelope;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object with a `Response` field")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Envelope, A::Error> {
                let mut response = None;
                while let Some(key) = map.next_key::<Key>()? {
                    if let Key::Response = key {
                        if response.is_some() {
                            return Err(duplicate("Response"));
                        }
                        response = Some(map.next_value_seed(ResponseSeed)?);
                    } else {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
                response.ok_or_else(|| missing("Response"))
            }
        }
        deserializer.deserialize_map(EnvelopeVisitor)
    }
}

/// `Response`: an object with a `RequestId` and, on failure, an `Error`.
struct ResponseSeed;

impl<'de> DeserializeSeed<'de> for ResponseSeed {
    type Value = Envelope;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Envelope, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for ResponseSeed {
    type Value = Envelope;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object for `Response`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Envelope, A::Error> {
        let mut error = None;
        let mut request_id = None;
        while let Some(key) = map.next_key::<Key>()? {
            match key {
                Key::Error => {
                    if error.is_some() {
                        return Err(duplicate("Response.Error"));
                    }
                    error = Some(map.next_value_seed(ErrorSeed)?);
                }
                Key::RequestId => {
                    if request_id.is_some() {
                        return Err(duplicate("Response.RequestId"));
                    }
                    request_id = Some(map.next_value_seed(StringSeed("Response.RequestId"))?);
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(Envelope {
            error: error.flatten(),
            request_id: request_id.ok_or_else(|| missing("Response.RequestId"))?,
        })
    }
}

/// `Response.Error`: `null`, or an object with a `Code` and a `Message`.
struct ErrorSeed;

impl<'de> DeserializeSeed<'de> for ErrorSeed {
    type Value = Option<ErrorBody>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_option(self)
    }
}

impl<'de> Visitor<'de> for ErrorSeed {
    type Value = Option<ErrorBody>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object for `Response.Error`")
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut code = None;
        let mut message = None;
        while let Some(key) = map.next_key::<Key>()? {
            match key {
                Key::Code => {
                    if code.is_some() {
                        return Err(duplicate("Response.Error.Code"));
                    }
                    code = Some(map.next_value_seed(StringSeed("Response.Error.Code"))?);
                }
                Key::Message => {
                    if message.is_some() {
                        return Err(duplicate("Response.Error.Message"));
                    }
                    message = Some(map.next_value_seed(MessageSeed)?);
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let code = code.ok_or_else(|| missing("Response.Error.Code"))?;
        if code.is_empty() {
            return Err(de::Error::invalid_value(
                Unexpected::Str(""),
                &"a non-empty string for `Response.Error.Code`",
            ));
        }
        Ok(Some(ErrorBody {
            code: Code::from(code),
            message: message.flatten().unwrap_or_default(),
        }))
    }
}

/// A string field, named by its path in errors.
struct StringSeed(&'static str);

impl<'de> DeserializeSeed<'de> for StringSeed {
    type Value = String;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<String, D::Error> {
        deserializer.deserialize_string(self)
    }
}

impl Visitor<'_> for StringSeed {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a string for `{}`", self.0)
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<String, E> {
        Ok(String::from(value))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<String, E> {
        Ok(value)
    }
}

/// `Response.Error.Message`: a string, or `null`.
struct MessageSeed;

impl<'de> DeserializeSeed<'de> for MessageSeed {
    type Value = Option<String>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_option(self)
    }
}

impl<'de> Visitor<'de> for MessageSeed {
    type Value = Option<String>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string or null for `Response.Error.Message`")
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_string(self)
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
        Ok(Some(String::from(value)))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Self::Value, E> {
        Ok(Some(value))
    }
}
