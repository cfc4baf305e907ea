//! The catalog and the agreement on small docs sets, one per real-world variant: which text each
//! locale settles on, each kind of difference with its exact report line, what each scope of
//! acceptance accepts, and the product tables against the Error Center.

mod support;

use std::path::Path;

use support::{fixture, DocsDir};
use tencentcloud_error_codes_build::catalog::Choice;
use tencentcloud_error_codes_build::{
    generate_from_dir, Agreement, Catalog, Docs, Kind, Layout, Locale,
};

/// Every finding of a docs set, as `check --all` prints it.
fn findings(dir: &str) -> Vec<String> {
    let docs = Docs::load(Path::new(dir)).unwrap();
    let catalog = Catalog::build(&docs).unwrap();
    Agreement::check(&catalog)
        .findings
        .iter()
        .map(ToString::to_string)
        .collect()
}

/// The settled text of a common code in a locale: the text, the file it comes from, and the
/// step of the rule that chose it.
fn settled(dir: &str, code: &str, locale: Locale) -> (String, String, Choice) {
    let docs = Docs::load(Path::new(dir)).unwrap();
    let catalog = Catalog::build(&docs).unwrap();
    let settled = catalog.common[code].settled_in(locale).unwrap();
    (
        settled.text.to_owned(),
        catalog.file(settled.from).to_owned(),
        settled.why,
    )
}

#[test]
fn a_product_has_several_pages_in_several_locales() {
    let dir = fixture("responses_and_error_codes_pages");
    let docs = Docs::load(Path::new(&dir)).unwrap();
    let pages: Vec<(&str, &str, Locale, Option<&str>)> = docs
        .pages
        .iter()
        .map(|p| {
            (
                p.file.as_str(),
                p.product(),
                p.locale(),
                p.source.updated.as_ref().map(|u| u.as_str()),
            )
        })
        .collect();
    assert_eq!(
        pages,
        [
            (
                "pages/cdn-responses-en.md",
                "cdn",
                Locale::En,
                Some("2019-08-27 12:07:51")
            ),
            (
                "pages/cdn-error-codes-en.md",
                "cdn",
                Locale::En,
                Some("2019-08-27 12:07:51")
            ),
            (
                "pages/cdn-responses-zh.md",
                "cdn",
                Locale::Zh,
                Some("2019-06-06")
            ),
            (
                "pages/cdn-error-codes-zh.md",
                "cdn",
                Locale::Zh,
                Some("2019-06-06")
            ),
            ("pages/cvm.txt", "cvm", Locale::En, None),
        ]
    );
    let catalog = Catalog::build(&docs).unwrap();
    let cdn = &catalog.products["cdn"];
    assert_eq!(cdn.pages, [0, 1, 2, 3]);
    assert_eq!(
        cdn.codes.keys().copied().collect::<Vec<_>>(),
        [
            "InternalError.CdnDbError",
            "InternalError.CdnSystemError",
            "ResourceNotFound.CdnHostNotExists"
        ]
    );
    // The common codes: three pages of English, two of Chinese, all alike.
    assert_eq!(
        catalog.common["InternalError"].in_locale(Locale::En).len(),
        3
    );
    assert_eq!(
        catalog.common["InternalError"].in_locale(Locale::Zh).len(),
        2
    );
    assert_eq!(
        settled(&dir, "InternalError", Locale::Zh),
        (
            "内部错误。".to_owned(),
            "pages/cdn-responses-zh.md".to_owned(),
            Choice::Only
        )
    );
    assert_eq!(findings(&dir), Vec::<String>::new());
}

#[test]
fn the_newest_page_wins_over_the_majority() {
    let dir = fixture("newest_page_rewords");
    assert_eq!(
        settled(&dir, "InternalError", Locale::En),
        (
            "An internal error occurred. Please try again later.".to_owned(),
            "pages/cdn-responses-en.md".to_owned(),
            Choice::Newest
        )
    );
    assert_eq!(
        findings(&dir),
        [
            "cdn (tests/fixtures/docs/newest_page_rewords/pages/cdn-error-codes-en.md:8) describes \
             InternalError as \"Internal error.\", but cdn (pages/cdn-responses-en.md) says \"An \
             internal error occurred. Please try again later.\"",
            "cvm (tests/fixtures/docs/newest_page_rewords/pages/cvm-responses-en.md:8) describes \
             InternalError as \"Internal error.\", but cdn says \"An internal error occurred. \
             Please try again later.\"",
        ]
    );
}

