//! Qualification and unit levels: `Entry 1` to `Entry 3`, then `1` to `8`.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A level on the RQF/QCF scale, ordered from Entry 1 up to Level 8.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// Entry level 1, 2 or 3.
    Entry(u8),
    /// Level 1 to 8.
    Numbered(u8),
}

impl Level {
    /// Every level, lowest first.
    pub const ALL: [Level; 11] = [
        Level::Entry(1),
        Level::Entry(2),
        Level::Entry(3),
        Level::Numbered(1),
        Level::Numbered(2),
        Level::Numbered(3),
        Level::Numbered(4),
        Level::Numbered(5),
        Level::Numbered(6),
        Level::Numbered(7),
        Level::Numbered(8),
    ];
}

/// Text that is not a level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotALevel(pub String);

impl fmt::Display for NotALevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not a level (use `Entry 1`-`Entry 3` or `1`-`8`)",
            crate::text::excerpt(&self.0)
        )
    }
}

impl std::error::Error for NotALevel {}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Level::Entry(n) => write!(f, "Entry {n}"),
            Level::Numbered(n) => write!(f, "{n}"),
        }
    }
}

impl FromStr for Level {
    type Err = NotALevel;

    fn from_str(text: &str) -> Result<Self, NotALevel> {
        let text = text.trim();
        let bad = || NotALevel(text.to_string());
        let lower = text.to_ascii_lowercase();
        if let Some(rest) = lower.strip_prefix("entry") {
            match rest.trim().parse::<u8>() {
                Ok(n @ 1..=3) => Ok(Level::Entry(n)),
                _ => Err(bad()),
            }
        } else {
            let digits = lower.strip_prefix("level").unwrap_or(&lower).trim();
            match digits.parse::<u8>() {
                Ok(n @ 1..=8) => Ok(Level::Numbered(n)),
                _ => Err(bad()),
            }
        }
    }
}

impl Serialize for Level {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Level {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entry_levels_sort_below_level_one() {
        let e3: Level = "Entry 3".parse().unwrap();
        let one: Level = "1".parse().unwrap();
        assert!(e3 < one);
        assert_eq!(e3.to_string(), "Entry 3");
        assert_eq!("Level 2".parse::<Level>().unwrap(), Level::Numbered(2));
        assert!("Entry 4".parse::<Level>().is_err());
        assert_eq!("9".parse::<Level>(), Err(NotALevel("9".into())));
        assert!(Level::ALL.windows(2).all(|w| w[0] < w[1]));
        assert!(Level::ALL.iter().all(|l| l.to_string().parse() == Ok(*l)));
    }
}
