//! The structure as printed in rows: tables with a header row (cells split at tabs or gaps
//! of spaces), unit rows separated by single spaces (`Unit 01 F/618/0495 Title 2 25`, read
//! by the nearest header), and lists of titles each ending in its reference; each under
//! the heading above it.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use regex::Regex;

use super::draft::Unread;
use super::found::Cited;
use super::source::Source;
use super::units::{GroupRead, Sighting, Structure};
use crate::catalogue::Level;

/// An Ofqual unit reference.
static REFERENCE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[A-Z]/[0-9]{3}/[0-9]{4}$").unwrap());
static LIST_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*([-*•]\s*)?([A-Z][^\t]*?[a-z][^\t]*?)\s+\(?([A-Z]/[0-9]{3}/[0-9]{4})\)?\s*$")
        .unwrap()
});
static SPACED_ROW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\W*(?:\S{1,3}\s+)?(Unit [0-9]{1,3}|[A-Z]{2,5}[0-9]{2,3})\*?\s+(\S{1,3}/[0-9]{3}/[0-9]{4})\s+(\S.*?)((?:\s+(?:Entry [0-9]|[0-9]{1,3}))+)\s*$").unwrap()
});
static ROW_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"Entry [0-9]|[0-9]{1,3}").unwrap());
static GROUP_LETTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(Group ([A-Z0-9]{1,3})\)").unwrap());
static NUMBER_CELL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:Entry [0-9]|[0-9]{1,3})$").unwrap());

/// What a table column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Code,
    Reference,
    Title,
    Level,
    Credits,
    Glh,
    Other,
}

fn column(label: &str) -> Column {
    let l = label.to_lowercase();
    if l.contains("title") {
        Column::Title
    } else if l.contains("reference") || l.contains("urn") || l.contains("ofqual") {
        Column::Reference
    } else if l.contains("level") {
        Column::Level
    } else if l.contains("credit") {
        Column::Credits
    } else if l.contains("glh") || l.contains("guided") {
        Column::Glh
    } else if l.contains("code") || l.contains("unit number") {
        Column::Code
    } else {
        Column::Other
    }
}

/// Words of column headers; a line made only of them is neither a heading nor prose.
const HEADER_WORDS: [&str; 12] = [
    "unit",
    "units",
    "title",
    "level",
    "glh",
    "credit",
    "credits",
    "number",
    "reference",
    "code",
    "product",
    "regulated",
];

fn is_column_labels(line: &str) -> bool {
    let words: Vec<String> = line.split_whitespace().map(str::to_lowercase).collect();
    let known = words
        .iter()
        .filter(|w| HEADER_WORDS.contains(&w.as_str()))
        .count();
    !words.is_empty()
        && (known == words.len() || (known >= 3 && words.iter().any(|w| w == "title")))
}

/// A short line that can head a group: a few words, no sentence ending, some letters. In
/// a table's heading row, what follows a colon is the group's credits, not its name.
fn heading(line: &str, in_table: bool) -> Option<String> {
    let text = if in_table {
        line.split(':').next().unwrap_or("").trim()
    } else {
        line.trim()
    };
    let words = text.split_whitespace().count();
    let ends_sentence = text.ends_with(['.', ':', ';', ',']);
    ((1..=10).contains(&words)
        && !ends_sentence
        && text.chars().next().is_some_and(char::is_uppercase)
        && text.chars().filter(|c| c.is_alphabetic()).count() >= 4
        && !text.chars().any(|c| c.is_ascii_digit()))
    .then(|| text.to_string())
}

struct Reader<'a> {
    structure: Structure,
    pending: Option<Cited<String>>,
    current: Option<usize>,
    unread: &'a mut Vec<Unread>,
}

