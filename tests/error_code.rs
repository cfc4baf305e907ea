//! The generated common `ErrorCode` on the vendored docs: its table is the model the generator
//! builds from `docs/`, and every code round-trips.

mod common;

use std::collections::HashSet;

use tencentcloud_error_codes::{ErrorCode, Locale};

#[test]
fn all_is_the_models_codes_sorted() {
    let codes: Vec<&str> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
    let expected: Vec<&str> = common::generated()
        .model
        .common
        .iter()
        .map(|c| c.code.as_str())
        .collect();
    assert_eq!(codes, expected);
    let mut sorted = ErrorCode::ALL.to_vec();
    sorted.sort();
    assert_eq!(sorted, ErrorCode::ALL, "Ord follows the wire code");
    let distinct: HashSet<ErrorCode> = ErrorCode::ALL.iter().copied().collect();
    assert_eq!(distinct.len(), ErrorCode::ALL.len());
}

#[test]
fn every_code_round_trips_with_its_texts_and_products() {
    for (&code, entry) in ErrorCode::ALL.iter().zip(&common::generated().model.common) {
        let wire = code.as_str();
        assert_eq!(ErrorCode::from_code(wire), Some(code));
        assert_eq!(wire.parse::<ErrorCode>(), Ok(code));
        assert_eq!(code.to_string(), wire);
        assert_eq!(format!("{code:?}"), entry.variant);
        for (locale, model_locale) in [
            (Locale::En, tencentcloud_error_codes_build::Locale::En),
            (Locale::Zh, tencentcloud_error_codes_build::Locale::Zh),
        ] {
            assert_eq!(
                code.description_in(locale),
                entry.text(model_locale).map(|t| t.text.as_str()),
                "{wire} {locale}"
            );
        }
        let en = code.description_in(Locale::En);
        assert_eq!(code.description(), en.or(code.description_in(Locale::Zh)));
        let products: Vec<&str> = entry.products.iter().map(String::as_str).collect();
        assert_eq!(code.products(), products, "{wire}");
    }
}

#[test]
fn the_common_table_has_both_languages() {
    // Every code the pages of both locales document has a text in each.
    for &code in ErrorCode::ALL {
        if code.description_in(Locale::En).is_some() {
            assert!(code.description().is_some());
        }
    }
    assert!(ErrorCode::ALL
        .iter()
        .any(|c| c.description_in(Locale::Zh).is_some()));
    assert!(ErrorCode::ALL
        .iter()
        .any(|c| c.description_in(Locale::En).is_some()));
}

#[test]
fn near_misses_are_not_codes() {
    for code in [
        "",
        "internalerror",
        "InternalError ",
        "InternalErro",
        "InternalErrorX",
        "AuthFailure.",
        "AuthFailure.SignatureExpired",
        "FailedOperation.CdnConfigError",
        "AuthFailure.InvalidSecretIdAuthFailure.InvalidSecretIdAuthFailure.InvalidSecretId",
    ] {
        assert_eq!(ErrorCode::from_code(code), None, "{code:?}");
    }
    let error = "Nope".parse::<ErrorCode>().unwrap_err();
    assert_eq!(error.to_string(), "unknown error code \"Nope\"");
    assert_eq!(error.code(), "Nope");
}

#[test]
fn locales() {
    assert_eq!(Locale::ALL, [Locale::En, Locale::Zh]);
    for &locale in Locale::ALL {
        assert_eq!(locale.as_str().parse::<Locale>(), Ok(locale));
        assert_eq!(locale.to_string(), locale.as_str());
    }
    assert!("EN".parse::<Locale>().is_err());
}
