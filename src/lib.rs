#![warn(missing_docs)]
//! unit-planner: plan the optional units of a UK vocational qualification against its
//! rules of combination.
//!
//! The core is pure Rust with no web dependency: [`catalogue`] (the data model and the
//! `specs/` format), [`engine`] (evaluating a plan, and completing it), and [`cli`] (the
//! command-line checker), [`document`] (a plan as a record: its saved form, share links and
//! the browser's store), [`answers`] and [`report`] (the checker's answers as JSON, for the
//! CLI and the JavaScript API), [`completion`] ("Complete my plan" as the engine module
//! answers the app), [`text`] (outside text made safe to show), [`wording`] (the
//! sentences both front ends share) and [`summary_status`] (a plan's verdict as the page's
//! summary shows it, also from a share link alone).

pub mod answers;
pub mod catalogue;
#[cfg(feature = "cli")]
pub mod cli;
pub mod completion;
pub mod document;
pub mod engine;
pub mod import;
#[cfg(feature = "engine")]
pub mod js_api;
pub mod pathway_wording;
pub mod report;
pub mod short_sort;
#[cfg(feature = "site")]
pub mod site;
pub mod summary_status;
pub mod text;
#[cfg(feature = "tools")]
pub mod tools;
#[cfg(feature = "web")]
pub mod web;
pub mod wording;
pub mod wording_centre;
