//! A draft laid out for review beside its source: every value with the line it was read
//! from and that line's text (made safe to show), values inferred with why, values not
//! read with why; grouped as the qualification, its groups, each unit, its rules and its
//! barred units; with the counts and the draft file itself. What the browser's import page
//! shows, computed where the importer runs (the tools worker), so the page only draws it.

use serde::{Deserialize, Serialize};

use super::draft::{Draft, Unread};
use super::found::{Found, NOT_FOUND};
use super::units::UnitRead;
use crate::text::{shortened, visible};

/// Longest source line shown beside a value, in characters.
pub const SHOWN_LINE: usize = 240;

/// How many values the draft states, infers and leaves unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    /// Values read from a line.
    pub stated: usize,
    /// Values derived from stated ones.
    pub inferred: usize,
    /// Entries of the not-read list.
    pub not_read: usize,
    /// Units read.
    pub units: usize,
}

/// How a value in the review is known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "basis", rename_all = "snake_case")]
pub enum Basis {
    /// Read from these lines of the text.
    Stated {
        /// The first line (1-based).
        line: usize,
        /// The last line, when the value runs on.
        to: Option<usize>,
        /// The text of those lines as pasted, made visible and cut to [`SHOWN_LINE`].
        text: String,
    },
    /// Derived from stated values.
    Inferred {
        /// From what.
        why: String,
    },
    /// Not read.
    NotRead {
        /// Why.
        why: String,
    },
}

/// One value of the draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Row {
    /// Which value ("Credits", "Rule 2").
    pub what: String,
    /// The value as the draft has it; none when not read.
    pub value: Option<String>,
    /// How it is known.
    #[serde(flatten)]
    pub basis: Basis,
}

impl Row {
    /// The lines a stated value was read from: "55", "55–57"; none for other values.
    pub fn lines(&self) -> Option<String> {
        match self.basis {
            Basis::Stated {
                line, to: Some(to), ..
            } if to != line => Some(format!("{line}–{to}")),
            Basis::Stated { line, .. } => Some(line.to_string()),
            _ => None,
        }
    }
}

/// The values of one part of the draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// What part: "The qualification", "Unit 3: CSP04 Principles of customer service".
    pub heading: String,
    /// Its values, in the draft's order.
    pub rows: Vec<Row>,
}

/// The whole review of one draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    /// The counts.
    pub counts: Counts,
    /// The parts of the draft.
    pub sections: Vec<Section>,
    /// What was not read, with why (the draft's list, as `unit-planner import` prints it).
    pub not_read: Vec<Unread>,
    /// The draft file.
    pub toml: String,
}

/// What the tools worker answers to an `import` request: the review, and what checking
/// the draft as a qualification file found (the first problems, and how many in all).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Drafted {
    /// The draft's file name: its id, `.toml`.
    pub file: String,
    /// The draft laid out for review.
    pub review: Review,
    /// The first problems checking the draft found (the CLI's messages).
    pub problems: Vec<String>,
    /// How many problems in all.
    pub problem_count: usize,
}

/// Largest specification text read, in bytes (the CLI's limit too).
pub const MAX_TEXT: usize = 4 << 20;

/// The import page's heading.
pub const TITLE: &str = "Make a qualification file from its specification";
/// What the import page does, under its heading.
pub const INTRO: &str = "Paste the plain text of a qualification's specification, or open it as a text file. The planner reads it here, in this browser, into a draft qualification file: every value with the line it is printed on, and whatever it could not read left unknown, never guessed. Check the draft beside the text before you add it.";
/// While the text is read.
pub const WORKING: &str = "Reading the specification…";
/// When there is no text.
pub const EMPTY: &str = "Paste the specification's text first (or open it as a text file).";
/// When the text is too long.
pub const TOO_LONG: &str =
    "This text is longer than 4 MB, more than any specification; nothing was read.";
/// When a picked file cannot be read as text.
pub const UNREADABLE: &str = "That file could not be read as text; nothing was read.";
/// When the text gave no unit.
pub const NOTHING_READ: &str = "No units could be read from this text, so there is no draft: is it a qualification's specification? Nothing was added.";
/// Above the problems checking the draft found.
pub const PROBLEMS: &str =
    "The draft cannot be added as it stands: fix these in the file, or in the text and make the draft again.";

