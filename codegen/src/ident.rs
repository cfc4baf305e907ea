//! The rules that turn codes and product names into Rust identifiers, in one place.
//!
//! # Variant names
//!
//! A code's variant name is its words joined, each starting with an uppercase letter, where the
//! words are the code's `.`- and `_`-separated parts (`AuthFailure.SignatureExpire` →
//! `AuthFailureSignatureExpire`, `InternalError.SYS_ERR` → `InternalErrorSYSERR`,
//! `FailedOperation.cdnConfigError` → `FailedOperationCdnConfigError`).
//!
//! Two codes of one enum can join to the same name (`InvalidParameter.ValueTooLarge` and
//! `InvalidParameterValue.TooLarge`). Then every code of the colliding group spells its
//! separators as words: `.` as `Dot` and `_` as `Underscore` (`InvalidParameterDotValueTooLarge`,
//! `InvalidParameterValueDotTooLarge`; a code without separators keeps its name). The rule
//! depends only on the group, not on which code came first, so it is the same on every run. A
//! group that still collides is an error.
//!
//! # Module and product names
//!
//! A product's module is its API service name in lowercase, with `-` as `_`; a Rust keyword gets
//! a trailing `_` (`as` → `as_`). Its [`Product`] variant is the name in upper camel case
//! (`cvm` → `Cvm`, `PLATFORM` → `Platform`).
//!
//! [`Product`]: https://docs.rs/tencentcloud-error-codes/latest/tencentcloud_error_codes/enum.Product.html

use std::collections::BTreeMap;

/// Names a variant cannot take: the keyword that starts with an uppercase letter, and the
/// associated constant of the generated enums (a variant of the same name would be ambiguous).
const RESERVED: [&str; 2] = ["Self", "ALL"];

/// The joined variant name of a well-formed code, before collisions are resolved.
pub fn joined_name(code: &str) -> String {
    spelled_name(code, false)
}

fn spelled_name(code: &str, spell_separators: bool) -> String {
    let mut name = String::with_capacity(code.len() + 8);
    let mut upper_next = true;
    for c in code.chars() {
        match c {
            '.' | '_' => {
                if spell_separators {
                    name.push_str(if c == '.' { "Dot" } else { "Underscore" });
                }
                upper_next = true;
            }
            c if upper_next => {
                name.push(c.to_ascii_uppercase());
                upper_next = false;
            }
            c => name.push(c),
        }
    }
    name
}

/// Why a code cannot be named: the code, the code it collides with (if that is why), and the
/// reason. It displays as the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamingError {
    /// The code that cannot be named.
    pub code: String,
    /// The code whose name it would take, for a collision.
    pub other: Option<String>,
    /// The reason, naming the codes.
    pub message: String,
}

impl std::fmt::Display for NamingError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// The variant name of every code of one enum, by the rule of the module documentation, in
/// the order of `codes`.
///
/// Fails, with the reason, when a name cannot be a variant (a keyword, `ALL`, not an
/// identifier) or when codes still collide after spelling their separators.
pub fn variant_names<'a>(codes: &[&'a str]) -> Result<Vec<String>, NamingError> {
    let mut groups: BTreeMap<String, Vec<&'a str>> = BTreeMap::new();
    for &code in codes {
        groups.entry(joined_name(code)).or_default().push(code);
    }
    let mut names = Vec::with_capacity(codes.len());
    let mut taken: BTreeMap<String, &str> = BTreeMap::new();
    for &code in codes {
        let joined = joined_name(code);
        let name = if groups[&joined].len() > 1 {
            spelled_name(code, true)
        } else {
            joined
        };
        check_identifier(code, &name).map_err(|message| NamingError {
            code: code.to_owned(),
            other: None,
            message,
        })?;
        if let Some(other) = taken.insert(name.clone(), code) {
            return Err(NamingError {
                code: code.to_owned(),
                other: Some(other.to_owned()),
                message: format!(
                    "error codes {other} and {code} both become the variant name {name}"
                ),
            });
        }
        names.push(name);
    }
    Ok(names)
}

/// The variant name of one code on its own (no other code to collide with).
pub fn variant_name(code: &str) -> Result<String, NamingError> {
    variant_names(&[code]).map(|mut names| names.remove(0))
}

fn check_identifier(code: &str, name: &str) -> Result<(), String> {
    if RESERVED.contains(&name) {
        return Err(format!(
            "error code {code} cannot become a Rust identifier: {name} is reserved"
        ));
    }
    if syn::parse_str::<syn::Ident>(name).is_err() {
        return Err(format!(
            "error code {code} cannot become a Rust identifier: {name:?} is not one"
        ));
    }
    Ok(())
}

