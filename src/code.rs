//! [`Code`]: any error code a response can carry, whether [`ErrorCode`] knows it or not.

use alloc::boxed::Box;
use alloc::string::String;
use core::borrow::Borrow;
use core::cmp::Ordering;
use core::convert::Infallible;
use core::fmt;
use core::hash::{Hash, Hasher};
use core::str::FromStr;

use crate::{ErrorCode, Product, ProductCode};

/// The family of the codes Tencent Cloud documents as worth retrying after a delay.
///
/// A string rather than `ErrorCode::RequestLimitExceeded`: the enum is generated from the
/// documentation, and this crate must build whatever the pages list.
const THROTTLING_FAMILY: &str = "RequestLimitExceeded";

/// An error code as a response carries it: one of the common codes of [`ErrorCode`], or any other
/// code, kept exactly as it came.
///
/// A response's `Error.Code` is either one of the common codes every product documents
/// ([`ErrorCode`]) or a code of the product's own, such as `InvalidParameterValue.InvalidDomain`
/// (CDN) or `FailedOperation.CdnConfigError`, or a code added after this crate's copy of the
/// documentation was taken. `Code` holds all of them: [`as_str`](Code::as_str) always gives the
/// code on the wire, and nothing is lost in a round trip.
///
/// Match on [`Code::Known`] for the common codes; for the others, match on
/// [`family`](Code::family) or compare [`as_str`](Code::as_str). Avoid matching the contents of
/// [`Code::Unknown`]: a code that is unknown today becomes [`Code::Known`] when the documentation
/// adds it, and such a match would stop matching, whereas `as_str` keeps working.
///
/// Equality, ordering and hashing are those of the wire code, so `Code` implements
/// [`Borrow<str>`] and a `HashMap<Code, _>` can be looked up with a `&str`.
///
/// ```
/// use tencentcloud_error_codes::{Code, ErrorCode};
///
/// let code = Code::new("InvalidParameterValue.InvalidDomain");
/// assert_eq!(code.as_str(), "InvalidParameterValue.InvalidDomain");
/// assert_eq!(code.known(), None);
/// assert_eq!(code.family(), ErrorCode::InvalidParameterValue);
///
/// match Code::new("AuthFailure.SignatureExpire") {
///     Code::Known(ErrorCode::AuthFailureSignatureExpire) => { /* sign the request again */ }
///     code if code.is_throttling() => { /* wait, then retry */ }
///     code => panic!("unexpected {code}"),
/// }
/// ```
///
/// The three variants are the whole story (a code is common, a product's own, or neither), so
/// `Code` is not `#[non_exhaustive]`; [`ErrorCode`] and [`ProductCode`] are.
#[derive(Clone, Debug)]
pub enum Code {
    /// One of the common codes the documentation lists.
    Known(ErrorCode),
    /// A product's own code, from [`Code::for_product`] for a product whose feature is on.
    Product(ProductCode),
    /// Any other code: a product-specific code, or one added after the documentation was
    /// vendored. Never holds a code that [`ErrorCode`] knows.
    Unknown(UnknownCode),
}

impl Code {
    /// The code for the wire string `code`: [`Code::Known`] if [`ErrorCode`] has it (exact,
    /// case-sensitive match), [`Code::Unknown`] keeping the string otherwise.
    ///
    /// ```
    /// use tencentcloud_error_codes::{Code, ErrorCode};
    ///
    /// assert!(matches!(Code::new("InternalError"), Code::Known(ErrorCode::InternalError)));
    /// assert!(matches!(Code::new("FailedOperation.CdnConfigError"), Code::Unknown(_)));
    /// ```
    pub fn new(code: &str) -> Code {
        match ErrorCode::from_code(code) {
            Some(known) => Code::Known(known),
            None => Code::Unknown(UnknownCode(Box::from(code))),
        }
    }

    /// The code for the wire string `code` in a response of `product`: [`Code::Known`] for a
    /// common code, [`Code::Product`] for one of the product's own codes (when the product's
    /// cargo feature is on), [`Code::Unknown`] keeping the string otherwise.
    ///
    /// ```
    /// use tencentcloud_error_codes::{Code, ErrorCode, Product};
    ///
    /// let code = Code::for_product(Product::Cvm, "InternalError");
    /// assert!(matches!(code, Code::Known(ErrorCode::InternalError)));
    /// let code = Code::for_product(Product::Cvm, "NoSuchCode.Anywhere");
    /// assert!(matches!(code, Code::Unknown(_)));
    /// ```
    pub fn for_product(product: Product, code: &str) -> Code {
        if let Some(known) = ErrorCode::from_code(code) {
            return Code::Known(known);
        }
        match ProductCode::from_code(product, code) {
            Some(own) => Code::Product(own),
            None => Code::Unknown(UnknownCode(Box::from(code))),
        }
    }

