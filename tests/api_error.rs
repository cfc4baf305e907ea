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
    let error = ApiError::new("AuthFailure.SignatureFailure")
        .with_message(
            "The provided credentials could not be validated. Please ensure your signature is correct.",
        )
        .with_request_id("ed93f3cb-f35e-473f-b9f3-0d451b8b79c6");
    assert_eq!(
        error.to_string(),
        "AuthFailure.SignatureFailure: The provided credentials could not be validated. Please \
         ensure your signature is correct (request id ed93f3cb-f35e-473f-b9f3-0d451b8b79c6)"
    );
    // The message itself is kept verbatim.
    assert_eq!(
        error.message(),
        Some("The provided credentials could not be validated. Please ensure your signature is correct.")
    );
}

#[test]
fn display_falls_back_to_the_documented_description() {
    let error = ApiError::new(ErrorCode::AuthFailureSignatureExpire).with_request_id("4a5d1ac1");
    assert_eq!(
        error.to_string(),
        "AuthFailure.SignatureExpire: Signature expired (request id 4a5d1ac1)"
    );
    let error = ApiError::new("InternalError")
        .with_message("   ")
        .with_request_id("4a5d1ac1");
    assert_eq!(
        error.to_string(),
        "InternalError: Internal error (request id 4a5d1ac1)"
    );
}

#[test]
fn display_of_an_unknown_code_without_message_is_the_code() {
    let error = ApiError::new("FailedOperation.CdnConfigError").with_request_id("b0d6f63c");
    assert_eq!(
        error.to_string(),
        "FailedOperation.CdnConfigError (request id b0d6f63c)"
    );
    let error = ApiError::new("FailedOperation.CdnConfigError").with_message("");
    assert_eq!(error.message(), Some(""));
    assert_eq!(error.to_string(), "FailedOperation.CdnConfigError");
}

#[test]
fn display_without_request_id_is_one_sentence() {
    assert_eq!(
        ApiError::new("InternalError").to_string(),
        "InternalError: Internal error"
    );
    assert_eq!(
        ApiError::new("InternalError")
            .with_message("Try again later.")
            .to_string(),
        "InternalError: Try again later"
    );
    // A blank request id is as good as none.
    for blank in ["", "  ", "\n"] {
        let error = ApiError::new("InternalError").with_request_id(blank);
        assert_eq!(error.request_id(), Some(blank));
        assert_eq!(error.to_string(), "InternalError: Internal error");
    }
}

#[test]
fn display_stays_on_one_line() {
    let error = ApiError::new("FailedOperation.Cdn\nConfigError")
        .with_message("First line.\r\n  Second line\twith a tab.\n")
        .with_request_id(" r-1\u{1b}[31m ");
    assert_eq!(
        error.to_string(),
        "FailedOperation.Cdn ConfigError: First line. Second line with a tab (request id r-1 [31m)"
    );
    // A message of control characters only is no message.
    let error = ApiError::new("InternalError").with_message("\u{7}\u{2028}");
    assert_eq!(error.to_string(), "InternalError: Internal error");
    assert_eq!(
        ApiError::new("InternalError").with_message(".").to_string(),
        "InternalError"
    );
}

#[test]
fn display_keeps_messages_in_other_languages() {
    let error = ApiError::new("InternalError")
        .with_message("内部错误。")
        .with_request_id("r-1");
    assert_eq!(
        error.to_string(),
        "InternalError: 内部错误 (request id r-1)"
    );
    let error = ApiError::new("InternalError")
        .with_message("no full stop")
        .with_request_id("r-1");
    assert_eq!(
        error.to_string(),
        "InternalError: no full stop (request id r-1)"
    );
}

#[test]
fn api_error_is_a_core_error() {
    fn takes(_: &dyn core::error::Error) {}
    let error = ApiError::new("InternalError");
    takes(&error);
    assert!(core::error::Error::source(&error).is_none());
}

