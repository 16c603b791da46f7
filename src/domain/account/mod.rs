//! The customer's account: what Account info collects, its fields and their errors, the rules
//! that check them, the address check, and the indirect provider's reseller.

pub mod account_info;
pub mod address_check;
pub mod field;
pub mod field_error;
pub mod reseller;
pub mod rules;
pub mod validation;
