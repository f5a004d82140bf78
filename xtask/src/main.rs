//! The build and test steps, named as a newcomer reads them (`cargo xtask COMMAND`, an
//! alias in `.cargo/config.toml`); `scripts/serve.sh` and `scripts/test.sh` call it.
//!
//! - `setup`: installs what a fresh machine lacks, once (`scripts/setup-web.sh`).
//! - `build-web`: the release site in `dist/`: Trunk compiles the app to wasm and writes
//!   `dist/index.html`; the `prerender` binary writes every page and `sw.js` from it; Node's
//!   zlib writes the `.br` and `.gz` copies (`scripts/compress.mjs`).
//! - `serve`: builds, then serves `dist/` as a host should (`scripts/serve.mjs`).
//! - `test`: every test: native, wasm components in headless Chromium, then the built
//!   site in Chromium (`tests/e2e/`).

use std::path::{Path, PathBuf};
use std::process::{exit, Command};

const USAGE: &str = "usage: cargo xtask setup | build-web | serve | test";

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask sits in the repository")
        .to_path_buf();
    let command = std::env::args().nth(1).unwrap_or_default();
    let steps = match command.as_str() {
        "setup" => setup(),
        "build-web" => [setup(), build_web()].concat(),
        "serve" => [setup(), build_web(), serve()].concat(),
        "test" => {
            if !root.join("../shared/seeds").is_dir() {
                fail("../shared/seeds is missing; the golden tests read the source specifications from there");
            }
            [setup(), test()].concat()
        }
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            return;
        }
        _ => fail(USAGE),
    };
    for step in steps {
        run(&root, step);
    }
}

/// A program and its arguments.
type Step = (&'static str, Vec<&'static str>);

fn setup() -> Vec<Step> {
    vec![("scripts/setup-web.sh", vec![])]
}

fn build_web() -> Vec<Step> {
    vec![
        ("cargo", vec!["fetch", "--locked"]),
        ("trunk", vec!["build", "--release", "--offline"]),
        (
            "cargo",
            vec![
                "run",
                "--locked",
                "--quiet",
                "--no-default-features",
                "--features",
                "prerender",
                "--bin",
                "prerender",
                "--",
                "dist",
            ],
        ),
        ("node", vec!["scripts/compress.mjs", "dist"]),
    ]
}

fn serve() -> Vec<Step> {
    vec![("node", vec!["scripts/serve.mjs"])]
}

/// Native tests first (fast to fail), then the site as it ships.
fn test() -> Vec<Step> {
    [
        vec![
            ("cargo", vec!["test", "--locked", "--all-targets"]),
            (
                "cargo",
                vec!["test", "--locked", "--features", "prerender", "--lib"],
            ),
        ],
        build_web(),
        vec![
            (
                "cargo",
                vec![
                    "test",
                    "--locked",
                    "--target",
                    "wasm32-unknown-unknown",
                    "--no-default-features",
                    "--features",
                    "web,builtin",
                    "--test",
                    "web_components",
                ],
            ),
            ("node", vec!["--test", "tests/e2e/"]),
        ],
    ]
    .concat()
}

/// Runs a step in the repository, with the installed tools first on the path; stops
/// every step after one that fails.
fn run(root: &Path, (program, args): Step) {
    let home = PathBuf::from(std::env::var_os("HOME").unwrap_or_default());
    let path = std::env::join_paths(
        [root.join("node_modules/.bin"), home.join(".cargo/bin")]
            .into_iter()
            .chain(std::env::split_paths(
                &std::env::var_os("PATH").unwrap_or_default(),
            )),
    )
    .expect("paths without separators");
    let status = Command::new(program)
        .args(&args)
        .current_dir(root)
        .env("PATH", path)
        .env("CHROMEDRIVER", "/usr/bin/chromedriver")
        .status();
    match status {
        Ok(status) if status.success() => {}
        Ok(status) => fail(&format!("`{program} {}` failed ({status})", args.join(" "))),
        Err(e) => fail(&format!("cannot run {program}: {e}")),
    }
}

fn fail(message: &str) -> ! {
    eprintln!("xtask: {message}");
    exit(2)
}
