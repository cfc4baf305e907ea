//! The generated API on the vendored docs: the exact table, and every code round-trips.

use std::collections::HashSet;

use tencentcloud_error_codes::ErrorCode;

#[test]
fn all_is_the_26_codes_sorted() {
    let codes: Vec<&str> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(
        codes,
        [
            "AuthFailure.InvalidSecretId",
            "AuthFailure.MFAFailure",
            "AuthFailure.SecretIdNotFound",
            "AuthFailure.SignatureExpire",
            "AuthFailure.SignatureFailure",
            "AuthFailure.TokenFailure",
            "AuthFailure.UnauthorizedOperation",
            "DryRunOperation",
            "FailedOperation",
            "InternalError",
            "InvalidAction",
            "InvalidParameter",
            "InvalidParameterValue",
            "LimitExceeded",
            "MissingParameter",
            "NoSuchVersion",
            "RequestLimitExceeded",
            "ResourceInUse",
            "ResourceInsufficient",
            "ResourceNotFound",
            "ResourceUnavailable",
            "UnauthorizedOperation",
            "UnknownParameter",
            "UnsupportedOperation",
            "UnsupportedProtocol",
            "UnsupportedRegion",
        ]
    );
    let mut sorted = ErrorCode::ALL.to_vec();
    sorted.sort();
    assert_eq!(sorted, ErrorCode::ALL, "Ord follows the wire code");
}

#[test]
fn every_code_round_trips() {
    for &code in ErrorCode::ALL {
        let wire = code.as_str();
        assert_eq!(ErrorCode::from_code(wire), Some(code));
        assert_eq!(wire.parse::<ErrorCode>(), Ok(code));
        assert_eq!(code.to_string(), wire);
        assert_eq!(format!("{code:?}"), wire.replace('.', ""));
        assert!(!code.description().is_empty(), "{wire}");
        assert_eq!(code.products(), ["cdn", "cls", "cvm", "mdl", "teo"]);
    }
    let distinct: HashSet<ErrorCode> = ErrorCode::ALL.iter().copied().collect();
    assert_eq!(distinct.len(), 26);
}

#[test]
fn descriptions_are_the_pages_text() {
    assert_eq!(
        ErrorCode::DryRunOperation.description(),
        "DryRun Operation. It means that the request would have succeeded, but the DryRun parameter was used."
    );
    assert_eq!(
        ErrorCode::UnsupportedProtocol.description(),
        "HTTPS request method error. Only GET and POST requests are supported."
    );
}

#[test]
fn near_misses_are_not_codes() {
    for code in [
        "",
        "internalerror",
        "InternalError ",
        "InternalErro",
        "InternalErrorX",
        "AuthFailure",
        "AuthFailure.",
        "AuthFailure.SignatureExpired",
        "RequestLimitExceeded.UinLimitExceeded",
        "FailedOperation.CdnConfigError",
        "AuthFailure.InvalidSecretIdAuthFailure.InvalidSecretIdAuthFailure.InvalidSecretId",
    ] {
        assert_eq!(ErrorCode::from_code(code), None, "{code:?}");
    }
    let error = "Nope".parse::<ErrorCode>().unwrap_err();
    assert_eq!(error.to_string(), "unknown error code \"Nope\"");
    assert_eq!(error.code(), "Nope");
}
