//! A structure diagram whose columns the text extraction split apart: runs of unit
//! numbers under repeated "unit number" headers, and elsewhere the group headings with
//! their titles, each title closed by its NOS code in brackets (`… customers (A3)`).
//! Numbers and titles are paired in order only when every group has as many numbers as
//! titles; otherwise the titles are kept without numbers.

use std::sync::LazyLock;

use regex::Regex;

use super::found::{Cited, Found};
use super::source::Source;
use super::units::{GroupRead, Sighting, Structure};

static CODE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*([0-9]{3,5}-[0-9]{2,4})\s*$").unwrap());
static COLUMN_HEADER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*unit (?:number|code)s?\s*$").unwrap());
static GROUP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*(mandatory|optional) units?\b[^.]{0,80}$").unwrap());
static CLOSES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(.*?)\s*\(([A-Z]{1,2}[0-9]{1,2})\)\s*$").unwrap());

/// Lines an entry may run over before the titles are taken to have ended.
const MAX_ENTRY_LINES: usize = 3;

struct Entry {
    group: usize,
    title: Cited<String>,
    nos: Cited<String>,
}

/// Reads a split diagram, if the text has one.
pub fn read(source: &Source) -> Structure {
    let body: Vec<(usize, &str)> = source.body().collect();
    let Some(first) = body.iter().position(|(_, l)| COLUMN_HEADER.is_match(l)) else {
        return Structure::default();
    };
    let header_at = |i: usize| {
        COLUMN_HEADER.is_match(body[i].1)
            || body
                .get(i + 1)
                .is_some_and(|(_, l)| COLUMN_HEADER.is_match(l))
    };
    let mut blocks: Vec<Vec<Cited<String>>> = Vec::new();
    let mut groups: Vec<GroupRead> = Vec::new();
    let mut entries: Vec<Entry> = Vec::new();
    let mut open: Vec<(usize, String)> = Vec::new();
    let mut last_header = false;
    for (i, &(n, line)) in body.iter().enumerate().skip(first.saturating_sub(1)) {
        if line.trim().is_empty() {
            continue;
        }
        if header_at(i) {
            if !last_header {
                blocks.push(Vec::new());
            }
            last_header = true;
            continue;
        }
        last_header = false;
        if let Some(c) = CODE.captures(line) {
            if let Some(block) = blocks.last_mut() {
                block.push(Cited::at(c[1].to_string(), n));
            }
            continue;
        }
        if open.is_empty() && GROUP.is_match(line) {
            groups.push(GroupRead {
                id: format!("G{}", groups.len() + 1),
                name: Found::Stated(Cited::at(line.trim().to_string(), n)),
                mandatory: line.to_lowercase().contains("mandatory"),
            });
            continue;
        }
        if groups.is_empty() {
            continue;
        }
        if let Some(c) = CLOSES.captures(line) {
            let text = c[1].trim();
            if !text.is_empty() {
                open.push((n, text.to_string()));
            }
            let Some(&(start, _)) = open.first() else {
                break;
            };
            let last = open.last().unwrap().0;
            let title = open
                .iter()
                .map(|(_, t)| t.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            entries.push(Entry {
                group: groups.len() - 1,
                title: Cited {
                    value: title,
                    line: start,
                    to: (last != start).then_some(last),
                },
                nos: Cited::at(c[2].to_string(), n),
            });
            open.clear();
            continue;
        }
        open.push((n, line.trim().to_string()));
        if open.len() > MAX_ENTRY_LINES {
            break;
        }
    }
    let counts: Vec<usize> = (0..groups.len())
        .map(|g| entries.iter().filter(|e| e.group == g).count())
        .collect();
    let blocks: Vec<Vec<Cited<String>>> = blocks.into_iter().filter(|b| !b.is_empty()).collect();
    let paired =
        blocks.len() == groups.len() && blocks.iter().map(Vec::len).eq(counts.iter().copied());
    let mut codes = blocks.into_iter().flatten();
    let units = entries
        .into_iter()
        .map(|e| Sighting {
            group: Some(e.group),
            code: if paired { codes.next() } else { None },
            title: Some(e.title),
            nos: Some(e.nos),
            ..Sighting::default()
        })
        .collect();
    Structure { groups, units }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPLIT: &str = "Unit\nunit number\n\n100-301\n100-302\nAwarding body\nunit number\n\n\
        Mandatory Units - Basics\nKnow the basics (F3)\nApply the rules that\nmatter (F4)\n\
        Optional Units - Extras\nBe kind\n100-999\n(A1)\nTotal time\n\nThe rest is prose that goes on.\n";

    #[test]
    fn codes_pair_with_titles_when_the_counts_agree() {
        let s = read(&Source::new(SPLIT));
        assert_eq!(s.groups.len(), 2);
        assert!(s.groups[0].mandatory);
        assert_eq!(s.units.len(), 3);
        assert_eq!(
            s.units[1].title.as_ref().unwrap().value,
            "Apply the rules that matter"
        );
        assert_eq!(s.units[1].title.as_ref().unwrap().to, Some(12));
        assert_eq!(s.units[1].code.as_ref().unwrap().value, "100-302");
        assert_eq!(s.units[2].title.as_ref().unwrap().value, "Be kind");
    }

    #[test]
    fn counts_that_disagree_leave_the_codes_out() {
        let s = read(&Source::new(
            &SPLIT.replace("100-999\n", "100-999\n100-998\n"),
        ));
        assert_eq!(s.units.len(), 3);
        assert!(s.units.iter().all(|u| u.code.is_none()));
    }
}
