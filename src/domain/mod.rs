//! The pure domain: no browser, no network. Everything here is unit-tested natively.
//!
//! - [`account`]: what Account info collects, its fields, their rules, the address check and the
//!   indirect reseller;
//! - [`country`]: the countries and each country's rules;
//! - [`commerce`]: new commerce: products, SKUs, availabilities, the choice, the cart and its
//!   checkout, qualifications;
//! - [`prices`]: the partner's price list, each line's price and the totals;
//! - [`requests`]: the bodies sent to the endpoint (customer, agreement, relationship request);
//! - [`wizard`]: the steps and the draft;
//! - [`common`]: dates, letter case, a stable sort.

pub mod account;
pub mod commerce;
pub mod common;
pub mod country;
#[cfg(test)]
pub mod fixtures;
pub mod prices;
pub mod requests;
pub mod wizard;
