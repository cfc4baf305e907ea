//! The methods of [`ErrorCode`], over the tables the generator writes.

use alloc::string::String;
use core::fmt;
use core::str::FromStr;

use crate::generated::{lookup, CODES, DESCRIPTIONS, PRODUCT_SETS, PRODUCT_SET_OF};
use crate::ErrorCode;

impl ErrorCode {
    /// The exact code on the wire, as in a response's `Error.Code`.
    ///
    /// ```
    /// use tencentcloud_error_codes::ErrorCode;
    /// assert_eq!(ErrorCode::AuthFailureSignatureExpire.as_str(), "AuthFailure.SignatureExpire");
    /// ```
    pub const fn as_str(self) -> &'static str {
        CODES[self as usize]
    }

    /// The description the documentation gives (empty where it gives none). Message texts in
    /// responses are for people and may change at any time; branch on the code.
    ///
    /// ```
    /// use tencentcloud_error_codes::ErrorCode;
    /// assert_eq!(ErrorCode::InternalError.description(), "Internal error.");
    /// ```
    pub const fn description(self) -> &'static str {
        DESCRIPTIONS[self as usize]
    }

    /// The products (API service names such as `cvm`) whose pages document the code, sorted.
    ///
    /// ```
    /// use tencentcloud_error_codes::ErrorCode;
    /// assert_eq!(ErrorCode::InternalError.products(), ["cdn", "cls", "cvm", "mdl", "teo"]);
    /// ```
    pub const fn products(self) -> &'static [&'static str] {
        PRODUCT_SETS[PRODUCT_SET_OF[self as usize] as usize]
    }

    /// The variant whose wire code is exactly `code` (case-sensitive), if there is one.
    ///
    /// A perfect-hash lookup: its cost does not grow with the number of codes.
    ///
    /// ```
    /// use tencentcloud_error_codes::ErrorCode;
    /// assert_eq!(ErrorCode::from_code("InternalError"), Some(ErrorCode::InternalError));
    /// assert_eq!(ErrorCode::from_code("internalerror"), None);
    /// ```
    #[inline]
    pub fn from_code(code: &str) -> Option<ErrorCode> {
        lookup(code)
    }
}

/// Writes the wire code: `AuthFailure.SignatureExpire`.
impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Writes the variant name, as a derived `Debug` would: the code's segments joined, each
/// starting with an uppercase letter (the generator's naming rule). Derived, it would cost
/// compile time at thousands of variants; a table of names would too.
impl fmt::Debug for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for segment in self.as_str().split('.') {
            let mut chars = segment.chars();
            if let Some(first) = chars.next() {
                fmt::Write::write_char(f, first.to_ascii_uppercase())?;
                f.write_str(chars.as_str())?;
            }
        }
        Ok(())
    }
}

impl FromStr for ErrorCode {
    type Err = UnknownErrorCode;

    /// Parses a wire code; see [`ErrorCode::from_code`].
    fn from_str(code: &str) -> Result<Self, Self::Err> {
        ErrorCode::from_code(code).ok_or_else(|| UnknownErrorCode {
            code: String::from(code),
        })
    }
}

impl AsRef<str> for ErrorCode {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

/// The error of parsing a code that is not one of [`ErrorCode`]'s; it keeps the code.
///
/// ```
/// use tencentcloud_error_codes::ErrorCode;
/// let err = "FailedOperation.CdnConfigError".parse::<ErrorCode>().unwrap_err();
/// assert_eq!(err.to_string(), "unknown error code \"FailedOperation.CdnConfigError\"");
/// assert_eq!(err.code(), "FailedOperation.CdnConfigError");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct UnknownErrorCode {
    code: String,
}

impl UnknownErrorCode {
    /// The code that was not recognized.
    pub fn code(&self) -> &str {
        &self.code
    }
}

impl fmt::Display for UnknownErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown error code {:?}", self.code)
    }
}

impl core::error::Error for UnknownErrorCode {}
