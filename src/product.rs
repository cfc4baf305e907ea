//! The methods of [`Product`], over the tables the generator writes.

use core::fmt;
use core::str::FromStr;

use crate::generated::product::{lookup, NAMES, NAMES_ZH, SERVICES, VERSIONS};
use crate::Product;

impl Product {
    /// The API service name, as in the endpoint `cvm.tencentcloudapi.com`.
    ///
    /// ```
    /// use tencentcloud_error_codes::Product;
    /// assert_eq!(Product::Cvm.as_str(), "cvm");
    /// ```
    pub const fn as_str(self) -> &'static str {
        SERVICES[self as usize]
    }

    /// The product's display name, where the documentation gives one.
    pub const fn name(self) -> Option<&'static str> {
        non_empty(NAMES[self as usize])
    }

    /// The product's Chinese name, where the API Error Center gives one.
    ///
    /// ```
    /// use tencentcloud_error_codes::Product;
    /// assert_eq!(Product::Cvm.name_zh(), Some("云服务器"));
    /// ```
    pub const fn name_zh(self) -> Option<&'static str> {
        non_empty(NAMES_ZH[self as usize])
    }

    /// The API versions the Error Center lists codes for, sorted (empty for a product only the
    /// pages know).
    ///
    /// ```
    /// use tencentcloud_error_codes::Product;
    /// assert_eq!(Product::Cvm.api_versions(), ["2017-03-12"]);
    /// ```
    pub const fn api_versions(self) -> &'static [&'static str] {
        VERSIONS[self as usize]
    }

    /// The product whose API service name is exactly `service`.
    ///
    /// ```
    /// use tencentcloud_error_codes::Product;
    /// assert_eq!(Product::from_service("cvm"), Some(Product::Cvm));
    /// assert_eq!(Product::from_service("CVM"), None);
    /// ```
    pub fn from_service(service: &str) -> Option<Product> {
        lookup(service)
    }
}

const fn non_empty(text: &'static str) -> Option<&'static str> {
    if text.is_empty() {
        None
    } else {
        Some(text)
    }
}

/// Writes the service name.
impl fmt::Display for Product {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Product {
    type Err = UnknownProduct;

    /// See [`Product::from_service`].
    fn from_str(service: &str) -> Result<Product, UnknownProduct> {
        Product::from_service(service).ok_or(UnknownProduct)
    }
}

/// The error of parsing a service name no [`Product`] has.
///
/// ```
/// use tencentcloud_error_codes::Product;
/// assert_eq!(
///     "nosuch".parse::<Product>().unwrap_err().to_string(),
///     "unknown product: not an API service name the documentation lists"
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct UnknownProduct;

impl fmt::Display for UnknownProduct {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("unknown product: not an API service name the documentation lists")
    }
}

impl core::error::Error for UnknownProduct {}
