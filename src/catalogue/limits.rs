//! The largest numbers the planner accepts from a file, a link or a form. Every number from
//! outside is checked against these, so sums over a whole qualification stay far inside
//! `u32` and no arithmetic can wrap.

/// Most credits one unit can carry.
pub const MAX_UNIT_CREDITS: u32 = 999;
/// Largest minimum or maximum a rule can set (credits or units).
pub const MAX_RULE_BOUND: u32 = 99_999;
/// Most guided learning hours or total qualification time.
pub const MAX_HOURS: u32 = 99_999;
/// Most learning outcomes in a unit.
pub const MAX_OUTCOMES: u32 = 999;
/// Largest unit key: a share link carries keys 1 to this.
pub const MAX_KEY: u32 = 4096;

/// Whether `value` is at most `max`; the problem says by how much it is not.
pub fn within(value: u32, max: u32) -> Result<(), super::spec_error::Kind> {
    if value <= max {
        Ok(())
    } else {
        Err(super::spec_error::Kind::TooLarge { value, max })
    }
}
