//! The pure domain: no browser, no network. Everything here is unit-tested natively.
//!
//! - [`account`]: what Account info collects, its fields, their rules, the address check and the
//!   indirect reseller;
//! - [`country`]: the countries and each country's rules;
//! - [`catalog`]: offers, the selection and how it becomes orders;
//! - [`requests`]: the bodies sent to the endpoint (customer, agreement, relationship request);
//! - [`wizard`]: the steps and the draft;
//! - [`common`]: dates, letter case, a stable sort.

pub mod account;
pub mod catalog;
pub mod commerce;
pub mod common;
pub mod country;
#[cfg(test)]
pub mod fixtures;
pub mod requests;
pub mod wizard;
