//! The `tencentcloud-error-codes` command-line tool; see the `cli` module of the library.

use std::io::IsTerminal;
use std::process::ExitCode;

use tencentcloud_error_codes_build::cli::{run, Console};

fn main() -> ExitCode {
    let console = Console::from_env(std::io::stdout().is_terminal());
    let code = run(
        std::env::args_os(),
        console,
        &mut std::io::stdout().lock(),
        // Not locked: `update` draws its progress bar on standard error from other threads.
        &mut std::io::stderr(),
    );
    ExitCode::from(code)
}
