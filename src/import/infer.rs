//! Levels inferred from unit numbers: where every unit whose level is printed is numbered
//! by it (`4430-301` at level 3, the digit after the hyphen), a unit whose level is not
//! printed takes the level its number gives, marked inferred with the reason.

use std::sync::LazyLock;

use regex::Regex;

use super::found::{Found, NOT_FOUND};
use super::units::UnitRead;
use crate::catalogue::Level;

static NUMBERED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[0-9]{3,5}-([1-8])[0-9][0-9]$").unwrap());

/// Units with a printed level needed before the numbering is trusted.
const CONFIRMING: usize = 3;

fn digit(unit: &UnitRead) -> Option<Level> {
    let code = unit.code.value()?;
    let c = NUMBERED.captures(code)?;
    c[1].parse().ok()
}

/// Infers the unprinted levels of numbered units, when the printed ones all agree with
/// their numbers.
pub fn levels(units: &mut [UnitRead]) {
    let printed: Vec<(String, Level)> = units
        .iter()
        .filter_map(|u| Some((u.code.value()?.clone(), u.level.stated()?.value)))
        .collect();
    let numbered: Vec<&(String, Level)> = printed
        .iter()
        .filter(|(code, _)| NUMBERED.is_match(code))
        .collect();
    let agree = numbered.iter().all(|(code, level)| {
        NUMBERED
            .captures(code)
            .and_then(|c| c[1].parse::<Level>().ok())
            == Some(*level)
    });
    let confirming = numbered.len();
    if numbered.len() < CONFIRMING || numbered.len() != printed.len() || !agree {
        return;
    }
    let (example, level) = numbered[0].clone();
    let reason = |code: &str| {
        format!(
            "the digit after the hyphen of {code} gives the level, as it does for all {confirming} units whose level is printed (e.g. {example}, level {level})"
        )
    };
    for unit in units.iter_mut() {
        if matches!(&unit.level, Found::Unknown(why) if why == NOT_FOUND) {
            if let Some(level) = digit(unit) {
                let why = reason(unit.code.value().map_or("", String::as_str));
                unit.level = Found::Inferred(level, why);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::found::Cited;

    fn unit(code: &str, level: Option<u8>) -> UnitRead {
        UnitRead {
            group: None,
            code: Found::Stated(Cited::at(code.into(), 1)),
            reference: Found::Unknown(NOT_FOUND.into()),
            title: Found::Unknown(NOT_FOUND.into()),
            level: level.map_or(Found::Unknown(NOT_FOUND.into()), |l| {
                Found::Stated(Cited::at(Level::Numbered(l), 2))
            }),
            credits: Found::Unknown(NOT_FOUND.into()),
            glh: Found::Unknown(NOT_FOUND.into()),
            nos: Found::Unknown(NOT_FOUND.into()),
        }
    }

    #[test]
    fn numbering_confirmed_by_every_printed_level() {
        let mut units = vec![
            unit("100-301", Some(3)),
            unit("100-302", Some(3)),
            unit("100-303", Some(3)),
            unit("100-204", None),
        ];
        levels(&mut units);
        assert!(matches!(
            units[3].level,
            Found::Inferred(Level::Numbered(2), _)
        ));
    }

    #[test]
    fn one_exception_or_too_few_and_nothing_is_inferred() {
        let mut units = vec![
            unit("100-301", Some(3)),
            unit("100-302", Some(2)),
            unit("100-303", Some(3)),
            unit("100-204", None),
        ];
        levels(&mut units);
        assert!(matches!(units[3].level, Found::Unknown(_)));
        let mut units = vec![
            unit("100-301", Some(3)),
            unit("100-302", Some(3)),
            unit("100-204", None),
        ];
        levels(&mut units);
        assert!(matches!(units[2].level, Found::Unknown(_)));
    }
}
