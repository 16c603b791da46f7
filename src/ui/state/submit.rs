//! Submit's state: the job, whether a reload interrupted it, and what the endpoint refused.

use crate::domain::account::field::Field;
use crate::domain::commerce::choice::ChosenLine;
use crate::submit::job::SubmitJob;
use leptos::prelude::*;

/// Where an endpoint's answer to Submit says a problem is, kept until the user changes that
/// value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ServerIssue {
    /// A field of Account info, with the value the endpoint refused.
    Field {
        /// The field.
        field: Field,
        /// The value sent.
        value: String,
        /// What the endpoint said, in words.
        message: String,
    },
    /// Lines of Subscriptions the cart refused: each product with the message at its line and
    /// the line as it was refused (the message goes once the line changes).
    Lines(Vec<(String, String, ChosenLine)>),
}

/// The submit job and what it found.
#[derive(Clone, Copy)]
pub struct SubmitState {
    /// The submit job, once Submit was pressed.
    pub job: RwSignal<Option<SubmitJob>>,
    /// Whether the job was interrupted by a reload and waits to be resumed.
    pub interrupted: RwSignal<bool>,
    /// A problem the endpoint found in what was submitted.
    pub server_issue: RwSignal<Option<ServerIssue>>,
}

impl SubmitState {
    /// Nothing submitted yet.
    pub fn new() -> Self {
        Self { job: RwSignal::new(None), interrupted: RwSignal::new(false), server_issue: RwSignal::new(None) }
    }

    /// Whether the customer exists already (its details can no longer change).
    pub fn customer_created(&self) -> bool {
        self.job.with(|job| job.as_ref().is_some_and(|job| job.customer.is_some()))
    }
}

impl Default for SubmitState {
    fn default() -> Self {
        Self::new()
    }
}

/// The Submit state of the wizard this component belongs to.
pub fn use_submit() -> SubmitState {
    use_context::<SubmitState>().expect("a wizard page outside the wizard")
}