/// The module (and cargo feature) name of a product: lowercase, `-` as `_`, a keyword with a
/// trailing `_`.
pub fn module_name(product: &str) -> String {
    let name: String = product
        .chars()
        .map(|c| {
            if c == '-' {
                '_'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    if syn::parse_str::<syn::Ident>(&name).is_ok() && !is_reserved_module(&name) {
        name
    } else {
        format!("{name}_")
    }
}

/// Module names the crate's own items take at its root.
fn is_reserved_module(name: &str) -> bool {
    matches!(
        name,
        "generated" | "response" | "code" | "locale" | "product" | "lookup"
    )
}

/// The cargo feature of a product: its service name in lowercase (features may be keywords).
pub fn feature_name(product: &str) -> String {
    product.to_ascii_lowercase()
}

/// The `Product` variant of a product: its name in upper camel case.
pub fn product_variant(product: &str) -> String {
    spelled_name(&product.to_ascii_lowercase().replace('-', "_"), false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_of_single_codes() {
        let cases = [
            ("InternalError", "InternalError"),
            ("AuthFailure.SignatureExpire", "AuthFailureSignatureExpire"),
            ("AuthFailure.MFAFailure", "AuthFailureMFAFailure"),
            (
                "FailedOperation.cdnConfigError",
                "FailedOperationCdnConfigError",
            ),
            ("Foo.2FA", "Foo2FA"),
            ("A.b.c", "ABC"),
            ("InternalError.SYS_ERR", "InternalErrorSYSERR"),
            (
                "FailedOperation.FailedOperationCode_RunSqlGateway",
                "FailedOperationFailedOperationCodeRunSqlGateway",
            ),
            (
                "ResourceNotFound.instance_not_exist",
                "ResourceNotFoundInstanceNotExist",
            ),
        ];
        for (code, name) in cases {
            assert_eq!(variant_name(code).as_deref(), Ok(name), "{code}");
        }
    }

    #[test]
    fn real_collisions_spell_their_separators() {
        // cvm, in the Error Center export of 2026-08-21.
        assert_eq!(
            variant_names(&[
                "InvalidParameter.ValueTooLarge",
                "InvalidParameterValue.TooLarge",
                "InternalError"
            ]),
            Ok(vec![
                "InvalidParameterDotValueTooLarge".to_owned(),
                "InvalidParameterValueDotTooLarge".to_owned(),
                "InternalError".to_owned(),
            ])
        );
        // as and vpc.
        assert_eq!(
            variant_names(&["InvalidParameter.Conflict", "InvalidParameterConflict"]),
            Ok(vec![
                "InvalidParameterDotConflict".to_owned(),
                "InvalidParameterConflict".to_owned(),
            ])
        );
        assert_eq!(
            variant_names(&[
                "InternalError.SYS_ERR",
                "InternalError.SYSERR",
                "InternalError.SysErr"
            ]),
            Ok(vec![
                "InternalErrorDotSYSUnderscoreERR".to_owned(),
                "InternalErrorDotSYSERR".to_owned(),
                "InternalErrorSysErr".to_owned(),
            ])
        );
        assert_eq!(
            variant_names(&["A.b", "AB", "A.B"]).unwrap_err(),
            NamingError {
                code: "A.B".to_owned(),
                other: Some("A.b".to_owned()),
                message: "error codes A.b and A.B both become the variant name ADotB".to_owned(),
            }
        );
    }

    #[test]
    fn reserved_names_are_refused() {
        assert_eq!(
            variant_name("Self").unwrap_err().to_string(),
            "error code Self cannot become a Rust identifier: Self is reserved"
        );
        assert_eq!(
            variant_name("ALL").unwrap_err().to_string(),
            "error code ALL cannot become a Rust identifier: ALL is reserved"
        );
    }

    #[test]
    fn product_names() {
        assert_eq!(module_name("cvm"), "cvm");
        assert_eq!(module_name("as"), "as_");
        assert_eq!(module_name("PLATFORM"), "platform");
        assert_eq!(module_name("type"), "type_");
        assert_eq!(module_name("code"), "code_");
        assert_eq!(module_name("iot-video"), "iot_video");
        assert_eq!(feature_name("as"), "as");
        assert_eq!(product_variant("cvm"), "Cvm");
        assert_eq!(product_variant("iotvideoindustry"), "Iotvideoindustry");
        assert_eq!(product_variant("PLATFORM"), "Platform");
    }
}
