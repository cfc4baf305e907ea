//! Reads Tencent Cloud API 3.0 response bodies and says what each one means.
//!
//! ```sh
//! cargo run --example parse_response                 # the two bodies the documentation prints
//! cargo run --example parse_response -- body.json    # a body saved to a file
//! curl ... | cargo run --example parse_response -- - # a body on standard input
//! ```
//!
//! On success it lists the action's own fields, read in the same pass as the envelope. Exits
//! with 0 when every body reports success, 1 when one reports an API error, 2 when one is not an
//! API response (or cannot be read).

use std::io::Read;
use std::process::ExitCode;

use tencentcloud_error_codes::{parse_response_as, Code, ErrorCode, ResponseError};

/// The members of `Response` other than `Error`, as they came.
type Fields = serde_json::Map<String, serde_json::Value>;

/// The success and failure bodies of the CLS documentation's "Responses" page.
const DOCUMENTED: [(&str, &str); 2] = [
    (
        "documented success",
        r#"{
    "Response": {
        "TotalCount": 0,
        "InstanceStatusSet": [],
        "RequestId": "b5b41468-520d-4192-b42f-595cc34b6c1c"
    }
}"#,
    ),
    (
        "documented failure",
        r#"{
    "Response": {
        "Error": {
            "Code": "AuthFailure.SignatureFailure",
            "Message": "The provided credentials could not be validated. Please ensure your signature is correct."
        },
        "RequestId": "ed93f3cb-f35e-473f-b9f3-0d451b8b79c6"
    }
}"#,
    ),
];

/// What a caller would do about an API error: decided by the code, never by the message.
fn advice(code: &Code) -> &'static str {
    match code {
        Code::Known(ErrorCode::AuthFailureSignatureExpire) => "sign the request again",
        Code::Known(
            ErrorCode::AuthFailureSignatureFailure | ErrorCode::AuthFailureSecretIdNotFound,
        ) => "check the secret id and key",
        code if code.is_throttling() => "wait, then retry",
        code if code.family() == ErrorCode::InvalidParameterValue
            || code.family() == ErrorCode::InvalidParameter
            || code.family() == ErrorCode::MissingParameter =>
        {
            "fix the request's parameters"
        }
        code if code.family() == ErrorCode::UnauthorizedOperation
            || code.family() == "AuthFailure" =>
        {
            "check the credentials' permissions"
        }
        _ => "report it with the request id",
    }
}

/// Prints what the body means; returns the exit code it calls for.
fn report(name: &str, body: &[u8]) -> u8 {
    match parse_response_as::<Fields>(body) {
        Ok(success) => {
            let (fields, request_id) = success.into_parts();
            let fields: Vec<&str> = fields
                .keys()
                .map(String::as_str)
                .filter(|key| *key != "RequestId")
                .collect();
            println!("{name}: success (request id {request_id})");
            match fields.as_slice() {
                [] => println!("  no other fields"),
                fields => println!("  fields: {}", fields.join(", ")),
            }
            0
        }
        Err(ResponseError::Api(error)) => {
            let code = error.code();
            let kind = match code.known() {
                Some(known) => format!("common code, documented as {:?}", known.description()),
                None => match code.family().known() {
                    Some(family) => format!("product-specific code of the {family} family"),
                    None => "product-specific code".to_owned(),
                },
            };
            println!("{name}: API error {error}");
            println!("  {kind}; {}", advice(code));
            if error.request_id().is_none() {
                println!("  the body gave no request id");
            }
            1
        }
        Err(ResponseError::Malformed(error)) => {
            println!("{name}: {error}");
            2
        }
    }
}

fn main() -> ExitCode {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    let mut worst = 0;
    if paths.is_empty() {
        for (name, body) in DOCUMENTED {
            worst = worst.max(report(name, body.as_bytes()));
        }
    }
    for path in &paths {
        let mut body = Vec::new();
        let read = if path == "-" {
            std::io::stdin().read_to_end(&mut body)
        } else {
            std::fs::File::open(path).and_then(|mut file| file.read_to_end(&mut body))
        };
        worst = worst.max(match read {
            Ok(_) => report(path, &body),
            Err(error) => {
                eprintln!("{path}: {error}");
                2
            }
        });
    }
    ExitCode::from(worst)
}
