//! Calendar dates as the specifications print them (`31/7/2026`).

use std::fmt;
use std::str::FromStr;

/// A calendar day; orders chronologically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// Year, e.g. 2026.
    pub year: u16,
    /// Month, 1-12.
    pub month: u8,
    /// Day of the month, 1-31.
    pub day: u8,
}

impl FromStr for Date {
    type Err = String;

    /// Parses the UK form `D/M/YYYY`, as printed in the specifications.
    fn from_str(text: &str) -> Result<Self, String> {
        let bad = || format!("`{text}` is not a date in the form DD/MM/YYYY");
        let parts: Vec<&str> = text.trim().split('/').collect();
        let [day, month, year] = parts.as_slice() else {
            return Err(bad());
        };
        let day: u8 = day.parse().map_err(|_| bad())?;
        let month: u8 = month.parse().map_err(|_| bad())?;
        let year: u16 = year.parse().map_err(|_| bad())?;
        if !(1..=12).contains(&month) || !(1900..=9999).contains(&year) {
            return Err(bad());
        }
        if !(1..=days_in_month(year, month)).contains(&day) {
            return Err(format!("`{text}` is not a day of the calendar"));
        }
        Ok(Date { year, month, day })
    }
}

/// Days in `month` of `year`, leap years included.
fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Date {
    /// The date as UK readers write it: `31/07/2017`.
    pub fn uk(&self) -> String {
        format!("{:02}/{:02}/{:04}", self.day, self.month, self.year)
    }

    /// Days since 1 January 1970 (the civil calendar, proleptic Gregorian).
    pub fn days(&self) -> u32 {
        let (y, m, d) = (
            i64::from(self.year),
            i64::from(self.month),
            i64::from(self.day),
        );
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        (era * 146_097 + doe - 719_468).max(0) as u32
    }

    /// The date `days` after 1 January 1970, if it is a year the planner reads (1900-9999).
    pub fn from_days(days: u32) -> Option<Date> {
        let z = i64::from(days) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + i64::from(month <= 2);
        (1970..=9999).contains(&year).then_some(Date {
            year: year as u16,
            month,
            day,
        })
    }

    /// Reads the ISO form `2026-07-31` (as [`Display`](fmt::Display) writes it).
    pub fn parse_iso(text: &str) -> Option<Date> {
        let mut parts = text.split('-');
        let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || year.len() != 4 || month.len() != 2 || day.len() != 2 {
            return None;
        }
        format!("{day}/{month}/{year}").parse().ok()
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Date::parse_iso(&text)
            .ok_or_else(|| serde::de::Error::custom("not a date in the form YYYY-MM-DD"))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_printed_dates_and_orders_them() {
        let a: Date = "31/7/2026".parse().unwrap();
        let b: Date = "1/1/2013".parse().unwrap();
        assert!(b < a);
        assert_eq!(a.to_string(), "2026-07-31");
        assert_eq!(a.uk(), "31/07/2026");
        assert!("2026-07-31".parse::<Date>().is_err());
        assert!("32/1/2020".parse::<Date>().is_err());
    }

    #[test]
    fn days_since_1970_round_trip() {
        let epoch = Date {
            year: 1970,
            month: 1,
            day: 1,
        };
        assert_eq!(epoch.days(), 0);
        assert_eq!("1/3/2000".parse::<Date>().unwrap().days(), 11_017);
        assert_eq!("24/11/2026".parse::<Date>().unwrap().days(), 20_781);
        for days in (0..40_000).step_by(7) {
            let date = Date::from_days(days).unwrap();
            assert_eq!(date.days(), days);
            assert_eq!(date.uk().parse::<Date>(), Ok(date));
            assert_eq!(Date::parse_iso(&date.to_string()), Some(date));
        }
        assert_eq!(Date::parse_iso("2026-7-31"), None);
    }

    #[test]
    fn days_past_the_end_of_their_month_are_refused() {
        assert!("31/02/2020".parse::<Date>().is_err());
        assert!("30/02/2020".parse::<Date>().is_err());
        assert!("29/02/2021".parse::<Date>().is_err());
        assert!("31/04/2021".parse::<Date>().is_err());
        assert!("29/02/2020".parse::<Date>().is_ok());
        assert!("29/02/2000".parse::<Date>().is_ok());
        assert!("29/02/1900".parse::<Date>().is_err());
        assert!("31/12/2021".parse::<Date>().is_ok());
    }
}
