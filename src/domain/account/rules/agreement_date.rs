//! The date the customer accepted the Microsoft Customer Agreement: a real day, not in the future.

use crate::domain::account::field_error::FieldError;
use crate::domain::common::calendar_date::CalendarDate;

/// Checks the acceptance date against `today` (the user's local date).
pub fn check_agreement_date(value: &str, today: CalendarDate) -> Result<CalendarDate, FieldError> {
    if value.trim().is_empty() {
        return Err(FieldError::Missing);
    }
    let date = CalendarDate::parse(value).ok_or(FieldError::InvalidDate)?;
    if date > today {
        Err(FieldError::FutureDate)
    } else {
        Ok(date)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> CalendarDate {
        CalendarDate::parse("2026-11-23").unwrap()
    }

    #[test]
    fn today_and_past_days_pass() {
        assert!(check_agreement_date("2026-11-23", today()).is_ok());
        assert!(check_agreement_date("2025-01-31", today()).is_ok());
    }

    #[test]
    fn future_missing_and_invalid_dates_fail() {
        assert_eq!(check_agreement_date("2026-11-24", today()), Err(FieldError::FutureDate));
        assert_eq!(check_agreement_date("", today()), Err(FieldError::Missing));
        assert_eq!(check_agreement_date("2026-02-30", today()), Err(FieldError::InvalidDate));
    }
}
