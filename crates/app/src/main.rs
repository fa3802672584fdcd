//! The `traject` binary: the server and the administrator's commands.

mod cli;
mod config;

use std::process::ExitCode;

// glibc's allocator took about a fifth of a file read's CPU (the page is
// built from many small strings); mimalloc's thread-local free lists do the
// same work for much less.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    cli::main()
}
