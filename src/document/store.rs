//! The saved-plans format kept in browser storage and in export files: versioned JSON,
//! read defensively, and merged plan by plan so that two tabs, or a file brought from
//! another device, never lose each other's work.
//!
//! Format 3 is format 2 with what later plans and exports may carry: a plan's pathway
//! (`pathway`: its id) and credit from elsewhere (`elsewhere`: `[{group, title, credits,
//! level}]`), and in an export the centre's qualification files (`centre`: each file's
//! table as JSON, its fingerprint and name, [`CentreSpec`]), so the plans on them open where
//! the file was never added. It is written only when one of these is present; otherwise
//! format 2 is written, so a build that reads only format 2 still reads it.
//!
//! Format 2 stamps each plan with when it was created and last changed, and
//! remembers deleted plans (`deleted`: id → when), so a merge knows which copy is newer and
//! that a deletion must not be undone by an older copy. Format 1 (read still) had neither.
//!
//! An export file carries `check`: `crc32:` and eight hex digits, the CRC-32 of the file's
//! content written compactly (its fields in a fixed order, `check` left out), so any edit
//! that changes what the file means is caught; the prefix names the method, so a later one
//! can be added. Export files written before the check (no `check` field) still import.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::centre::CentreSpec;
use super::PlanDoc;
use crate::catalogue::Qualification;

/// The newest format this build writes; it reads every earlier one too.
pub const VERSION: u32 = 3;
/// The format written when no plan has a pathway or credit from elsewhere and no centre
/// file goes with the plans.
const PLAIN_VERSION: u32 = 2;
/// What an export file says it is.
const EXPORT_KIND: &str = "unit-planner plans";
/// The method of an export file's check, as its `check` field names it.
const CHECK_METHOD: &str = "crc32:";

/// A plan saved in the browser.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedPlan {
    /// Unique among saved plans, on every device (chosen at random).
    pub id: u64,
    /// The plan.
    pub doc: PlanDoc,
    /// When it was created, in milliseconds since 1970 (0 when saved by format 1).
    #[serde(default)]
    pub created: u64,
    /// When it last changed, in milliseconds since 1970 (0 when saved by format 1).
    #[serde(default)]
    pub updated: u64,
}

/// Everything saved: the plans, oldest first, and the plans deleted (id → when).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Saved {
    /// The plans.
    pub plans: Vec<SavedPlan>,
    /// Deleted plans, by id, with when they were deleted.
    #[serde(default)]
    pub deleted: BTreeMap<u64, u64>,
}

/// What the stored text turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreRead {
    /// Plans in this build's format (or an earlier one).
    Plans(Saved),
    /// Plans written by a newer build; they must be left alone.
    Newer(u32),
    /// Not plans at all (corrupt, or another program's data).
    Unreadable,
}

/// The text's shape (fields written out: serde's `flatten` cannot read maps keyed by
/// numbers).
#[derive(Serialize, Deserialize)]
struct Stored {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    kind: Option<String>,
    version: u32,
    plans: Vec<SavedPlan>,
    #[serde(default)]
    deleted: BTreeMap<u64, u64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    centre: Vec<CentreSpec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    check: Option<String>,
}

/// An export file as read: exactly [`Stored`]'s fields, so a one-byte edit to a field's
/// name (`check` → `chec`) is refused rather than read as a file without a check.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExportFile {
    #[serde(default)]
    kind: Option<String>,
    version: u32,
    plans: Vec<SavedPlan>,
    #[serde(default)]
    deleted: BTreeMap<u64, u64>,
    #[serde(default)]
    centre: Vec<CentreSpec>,
    #[serde(default)]
    check: Option<String>,
}

