//! A centre's own qualification file as the browser keeps it: the file's table as JSON
//! (as the tools worker converted it from TOML), its fingerprint and its name, so it opens
//! again without the worker. Kept in storage under a key of its own (versioned JSON) and
//! carried in export files. A file is screened before it is read: too large, control
//! characters, markup or a huge line get a short message and nothing is kept.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::catalogue::{
    checked, parse_spec_json, Added, Catalogue, CentreFile, Qualification, SpecError,
};

/// Largest centre file accepted, in bytes (the largest built-in file is under 60 KB).
pub const MAX_FILE_BYTES: usize = 512 * 1024;
/// Longest line accepted in a centre file, in characters.
pub const MAX_LINE_CHARS: usize = 2000;
/// The storage format this build writes and reads.
pub const VERSION: u32 = 1;

/// A centre's qualification file, as kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CentreSpec {
    /// The file's name, as the centre gave it.
    pub file: String,
    /// The first 16 hex digits of the SHA-256 of the file's bytes.
    pub fingerprint: String,
    /// The file's table as JSON (what `parse_spec_json` reads).
    pub spec: String,
}

impl CentreSpec {
    /// The qualification the file describes, validated as the CLI validates it.
    pub fn qualification(&self) -> Result<Qualification, SpecError> {
        parse_spec_json(&self.file, &self.spec)
    }

    /// Where a qualification read from it came from.
    pub fn origin(&self) -> CentreFile {
        CentreFile {
            fingerprint: self.fingerprint.clone(),
            file: self.file.clone(),
        }
    }
}

/// A kept file with its qualification as the tools worker read it: the checked model's
/// text ([`model_of`]), or the message saying why it does not read.
pub type ReadFile = (CentreSpec, Result<String, String>);

/// A kept file's qualification as the checked model's text, validated as the CLI validates
/// it, or the CLI's messages (shortened): what the tools worker answers, so the app holds
/// no spec-file reader.
pub fn model_of(spec: &CentreSpec) -> Result<String, String> {
    spec.qualification()
        .map(|q| checked::write(&[q]))
        .map_err(|e| crate::text::shortened(&e.to_string(), 1200))
}

/// Adds a kept file's qualification to `catalogue`: its id and what was done, or the
/// message saying why not (the CLI's messages for a file that does not validate).
pub fn add_to(catalogue: &mut Catalogue, spec: &CentreSpec) -> Result<(String, Added), String> {
    add_read(catalogue, &(spec.clone(), model_of(spec)))
}

/// Adds a file read by the tools worker to `catalogue`, as [`add_to`] does.
pub fn add_read(
    catalogue: &mut Catalogue,
    (spec, model): &ReadFile,
) -> Result<(String, Added), String> {
    let quals = checked::read(model.as_ref().map_err(String::clone)?)?;
    let qual = quals
        .into_iter()
        .next()
        .ok_or("the file holds no qualification")?;
    let id = qual.id.clone();
    let added = catalogue
        .add_centre(qual, spec.origin())
        .map_err(|e| crate::wording_centre::refused(&spec.file, e))?;
    Ok((id, added))
}

/// Why a file was refused before it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Nothing in it.
    Empty,
    /// More bytes than [`MAX_FILE_BYTES`] (how many).
    TooLarge(usize),
    /// A control character on this line.
    ControlCharacter(usize),
    /// Markup (`<script`, `<iframe`, …) on this line.
    Markup(usize),
    /// This line is longer than [`MAX_LINE_CHARS`].
    LongLine(usize),
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::Empty => write!(f, "the file is empty"),
            Refusal::TooLarge(n) => write!(
                f,
                "the file is {} KB, more than the {} KB a qualification file may have",
                n.div_ceil(1024),
                MAX_FILE_BYTES / 1024
            ),
            Refusal::ControlCharacter(line) => write!(
                f,
                "line {line} has a control character; a qualification file is plain text"
            ),
            Refusal::Markup(line) => write!(
                f,
                "line {line} has markup (`<script`, `<iframe` or the like), which a qualification file never needs"
            ),
            Refusal::LongLine(line) => write!(
                f,
                "line {line} is longer than {MAX_LINE_CHARS} characters"
            ),
        }
    }
}

/// Tags a qualification file has no use for (matched without regard to case).
const MARKUP: [&str; 6] = [
    "<script",
    "<iframe",
    "<object",
    "<embed",
    "javascript:",
    "<svg",
];

