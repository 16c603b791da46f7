//! The Leptos components: thin over signals, with the rules in [`crate::domain`].

pub mod account_form;
pub mod account_page;
pub mod agreement_section;
pub mod app;
pub mod binding;
pub mod browser;
pub mod checkbox_field;
pub mod domain_check;
pub mod domain_field;
pub mod done_page;
pub mod error_summary;
pub mod intl;
pub mod load_failed;
pub mod messages;
pub mod mount;
pub mod offer_row;
pub mod page_heading;
pub mod relationship_page;
pub mod reseller_section;
pub mod review_page;
pub mod select_field;
pub mod step_indicator;
pub mod submit_progress;
pub mod subscriptions_page;
pub mod text_field;
pub mod wizard_context;
