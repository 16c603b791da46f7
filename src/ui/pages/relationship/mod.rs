//! The reseller relationship request: an invitation link for a customer that exists already.

pub mod page;
