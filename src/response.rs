//! Reading a Tencent Cloud API 3.0 response (feature `json`): its envelope, and on success the
//! action's own fields into the caller's type, in one pass over the body.
//!
//! ```json
//! {"Response": {"Error": {"Code": "...", "Message": "..."}, "RequestId": "..."}}
//! {"Response": {"TotalCount": 0, "RequestId": "..."}}
//! ```
//!
//! The `Deserialize` impls are written by hand over private types: no `serde_derive` for users to
//! build, and every error names the field at fault by its path (`Response.Error.Code`).
//!
//! The caller's type reads `Response` through `PayloadFields`, a map that hides `Error` and
//! reads it (and a copy of `RequestId`) on the side as the keys go by, so that nothing is parsed
//! twice and an `Error` anywhere in `Response` decides the outcome.

use alloc::borrow::Cow;
use alloc::boxed::Box;
use alloc::format;
use alloc::string::{String, ToString};
use core::fmt;
use core::marker::PhantomData;

use serde::de::value::{MapAccessDeserializer, StrDeserializer};
use serde::de::{
    self, Deserialize, DeserializeOwned, DeserializeSeed, Deserializer, IgnoredAny, MapAccess,
    Unexpected, Visitor,
};

use crate::{ApiError, Code};

/// Reads a response body and tells whether the call succeeded: `Ok` with the request id, or
/// `Err` with the [`ApiError`] the API answered with, or with [`MalformedResponse`] when the body
/// is not a Tencent Cloud API 3.0 response.
///
/// Takes the body as bytes or text (`&[u8]`, `&str`, `Vec<u8>`, `String`, ...). Only the
/// envelope is read (`Response.Error` and `Response.RequestId`); the action's own fields are
/// skipped. To read them into a type of your own in the same pass, use [`parse_response_as`].
///
/// The presence of `Response.Error` is what marks a failure, as the documentation says;
/// `"Error": null` counts as absent. An error is an [`ApiError`] as long as its `Code` is there:
/// its `Message` and the response's `RequestId` may be missing (or, for the message, `null`).
///
/// A success must carry `Response.RequestId`. The documentation says every response does, and a
/// body with neither `Error` nor `RequestId` shows nothing that only a Tencent Cloud response
/// would (`{"Response": {}}` could come from anything): taking it for a success would let the
/// caller go on as if the call had been made. An `Error` with a `Code` says that the call failed
/// whatever else is missing, so its code is kept.
///
/// The body is malformed, and nothing panics, when it is not JSON, has no `Response` object, has
/// an `Error` without a non-empty `Code` string, has a `RequestId` that is not a string, or
/// reports success without a `RequestId`.
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
///
/// // An error without a request id is still an error, with its code.
/// let error = parse_response(r#"{"Response": {"Error": {"Code": "InternalError"}}}"#).unwrap_err();
/// assert_eq!(error.to_string(), "InternalError: Internal error");
/// assert_eq!(error.api_error().and_then(|error| error.request_id()), None);
/// # Ok::<(), ResponseError>(())
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "json")))]
pub fn parse_response(body: impl AsRef<[u8]>) -> Result<Success, ResponseError> {
    let success = read::<IgnoredAny>(body.as_ref())?;
    Ok(Success {
        payload: (),
        request_id: success.request_id,
    })
}

