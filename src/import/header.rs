//! The qualification's own facts: title, number, awarding body, level, framework, hours,
//! dates and minimum age, read from labelled lines ("Qualification title …", "GLH 279")
//! and, for the title, from the first sentence that names the qualification.

use std::sync::LazyLock;

use regex::Regex;

use super::found::{Cited, Found, NOT_FOUND};
use super::source::Source;
use crate::catalogue::Level;

/// The header facts of one specification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// The qualification's title as printed.
    pub title: Found<String>,
    /// The awarding body.
    pub awarding_body: Found<String>,
    /// The qualification's level.
    pub level: Found<Level>,
    /// The Ofqual number (`600/4940/6`).
    pub number: Found<String>,
    /// RQF or QCF.
    pub framework: Found<String>,
    /// Guided learning hours.
    pub glh: Found<u32>,
    /// Total qualification time, in hours.
    pub tqt: Found<u32>,
    /// Dates, as printed (`1/1/2013`).
    pub start_date: Found<String>,
    /// The last date learners may register.
    pub last_registration: Found<String>,
    /// The last date learners may be certificated.
    pub last_certification: Found<String>,
    /// The qualification's end date.
    pub end_date: Found<String>,
    /// The minimum age, when printed as a number.
    pub min_age: Found<String>,
}

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap()
}

static TITLE_LABEL: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^\s*qualification title(?: and level)?\s*:?(?:\t|\s+|$)(.*)$"));
static TITLE_PROSE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b((?:[A-Z][\w&]*(?: \([A-Z][\w&]*\))? )*Level [0-9] (?:[A-Z]\w* )*?(?:Award|Certificate|Diploma|Extended Diploma)\b(?: (?:in|for|of) [^.;:]+?)?)(?: is | has |\.|,|$)",
    )
});
static NUMBER: LazyLock<Regex> = LazyLock::new(|| re(r"\b([0-9]{3}/[0-9]{4}/[0-9X])\b"));
static BODY_SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i:awarding (?:body|organisation) for this qualification is) ([A-Z][\w&]*(?: (?:&|[A-Z][\w&]*))*)",
    )
});
static BODY_BEFORE_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s*([A-Z][\w&]*(?: (?:&|[A-Z][\w&]*))*) qualification number\b"));
static TITLE_PREFIX: LazyLock<Regex> =
    LazyLock::new(|| re(r"^((?:[A-Z][\w&]*(?: \([A-Z][\w&]*\))? ?)+?) Level [0-9]"));
static LEVEL_LABEL: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s*Level\s*:?\t\s*(?:Level )?([0-9])\s*$"));
static LEVEL_IN_TITLE: LazyLock<Regex> = LazyLock::new(|| re(r"\bLevel ([0-9])\b"));
static FRAMEWORK: LazyLock<Regex> = LazyLock::new(|| re(r"\((RQF|QCF)\)"));
static GLH: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)(?:guided learning (?:\(gl\) )?hours|\bglh\b\)?)\s*:?\s*([0-9]{1,5})\b")
});
static TQT: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)(?:total qualification time(?: \(tqt\))?|\btqt\b\)?)\s*:?\s*([0-9]{1,5})\b")
});
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(qualification start date|qualification end date|last registration date|last certification date)\s*:?\s+([0-9]{1,2}/[0-9]{1,2}/[0-9]{4})\s*$",
    )
});
static MIN_AGE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^\s*minimum age\s*:?\s+([0-9]{1,2})\s*$"));

/// The first body line where `pattern` matches, with its first group.
fn first(source: &Source, pattern: &Regex) -> Option<Cited<String>> {
    source.body().find_map(|(n, line)| {
        pattern
            .captures(line)
            .map(|c| Cited::at(c[1].trim().to_string(), n))
    })
}

fn number_of(found: Option<Cited<String>>) -> Option<Cited<u32>> {
    found.and_then(|c| {
        c.value.parse().ok().map(|value| Cited {
            value,
            line: c.line,
            to: c.to,
        })
    })
}

