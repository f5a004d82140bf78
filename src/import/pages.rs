//! Unit pages: a heading naming the unit (`Unit 01 Title (F/618/0495)`, `CSP02 – Title`,
//! `Unit 301 Title`) followed by labelled lines (`Level: 3`, `Credit value: 6`,
//! `Unit reference number: …`, `Guided learning hours 25`) up to the next heading.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use regex::Regex;

use super::found::Cited;
use super::source::Source;
use super::units::Sighting;

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap()
}

static WITH_REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^\s*(Unit [0-9]{1,3})\s+([A-Z][a-z].*?)\s*\(([A-Z]/[0-9]{3}/[0-9]{4})\)\s*\*?\s*$")
});
static DASHED: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s*([A-Z]{2,5}[0-9]{2,3})\s+[–-]\s+([A-Z][a-z].*?)\s*$"));
static NUMBERED: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s*(Unit [0-9]{1,3})\s+([A-Z][a-z][^\t]*?)\s*$"));
static LEVEL: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*Level\s*:?\s*(Entry [0-9]|[0-9])\s*$"));
static CREDITS: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^\s*credit value\s*:?\s*([0-9]{1,3})\s*$"));
static REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:unit reference number|unit reference|ndaq number|urn)\s*:?\s*([A-Z]/[0-9]{3}/[0-9]{4})\s*$",
    )
});
static GLH: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:guided learning (?:\(gl\) )?hours|glh)\s*:?\s*([0-9]{1,4})\s*$|recommended that ([0-9]{1,4}) hours should be allocated for this unit",
    )
});

/// How far below its heading a page must show a labelled line to count as a unit page.
const LABEL_WITHIN: usize = 10;
/// How far below its heading a page's labelled lines are read (a label further down,
/// among the unit's content, is not the unit's).
const LABELS_WITHIN: usize = 40;

fn heading(line: &str) -> Option<(String, String, Option<String>)> {
    if let Some(c) = WITH_REFERENCE.captures(line) {
        return Some((c[1].into(), c[2].into(), Some(c[3].into())));
    }
    DASHED
        .captures(line)
        .or_else(|| NUMBERED.captures(line))
        .map(|c| (c[1].into(), c[2].into(), None))
}

fn labelled(line: &str) -> bool {
    LEVEL.is_match(line) || CREDITS.is_match(line) || REFERENCE.is_match(line) || GLH.is_match(line)
}

/// Where each unit page starts, as indices into `body`: a heading with a labelled line
/// close below it.
fn starts(body: &[(usize, &str)]) -> Vec<usize> {
    (0..body.len())
        .filter(|&i| {
            heading(body[i].1).is_some()
                && body[i + 1..]
                    .iter()
                    .take(LABEL_WITHIN)
                    .any(|(_, l)| labelled(l))
        })
        .collect()
}

/// The lines that head unit pages (other readers leave them alone).
pub fn headings(source: &Source) -> BTreeSet<usize> {
    let body: Vec<(usize, &str)> = source.body().collect();
    starts(&body).into_iter().map(|i| body[i].0).collect()
}

/// Reads every unit page.
pub fn read(source: &Source) -> Vec<Sighting> {
    let body: Vec<(usize, &str)> = source.body().collect();
    let starts = starts(&body);
    let mut pages = Vec::new();
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(body.len());
        let (n, line) = body[start];
        let (code, title, reference) = heading(line).unwrap();
        let mut title = Cited::at(title, n);
        if let Some(&(m, next)) = body.get(start + 1) {
            let next = next.trim();
            if m == n + 1
                && next.chars().next().is_some_and(char::is_lowercase)
                && !labelled(next)
                && !next.ends_with('.')
            {
                title.value = format!("{} {next}", title.value);
                title.to = Some(m);
            }
        }
        let mut s = Sighting {
            code: Some(Cited::at(code, n)),
            title: Some(title),
            reference: reference.map(|r| Cited::at(r, n)),
            ..Sighting::default()
        };
        for &(m, l) in body[start + 1..end].iter().take(LABELS_WITHIN) {
            if let Some(c) = LEVEL.captures(l) {
                if s.level.is_none() {
                    s.level = c[1].parse().ok().map(|v| Cited::at(v, m));
                }
            } else if let Some(c) = CREDITS.captures(l) {
                s.credits.get_or_insert(Cited::at(c[1].parse().unwrap(), m));
            } else if let Some(c) = REFERENCE.captures(l) {
                s.reference.get_or_insert(Cited::at(c[1].to_string(), m));
            } else if let Some(c) = GLH.captures(l) {
                let hours = c.get(1).or(c.get(2)).unwrap().as_str();
                s.glh.get_or_insert(Cited::at(hours.parse().unwrap(), m));
            }
        }
        pages.push(s);
    }
    pages
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::Level;

    #[test]
    fn pages_of_each_layout() {
        let text = "Unit 01 Greet people (F/618/0495) *\n\nGuided learning hours 25\n\nLevel 2\n\n\
                    AB02 – Say goodbye\n\nUnit reference number: R/601/6071\nLevel: Entry 3\nCredit value: 3\n\
                    Unit 301 Demonstrate understanding of\ncustomers\n\nLevel: 3\nCredit value: 6\n\
                    It is recommended that 40 hours should be allocated for this unit.\n\
                    Unit 99 Not a page\n\nJust prose.\n";
        let pages = read(&Source::new(text));
        assert_eq!(pages.len(), 3);
        assert_eq!(pages[0].reference.as_ref().unwrap().value, "F/618/0495");
        assert_eq!(pages[0].glh.as_ref().unwrap(), &Cited::at(25, 3));
        assert_eq!(pages[1].level.as_ref().unwrap().value, Level::Entry(3));
        assert_eq!(
            pages[2].title.as_ref().unwrap().value,
            "Demonstrate understanding of customers"
        );
        assert_eq!(pages[2].glh.as_ref().unwrap().value, 40);
        assert_eq!(pages[2].reference, None);
    }
}
