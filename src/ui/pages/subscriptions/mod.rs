//! The Subscriptions page: the catalog's search and its rows.

pub mod page;
pub mod product_row;
pub mod product_search;