    /// The same code, resolved for `product`: an unknown code that is one of the product's own
    /// becomes [`Code::Product`]. For a code read without knowing its product (by
    /// `parse_response`, say).
    pub fn in_product(self, product: Product) -> Code {
        match self {
            Code::Unknown(unknown) => match ProductCode::from_code(product, unknown.as_str()) {
                Some(own) => Code::Product(own),
                None => Code::Unknown(unknown),
            },
            other => other,
        }
    }

    /// The exact code on the wire, as in a response's `Error.Code`.
    ///
    /// ```
    /// use tencentcloud_error_codes::{Code, ErrorCode};
    ///
    /// assert_eq!(Code::from(ErrorCode::InternalError).as_str(), "InternalError");
    /// assert_eq!(Code::new("ResourceNotFound.NoSuchJob").as_str(), "ResourceNotFound.NoSuchJob");
    /// ```
    pub fn as_str(&self) -> &str {
        match self {
            Code::Known(known) => known.as_str(),
            Code::Product(own) => own.as_str(),
            Code::Unknown(unknown) => unknown.as_str(),
        }
    }

    /// The product's own code, if the code is one.
    pub fn product_code(&self) -> Option<ProductCode> {
        match self {
            Code::Product(own) => Some(*own),
            _ => None,
        }
    }

    /// The [`ErrorCode`], if the code is one of the common codes.
    ///
    /// ```
    /// use tencentcloud_error_codes::{Code, ErrorCode};
    ///
    /// assert_eq!(Code::new("LimitExceeded").known(), Some(ErrorCode::LimitExceeded));
    /// assert_eq!(Code::new("LimitExceeded.DomainNumLimit").known(), None);
    /// ```
    pub fn known(&self) -> Option<ErrorCode> {
        match self {
            Code::Known(known) => Some(*known),
            Code::Product(_) | Code::Unknown(_) => None,
        }
    }

    /// The family of the code: its first dot-separated segment (`InvalidParameterValue` for
    /// `InvalidParameterValue.InvalidDomain`, the whole code when it has no dot), with the common
    /// [`ErrorCode`] of that name where there is one.
    ///
    /// Product-specific codes extend the common families, so matching the family handles codes
    /// this crate has never seen.
    ///
    /// ```
    /// use tencentcloud_error_codes::{Code, ErrorCode};
    ///
    /// let code = Code::new("InvalidParameterValue.InvalidDomain");
    /// assert_eq!(code.family().as_str(), "InvalidParameterValue");
    /// assert_eq!(code.family().known(), Some(ErrorCode::InvalidParameterValue));
    ///
    /// // `OperationDenied` is a family, but not itself a common code.
    /// let code = Code::new("OperationDenied.AccountIsolate");
    /// assert_eq!(code.family(), "OperationDenied");
    /// assert_eq!(code.family().known(), None);
    /// ```
    pub fn family(&self) -> Family<'_> {
        Family::of(self.as_str())
    }

    /// Whether the request was throttled: `RequestLimitExceeded` or one of its sub-codes
    /// (`RequestLimitExceeded.UinLimitExceeded`, `RequestLimitExceeded.IPLimitExceeded`, ...).
    ///
    /// That is the one family Tencent Cloud documents as worth retrying after a delay. Whether
    /// another error is worth retrying depends on the action (retrying `InternalError` on a
    /// request that is not idempotent may do the work twice), so this crate offers no general
    /// `is_retryable`.
    ///
    /// ```
    /// use tencentcloud_error_codes::Code;
    ///
    /// assert!(Code::new("RequestLimitExceeded").is_throttling());
    /// assert!(Code::new("RequestLimitExceeded.UinLimitExceeded").is_throttling());
    /// assert!(!Code::new("LimitExceeded").is_throttling());
    /// assert!(!Code::new("RequestLimitExceededX").is_throttling());
    /// ```
    pub fn is_throttling(&self) -> bool {
        self.family().as_str() == THROTTLING_FAMILY
    }
}

impl From<ErrorCode> for Code {
    fn from(code: ErrorCode) -> Code {
        Code::Known(code)
    }
}

impl From<&str> for Code {
    /// See [`Code::new`].
    fn from(code: &str) -> Code {
        Code::new(code)
    }
}

