//! How well a draft agrees with a qualification file made by hand from the same text:
//! for every fact the hand-made file gives (each header value, group name, unit code,
//! reference, title, level, credits, GLH and NOS code, each rule, each barred pair),
//! whether the draft found it, found it right, found it wrong, or missed it.

use std::fmt::{self, Display};

use crate::catalogue::{Basis, Qualification, Rule, Scope, Sourced};

/// The counts for one kind of fact.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Facts the hand-made file gives a value for.
    pub facts: usize,
    /// Of those, how many the draft gives a value for.
    pub found: usize,
    /// Found with the same value.
    pub right: usize,
    /// Of the right values, how many the draft gives as inferred rather than stated.
    pub inferred: usize,
    /// Found with a different value, or given where the hand-made file has none.
    pub wrong: usize,
    /// Given no value by the draft.
    pub missed: usize,
}

impl Counts {
    /// Adds `other`'s counts to these.
    pub fn add(&mut self, other: Counts) {
        self.facts += other.facts;
        self.found += other.found;
        self.right += other.right;
        self.inferred += other.inferred;
        self.wrong += other.wrong;
        self.missed += other.missed;
    }
}

/// The comparison of one draft with its hand-made file.
#[derive(Debug, Clone, Default)]
pub struct Score {
    /// Counts by kind of fact: header, groups, units, rules, barred.
    pub rows: Vec<(&'static str, Counts)>,
    /// Each wrong value, said in a line; `stated` when the draft gives it as printed.
    pub wrong: Vec<(String, bool)>,
    /// Each fact missed.
    pub missed: Vec<String>,
}

impl Score {
    /// The counts over every kind.
    pub fn total(&self) -> Counts {
        let mut all = Counts::default();
        for (_, c) in &self.rows {
            all.add(*c);
        }
        all
    }

    /// Wrong values the draft gives as stated on a line.
    pub fn wrong_stated(&self) -> usize {
        self.wrong.iter().filter(|(_, stated)| *stated).count()
    }
}

impl Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<8} {:>5} {:>5} {:>5} {:>9} {:>5} {:>6}",
            "facts", "all", "found", "right", "(inferred)", "wrong", "missed"
        )?;
        let total = self.total();
        for (name, c) in self.rows.iter().chain([("total", total)].iter()) {
            writeln!(
                f,
                "{name:<8} {:>5} {:>5} {:>5} {:>9} {:>5} {:>6}",
                c.facts, c.found, c.right, c.inferred, c.wrong, c.missed
            )?;
        }
        Ok(())
    }
}

struct Tally<'a> {
    counts: Counts,
    score: &'a mut Score,
}

impl Tally<'_> {
    /// One fact: the hand-made value against the draft's.
    fn fact<T: PartialEq + fmt::Debug>(
        &mut self,
        what: &str,
        hand: Option<&T>,
        draft: Option<&T>,
        draft_stated: bool,
    ) {
        match (hand, draft) {
            (Some(h), Some(d)) => {
                self.counts.facts += 1;
                self.counts.found += 1;
                if h == d {
                    self.counts.right += 1;
                    self.counts.inferred += usize::from(!draft_stated);
                } else {
                    self.counts.wrong += 1;
                    self.score
                        .wrong
                        .push((format!("{what}: {d:?}, not {h:?}"), draft_stated));
                }
            }
            (Some(h), None) => {
                self.counts.facts += 1;
                self.counts.missed += 1;
                self.score.missed.push(format!("{what}: {h:?}"));
            }
            (None, Some(d)) => {
                self.counts.wrong += 1;
                self.score.wrong.push((
                    format!("{what}: {d:?}, which the hand-made file does not give"),
                    draft_stated,
                ));
            }
            (None, None) => {}
        }
    }

    fn sourced<T: PartialEq + fmt::Debug + Clone>(
        &mut self,
        what: &str,
        hand: &Sourced<T>,
        draft: &Sourced<T>,
    ) {
        let stated = matches!(draft.basis(), Basis::Stated { .. });
        self.fact(what, hand.value(), draft.value(), stated);
    }

    fn text(&mut self, what: &str, hand: &Sourced<String>, draft: &Sourced<String>) {
        let squash = |s: &Sourced<String>| {
            s.value()
                .map(|v| v.split_whitespace().collect::<Vec<_>>().join(" "))
        };
        let stated = matches!(draft.basis(), Basis::Stated { .. });
        self.fact(what, squash(hand).as_ref(), squash(draft).as_ref(), stated);
    }
}

