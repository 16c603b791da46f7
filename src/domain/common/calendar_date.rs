//! A calendar date without a time of day, as an `<input type="date">` gives it.

use std::fmt;

/// A day of the Gregorian calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct CalendarDate {
    /// The year, e.g. 2026.
    pub year: u16,
    /// The month, 1 to 12.
    pub month: u8,
    /// The day of the month, 1 to 31.
    pub day: u8,
}

impl CalendarDate {
    /// Parses `YYYY-MM-DD`, the value of a date input; `None` for anything else or a day that
    /// does not exist (2026-02-30).
    pub fn parse(text: &str) -> Option<Self> {
        let mut parts = text.trim().splitn(3, '-');
        let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
        if year.len() != 4 || month.len() != 2 || day.len() != 2 {
            return None;
        }
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if !(all_digits(year) && all_digits(month) && all_digits(day)) {
            return None;
        }
        let date = Self { year: year.parse().ok()?, month: month.parse().ok()?, day: day.parse().ok()? };
        (date.year >= 1900 && (1..=12).contains(&date.month) && date.day >= 1 && date.day <= date.days_in_month())
            .then_some(date)
    }

    fn days_in_month(&self) -> u8 {
        match self.month {
            2 if self.is_leap_year() => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
    }

    fn is_leap_year(&self) -> bool {
        (self.year.is_multiple_of(4) && !self.year.is_multiple_of(100)) || self.year.is_multiple_of(400)
    }

    /// The date as the agreement call wants it: midnight UTC of that day.
    pub fn to_utc_midnight(self) -> String {
        format!("{self}T00:00:00Z")
    }
}

impl fmt::Display for CalendarDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::CalendarDate;

    #[test]
    fn parses_a_date_input_value() {
        let date = CalendarDate::parse("2026-11-20").unwrap();
        assert_eq!((date.year, date.month, date.day), (2026, 11, 20));
        assert_eq!(date.to_string(), "2026-11-20");
        assert_eq!(date.to_utc_midnight(), "2026-11-20T00:00:00Z");
    }

    #[test]
    fn rejects_days_that_do_not_exist() {
        assert!(CalendarDate::parse("2026-02-29").is_none());
        assert!(CalendarDate::parse("2028-02-29").is_some());
        assert!(CalendarDate::parse("2100-02-29").is_none());
        assert!(CalendarDate::parse("2026-04-31").is_none());
        assert!(CalendarDate::parse("2026-13-01").is_none());
        assert!(CalendarDate::parse("2026-1-01").is_none());
        assert!(CalendarDate::parse("").is_none());
        assert!(CalendarDate::parse("yesterday").is_none());
    }

    #[test]
    fn orders_by_day() {
        let a = CalendarDate::parse("2026-11-20").unwrap();
        let b = CalendarDate::parse("2026-11-21").unwrap();
        assert!(a < b);
    }
}
