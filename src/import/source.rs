//! The specification's text made readable, line by line: markup and OCR damage repaired
//! without moving any line, and the table of contents marked so no page number is read as
//! a value.

use std::sync::LazyLock;

use regex::Regex;

/// The source text, one cleaned line per source line (line `n` is `lines[n - 1]`).
pub struct Source {
    lines: Vec<String>,
    contents: Vec<bool>,
}

static TAGS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"</?[a-zA-Z][^>]{0,200}>").unwrap());
static LINKS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\[([^\]]*)\]\([^)]*\)").unwrap());
static SPLIT_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b([0-9]{3}) ?/ ?([0-9]{4}) ?/ ?([0-9X])\b").unwrap());
static PAGE_ENTRY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:\.{3,}\s*|\t\s*| {2,})[0-9]{1,3}\s*$").unwrap());
static CELL_GAP: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\t| {2,}").unwrap());

/// A line's table cells: split at tabs, or at gaps of two or more spaces when the line
/// has no tab (a table laid out with spaces), each trimmed.
pub fn cells(line: &str) -> Vec<&str> {
    let line = line.trim_start();
    if line.contains('\t') {
        line.split('\t').map(str::trim).collect()
    } else {
        CELL_GAP.split(line).map(str::trim).collect()
    }
}

impl Source {
    /// Reads `text`; lines are split on `\n` as editors number them.
    pub fn new(text: &str) -> Source {
        let lines: Vec<String> = text.split('\n').map(clean).collect();
        let contents = contents(&lines);
        Source { lines, contents }
    }

    /// The text before line `n` only: later lines read as blank, numbering kept.
    pub fn before(&self, n: usize) -> Source {
        let keep = n.saturating_sub(1).min(self.lines.len());
        let mut lines = self.lines[..keep].to_vec();
        lines.resize(self.lines.len(), String::new());
        Source {
            lines,
            contents: self.contents.clone(),
        }
    }

    /// The number of lines.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// The cleaned text of line `n` (1-based); empty past the end.
    pub fn line(&self, n: usize) -> &str {
        n.checked_sub(1)
            .and_then(|i| self.lines.get(i))
            .map_or("", String::as_str)
    }

    /// Every line that is not part of a table of contents, as (number, text).
    pub fn body(&self) -> impl Iterator<Item = (usize, &str)> {
        self.lines
            .iter()
            .enumerate()
            .filter(|(i, _)| !self.contents[*i])
            .map(|(i, l)| (i + 1, l.as_str()))
    }

    /// The next non-blank body line after line `n`, within `within` lines.
    pub fn next_filled(&self, n: usize, within: usize) -> Option<(usize, &str)> {
        (n + 1..=(n + within).min(self.len()))
            .map(|m| (m, self.line(m)))
            .find(|(m, l)| !l.trim().is_empty() && !self.contents[m - 1])
    }
}

/// One line with markup removed (HTML tags, Markdown emphasis, headings and links) and
/// qualification numbers printed with stray spaces closed up (`500/ 8818/X`).
fn clean(raw: &str) -> String {
    let line = raw.trim_end_matches('\r');
    let line = TAGS.replace_all(line, "");
    let line = LINKS.replace_all(&line, "$1");
    let line = line.replace("**", "").replace('\u{a0}', " ");
    let line = line.trim_start_matches('#').trim_start_matches(' ');
    SPLIT_NUMBER.replace_all(line, "$1/$2/$3").into_owned()
}

/// Which lines belong to a table of contents: after a line reading "Contents", every line
/// ending in a page number (after a tab or dot leaders), blank lines and a "Page" heading,
/// up to the first line that is none of these.
fn contents(lines: &[String]) -> Vec<bool> {
    let mut marked = vec![false; lines.len()];
    let mut i = 0;
    while i < lines.len() {
        let heading = lines[i].trim().trim_end_matches(':');
        if heading.eq_ignore_ascii_case("contents")
            || heading.eq_ignore_ascii_case("table of contents")
        {
            let mut j = i + 1;
            while j < lines.len() {
                let l = lines[j].trim();
                if !(l.is_empty()
                    || l.eq_ignore_ascii_case("page")
                    || PAGE_ENTRY.is_match(&lines[j]))
                {
                    break;
                }
                marked[j] = true;
                j += 1;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    marked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_goes_and_numbers_close_up() {
        let s = Source::new(
            "## **Title**\n- [Deal with it A/601/1219](#)\nQAN 500/ 8818/X\n<b>Bold</b>",
        );
        assert_eq!(s.line(1), "Title");
        assert_eq!(s.line(2), "- Deal with it A/601/1219");
        assert_eq!(s.line(3), "QAN 500/8818/X");
        assert_eq!(s.line(4), "Bold");
        assert_eq!(s.line(9), "");
    }

    #[test]
    fn contents_pages_are_not_body() {
        let s = Source::new("Contents\n\n1 Profile.....\t4\n2 GLH  10\n\nProfile\nGLH\t30");
        let body: Vec<usize> = s.body().map(|(n, _)| n).collect();
        assert_eq!(body, vec![1, 6, 7]);
        let before = s.before(7);
        assert_eq!(
            (before.line(6), before.line(7), before.len()),
            ("Profile", "", 7)
        );
    }
}