/// Reads a response body as [`parse_response`] does and, on success, deserializes the action's
/// own fields (the members of `Response`) into `T`, in the same single pass over the body.
///
/// `T` sees every member of `Response` except `Error`, `RequestId` included, so that a type with
/// a `RequestId` field works, and a type that ignores unknown fields need not declare it. A type
/// that reads any map works too: `serde_json::Map<String, serde_json::Value>` gives the fields as
/// they are.
///
/// An `Error` decides the outcome wherever it is in `Response`: once it is read, `T` sees no more
/// fields, and what `T` makes of the fields it saw (a missing field, say) does not matter. The
/// exception is a field *before* `Error` whose value does not fit `T`, since the body cannot be
/// read past a value that failed; Tencent Cloud's error responses hold only `Error` and
/// `RequestId`, so this does not happen with them.
///
/// When the fields do not fit `T`, the body is a [`MalformedResponse`] of kind
/// [`MalformedKind::PayloadMismatch`], whose text names the member of `Response` at fault
/// (``in `Response.TotalCount`: ...``), or `Response` for what `T` says of the object as a whole
/// (a missing field). Deeper in that member, the error's line and column say where.
///
/// ```
/// use serde::Deserialize;
/// use tencentcloud_error_codes::{parse_response_as, MalformedKind, ResponseError};
///
/// #[derive(Deserialize)]
/// #[serde(rename_all = "PascalCase")]
/// struct DescribeInstancesStatus {
///     total_count: u64,
///     instance_status_set: Vec<String>,
/// }
///
/// let body = r#"{"Response": {"TotalCount": 0, "InstanceStatusSet": [], "RequestId": "b5b41468"}}"#;
/// let success = parse_response_as::<DescribeInstancesStatus>(body)?;
/// assert_eq!(success.request_id(), "b5b41468");
/// assert_eq!(success.payload().total_count, 0);
/// let (status, request_id) = success.into_parts();
/// assert!(status.instance_status_set.is_empty());
/// assert_eq!(request_id, "b5b41468");
///
/// // A failure is an `ApiError`, even though it has none of the payload's fields.
/// let body = r#"{"Response": {"Error": {"Code": "InternalError"}, "RequestId": "6e9f1e2a"}}"#;
/// let error = parse_response_as::<DescribeInstancesStatus>(body).err().unwrap();
/// assert_eq!(error.to_string(), "InternalError: Internal error (request id 6e9f1e2a)");
///
/// // Fields that do not fit the payload's type.
/// let body = r#"{"Response": {"TotalCount": "3", "InstanceStatusSet": [], "RequestId": "b5b41468"}}"#;
/// let Err(ResponseError::Malformed(error)) = parse_response_as::<DescribeInstancesStatus>(body) else {
///     unreachable!("`TotalCount` is a string");
/// };
/// assert_eq!(error.kind(), MalformedKind::PayloadMismatch);
/// assert_eq!(
///     error.to_string(),
///     "malformed response body: in `Response.TotalCount`: invalid type: string \"3\", \
///      expected u64 at line 1 column 31",
/// );
/// # Ok::<(), ResponseError>(())
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "json")))]
pub fn parse_response_as<T: DeserializeOwned>(
    body: impl AsRef<[u8]>,
) -> Result<Success<T>, ResponseError> {
    read(body.as_ref())
}

/// The one pass over a body.
fn read<T: DeserializeOwned>(body: &[u8]) -> Result<Success<T>, ResponseError> {
    let mut payload_failure = None;
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let read = EnvelopeSeed {
        payload_failure: &mut payload_failure,
        payload: PhantomData::<T>,
    }
    .deserialize(&mut deserializer)
    .and_then(|outcome| deserializer.end().map(|()| outcome));
    match read {
        Ok(Ok(success)) => Ok(success),
        Ok(Err(error)) => Err(ResponseError::Api(error)),
        Err(error) => Err(ResponseError::Malformed(MalformedResponse::from_json(
            &error,
            payload_failure.as_deref(),
        ))),
    }
}

/// A response that reports success, from [`parse_response`] (which reads no payload: `T` is
/// `()`) or [`parse_response_as`] (the payload `T` read from `Response`).
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
pub struct Success<T = ()> {
    payload: T,
    request_id: String,
}

impl<T> Success<T> {
    /// The id Tencent Cloud gave the request, `Response.RequestId`.
    pub fn request_id(&self) -> &str {
        &self.request_id
    }

    /// The request id, owned.
    pub fn into_request_id(self) -> String {
        self.request_id
    }

    /// The action's own fields, read from `Response` by [`parse_response_as`].
    ///
    /// ```
    /// use tencentcloud_error_codes::parse_response_as;
    ///
    /// type Fields = serde_json::Map<String, serde_json::Value>;
    /// let success = parse_response_as::<Fields>(r#"{"Response": {"TotalCount": 2, "RequestId": "b5b41468"}}"#)?;
    /// assert_eq!(success.payload()["TotalCount"], 2);
    /// assert_eq!(success.payload()["RequestId"], "b5b41468");
    /// # Ok::<(), tencentcloud_error_codes::ResponseError>(())
    /// ```
    pub fn payload(&self) -> &T {
        &self.payload
    }

