//! The validation rules of the Account info fields, one concept a file. Each takes the raw value
//! as typed and answers `Ok(())` or the first [`FieldError`](crate::domain::account::field_error::FieldError).

pub mod address;
pub mod agreement_date;
pub mod check_digits;
pub mod company_name;
pub mod domain_prefix;
pub mod email;
pub mod person_name;
pub mod phone;
pub mod registration_number;
pub mod text;
