//! The rules that turn an error code into a Rust identifier, in one place.

/// The enum variant name of a well-formed error code: its dot-separated segments joined, each
/// starting with an uppercase letter (`AuthFailure.SignatureExpire` → `AuthFailureSignatureExpire`).
///
/// Fails, with the reason, when the name cannot be a variant of `ErrorCode`: a keyword (`Self`),
/// or a name taken by an associated item of the enum (`ALL`).
pub fn variant_name(code: &str) -> Result<String, String> {
    let mut name = String::with_capacity(code.len());
    for segment in code.split('.') {
        let mut chars = segment.chars();
        if let Some(first) = chars.next() {
            name.push(first.to_ascii_uppercase());
            name.extend(chars);
        }
    }
    if RESERVED.contains(&name.as_str()) {
        return Err(format!(
            "error code {code} cannot become a Rust identifier: {name} is reserved"
        ));
    }
    if syn::parse_str::<syn::Ident>(&name).is_err() {
        return Err(format!(
            "error code {code} cannot become a Rust identifier: {name:?} is not one"
        ));
    }
    Ok(name)
}

/// Names a variant cannot take: the keyword that starts with an uppercase letter, and the
/// associated constant of the generated enum (a variant of the same name would be ambiguous).
const RESERVED: [&str; 2] = ["Self", "ALL"];

#[cfg(test)]
mod tests {
    use super::variant_name;

    #[test]
    fn variant_names() {
        let cases = [
            ("InternalError", "InternalError"),
            ("AuthFailure.SignatureExpire", "AuthFailureSignatureExpire"),
            (
                "RequestLimitExceeded.UinLimitExceeded",
                "RequestLimitExceededUinLimitExceeded",
            ),
            (
                "FailedOperation.cdnConfigError",
                "FailedOperationCdnConfigError",
            ),
            ("Foo.2FA", "Foo2FA"),
            ("A.b.c", "ABC"),
        ];
        for (code, name) in cases {
            assert_eq!(variant_name(code).as_deref(), Ok(name), "{code}");
        }
    }

    #[test]
    fn reserved_names_are_refused() {
        assert_eq!(
            variant_name("Self").unwrap_err(),
            "error code Self cannot become a Rust identifier: Self is reserved"
        );
        assert_eq!(
            variant_name("ALL").unwrap_err(),
            "error code ALL cannot become a Rust identifier: ALL is reserved"
        );
    }
}