impl Stored {
    fn of(kind: Option<&str>, saved: &Saved, centre: &[CentreSpec]) -> Stored {
        Stored {
            kind: kind.map(str::to_string),
            version: if !centre.is_empty()
                || saved
                    .plans
                    .iter()
                    .any(|p| p.doc.pathway.is_some() || !p.doc.elsewhere.is_empty())
            {
                VERSION
            } else {
                PLAIN_VERSION
            },
            plans: saved.plans.clone(),
            deleted: saved.deleted.clone(),
            centre: centre.to_vec(),
            check: None,
        }
    }

    /// The check over this content (`check` itself left out).
    fn checksum(&self) -> Result<String, serde_json::Error> {
        let content = serde_json::to_string(&Stored {
            check: None,
            kind: self.kind.clone(),
            version: self.version,
            plans: self.plans.clone(),
            deleted: self.deleted.clone(),
            centre: self.centre.clone(),
        })?;
        Ok(format!(
            "{CHECK_METHOD}{:08x}",
            crc32fast::hash(content.as_bytes())
        ))
    }

    fn saved(self) -> Saved {
        Saved {
            plans: self.plans,
            deleted: self.deleted,
        }
    }
}

#[derive(Deserialize)]
struct VersionOnly {
    version: u32,
}

/// Reads stored text; never panics, whatever the text.
pub fn read(text: &str) -> StoreRead {
    match serde_json::from_str::<VersionOnly>(text) {
        Ok(v) if v.version > VERSION => StoreRead::Newer(v.version),
        Ok(v) if v.version >= 1 => match serde_json::from_str::<Stored>(text) {
            Ok(stored) => StoreRead::Plans(stored.saved()),
            Err(_) => StoreRead::Unreadable,
        },
        _ => StoreRead::Unreadable,
    }
}

/// The text to store for `saved`.
pub fn write(saved: &Saved) -> Result<String, serde_json::Error> {
    serde_json::to_string(&Stored::of(None, saved, &[]))
}

/// An export file of every plan (deletions are not exported).
pub fn export(saved: &Saved) -> Result<String, serde_json::Error> {
    export_with(saved, &[])
}

/// An export file of every plan with the centre's qualification files (format 3 when
/// there are any).
pub fn export_with(saved: &Saved, centre: &[CentreSpec]) -> Result<String, serde_json::Error> {
    let plans = Saved {
        plans: saved.plans.clone(),
        deleted: BTreeMap::new(),
    };
    let mut stored = Stored::of(Some(EXPORT_KIND), &plans, centre);
    stored.check = Some(stored.checksum()?);
    serde_json::to_string_pretty(&stored)
}

/// Whether `a` is the copy two tabs keep of a plan: the newer, and between equal times the
/// one greater by content (its JSON, so the wasm carries no `Debug` of a plan), so every
/// tab picks the same copy.
fn newer(a: &SavedPlan, b: &SavedPlan) -> bool {
    let content = |p: &SavedPlan| serde_json::to_string(&p.doc).unwrap_or_default();
    a.updated > b.updated || (a.updated == b.updated && content(a) > content(b))
}

/// Two saves merged plan by plan: the newer copy of each plan wins; a deletion wins over
/// every copy made before it, and a copy changed after it survives the deletion. The
/// result does not depend on the order of the arguments.
pub fn merge(a: &Saved, b: &Saved) -> Saved {
    let mut deleted = a.deleted.clone();
    for (&id, &at) in &b.deleted {
        let when = deleted.entry(id).or_insert(at);
        *when = (*when).max(at);
    }
    let mut plans: BTreeMap<u64, SavedPlan> = BTreeMap::new();
    for plan in a.plans.iter().chain(&b.plans) {
        match plans.get(&plan.id) {
            Some(kept) if !newer(plan, kept) => {}
            _ => {
                plans.insert(plan.id, plan.clone());
            }
        }
    }
    plans.retain(|id, plan| deleted.get(id).is_none_or(|&at| plan.updated > at));
    for id in plans.keys() {
        deleted.remove(id);
    }
    let mut plans: Vec<SavedPlan> = plans.into_values().collect();
    in_order(&mut plans);
    Saved { plans, deleted }
}

