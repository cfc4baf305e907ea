//! Agreement between pages: each kind of difference with its exact report line, the accept path,
//! and what the build does with them.

mod support;

use support::{current_with, current_without, DocsDir, CURRENT};
use tencentcloud_error_codes_build::{generate_from_dir, Agreement, Docs, Model};

fn report(docs: &DocsDir) -> Vec<String> {
    let loaded = Docs::load(docs.path()).unwrap();
    Agreement::check(&loaded)
        .findings
        .iter()
        .map(|f| docs.relative(&f.to_string()))
        .collect()
}

/// Five English pages, as in `docs/`, with `cls`'s rows replaced.
fn five_pages(cls: &[(&str, &str)], accept: &str) -> DocsDir {
    let docs = DocsDir::new();
    for product in ["cdn", "cvm", "mdl", "teo"] {
        docs.text_page(&format!("pages/{product}.txt"), &CURRENT);
    }
    docs.text_page("pages/cls.txt", cls);
    docs.manifest(
        &[
            ("cdn", "en", "pages/cdn.txt"),
            ("cls", "en", "pages/cls.txt"),
            ("cvm", "en", "pages/cvm.txt"),
            ("mdl", "en", "pages/mdl.txt"),
            ("teo", "en", "pages/teo.txt"),
        ],
        accept,
    );
    docs
}

#[test]
fn vendored_pages_agree() {
    let docs = Docs::load(&support::vendored_docs()).unwrap();
    let agreement = Agreement::check(&docs);
    assert_eq!(agreement.findings, []);
    assert!(agreement.is_clean());
}

#[test]
fn a_page_that_lacks_a_code() {
    let docs = five_pages(&current_without(&["UnsupportedRegion"]), "[]");
    assert_eq!(
        report(&docs),
        ["cls (DOCS/pages/cls.txt) lacks UnsupportedRegion, documented by cdn, cvm, mdl, teo"]
    );
}

#[test]
fn a_page_with_newer_codes() {
    let docs = five_pages(
        &current_with(&[
            (
                "RequestLimitExceeded.UinLimitExceeded",
                "Your account's request frequency exceeds the limit.",
            ),
            (
                "ResponseSizeLimitExceeded",
                "The response size exceeds the limit.",
            ),
        ]),
        "[]",
    );
    assert_eq!(
        report(&docs),
        [
            "cls (DOCS/pages/cls.txt) documents RequestLimitExceeded.UinLimitExceeded, which cdn, cvm, mdl, teo lack",
            "cls (DOCS/pages/cls.txt) documents ResponseSizeLimitExceeded, which cdn, cvm, mdl, teo lack",
        ]
    );
}

#[test]
fn a_page_with_reworded_and_empty_descriptions() {
    let mut rows = CURRENT.to_vec();
    rows[9] = ("InternalError", "Internal error, please retry.");
    rows[10] = ("InvalidAction", "");
    let docs = five_pages(&rows, "[]");
    assert_eq!(
        report(&docs),
        [
            "cls (DOCS/pages/cls.txt) describes InternalError as \"Internal error, please retry.\", but cdn, cvm, mdl, teo say \"Internal error.\"",
            "cls (DOCS/pages/cls.txt) describes InvalidAction as \"\", but cdn, cvm, mdl, teo say \"The API does not exist.\"",
        ]
    );
    let loaded = Docs::load(docs.path()).unwrap();
    let warnings: Vec<String> = loaded
        .warnings
        .iter()
        .map(|w| docs.relative(&w.to_string()))
        .collect();
    assert_eq!(
        warnings,
        ["DOCS/pages/cls.txt:18: InvalidAction has an empty description"]
    );
}

