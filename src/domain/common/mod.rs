//! Small helpers of the domain: calendar dates, letter case, a stable sort.

pub mod calendar_date;
pub mod letter_case;
pub mod stable_sort;