impl Reader<'_> {
    /// Opens the pending heading as a group, if one is waiting.
    fn group(&mut self) -> Option<usize> {
        if let Some(name) = self.pending.take() {
            let n = self.structure.groups.len() + 1;
            let id = GROUP_LETTER
                .captures(&name.value)
                .map_or(format!("G{n}"), |c| c[1].to_string());
            let id = if self.structure.groups.iter().any(|g| g.id == id) {
                format!("G{n}")
            } else {
                id
            };
            self.structure.groups.push(GroupRead {
                id,
                mandatory: name.value.to_lowercase().contains("mandatory"),
                name: super::found::Found::Stated(name),
            });
            self.current = Some(self.structure.groups.len() - 1);
        }
        self.current
    }

    fn push(&mut self, mut s: Sighting) {
        s.group = self.group();
        self.structure.units.push(s);
    }

    fn reference(&mut self, text: &str, line: usize) -> Option<Cited<String>> {
        let text = text.trim();
        if REFERENCE.is_match(text) {
            Some(Cited::at(text.to_string(), line))
        } else {
            if !text.is_empty() {
                self.unread.push(Unread::new(
                    format!("line {line}: unit reference"),
                    format!("\"{}\" is not a unit reference", crate::text::excerpt(text)),
                ));
            }
            None
        }
    }
}

fn level(text: &str, line: usize) -> Option<Cited<Level>> {
    NUMBER_CELL
        .is_match(text.trim())
        .then(|| text.trim().parse().ok())
        .flatten()
        .map(|l| Cited::at(l, line))
}

fn number(text: &str, line: usize) -> Option<Cited<u32>> {
    let t = text.trim();
    (!t.is_empty() && t.len() <= 4 && t.chars().all(|c| c.is_ascii_digit()))
        .then(|| Cited::at(t.parse().unwrap(), line))
}

/// A title ending in its reference (`- Title R/601/1209`), unless the "title" is a label,
/// or table cells run together (a gap of spaces, a number before the reference).
fn list_item(line: &str) -> Option<regex::Captures<'_>> {
    LIST_ITEM.captures(line).filter(|c| {
        let title = &c[2];
        let last = title.split_whitespace().next_back().unwrap_or("");
        !title.ends_with(':')
            && !title.contains("  ")
            && !last.chars().all(|ch| ch.is_ascii_digit())
    })
}

/// Whether the item on line `n` has an item on a filled line next to it: a list without
/// bullets is still a list, a lone sentence ending in a reference is not. `items` holds,
/// for each filled line in order, its number when it is an item, else 0.
fn in_list(items: &[usize], n: usize) -> bool {
    let Some(at) = items.iter().position(|&m| m == n) else {
        return false;
    };
    (at > 0 && items[at - 1] != 0) || items.get(at + 1).is_some_and(|&m| m != 0)
}