/// Screens a file's text before it is parsed: size, control characters (tab, line feed
/// and carriage return allowed), markup and line length.
pub fn screen(text: &str) -> Result<(), Refusal> {
    if text.len() > MAX_FILE_BYTES {
        return Err(Refusal::TooLarge(text.len()));
    }
    if text.trim().is_empty() {
        return Err(Refusal::Empty);
    }
    for (n, line) in text.lines().enumerate() {
        let n = n + 1;
        if line
            .chars()
            .any(|c| c.is_control() && c != '\t' && c != '\r')
        {
            return Err(Refusal::ControlCharacter(n));
        }
        if line.chars().nth(MAX_LINE_CHARS).is_some() {
            return Err(Refusal::LongLine(n));
        }
        let lower = line.to_lowercase();
        if MARKUP.iter().any(|m| lower.contains(m)) {
            return Err(Refusal::Markup(n));
        }
    }
    Ok(())
}

/// The centre files as stored.
#[derive(Serialize, Deserialize)]
struct Stored {
    version: u32,
    files: Vec<CentreSpec>,
}

/// What stored text turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoredFiles {
    /// Files in this build's format.
    Files(Vec<CentreSpec>),
    /// Written by a newer build: left alone.
    Newer(u32),
    /// Not centre files.
    Unreadable,
}

#[derive(Deserialize)]
struct VersionOnly {
    version: u32,
}

/// Reads stored text; never panics, whatever the text.
pub fn read(text: &str) -> StoredFiles {
    match serde_json::from_str::<VersionOnly>(text) {
        Ok(v) if v.version > VERSION => StoredFiles::Newer(v.version),
        Ok(_) => match serde_json::from_str::<Stored>(text) {
            Ok(stored) => StoredFiles::Files(stored.files),
            Err(_) => StoredFiles::Unreadable,
        },
        Err(_) => StoredFiles::Unreadable,
    }
}

/// The text to store for `files`.
pub fn write(files: &[CentreSpec]) -> String {
    serde_json::to_string(&Stored {
        version: VERSION,
        files: files.to_vec(),
    })
    .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::builtin;

    fn spec() -> CentreSpec {
        CentreSpec {
            file: "specs/ours.toml".into(),
            fingerprint: "0123456789abcdef".into(),
            spec: builtin::SPEC_FILES[0].1.into(),
        }
    }

    #[test]
    fn a_kept_file_opens_again_as_its_qualification() {
        let text = write(&[spec()]);
        let StoredFiles::Files(files) = read(&text) else {
            panic!("reads back")
        };
        assert_eq!(files, [spec()]);
        let qual = files[0].qualification().unwrap();
        assert_eq!(qual.id, builtin::catalogue()[0].id);
        assert_eq!(files[0].origin().fingerprint, "0123456789abcdef");
    }

    #[test]
    fn stored_text_from_elsewhere_is_never_taken_for_files() {
        assert_eq!(read("{\"version\":2,\"files\":[]}"), StoredFiles::Newer(2));
        assert_eq!(read("not json"), StoredFiles::Unreadable);
        assert_eq!(read("{\"version\":1}"), StoredFiles::Unreadable);
        assert_eq!(
            read("{\"version\":1,\"files\":[{\"file\":1}]}"),
            StoredFiles::Unreadable
        );
    }

    #[test]
    fn hostile_or_oversized_text_is_refused_before_it_is_read() {
        assert_eq!(screen("id = \"x\"\n"), Ok(()));
        assert_eq!(screen("  \n"), Err(Refusal::Empty));
        let big = "# x\n".repeat(MAX_FILE_BYTES / 4 + 1);
        assert_eq!(screen(&big), Err(Refusal::TooLarge(big.len())));
        assert_eq!(screen("a\nb\u{0}c\n"), Err(Refusal::ControlCharacter(2)));
        assert_eq!(screen("a\r\n\tb = 1\r\n"), Ok(()));
        assert_eq!(
            screen("title = \"<SCRIPT>alert(1)</script>\""),
            Err(Refusal::Markup(1))
        );
        let long = format!("a\nb\nt = \"{}\"", "x".repeat(MAX_LINE_CHARS));
        assert_eq!(screen(&long), Err(Refusal::LongLine(3)));
        assert!(Refusal::TooLarge(600 * 1024).to_string().contains("600 KB"));
    }
}
