//! Barred units: from a table headed "Barred …" (each row a unit and the unit it is barred
//! with), and from a unit page's sentence "This unit cannot be taken together with unit
//! CSP14 Create a good impression…". A pair printed more than once is one pair, cited
//! where first printed; a sentence whose title is not the named unit's is not read.

use std::sync::LazyLock;

use regex::Regex;

use super::draft::Unread;
use super::found::Cited;
use super::source::Source;
use super::units::{fold, same_code, UnitRead};

/// Two units that may not both be taken, by the codes printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BarredRead {
    /// The two units, as printed.
    pub units: [String; 2],
    /// The row's line.
    pub line: usize,
}

static SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bcannot\s+be\s+taken\s+(?:together\s+)?with\s+(?:the\s+)?(?:unit\s+)?([A-Z]{2,5}[0-9]{2,3}|[A-Z]/[0-9]{3}/[0-9]{4})\b,?\s*([^.]*)")
        .unwrap()
});

/// The unit named `name` (by code or reference), if one was read.
fn unit<'a>(units: &'a [UnitRead], name: &str) -> Option<&'a UnitRead> {
    units.iter().find(|u| {
        u.code.value().is_some_and(|c| same_code(c, name))
            || u.reference.value().is_some_and(|r| r == name)
    })
}

struct Pairs<'a> {
    out: Vec<BarredRead>,
    units: &'a [UnitRead],
    unread: &'a mut Vec<Unread>,
}

impl Pairs<'_> {
    fn add(&mut self, pair: [String; 2], n: usize) {
        if let Some(missing) = pair.iter().find(|p| unit(self.units, p).is_none()) {
            self.unread.push(Unread::new(
                format!("line {n}: barred pair"),
                format!("no unit `{}` was read", crate::text::excerpt(missing)),
            ));
            return;
        }
        let same = |b: &BarredRead| {
            b.units
                .iter()
                .all(|u| pair.iter().any(|p| p.eq_ignore_ascii_case(u)))
        };
        if !self.out.iter().any(same) {
            self.out.push(BarredRead {
                units: pair,
                line: n,
            });
        }
    }
}

/// Reads every barred-units table and every unit page's barring sentence; `pages` are the
/// unit pages' codes as cited on their headings. A pair naming a unit that was not read
/// is listed as unread.
pub fn read(
    source: &Source,
    units: &[UnitRead],
    pages: &[Cited<String>],
    unread: &mut Vec<Unread>,
) -> Vec<BarredRead> {
    let mut pairs = Pairs {
        out: Vec::new(),
        units,
        unread,
    };
    let mut in_table = false;
    for (n, line) in source.body() {
        let cells = super::source::cells(line);
        if cells.len() == 2 && cells[1].to_lowercase().starts_with("barred with") {
            in_table = true;
            continue;
        }
        if !in_table || line.trim().is_empty() {
            continue;
        }
        if cells.len() != 2 || cells.iter().any(|c| c.is_empty() || c.contains(' ')) {
            in_table = false;
            continue;
        }
        pairs.add([cells[0].to_string(), cells[1].to_string()], n);
    }
    for (n, line) in source.body() {
        let Some(c) = SENTENCE.captures(line) else {
            continue;
        };
        let Some(page) = pages.iter().rev().find(|p| p.line < n) else {
            continue;
        };
        let (other, title) = (&c[1], c[2].trim());
        let named = unit(units, other).and_then(|u| u.title.value());
        if !title.is_empty() && named.is_some_and(|t| fold(t) != fold(title)) {
            pairs.unread.push(Unread::new(
                format!("line {n}: barred pair"),
                format!(
                    "names unit {other} with the title \"{}\", which is not its title",
                    crate::text::excerpt(title)
                ),
            ));
            continue;
        }
        pairs.add([page.value.clone(), other.to_string()], n);
    }
    pairs.out
}