/// Reads the structure's rows; the lines in `skip` (unit page headings) are not rows.
pub fn read(source: &Source, skip: &BTreeSet<usize>, unread: &mut Vec<Unread>) -> Structure {
    let mut r = Reader {
        structure: Structure::default(),
        pending: None,
        current: None,
        unread,
    };
    let mut columns: Option<Vec<Column>> = None;
    let mut spaced: Vec<Column> = Vec::new();
    let body: Vec<(usize, &str)> = source.body().collect();
    let items: Vec<usize> = body
        .iter()
        .filter(|(n, l)| !l.trim().is_empty() && !skip.contains(n))
        .map(|&(n, l)| if list_item(l).is_some() { n } else { 0 })
        .collect();
    let mut i = 0;
    while i < body.len() {
        let (n, line) = body[i];
        i += 1;
        if line.trim().is_empty() || skip.contains(&n) {
            continue;
        }
        let cells = super::source::cells(line);
        let filled: Vec<&str> = cells.iter().copied().filter(|c| !c.is_empty()).collect();
        if cells.len() >= 3 {
            let kinds: Vec<Column> = cells.iter().map(|c| column(c)).collect();
            if kinds.contains(&Column::Title)
                && (kinds.contains(&Column::Reference) || kinds.contains(&Column::Code))
                && filled.len() == cells.len()
            {
                columns = Some(kinds);
                continue;
            }
        }
        if let Some(kinds) = &columns {
            if cells.len() >= 2 && filled.len() == 1 {
                r.pending = heading(filled[0], true).map(|h| Cited::at(h, n));
                continue;
            }
            // A heading row whose empty cells were not kept.
            if let Some(h) = heading(line, true).filter(|_| filled.len() == 1) {
                r.pending = Some(Cited::at(h, n));
                continue;
            }
            if cells.len() >= 2 {
                let mut s = Sighting::default();
                for (kind, cell) in kinds.clone().iter().zip(&cells) {
                    match kind {
                        Column::Code if !cell.is_empty() => {
                            s.code = Some(Cited::at(cell.trim_end_matches('*').to_string(), n));
                        }
                        Column::Reference => s.reference = r.reference(cell, n),
                        Column::Title if !cell.is_empty() => {
                            s.title = Some(Cited::at(cell.to_string(), n))
                        }
                        Column::Level => s.level = level(cell, n),
                        Column::Credits => s.credits = number(cell, n),
                        Column::Glh => s.glh = number(cell, n),
                        _ => {}
                    }
                }
                if s.title.is_some() && (s.code.is_some() || s.reference.is_some()) {
                    r.push(s);
                }
                continue;
            }
            columns = None;
        }
        if let Some(c) = SPACED_ROW.captures(line) {
            let mut s = Sighting {
                code: Some(Cited::at(c[1].to_string(), n)),
                ..Sighting::default()
            };
            s.reference = r.reference(&c[2], n);
            let mut title = Cited::at(c[3].trim().to_string(), n);
            if let Some((m, next)) = source.next_filled(n, 2) {
                let next = next.trim();
                if next.chars().next().is_some_and(char::is_lowercase)
                    && next.split_whitespace().count() <= 6
                    && !next.chars().any(|ch| ch.is_ascii_digit() || ch == '\t')
                    && !next.ends_with('.')
                {
                    title.value = format!("{} {next}", title.value);
                    title.to = Some(m);
                }
            }
            s.title = Some(title);
            let numbers: Vec<String> = ROW_NUMBER
                .find_iter(&c[4])
                .map(|m| m.as_str().to_string())
                .collect();
            let wanted: Vec<Column> = spaced
                .iter()
                .copied()
                .filter(|k| matches!(k, Column::Level | Column::Credits | Column::Glh))
                .collect();
            if wanted.len() == numbers.len() {
                for (kind, text) in wanted.iter().zip(&numbers) {
                    match kind {
                        Column::Level => s.level = level(text, n),
                        Column::Credits => s.credits = number(text, n),
                        _ => s.glh = number(text, n),
                    }
                }
            } else {
                r.unread.push(Unread::new(
                    format!("line {n}: unit row"),
                    "its numbers could not be matched to the columns of a header".into(),
                ));
            }
            r.push(s);
            continue;
        }
        if let Some(c) = list_item(line).filter(|c| c.get(1).is_some() || in_list(&items, n)) {
            let s = Sighting {
                title: Some(Cited::at(c[2].trim().to_string(), n)),
                reference: Some(Cited::at(c[3].to_string(), n)),
                ..Sighting::default()
            };
            r.push(s);
            continue;
        }
        if is_column_labels(line) {
            let labels: Vec<Column> = line.split_whitespace().map(column).collect();
            if labels
                .iter()
                .any(|k| matches!(k, Column::Level | Column::Credits | Column::Glh))
            {
                spaced = labels;
            }
            continue;
        }
        if !line.chars().any(char::is_alphanumeric) {
            continue;
        }
        r.pending = heading(line, false).map(|h| Cited::at(h, n));
        if r.pending.is_none() {
            // Prose ends a table: its header does not read rows further down.
            spaced.clear();
        }
    }
    r.structure
}

#[cfg(test)]
mod tests {
    use super::*;

    fn structure(text: &str) -> (Structure, Vec<Unread>) {
        let mut unread = vec![];
        let s = read(&Source::new(text), &BTreeSet::new(), &mut unread);
        (s, unread)
    }

