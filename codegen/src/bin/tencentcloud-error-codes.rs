//! `tencentcloud-error-codes`: check, export and compare the error-code tables of a docs set.

use std::process::ExitCode;

fn main() -> ExitCode {
    let code = tencentcloud_error_codes_build::cli::run(
        std::env::args_os(),
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    );
    ExitCode::from(code)
}