#[test]
fn pages_of_one_date_settle_by_the_majority_then_the_manifest_order() {
    let dir = fixture("pages_of_one_commit");
    // Three of the four pages against the first listed.
    assert_eq!(
        settled(&dir, "InternalError", Locale::En),
        (
            "Internal error.".to_owned(),
            "pages/cbs-error-codes-en.md".to_owned(),
            Choice::Majority
        )
    );
    // Two against two: the first listed.
    assert_eq!(
        settled(&dir, "ResourceNotFound", Locale::En),
        (
            "The resource does not exist.".to_owned(),
            "pages/as-error-codes-en.md".to_owned(),
            Choice::FirstListed
        )
    );
    assert_eq!(
        findings(&dir),
        [
            "as (tests/fixtures/docs/pages_of_one_commit/pages/as-error-codes-en.md:8) describes \
             InternalError as \"Internal error, please retry.\", but cbs, tke, vod say \"Internal \
             error.\"",
            "tke (tests/fixtures/docs/pages_of_one_commit/pages/tke-error-codes-en.md:10) describes \
             ResourceNotFound as \"Resource not found.\", but as, cbs say \"The resource does not \
             exist.\"",
            "vod (tests/fixtures/docs/pages_of_one_commit/pages/vod-error-codes-en.md:10) describes \
             ResourceNotFound as \"Resource not found.\", but as, cbs say \"The resource does not \
             exist.\"",
        ]
    );
}

#[test]
fn a_page_without_a_date_counts_as_the_oldest() {
    // Two undated captures, listed first, against one dated page.
    let dir = fixture("undated_captures");
    assert_eq!(
        settled(&dir, "FailedOperation", Locale::En),
        (
            "Operation failed.".to_owned(),
            "pages/cdn.txt".to_owned(),
            Choice::Newest
        )
    );
    assert_eq!(
        findings(&dir),
        [
            "mdl (tests/fixtures/docs/undated_captures/pages/mdl.txt:8) describes FailedOperation \
             as \"Operation failed, please retry.\", but cdn says \"Operation failed.\"",
            "teo (tests/fixtures/docs/undated_captures/pages/teo.txt:8) describes FailedOperation \
             as \"Operation failed, please retry.\", but cdn says \"Operation failed.\"",
        ]
    );
}

#[test]
fn a_pin_chooses_the_text_with_a_reason() {
    let dir = fixture("pinned_text");
    assert_eq!(
        settled(&dir, "InternalError", Locale::En),
        (
            "Internal error.".to_owned(),
            "pages/cvm-responses-en.md".to_owned(),
            Choice::Pinned
        )
    );
    // The newest page now differs from the settled text; the manifest accepts it.
    assert_eq!(
        findings(&dir),
        [
            "accepted: cdn (tests/fixtures/docs/pinned_text/pages/cdn-responses-en.md:8) describes \
             InternalError as \"An internal error occurred. Please try again later.\", but cvm \
             says \"Internal error.\" (reason: \"the newest page rewords it; pinned\")"
        ]
    );
    let generated = generate_from_dir(Path::new(&dir), Layout::Src).unwrap();
    let internal = generated
        .model
        .common
        .iter()
        .find(|c| c.code == "InternalError")
        .unwrap();
    let text = internal.text(Locale::En).unwrap();
    assert_eq!(
        (text.text.as_str(), text.from.as_str()),
        ("Internal error.", "pages/cvm-responses-en.md")
    );
}

