//! Units as seen in each place of the text (a table row, a list item, a unit page, split
//! columns) merged into one unit each: a value printed the same way everywhere is kept
//! with its first line; a value printed two ways is left unknown, naming both lines.

use super::draft::Unread;
use super::found::{Cited, Found, NOT_FOUND};
use crate::catalogue::Level;

/// A group of units as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupRead {
    /// The id written to the draft: the letter of "(Group A)" when printed, else `G1`, ….
    pub id: String,
    /// The heading, as printed.
    pub name: Found<String>,
    /// Whether the heading calls the units mandatory.
    pub mandatory: bool,
}

/// One unit as seen in one place of the text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sighting {
    /// The group it was listed under, if any.
    pub group: Option<usize>,
    /// The awarding body's code (`CSP04`, `Unit 01`, `4430-301`).
    pub code: Option<Cited<String>>,
    /// The Ofqual reference (`A/601/6047`).
    pub reference: Option<Cited<String>>,
    /// The title.
    pub title: Option<Cited<String>>,
    /// The level.
    pub level: Option<Cited<Level>>,
    /// The credit value.
    pub credits: Option<Cited<u32>>,
    /// Guided learning hours.
    pub glh: Option<Cited<u32>>,
    /// The National Occupational Standard code printed beside the title.
    pub nos: Option<Cited<String>>,
}

/// The groups and units of a structure table, list or diagram.
#[derive(Debug, Clone, Default)]
pub struct Structure {
    /// Groups in source order.
    pub groups: Vec<GroupRead>,
    /// Units in source order.
    pub units: Vec<Sighting>,
}

/// One unit after merging every sighting of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitRead {
    /// Index into the groups, if the unit was listed under one.
    pub group: Option<usize>,
    /// The awarding body's code.
    pub code: Found<String>,
    /// The Ofqual reference.
    pub reference: Found<String>,
    /// The title.
    pub title: Found<String>,
    /// The level.
    pub level: Found<Level>,
    /// The credit value.
    pub credits: Found<u32>,
    /// Guided learning hours.
    pub glh: Found<u32>,
    /// The NOS code.
    pub nos: Found<String>,
}

/// A field while sightings are merged.
#[derive(Default)]
enum Slot<T> {
    #[default]
    Empty,
    Seen(Cited<T>),
    Conflict(String),
}

impl<T: PartialEq + std::fmt::Display + Clone> Slot<T> {
    fn add(&mut self, seen: Option<Cited<T>>, same: impl Fn(&T, &T) -> Option<T>) {
        let Some(seen) = seen else { return };
        *self = match std::mem::replace(self, Slot::Empty) {
            Slot::Empty => Slot::Seen(seen),
            Slot::Seen(old) => match same(&old.value, &seen.value) {
                Some(v) if v == old.value => Slot::Seen(old),
                Some(v) => Slot::Seen(Cited { value: v, ..seen }),
                None => Slot::Conflict(format!(
                    "printed two ways: \"{}\" on line {} and \"{}\" on line {}",
                    old.value, old.line, seen.value, seen.line
                )),
            },
            conflict => conflict,
        };
    }

    fn found(self, what: &str, unread: &mut Vec<Unread>, name: &str) -> Found<T> {
        match self {
            Slot::Empty => Found::Unknown(NOT_FOUND.into()),
            Slot::Seen(c) => Found::Stated(c),
            Slot::Conflict(why) => {
                unread.push(Unread::new(format!("{name}: {what}"), why.clone()));
                Found::Unknown(why)
            }
        }
    }
}

fn equal<T: PartialEq + Clone>(a: &T, b: &T) -> Option<T> {
    (a == b).then(|| a.clone())
}

/// Text compared as a reader would: spacing, case and apostrophes aside.
pub fn fold(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('’', "'")
        .to_lowercase()
}

/// Two titles agree when equal but for spacing, case and apostrophes; when one is the
/// other cut short at a word (a title wrapped in a table), the longer is kept.
fn same_title(a: &str, b: &str) -> Option<String> {
    let (fa, fb) = (fold(a), fold(b));
    if fa == fb || fa.starts_with(&format!("{fb} ")) {
        Some(a.to_string())
    } else if fb.starts_with(&format!("{fa} ")) {
        Some(b.to_string())
    } else {
        None
    }
}

#[derive(Default)]
struct Merging {
    group: Option<usize>,
    codes: Vec<String>,
    code: Slot<String>,
    reference: Slot<String>,
    title: Slot<String>,
    level: Slot<Level>,
    credits: Slot<u32>,
    glh: Slot<u32>,
    nos: Slot<String>,
}

