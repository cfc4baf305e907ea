//! `ApiError` and the response envelope: the bodies the documentation prints, malformed bodies
//! with the exact text of their errors, and how an error displays.

use tencentcloud_error_codes::{ApiError, Code, ErrorCode};

/// The failure body of the CLS "Responses" page (docs/pages/cls.txt), as printed.
#[cfg(feature = "json")]
const DOCUMENTED_FAILURE: &str = r#"{
    "Response": {
        "Error": {
            "Code": "AuthFailure.SignatureFailure",
            "Message": "The provided credentials could not be validated. Please ensure your signature is correct."
        },
        "RequestId": "ed93f3cb-f35e-473f-b9f3-0d451b8b79c6"
    }
}"#;

/// The success body of the same page, as printed.
#[cfg(feature = "json")]
const DOCUMENTED_SUCCESS: &str = r#"{
    "Response": {
        "TotalCount": 0,
        "InstanceStatusSet": [],
        "RequestId": "b5b41468-520d-4192-b42f-595cc34b6c1c"
    }
}"#;

#[test]
fn display_uses_the_servers_message_without_its_final_full_stop() {
    let error = ApiError::new(
        "AuthFailure.SignatureFailure",
        "The provided credentials could not be validated. Please ensure your signature is correct.",
        "ed93f3cb-f35e-473f-b9f3-0d451b8b79c6",
    );
    assert_eq!(
        error.to_string(),
        "AuthFailure.SignatureFailure: The provided credentials could not be validated. Please \
         ensure your signature is correct (request id ed93f3cb-f35e-473f-b9f3-0d451b8b79c6)"
    );
    // The message itself is kept verbatim.
    assert_eq!(
        error.message(),
        "The provided credentials could not be validated. Please ensure your signature is correct."
    );
}

#[test]
fn display_falls_back_to_the_documented_description() {
    let error = ApiError::new(ErrorCode::AuthFailureSignatureExpire, "", "4a5d1ac1");
    assert_eq!(
        error.to_string(),
        "AuthFailure.SignatureExpire: Signature expired (request id 4a5d1ac1)"
    );
    let error = ApiError::new("InternalError", "   ", "4a5d1ac1");
    assert_eq!(
        error.to_string(),
        "InternalError: Internal error (request id 4a5d1ac1)"
    );
}

#[test]
fn display_of_an_unknown_code_without_message_is_the_code() {
    let error = ApiError::new("FailedOperation.CdnConfigError", "", "b0d6f63c");
    assert_eq!(
        error.to_string(),
        "FailedOperation.CdnConfigError (request id b0d6f63c)"
    );
    let error = ApiError::new("FailedOperation.CdnConfigError", "", "");
    assert_eq!(error.to_string(), "FailedOperation.CdnConfigError");
}

#[test]
fn display_keeps_messages_in_other_languages() {
    let error = ApiError::new("InternalError", "内部错误。", "r-1");
    assert_eq!(
        error.to_string(),
        "InternalError: 内部错误 (request id r-1)"
    );
    let error = ApiError::new("InternalError", "no full stop", "r-1");
    assert_eq!(
        error.to_string(),
        "InternalError: no full stop (request id r-1)"
    );
}

#[test]
fn api_error_is_a_core_error() {
    fn takes(_: &dyn core::error::Error) {}
    let error = ApiError::new("InternalError", "", "r-1");
    takes(&error);
    assert!(core::error::Error::source(&error).is_none());
}

#[test]
fn api_error_keeps_its_parts() {
    let error = ApiError::new(
        Code::new("RequestLimitExceeded.UinLimitExceeded"),
        String::from("too fast"),
        String::from("r-2"),
    );
    assert_eq!(
        error.code().as_str(),
        "RequestLimitExceeded.UinLimitExceeded"
    );
    assert_eq!(error.code().known(), None);
    assert_eq!(error.message(), "too fast");
    assert_eq!(error.request_id(), "r-2");
    assert!(error.is_throttling());
    assert!(!ApiError::new("LimitExceeded", "", "r-3").is_throttling());
}

#[cfg(feature = "json")]
mod envelope {
    use super::{DOCUMENTED_FAILURE, DOCUMENTED_SUCCESS};
    use tencentcloud_error_codes::{
        parse_response, ApiError, Code, ErrorCode, MalformedKind, ResponseError,
    };