#[test]
fn a_pin_must_give_a_text_a_source_gives() {
    let docs = DocsDir::copy_of("pinned_text");
    docs.edit(
        "sources.json",
        r#""text": "Internal error.""#,
        r#""text": "Internal error!""#,
    );
    let loaded = Docs::load(docs.path()).unwrap();
    assert_eq!(
        docs.relative(&Catalog::build(&loaded).unwrap_err().to_string()),
        "DOCS/sources.json: invalid manifest: the pin of InternalError (en) gives a text no \
         source gives: \"Internal error!\""
    );
    docs.edit(
        "sources.json",
        r#""code": "InternalError", "locale""#,
        r#""code": "InternalError.Gone", "locale""#,
    );
    let loaded = Docs::load(docs.path()).unwrap();
    assert_eq!(
        docs.relative(&Catalog::build(&loaded).unwrap_err().to_string()),
        "DOCS/sources.json: invalid manifest: the pin of \"InternalError.Gone\" names a code no \
         source documents"
    );
}

#[test]
fn a_file_listed_twice_is_refused_naming_both_entries() {
    let docs = DocsDir::copy_of("newest_page_rewords");
    docs.edit(
        "sources.json",
        r#"{"file": "pages/cvm-responses-en.md""#,
        r#"{"file": "./pages/cdn-error-codes-en.md""#,
    );
    assert_eq!(
        docs.relative(&Docs::load(docs.path()).unwrap_err().to_string()),
        "DOCS/sources.json:4: invalid manifest: pages[1] (\"./pages/cdn-error-codes-en.md\") \
         lists the same file as pages[0] (\"pages/cdn-error-codes-en.md\") (line 3): \
         pages/cdn-error-codes-en.md"
    );
    // Spelled alike, as another product's page.
    docs.edit(
        "sources.json",
        r#"{"file": "./pages/cdn-error-codes-en.md", "product": "cvm""#,
        r#"{"file": "pages/cdn-responses-en.md", "product": "cvm""#,
    );
    assert_eq!(
        docs.relative(&Docs::load(docs.path()).unwrap_err().to_string()),
        "DOCS/sources.json:5: invalid manifest: pages[2] (\"pages/cdn-responses-en.md\") lists \
         the same file as pages[1] (\"pages/cdn-responses-en.md\") (line 4): \
         pages/cdn-responses-en.md"
    );
}

#[test]
fn differences_in_punctuation_spacing_or_case_are_cosmetic() {
    let dir = fixture("punctuation_and_spacing");
    let docs = Docs::load(Path::new(&dir)).unwrap();
    let catalog = Catalog::build(&docs).unwrap();
    let agreement = Agreement::check(&catalog);
    let kinds: Vec<(Kind, &str, &str)> = agreement
        .findings
        .iter()
        .map(|f| {
            let d = &f.difference;
            (d.kind, d.code.as_str(), d.texts[0].as_str())
        })
        .collect();
    assert_eq!(
        kinds,
        [
            // Spaces next to Chinese text.
            (
                Kind::Cosmetic,
                "DryRunOperation",
                "DryRun操作，代表请求将会是成功的，只是多传了DryRun参数。"
            ),
            (Kind::Wording, "FailedOperation", "操作失败，请重试。"),
            // The case of the first letter, and a final `!`.
            (Kind::Cosmetic, "FailedOperation", "operation failed!"),
            // No final `.` or `。`.
            (Kind::Cosmetic, "InternalError", "Internal error"),
            (Kind::Cosmetic, "InternalError", "内部错误"),
            (Kind::Wording, "InvalidParameter", "Incorrect parameter."),
            // Half-width brackets and commas for full-width ones.
            (
                Kind::Cosmetic,
                "InvalidParameter",
                "参数错误(包括参数格式,类型等错误)"
            ),
            // A full-width space, which the reader reads as a space, next to Chinese text.
            (Kind::Cosmetic, "ResourceNotFound", "资源 不存在。"),
        ]
    );
    let at = |file: &str, line: u32| {
        format!("tests/fixtures/docs/punctuation_and_spacing/pages/{file}:{line}")
    };
    assert_eq!(
        findings(&dir),
        [
            format!(
                "cosmetic: cam ({}) describes DryRunOperation as \"DryRun操作，代表请求将会是成功\
                 的，只是多传了DryRun参数。\", but cdn says \"DryRun 操作，代表请求将会是成功的，只\
                 是多传了 DryRun 参数。\"",
                at("cam-error-codes-zh.md", 7)
            ),
            format!(
                "cam ({}) describes FailedOperation as \"操作失败，请重试。\", but cdn says \"操作失\
                 败。\"",
                at("cam-error-codes-zh.md", 8)
            ),
            format!(
                "cosmetic: cam ({}) describes FailedOperation as \"operation failed!\", but cdn \
                 says \"Operation failed.\"",
                at("cam-error-codes-en.md", 8)
            ),
            format!(
                "cosmetic: cam ({}) describes InternalError as \"Internal error\", but cdn says \
                 \"Internal error.\"",
                at("cam-error-codes-en.md", 9)
            ),
            format!(
                "cosmetic: cam ({}) describes InternalError as \"内部错误\", but cdn says \"内部错误\
                 。\"",
                at("cam-error-codes-zh.md", 9)
            ),
            format!(
                "cam ({}) describes InvalidParameter as \"Incorrect parameter.\", but cdn says \
                 \"Parameter error.\"",
                at("cam-error-codes-en.md", 10)
            ),
            format!(
                "cosmetic: cam ({}) describes InvalidParameter as \"参数错误(包括参数格式,类型等错\
                 误)\", but cdn says \"参数错误（包括参数格式、类型等错误）。\"",
                at("cam-error-codes-zh.md", 10)
            ),
            format!(
                "cosmetic: cam ({}) describes ResourceNotFound as \"资源 不存在。\", but cdn \
                 says \"资源不存在。\"",
                at("cam-error-codes-zh.md", 11)
            ),
        ]
    );
}

