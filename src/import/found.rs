//! A value as the importer found it: printed on a line, derived from other printed values,
//! or not read (with why).

/// Why a value is unknown when nothing in the text gave it.
pub const NOT_FOUND: &str = "not found in the text";

/// A value and the source line it was read from (through `to` when it runs on).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cited<T> {
    /// The value as printed (markup removed).
    pub value: T,
    /// The first source line (1-based).
    pub line: usize,
    /// The last source line, when the value is split across lines.
    pub to: Option<usize>,
}

impl<T> Cited<T> {
    /// A value printed on one line.
    pub fn at(value: T, line: usize) -> Self {
        Cited {
            value,
            line,
            to: None,
        }
    }
}

/// What the importer knows of one value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found<T> {
    /// Printed on a source line.
    Stated(Cited<T>),
    /// Derived from printed values; the text says from which.
    Inferred(T, String),
    /// Not read; the text says why (absent, unreadable, or printed two different ways).
    Unknown(String),
}

impl<T> Found<T> {
    /// The value, stated or inferred.
    pub fn value(&self) -> Option<&T> {
        match self {
            Found::Stated(c) => Some(&c.value),
            Found::Inferred(v, _) => Some(v),
            Found::Unknown(_) => None,
        }
    }

    /// The value read from its line, if any.
    pub fn stated(&self) -> Option<&Cited<T>> {
        match self {
            Found::Stated(c) => Some(c),
            _ => None,
        }
    }

    /// A value found, or unknown for `why` when there is none.
    pub fn or_unknown(found: Option<Cited<T>>, why: &str) -> Self {
        found.map_or_else(|| Found::Unknown(why.to_string()), Found::Stated)
    }
}
