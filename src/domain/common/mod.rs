//! Small helpers of the domain: calendar dates, reading JSON, letter case, a stable sort, a
//! URL's query.

pub mod calendar_date;
pub mod collection;
pub mod decode;
pub mod letter_case;
pub mod stable_sort;
pub mod url_query;
