//! The importer: a specification's plain text (OCR damage included) read into a draft
//! qualification file in the `specs/` format.
//!
//! Pure: text in, [`Draft`] out. Every value the draft states carries the source line it
//! was read from; a value the importer cannot read, or reads two different ways, is left
//! unknown and listed in [`Draft::unread`]. It never guesses: the readers follow layouts
//! (tables in tabs or spaces, unit rows, lists of titles with references, unit pages, columns
//! split apart by text extraction, rules-of-combination sentences, barred-unit tables).

mod barred;
mod columns;
mod draft;
mod found;
mod header;
mod infer;
mod pages;
pub mod review;
mod rules;
mod score;
mod source;
mod tables;
mod units;

pub use barred::BarredRead;
pub use draft::{Draft, Fact, Unread};
pub use found::{Cited, Found};
pub use header::Header;
pub use rules::{RuleKind, RuleRead, RuleScope};
#[cfg(feature = "spec-files")]
pub use score::score_import;
pub use score::{score, Counts, Score};
pub use units::{GroupRead, UnitRead};

/// Everything read from one specification, before it is written as a file.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// The qualification's own facts (title, number, awarding body, level, hours, dates).
    pub header: Header,
    /// The groups of units, in source order.
    pub groups: Vec<GroupRead>,
    /// The units, in source order.
    pub units: Vec<UnitRead>,
    /// The rules of combination.
    pub rules: Vec<RuleRead>,
    /// Barred pairs, by unit code as printed.
    pub barred: Vec<BarredRead>,
    /// What was seen but could not be read, with why.
    pub unread: Vec<Unread>,
}

/// Reads the specification `text`, from the file `file` (its name is cited in the draft).
pub fn import(file: &str, text: &str) -> Draft {
    draft::write(file, read(text))
}

/// Reads the specification `text` into its facts.
pub fn read(text: &str) -> Reading {
    let source = source::Source::new(text);
    let mut unread = Vec::new();
    let headings = pages::headings(&source);
    // The qualification's facts come before its unit pages: a unit's hours are not its.
    let first_page = headings.first().copied().unwrap_or(usize::MAX);
    let header = header::read(&source.before(first_page));
    let structure = tables::read(&source, &headings, &mut unread);
    let structure = if structure.units.is_empty() {
        columns::read(&source)
    } else {
        structure
    };
    let pages = pages::read(&source);
    let page_codes: Vec<found::Cited<String>> =
        pages.iter().filter_map(|p| p.code.clone()).collect();
    let (groups, mut units) = units::merge(structure, pages, &mut unread);
    infer::levels(&mut units);
    let rules = rules::read(&source, &groups);
    let barred = barred::read(&source, &units, &page_codes, &mut unread);
    Reading {
        header,
        groups,
        units,
        rules,
        barred,
        unread,
    }
}