#[test]
fn api_error_keeps_its_parts() {
    let error = ApiError::new(Code::new("RequestLimitExceeded.NotACommonCode"))
        .with_message(String::from("too fast"))
        .with_request_id(String::from("r-2"));
    assert_eq!(error.code().as_str(), "RequestLimitExceeded.NotACommonCode");
    assert_eq!(error.code().known(), None);
    assert_eq!(error.message(), Some("too fast"));
    assert_eq!(error.request_id(), Some("r-2"));
    assert!(error.is_throttling());
    assert!(!ApiError::new("LimitExceeded").is_throttling());
    // The last of each part given wins.
    let error = ApiError::new("InternalError")
        .with_message("a")
        .with_message("b")
        .with_request_id("r-1")
        .with_request_id("r-2");
    assert_eq!(
        (error.message(), error.request_id()),
        (Some("b"), Some("r-2"))
    );
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
            Some("The provided credentials could not be validated. Please ensure your signature is correct.")
        );
        assert_eq!(
            error.request_id(),
            Some("ed93f3cb-f35e-473f-b9f3-0d451b8b79c6")
        );
        assert_eq!(
            error,
            ApiError::new(ErrorCode::AuthFailureSignatureFailure)
                .with_message(
                    "The provided credentials could not be validated. Please ensure your signature is correct."
                )
                .with_request_id("ed93f3cb-f35e-473f-b9f3-0d451b8b79c6")
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
            Err(ResponseError::Api(
                ApiError::new(ErrorCode::InternalError)
                    .with_message("Internal error.")
                    .with_request_id("r-1")
            ))
        );
    }

    #[test]
    fn a_missing_or_null_message_is_none() {
        for body in [
            r#"{"Response": {"Error": {"Code": "InternalError"}, "RequestId": "r-1"}}"#,
            r#"{"Response": {"Error": {"Code": "InternalError", "Message": null}, "RequestId": "r-1"}}"#,
        ] {
            let error = parse_response(body).expect_err("an error");
            assert_eq!(error.api_error().map(ApiError::message), Some(None));
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
        assert_eq!(error.message(), Some(r#"a "quoted" word."#));
        assert_eq!(error.request_id(), Some("r/1"));
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
    fn a_success_without_request_id_or_a_request_id_not_a_string() {
        use MalformedKind::NotEnvelope;
        let cases = [
            (r#"{"Response": {}}"#, "missing field `Response.RequestId` at line 1 column 15"),
            (
                r#"{"Response": {"TotalCount": 0, "InstanceStatusSet": []}}"#,
                "missing field `Response.RequestId` at line 1 column 55",
            ),
            (
                r#"{"Response": {"Error": null}}"#,
                "missing field `Response.RequestId` at line 1 column 28",
            ),
            (
                r#"{"Response": {"requestId": "r-1"}}"#,
                "missing field `Response.RequestId` at line 1 column 33",
            ),
            (
                r#"{"Response": {"RequestId": 7}}"#,
                "invalid type: integer `7`, expected a string for `Response.RequestId` at line 1 column 28",
            ),
            (
                r#"{"Response": {"Error": {"Code": "InternalError"}, "RequestId": 7}}"#,
                "invalid type: integer `7`, expected a string for `Response.RequestId` at line 1 column 64",
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
    fn an_error_without_request_id_keeps_its_code() {
        let cases = [
            (
                r#"{"Response": {"Error": {"Code": "InternalError"}}}"#,
                ApiError::new(ErrorCode::InternalError),
                "InternalError: Internal error",
            ),
            (
                r#"{"Response": {"Error": {"Code": "FailedOperation.CdnConfigError",
                    "Message": "CDN configuration error."}, "TotalCount": 0}}"#,
                ApiError::new("FailedOperation.CdnConfigError")
                    .with_message("CDN configuration error."),
                "FailedOperation.CdnConfigError: CDN configuration error",
            ),
            (
                r#"{"Response": {"Error": {"Code": "FailedOperation.CdnConfigError", "Message": null}}}"#,
                ApiError::new("FailedOperation.CdnConfigError"),
                "FailedOperation.CdnConfigError",
            ),
        ];
        for (body, expected, text) in cases {
            let error = parse_response(body).expect_err(body);
            assert_eq!(error.api_error(), Some(&expected), "{body}");
            assert_eq!(error.to_string(), text, "{body}");
        }
    }

    #[test]
    fn an_empty_message_is_kept() {
        let body = r#"{"Response": {"Error": {"Code": "InternalError", "Message": ""}, "RequestId": "r-1"}}"#;
        let error = parse_response(body).expect_err("an error");
        let error = error.api_error().expect("an API error");
        assert_eq!(error.message(), Some(""));
        assert_eq!(
            error.to_string(),
            "InternalError: Internal error (request id r-1)"
        );
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
        let api = ApiError::new("InternalError").with_request_id("r-1");
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

/// `parse_response_as`: the action's own fields read into the caller's type in the same pass.
#[cfg(feature = "json")]
mod payload {
    use super::{DOCUMENTED_FAILURE, DOCUMENTED_SUCCESS};
    use serde::de::{Deserializer, IgnoredAny, MapAccess, Visitor};
    use serde::Deserialize;
    use tencentcloud_error_codes::{
        parse_response, parse_response_as, ApiError, ErrorCode, MalformedKind, ResponseError,
        Success,
    };

    /// `DescribeInstancesStatus` of CVM, as a caller would declare it.
    #[derive(Clone, Debug, PartialEq, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    struct InstancesStatus {
        total_count: u64,
        instance_status_set: Vec<InstanceStatus>,
    }

    #[derive(Clone, Debug, PartialEq, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    struct InstanceStatus {
        instance_id: String,
        instance_state: String,
    }

    /// A type shaped like the SDK's response types: it declares `RequestId` and nothing else
    /// may appear.
    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(rename_all = "PascalCase", deny_unknown_fields)]
    struct Strict {
        total_count: u64,
        request_id: String,
    }

    type Fields = serde_json::Map<String, serde_json::Value>;

    /// Parses a body whose payload must not fit; gives its kind and text.
    fn mismatch<T: serde::de::DeserializeOwned + core::fmt::Debug>(
        body: &str,
    ) -> (MalformedKind, String) {
        match parse_response_as::<T>(body) {
            Err(ResponseError::Malformed(error)) => (error.kind(), error.to_string()),
            other => panic!("expected a malformed body, got {other:?}"),
        }
    }

    #[test]
    fn the_documented_success_into_a_struct() {
        let success = parse_response_as::<InstancesStatus>(DOCUMENTED_SUCCESS).expect("a success");
        assert_eq!(
            success.payload(),
            &InstancesStatus {
                total_count: 0,
                instance_status_set: Vec::new()
            }
        );
        assert_eq!(success.request_id(), "b5b41468-520d-4192-b42f-595cc34b6c1c");
        assert_eq!(
            success.clone().into_parts(),
            (
                InstancesStatus {
                    total_count: 0,
                    instance_status_set: Vec::new()
                },
                String::from("b5b41468-520d-4192-b42f-595cc34b6c1c")
            )
        );
        assert_eq!(success.into_payload().total_count, 0);
    }

    #[test]
    fn a_payload_with_nested_objects_and_escaped_keys() {
        let body = r#"{"Response": {"Total\u0043ount": 2, "InstanceStatusSet": [
            {"InstanceId": "ins-1", "InstanceState": "RUNNING"},
            {"InstanceId": "ins-2", "InstanceState": "STOPPED", "Extra": [1, {"a": null}]}
        ], "RequestId": "r-1", "Other": {"Error": 1}}}"#;
        let success = parse_response_as::<InstancesStatus>(body).expect("a success");
        assert_eq!(
            success,
            parse_response_as::<InstancesStatus>(body.as_bytes()).expect("a success")
        );
        assert_eq!(
            success.into_parts(),
            (
                InstancesStatus {
                    total_count: 2,
                    instance_status_set: vec![
                        InstanceStatus {
                            instance_id: "ins-1".into(),
                            instance_state: "RUNNING".into()
                        },
                        InstanceStatus {
                            instance_id: "ins-2".into(),
                            instance_state: "STOPPED".into()
                        },
                    ],
                },
                String::from("r-1")
            )
        );
    }

    #[test]
    fn the_payload_sees_request_id_but_not_error() {
        let body = r#"{"Response": {"Error": null, "TotalCount": 1, "RequestId": "r-1"}}"#;
        let success = parse_response_as::<Strict>(body).expect("a success");
        assert_eq!(
            success.into_parts(),
            (
                Strict {
                    total_count: 1,
                    request_id: "r-1".into()
                },
                String::from("r-1")
            )
        );
        let success = parse_response_as::<Fields>(body).expect("a success");
        assert_eq!(
            serde_json::Value::Object(success.into_payload()),
            serde_json::json!({"TotalCount": 1, "RequestId": "r-1"})
        );
    }

    #[test]
    fn a_failure_is_the_api_error_wherever_error_is() {
        let expected = parse_response(DOCUMENTED_FAILURE).expect_err("an error");
        assert_eq!(
            parse_response_as::<InstancesStatus>(DOCUMENTED_FAILURE),
            Err(expected)
        );
        let internal = ApiError::new(ErrorCode::InternalError).with_request_id("r-1");
        for body in [
            // `Error` first: the payload's type sees nothing, and misses its fields.
            r#"{"Response": {"Error": {"Code": "InternalError"}, "TotalCount": "x", "RequestId": "r-1"}}"#,
            // `Error` last, after fields that fit.
            r#"{"Response": {"TotalCount": 1, "InstanceStatusSet": [], "RequestId": "r-1", "Error": {"Code": "InternalError"}}}"#,
            // `Error` after `RequestId`, the payload's fields missing.
            r#"{"Response": {"RequestId": "r-1", "Error": {"Code": "InternalError"}}}"#,
        ] {
            assert_eq!(
                parse_response_as::<InstancesStatus>(body),
                Err(ResponseError::Api(internal.clone())),
                "{body}"
            );
            assert_eq!(
                parse_response_as::<Strict>(body),
                Err(ResponseError::Api(internal.clone())),
                "{body}"
            );
        }
        // Without a request id too.
        assert_eq!(
            parse_response_as::<Strict>(
                r#"{"Response": {"Unknown": 1, "Error": {"Code": "InternalError"}}}"#
            ),
            Err(ResponseError::Api(ApiError::new(ErrorCode::InternalError)))
        );
    }

    #[test]
    fn a_field_before_error_that_does_not_fit_hides_the_error() {
        // The body cannot be read past a value that failed half way: documented, and Tencent
        // Cloud's error responses have no other fields.
        let body = r#"{"Response": {"TotalCount": "x", "Error": {"Code": "InternalError"}, "RequestId": "r-1"}}"#;
        assert_eq!(
            mismatch::<InstancesStatus>(body),
            (
                MalformedKind::PayloadMismatch,
                String::from(
                    "malformed response body: in `Response.TotalCount`: invalid type: string \"x\", \
                     expected u64 at line 1 column 31"
                )
            )
        );
    }

    #[test]
    fn a_payload_that_does_not_fit_names_the_field() {
        let cases = [
            (
                r#"{"Response": {"TotalCount": -1, "InstanceStatusSet": [], "RequestId": "r-1"}}"#,
                "in `Response.TotalCount`: invalid value: integer `-1`, expected u64 at line 1 column 30",
            ),
            (
                r#"{"Response": {"TotalCount": 1, "InstanceStatusSet": [{"InstanceId": "ins-1"}], "RequestId": "r-1"}}"#,
                "in `Response.InstanceStatusSet`: missing field `InstanceState` at line 1 column 76",
            ),
            (
                r#"{"Response": {"TotalCount": 1, "InstanceStatusSet": {}, "RequestId": "r-1"}}"#,
                "in `Response.InstanceStatusSet`: invalid type: map, expected a sequence at line 1 column 52",
            ),
            (
                r#"{"Response": {"TotalCount": 1, "RequestId": "r-1"}}"#,
                "in `Response`: missing field `InstanceStatusSet` at line 1 column 50",
            ),
            (
                r#"{"Response": {"Error": null, "RequestId": "r-1"}}"#,
                "in `Response`: missing field `TotalCount` at line 1 column 48",
            ),
            (
                r#"{"Response": {"Total\nCount": 1, "InstanceStatusSet": [], "RequestId": "r-1"}}"#,
                "in `Response`: missing field `TotalCount` at line 1 column 77",
            ),
        ];
        for (body, detail) in cases {
            assert_eq!(
                mismatch::<InstancesStatus>(body),
                (
                    MalformedKind::PayloadMismatch,
                    format!("malformed response body: {detail}")
                ),
                "{body}"
            );
        }
        let cases = [
            (
                r#"{"Response": {"TotalCount": 1, "InstanceSet": [], "RequestId": "r-1"}}"#,
                "in `Response`: unknown field `InstanceSet`, expected `TotalCount` or `RequestId` at line 1 column 69",
            ),
            (
                r#"{"Response": {"TotalCount": 1, "TotalCount": 2, "RequestId": "r-1"}}"#,
                "in `Response`: duplicate field `TotalCount` at line 1 column 67",
            ),
        ];
        for (body, detail) in cases {
            assert_eq!(
                mismatch::<Strict>(body),
                (
                    MalformedKind::PayloadMismatch,
                    format!("malformed response body: {detail}")
                ),
                "{body}"
            );
        }
        // The payload's own `RequestId` is read from the same string.
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)] // read only to fail
        struct NumericId {
            #[serde(rename = "RequestId")]
            request_id: u64,
        }
        assert_eq!(
            mismatch::<NumericId>(r#"{"Response": {"RequestId": "r-1"}}"#),
            (
                MalformedKind::PayloadMismatch,
                String::from(
                    "malformed response body: in `Response.RequestId`: invalid type: string \"r-1\", \
                     expected u64 at line 1 column 33"
                )
            )
        );
    }

    #[test]
    fn the_envelope_is_checked_before_the_payload() {
        let cases = [
            (
                r#"{"Response": {"TotalCount": 1}}"#,
                MalformedKind::NotEnvelope,
                "missing field `Response.RequestId` at line 1 column 30",
            ),
            (
                r#"{"Response": {"TotalCount": 1, "RequestId": 7}}"#,
                MalformedKind::NotEnvelope,
                "invalid type: integer `7`, expected a string for `Response.RequestId` at line 1 column 45",
            ),
            (
                r#"{"Response": {"TotalCount": 1, "Error": {}, "RequestId": "r-1"}}"#,
                MalformedKind::NotEnvelope,
                "missing field `Response.Error.Code` at line 1 column 42",
            ),
            (
                r#"{"Response": {"TotalCount": 1 "InstanceStatusSet": []}}"#,
                MalformedKind::NotJson,
                "expected `,` or `}` at line 1 column 31",
            ),
            (
                r#"{"Response": {"TotalCount": 1, "InstanceStatusSet": [{"InstanceId": "ins"#,
                MalformedKind::NotJson,
                "EOF while parsing a string at line 1 column 72",
            ),
            (
                r#"{"Response": {"TotalCount": 1, "InstanceStatusSet": []"#,
                MalformedKind::NotJson,
                "EOF while parsing an object at line 1 column 54",
            ),
        ];
        for (body, kind, detail) in cases {
            assert_eq!(
                mismatch::<InstancesStatus>(body),
                (kind, format!("malformed response body: {detail}")),
                "{body}"
            );
        }
    }

    /// A payload type that ignores the errors it is handed and says it succeeded.
    #[derive(Debug, PartialEq)]
    struct Careless;

    impl<'de> Deserialize<'de> for Careless {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Careless, D::Error> {
            struct CarelessVisitor;
            impl<'de> Visitor<'de> for CarelessVisitor {
                type Value = Careless;
                fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                    f.write_str("anything")
                }
                fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Careless, A::Error> {
                    // A value before its key, then every value but the request id as a number.
                    let _ = map.next_value::<IgnoredAny>();
                    for _ in 0..10 {
                        if let Ok(Some(key)) = map.next_key::<String>() {
                            if key == "RequestId" {
                                let _ = map.next_value::<IgnoredAny>();
                                continue;
                            }
                        }
                        let _ = map.next_value::<u8>();
                    }
                    Ok(Careless)
                }
            }
            deserializer.deserialize_map(CarelessVisitor)
        }
    }

    #[test]
    fn a_payload_type_that_ignores_errors_does_not_hide_them() {
        let cases = [
            (
                r#"{"Response": {"A": 1, "B": "x", "RequestId": "r-1"}}"#,
                MalformedKind::PayloadMismatch,
                "in `Response.B`: invalid type: string \"x\", expected u8 at line 1 column 30",
            ),
            (
                r#"{"Response": {"A": 1, "Error": {"Code": 1}, "RequestId": "r-1"}}"#,
                MalformedKind::NotEnvelope,
                "invalid type: integer `1`, expected a string for `Response.Error.Code` at line 1 column 41",
            ),
            (
                r#"{"Response": {"RequestId": "r-1", "RequestId": "r-2"}}"#,
                MalformedKind::NotEnvelope,
                "duplicate field `Response.RequestId` at line 1 column 45",
            ),
        ];
        for (body, kind, detail) in cases {
            assert_eq!(
                mismatch::<Careless>(body),
                (kind, format!("malformed response body: {detail}")),
                "{body}"
            );
        }
        assert_eq!(
            parse_response_as::<Careless>(r#"{"Response": {"A": 1, "RequestId": "r-1"}}"#)
                .map(Success::into_parts),
            Ok((Careless, String::from("r-1")))
        );
    }

    #[test]
    fn no_input_panics() {
        // As `envelope::no_input_panics`, through payload types that read every field.
        for body in [DOCUMENTED_FAILURE, DOCUMENTED_SUCCESS] {
            let bytes = body.as_bytes();
            let mut bodies: Vec<Vec<u8>> =
                (0..=bytes.len()).map(|end| bytes[..end].to_vec()).collect();
            for at in 0..bytes.len() {
                for byte in [b'"', b'{', b'}', b'[', b'\\', b'0', 0xff] {
                    let mut changed = bytes.to_vec();
                    changed[at] = byte;
                    bodies.push(changed);
                }
            }
            for body in &bodies {
                let _ = parse_response_as::<InstancesStatus>(body);
                let _ = parse_response_as::<Strict>(body);
                let _ = parse_response_as::<Fields>(body);
                let _ = parse_response_as::<Careless>(body);
            }
        }
    }
}