impl From<String> for Code {
    /// See [`Code::new`]; an unknown code keeps the string's allocation.
    fn from(code: String) -> Code {
        match ErrorCode::from_code(&code) {
            Some(known) => Code::Known(known),
            None => Code::Unknown(UnknownCode(code.into_boxed_str())),
        }
    }
}

impl FromStr for Code {
    type Err = Infallible;

    /// Never fails; see [`Code::new`].
    fn from_str(code: &str) -> Result<Code, Infallible> {
        Ok(Code::new(code))
    }
}

/// Writes the wire code.
impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl AsRef<str> for Code {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for Code {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Code {
    fn eq(&self, other: &Code) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Code {}

impl PartialOrd for Code {
    fn partial_cmp(&self, other: &Code) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Orders by the wire code, as strings.
impl Ord for Code {
    fn cmp(&self, other: &Code) -> Ordering {
        self.as_str().cmp(other.as_str())
    }
}

/// Hashes the wire code, as a `str` does.
impl Hash for Code {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl PartialEq<ErrorCode> for Code {
    fn eq(&self, other: &ErrorCode) -> bool {
        self.known() == Some(*other)
    }
}

impl PartialEq<ErrorCode> for &Code {
    fn eq(&self, other: &ErrorCode) -> bool {
        self.known() == Some(*other)
    }
}

impl PartialEq<Code> for ErrorCode {
    fn eq(&self, other: &Code) -> bool {
        other.known() == Some(*self)
    }
}

impl PartialEq<str> for Code {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// A code that [`ErrorCode`] does not know, kept exactly as it came: the payload of
/// [`Code::Unknown`].
///
/// Only [`Code`]'s constructors make one, so it never holds a known code.
///
/// ```
/// use tencentcloud_error_codes::Code;
///
/// let Code::Unknown(unknown) = Code::new("FailedOperation.CdnConfigError") else {
///     unreachable!("not a common code");
/// };
/// assert_eq!(unknown.as_str(), "FailedOperation.CdnConfigError");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnknownCode(Box<str>);

impl UnknownCode {
    /// The code, exactly as on the wire.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Writes the code.
impl fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for UnknownCode {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// The family of a [`Code`]: its first dot-separated segment, from [`Code::family`].
///
/// Compares equal to a `&str` with the same text, and to an [`ErrorCode`] whose wire code is the
/// family's name, so `code.family() == ErrorCode::InvalidParameterValue` matches every
/// `InvalidParameterValue.*` code as well as `InvalidParameterValue` itself.
///
/// ```
/// use tencentcloud_error_codes::{Code, ErrorCode};
///
/// let code = Code::new("ResourceNotFound.InstanceNotExist");
/// assert_eq!(code.family(), ErrorCode::ResourceNotFound);
/// assert_eq!(code.family(), "ResourceNotFound");
/// assert_eq!(code.family().to_string(), "ResourceNotFound");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Family<'a> {
    name: &'a str,
}

impl<'a> Family<'a> {
    fn of(code: &'a str) -> Family<'a> {
        let name = code.split_once('.').map_or(code, |(family, _)| family);
        Family { name }
    }

    /// The family's name, the code's first segment: `AuthFailure` for
    /// `AuthFailure.SignatureExpire`.
    ///
    /// ```
    /// use tencentcloud_error_codes::Code;
    /// assert_eq!(Code::new("AuthFailure.SignatureExpire").family().as_str(), "AuthFailure");
    /// assert_eq!(Code::new("InternalError").family().as_str(), "InternalError");
    /// ```
    pub fn as_str(&self) -> &'a str {
        self.name
    }

    /// The common [`ErrorCode`] whose wire code is the family's name, if there is one.
    ///
    /// ```
    /// use tencentcloud_error_codes::{Code, ErrorCode};
    /// assert_eq!(
    ///     Code::new("FailedOperation.CdnConfigError").family().known(),
    ///     Some(ErrorCode::FailedOperation),
    /// );
    /// assert_eq!(Code::new("OperationDenied.AccountIsolate").family().known(), None);
    /// ```
    pub fn known(&self) -> Option<ErrorCode> {
        ErrorCode::from_code(self.name)
    }
}

/// Writes the family's name.
impl fmt::Display for Family<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name)
    }
}

impl PartialEq<ErrorCode> for Family<'_> {
    fn eq(&self, other: &ErrorCode) -> bool {
        self.name == other.as_str()
    }
}

impl PartialEq<str> for Family<'_> {
    fn eq(&self, other: &str) -> bool {
        self.name == other
    }
}

impl PartialEq<&str> for Family<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.name == *other
    }
}