    /// The payload, owned.
    pub fn into_payload(self) -> T {
        self.payload
    }

    /// The payload and the request id, owned.
    pub fn into_parts(self) -> (T, String) {
        (self.payload, self.request_id)
    }
}

/// Why a response does not report success, from [`parse_response`] or [`parse_response_as`]: the
/// API answered with an error, or the body is not an API response at all (or, from
/// [`parse_response_as`], not one whose payload fits the type asked for).
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

/// A body that is not a Tencent Cloud API 3.0 response: not JSON, or JSON of another shape; or,
/// from [`parse_response_as`], a successful response whose fields do not fit the payload's type.
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
    /// `payload_failure` is the path of the member of `Response` whose value did not fit the
    /// payload's type, when that is what `error` is about.
    fn from_json(error: &serde_json::Error, payload_failure: Option<&str>) -> MalformedResponse {
        let (kind, detail) = match (error.classify(), payload_failure) {
            (serde_json::error::Category::Data, Some(path)) => (
                MalformedKind::PayloadMismatch,
                format!("in `{path}`: {error}"),
            ),
            (serde_json::error::Category::Data, None) => {
                (MalformedKind::NotEnvelope, error.to_string())
            }
            _ => (MalformedKind::NotJson, error.to_string()),
        };
        MalformedResponse {
            kind,
            detail: detail.into_boxed_str(),
        }
    }

    /// Whether the body is not JSON, JSON of another shape, or a payload of another shape.
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
/// use tencentcloud_error_codes::{parse_response, parse_response_as, MalformedKind, ResponseError};
///
/// let kind = |body: &str| match parse_response(body) {
///     Err(ResponseError::Malformed(error)) => Some(error.kind()),
///     _ => None,
/// };
/// assert_eq!(kind("<html>502 Bad Gateway</html>"), Some(MalformedKind::NotJson));
/// assert_eq!(kind(r#"{"Response": {"#), Some(MalformedKind::NotJson));
/// assert_eq!(kind(r#"{"Response": {"Error": {}, "RequestId": "b5b41468"}}"#), Some(MalformedKind::NotEnvelope));
/// assert_eq!(kind(r#"{"Response": {"TotalCount": 0}}"#), Some(MalformedKind::NotEnvelope));
///
/// let body = r#"{"Response": {"TotalCount": -1, "RequestId": "b5b41468"}}"#;
/// type Counts = std::collections::BTreeMap<String, u64>;
/// let Err(ResponseError::Malformed(error)) = parse_response_as::<Counts>(body) else { unreachable!() };
/// assert_eq!(error.kind(), MalformedKind::PayloadMismatch);
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "json")))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MalformedKind {
    /// The body is not JSON, or is cut short: an HTML page from a proxy, say.
    NotJson,
    /// The body is JSON but not a response envelope: no `Response`, an `Error` without `Code`,
    /// a success without `RequestId`, an envelope field of the wrong type.
    NotEnvelope,
    /// The response reports success but its fields do not fit the type given to
    /// [`parse_response_as`]: a field missing, or of another type.
    PayloadMismatch,
}

// The envelope, as far as this crate reads it.

/// What `Response.Error` holds when it is there and not `null`.
struct ErrorBody {
    code: Code,
    message: Option<String>,
}

impl ErrorBody {
    fn into_api_error(self, request_id: Option<String>) -> ApiError {
        let error = ApiError::new(self.code);
        let error = match self.message {
            Some(message) => error.with_message(message),
            None => error,
        };
        match request_id {
            Some(request_id) => error.with_request_id(request_id),
            None => error,
        }
    }
}

/// What a body says once read: success with the payload, or the API's error.
type Outcome<T> = Result<Success<T>, ApiError>;

