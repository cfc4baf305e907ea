//! `Code`: every generated code and a set of product-specific codes round-trip, through the type
//! and through serde; families and throttling.

use std::collections::{BTreeSet, HashMap};

use tencentcloud_error_codes::{Code, ErrorCode};

/// Codes of the products' own, and codes the vendored pages do not list: none is common.
/// (`RequestLimitExceeded.*` and `AuthFailure.InvalidAuthorization` are common codes now that the
/// newest table and the Error Center list them; they are in the generated tests.)
const PRODUCT_SPECIFIC: &[&str] = &[
    "InvalidParameterValue.InvalidDomain",
    "FailedOperation.CdnConfigError",
    "ResourceNotFound.CdnHostNotExists",
    "UnauthorizedOperation.CdnAccountUnauthorized",
    "LimitExceeded.CdnHostOpTooOften",
    "ResourceNotFound.TopicNotExist",
    "InvalidParameter.LogsetConflict",
    "OperationDenied.AccountIsolate",
    "InvalidParameterValue.ZoneMismatchRegion",
    "ResourceInsufficient.SpecifiedInstanceType",
    "RequestLimitExceeded.NoSuchLimit",
    "AuthFailure.InvalidSomething",
    "InternalError.DbError",
    // Not the shape of a code at all: kept as they are.
    "internalerror",
    "InternalError ",
    "",
    ".",
    "A.B.C",
    "错误码",
];

#[test]
fn every_generated_code_round_trips() {
    assert!(!ErrorCode::ALL.is_empty());
    for &known in ErrorCode::ALL {
        let wire = known.as_str();
        for code in [
            Code::new(wire),
            Code::from(wire),
            Code::from(String::from(wire)),
            wire.parse::<Code>().unwrap_or_else(|never| match never {}),
            Code::from(known),
        ] {
            assert!(matches!(code, Code::Known(k) if k == known), "{wire}");
            assert_eq!(code.as_str(), wire);
            assert_eq!(code.known(), Some(known));
            assert_eq!(code.to_string(), wire);
            assert_eq!(code, known);
            assert_eq!(known, code);
            assert_eq!(&code, known);
            assert_eq!(code, *wire);
            assert_eq!(code, wire);
            assert_eq!(Code::new(code.as_str()), code);
        }
    }
}

#[test]
fn product_specific_codes_are_kept_exactly() {
    for &wire in PRODUCT_SPECIFIC {
        assert_eq!(
            ErrorCode::from_code(wire),
            None,
            "{wire} is a common code now"
        );
        for code in [
            Code::new(wire),
            Code::from(wire),
            Code::from(String::from(wire)),
            wire.parse::<Code>().unwrap_or_else(|never| match never {}),
        ] {
            let Code::Unknown(unknown) = &code else {
                panic!("{wire} should be unknown");
            };
            assert_eq!(unknown.as_str(), wire);
            assert_eq!(unknown.to_string(), wire);
            assert_eq!(AsRef::<str>::as_ref(unknown), wire);
            assert_eq!(code.as_str(), wire);
            assert_eq!(code.to_string(), wire);
            assert_eq!(code.known(), None);
            assert_eq!(code, wire);
            assert_eq!(Code::new(code.as_str()), code);
            for &known in ErrorCode::ALL {
                assert_ne!(code, known);
            }
        }
    }
}

#[test]
fn families() {
    let cases: &[(&str, &str, Option<ErrorCode>)] = &[
        (
            "InvalidParameterValue.InvalidDomain",
            "InvalidParameterValue",
            Some(ErrorCode::InvalidParameterValue),
        ),
        (
            "FailedOperation.CdnConfigError",
            "FailedOperation",
            Some(ErrorCode::FailedOperation),
        ),
        (
            "ResourceNotFound.TopicNotExist",
            "ResourceNotFound",
            Some(ErrorCode::ResourceNotFound),
        ),
        (
            "InvalidParameterValue",
            "InvalidParameterValue",
            Some(ErrorCode::InvalidParameterValue),
        ),
        (
            "InternalError",
            "InternalError",
            Some(ErrorCode::InternalError),
        ),
        // The 2018 table lists a bare `AuthFailure`: a common code, so a family with a variant.
        (
            "AuthFailure.SignatureExpire",
            "AuthFailure",
            Some(ErrorCode::AuthFailure),
        ),
        (
            "AuthFailure.InvalidAuthorization",
            "AuthFailure",
            Some(ErrorCode::AuthFailure),
        ),
        ("OperationDenied.AccountIsolate", "OperationDenied", None),
        ("A.B.C", "A", None),
        (".", "", None),
        ("", "", None),
    ];
    for &(wire, name, known) in cases {
        let code = Code::new(wire);
        let family = code.family();
        assert_eq!(family.as_str(), name, "{wire}");
        assert_eq!(family, name);
        assert_eq!(family, *name);
        assert_eq!(family.to_string(), name);
        assert_eq!(family.known(), known, "{wire}");
        if let Some(known) = known {
            assert_eq!(family, known);
        }
    }
    // Every common code's family is its first segment.
    for &known in ErrorCode::ALL {
        let code = Code::from(known);
        let family = code.family();
        assert!(known.as_str().starts_with(family.as_str()));
        assert_eq!(
            family.known().is_some(),
            ErrorCode::from_code(family.as_str()).is_some()
        );
    }
}

