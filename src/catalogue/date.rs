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