#[test]
fn each_scope_of_acceptance_accepts_its_differences() {
    let dir = fixture("acceptance_scopes");
    let at = |file: &str| format!("tests/fixtures/docs/acceptance_scopes/pages/{file}");
    assert_eq!(
        findings(&dir),
        [
            // file
            format!(
                "accepted: tag ({}:7) documents AuthFailure, which cdn, cvm lack (reason: \"this \
                 page carries the 2018 table\")",
                at("tag-responses-zh.md")
            ),
            // locale + code
            "accepted: locale en lacks AuthFailure, documented in zh (reason: \"only the 2018 \
             table has it\")"
                .to_owned(),
            // kind
            format!(
                "accepted: cosmetic: cls ({}:7) describes FailedOperation as \"Operation failed\", \
                 but cdn, cvm say \"Operation failed.\" (reason: \"punctuation and spacing\")",
                at("cls-responses-en.md")
            ),
            format!(
                "accepted: tag ({}:9) describes InternalError as \"内部错误，请重试。\", but cdn, \
                 cvm say \"内部错误。\" (reason: \"this page carries the 2018 table\")",
                at("tag-responses-zh.md")
            ),
            // Two entries accept it: the first listed gives the reason.
            format!(
                "accepted: tag ({}) lacks InvalidParameter, documented by cdn, cvm (reason: \"this \
                 page carries the 2018 table\")",
                at("tag-responses-zh.md")
            ),
            // code, on every page
            format!(
                "accepted: cls ({}:9) describes InvalidParameter as \"Parameter error.\", but cdn \
                 says \"Incorrect parameter.\" (reason: \"the newest page rewords it; the others \
                 follow in time\")",
                at("cls-responses-en.md")
            ),
            format!(
                "accepted: cvm ({}:9) describes InvalidParameter as \"Parameter error.\", but cdn \
                 says \"Incorrect parameter.\" (reason: \"the newest page rewords it; the others \
                 follow in time\")",
                at("cvm-responses-en.md")
            ),
            // table + code
            format!(
                "accepted: cvm ({}:10) describes ResourceNotFound as \"Resource not found.\", but \
                 cdn, cls say \"The resource does not exist.\" (reason: \"worded apart on \
                 purpose\")",
                at("cvm-responses-en.md")
            ),
            // product + code
            format!(
                "accepted: cls ({}) lacks UnsupportedRegion, documented by cdn, cvm (reason: \"CLS \
                 is not regional\")",
                at("cls-responses-en.md")
            ),
            "accepted: locale zh lacks UnsupportedRegion, documented in en (reason: \"the Chinese \
             pages predate it\")"
                .to_owned(),
        ]
    );
    let docs = Docs::load(Path::new(&dir)).unwrap();
    let agreement = Agreement::check(&Catalog::build(&docs).unwrap());
    assert!(agreement.is_clean());
    let unused: Vec<String> = agreement.unused.iter().map(|a| a.to_string()).collect();
    assert_eq!(unused, ["product cdn, code InternalError"]);
    assert_eq!(
        agreement.verdict(),
        "10 differences, all accepted",
        "an unused entry does not make the docs disagree"
    );
}

