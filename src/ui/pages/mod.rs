//! The wizard's pages, one folder each: Account info, Subscriptions, Review (with Submit), Done,
//! and the relationship request for a customer that exists already.

pub mod account_info;
pub mod done;
pub mod relationship;
pub mod review;
pub mod subscriptions;