impl Merging {
    fn add(&mut self, s: Sighting) {
        self.group = self.group.or(s.group);
        if let Some(c) = &s.code {
            self.codes.push(c.value.clone());
        }
        self.code
            .add(s.code, |a, b| same_code(a, b).then(|| a.clone()));
        self.reference.add(s.reference, equal);
        self.title.add(s.title, |a, b| same_title(a, b));
        self.level.add(s.level, equal);
        self.credits.add(s.credits, equal);
        self.glh.add(s.glh, equal);
        self.nos.add(s.nos, equal);
    }

    /// Whether sighting `s` has this unit's code ("Unit 301" is "4430-301").
    fn has_code_of(&self, s: &Sighting) -> bool {
        s.code
            .as_ref()
            .is_some_and(|code| self.codes.iter().any(|c| same_code(c, &code.value)))
    }

    /// Whether sighting `s` has this unit's reference.
    fn has_reference_of(&self, s: &Sighting) -> bool {
        matches!((&self.reference, &s.reference), (Slot::Seen(a), Some(b)) if a.value == b.value)
    }
}

/// `Unit 301` on a unit page names the unit numbered `4430-301` in the structure.
pub fn same_code(a: &str, b: &str) -> bool {
    let short = |c: &str| {
        c.strip_prefix("Unit ")
            .map(|n| n.trim().to_string())
            .or_else(|| c.rsplit_once('-').map(|(_, n)| n.to_string()))
    };
    a.eq_ignore_ascii_case(b)
        || (short(a).is_some()
            && short(a) == short(b)
            && a != b
            && (a.starts_with("Unit ") || b.starts_with("Unit ")))
}

/// Merges the structure's units with the unit pages: a page joins the unit with its code,
/// else the one with its reference; a page matching no unit is a unit of its own, in no group.
pub fn merge(
    structure: Structure,
    pages: Vec<Sighting>,
    unread: &mut Vec<Unread>,
) -> (Vec<GroupRead>, Vec<UnitRead>) {
    let mut merging: Vec<Merging> = Vec::new();
    for s in structure.units.into_iter().chain(pages) {
        // The unit with its code, else the one with its reference.
        let mut matches: Vec<usize> = (0..merging.len())
            .filter(|&i| merging[i].has_code_of(&s))
            .collect();
        if matches.is_empty() {
            matches = (0..merging.len())
                .filter(|&i| merging[i].has_reference_of(&s))
                .collect();
        }
        if let [one] = matches[..] {
            merging[one].add(s);
        } else {
            let mut m = Merging::default();
            m.add(s);
            merging.push(m);
        }
    }
    let units = merging
        .into_iter()
        .enumerate()
        .map(|(i, m)| {
            let name = match &m.code {
                Slot::Seen(c) => c.value.clone(),
                _ => format!("unit {}", i + 1),
            };
            UnitRead {
                group: m.group,
                code: m.code.found("code", unread, &name),
                reference: m.reference.found("reference", unread, &name),
                title: m.title.found("title", unread, &name),
                level: m.level.found("level", unread, &name),
                credits: m.credits.found("credits", unread, &name),
                glh: m.glh.found("glh", unread, &name),
                nos: m.nos.found("nos", unread, &name),
            }
        })
        .collect();
    (structure.groups, units)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen(code: &str, reference: &str, title: &str, line: usize) -> Sighting {
        Sighting {
            code: Some(Cited::at(code.into(), line)),
            reference: Some(Cited::at(reference.into(), line)),
            title: Some(Cited::at(title.into(), line)),
            ..Sighting::default()
        }
    }

    #[test]
    fn agreeing_sightings_merge_and_conflicts_are_unknown() {
        let structure = Structure {
            groups: vec![],
            units: vec![seen("CSP02", "M/601/6076", "Apply the rules of the", 94)],
        };
        let pages = vec![seen(
            "CSP02",
            "R/601/6071",
            "Apply the rules of the house",
            300,
        )];
        let mut unread = vec![];
        let (_, units) = merge(structure, pages, &mut unread);
        assert_eq!(units.len(), 1);
        assert!(
            matches!(units[0].reference, Found::Unknown(ref why) if why.contains("line 94") && why.contains("line 300"))
        );
        assert_eq!(
            units[0].title.stated().unwrap(),
            &Cited::at("Apply the rules of the house".into(), 300)
        );
        assert_eq!(unread.len(), 1);
    }

    #[test]
    fn unit_pages_name_numbered_units() {
        assert!(same_code("Unit 301", "4430-301"));
        assert!(same_code("4430-301", "Unit 301"));
        assert!(!same_code("4430-301", "4431-301"));
        assert!(same_code("Unit 01", "unit 01"));
    }
}
