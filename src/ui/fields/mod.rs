//! The form controls: a field's frame (label, hint, error, `aria-describedby`), the text, select
//! and check box fields built on it, and the error summary.

pub mod account_field;
pub mod binding;
pub mod checkbox_field;
pub mod error_summary;
pub mod frame;
pub mod select_field;
pub mod text_field;
