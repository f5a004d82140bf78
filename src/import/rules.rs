//! Rules of combination read from their sentences ("a total of at least 22 credits",
//! "A minimum of 12 credits must be at Level 1", "a minimum of one unit from each optional
//! group", "Group A – a minimum of 8 credits", "must achieve all mandatory units"), each
//! cited by the lines its words are on.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::source::Source;
use super::units::GroupRead;
use crate::catalogue::Level;

/// Which units a credit rule counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleScope {
    /// Every unit.
    All,
    /// The units of the optional groups.
    Optional,
    /// The units of these groups (by id).
    Groups(Vec<String>),
}

/// What a rule asks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleKind {
    /// Every mandatory unit.
    AllMandatory,
    /// At least `min` credits from `scope`, at `level` (or above) when given.
    Credits {
        /// The minimum.
        min: u32,
        /// The units counted.
        scope: RuleScope,
        /// Only credits at this level count.
        level: Option<Level>,
        /// The level is a floor ("at level 3 or above").
        or_above: bool,
    },
    /// At least `min_units` units from each optional group.
    EachOptionalGroup {
        /// The minimum per group.
        min_units: u32,
    },
}

/// A rule with the lines its sentence is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleRead {
    /// The first line.
    pub line: usize,
    /// The last line, when the sentence runs on.
    pub to: Option<usize>,
    /// The rule.
    pub kind: RuleKind,
}

fn re(pattern: &str) -> Regex {
    Regex::new(&format!("(?i){pattern}")).unwrap()
}

static AT_LEVEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bminimum of ([0-9]{1,5}) credits (?:must be )?(?:at|from) level ([0-9]|entry [0-9])\b( or above)?",
    )
});
static MANDATORY_CREDITS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b([0-9]{1,5}) credits (?:must be achieved )?(?:by completing|from) the mandatory (?:units?|group)\b",
    )
});
static FURTHER_OPTIONAL: LazyLock<Regex> =
    LazyLock::new(|| re(r"\ba further ([0-9]{1,5}) credits must be achieved\b[^.]*?\boptional\b"));
static OPTIONAL_CREDITS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:minimum of|at least) ([0-9]{1,5}) credits (?:must be achieved )?from the optional (?:units?|groups?)\b",
    )
});
static EACH_GROUP: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\bminimum of (one|two|three|[0-9]{1,3}) units? from each optional\s+group\b")
});
static TOTAL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(\bgroup [A-Z0-9]{1,3} [–-] )?(?:(?:\btotal of at least|\ball|\bachieve (?:a minimum of |at least |a total of )?) ?([0-9]{1,5}) credits\b|\bminimum credit value:?\s*([0-9]{1,5})\b)",
    )
});
static GROUP_CREDITS: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\bgroup ([A-Z0-9]{1,3}) [–-] (?:all|a minimum of|at least) ([0-9]{1,5}) credits\b")
});
static ALL_MANDATORY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:complete|achieve) (?:all of the |all the |all |the |[0-9]{1,3} )mandatory units?\b|\bmade up of [0-9]{1,3} mandatory units\b",
    )
});

/// A paragraph: lines joined with spaces, and where each line starts in the joined text.
struct Paragraph {
    text: String,
    starts: Vec<(usize, usize)>,
}

impl Paragraph {
    /// The first and last line that the bytes `from..to` fall on.
    fn lines(&self, from: usize, to: usize) -> (usize, Option<usize>) {
        let line_of = |at: usize| {
            self.starts
                .iter()
                .rev()
                .find(|(start, _)| *start <= at)
                .map_or(0, |(_, n)| *n)
        };
        let (a, b) = (line_of(from), line_of(to.saturating_sub(1)));
        (a, (b != a).then_some(b))
    }
}