/// The hand-made unit that draft unit `u` is: the same code, else reference, else title.
fn unit_map(draft: &Qualification, hand: &Qualification) -> Vec<Option<usize>> {
    draft
        .units
        .iter()
        .map(|u| {
            let by = |f: fn(&crate::catalogue::Unit) -> &Sourced<String>| {
                f(u).value().and_then(|v| {
                    hand.units
                        .iter()
                        .position(|h| f(h).value().is_some_and(|hv| hv.eq_ignore_ascii_case(v)))
                })
            };
            by(|x| &x.code)
                .or_else(|| by(|x| &x.reference))
                .or_else(|| by(|x| &x.title))
        })
        .collect()
}

/// The hand-made group each draft group is: where all its matched units are.
fn group_map(
    draft: &Qualification,
    hand: &Qualification,
    units: &[Option<usize>],
) -> Vec<Option<usize>> {
    (0..draft.groups.len())
        .map(|g| {
            let mut homes = draft
                .units
                .iter()
                .zip(units)
                .filter(|(u, _)| u.group == g)
                .filter_map(|(_, h)| h.map(|h| hand.units[h].group));
            let first = homes.next()?;
            homes.all(|h| h == first).then_some(first)
        })
        .collect()
}

/// A rule with its groups mapped by `map` and sorted; `None` when a group has no
/// counterpart.
fn translate(rule: &Rule, map: impl Fn(usize) -> Option<usize>) -> Option<Rule> {
    let mut rule = rule.clone();
    if let Rule::Credits {
        scope: Scope::Groups(ids),
        ..
    }
    | Rule::Units {
        scope: Scope::Groups(ids),
        ..
    } = &mut rule
    {
        *ids = ids.iter().map(|&g| map(g)).collect::<Option<Vec<_>>>()?;
        ids.sort_unstable();
    }
    Some(rule)
}