/// The whole body: an object with a `Response`.
///
/// `payload_failure` is set to the path of the member of `Response` at fault when the error the
/// pass ends with is the payload's, which the error itself cannot say.
struct EnvelopeSeed<'a, T> {
    payload_failure: &'a mut Option<String>,
    payload: PhantomData<T>,
}

impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for EnvelopeSeed<'_, T> {
    type Value = Outcome<T>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Outcome<T>, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for EnvelopeSeed<'_, T> {
    type Value = Outcome<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object with a `Response` field")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Outcome<T>, A::Error> {
        let mut response = None;
        while let Some(key) = map.next_key::<EnvelopeKey>()? {
            if let EnvelopeKey::Response = key {
                if response.is_some() {
                    return Err(duplicate("Response"));
                }
                response = Some(map.next_value_seed(ResponseSeed {
                    payload_failure: &mut *self.payload_failure,
                    payload: PhantomData::<T>,
                })?);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        response.ok_or_else(|| missing("Response"))
    }
}

/// A key of the body's object.
enum EnvelopeKey {
    Response,
    Other,
}

impl<'de> Deserialize<'de> for EnvelopeKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<EnvelopeKey, D::Error> {
        struct EnvelopeKeyVisitor;
        impl Visitor<'_> for EnvelopeKeyVisitor {
            type Value = EnvelopeKey;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a field name")
            }
            fn visit_str<E: de::Error>(self, key: &str) -> Result<EnvelopeKey, E> {
                Ok(match key {
                    "Response" => EnvelopeKey::Response,
                    _ => EnvelopeKey::Other,
                })
            }
        }
        deserializer.deserialize_identifier(EnvelopeKeyVisitor)
    }
}

fn missing<E: de::Error>(path: &str) -> E {
    E::custom(format_args!("missing field `{path}`"))
}

fn duplicate<E: de::Error>(path: &str) -> E {
    E::custom(format_args!("duplicate field `{path}`"))
}

/// `Response`: an object with a `RequestId`, an `Error` on failure, and the action's own fields
/// on success, which go to the payload's type `T`.
struct ResponseSeed<'a, T> {
    payload_failure: &'a mut Option<String>,
    payload: PhantomData<T>,
}

impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for ResponseSeed<'_, T> {
    type Value = Outcome<T>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Outcome<T>, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for ResponseSeed<'_, T> {
    type Value = Outcome<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object for `Response`")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Outcome<T>, A::Error> {
        let mut fields = PayloadFields {
            map,
            error: None,
            request_id: None,
            pending: None,
            failure: None,
        };
        let payload = T::deserialize(MapAccessDeserializer::new(&mut fields));
        // What `T` answered counts only if nothing failed under it: an error it was handed is
        // the placeholder, and a `T` that swallowed one may have answered `Ok`.
        let payload = match (fields.failure.take(), payload) {
            (Some(failure), _) if !failure.body_readable => {
                *self.payload_failure = failure.payload_path;
                return Err(failure.error);
            }
            (Some(failure), _) => Err(failure),
            (None, Err(error)) => Err(Failure::payload(error, "Response", true)),
            (None, Ok(payload)) => Ok(payload),
        };
        fields.read_rest()?;
        if let Some(Some(error)) = fields.error {
            return Ok(Err(error.into_api_error(fields.request_id)));
        }
        let request_id = fields
            .request_id
            .ok_or_else(|| missing("Response.RequestId"))?;
        match payload {
            Ok(payload) => Ok(Ok(Success {
                payload,
                request_id,
            })),
            Err(failure) => {
                *self.payload_failure = failure.payload_path;
                Err(failure.error)
            }
        }
    }
}

/// Why reading `Response` stopped.
struct Failure<E> {
    error: E,
    /// The path of the member of `Response` at fault when the payload's type refused it; `None`
    /// when the envelope is at fault.
    payload_path: Option<String>,
    /// Whether the body can still be read past the failure: not after a value that failed half
    /// way, but after the payload's type refused a key or the whole object.
    body_readable: bool,
}

impl<E> Failure<E> {
    fn envelope(error: E) -> Failure<E> {
        Failure {
            error,
            payload_path: None,
            body_readable: false,
        }
    }

