//! Keeps the submit job (`submit::saved_job`) in the tab's sessionStorage while it runs: after a
//! reload in mid-submit, the wizard opens on Review with the job, which the user resumes rather
//! than starting again; after a reload while the checkout waits, on Done with Check again. Gone
//! once the job is complete or dropped.

use crate::domain::wizard::steps::{Step, WizardPosition};
use crate::submit::saved_job::{SavedJob, SAVED_JOB_VERSION};
use crate::ui::common::effect::effect;
use crate::ui::state::wizard_state::WizardState;
use crate::ui::wizard::draft_store::{now_ms, session_slot};
use leptos::prelude::*;

/// Restores an interrupted job, if the host keeps drafts and there is one, and keeps the job
/// saved from then on.
pub fn keep_job(state: WizardState) {
    let Some((storage, key)) = session_slot(&state, "job", SAVED_JOB_VERSION) else { return };
    if let Some(job) = storage.get_item(&key).ok().flatten().and_then(|json| SavedJob::read(&json, now_ms())) {
        // A checkout that waits (Microsoft's review, the customer's acceptance) is where it was:
        // Done, with the kept cart and Check again. Anything else was cut off in mid-call.
        let held = job.hold().is_some();
        state.submit.job.set(Some(job));
        if held {
            // `at` never opens Done (only Submit reaches it): Done is the step after Review.
            state.wizard.position.set(WizardPosition::at(Step::Review).next());
        } else {
            state.submit.interrupted.set(true);
            state.wizard.position.set(WizardPosition::at(Step::Review));
        }
    }
    effect(move || {
        state.submit.job.with(|job| {
            let _ = match job {
                Some(job) if !job.is_complete() => storage.set_item(&key, &SavedJob::of(job, now_ms()).write()),
                _ => storage.remove_item(&key),
            };
        })
    });
}
