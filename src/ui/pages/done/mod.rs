//! The Done page: what was created.

pub mod page;