    #[test]
    fn the_documented_failure() {
        let error = match parse_response(DOCUMENTED_FAILURE) {
            Err(ResponseError::Api(error)) => error,
            other => panic!("expected an API error, got {other:?}"),
        };
        assert!(matches!(
            error.code(),
            Code::Known(ErrorCode::AuthFailureSignatureFailure)
        ));
        assert_eq!(error.code(), ErrorCode::AuthFailureSignatureFailure);
        assert_eq!(
            error.message(),
            "The provided credentials could not be validated. Please ensure your signature is correct."
        );
        assert_eq!(error.request_id(), "ed93f3cb-f35e-473f-b9f3-0d451b8b79c6");
        assert_eq!(
            error,
            ApiError::new(
                ErrorCode::AuthFailureSignatureFailure,
                "The provided credentials could not be validated. Please ensure your signature is correct.",
                "ed93f3cb-f35e-473f-b9f3-0d451b8b79c6",
            )
        );
        assert_eq!(
            parse_response(DOCUMENTED_FAILURE).map_err(|error| error.to_string()),
            Err(String::from(
                "AuthFailure.SignatureFailure: The provided credentials could not be validated. \
                 Please ensure your signature is correct (request id ed93f3cb-f35e-473f-b9f3-0d451b8b79c6)"
            ))
        );
    }

    #[test]
    fn the_documented_success() {
        let success = parse_response(DOCUMENTED_SUCCESS).expect("a success");
        assert_eq!(success.request_id(), "b5b41468-520d-4192-b42f-595cc34b6c1c");
        assert_eq!(
            success.into_request_id(),
            "b5b41468-520d-4192-b42f-595cc34b6c1c"
        );
    }

    #[test]
    fn bytes_strings_and_owned_bodies_are_all_accepted() {
        let expected = parse_response(DOCUMENTED_FAILURE);
        assert!(expected.is_err());
        assert_eq!(parse_response(DOCUMENTED_FAILURE.as_bytes()), expected);
        let string = String::from(DOCUMENTED_FAILURE);
        let bytes = string.clone().into_bytes();
        assert_eq!(parse_response(&string), expected);
        assert_eq!(parse_response(&bytes), expected);
        assert_eq!(parse_response(string), expected);
        assert_eq!(parse_response(bytes), expected);
    }

