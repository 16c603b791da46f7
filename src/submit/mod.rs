//! Submit: create the customer, attest the agreement, place the orders, as a job whose stages
//! can fail and be retried one by one without creating the customer twice.
//!
//! [`job::SubmitJob`] is the pure state machine; [`runner::run_pipeline`] drives it over any
//! [`crate::api::PartnerApi`]; [`error_target::locate`] says where a failure belongs on the pages;
//! [`session`] is what the Submit panel calls: which job to run, running it, what to correct.

pub mod error_target;
pub mod events;
pub mod job;
pub mod runner;
pub mod saved_job;
pub mod session;
