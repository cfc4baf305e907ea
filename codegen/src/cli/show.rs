//! `show`: one code across every page.

use std::io::Write;

use super::{write_error, DocsArg, EXIT_AGREE, EXIT_DIFFER};
use crate::agreement::pages_by_locale;
use crate::docs::Docs;
use crate::error::Error;
use crate::ident::variant_name;

#[derive(Debug, clap::Args)]
pub(super) struct ShowArgs {
    /// The error code, e.g. AuthFailure.SignatureExpire.
    code: String,
    #[command(flatten)]
    docs: DocsArg,
}

pub(super) fn run(args: &ShowArgs, out: &mut dyn Write) -> Result<u8, Error> {
    let docs = Docs::load(&args.docs.dir())?;
    let code = args.code.as_str();
    let mut text = String::new();
    let variant = if !crate::read::is_code(code) {
        "no variant (not a well-formed code)".to_owned()
    } else {
        match variant_name(code) {
            Ok(name) => format!("ErrorCode::{name}"),
            Err(reason) => format!("no variant ({reason})"),
        }
    };
    let mut documented = false;
    let mut lacking = Vec::new();
    let mut lines = Vec::new();
    for (locale, pages) in pages_by_locale(&docs) {
        // Each distinct description with the products that give it, in manifest order.
        let mut texts: Vec<(&str, Vec<&str>)> = Vec::new();
        for page in pages {
            match page.row(code) {
                Some(row) => match texts.iter_mut().find(|(t, _)| *t == row.description) {
                    Some((_, products)) => products.push(page.product()),
                    None => texts.push((&row.description, vec![page.product()])),
                },
                None => lacking.push(page.product()),
            }
        }
        for (description, products) in texts {
            documented = true;
            lines.push(format!(
                "  {locale} {description:?}: {}",
                products.join(", ")
            ));
        }
    }
    if documented {
        text.push_str(&format!("{code}: {variant}\n"));
        for line in lines {
            text.push_str(&line);
            text.push('\n');
        }
        text.push_str(&format!(
            "  lacking: {}\n",
            if lacking.is_empty() {
                "none".to_owned()
            } else {
                lacking.join(", ")
            }
        ));
    } else {
        text.push_str(&format!("{code}: documented by no page\n"));
    }
    out.write_all(text.as_bytes()).map_err(write_error)?;
    Ok(if documented { EXIT_AGREE } else { EXIT_DIFFER })
}