/// Compares `draft` (read by the importer) with `hand` (made by hand from the same text).
pub fn score(draft: &Qualification, hand: &Qualification) -> Score {
    let mut score = Score::default();
    let row = |score: &mut Score, name: &'static str, fill: &dyn Fn(&mut Tally)| {
        let mut t = Tally {
            counts: Counts::default(),
            score,
        };
        fill(&mut t);
        let counts = t.counts;
        score.rows.push((name, counts));
    };
    row(&mut score, "header", &|t| {
        t.text("title", &hand.title, &draft.title);
        t.text("awarding_body", &hand.awarding_body, &draft.awarding_body);
        t.sourced("level", &hand.level, &draft.level);
        t.text("number", &hand.number, &draft.number);
        t.text("framework", &hand.framework, &draft.framework);
        t.sourced("glh", &hand.glh, &draft.glh);
        t.sourced("tqt", &hand.tqt, &draft.tqt);
        t.sourced("start_date", &hand.start_date, &draft.start_date);
        t.sourced(
            "last_registration",
            &hand.last_registration,
            &draft.last_registration,
        );
        t.sourced(
            "last_certification",
            &hand.last_certification,
            &draft.last_certification,
        );
        t.sourced("end_date", &hand.end_date, &draft.end_date);
        t.text("min_age", &hand.min_age, &draft.min_age);
    });
    let units = unit_map(draft, hand);
    let groups = group_map(draft, hand, &units);
    row(&mut score, "groups", &|t| {
        for (h, group) in hand.groups.iter().enumerate() {
            let d = groups.iter().position(|&m| m == Some(h));
            let none = Sourced::unknown("no such group in the draft");
            let name = d.map_or(&none, |d| &draft.groups[d].name);
            t.text(&format!("group {}", group.id), &group.name, name);
        }
    });
    row(&mut score, "units", &|t| {
        for (h, unit) in hand.units.iter().enumerate() {
            let none = crate::catalogue::Unit {
                key: 0,
                group: 0,
                also: Vec::new(),
                code: Sourced::unknown(""),
                reference: Sourced::unknown(""),
                title: Sourced::unknown(""),
                level: Sourced::unknown(""),
                credits: Sourced::unknown(""),
                glh: Sourced::unknown(""),
                tqt: Sourced::unknown(""),
                nos: Sourced::unknown(""),
                outcomes: Sourced::unknown(""),
            };
            let d = units
                .iter()
                .position(|&m| m == Some(h))
                .map_or(&none, |d| &draft.units[d]);
            let name = unit.label();
            t.text(&format!("{name} code"), &unit.code, &d.code);
            t.text(&format!("{name} ref"), &unit.reference, &d.reference);
            t.text(&format!("{name} title"), &unit.title, &d.title);
            t.sourced(&format!("{name} level"), &unit.level, &d.level);
            t.sourced(&format!("{name} credits"), &unit.credits, &d.credits);
            t.sourced(&format!("{name} glh"), &unit.glh, &d.glh);
            t.text(&format!("{name} nos"), &unit.nos, &d.nos);
        }
        for (d, unit) in draft
            .units
            .iter()
            .enumerate()
            .filter(|(d, _)| units[*d].is_none())
        {
            t.fact(
                &format!("draft unit {} ({})", d + 1, unit.label()),
                None,
                Some(&unit.label().to_string()),
                true,
            );
        }
    });
    row(&mut score, "rules", &|t| {
        let hand_rules: Vec<Rule> = hand
            .rules
            .iter()
            .filter_map(|r| translate(&r.rule, Some))
            .collect();
        let draft_rules: Vec<Option<Rule>> = draft
            .rules
            .iter()
            .map(|r| translate(&r.rule, |g| groups.get(g).copied().flatten()))
            .collect();
        for r in &hand_rules {
            let found = draft_rules.iter().any(|d| d.as_ref() == Some(r));
            t.fact(
                &format!("rule {}", r.describe(hand)),
                Some(&true),
                found.then_some(&true),
                true,
            );
        }
        for (d, r) in draft.rules.iter().zip(&draft_rules) {
            if !r.as_ref().is_some_and(|r| hand_rules.contains(r)) {
                t.fact(
                    &format!("draft rule {}", d.rule.describe(draft)),
                    None,
                    Some(&true),
                    true,
                );
            }
        }
    });
    row(&mut score, "barred", &|t| {
        type Pair = (usize, usize);
        let pair = |a: usize, b: usize| (a.min(b), a.max(b));
        let hand_pairs: Vec<Pair> = hand.barred.iter().flat_map(|s| s.pairs()).collect();
        // Each drafted pair, as the hand-made file's units (when both are there), and as drafted.
        let drafted: Vec<(Option<Pair>, Pair)> = draft
            .barred
            .iter()
            .flat_map(|s| s.pairs())
            .map(|(a, b)| (units[a].zip(units[b]).map(|(a, b)| pair(a, b)), (a, b)))
            .collect();
        for &(a, b) in &hand_pairs {
            let found = drafted.iter().any(|(d, _)| *d == Some(pair(a, b)));
            let what = format!("barred {} {}", hand.units[a].label(), hand.units[b].label());
            t.fact(&what, Some(&true), found.then_some(&true), true);
        }
        for &(d, (a, b)) in &drafted {
            if !d.is_some_and(|d| hand_pairs.iter().any(|&(x, y)| pair(x, y) == d)) {
                let what = format!(
                    "draft barred {} {}",
                    draft.units[a].label(),
                    draft.units[b].label()
                );
                t.fact(&what, None, Some(&true), true);
            }
        }
    });
    score
}

/// Imports `text` (the source of `hand`) and compares the draft with `hand`; an error when
/// the draft does not load.
#[cfg(feature = "spec-files")]
pub fn score_import(
    hand: &Qualification,
    text: &str,
) -> Result<Score, crate::catalogue::SpecError> {
    let draft = super::import(&hand.source, text);
    let qual = crate::catalogue::parse_spec(&hand.source, &draft.toml)?;
    Ok(score(&qual, hand))
}
