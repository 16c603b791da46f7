//! New commerce, as Partner Center sells seats since 2022 (issue 21): the catalog's products,
//! SKUs and availabilities, the purchase choices an availability's terms allow, the cart that
//! buys them and its checkout, and the customer's account verification. Wire types and rules
//! only; the Subscriptions page and the submit pipeline are moved onto them next.

pub mod cart;
pub mod catalog;
pub mod checkout;
pub mod choice;
pub mod lines;
pub mod qualification;
pub mod terms;
