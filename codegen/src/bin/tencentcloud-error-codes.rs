//! `tencentcloud-error-codes`: check, export and compare the error-code tables of a docs set.

use std::io::IsTerminal;
use std::process::ExitCode;

fn main() -> ExitCode {
    // https://no-color.org: colour is off when NO_COLOR is set to anything but "".
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let code = tencentcloud_error_codes_build::cli::run(
        std::env::args_os(),
        std::io::stdout().is_terminal() && !no_color,
        &mut std::io::stdout().lock(),
        // Not locked: `update` draws its progress bar on standard error from other threads.
        &mut std::io::stderr(),
    );
    ExitCode::from(code)
}
