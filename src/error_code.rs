//! The methods every generated `ErrorCode` has (the common one and each product's), written
//! once as a macro over the tables the generator writes, and [`UnknownErrorCode`].

use alloc::string::String;
use core::fmt;

/// The methods of a generated `ErrorCode`, over the module's tables: `CODES` (the wire codes),
/// `TEXTS` (English and Chinese, empty for none), `SOLUTIONS` and the perfect hash (`SEED`,
/// `DISPLACEMENTS`, `SLOTS`, `MAX_CODE_LEN`).
macro_rules! error_code_api {
    ($ty:ident) => {
        impl $ty {
            /// The exact code on the wire, as in a response's `Error.Code`.
            pub const fn as_str(self) -> &'static str {
                CODES[self as usize]
            }

            /// The description: the English text where the documentation gives one, otherwise
            /// the Chinese; `None` where it gives neither. Messages in responses are for people
            /// and may change at any time; branch on the code.
            pub const fn description(self) -> Option<&'static str> {
                match self.description_in($crate::Locale::En) {
                    Some(text) => Some(text),
                    None => self.description_in($crate::Locale::Zh),
                }
            }

            /// The description in `locale`, `None` where the documentation gives no text in it.
            pub const fn description_in(self, locale: $crate::Locale) -> Option<&'static str> {
                let text = TEXTS[self as usize][locale as usize];
                if text.is_empty() {
                    None
                } else {
                    Some(text)
                }
            }

            /// What the API Error Center advises, where it gives real text (its placeholders,
            /// such as `业务正在更新中，请您耐心等待。`, are not); in Chinese.
            pub const fn solution(self) -> Option<&'static str> {
                let text = SOLUTIONS[self as usize];
                if text.is_empty() {
                    None
                } else {
                    Some(text)
                }
            }

            /// The variant whose wire code is exactly `code` (case-sensitive), if there is one.
            ///
            /// A perfect-hash lookup: its cost does not grow with the number of codes.
            #[inline]
            pub fn from_code(code: &str) -> Option<$ty> {
                match $crate::generated::lookup::find(
                    code,
                    &CODES,
                    SEED,
                    &DISPLACEMENTS,
                    &SLOTS,
                    MAX_CODE_LEN,
                ) {
                    Some(index) => Some(Self::ALL[index]),
                    None => None,
                }
            }
        }

        /// Writes the wire code: `AuthFailure.SignatureExpire`.
        impl ::core::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::core::str::FromStr for $ty {
            type Err = $crate::UnknownErrorCode;

            /// Parses a wire code; see `from_code`.
            fn from_str(code: &str) -> Result<Self, Self::Err> {
                Self::from_code(code).ok_or_else(|| $crate::UnknownErrorCode::new(code))
            }
        }

        impl AsRef<str> for $ty {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }
    };
}

pub(crate) use error_code_api;

/// The error of parsing a code that is not one of an `ErrorCode`'s; it keeps the code.
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
    pub(crate) fn new(code: &str) -> Self {
        UnknownErrorCode {
            code: String::from(code),
        }
    }

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