#[test]
fn an_older_table_with_a_bare_auth_failure() {
    // Older pages document one `AuthFailure` instead of its sub-codes.
    let mut older = vec![("AuthFailure", "CAM signature/authentication error.")];
    older.extend(current_without(&[
        "AuthFailure.InvalidSecretId",
        "AuthFailure.MFAFailure",
        "AuthFailure.SecretIdNotFound",
        "AuthFailure.SignatureExpire",
        "AuthFailure.SignatureFailure",
        "AuthFailure.TokenFailure",
        "AuthFailure.UnauthorizedOperation",
    ]));
    let docs = five_pages(&older, "[]");
    let lines = report(&docs);
    assert_eq!(lines.len(), 8);
    assert_eq!(
        lines[0],
        "cls (DOCS/pages/cls.txt) documents AuthFailure, which cdn, cvm, mdl, teo lack"
    );
    assert_eq!(
        lines[1],
        "cls (DOCS/pages/cls.txt) lacks AuthFailure.InvalidSecretId, documented by cdn, cvm, mdl, teo"
    );
    assert_eq!(
        lines[7],
        "cls (DOCS/pages/cls.txt) lacks AuthFailure.UnauthorizedOperation, documented by cdn, cvm, mdl, teo"
    );
}

#[test]
fn two_pages_tie_in_favour_of_the_first() {
    // A code on half the pages counts as missing from the others; a description on half the
    // pages wins if its page comes first in the manifest.
    let docs = DocsDir::new();
    docs.text_page("a.txt", &[("InternalError", "Internal error.")])
        .text_page(
            "b.txt",
            &[("InternalError", "Internal error!"), ("Extra", "x")],
        )
        .manifest(&[("alpha", "en", "a.txt"), ("vpc", "en", "b.txt")], "[]");
    assert_eq!(
        report(&docs),
        [
            "alpha (DOCS/a.txt) lacks Extra, documented by vpc",
            "vpc (DOCS/b.txt) describes InternalError as \"Internal error!\", but alpha says \"Internal error.\"",
        ]
    );
}

#[test]
fn locales_are_compared_by_code_set() {
    let docs = DocsDir::new();
    docs.text_page(
        "en.txt",
        &[
            ("InternalError", "Internal error."),
            ("UnsupportedRegion", "x"),
        ],
    )
    .write(
        "zh.txt",
        "公共错误码\n\n错误码 说明\nInternalError 内部错误。\nMissingParameter 缺少参数错误。\n",
    )
    .manifest(&[("cvm", "en", "en.txt"), ("cls", "zh", "zh.txt")], "[]");
    assert_eq!(
        report(&docs),
        [
            "locale zh (cls) lacks UnsupportedRegion, documented in locale en",
            "locale en (cvm) lacks MissingParameter, documented in locale zh",
        ]
        .map(String::from)
        .into_iter()
        .rev()
        .collect::<Vec<_>>()
    );
}

#[test]
fn disagreement_fails_generation_with_the_whole_report() {
    let docs = five_pages(
        &current_without(&["UnsupportedRegion", "UnsupportedProtocol"]),
        "[]",
    );
    let error = generate_from_dir(docs.path()).unwrap_err();
    assert_eq!(
        docs.relative(&error.to_string()),
        "the documentation pages disagree (2 differences); fix the pages or accept the difference in DOCS/sources.json:\n\
         cls (DOCS/pages/cls.txt) lacks UnsupportedProtocol, documented by cdn, cvm, mdl, teo\n\
         cls (DOCS/pages/cls.txt) lacks UnsupportedRegion, documented by cdn, cvm, mdl, teo"
    );
}

