//! The service worker (`web/sw.js`) as it ships: preceded by the files it keeps (every
//! page and asset in `dist/`, not precompressed copies, the worker itself or the API's
//! example page and script) and a version that changes whenever any of them does, so each
//! release has its own cache.

use std::path::Path;

use sha2::{Digest, Sha256};
use walkdir::WalkDir;

use super::SiteError;

/// The worker's code, before the list and version.
const WORKER: &str = include_str!("../../web/sw.js");

/// A file the worker keeps.
#[derive(Debug, PartialEq, Eq)]
pub struct Kept {
    /// The address it is fetched by (`/q/{id}/` for `q/{id}/index.html`).
    pub key: String,
    /// Its content.
    pub bytes: Vec<u8>,
}

/// The files under `dist` the worker keeps, by address.
pub fn kept(dist: &Path) -> Result<Vec<Kept>, SiteError> {
    let io = |path: &Path, source| SiteError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut kept = Vec::new();
    for entry in WalkDir::new(dist) {
        let entry = entry.map_err(|e| io(dist, e.into()))?;
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry.path().strip_prefix(dist).expect("walked from dist");
        let rel: String = rel
            .components()
            .map(|c| format!("/{}", c.as_os_str().to_string_lossy()))
            .collect();
        if rel.ends_with(".gz")
            || rel.ends_with(".br")
            || ["/sw.js", "/embed.html", "/embed.js"].contains(&rel.as_str())
        {
            continue;
        }
        let key = match rel.strip_suffix("index.html") {
            Some(dir) if dir.ends_with('/') => dir.to_string(),
            _ => rel,
        };
        let bytes = std::fs::read(entry.path()).map_err(|e| io(entry.path(), e))?;
        kept.push(Kept { key, bytes });
    }
    kept.sort_by(|a, b| a.key.cmp(&b.key));
    Ok(kept)
}

/// `dist/sw.js`: `const VERSION` (the first 16 hex digits of a SHA-256 over each kept
/// file's address and content) and `const FILES` (their addresses), then the worker.
pub fn worker(kept: &[Kept]) -> String {
    let mut digest = Sha256::new();
    for file in kept {
        digest.update(file.key.as_bytes());
        digest.update([0]);
        digest.update(&file.bytes);
    }
    let version: String = digest.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let files = if kept.is_empty() {
        "[]".to_string()
    } else {
        let keys: Vec<String> = kept
            .iter()
            .map(|f| serde_json::to_string(&f.key).expect("a string serialises"))
            .collect();
        format!("[\n{}\n]", keys.join(",\n"))
    };
    format!("const VERSION = \"{version}\";\nconst FILES = {files};\n{WORKER}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept_file(key: &str, bytes: &[u8]) -> Kept {
        Kept {
            key: key.into(),
            bytes: bytes.into(),
        }
    }

    #[test]
    fn the_worker_lists_every_file_with_a_version_hashed_from_them() {
        let files = [
            kept_file("/", b"home"),
            kept_file("/app.js", b"js"),
            kept_file("/q/a/", b"qa"),
        ];
        // The version, from Python's hashlib.sha256(b"/\0home/app.js\0js/q/a/\0qa").
        let head = "const VERSION = \"a4ef9e75a00d738a\";\nconst FILES = [\n\"/\",\n\"/app.js\",\n\"/q/a/\"\n];\n";
        assert_eq!(worker(&files), format!("{head}{WORKER}"));
        let mut changed = files;
        changed[2].bytes[0] = b'Q';
        assert!(
            !worker(&changed).starts_with(head),
            "any change makes a new version"
        );
    }

    #[test]
    fn pages_are_kept_by_address_and_copies_left_out() {
        let dist = std::env::temp_dir().join(format!("unit-planner-kept-{}", std::process::id()));
        std::fs::create_dir_all(dist.join("q/a")).unwrap();
        for file in [
            "index.html",
            "q/a/index.html",
            "app.js",
            "app.js.gz",
            "app.js.br",
            "sw.js",
            "embed.html",
            "embed.js",
            "404.html",
        ] {
            std::fs::write(dist.join(file), file).unwrap();
        }
        let found = kept(&dist);
        std::fs::remove_dir_all(&dist).unwrap();
        assert_eq!(
            found.unwrap(),
            [
                kept_file("/", b"index.html"),
                kept_file("/404.html", b"404.html"),
                kept_file("/app.js", b"app.js"),
                kept_file("/q/a/", b"q/a/index.html"),
            ]
        );
    }
}