/// Plans in the order they are kept: oldest first (a short sort: the standard one is about
/// 4 KB of wasm per instance).
fn in_order(plans: &mut [SavedPlan]) {
    crate::short_sort::sort_by_key(plans, |p| (p.created, p.id));
}

/// What an import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Imported {
    /// Plans that were not here.
    pub added: usize,
    /// Plans here that the file had a newer copy of.
    pub updated: usize,
    /// Plans here already, as new or newer.
    pub unchanged: usize,
    /// Plans here whose copy in the file differs but is not newer (changed at the same
    /// time): the one here is kept.
    pub kept: usize,
    /// Plans for qualifications not in this catalogue, left out.
    pub skipped: usize,
}

/// Why a file cannot be imported; nothing has been changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// Not an export of this planner.
    NotAnExport,
    /// Written by a newer version of the planner.
    Newer(u32),
    /// An export whose content no longer matches its check: edited or damaged since.
    Damaged,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::NotAnExport => write!(
                f,
                "this file is not a unit-planner export, or it is damaged; nothing was imported"
            ),
            ImportError::Newer(v) => write!(
                f,
                "this file was exported by a newer version of the planner (format {v}); nothing was imported"
            ),
            ImportError::Damaged => write!(
                f,
                "this export file has been changed or damaged since it was exported (its check does not match); nothing was imported"
            ),
        }
    }
}

impl std::error::Error for ImportError {}

/// The content of an export file, its check verified when it has one (files exported
/// before the check have none).
fn export_content(text: &str) -> Result<Stored, ImportError> {
    let file: ExportFile = match serde_json::from_str::<VersionOnly>(text) {
        Ok(v) if v.version > VERSION => return Err(ImportError::Newer(v.version)),
        Ok(_) => serde_json::from_str(text).map_err(|_| ImportError::NotAnExport)?,
        Err(_) => return Err(ImportError::NotAnExport),
    };
    if file.kind.as_deref() != Some(EXPORT_KIND) {
        return Err(ImportError::NotAnExport);
    }
    let stored = Stored {
        kind: file.kind,
        version: file.version,
        plans: file.plans,
        deleted: file.deleted,
        centre: file.centre,
        check: None,
    };
    match file.check {
        None => Ok(stored),
        Some(check) if stored.checksum().is_ok_and(|sum| sum == check) => Ok(stored),
        Some(_) => Err(ImportError::Damaged),
    }
}

/// The centre's qualification files an export file carries (none before format 3), its
/// check verified.
pub fn centre_files(text: &str) -> Result<Vec<CentreSpec>, ImportError> {
    export_content(text).map(|stored| stored.centre)
}

/// Brings the plans of an export file into `saved`. A plan already here (the same id, or
/// the same content) is not duplicated; a copy in the file replaces the one here only when
/// it changed later (never on a tie); a plan deleted here comes back, since importing it
/// asks for it. A damaged file changes nothing.
pub fn import(
    saved: &Saved,
    text: &str,
    catalogue: &[Qualification],
) -> Result<(Saved, Imported), ImportError> {
    let stored = export_content(text)?;
    let mut next = saved.clone();
    let mut report = Imported::default();
    for plan in stored.plans {
        if !catalogue.iter().any(|q| q.id == plan.doc.qualification) {
            report.skipped += 1;
            continue;
        }
        next.deleted.remove(&plan.id);
        match next
            .plans
            .iter_mut()
            .find(|p| p.id == plan.id || p.doc == plan.doc)
        {
            Some(here) if here.id == plan.id && plan.updated > here.updated => {
                *here = plan;
                report.updated += 1;
            }
            Some(here) if here.doc != plan.doc && here.updated == plan.updated => {
                report.kept += 1;
            }
            Some(_) => report.unchanged += 1,
            None => {
                next.plans.push(plan);
                report.added += 1;
            }
        }
    }
    in_order(&mut next.plans);
    Ok((next, report))
}