/// Reads the header facts.
pub fn read(source: &Source) -> Header {
    let title = title(source);
    let prefix = title.as_ref().and_then(|t| {
        TITLE_PREFIX
            .captures(&t.value)
            .map(|c| Cited::at(c[1].trim().to_string(), t.line))
    });
    let awarding_body = first(source, &BODY_SENTENCE)
        .or(prefix)
        .or_else(|| first(source, &BODY_BEFORE_NUMBER));
    let level = first(source, &LEVEL_LABEL)
        .or_else(|| {
            title.as_ref().and_then(|t| {
                LEVEL_IN_TITLE
                    .captures(&t.value)
                    .map(|c| Cited::at(c[1].to_string(), t.line))
            })
        })
        .and_then(|c| {
            c.value.parse::<Level>().ok().map(|value| Cited {
                value,
                line: c.line,
                to: c.to,
            })
        });
    let mut dates = [None, None, None, None];
    let mut min_age = None;
    for (n, line) in source.body() {
        if let Some(c) = DATE.captures(line) {
            let slot = match c[1].to_ascii_lowercase().as_str() {
                "qualification start date" => 0,
                "last registration date" => 1,
                "last certification date" => 2,
                _ => 3,
            };
            dates[slot].get_or_insert(Cited::at(c[2].to_string(), n));
        }
        if let Some(c) = MIN_AGE.captures(line) {
            min_age.get_or_insert(Cited::at(c[1].to_string(), n));
        }
    }
    let [start_date, last_registration, last_certification, end_date] =
        dates.map(|d| Found::or_unknown(d, NOT_FOUND));
    Header {
        title: Found::or_unknown(title, NOT_FOUND),
        awarding_body: Found::or_unknown(awarding_body, NOT_FOUND),
        level: Found::or_unknown(level, NOT_FOUND),
        number: Found::or_unknown(first(source, &NUMBER), NOT_FOUND),
        framework: Found::or_unknown(first(source, &FRAMEWORK), NOT_FOUND),
        glh: Found::or_unknown(number_of(first(source, &GLH)), NOT_FOUND),
        tqt: Found::or_unknown(number_of(first(source, &TQT)), NOT_FOUND),
        start_date,
        last_registration,
        last_certification,
        end_date,
        min_age: Found::or_unknown(min_age, NOT_FOUND),
    }
}

/// The title: after its label (on the line, or the next filled line), else the first
/// sentence naming a qualification at a level.
fn title(source: &Source) -> Option<Cited<String>> {
    let labelled = source.body().find_map(|(n, line)| {
        let c = TITLE_LABEL.captures(line)?;
        let rest = c[1].trim();
        if rest.is_empty() {
            // A title on the next line, if it names a level (not another label).
            let (m, next) = source.next_filled(n, 3)?;
            LEVEL_IN_TITLE
                .is_match(next)
                .then(|| Cited::at(next.trim().to_string(), m))
        } else {
            Some(Cited::at(rest.to_string(), n))
        }
    });
    labelled.or_else(|| first(source, &TITLE_PROSE))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(text: &str) -> Header {
        read(&Source::new(text))
    }

    #[test]
    fn labelled_facts() {
        let h = header(
            "Qualification title\tACME Level 2 Certificate in Widgets (RQF)\n\
             Qualification number\t601/ 2345/X\nGuided learning hours\t120\nTQT 150\n\
             Minimum age 16\nQualification end date\t31/7/2026",
        );
        assert_eq!(
            h.title.stated().unwrap().value,
            "ACME Level 2 Certificate in Widgets (RQF)"
        );
        assert_eq!(h.awarding_body.stated().unwrap().value, "ACME");
        assert_eq!(h.level.value(), Some(&Level::Numbered(2)));
        assert_eq!(h.number.stated().unwrap().value, "601/2345/X");
        assert_eq!(h.framework.value().unwrap(), "RQF");
        assert_eq!(h.glh.stated().unwrap(), &Cited::at(120, 3));
        assert_eq!(h.tqt.value(), Some(&150));
        assert_eq!(h.min_age.value().unwrap(), "16");
        assert_eq!(h.end_date.stated().unwrap().line, 6);
    }

    #[test]
    fn title_from_prose_and_missing_values_unknown() {
        let h =
            header("This guide is for the ACME Level 1 Award in Making Things. It has no hours.");
        assert_eq!(
            h.title.value().unwrap(),
            "ACME Level 1 Award in Making Things"
        );
        assert!(matches!(h.glh, Found::Unknown(_)));
        assert!(matches!(h.number, Found::Unknown(_)));
    }
}
