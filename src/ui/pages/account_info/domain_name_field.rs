//! The domain prefix: the input, the sign-in name it makes, and the live availability status.

use crate::api::DomainAvailability;
use crate::domain::account::field::Field;
use crate::domain::account::rules::domain_prefix::{check_domain_prefix, full_domain, SUFFIX};
use crate::ui::common::effect::effect;
use crate::ui::fields::text_field::TextField;
use crate::ui::i18n::{use_i18n, DomainWords, Messages, Text};
use crate::ui::state::account::use_account;
use crate::ui::state::domain_name_check::DomainNameStatus;
use crate::ui::state::wizard::use_wizard;
use leptos::prelude::*;

/// The status line's words.
fn status_text(status: &DomainNameStatus, messages: &dyn Messages) -> String {
    let words = match status {
        DomainNameStatus::Idle => DomainWords::Idle,
        DomainNameStatus::Checking(domain) => DomainWords::Checking(domain),
        DomainNameStatus::Answered(domain, DomainAvailability::Free) => DomainWords::Free(domain),
        DomainNameStatus::Answered(domain, DomainAvailability::Taken) => DomainWords::Taken(domain),
        DomainNameStatus::Failed(domain, error) => {
            return messages.domain_status(DomainWords::Failed(domain, &messages.api_error_text(error)));
        }
    };
    messages.domain_status(words)
}

/// The domain prefix field.
#[component]
pub fn DomainNameField(#[prop(into)] error: Signal<Option<String>>) -> impl IntoView {
    let account_state = use_account();
    let wizard = use_wizard();
    let i18n = use_i18n();
    let value = account_state.form.text(Field::DomainPrefix);
    let check = account_state.domain_check;
    let api = wizard.api();
    effect(move || {
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
            DomainNameStatus::Answered(_, DomainAvailability::Free) => "domain-status domain-status-free",
            DomainNameStatus::Answered(_, DomainAvailability::Taken) | DomainNameStatus::Failed(..) => {
                "domain-status domain-status-problem"
            }
            _ => "domain-status",
        })
    };
    view! {
        <TextField
            id=Field::DomainPrefix.id()
            label=Signal::derive(move || account_state.rules.with(|rules| i18n.messages().label(Field::DomainPrefix, rules)))
            hint=i18n.signal(Text::DomainPrefixHint)
            value
            error
            width="width-20"
            suffix=SUFFIX
        />
        <p class="domain-preview">
            {i18n.text(Text::AdminSignInName)}
            <strong class="domain-preview-value">{sign_in}</strong>
        </p>
        <p class=status_class role="status">{move || check.status.with(|status| status_text(status, i18n.messages()))}</p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_words() {
        let domain = "wingtiptoys.onmicrosoft.com".to_string();
        let english = crate::ui::i18n::Locale::En.messages();
        assert_eq!(status_text(&DomainNameStatus::Idle, english), "");
        assert_eq!(
            status_text(&DomainNameStatus::Answered(domain.clone(), DomainAvailability::Taken), english),
            "wingtiptoys.onmicrosoft.com is already taken. Choose another prefix."
        );
        assert_eq!(
            status_text(&DomainNameStatus::Answered(domain, DomainAvailability::Free), english),
            "wingtiptoys.onmicrosoft.com is available."
        );
    }
}