    #[test]
    fn a_tab_table_under_its_headings() {
        let (s, _) = structure(
            "Code\tUnit title\tLevel\tCredit\tUnit reference number\n\
             Mandatory units (Group M): 5 credits\t\t\t\t\n\
             AB01*\tDo the first thing\t1\t3\tA/123/4567\n\
             AB02\tDo the next thing\tEntry 3\t\tB/123/456\n",
        );
        assert_eq!(s.groups.len(), 1);
        assert_eq!(s.groups[0].id, "M");
        assert!(s.groups[0].mandatory);
        assert_eq!(s.units.len(), 2);
        assert_eq!(s.units[0].code.as_ref().unwrap().value, "AB01");
        assert_eq!(s.units[0].credits.as_ref().unwrap(), &Cited::at(3, 3));
        assert_eq!(s.units[1].level.as_ref().unwrap().value, Level::Entry(3));
        assert_eq!(s.units[1].credits, None, "an empty cell is not a value");
        assert_eq!(
            s.units[1].reference, None,
            "a damaged reference is not read"
        );
    }

    #[test]
    fn spaced_rows_follow_their_header_and_wrapped_titles_join() {
        let (s, unread) = structure(
            "Optional units\n\nUnit title Level GLH\nx Unit 01 F/618/0495 Make things 2 25\n\
             Unit 02 £/618/0500 Make more of the 5 35\n\norganisation\n",
        );
        assert_eq!(s.groups.len(), 1);
        assert!(!s.groups[0].mandatory);
        assert_eq!(s.units[0].glh.as_ref().unwrap().value, 25);
        assert_eq!(
            s.units[1].title.as_ref().unwrap().value,
            "Make more of the organisation"
        );
        assert_eq!(s.units[1].reference, None);
        assert_eq!(unread.len(), 1);
    }

    #[test]
    fn a_table_laid_out_with_spaces() {
        let (s, _) = structure(
            "Code   Unit title   Level   Credit   Unit reference number\n\
             Mandatory units (Group M): 5 credits\n\
             AB01*  Do the first thing  1  3  A/123/4567\n",
        );
        assert_eq!(s.units.len(), 1);
        assert_eq!(
            s.units[0].title.as_ref().unwrap().value,
            "Do the first thing"
        );
        assert_eq!(s.units[0].credits.as_ref().unwrap().value, 3);
        assert_eq!(
            s.groups.len(),
            1,
            "a heading row ends the header's columns only at prose"
        );
    }

    #[test]
    fn cells_run_together_are_not_a_title() {
        let (s, _) = structure(
            "Units\nCSP02  Apply the law  1  3  M/601/6076\nCSP03 Work here 1 2 R/601/6071\n",
        );
        assert!(s.units.is_empty());
    }

    #[test]
    fn a_lone_sentence_ending_in_a_reference_is_not_a_unit() {
        let (s, _) = structure(
            "Units\nThe regulated number of the first unit is A/100/0001\n\nMore prose.\n",
        );
        assert!(s.units.is_empty());
        let (s, _) = structure("Units\nGreet people A/100/0001\nSay goodbye A/100/0002\n");
        assert_eq!(s.units.len(), 2);
    }

    #[test]
    fn a_header_does_not_read_rows_past_prose() {
        let (s, unread) = structure(
            "Unit title Level GLH\nUnit 01 F/618/0495 Make things 2 25\n\
             Some prose about the units follows here.\nUnit 02 F/618/0496 Make more 3 40\n",
        );
        assert_eq!(s.units[0].glh.as_ref().unwrap().value, 25);
        assert_eq!(
            (s.units[1].level.as_ref(), s.units[1].glh.as_ref()),
            (None, None)
        );
        assert_eq!(unread.len(), 1);
    }

    #[test]
    fn a_list_of_titles_with_references() {
        let (s, _) = structure(
            "Theme One\n\n- [Greet people R/601/1209](#)\n-\n - Say goodbye T/601/1221\n",
        );
        assert_eq!(s.groups[0].name.value().unwrap(), "Theme One");
        assert_eq!(s.units.len(), 2);
        assert_eq!(s.units[1].title.as_ref().unwrap().value, "Say goodbye");
    }
}
