//! The draft file: the reading written in the `specs/` format, with the list of stated
//! facts (each beside its line, for review) and of what was not read.

use std::fmt::{Display, Write};

use serde::{Deserialize, Serialize};

use std::collections::BTreeMap;

use super::found::{Found, NOT_FOUND};
use super::rules::{RuleKind, RuleScope};
use super::Reading;

/// One value the draft states, with the line it was read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fact {
    /// Which value: `title`, `units[3].credits`, `rules[2]`, `barred[1]`, `groups[0].name`.
    pub what: String,
    /// The value as written in the draft.
    pub value: String,
    /// The source line (1-based).
    pub line: usize,
    /// The last source line, when the value runs on.
    pub to: Option<usize>,
}

/// Something the importer did not read, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unread {
    /// Which value, or which line.
    pub what: String,
    /// Why: not found, damaged, or printed two ways.
    pub why: String,
}

impl Unread {
    /// An entry for the list.
    pub fn new(what: String, why: String) -> Self {
        Unread { what, why }
    }
}

/// The importer's answer: the draft file, the facts it states and what it left unknown.
#[derive(Debug, Clone)]
pub struct Draft {
    /// The draft in the `specs/` format.
    pub toml: String,
    /// Every stated value beside its source line.
    pub facts: Vec<Fact>,
    /// Every value left unknown, and every line seen but not read.
    pub unread: Vec<Unread>,
    /// The reading the draft was written from.
    pub reading: Reading,
}

/// A value as TOML.
trait Toml {
    fn toml(&self) -> String;
}

impl Toml for String {
    fn toml(&self) -> String {
        quote(self)
    }
}

impl Toml for u32 {
    fn toml(&self) -> String {
        self.to_string()
    }
}

impl Toml for crate::catalogue::Level {
    fn toml(&self) -> String {
        quote(&self.to_string())
    }
}