/// What the tools worker answers to an `import` request: `text` read into a draft (from
/// the file `name`; pasted text is named after the qualification number read, so two
/// pasted drafts get different ids), laid out for review, and checked as `validate` reads
/// a file.
#[cfg(feature = "spec-files")]
pub fn drafted(name: Option<&str>, text: &str) -> Drafted {
    let reading = super::read(text);
    let name = name.map_or_else(
        || match reading.header.number.value() {
            Some(number) => format!("{}.txt", number.replace('/', "-")),
            None => "pasted text".into(),
        },
        str::to_string,
    );
    let file = format!("{}.toml", super::draft::id(&name));
    let draft = super::draft::write(&name, reading);
    let (problems, problem_count) = match crate::catalogue::parse_spec(&file, &draft.toml) {
        Ok(_) => (Vec::new(), 0),
        Err(e) => (e.shown_problems(), e.problems.len()),
    };
    Drafted {
        file,
        review: review(&draft, text),
        problems,
        problem_count,
    }
}

/// Why `text` is not read at all, if it is not.
pub fn refused(text: &str) -> Option<&'static str> {
    if text.trim().is_empty() {
        Some(EMPTY)
    } else if text.len() > MAX_TEXT {
        Some(TOO_LONG)
    } else {
        None
    }
}

/// The heading of the qualification's own values.
pub const QUALIFICATION: &str = "The qualification";
/// The heading of the groups.
pub const GROUPS: &str = "Groups of units";
/// The heading of the rules.
pub const RULES: &str = "Rules of combination";
/// The heading of the barred units.
pub const BARRED: &str = "Barred units";

/// Lays out `draft`, read from `text`, for review.
pub fn review(draft: &Draft, text: &str) -> Review {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out = Rows {
        lines: &lines,
        rows: Vec::new(),
    };
    let mut sections = Vec::new();
    let h = &draft.reading.header;
    out.add("Title", &h.title);
    out.add("Awarding body", &h.awarding_body);
    out.add("Level", &h.level);
    out.add("Qualification number", &h.number);
    out.add("Framework", &h.framework);
    out.add("Guided learning hours", &h.glh);
    out.add("Total qualification time", &h.tqt);
    out.add("Start date", &h.start_date);
    out.add("Last date to register", &h.last_registration);
    out.add("Last date to certificate", &h.last_certification);
    out.add("End date", &h.end_date);
    out.add("Minimum age", &h.min_age);
    sections.push(out.section(QUALIFICATION.into()));
    for g in &draft.reading.groups {
        let kind = if g.mandatory { "mandatory" } else { "optional" };
        out.add(&format!("Group {} ({kind})", g.id), &g.name);
    }
    sections.push(out.section(GROUPS.into()));
    let units = &draft.reading.units;
    // A field no unit has is one entry of the not-read list, not a row of every unit.
    let none_has = |field: fn(&UnitRead) -> bool| units.iter().all(field);
    let gone = [
        none_has(|u| absent(&u.code)),
        none_has(|u| absent(&u.reference)),
        none_has(|u| absent(&u.title)),
        none_has(|u| absent(&u.level)),
        none_has(|u| absent(&u.credits)),
        none_has(|u| absent(&u.glh)),
        true,
    ];
    for (i, u) in units.iter().enumerate() {
        out.unit_field("Code", &u.code, gone[0]);
        out.unit_field("Unit reference", &u.reference, gone[1]);
        out.unit_field("Title", &u.title, gone[2]);
        out.unit_field("Level", &u.level, gone[3]);
        out.unit_field("Credits", &u.credits, gone[4]);
        out.unit_field("Guided learning hours", &u.glh, gone[5]);
        out.unit_field("National Occupational Standard", &u.nos, gone[6]);
        let group = u
            .group
            .and_then(|g| draft.reading.groups.get(g))
            .map_or(String::new(), |g| format!(" (group {})", g.id));
        sections.push(out.section(format!("Unit {}: {}{group}", i + 1, unit_name(u))));
    }
    for (prefix, what, heading) in [("rules[", "Rule", RULES), ("barred[", "Barred", BARRED)] {
        for (n, fact) in draft
            .facts
            .iter()
            .filter(|f| f.what.starts_with(prefix))
            .enumerate()
        {
            let basis = out.stated(fact.line, fact.to);
            out.rows.push(Row {
                what: format!("{what} {}", n + 1),
                value: Some(fact.value.clone()),
                basis,
            });
        }
        sections.push(out.section(heading.into()));
    }
    let count = |f: fn(&Basis) -> bool| {
        sections
            .iter()
            .flat_map(|s| &s.rows)
            .filter(|r| f(&r.basis))
            .count()
    };
    Review {
        counts: Counts {
            stated: count(|b| matches!(b, Basis::Stated { .. })),
            inferred: count(|b| matches!(b, Basis::Inferred { .. })),
            not_read: draft.unread.len(),
            units: units.len(),
        },
        sections,
        not_read: draft.unread.clone(),
        toml: draft.toml.clone(),
    }
}

