//! Text from outside (a file, a link, a CSV row, an argument) made safe to show: control
//! characters made visible, and long text cut to a short excerpt.

use std::fmt::Write;

/// Longest excerpt of outside text quoted in a message, in characters.
pub const EXCERPT: usize = 40;

/// Whether `c` could change what a terminal or a reader sees, or break a line: C0 and C1
/// controls (line feed, carriage return and next line among them), DEL, the line and
/// paragraph separators, the bidirectional marks, overrides and isolates (the Arabic
/// letter mark too), and the invisible zero-width space, word joiner, invisible operators
/// and byte-order mark. Zero-width joiners are kept: emoji and scripts need them.
pub fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}'
                | '\u{180e}'
                | '\u{200b}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{2028}'..='\u{202e}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}'
                | '\u{feff}'
        )
}

/// `text` with every control character shown as an escape (`\u{1b}`), newlines included.
pub fn visible(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_hidden(c) {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    out
}

/// Several lines of output with control characters made visible inside each line; the
/// line breaks themselves are kept.
pub fn visible_lines(text: &str) -> String {
    text.split('\n').map(visible).collect::<Vec<_>>().join("\n")
}

/// `text` cut to at most `max` characters, ending in `…` when cut.
pub fn shortened(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    text.chars().take(max.saturating_sub(1)).collect::<String>() + "…"
}

/// At most [`EXCERPT`] characters of `text`, made visible, with `…` when cut.
pub fn excerpt(text: &str) -> String {
    let cut: String = text.chars().take(EXCERPT).collect();
    let shown = visible(&cut);
    if text.chars().count() > EXCERPT {
        shown + "…"
    } else {
        shown
    }
}

/// `problems` as lines, at most `limit` of them, then one line saying how many more.
pub fn capped<T: std::fmt::Display>(problems: &[T], limit: usize) -> Vec<String> {
    let mut out: Vec<String> = problems.iter().take(limit).map(T::to_string).collect();
    if problems.len() > limit {
        let more = problems.len() - limit;
        out.push(format!(
            "… and {more} more problem{}",
            if more == 1 { "" } else { "s" }
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_become_visible() {
        assert_eq!(visible("a\u{1b}[31mb\u{7}"), "a\\u{1b}[31mb\\u{7}");
        assert_eq!(visible("x\ny\r"), "x\\u{a}y\\u{d}");
        assert_eq!(visible("\u{9b}2J\u{202e}"), "\\u{9b}2J\\u{202e}");
        assert_eq!(visible("Café – ok"), "Café – ok");
        assert_eq!(
            visible("a\u{61c}b\u{200b}c\u{2028}d\u{2029}e\u{feff}f\u{85}g"),
            "a\\u{61c}b\\u{200b}c\\u{2028}d\\u{2029}e\\u{feff}f\\u{85}g"
        );
        assert_eq!(visible("👩\u{200d}🔧"), "👩\u{200d}🔧", "joiners stay");
        assert_eq!(visible_lines("a\u{1b}\nb"), "a\\u{1b}\nb");
    }

    #[test]
    fn shortened_text_keeps_its_limit_and_says_it_was_cut() {
        assert_eq!(shortened("abc", 3), "abc");
        assert_eq!(shortened("abcd", 3), "ab…");
        assert_eq!(shortened("ééééé", 4).chars().count(), 4);
    }

    #[test]
    fn excerpts_are_short_and_marked_when_cut() {
        assert_eq!(excerpt("short"), "short");
        let long = "x".repeat(900_000);
        let shown = excerpt(&long);
        assert_eq!(shown.chars().count(), EXCERPT + 1);
        assert!(shown.ends_with('…'));
    }

    #[test]
    fn long_problem_lists_are_capped_with_a_count() {
        let problems: Vec<u32> = (0..100).collect();
        let lines = capped(&problems, 30);
        assert_eq!(lines.len(), 31);
        assert_eq!(lines[30], "… and 70 more problems");
        assert_eq!(capped(&problems[..31], 30)[30], "… and 1 more problem");
        assert_eq!(capped(&problems[..30], 30).len(), 30);
    }
}
