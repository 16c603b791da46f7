//! The domain prefix: the input, the sign-in name it makes, and the live availability status.

use super::domain_check::DomainStatus;
use super::text_field::TextField;
use super::wizard_context::use_wizard;
use crate::api::DomainAvailability;
use crate::domain::field::Field;
use crate::domain::rules::domain_prefix::{check_domain_prefix, full_domain, SUFFIX};
use leptos::prelude::*;

/// The status line's words.
fn status_text(status: &DomainStatus) -> String {
    match status {
        DomainStatus::Idle => String::new(),
        DomainStatus::Checking(domain) => format!("Checking whether {domain} is available…"),
        DomainStatus::Answered(domain, DomainAvailability::Free) => {
            format!("{domain} is available.")
        }
        DomainStatus::Answered(domain, DomainAvailability::Taken) => {
            format!("{domain} is already taken. Choose another prefix.")
        }
        DomainStatus::Failed(domain, reason) => format!("Could not check {domain}: {reason}."),
    }
}

/// The domain prefix field.
#[component]
pub fn DomainField(#[prop(into)] error: Signal<Option<String>>) -> impl IntoView {
    let context = use_wizard();
    let value = context.form.text(Field::DomainPrefix);
    let check = context.domain_check;
    let api = context.api();
    Effect::new(move |_| {
        let prefix = value.get();
        if check_domain_prefix(&prefix).is_ok() {
            check.schedule(api.clone(), full_domain(&prefix));
        } else {
            check.reset();
        }
    });
    let sign_in = move || {
        let prefix = value.get().trim().to_ascii_lowercase();
        if prefix.is_empty() {
            format!("admin@…{SUFFIX}")
        } else {
            format!("admin@{prefix}{SUFFIX}")
        }
    };
    let status_class = move || {
        check.status.with(|status| match status {
            DomainStatus::Answered(_, DomainAvailability::Free) => "domain-status domain-status-free",
            DomainStatus::Answered(_, DomainAvailability::Taken) | DomainStatus::Failed(..) => {
                "domain-status domain-status-problem"
            }
            _ => "domain-status",
        })
    };
    view! {
        <TextField
            id=Field::DomainPrefix.id()
            label="Domain prefix"
            hint="Letters and digits only, up to 27. It becomes the customer's initial domain and cannot be changed later."
            value
            error
            width="width-20"
            suffix=SUFFIX
        />
        <p class="domain-preview">
            "Admin sign-in name: " <strong class="domain-preview-value">{sign_in}</strong>
        </p>
        <p class=status_class role="status">{move || check.status.with(status_text)}</p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_words() {
        let domain = "wingtiptoys.onmicrosoft.com".to_string();
        assert_eq!(status_text(&DomainStatus::Idle), "");
        assert_eq!(
            status_text(&DomainStatus::Answered(domain.clone(), DomainAvailability::Taken)),
            "wingtiptoys.onmicrosoft.com is already taken. Choose another prefix."
        );
        assert_eq!(
            status_text(&DomainStatus::Answered(domain, DomainAvailability::Free)),
            "wingtiptoys.onmicrosoft.com is available."
        );
    }
}