#[test]
fn without_its_acceptances_every_difference_fails_the_build() {
    let docs = DocsDir::copy_of("acceptance_scopes");
    let manifest = docs.read("sources.json");
    let accept = manifest.find(",\n  \"accept\"").unwrap();
    docs.write("sources.json", format!("{}\n}}\n", &manifest[..accept]));
    let error = generate_from_dir(docs.path(), Layout::Src).unwrap_err();
    assert_eq!(
        docs.relative(&error.to_string()),
        "the documentation sources disagree (10 differences not accepted in DOCS/sources.json); \
         the first: tag (DOCS/pages/tag-responses-zh.md:7) documents AuthFailure, which cdn, cvm \
         lack"
    );
    assert_eq!(error.findings().len(), 10);
}

#[test]
fn a_product_table_on_its_pages_and_in_the_error_center() {
    let dir = fixture("cam_pages_and_error_center");
    let export = "tests/fixtures/docs/cam_pages_and_error_center/error-center/\
                  api-all-errorcodes-2026-08-21.json";
    let page = |locale: &str| {
        format!("tests/fixtures/docs/cam_pages_and_error_center/pages/cam-error-codes-{locale}.md")
    };
    assert_eq!(
        findings(&dir),
        [
            // A common code the product lists with another text than the common table's.
            format!(
                "cam ({export}:2) describes AuthFailure.UnauthorizedOperation (product table) as \
                 \"没有权限。\", but the common table says \"请求未授权。请参考 CAM 文档对鉴权的说明\
                 。\""
            ),
            format!(
                "the Error Center ({export}:3) lists FailedOperation.Accesskey for cam, which \
                 cam's pages do not document"
            ),
            format!(
                "cam ({}:17) documents InvalidParameter.ActionError (product table), which the \
                 Error Center does not list for cam",
                page("en")
            ),
            format!(
                "cam ({}:17) documents InvalidParameter.ActionError (product table), which the \
                 Error Center does not list for cam",
                page("zh")
            ),
            "locale en lacks InvalidParameter.PasswordViolatedRules (cam product table), \
             documented in zh"
                .to_owned(),
            // The export is newer than the Chinese page.
            format!(
                "cam ({}:19) describes InvalidParameter.UserNotExist (product table) as \
                 \"principal字段的授权对象不存在。\", but error-center cam says \"用户对象不存在。\"",
                page("zh")
            ),
        ]
    );
    let docs = Docs::load(Path::new(&dir)).unwrap();
    let catalog = Catalog::build(&docs).unwrap();
    let cam = &catalog.products["cam"];
    assert_eq!(
        cam.codes.keys().copied().collect::<Vec<_>>(),
        [
            "FailedOperation.Accesskey",
            "FailedOperation.PolicyFull",
            "InternalError.SystemError",
            "InvalidParameter.ActionError",
            "InvalidParameter.PasswordViolatedRules",
            "InvalidParameter.UserNotExist",
        ]
    );
    // The export lists InternalError and AuthFailure.UnauthorizedOperation under cam, not
    // InvalidParameter: a product lists the common codes its actions return, and not listing one
    // is no difference.
    assert_eq!(
        cam.common_mentions.keys().copied().collect::<Vec<_>>(),
        ["AuthFailure.UnauthorizedOperation", "InternalError"]
    );
    assert_eq!(
        cam.versions.iter().copied().collect::<Vec<_>>(),
        ["2019-01-16"]
    );
    assert_eq!(cam.name_zh, Some("访问管理"));
}