/// A TOML basic string (JSON's escapes are TOML's).
fn quote(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

struct Writer {
    toml: String,
    facts: Vec<Fact>,
    unread: Vec<Unread>,
    /// Unit fields found for no unit, by field: the keys of the units.
    missing: BTreeMap<&'static str, Vec<usize>>,
}

impl Writer {
    fn field<T: Toml + Display>(&mut self, key: &str, what: &str, found: &Found<T>) {
        let value = match found {
            Found::Stated(c) => {
                self.facts.push(Fact {
                    what: what.to_string(),
                    value: c.value.to_string(),
                    line: c.line,
                    to: c.to,
                });
                let to = c.to.map_or(String::new(), |t| format!(", to = {t}"));
                format!("{{ value = {}, line = {}{to} }}", c.value.toml(), c.line)
            }
            Found::Inferred(v, why) => {
                format!("{{ value = {}, inferred = {} }}", v.toml(), quote(why))
            }
            Found::Unknown(why) => {
                if !what.starts_with("units[") {
                    self.unread.push(Unread::new(what.to_string(), why.clone()));
                }
                format!("{{ unknown = {} }}", quote(why))
            }
        };
        let _ = writeln!(self.toml, "{key} = {value}");
    }

    fn fact(&mut self, what: String, value: String, line: usize, to: Option<usize>) {
        self.facts.push(Fact {
            what,
            value,
            line,
            to,
        });
    }
}

/// Whether nothing in the text gave the value (as opposed to giving it two ways).
fn absent<T>(found: &Found<T>) -> bool {
    matches!(found, Found::Unknown(why) if why == NOT_FOUND)
}

/// A file id from the source's name: lower case letters, digits and hyphens.
pub(super) fn id(file: &str) -> String {
    let stem = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let stem = stem.rsplit_once('.').map_or(stem, |(s, _)| s);
    let slug: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let slug = slug.trim_matches('-');
    format!("draft-{}", if slug.is_empty() { "import" } else { slug })
}

fn rule_text(kind: &RuleKind) -> String {
    match kind {
        RuleKind::AllMandatory => "all_mandatory = true".into(),
        RuleKind::EachOptionalGroup { min_units } => {
            format!("each_optional_group = {{ min_units = {min_units} }}")
        }
        RuleKind::Credits {
            min,
            scope,
            level,
            or_above,
        } => {
            let mut parts = vec![format!("min = {min}")];
            match scope {
                RuleScope::All => {}
                RuleScope::Optional => parts.push("optional = true".into()),
                RuleScope::Groups(ids) => parts.push(format!(
                    "groups = [{}]",
                    ids.iter().map(|i| quote(i)).collect::<Vec<_>>().join(", ")
                )),
            }
            if let Some(level) = level {
                parts.push(format!("level = {}", quote(&level.to_string())));
            }
            if *or_above {
                parts.push("or_above = true".into());
            }
            format!("credits = {{ {} }}", parts.join(", "))
        }
    }
}

/// The group id for units read in no group.
const UNGROUPED: &str = "UNGROUPED";

/// Writes the reading of `file` as a draft.
pub fn write(file: &str, reading: Reading) -> Draft {
    let mut w = Writer {
        toml: String::new(),
        facts: Vec::new(),
        unread: reading.unread.clone(),
        missing: BTreeMap::new(),
    };
    let source = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let _ = writeln!(
        w.toml,
        "# Draft made by `unit-planner import` from {source}. Every value cites the source\n\
         # line it was read from, or is unknown; check each against the text before use.\n\
         # Groups not headed \"mandatory\" are read as optional."
    );
    let _ = writeln!(w.toml, "id = {}", quote(&id(file)));
    let _ = writeln!(w.toml, "source = {}", quote(source));
    let h = &reading.header;
    w.field("title", "title", &h.title);
    w.field("awarding_body", "awarding_body", &h.awarding_body);
    w.field("level", "level", &h.level);
    w.field("number", "number", &h.number);
    w.field("framework", "framework", &h.framework);
    w.field("glh", "glh", &h.glh);
    w.field("tqt", "tqt", &h.tqt);
    w.field("start_date", "start_date", &h.start_date);
    w.field(
        "last_registration",
        "last_registration",
        &h.last_registration,
    );
    w.field(
        "last_certification",
        "last_certification",
        &h.last_certification,
    );
    w.field("end_date", "end_date", &h.end_date);
    w.field("min_age", "min_age", &h.min_age);
    for (i, g) in reading.groups.iter().enumerate() {
        let _ = writeln!(w.toml, "\n[[groups]]\nid = {}", quote(&g.id));
        w.field("name", &format!("groups[{i}].name"), &g.name);
        let _ = writeln!(w.toml, "mandatory = {}", g.mandatory);
    }
    if reading.units.iter().any(|u| u.group.is_none()) {
        let _ = writeln!(
            w.toml,
            "\n[[groups]]\nid = \"{UNGROUPED}\"\nname = {{ unknown = \"units found only on their unit pages, under no group heading\" }}\nmandatory = false"
        );
        w.unread.push(Unread::new(
            "groups".into(),
            "some units were found under no group heading".into(),
        ));
    }
    for (i, u) in reading.units.iter().enumerate() {
        let group = u.group.map_or(UNGROUPED, |g| reading.groups[g].id.as_str());
        let _ = writeln!(
            w.toml,
            "\n[[units]]\nkey = {}\ngroup = {}",
            i + 1,
            quote(group)
        );
        let what = |f: &str| format!("units[{i}].{f}");
        for (field, absent) in [
            ("code", absent(&u.code)),
            ("ref", absent(&u.reference)),
            ("title", absent(&u.title)),
            ("level", absent(&u.level)),
            ("credits", absent(&u.credits)),
            ("glh", absent(&u.glh)),
        ] {
            if absent {
                w.missing.entry(field).or_default().push(i + 1);
            }
        }
        w.field("code", &what("code"), &u.code);
        w.field("ref", &what("ref"), &u.reference);
        w.field("title", &what("title"), &u.title);
        w.field("level", &what("level"), &u.level);
        w.field("credits", &what("credits"), &u.credits);
        w.field("glh", &what("glh"), &u.glh);
        w.field("nos", &what("nos"), &u.nos);
    }
    let units = reading.units.len();
    for (field, keys) in std::mem::take(&mut w.missing) {
        let which = if keys.len() == units {
            format!("any of the {units} units")
        } else {
            format!(
                "units {}",
                keys.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        w.unread.push(Unread::new(
            format!("units: {field}"),
            format!("not found for {which} (by key)"),
        ));
    }
    for (i, r) in reading.rules.iter().enumerate() {
        let text = rule_text(&r.kind);
        let to = r.to.map_or(String::new(), |t| format!("\nto = {t}"));
        let _ = writeln!(w.toml, "\n[[rules]]\nline = {}{to}\n{text}", r.line);
        w.fact(format!("rules[{i}]"), text, r.line, r.to);
    }
    for (i, b) in reading.barred.iter().enumerate() {
        let units = format!("[{}, {}]", quote(&b.units[0]), quote(&b.units[1]));
        let _ = writeln!(w.toml, "\n[[barred]]\nunits = {units}\nline = {}", b.line);
        w.fact(format!("barred[{i}]"), units, b.line, None);
    }
    for u in &reading.unread {
        let _ = writeln!(
            w.toml,
            "\n[[notes]]\nkind = \"anomaly\"\ntext = {}",
            quote(&format!("Not read: {}: {}", u.what, u.why))
        );
    }
    Draft {
        toml: w.toml,
        facts: w.facts,
        unread: w.unread,
        reading,
    }
}
