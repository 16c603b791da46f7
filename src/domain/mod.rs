//! The pure domain: no browser, no network. Everything here is unit-tested natively.

pub mod account_info;
pub mod account_validation;
pub mod address_check;
pub mod agreement_request;
pub mod calendar_date;
pub mod countries;
pub mod country_rules;
pub mod customer_request;
pub mod draft;
pub mod field;
pub mod field_error;
#[cfg(test)]
pub mod fixtures;
pub mod letter_case;
pub mod offer;
pub mod order_plan;
pub mod pattern;
pub mod relationship_request;
pub mod reseller;
pub mod rules;
pub mod selection;
pub mod stable_sort;
pub mod wizard;
