//! Whether the chosen initial domain is free: a debounced `HEAD /v1/domains/{domain}` as the
//! user types, answers applied only while they are still about the current value, and a fresh
//! check on "Next".

use crate::api::{ApiError, DomainAvailability, SharedApi};
use crate::ui::common::set_if_changed::set_if_changed;
use leptos::prelude::*;
use std::time::Duration;

/// How long typing must pause before a check goes out.
const DEBOUNCE: Duration = Duration::from_millis(400);

/// What is known of a domain.
#[derive(Clone, Debug, PartialEq)]
pub enum DomainNameStatus {
    /// Nothing asked yet (or the prefix is not valid).
    Idle,
    /// A check is on its way.
    Checking(String),
    /// The endpoint answered.
    Answered(String, DomainAvailability),
    /// The check failed, with the error.
    Failed(String, ApiError),
}

impl DomainNameStatus {
    /// The domain this status speaks of.
    pub fn domain(&self) -> Option<&str> {
        match self {
            DomainNameStatus::Idle => None,
            DomainNameStatus::Checking(domain)
            | DomainNameStatus::Answered(domain, _)
            | DomainNameStatus::Failed(domain, _) => Some(domain),
        }
    }
}

/// The domain check of one wizard.
#[derive(Clone, Copy)]
pub struct DomainNameCheck {
    /// The latest status, for the status line and the field's error.
    pub status: RwSignal<DomainNameStatus>,
    generation: StoredValue<u64>,
    timer: StoredValue<Option<TimeoutHandle>>,
}

impl DomainNameCheck {
    /// A check with nothing asked yet.
    pub fn new() -> Self {
        Self {
            status: RwSignal::new(DomainNameStatus::Idle),
            generation: StoredValue::new(0),
            timer: StoredValue::new(None),
        }
    }

    /// Forgets any pending check and any answer: the prefix is not one to ask about.
    pub fn reset(self) {
        self.cancel_timer();
        self.generation.update_value(|generation| *generation += 1);
        // The field resets it as it is first drawn, when it is Idle already.
        set_if_changed(self.status, DomainNameStatus::Idle);
    }

    fn cancel_timer(self) {
        if let Some(timer) = self.timer.try_get_value().flatten() {
            timer.clear();
        }
        self.timer.try_set_value(None);
    }

    /// Checks `domain` once typing has paused, unless its answer is already known.
    pub fn schedule(self, api: SharedApi, domain: String) {
        self.cancel_timer();
        let known = self.status.with_untracked(|status| {
            matches!(status, DomainNameStatus::Answered(..) | DomainNameStatus::Checking(_))
                && status.domain() == Some(&domain)
        });
        if known {
            return;
        }
        self.generation.update_value(|generation| *generation += 1);
        let handle = set_timeout_with_handle(
            move || leptos::task::spawn_local(async move { self.check_now(api, domain).await }),
            DEBOUNCE,
        );
        self.timer.try_set_value(handle.ok());
    }

    /// Asks the endpoint now and waits for the answer, which becomes the status unless a newer
    /// check was started meanwhile.
    pub async fn check_now(self, api: SharedApi, domain: String) {
        self.cancel_timer();
        let Some(generation) = self.generation.try_update_value(|generation| {
            *generation += 1;
            *generation
        }) else {
            return;
        };
        self.status.try_set(DomainNameStatus::Checking(domain.clone()));
        let answer = api.domain_availability(&domain).await;
        if self.generation.try_get_value() != Some(generation) {
            return;
        }
        self.status.try_set(match answer {
            Ok(availability) => DomainNameStatus::Answered(domain, availability),
            Err(error) => DomainNameStatus::Failed(domain, error),
        });
    }
}

impl Default for DomainNameCheck {
    fn default() -> Self {
        Self::new()
    }
}
