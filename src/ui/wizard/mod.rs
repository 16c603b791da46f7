//! One wizard around its pages: the shell, the step indicator, page history, the request log, and
//! the stores that keep the draft and the submit job over a reload.

pub mod draft_store;
pub mod job_store;
pub mod page_history;
pub mod request_log_panel;
pub mod shell;
pub mod step_indicator;