#[test]
fn throttling() {
    for wire in [
        "RequestLimitExceeded",
        "RequestLimitExceeded.UinLimitExceeded",
        "RequestLimitExceeded.IPLimitExceeded",
        "RequestLimitExceeded.GlobalRegionUinLimitExceeded",
    ] {
        assert!(Code::new(wire).is_throttling(), "{wire}");
    }
    assert!(Code::from(ErrorCode::RequestLimitExceeded).is_throttling());
    for wire in [
        "LimitExceeded",
        "LimitExceeded.CdnHostOpTooOften",
        "RequestLimitExceededX",
        "requestlimitexceeded",
        "InternalError",
        "ResourceUnavailable",
        "",
    ] {
        assert!(!Code::new(wire).is_throttling(), "{wire}");
    }
    // Exactly the common codes of the family, whatever the docs list.
    for &code in ErrorCode::ALL {
        let family = code.as_str().split('.').next() == Some("RequestLimitExceeded");
        assert_eq!(Code::from(code).is_throttling(), family, "{code}");
    }
}

#[test]
fn equality_ordering_and_hashing_are_the_wire_codes() {
    let mut map = HashMap::new();
    map.insert(Code::new("InternalError"), 1);
    map.insert(Code::new("FailedOperation.CdnConfigError"), 2);
    assert_eq!(map.get("InternalError"), Some(&1));
    assert_eq!(map.get("FailedOperation.CdnConfigError"), Some(&2));
    assert_eq!(map.get(&Code::from(ErrorCode::InternalError)), Some(&1));

    let sorted: Vec<String> = PRODUCT_SPECIFIC
        .iter()
        .copied()
        .chain(ErrorCode::ALL.iter().map(|code| code.as_str()))
        .map(Code::new)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .map(|code| code.to_string())
        .collect();
    let mut expected: Vec<String> = PRODUCT_SPECIFIC
        .iter()
        .copied()
        .chain(ErrorCode::ALL.iter().map(|code| code.as_str()))
        .map(String::from)
        .collect();
    expected.sort();
    assert_eq!(sorted, expected);
}

#[test]
fn debug_names_the_variant() {
    assert_eq!(
        format!("{:?}", Code::new("AuthFailure.SignatureExpire")),
        "Known(AuthFailureSignatureExpire)"
    );
    assert_eq!(
        format!("{:?}", Code::new("FailedOperation.CdnConfigError")),
        "Unknown(UnknownCode(\"FailedOperation.CdnConfigError\"))"
    );
}

#[cfg(feature = "serde")]
mod serde {
    use super::PRODUCT_SPECIFIC;
    use tencentcloud_error_codes::{Code, ErrorCode};

    fn json(wire: &str) -> String {
        serde_json::to_string(wire).expect("a string serializes")
    }

    #[test]
    fn every_generated_code_round_trips() {
        for &known in ErrorCode::ALL {
            let wire = json(known.as_str());
            assert_eq!(serde_json::to_string(&known).ok(), Some(wire.clone()));
            assert_eq!(serde_json::from_str::<ErrorCode>(&wire).ok(), Some(known));

            let code = Code::from(known);
            assert_eq!(serde_json::to_string(&code).ok(), Some(wire.clone()));
            let back: Code = serde_json::from_str(&wire).expect("a code");
            assert!(matches!(back, Code::Known(k) if k == known));
            // From a value, where strings are owned rather than borrowed.
            let value = serde_json::Value::String(known.as_str().into());
            assert_eq!(
                serde_json::from_value::<Code>(value.clone()).ok(),
                Some(code)
            );
            assert_eq!(serde_json::from_value::<ErrorCode>(value).ok(), Some(known));
        }
    }

    #[test]
    fn product_specific_codes_round_trip_through_code() {
        for &wire in PRODUCT_SPECIFIC {
            let code = Code::new(wire);
            let text = serde_json::to_string(&code).expect("serializes");
            assert_eq!(text, json(wire));
            let back: Code = serde_json::from_str(&text).expect("deserializes");
            assert!(matches!(&back, Code::Unknown(unknown) if unknown.as_str() == wire));
            assert_eq!(back, code);
            let value = serde_json::Value::String(wire.into());
            assert_eq!(
                serde_json::from_value::<Code>(value).ok(),
                Some(code.clone())
            );
            if let Code::Unknown(unknown) = &code {
                assert_eq!(serde_json::to_string(unknown).ok(), Some(json(wire)));
            }
        }
    }

    #[test]
    fn error_code_rejects_codes_it_does_not_know() {
        let error = serde_json::from_str::<ErrorCode>(r#""FailedOperation.CdnConfigError""#)
            .expect_err("not a common code");
        assert_eq!(
            error.to_string(),
            "invalid value: string \"FailedOperation.CdnConfigError\", expected a common Tencent \
             Cloud error code at line 1 column 32"
        );
        let error = serde_json::from_str::<ErrorCode>("42").expect_err("not a string");
        assert_eq!(
            error.to_string(),
            "invalid type: integer `42`, expected a common Tencent Cloud error code at line 1 column 2"
        );
        let error = serde_json::from_str::<Code>("null").expect_err("not a string");
        assert_eq!(
            error.to_string(),
            "invalid type: null, expected a Tencent Cloud error code at line 1 column 4"
        );
    }

    #[test]
    fn codes_in_collections() {
        let text =
            r#"{"InternalError":["RequestLimitExceeded","RequestLimitExceeded.UinLimitExceeded"]}"#;
        let map: std::collections::BTreeMap<Code, Vec<Code>> =
            serde_json::from_str(text).expect("deserializes");
        let codes = &map[&Code::from(ErrorCode::InternalError)];
        assert_eq!(codes[0], ErrorCode::RequestLimitExceeded);
        assert_eq!(codes[1].as_str(), "RequestLimitExceeded.UinLimitExceeded");
        assert!(codes.iter().all(Code::is_throttling));
        assert_eq!(serde_json::to_string(&map).ok().as_deref(), Some(text));
    }
}
