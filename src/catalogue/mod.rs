//! The qualification catalogue: the data model, the `specs/` file format and its validation.

pub mod checked;
mod collection;
mod date;
mod level;
pub mod limits;
mod model;
mod routes;
mod rules;
mod sourced;
mod spec_error;
mod spec_file;
mod validate;

pub mod builtin;

pub use collection::{Added, Catalogue, CentreFile, Found, Origin, Refused};
pub use date::Date;
pub use level::Level;
pub use model::{
    BarredSet, Elsewhere, Group, GroupIdx, Note, NoteKind, OnlyOneCounts, Pathway, PathwayIdx,
    Qualification, RuleEntry, Unit, UnitIdx,
};
pub use rules::{counts, group_name, Fraction, Hours, LevelFilter, Rule, Scope};
pub use sourced::{Basis, Sourced};
pub use spec_error::{BadRule, Entry, Kind, NeverMet, Problem, SpecError};
pub use spec_file::parse_spec_json;
#[cfg(feature = "spec-files")]
pub use spec_file::{parse_spec, spec_file_json};
