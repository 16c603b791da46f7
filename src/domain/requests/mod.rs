//! The request bodies the wizard sends, made from what the user entered.

pub mod agreement_request;
pub mod customer_request;
pub mod relationship_request;
