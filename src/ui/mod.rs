//! The Leptos components: thin over signals, with the rules in [`crate::domain`] and the submit
//! pipeline in [`crate::submit`].
//!
//! - [`embed`]: `mount()`, the custom element's wiring, and the scope events are sent from;
//! - [`wizard`]: the shell around the pages, the step indicator, page history, and where the
//!   wizard's state is kept over a reload (draft and job stores);
//! - [`state`]: the wizard's state by concern (account, catalog, resellers, submit), each its
//!   own context;
//! - [`pages`]: one folder per page;
//! - [`fields`]: the form controls every page is built of;
//! - [`common`]: small parts and browser helpers the pages share;
//! - [`i18n`]: the message tables, English and Russian.

pub mod common;
pub mod embed;
pub mod fields;
pub mod i18n;
pub mod pages;
pub mod state;
pub mod wizard;
