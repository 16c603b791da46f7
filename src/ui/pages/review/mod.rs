//! The Review page: the answers to check, and the Submit panel that shows the job's progress.

pub mod page;
pub mod submit_panel;
