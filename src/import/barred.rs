//! Barred units from a table headed "Barred …": each row names a unit and the unit it is
//! barred with; a pair printed both ways is one pair, cited where first printed.

use super::draft::Unread;
use super::source::Source;
use super::units::UnitRead;

/// Two units that may not both be taken, by the codes printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BarredRead {
    /// The two units, as printed.
    pub units: [String; 2],
    /// The row's line.
    pub line: usize,
}

fn known(units: &[UnitRead], name: &str) -> bool {
    units.iter().any(|u| {
        u.code.value().is_some_and(|c| c.eq_ignore_ascii_case(name))
            || u.reference.value().is_some_and(|r| r == name)
    })
}

/// Reads the rows of every barred-units table whose units are known; a row naming a unit
/// that was not read is listed as unread.
pub fn read(source: &Source, units: &[UnitRead], unread: &mut Vec<Unread>) -> Vec<BarredRead> {
    let mut out: Vec<BarredRead> = Vec::new();
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
        let pair = [cells[0].to_string(), cells[1].to_string()];
        if let Some(missing) = pair.iter().find(|p| !known(units, p)) {
            unread.push(Unread::new(
                format!("line {n}: barred pair"),
                format!("no unit `{}` was read", crate::text::excerpt(missing)),
            ));
            continue;
        }
        let same = |b: &BarredRead| {
            b.units
                .iter()
                .all(|u| pair.iter().any(|p| p.eq_ignore_ascii_case(u)))
        };
        if !out.iter().any(same) {
            out.push(BarredRead {
                units: pair,
                line: n,
            });
        }
    }
    out
}
