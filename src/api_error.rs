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
/// [`request_id`](ApiError::request_id) when asking Tencent Cloud about a failure. Only the code
/// is sure to be there: a body can leave out the message or the request id, and the accessors
/// say so in their type.
///
/// ```
/// use tencentcloud_error_codes::{ApiError, Code, ErrorCode};
///
/// let error = ApiError::new(ErrorCode::AuthFailureSignatureExpire)
///     .with_request_id("4a5d1ac1-c4b3-46c3-9d9c-3f8e8d1a6f2b");
/// assert!(matches!(error.code(), Code::Known(ErrorCode::AuthFailureSignatureExpire)));
/// assert_eq!(error.message(), None);
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
    message: Option<String>,
    request_id: Option<String>,
}

impl ApiError {
    /// An error with the given code, and neither message nor request id: add them with
    /// [`with_message`](ApiError::with_message) and [`with_request_id`](ApiError::with_request_id).
    ///
    /// ```
    /// use tencentcloud_error_codes::ApiError;
    ///
    /// let error = ApiError::new("FailedOperation.CdnConfigError")
    ///     .with_message("CDN configuration error.")
    ///     .with_request_id("b0d6f63c");
    /// assert_eq!(error.code().as_str(), "FailedOperation.CdnConfigError");
    /// assert_eq!(error.message(), Some("CDN configuration error."));
    /// assert_eq!(error.request_id(), Some("b0d6f63c"));
    ///
    /// let bare = ApiError::new("FailedOperation.CdnConfigError");
    /// assert_eq!((bare.message(), bare.request_id()), (None, None));
    /// ```
    pub fn new(code: impl Into<Code>) -> ApiError {
        ApiError {
            code: code.into(),
            message: None,
            request_id: None,
        }
    }

    /// The same error with `Error.Message` set to `message`, kept exactly as given (an empty
    /// string included).
    ///
    /// ```
    /// use tencentcloud_error_codes::ApiError;
    ///
    /// let error = ApiError::new("InternalError").with_message("Internal error.");
    /// assert_eq!(error.message(), Some("Internal error."));
    /// ```
    #[must_use]
    pub fn with_message(self, message: impl Into<String>) -> ApiError {
        ApiError {
            message: Some(message.into()),
            ..self
        }
    }

    /// The same error with `RequestId` set to `request_id`.
    ///
    /// ```
    /// use tencentcloud_error_codes::ApiError;
    ///
    /// let error = ApiError::new("InternalError").with_request_id("6e9f1e2a");
    /// assert_eq!(error.request_id(), Some("6e9f1e2a"));
    /// ```
    #[must_use]
    pub fn with_request_id(self, request_id: impl Into<String>) -> ApiError {
        ApiError {
            request_id: Some(request_id.into()),
            ..self
        }
    }

    /// The error code, `Error.Code`: what code should branch on.
    ///
    /// ```
    /// use tencentcloud_error_codes::{ApiError, ErrorCode};
    ///
    /// let error = ApiError::new("InternalError");
    /// assert_eq!(error.code(), ErrorCode::InternalError);
    /// ```
    pub fn code(&self) -> &Code {
        &self.code
    }

    /// The message, `Error.Message`, exactly as the server sent it, or `None` when it sent none
    /// (no `Message`, or `null`). An empty string is kept as `Some("")`: that is what was sent.
    ///
    /// It is meant for people: Tencent Cloud may reword it at any time, so do not parse it. For
    /// a text to show whatever was sent, use the error's `Display`, which falls back to the
    /// documented [`description`](crate::ErrorCode::description) of a common code.
    ///
    /// ```
    /// use tencentcloud_error_codes::ApiError;
    ///
    /// let error = ApiError::new("InternalError").with_message("Internal error.");
    /// assert_eq!(error.message(), Some("Internal error."));
    /// assert_eq!(ApiError::new("InternalError").message(), None);
    /// ```
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The id Tencent Cloud gave the request, `RequestId`, or `None` when the body carried none.
    ///
    /// The documentation says every response carries one, but an error without it still has a
    /// code worth branching on, so it is not refused for that.
    ///
    /// ```
    /// use tencentcloud_error_codes::ApiError;
    ///
    /// let error = ApiError::new("InternalError").with_request_id("6e9f1e2a");
    /// assert_eq!(error.request_id(), Some("6e9f1e2a"));
    /// assert_eq!(ApiError::new("InternalError").request_id(), None);
    /// ```
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// Whether the request was throttled; see [`Code::is_throttling`].
    ///
    /// ```
    /// use tencentcloud_error_codes::ApiError;
    ///
    /// let error = ApiError::new("RequestLimitExceeded.UinLimitExceeded");
    /// assert!(error.is_throttling());
    /// ```
    pub fn is_throttling(&self) -> bool {
        self.code.is_throttling()
    }
}

