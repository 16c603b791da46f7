//! The countries Partner Center sells in, each country's rules, and the patterns they hold.

pub mod countries;
pub mod country_rules;
pub mod pattern;