#[test]
fn error_center_duplicates_collapse_or_differ() {
    let dir = fixture("error_center_duplicates");
    let export =
        "tests/fixtures/docs/error_center_duplicates/error-center/api-all-errorcodes-2026-08-21.json";
    assert_eq!(
        findings(&dir),
        [
            format!(
                "cosmetic: cms ({export}:3) describes InternalError (product table) as \"内部错误\", \
                 but the common table says \"内部错误。\""
            ),
            format!(
                "the Error Center ({export}:4) lists InternalError for cms 2 times with different \
                 texts: \"内部错误\", \"内部错误。\""
            ),
            format!(
                "the Error Center ({export}:10) lists InternalError.PublicClusterOpNotSupport for \
                 tke 2 times with different texts: \"公共集群不支持扩展节点。\", \"集群不支持当前操作\
                 。\""
            ),
        ]
    );
    let docs = Docs::load(Path::new(&dir)).unwrap();
    let catalog = Catalog::build(&docs).unwrap();
    let cvm = &catalog.products["cvm"];
    // Listed twice alike, and twice alike once `<code>` is dropped: one mention each.
    for code in ["InvalidSecurityGroupId.NotFound", "SecGroupActionFailure"] {
        let texts: Vec<&str> = cvm.codes[code]
            .in_locale(Locale::Zh)
            .iter()
            .map(|m| m.text)
            .collect();
        assert_eq!(texts.len(), 1, "{code}: {texts:?}");
    }
    // With no pages, the export's list of common codes has nothing to be compared with.
    assert!(!findings(&dir).iter().any(|f| f.contains("no page")));
}

#[test]
fn the_vendored_docs_agree() {
    let docs = Docs::load(&support::vendored_docs()).unwrap();
    let catalog = Catalog::build(&docs).unwrap();
    let agreement = Agreement::check(&catalog);
    assert!(agreement.is_clean(), "{}", agreement.verdict());
    assert_eq!(agreement.unused, []);
    // Every page of the manifest is read, and every product that has one is in the catalog.
    let manifest: serde_json::Value = serde_json::from_slice(
        &std::fs::read(support::vendored_docs().join("sources.json")).unwrap(),
    )
    .unwrap();
    let listed: Vec<&str> = manifest["pages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["file"].as_str().unwrap())
        .collect();
    let read: Vec<&str> = docs.pages.iter().map(|p| p.file.as_str()).collect();
    assert_eq!(read, listed);
    for page in manifest["pages"].as_array().unwrap() {
        let product = page["product"].as_str().unwrap();
        assert!(catalog.products.contains_key(product), "{product}");
    }
}

#[test]
fn the_error_center_list_of_common_codes_against_the_pages() {
    let dir = fixture("platform_list_and_pages");
    let export =
        "tests/fixtures/docs/platform_list_and_pages/error-center/api-all-errorcodes-2026-08-21.json";
    assert_eq!(
        findings(&dir),
        [
            "locale en lacks ActionOffline, documented in zh".to_owned(),
            format!(
                "the Error Center ({export}:2) lists common code ActionOffline, which no page \
                 documents"
            ),
            // The export does not list every common code (FailedOperation, ResourceNotFound, ...).
            format!(
                "the Error Center ({export}) does not list common code FailedOperation, which cdn \
                 documents"
            ),
            // The export is the newest Chinese source: its text is the settled one.
            "cdn (tests/fixtures/docs/platform_list_and_pages/pages/cdn-responses-zh.md:9) \
             describes InvalidParameter as \"参数错误。\", but error-center says \"参数错误（包括参\
             数格式、类型等错误）。\""
                .to_owned(),
        ]
    );
    assert_eq!(
        settled(&dir, "InvalidParameter", Locale::Zh),
        (
            "参数错误（包括参数格式、类型等错误）。".to_owned(),
            "error-center/api-all-errorcodes-2026-08-21.json".to_owned(),
            Choice::Newest
        )
    );
}