    fn payload(error: E, path: impl Into<String>, body_readable: bool) -> Failure<E> {
        Failure {
            error,
            payload_path: Some(path.into()),
            body_readable,
        }
    }
}

/// A key of `Response`, borrowed from the body where it has no escapes.
enum ResponseKey<'de> {
    Error,
    RequestId,
    Other(Cow<'de, str>),
}

impl<'de> Deserialize<'de> for ResponseKey<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ResponseKeyVisitor;
        impl<'de> Visitor<'de> for ResponseKeyVisitor {
            type Value = ResponseKey<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a field name")
            }
            fn visit_borrowed_str<E: de::Error>(self, key: &'de str) -> Result<Self::Value, E> {
                Ok(ResponseKey::new(Cow::Borrowed(key)))
            }
            fn visit_str<E: de::Error>(self, key: &str) -> Result<Self::Value, E> {
                Ok(ResponseKey::new(Cow::Owned(String::from(key))))
            }
            fn visit_string<E: de::Error>(self, key: String) -> Result<Self::Value, E> {
                Ok(ResponseKey::new(Cow::Owned(key)))
            }
        }
        deserializer.deserialize_str(ResponseKeyVisitor)
    }
}

impl<'de> ResponseKey<'de> {
    fn new(key: Cow<'de, str>) -> ResponseKey<'de> {
        match &*key {
            "Error" => ResponseKey::Error,
            "RequestId" => ResponseKey::RequestId,
            _ => ResponseKey::Other(key),
        }
    }
}

/// A key handed to the payload's type, whose value it has not asked for yet.
enum PendingKey<'de> {
    RequestId,
    Other(Cow<'de, str>),
}

/// The members of `Response` as the payload's type sees them: every member but `Error`, which is
/// read on the side, as is a copy of `RequestId`. Once a non-null `Error` is read, the map ends.
///
/// Errors of the body are kept here and the payload's type gets a placeholder, so that what the
/// pass reports does not depend on what that type does with the errors it is handed.
struct PayloadFields<'de, A: MapAccess<'de>> {
    map: A,
    /// `Response.Error` once read: `Some(None)` for `null`.
    error: Option<Option<ErrorBody>>,
    request_id: Option<String>,
    pending: Option<PendingKey<'de>>,
    failure: Option<Failure<A::Error>>,
}

impl<'de, A: MapAccess<'de>> PayloadFields<'de, A> {
    /// Stops the payload's reading: keeps `failure` and gives the payload's type an error in
    /// its place, which is never shown.
    fn fail(&mut self, failure: Failure<A::Error>) -> A::Error {
        self.failure = Some(failure);
        stopped()
    }

    /// Whether the payload's type is to see no more members: an error has been read, or reading
    /// has failed.
    fn is_done(&self) -> bool {
        matches!(self.error, Some(Some(_))) || self.failure.is_some()
    }

    fn read_error(&mut self) -> Result<(), A::Error> {
        if self.error.is_some() {
            return Err(duplicate("Response.Error"));
        }
        self.error = Some(self.map.next_value_seed(ErrorSeed)?);
        Ok(())
    }

    fn read_request_id(&mut self) -> Result<&str, A::Error> {
        let request_id = self.map.next_value_seed(StringSeed("Response.RequestId"))?;
        Ok(self.request_id.insert(request_id))
    }

    /// Reads the value of a key the payload's type was handed but did not ask the value of.
    fn read_pending_value(&mut self) -> Result<(), A::Error> {
        match self.pending.take() {
            Some(PendingKey::RequestId) => self.read_request_id().map(drop),
            Some(PendingKey::Other(_)) => self.map.next_value::<IgnoredAny>().map(drop),
            None => Ok(()),
        }
    }

    /// Reads the members the payload's type did not see, for `Error` and `RequestId`.
    fn read_rest(&mut self) -> Result<(), A::Error> {
        self.read_pending_value()?;
        while let Some(key) = self.map.next_key::<ResponseKey<'de>>()? {
            match key {
                ResponseKey::Error => self.read_error()?,
                ResponseKey::RequestId if self.request_id.is_some() => {
                    return Err(duplicate("Response.RequestId"));
                }
                ResponseKey::RequestId => self.read_request_id().map(drop)?,
                ResponseKey::Other(_) => self.map.next_value::<IgnoredAny>().map(drop)?,
            }
        }
        Ok(())
    }
}