/// Paragraphs of the body: lines without tabs, joined across a single blank line when the
/// sentence has not ended.
fn paragraphs(source: &Source) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut current = Paragraph {
        text: String::new(),
        starts: Vec::new(),
    };
    let mut blanks = 0;
    for (n, line) in source.body() {
        let line = line.trim();
        let ended = current.text.ends_with(['.', ':', ';', '!', '?']);
        if line.is_empty() || line.contains('\t') {
            blanks += 1;
            if line.contains('\t') || ended || blanks > 1 {
                flush(&mut current, &mut out);
            }
            if line.contains('\t') {
                current.starts.push((0, n));
                current.text = line.replace('\t', " ");
                flush(&mut current, &mut out);
            }
            continue;
        }
        blanks = 0;
        if !current.text.is_empty() {
            current.text.push(' ');
        }
        current.starts.push((current.text.len(), n));
        current.text.push_str(line);
    }
    flush(&mut current, &mut out);
    out
}

fn flush(current: &mut Paragraph, out: &mut Vec<Paragraph>) {
    if !current.text.is_empty() {
        out.push(std::mem::replace(
            current,
            Paragraph {
                text: String::new(),
                starts: Vec::new(),
            },
        ));
    } else {
        current.starts.clear();
    }
}

fn count(word: &str) -> Option<u32> {
    match word.to_lowercase().as_str() {
        "one" => Some(1),
        "two" => Some(2),
        "three" => Some(3),
        digits => digits.parse().ok(),
    }
}

fn credits(min: &str, scope: RuleScope) -> Option<RuleKind> {
    Some(RuleKind::Credits {
        min: min.parse().ok()?,
        scope,
        level: None,
        or_above: false,
    })
}

/// Words before a match that make its number a maximum.
const CAPPING: [&str; 5] = [
    "maximum of ",
    "up to ",
    "no more than ",
    "at most ",
    "maximum ",
];
/// Words after a match that narrow or widen it beyond what the patterns read: a range of
/// levels, a level below, a total from somewhere in particular.
const NARROWING: [&str; 10] = [
    " or below",
    " or lower",
    " or level",
    " to level",
    " to entry",
    "-",
    "–",
    " from ",
    " in group",
    " at level",
];

/// Whether the words around a match change what it says, so it is not read.
fn qualified(before: &str, after: &str) -> bool {
    let before = before.to_lowercase();
    let after: String = after
        .chars()
        .take_while(|&c| c != '.')
        .take(60)
        .collect::<String>()
        .to_lowercase();
    // "… credits must be achieved from Group A": look past the verb.
    let rest = [" must be achieved", " must come", " must be"]
        .iter()
        .find_map(|verb| after.strip_prefix(verb))
        .unwrap_or(&after);
    CAPPING.iter().any(|w| before.ends_with(w)) || NARROWING.iter().any(|w| rest.starts_with(w))
}

/// A sentence's pattern and the rule it says.
type Reader<'a> = (&'a Regex, &'a dyn Fn(&Captures) -> Option<RuleKind>);

