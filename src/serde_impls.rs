//! `Serialize` and `Deserialize` for [`ErrorCode`] and [`Code`] (feature `serde`), written by
//! hand so that depending on this crate does not build `serde_derive` and `syn`.
//!
//! Both serialize as the wire string. [`Code`] deserializes any string and keeps unknown codes;
//! [`ErrorCode`] deserializes only the codes it knows.

use alloc::string::String;
use core::fmt;

use serde::de::{self, Deserialize, Deserializer, Unexpected, Visitor};
use serde::ser::{Serialize, Serializer};

use crate::{Code, ErrorCode, UnknownCode};

/// Serializes as the wire code, `"AuthFailure.SignatureExpire"`.
///
/// ```
/// use tencentcloud_error_codes::ErrorCode;
///
/// let json = serde_json::to_string(&ErrorCode::AuthFailureSignatureExpire)?;
/// assert_eq!(json, r#""AuthFailure.SignatureExpire""#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl Serialize for ErrorCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// Deserializes a wire code that [`ErrorCode`] knows; any other string is an error. Deserialize
/// a [`Code`] instead where the code can be product-specific or new.
///
/// ```
/// use tencentcloud_error_codes::ErrorCode;
///
/// let code: ErrorCode = serde_json::from_str(r#""InternalError""#)?;
/// assert_eq!(code, ErrorCode::InternalError);
///
/// let error = serde_json::from_str::<ErrorCode>(r#""FailedOperation.CdnConfigError""#).unwrap_err();
/// assert_eq!(
///     error.to_string(),
///     "invalid value: string \"FailedOperation.CdnConfigError\", \
///      expected a common Tencent Cloud error code at line 1 column 32",
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl<'de> Deserialize<'de> for ErrorCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<ErrorCode, D::Error> {
        deserializer.deserialize_str(ErrorCodeVisitor)
    }
}

struct ErrorCodeVisitor;

impl Visitor<'_> for ErrorCodeVisitor {
    type Value = ErrorCode;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a common Tencent Cloud error code")
    }

    fn visit_str<E: de::Error>(self, code: &str) -> Result<ErrorCode, E> {
        ErrorCode::from_code(code).ok_or_else(|| E::invalid_value(Unexpected::Str(code), &self))
    }
}

/// Serializes as the wire code, known or not.
///
/// ```
/// use tencentcloud_error_codes::Code;
///
/// let codes = [Code::new("InternalError"), Code::new("FailedOperation.CdnConfigError")];
/// let json = serde_json::to_string(&codes)?;
/// assert_eq!(json, r#"["InternalError","FailedOperation.CdnConfigError"]"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// Deserializes any string, as [`Code::new`] does: unknown codes are kept, not rejected.
///
/// ```
/// use tencentcloud_error_codes::{Code, ErrorCode};
///
/// let codes: Vec<Code> = serde_json::from_str(r#"["InternalError","FailedOperation.CdnConfigError"]"#)?;
/// assert_eq!(codes[0], ErrorCode::InternalError);
/// assert_eq!(codes[1].as_str(), "FailedOperation.CdnConfigError");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Code, D::Error> {
        deserializer.deserialize_string(CodeVisitor)
    }
}

struct CodeVisitor;

impl Visitor<'_> for CodeVisitor {
    type Value = Code;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a Tencent Cloud error code")
    }

    fn visit_str<E: de::Error>(self, code: &str) -> Result<Code, E> {
        Ok(Code::new(code))
    }

    fn visit_string<E: de::Error>(self, code: String) -> Result<Code, E> {
        Ok(Code::from(code))
    }
}

/// Serializes as the code, a string.
///
/// ```
/// use tencentcloud_error_codes::Code;
///
/// let Code::Unknown(unknown) = Code::new("ResourceNotFound.NoSuchJob") else { unreachable!() };
/// assert_eq!(serde_json::to_string(&unknown)?, r#""ResourceNotFound.NoSuchJob""#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl Serialize for UnknownCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}