/// The placeholder the payload's type gets for an error kept in [`PayloadFields`]; never shown.
fn stopped<E: de::Error>() -> E {
    E::custom("reading `Response` stopped on an earlier error")
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for PayloadFields<'de, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        if self.is_done() {
            return Ok(None);
        }
        if let Err(error) = self.read_pending_value() {
            return Err(self.fail(Failure::envelope(error)));
        }
        loop {
            let key = match self.map.next_key::<ResponseKey<'de>>() {
                Ok(Some(key)) => key,
                Ok(None) => return Ok(None),
                Err(error) => return Err(self.fail(Failure::envelope(error))),
            };
            let pending = match key {
                ResponseKey::Error => {
                    if let Err(error) = self.read_error() {
                        return Err(self.fail(Failure::envelope(error)));
                    }
                    if self.is_done() {
                        return Ok(None);
                    }
                    continue;
                }
                ResponseKey::RequestId if self.request_id.is_some() => {
                    let error = duplicate("Response.RequestId");
                    return Err(self.fail(Failure::envelope(error)));
                }
                ResponseKey::RequestId => PendingKey::RequestId,
                ResponseKey::Other(key) => PendingKey::Other(key),
            };
            let name = match &pending {
                PendingKey::RequestId => "RequestId",
                PendingKey::Other(key) => key.as_ref(),
            };
            let key = seed.deserialize(StrDeserializer::<A::Error>::new(name));
            self.pending = Some(pending);
            return match key {
                Ok(key) => Ok(Some(key)),
                Err(error) => Err(self.fail(Failure::payload(error, "Response", true))),
            };
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        if self.failure.is_some() {
            return Err(stopped());
        }
        match self.pending.take() {
            None => Err(de::Error::custom(
                "the value of a member of `Response` was asked for before its key",
            )),
            Some(PendingKey::RequestId) => {
                let request_id = match self.read_request_id() {
                    Ok(request_id) => request_id,
                    Err(error) => return Err(self.fail(Failure::envelope(error))),
                };
                match seed.deserialize(StrDeserializer::<A::Error>::new(request_id)) {
                    Ok(value) => Ok(value),
                    Err(error) => {
                        Err(self.fail(Failure::payload(error, "Response.RequestId", true)))
                    }
                }
            }
            Some(PendingKey::Other(key)) => match self.map.next_value_seed(seed) {
                Ok(value) => Ok(value),
                Err(error) => {
                    let path = format!("Response.{}", key.escape_debug());
                    Err(self.fail(Failure::payload(error, path, false)))
                }
            },
        }
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

/// A key of `Response.Error`.
enum ErrorKey {
    Code,
    Message,
    Other,
}

impl<'de> Deserialize<'de> for ErrorKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<ErrorKey, D::Error> {
        struct ErrorKeyVisitor;
        impl Visitor<'_> for ErrorKeyVisitor {
            type Value = ErrorKey;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a field name")
            }
            fn visit_str<E: de::Error>(self, key: &str) -> Result<ErrorKey, E> {
                Ok(match key {
                    "Code" => ErrorKey::Code,
                    "Message" => ErrorKey::Message,
                    _ => ErrorKey::Other,
                })
            }
        }
        deserializer.deserialize_identifier(ErrorKeyVisitor)
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
        while let Some(key) = map.next_key::<ErrorKey>()? {
            match key {
                ErrorKey::Code => {
                    if code.is_some() {
                        return Err(duplicate("Response.Error.Code"));
                    }
                    code = Some(map.next_value_seed(StringSeed("Response.Error.Code"))?);
                }
                ErrorKey::Message => {
                    if message.is_some() {
                        return Err(duplicate("Response.Error.Message"));
                    }
                    message = Some(map.next_value_seed(MessageSeed)?);
                }
                ErrorKey::Other => {
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
            message: message.flatten(),
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