/// A unit as its heading names it: its code (else its reference) and title, as read.
fn unit_name(u: &UnitRead) -> String {
    let id = u.code.value().or(u.reference.value());
    let parts: Vec<String> = [id, u.title.value()]
        .into_iter()
        .flatten()
        .map(|v| visible(&shortened(v, 80)))
        .collect();
    if parts.is_empty() {
        "code and title not read".into()
    } else {
        parts.join(" ")
    }
}

fn absent<T>(found: &Found<T>) -> bool {
    matches!(found, Found::Unknown(why) if why == NOT_FOUND)
}

/// Rows being gathered for the next section.
struct Rows<'a> {
    lines: &'a [&'a str],
    rows: Vec<Row>,
}

impl Rows<'_> {
    fn add<T: std::fmt::Display>(&mut self, what: &str, found: &Found<T>) {
        let (value, basis) = match found {
            Found::Stated(c) => (Some(c.value.to_string()), self.stated(c.line, c.to)),
            Found::Inferred(v, why) => (Some(v.to_string()), Basis::Inferred { why: why.clone() }),
            Found::Unknown(why) => (None, Basis::NotRead { why: why.clone() }),
        };
        self.rows.push(Row {
            what: what.into(),
            value,
            basis,
        });
    }

    /// A unit's value, unless it is absent and absent from every unit (`none_has`).
    fn unit_field<T: std::fmt::Display>(&mut self, what: &str, found: &Found<T>, none_has: bool) {
        if !(none_has && absent(found)) {
            self.add(what, found);
        }
    }

    /// Lines `line` to `to` of the text, shown safely.
    fn stated(&self, line: usize, to: Option<usize>) -> Basis {
        let last = to.unwrap_or(line).max(line);
        let text: Vec<String> = (line..=last)
            .filter_map(|n| self.lines.get(n.checked_sub(1)?))
            .map(|l| l.trim_end_matches('\r').replace('\t', "  "))
            .collect();
        Basis::Stated {
            line,
            to,
            text: visible(&shortened(text.join(" ").trim(), SHOWN_LINE)),
        }
    }

    /// The rows gathered so far, as a section.
    fn section(&mut self, heading: String) -> Section {
        Section {
            heading,
            rows: std::mem::take(&mut self.rows),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::import;

    const SPEC: &str = "Qualification title\tACME Level 2 Certificate in Widget Care\n\
        Qualification number\t601/2345/X\n\
        \n\
        Learners must achieve a total of at least 20 credits.\n\
        \n\
        Code\tUnit title\tLevel\tCredit\tUnit reference number\n\
        Mandatory units (Group M)\t\t\t\t\n\
        WC01\tLook after \u{1b}[31mwidgets\t2\t8\tA/100/0001\n\
        Optional units (Group A)\t\t\t\t\n\
        WC02\tPolish widgets\t2\t\tB/100/0002\n\
        WC03\tStore widgets\tl\t6\tC/100/0003\n";

    fn reviewed(text: &str) -> Review {
        review(&import("spec.txt", text), text)
    }

    fn row<'a>(review: &'a Review, heading: &str, what: &str) -> &'a Row {
        review
            .sections
            .iter()
            .find(|s| s.heading.starts_with(heading))
            .and_then(|s| s.rows.iter().find(|r| r.what == what))
            .unwrap_or_else(|| panic!("no {what} under {heading}: {review:#?}"))
    }

    #[test]
    fn each_value_stands_beside_the_text_of_its_line() {
        let r = reviewed(SPEC);
        let number = row(&r, QUALIFICATION, "Qualification number");
        assert_eq!(number.value.as_deref(), Some("601/2345/X"));
        assert_eq!(
            number.basis,
            Basis::Stated {
                line: 2,
                to: None,
                text: "Qualification number  601/2345/X".into()
            }
        );
        assert_eq!(number.lines().as_deref(), Some("2"));
        let credits = row(&r, "Unit 3: WC03 Store widgets (group A)", "Credits");
        assert_eq!(credits.value.as_deref(), Some("6"));
        assert_eq!(credits.lines().as_deref(), Some("11"));
        let rule = row(&r, RULES, "Rule 1");
        assert_eq!(rule.value.as_deref(), Some("credits = { min = 20 }"));
        assert_eq!(rule.lines().as_deref(), Some("4"));
    }

    #[test]
    fn control_characters_in_the_text_are_shown_not_obeyed() {
        let r = reviewed(SPEC);
        let Basis::Stated { text, .. } = &row(&r, "Unit 1:", "Title").basis else {
            panic!("stated")
        };
        assert!(text.contains("\\u{1b}[31m"), "{text}");
        assert!(!text.contains('\u{1b}'));
    }

    #[test]
    fn values_not_read_are_listed_never_guessed() {
        let r = reviewed(SPEC);
        let credits = row(&r, "Unit 2:", "Credits");
        assert_eq!(credits.value, None);
        assert_eq!(credits.lines(), None);
        assert!(matches!(credits.basis, Basis::NotRead { .. }));
        assert_eq!(r.not_read, import("spec.txt", SPEC).unread);
        assert!(r.not_read.iter().any(|u| u.what == "units: credits"));
        let level = row(&r, "Unit 3:", "Level");
        assert_eq!((level.value.as_deref(), level.lines()), (None, None));
        assert_eq!(r.counts.not_read, r.not_read.len());
        let glh = row(&r, QUALIFICATION, "Guided learning hours");
        assert_eq!(
            glh.basis,
            Basis::NotRead {
                why: NOT_FOUND.into()
            }
        );
    }

    #[test]
    fn a_field_no_unit_has_is_one_entry_not_a_row_per_unit() {
        let r = reviewed(SPEC);
        let unit = r
            .sections
            .iter()
            .find(|s| s.heading.starts_with("Unit 1:"))
            .unwrap();
        assert!(!unit.rows.iter().any(|r| r.what == "Guided learning hours"));
        assert!(r.not_read.iter().any(|u| u.what == "units: glh"));
    }

    #[test]
    fn empty_and_oversized_texts_are_refused_before_reading() {
        assert_eq!(refused(" \n\t"), Some(EMPTY));
        assert_eq!(refused(&"x".repeat(MAX_TEXT + 1)), Some(TOO_LONG));
        assert_eq!(refused(&"x".repeat(MAX_TEXT)), None);
        assert_eq!(refused(SPEC), None);
    }

    #[cfg(feature = "spec-files")]
    #[test]
    fn the_workers_answer_names_pasted_text_by_its_number_and_checks_the_draft() {
        let d = drafted(None, SPEC);
        assert!(
            d.review.toml.contains("id = \"draft-601-2345-x\""),
            "{}",
            d.review.toml
        );
        assert_eq!(d.file, "draft-601-2345-x.toml");
        assert_eq!((d.problems.len(), d.problem_count), (0, 0));
        let named = drafted(Some("widgets.txt"), SPEC);
        assert!(named.review.toml.contains("id = \"draft-widgets\""));
        let garbage = drafted(None, "lorem ipsum\n\u{0}\u{1b}[2J dolor");
        assert_eq!(garbage.review.counts.units, 0);
        assert!(garbage.problem_count > 0);
        assert!(garbage.review.toml.contains("id = \"draft-pasted-text\""));
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(serde_json::from_str::<Drafted>(&json).unwrap(), d);
    }

    #[test]
    fn inferred_values_say_why_and_are_counted() {
        let text = "Unit number\tUnit title\tLevel\tCredit\n\
            Mandatory units\t\t\t\n\
            4430-201\tOne\t2\t3\n\
            4430-202\tTwo\t2\t3\n\
            4430-301\tThree\t3\t4\n\
            4430-302\tFour\t\t4\n";
        let r = reviewed(text);
        let level = row(&r, "Unit 4:", "Level");
        assert_eq!(level.value.as_deref(), Some("3"));
        assert!(matches!(level.basis, Basis::Inferred { .. }), "{level:?}");
        assert_eq!(r.counts.inferred, 1);
        assert_eq!(r.counts.units, 4);
        assert_eq!(r.counts.stated, import("spec.txt", text).facts.len());
    }

    /// The review states exactly the values the draft states, on the same lines.
    #[test]
    fn the_review_states_what_the_draft_states_on_the_seeds() {
        let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
        let Ok(dir) = std::fs::read_dir(&seeds) else {
            return eprintln!("no seeds at {}", seeds.display());
        };
        for entry in dir {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            let draft = import("seed.txt", &text);
            let r = review(&draft, &text);
            let mut stated: Vec<(usize, String)> = r
                .sections
                .iter()
                .flat_map(|s| &s.rows)
                .filter_map(|row| match &row.basis {
                    Basis::Stated { line, .. } => Some((*line, row.value.clone().unwrap())),
                    _ => None,
                })
                .collect();
            let mut facts: Vec<(usize, String)> = draft
                .facts
                .iter()
                .map(|f| (f.line, f.value.clone()))
                .collect();
            stated.sort();
            facts.sort();
            assert_eq!(stated, facts, "{}", path.display());
            assert_eq!(r.counts.stated, draft.facts.len());
            let raw: Vec<&str> = text.lines().collect();
            for row in r.sections.iter().flat_map(|s| &s.rows) {
                if let Basis::Stated {
                    line,
                    to: None,
                    text,
                } = &row.basis
                {
                    let printed = raw[line - 1];
                    if printed.len() < SHOWN_LINE && !printed.contains(char::is_control) {
                        assert_eq!(text, printed.trim(), "{}: {row:?}", path.display());
                    }
                }
            }
        }
    }
}