/// Reads every rule; a rule printed twice is kept once, at its first place.
pub fn read(source: &Source, groups: &[GroupRead]) -> Vec<RuleRead> {
    let mandatory: Vec<String> = groups
        .iter()
        .filter(|g| g.mandatory)
        .map(|g| g.id.clone())
        .collect();
    let readers: [Reader; 8] = [
        (&AT_LEVEL, &|c| {
            Some(RuleKind::Credits {
                min: c[1].parse().ok()?,
                scope: RuleScope::All,
                level: Some(c[2].parse().ok()?),
                or_above: c.get(3).is_some(),
            })
        }),
        (&MANDATORY_CREDITS, &|c| {
            (!mandatory.is_empty())
                .then(|| credits(&c[1], RuleScope::Groups(mandatory.clone())))
                .flatten()
        }),
        (&FURTHER_OPTIONAL, &|c| credits(&c[1], RuleScope::Optional)),
        (&OPTIONAL_CREDITS, &|c| credits(&c[1], RuleScope::Optional)),
        (&EACH_GROUP, &|c| {
            Some(RuleKind::EachOptionalGroup {
                min_units: count(&c[1])?,
            })
        }),
        (&TOTAL, &|c| {
            let min = c.get(2).or(c.get(3))?.as_str();
            c.get(1)
                .is_none()
                .then(|| credits(min, RuleScope::All))
                .flatten()
        }),
        (&GROUP_CREDITS, &|c| {
            let id = c[1].to_uppercase();
            groups
                .iter()
                .any(|g| g.id == id)
                .then(|| credits(&c[2], RuleScope::Groups(vec![id])))
                .flatten()
        }),
        (&ALL_MANDATORY, &|_| Some(RuleKind::AllMandatory)),
    ];
    let mut rules: Vec<RuleRead> = Vec::new();
    for p in paragraphs(source) {
        let mut found: Vec<(usize, RuleRead)> = Vec::new();
        for (pattern, make) in &readers {
            for c in pattern.captures_iter(&p.text) {
                let whole = c.get(0).unwrap();
                if qualified(&p.text[..whole.start()], &p.text[whole.end()..]) {
                    continue;
                }
                if let Some(kind) = make(&c) {
                    let (line, to) = p.lines(whole.start(), whole.end());
                    found.push((whole.start(), RuleRead { line, to, kind }));
                }
            }
        }
        found.sort_by_key(|(at, _)| *at);
        for (_, rule) in found {
            if !rules.iter().any(|r| r.kind == rule.kind) {
                rules.push(rule);
            }
        }
    }
    rules
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::found::{Cited, Found};

    fn group(id: &str, mandatory: bool) -> GroupRead {
        GroupRead {
            id: id.into(),
            name: Found::Stated(Cited::at(id.into(), 1)),
            mandatory,
        }
    }

    #[test]
    fn sentences_become_rules_with_their_lines() {
        let text = "Minimum Credit Value: 42\nLearners must achieve a total of at least 22 credits.\n\
            8 credits must be achieved by completing the mandatory units. A further 14 credits must be achieved by completing a minimum of one unit from each optional\n\ngroup.\n\
            \nA minimum of 12 credits must be at Level 1\n\n- Group A – a minimum of 8 credits\n\
            Learners must achieve all mandatory units. All mandatory units must be achieved.\n";
        let rules = read(&Source::new(text), &[group("M", true), group("A", false)]);
        let kinds: Vec<&RuleKind> = rules.iter().map(|r| &r.kind).collect();
        let c = |min, scope| RuleKind::Credits {
            min,
            scope,
            level: None,
            or_above: false,
        };
        assert_eq!(
            kinds,
            vec![
                &c(42, RuleScope::All),
                &c(22, RuleScope::All),
                &c(8, RuleScope::Groups(vec!["M".into()])),
                &c(14, RuleScope::Optional),
                &RuleKind::EachOptionalGroup { min_units: 1 },
                &RuleKind::Credits {
                    min: 12,
                    scope: RuleScope::All,
                    level: Some(Level::Numbered(1)),
                    or_above: false
                },
                &c(8, RuleScope::Groups(vec!["A".into()])),
                &RuleKind::AllMandatory,
            ]
        );
        assert_eq!((rules[4].line, rules[4].to), (3, Some(5)));
        assert_eq!(rules[1].line, 2);
    }

    #[test]
    fn a_sentence_of_three_rules() {
        let text = "Learners must achieve a minimum of 20 credits: all 12 credits from the mandatory group and a minimum of 8 credits from the optional group.\n";
        let rules = read(&Source::new(text), &[group("M", true), group("A", false)]);
        let c = |min, scope| RuleKind::Credits {
            min,
            scope,
            level: None,
            or_above: false,
        };
        let kinds: Vec<RuleKind> = rules.into_iter().map(|r| r.kind).collect();
        assert_eq!(
            kinds,
            vec![
                c(20, RuleScope::All),
                c(12, RuleScope::Groups(vec!["M".into()])),
                c(8, RuleScope::Optional)
            ]
        );
    }

    #[test]
    fn a_sentence_that_says_more_than_a_pattern_is_not_read() {
        let text = "A maximum of 8 credits from the mandatory units.\n\
            A minimum of 12 credits must be at Level 1 or below.\n\
            A minimum of 12 credits must be at level 2 or level 3.\n\
            All 20 credits must be achieved from Group A.\n\
            All 20 credits from Group A.\n";
        assert_eq!(read(&Source::new(text), &[group("M", true)]), vec![]);
    }

    #[test]
    fn a_group_that_was_not_read_gives_no_rule() {
        let rules = read(
            &Source::new("Group Q – all 5 credits\n"),
            &[group("M", true)],
        );
        assert!(rules.is_empty());
    }
}
