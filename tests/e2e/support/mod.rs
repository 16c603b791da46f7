//! What the end-to-end tests run on: the stub endpoint, the static host of `dist/` (and of the
//! hostile partner page), and the browser driven as a user would.

pub mod browser;
pub mod site;
pub mod stub;