    #[test]
    fn product_specific_and_new_codes_survive() {
        let body = r#"{"Response": {"Error": {"Code": "InvalidParameterValue.InvalidDomain",
            "Message": "Invalid domain."}, "RequestId": "0f1e2d3c"}}"#;
        let error = parse_response(body).expect_err("an error");
        let error = error.api_error().expect("an API error");
        assert!(matches!(error.code(), Code::Unknown(_)));
        assert_eq!(error.code().as_str(), "InvalidParameterValue.InvalidDomain");
        assert_eq!(error.code().family(), ErrorCode::InvalidParameterValue);
        assert_eq!(
            error.to_string(),
            "InvalidParameterValue.InvalidDomain: Invalid domain (request id 0f1e2d3c)"
        );
    }

    #[test]
    fn throttling_is_recognized() {
        let body = r#"{"Response": {"Error": {"Code": "RequestLimitExceeded.UinLimitExceeded",
            "Message": "Your requests are too frequent."}, "RequestId": "3c6e5ab8"}}"#;
        let error = parse_response(body).expect_err("an error");
        assert!(error.api_error().is_some_and(ApiError::is_throttling));
    }

    #[test]
    fn error_wins_over_action_fields_and_extra_fields_are_ignored() {
        let body = r#"{"Response": {"TotalCount": 3, "Items": [{"Error": 1}],
            "Error": {"Code": "InternalError", "Message": "Internal error.", "Extra": {"a": [1]}},
            "RequestId": "r-1"}, "Other": true}"#;
        assert_eq!(
            parse_response(body),
            Err(ResponseError::Api(ApiError::new(
                ErrorCode::InternalError,
                "Internal error.",
                "r-1"
            )))
        );
    }

    #[test]
    fn a_missing_or_null_message_is_empty() {
        for body in [
            r#"{"Response": {"Error": {"Code": "InternalError"}, "RequestId": "r-1"}}"#,
            r#"{"Response": {"Error": {"Code": "InternalError", "Message": null}, "RequestId": "r-1"}}"#,
        ] {
            let error = parse_response(body).expect_err("an error");
            assert_eq!(error.api_error().map(ApiError::message), Some(""));
            assert_eq!(
                error.to_string(),
                "InternalError: Internal error (request id r-1)"
            );
        }
    }

    #[test]
    fn a_null_error_is_no_error() {
        let success = parse_response(r#"{"Response": {"Error": null, "RequestId": "r-1"}}"#);
        assert_eq!(
            success.map(|success| success.into_request_id()),
            Ok("r-1".into())
        );
    }

    #[test]
    fn escaped_strings_are_decoded() {
        let body = r#"{"Response": {"Error": {"Code": "Internal\u0045rror", "Message": "a \"quoted\" word."},
            "RequestId": "r\/1"}}"#;
        let error = parse_response(body).expect_err("an error");
        let error = error.api_error().expect("an API error");
        assert_eq!(error.code(), ErrorCode::InternalError);
        assert_eq!(error.message(), r#"a "quoted" word."#);
        assert_eq!(error.request_id(), "r/1");
    }

    /// Parses a body that must be malformed; gives its kind and text.
    fn malformed(body: &[u8]) -> (MalformedKind, String) {
        match parse_response(body) {
            Err(ResponseError::Malformed(error)) => {
                let text = error.to_string();
                assert_eq!(ResponseError::Malformed(error.clone()).to_string(), text);
                (error.kind(), text)
            }
            other => panic!("expected a malformed body, got {other:?}"),
        }
    }

    #[test]
    fn not_json() {
        use MalformedKind::NotJson;
        let cases: [(&[u8], &str); 7] = [
            (b"", "EOF while parsing a value at line 1 column 0"),
            (
                b"<html>502 Bad Gateway</html>",
                "expected value at line 1 column 1",
            ),
            (b"{", "EOF while parsing an object at line 1 column 1"),
            (
                br#"{"Response": {"#,
                "EOF while parsing an object at line 1 column 14",
            ),
            (
                br#"{"Response": {"RequestId": "a"}} trailing"#,
                "trailing characters at line 1 column 34",
            ),
            (b"\xff\xfe", "expected value at line 1 column 1"),
            (b"\xef\xbb\xbf{}", "expected value at line 1 column 1"),
        ];
        for (body, detail) in cases {
            assert_eq!(
                malformed(body),
                (NotJson, format!("malformed response body: {detail}")),
                "{:?}",
                String::from_utf8_lossy(body)
            );
        }
    }

    #[test]
    fn no_response() {
        use MalformedKind::NotEnvelope;
        let cases = [
            ("{}", "missing field `Response` at line 1 column 2"),
            (r#"{"RequestId": "b5b41468"}"#, "missing field `Response` at line 1 column 25"),
            (r#"{"response": {"RequestId": "b5b41468"}}"#, "missing field `Response` at line 1 column 39"),
            ("[]", "invalid type: sequence, expected an object with a `Response` field at line 1 column 0"),
            ("null", "invalid type: null, expected an object with a `Response` field at line 1 column 4"),
            (r#""x""#, "invalid type: string \"x\", expected an object with a `Response` field at line 1 column 3"),
            (r#"{"Response": null}"#, "invalid type: null, expected an object for `Response` at line 1 column 17"),
            (r#"{"Response": []}"#, "invalid type: sequence, expected an object for `Response` at line 1 column 13"),
            (
                r#"{"Response": {"RequestId": "a"}, "Response": {"RequestId": "b"}}"#,
                "duplicate field `Response` at line 1 column 43",
            ),
        ];
        for (body, detail) in cases {
            assert_eq!(
                malformed(body.as_bytes()),
                (NotEnvelope, format!("malformed response body: {detail}")),
                "{body}"
            );
        }
    }

    #[test]
    fn no_request_id() {
        use MalformedKind::NotEnvelope;
        let cases = [
            (r#"{"Response": {}}"#, "missing field `Response.RequestId` at line 1 column 15"),
            (
                r#"{"Response": {"Error": {"Code": "InternalError"}}}"#,
                "missing field `Response.RequestId` at line 1 column 49",
            ),
            (
                r#"{"Response": {"RequestId": 7}}"#,
                "invalid type: integer `7`, expected a string for `Response.RequestId` at line 1 column 28",
            ),
            (
                r#"{"Response": {"RequestId": null}}"#,
                "invalid type: null, expected a string for `Response.RequestId` at line 1 column 31",
            ),
            (
                r#"{"Response": {"RequestId": "a", "RequestId": "b"}}"#,
                "duplicate field `Response.RequestId` at line 1 column 43",
            ),
        ];
        for (body, detail) in cases {
            assert_eq!(
                malformed(body.as_bytes()),
                (NotEnvelope, format!("malformed response body: {detail}")),
                "{body}"
            );
        }
    }

    #[test]
    fn error_without_code() {
        use MalformedKind::NotEnvelope;
        let cases = [
            (
                r#"{"Response": {"Error": {}, "RequestId": "r"}}"#,
                "missing field `Response.Error.Code` at line 1 column 25",
            ),
            (
                r#"{"Response": {"Error": {"Message": "m"}, "RequestId": "r"}}"#,
                "missing field `Response.Error.Code` at line 1 column 39",
            ),
            (
                r#"{"Response": {"Error": {"code": "InternalError"}, "RequestId": "r"}}"#,
                "missing field `Response.Error.Code` at line 1 column 48",
            ),
            (
                r#"{"Response": {"Error": {"Code": ""}, "RequestId": "r"}}"#,
                "invalid value: string \"\", expected a non-empty string for `Response.Error.Code` at line 1 column 35",
            ),
            (
                r#"{"Response": {"Error": "AuthFailure", "RequestId": "r"}}"#,
                "invalid type: string \"AuthFailure\", expected an object for `Response.Error` at line 1 column 36",
            ),
            (
                r#"{"Response": {"Error": {"Code": "A"}, "Error": {"Code": "B"}, "RequestId": "r"}}"#,
                "duplicate field `Response.Error` at line 1 column 45",
            ),
        ];
        for (body, detail) in cases {
            assert_eq!(
                malformed(body.as_bytes()),
                (NotEnvelope, format!("malformed response body: {detail}")),
                "{body}"
            );
        }
    }

    #[test]
    fn wrong_types() {
        use MalformedKind::NotEnvelope;
        let cases = [
            (
                r#"{"Response": {"Error": {"Code": 42, "Message": "m"}, "RequestId": "r"}}"#,
                "invalid type: integer `42`, expected a string for `Response.Error.Code` at line 1 column 34",
            ),
            (
                r#"{"Response": {"Error": {"Code": null}, "RequestId": "r"}}"#,
                "invalid type: null, expected a string for `Response.Error.Code` at line 1 column 36",
            ),
            (
                r#"{"Response": {"Error": {"Code": ["InternalError"]}, "RequestId": "r"}}"#,
                "invalid type: sequence, expected a string for `Response.Error.Code` at line 1 column 32",
            ),
            (
                r#"{"Response": {"Error": {"Code": "X", "Message": 1}, "RequestId": "r"}}"#,
                "invalid type: integer `1`, expected a string or null for `Response.Error.Message` at line 1 column 49",
            ),
            (
                r#"{"Response": {"Error": {"Code": "X", "Message": "a", "Message": "b"}, "RequestId": "r"}}"#,
                "duplicate field `Response.Error.Message` at line 1 column 62",
            ),
            (
                r#"{"Response": {"Error": {"Code": "X", "Code": "Y"}, "RequestId": "r"}}"#,
                "duplicate field `Response.Error.Code` at line 1 column 43",
            ),
        ];
        for (body, detail) in cases {
            assert_eq!(
                malformed(body.as_bytes()),
                (NotEnvelope, format!("malformed response body: {detail}")),
                "{body}"
            );
        }
    }

    #[test]
    fn response_error_converts_and_is_a_core_error() {
        fn takes(_: &dyn core::error::Error) {}
        let api = ApiError::new("InternalError", "", "r-1");
        let error = ResponseError::from(api.clone());
        takes(&error);
        assert_eq!(error.to_string(), api.to_string());
        assert!(core::error::Error::source(&error).is_none());
        let malformed = match parse_response("") {
            Err(ResponseError::Malformed(error)) => error,
            other => panic!("{other:?}"),
        };
        takes(&malformed);
        assert_eq!(
            ResponseError::from(malformed.clone()),
            ResponseError::Malformed(malformed)
        );
    }

    #[test]
    fn no_input_panics() {
        // Every prefix of the documented bodies, and each with one byte changed: an answer, never
        // a panic.
        for body in [DOCUMENTED_FAILURE, DOCUMENTED_SUCCESS] {
            let bytes = body.as_bytes();
            for end in 0..=bytes.len() {
                let _ = parse_response(&bytes[..end]);
            }
            for at in 0..bytes.len() {
                for byte in [b'"', b'{', b'}', b'[', b'\\', b'0', 0xff] {
                    let mut changed = bytes.to_vec();
                    changed[at] = byte;
                    let _ = parse_response(&changed);
                }
            }
        }
    }
}
