//! The site as it ships: what the pre-renderer does to Trunk's page and to `dist/` besides
//! rendering the app. Each page loads the app after its first paint ([`loader`]) and
//! carries its Content Security Policy ([`csp`]); a qualification's page loads the planning
//! app's wasm rather than the app's ([`planning`]); the service worker gets the list of
//! files to keep and a version hashed from them ([`offline`]). Pure text in, text out,
//! except for reading `dist/` ([`offline::files`]).

pub mod csp;
pub mod loader;
pub mod offline;
pub mod planning;

use std::fmt;
use std::path::PathBuf;

/// What can stop the site from being written.
#[derive(Debug)]
pub enum SiteError {
    /// Trunk's page has no loader of the form [`loader::paint_first`] rewrites.
    NoLoader,
    /// Trunk's page has no preload of the wasm carrying its integrity digest.
    NoIntegrity,
    /// A page has no `<meta charset="utf-8">` to put its policy after.
    NoCharset,
    /// A file in `dist/` could not be read or written.
    Io {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
}

impl fmt::Display for SiteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SiteError::NoLoader => write!(f, "Trunk's loader is not in index.html"),
            SiteError::NoIntegrity => {
                write!(f, "the wasm's integrity digest is not in index.html")
            }
            SiteError::NoCharset => {
                write!(
                    f,
                    "a page has no <meta charset=\"utf-8\"> to put its policy after"
                )
            }
            SiteError::Io { path, source } => write!(f, "{}: {source}", path.display()),
        }
    }
}

impl std::error::Error for SiteError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            SiteError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
