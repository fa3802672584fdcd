//! The `traject` binary: the server and the administrator's commands.

mod cli;
mod config;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::main()
}
