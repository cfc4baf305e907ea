//! [`ApiError`]: the `Error` of a failed Tencent Cloud API 3.0 response.

use alloc::string::String;
use core::fmt;

use crate::Code;

/// An error the Tencent Cloud API answered with: the `Code` and `Message` of the response's
/// `Error`, and its `RequestId`.
///
/// ```json
/// {"Response": {"Error": {"Code": "...", "Message": "..."}, "RequestId": "..."}}
/// ```
///
/// With the `json` feature, [`parse_response`] reads one from a response body; [`ApiError::new`]
/// makes one from parts read some other way.
///
/// Branch on the [`code`](ApiError::code): Tencent Cloud says the
/// [`message`](ApiError::message) is for people and may change at any time. Quote the
/// [`request_id`](ApiError::request_id) when asking Tencent Cloud about a failure.
///
/// ```
/// use tencentcloud_error_codes::{ApiError, Code, ErrorCode};
///
/// let error = ApiError::new(ErrorCode::AuthFailureSignatureExpire, "", "4a5d1ac1-c4b3-46c3-9d9c-3f8e8d1a6f2b");
/// assert!(matches!(error.code(), Code::Known(ErrorCode::AuthFailureSignatureExpire)));
/// assert_eq!(
///     error.to_string(),
///     "AuthFailure.SignatureExpire: Signature expired (request id 4a5d1ac1-c4b3-46c3-9d9c-3f8e8d1a6f2b)",
/// );
/// ```
///
#[cfg_attr(feature = "json", doc = "[`parse_response`]: crate::parse_response")]
#[cfg_attr(
    not(feature = "json"),
    doc = "[`parse_response`]: https://docs.rs/tencentcloud-error-codes/latest/tencentcloud_error_codes/fn.parse_response.html"
)]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ApiError {
    code: Code,
    message: String,
    request_id: String,
}

impl ApiError {
    /// An error with the given code, message (empty for none) and request id.
    ///
    /// ```
    /// use tencentcloud_error_codes::ApiError;
    ///
    /// let error = ApiError::new("FailedOperation.CdnConfigError", "CDN configuration error.", "b0d6f63c");
    /// assert_eq!(error.code().as_str(), "FailedOperation.CdnConfigError");
    /// assert_eq!(error.message(), "CDN configuration error.");
    /// assert_eq!(error.request_id(), "b0d6f63c");
    /// ```
    pub fn new(
        code: impl Into<Code>,
        message: impl Into<String>,
        request_id: impl Into<String>,
    ) -> ApiError {
        ApiError {
            code: code.into(),
            message: message.into(),
            request_id: request_id.into(),
        }
    }

    /// The error code, `Error.Code`: what code should branch on.
    ///
    /// ```
    /// use tencentcloud_error_codes::{ApiError, ErrorCode};
    ///
    /// let error = ApiError::new("InternalError", "", "6e9f1e2a");
    /// assert_eq!(error.code(), ErrorCode::InternalError);
    /// ```
    pub fn code(&self) -> &Code {
        &self.code
    }

    /// The message, `Error.Message`, exactly as the server sent it; empty when it sent none.
    ///
    /// It is meant for people: Tencent Cloud may reword it at any time, so do not parse it.
    ///
    /// ```
    /// use tencentcloud_error_codes::ApiError;
    ///
    /// let error = ApiError::new("InternalError", "Internal error.", "6e9f1e2a");
    /// assert_eq!(error.message(), "Internal error.");
    /// ```
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The id Tencent Cloud gave the request, `RequestId`.
    ///
    /// ```
    /// use tencentcloud_error_codes::ApiError;
    ///
    /// let error = ApiError::new("InternalError", "", "6e9f1e2a");
    /// assert_eq!(error.request_id(), "6e9f1e2a");
    /// ```
    pub fn request_id(&self) -> &str {
        &self.request_id
    }

    /// Whether the request was throttled; see [`Code::is_throttling`].
    ///
    /// ```
    /// use tencentcloud_error_codes::ApiError;
    ///
    /// let error = ApiError::new("RequestLimitExceeded.UinLimitExceeded", "", "6e9f1e2a");
    /// assert!(error.is_throttling());
    /// ```
    pub fn is_throttling(&self) -> bool {
        self.code.is_throttling()
    }
}

/// Writes `code: text (request id id)`, where the text is the server's message, or when it sent
/// none, the description the documentation gives the code (nothing for an unknown code). One
/// final full stop of the text is left out so that the request id closes the sentence;
/// [`ApiError::message`] keeps it.
///
/// ```
/// use tencentcloud_error_codes::ApiError;
///
/// let error = ApiError::new(
///     "AuthFailure.SignatureFailure",
///     "The provided credentials could not be validated. Please ensure your signature is correct.",
///     "ed93f3cb-f35e-473f-b9f3-0d451b8b79c6",
/// );
/// assert_eq!(
///     error.to_string(),
///     "AuthFailure.SignatureFailure: The provided credentials could not be validated. \
///      Please ensure your signature is correct (request id ed93f3cb-f35e-473f-b9f3-0d451b8b79c6)",
/// );
///
/// let error = ApiError::new("FailedOperation.CdnConfigError", "", "b0d6f63c");
/// assert_eq!(error.to_string(), "FailedOperation.CdnConfigError (request id b0d6f63c)");
/// ```
impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code.as_str())?;
        let text = match self.message.trim() {
            "" => self.code.known().map_or("", |code| code.description()),
            message => message,
        };
        let text = text
            .strip_suffix('.')
            .or_else(|| text.strip_suffix('\u{3002}'))
            .unwrap_or(text)
            .trim_end();
        if !text.is_empty() {
            write!(f, ": {text}")?;
        }
        if !self.request_id.is_empty() {
            write!(f, " (request id {})", self.request_id)?;
        }
        Ok(())
    }
}

impl core::error::Error for ApiError {}
