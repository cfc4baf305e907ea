//! The languages the documentation is written in.

use std::fmt;
use std::str::FromStr;

/// A language of the documentation: English or Chinese. The generated crate has the same
/// enum, and a description per locale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Locale {
    /// English, `en`.
    En,
    /// Simplified Chinese, `zh`.
    Zh,
}

impl Locale {
    /// Every locale, in the order descriptions fall back: English, then Chinese.
    pub const ALL: [Locale; 2] = [Locale::En, Locale::Zh];

    /// The tag: `en` or `zh`.
    pub fn as_str(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Zh => "zh",
        }
    }

    /// The index of the locale in [`Locale::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Locale {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "en" => Ok(Locale::En),
            "zh" => Ok(Locale::Zh),
            other => Err(format!(
                "locale {} is not one the crate describes codes in (\"en\" or \"zh\")",
                crate::error::quote(other)
            )),
        }
    }
}

impl serde::Serialize for Locale {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for Locale {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}