/// Writes `code: text (request id id)` on one line, where the text is the server's message, or
/// when it sent none (or only blanks), the description the documentation gives the code (nothing
/// for an unknown code). One final full stop of the text is left out so that the request id
/// closes the sentence; [`ApiError::message`] keeps it. Without a request id (or with a blank
/// one) the parenthesis is left out.
///
/// Line breaks, tabs and other control characters in the code, the text or the request id are
/// written as one space, so that the error stays on one line of a log.
///
/// ```
/// use tencentcloud_error_codes::ApiError;
///
/// let error = ApiError::new("AuthFailure.SignatureFailure")
///     .with_message("The provided credentials could not be validated. Please ensure your signature is correct.")
///     .with_request_id("ed93f3cb-f35e-473f-b9f3-0d451b8b79c6");
/// assert_eq!(
///     error.to_string(),
///     "AuthFailure.SignatureFailure: The provided credentials could not be validated. \
///      Please ensure your signature is correct (request id ed93f3cb-f35e-473f-b9f3-0d451b8b79c6)",
/// );
///
/// let error = ApiError::new("FailedOperation.CdnConfigError").with_request_id("b0d6f63c");
/// assert_eq!(error.to_string(), "FailedOperation.CdnConfigError (request id b0d6f63c)");
///
/// let error = ApiError::new("InternalError").with_message("Internal\nerror.");
/// assert_eq!(error.to_string(), "InternalError: Internal error");
/// ```
impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", OneLine(self.code.as_str()))?;
        let text = match self.message.as_deref().map(OneLine) {
            Some(message) if !message.is_blank() => message.0,
            _ => match &self.code {
                Code::Known(code) => code.description().unwrap_or(""),
                Code::Product(code) => code.description().unwrap_or(""),
                Code::Unknown(_) => "",
            },
        };
        let text = text.trim_end();
        let text = OneLine(
            text.strip_suffix('.')
                .or_else(|| text.strip_suffix('\u{3002}'))
                .unwrap_or(text),
        );
        if !text.is_blank() {
            write!(f, ": {text}")?;
        }
        match self.request_id.as_deref().map(OneLine) {
            Some(request_id) if !request_id.is_blank() => write!(f, " (request id {request_id})"),
            _ => Ok(()),
        }
    }
}

/// Text to write on one line: every run of control characters (line breaks, tabs, escapes) or
/// line separators, with the blanks around it, is written as one space, and blanks at either end
/// are left out.
#[derive(Clone, Copy)]
struct OneLine<'a>(&'a str);

impl<'a> OneLine<'a> {
    fn pieces(self) -> impl Iterator<Item = &'a str> {
        let breaks = |c: char| c.is_control() || c == '\u{2028}' || c == '\u{2029}';
        self.0
            .split(breaks)
            .map(str::trim)
            .filter(|piece| !piece.is_empty())
    }

    /// Whether nothing would be written.
    fn is_blank(self) -> bool {
        self.pieces().next().is_none()
    }
}

impl fmt::Display for OneLine<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, piece) in self.pieces().enumerate() {
            if index > 0 {
                f.write_str(" ")?;
            }
            f.write_str(piece)?;
        }
        Ok(())
    }
}

impl core::error::Error for ApiError {}
