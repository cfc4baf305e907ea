//! [`Locale`]: the languages the documentation describes codes in.

use core::fmt;
use core::str::FromStr;

/// A language the documentation describes codes in.
///
/// ```
/// use tencentcloud_error_codes::{ErrorCode, Locale};
///
/// let locale: Locale = "zh".parse()?;
/// assert_eq!(locale, Locale::Zh);
/// assert_eq!(locale.as_str(), "zh");
/// assert!(ErrorCode::InternalError.description_in(Locale::En).is_some());
/// # Ok::<(), tencentcloud_error_codes::UnknownLocale>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Locale {
    /// English, `en`.
    En,
    /// Simplified Chinese, `zh`.
    Zh,
}

impl Locale {
    /// Every locale: English, then Chinese (the order `description()` falls back in).
    pub const ALL: &'static [Locale] = &[Locale::En, Locale::Zh];

    /// The language tag: `en` or `zh`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Zh => "zh",
        }
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Locale {
    type Err = UnknownLocale;

    /// Parses `en` or `zh` (exactly).
    fn from_str(tag: &str) -> Result<Locale, UnknownLocale> {
        match tag {
            "en" => Ok(Locale::En),
            "zh" => Ok(Locale::Zh),
            _ => Err(UnknownLocale),
        }
    }
}

/// The error of parsing a tag that is not a [`Locale`]'s.
///
/// ```
/// use tencentcloud_error_codes::Locale;
/// let error = "fr".parse::<Locale>().unwrap_err();
/// assert_eq!(error.to_string(), "unknown locale: expected \"en\" or \"zh\"");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct UnknownLocale;

impl fmt::Display for UnknownLocale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("unknown locale: expected \"en\" or \"zh\"")
    }
}

impl core::error::Error for UnknownLocale {}
