//! The Subscriptions page: the catalog's search and its rows.

pub mod offer_row;
pub mod offer_search;
pub mod page;