#[test]
fn accepted_differences_generate_the_union() {
    let mut rows = current_without(&["UnsupportedRegion"]);
    rows.push((
        "ResponseSizeLimitExceeded",
        "The response size exceeds the limit.",
    ));
    rows[9] = ("InternalError", "Internal error, please retry.");
    let docs = five_pages(
        &rows,
        r#"[
            {"product": "cls", "code": "UnsupportedRegion", "reason": "CLS is not regional"},
            {"product": "cls", "code": "ResponseSizeLimitExceeded", "reason": "newer table"},
            {"product": "cls", "code": "InternalError", "reason": "reworded"},
            {"product": "cdn", "code": "InternalError", "reason": "stale entry"}
        ]"#,
    );
    let generated = generate_from_dir(docs.path()).unwrap();
    let accepted: Vec<String> = generated
        .agreement
        .accepted()
        .map(|f| docs.relative(&f.to_string()))
        .collect();
    assert_eq!(
        accepted,
        [
            "accepted: cls (DOCS/pages/cls.txt) describes InternalError as \"Internal error, please retry.\", but cdn, cvm, mdl, teo say \"Internal error.\" (reason: reworded)",
            "accepted: cls (DOCS/pages/cls.txt) documents ResponseSizeLimitExceeded, which cdn, cvm, mdl, teo lack (reason: newer table)",
            "accepted: cls (DOCS/pages/cls.txt) lacks UnsupportedRegion, documented by cdn, cvm, mdl, teo (reason: CLS is not regional)",
        ]
    );
    assert_eq!(generated.agreement.unused.len(), 1);
    assert_eq!(generated.agreement.unused[0].reason, "stale entry");

    let model = Model::from_docs(&generated.docs).unwrap();
    assert_eq!(model.codes.len(), 27);
    let entry = |code: &str| model.codes.iter().find(|c| c.code == code).unwrap();
    assert_eq!(entry("ResponseSizeLimitExceeded").products, ["cls"]);
    assert_eq!(
        entry("UnsupportedRegion").products,
        ["cdn", "cvm", "mdl", "teo"]
    );
    assert_eq!(entry("InternalError").description, "Internal error.");
    assert!(generated.source.contains(
        "    /// Code `ResponseSizeLimitExceeded`, documented by cls only.\n    ResponseSizeLimitExceeded,\n"
    ));
    assert!(generated.source.contains(
        "    /// Code `UnsupportedRegion`, documented by cdn, cvm, mdl, teo only.\n    UnsupportedRegion,\n"
    ));
}

#[test]
fn locale_differences_are_accepted_by_locale() {
    let docs = DocsDir::new();
    docs.text_page(
        "en.txt",
        &[
            ("InternalError", "Internal error."),
            ("UnsupportedRegion", "x"),
        ],
    )
    .write(
        "zh.txt",
        "公共错误码\n\n错误码 说明\nInternalError 内部错误。\n",
    )
    .manifest(
        &[("cvm", "en", "en.txt"), ("cls", "zh", "zh.txt")],
        r#"[{"locale": "zh", "code": "UnsupportedRegion", "reason": "zh page is older"}]"#,
    );
    let generated = generate_from_dir(docs.path()).unwrap();
    assert!(generated.agreement.is_clean());
    let model = Model::from_docs(&generated.docs).unwrap();
    // The description comes from the first page's locale.
    assert_eq!(model.codes[0].code, "InternalError");
    assert_eq!(model.codes[0].description, "Internal error.");
    assert_eq!(model.codes[0].products, ["cls", "cvm"]);
}

#[test]
fn codes_that_collide_fail_naming_both() {
    let docs = DocsDir::new();
    docs.text_page("a.txt", &[("Foo.Bar", "one"), ("FooBar", "two")])
        .manifest(&[("alpha", "en", "a.txt")], "[]");
    assert_eq!(
        generate_from_dir(docs.path()).unwrap_err().to_string(),
        "error codes Foo.Bar and FooBar both become the variant name FooBar"
    );
}

#[test]
fn a_code_that_cannot_be_an_identifier_fails() {
    let docs = DocsDir::new();
    docs.text_page("a.txt", &[("Self", "one")])
        .manifest(&[("alpha", "en", "a.txt")], "[]");
    assert_eq!(
        generate_from_dir(docs.path()).unwrap_err().to_string(),
        "error code Self cannot become a Rust identifier: Self is reserved"
    );
}

#[test]
fn a_sixth_product_just_works() {
    let docs = five_pages(&CURRENT, "[]");
    docs.write("pages/vpc.md", {
        let mut md =
            String::from("## Common Error Codes\n\n| Error Code | Description |\n|---|---|\n");
        for (code, description) in CURRENT {
            md.push_str(&format!("| {code} | {description} |\n"));
        }
        md
    });
    let manifest = std::fs::read_to_string(docs.path().join("sources.json")).unwrap();
    docs.write(
        "sources.json",
        manifest.replace(
            "\n], \"accept\"",
            ",\n{\"product\": \"vpc\", \"locale\": \"en\", \"file\": \"pages/vpc.md\"}\n], \"accept\"",
        ),
    );
    let generated = generate_from_dir(docs.path()).unwrap();
    assert_eq!(generated.docs.pages.len(), 6);
    assert!(generated
        .source
        .contains("documented by every page (cdn, cls, cvm, mdl, teo, vpc)."));
}
