//! The built-in catalogue: every file in `specs/`, embedded at compile time (as JSON, by
//! `build.rs`), with feature `builtin` (the CLI, the pre-renderer, the tests); and finding
//! a qualification by what a person types.

#[cfg(feature = "builtin")]
pub use embedded::*;

use super::Qualification;

#[cfg(feature = "builtin")]
mod embedded {
    use std::sync::OnceLock;

    use crate::catalogue::{parse_spec_json, Qualification, SpecError};

    include!(concat!(env!("OUT_DIR"), "/specs.rs"));

    /// Parses every embedded spec file: the qualifications that load, and the errors of those
    /// that do not.
    pub fn load() -> (Vec<Qualification>, Vec<SpecError>) {
        let mut quals = Vec::new();
        let mut errors = Vec::new();
        for (file, text) in SPEC_FILES {
            match parse_spec_json(file, text) {
                Ok(q) => quals.push(q),
                Err(e) => errors.push(e),
            }
        }
        (quals, errors)
    }

    /// The built-in catalogue, parsed once; a file that fails to load is left out and its
    /// errors are available from [`load_errors`].
    pub fn catalogue() -> &'static [Qualification] {
        cached().0.as_slice()
    }

    /// The errors from loading the built-in catalogue, if any.
    pub fn load_errors() -> &'static [SpecError] {
        cached().1.as_slice()
    }

    fn cached() -> &'static (Vec<Qualification>, Vec<SpecError>) {
        static CACHE: OnceLock<(Vec<Qualification>, Vec<SpecError>)> = OnceLock::new();
        CACHE.get_or_init(load)
    }
    /// The built-in qualification with exactly this id.
    pub fn by_id(id: &str) -> Option<&'static Qualification> {
        catalogue().iter().find(|q| q.id == id)
    }
}

/// Finds a qualification by id or qualification number, case-insensitively.
pub fn find<'a>(quals: &'a [Qualification], text: &str) -> Option<&'a Qualification> {
    let text = text.trim();
    quals.iter().find(|q| {
        q.id.eq_ignore_ascii_case(text)
            || q.number
                .value()
                .is_some_and(|n| n.eq_ignore_ascii_case(text))
    })
}
