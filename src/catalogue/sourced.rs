//! Values that carry their basis in the source specification.

use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};

/// Where a value in the catalogue comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Basis {
    /// Printed in the source file, on `line` (through `to` when it spans lines).
    Stated {
        /// First source line (1-based) that carries the value.
        line: usize,
        /// Last source line when the value is split across lines.
        to: Option<usize>,
    },
    /// Not printed, but derived from something that is; the text says from what.
    Inferred(String),
    /// The source does not state it; the text says why it is missing.
    Unknown(String),
}

impl Basis {
    /// The machine name used in JSON output: `stated`, `inferred` or `unknown`.
    pub fn name(&self) -> &'static str {
        match self {
            Basis::Stated { .. } => "stated",
            Basis::Inferred(_) => "inferred",
            Basis::Unknown(_) => "unknown",
        }
    }

    /// A short human explanation ("line 42", "inferred: ...", "not stated: ...").
    pub fn explain(&self) -> String {
        match self {
            Basis::Stated { line, to: Some(to) } => format!("stated on lines {line}-{to}"),
            Basis::Stated { line, to: None } => format!("stated on line {line}"),
            Basis::Inferred(why) => format!("inferred: {why}"),
            Basis::Unknown(why) => format!("not stated: {why}"),
        }
    }
}

/// A value together with its basis; `value` is `None` exactly when the basis is unknown.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "RawSourced<T>")]
#[serde(bound = "T: Deserialize<'de>")]
pub struct Sourced<T> {
    value: Option<T>,
    basis: Basis,
}

impl<T> Sourced<T> {
    /// A value printed on a source line.
    pub fn stated(value: T, line: usize) -> Self {
        Sourced {
            value: Some(value),
            basis: Basis::Stated { line, to: None },
        }
    }

    /// A value derived from other stated facts.
    pub fn inferred(value: T, why: impl Into<String>) -> Self {
        Sourced {
            value: Some(value),
            basis: Basis::Inferred(why.into()),
        }
    }

    /// A value the source does not give.
    pub fn unknown(why: impl Into<String>) -> Self {
        Sourced {
            value: None,
            basis: Basis::Unknown(why.into()),
        }
    }

    /// The value, if the source gives or implies one.
    pub fn value(&self) -> Option<&T> {
        self.value.as_ref()
    }

    /// How the value is known.
    pub fn basis(&self) -> &Basis {
        &self.basis
    }

    /// Converts the value, keeping its basis; fails if the conversion does.
    pub fn try_map<U, E>(self, f: impl FnOnce(T) -> Result<U, E>) -> Result<Sourced<U>, E> {
        let value = self.value.map(f).transpose()?;
        Ok(Sourced {
            value,
            basis: self.basis,
        })
    }
}

/// Written in the on-disk form it is read from, so the checked model and the files share
/// one reader.
impl<T: Serialize> Serialize for Sourced<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        if let Some(value) = &self.value {
            map.serialize_entry("value", value)?;
        }
        match &self.basis {
            Basis::Stated { line, to } => {
                map.serialize_entry("line", line)?;
                if let Some(to) = to {
                    map.serialize_entry("to", to)?;
                }
            }
            Basis::Inferred(why) => map.serialize_entry("inferred", why)?,
            Basis::Unknown(why) => map.serialize_entry("unknown", why)?,
        }
        map.end()
    }
}

/// The on-disk form: `{ value = .., line = N }`, `{ value = .., inferred = ".." }` or
/// `{ unknown = ".." }`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSourced<T> {
    value: Option<T>,
    line: Option<usize>,
    to: Option<usize>,
    inferred: Option<String>,
    unknown: Option<String>,
}

impl<T> TryFrom<RawSourced<T>> for Sourced<T> {
    type Error = String;

    fn try_from(raw: RawSourced<T>) -> Result<Self, String> {
        let basis = match (raw.line, raw.inferred, raw.unknown) {
            (Some(line), None, None) => {
                if line == 0 || raw.to.is_some_and(|to| to < line) {
                    return Err(format!("bad line citation {line}"));
                }
                Basis::Stated { line, to: raw.to }
            }
            (None, Some(why), None) if !why.trim().is_empty() => Basis::Inferred(why),
            (None, None, Some(why)) if !why.trim().is_empty() => Basis::Unknown(why),
            _ => {
                return Err(
                    "a value needs exactly one basis: `line`, `inferred` (with a reason) or `unknown` (with a reason)"
                        .into(),
                )
            }
        };
        if raw.to.is_some() && !matches!(basis, Basis::Stated { .. }) {
            return Err("`to` only goes with `line`".into());
        }
        match (&basis, raw.value) {
            (Basis::Unknown(_), Some(_)) => Err("an unknown value must not have a `value`".into()),
            (Basis::Unknown(_), None) => Ok(Sourced { value: None, basis }),
            (_, None) => Err("a stated or inferred value needs a `value`".into()),
            (_, Some(value)) => Ok(Sourced {
                value: Some(value),
                basis,
            }),
        }
    }
}
