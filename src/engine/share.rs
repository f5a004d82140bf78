//! "At least half of the optional credits at level 3 or above": a share rule's verdict,
//! in exact whole-number arithmetic on `den × (credits in the band) − num × (credits)`.

use crate::catalogue::{Fraction, LevelFilter, Qualification, Scope};

use super::holdings::Holdings;
use super::RuleStatus;

/// (status, still needed, credits certainly in the band, credits the share asks of the
/// credits known).
pub fn verdict(
    qual: &Qualification,
    holdings: &Holdings,
    scope: &Scope,
    band: LevelFilter,
    share: Fraction,
) -> (RuleStatus, Option<String>, u64, u64) {
    let slack = holdings.share(scope, band, share);
    let inside = holdings.credits(scope, Some(band)).low;
    let whole = holdings.credits(scope, None).low;
    let (num, den) = (u64::from(share.num), u64::from(share.den));
    let asked = (whole * num).div_ceil(den);
    let status = match (slack.low, slack.high) {
        (Some(low), _) if low >= 0 => RuleStatus::Met,
        (_, Some(high)) if high < 0 => RuleStatus::Unmet,
        _ => RuleStatus::Unconfirmed,
    };
    if status == RuleStatus::Met {
        return (status, None, inside, asked);
    }
    let short = slack.low.map_or(0, |low| (-low).max(0) as u128);
    let phrase = format!("{}{}", band.phrase(), scope.phrase(qual));
    let still = if den > num {
        // Each credit added in the band raises the slack by den − num.
        let more = short.div_ceil(u128::from(den - num));
        format!("{more} more {}{phrase}", credits(more))
    } else {
        let out = short.div_ceil(u128::from(num));
        format!("remove {out} {} not{phrase}", credits(out))
    };
    (status, Some(still), inside, asked)
}

fn credits(n: u128) -> &'static str {
    if n == 1 {
        "credit"
    } else {
        "credits"
    }
}
