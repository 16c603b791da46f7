//! The wizard's root: owns its state, shows the step indicator and the current page.

use super::account_form::AccountForm;
use super::account_page::AccountPage;
use super::step_indicator::StepIndicator;
use super::subscriptions_page::SubscriptionsPage;
use super::wizard_context::WizardContext;
use crate::api::SharedApi;
use crate::config::Config;
use crate::domain::builtin_countries::builtin_rules;
use crate::domain::field::Field;
use crate::domain::wizard::Step;
use leptos::prelude::*;

/// The chosen country's rules: the endpoint's answer merged over the built-in data, and the
/// built-in data alone until (or unless) the endpoint answers.
fn country_rules(
    form: AccountForm,
    api: SharedApi,
) -> Memo<crate::domain::country_rules::CountryRules> {
    let country = form.text(Field::Country);
    let answer = LocalResource::new(move || {
        let iso2 = country.get();
        let api = api.clone();
        async move {
            if iso2.is_empty() {
                return None;
            }
            api.country_rules(&iso2)
                .await
                .ok()
                .flatten()
                .map(|rules| (iso2, rules))
        }
    });
    Memo::new(move |_| {
        let iso2 = country.get();
        let builtin = builtin_rules(&iso2).unwrap_or_default();
        match answer.get().flatten() {
            Some((answered, rules)) if answered == iso2 => rules.merged_over(builtin),
            _ => builtin,
        }
    })
}

/// Where the calls go, in words, for the banner.
fn backend_text(config: &Config) -> String {
    match &config.api_base {
        Some(base) => format!("Endpoint: {base}"),
        None => "Demo mode: a built-in back end answers; nothing leaves this browser.".to_string(),
    }
}

/// The whole wizard.
#[component]
pub fn App(config: Config, api: SharedApi) -> impl IntoView {
    let form = AccountForm::new(config.country.clone());
    let rules = country_rules(form, api.clone());
    let banner = backend_text(&config);
    let context = WizardContext::new(config, api, form, rules);
    provide_context(context);
    let step = Memo::new(move |_| context.wizard.get().step());
    view! {
        <div class="wizard">
            <p class="backend-banner">{banner}</p>
            <StepIndicator current=step />
            <div class="page">
                {move || match step.get() {
                    Step::AccountInfo => view! { <AccountPage /> }.into_any(),
                    Step::Subscriptions => view! { <SubscriptionsPage /> }.into_any(),
                    Step::Review | Step::Done => ().into_any(),
                }}
            </div>
        </div>
    }
}
