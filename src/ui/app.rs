//! The wizard's root: owns its state, shows the step indicator and the current page. "Done"
//! replaces the whole wizard with a new one, disposing everything the old one held.

use super::account_form::AccountForm;
use super::account_page::AccountPage;
use super::done_page::DonePage;
use super::intl::{format_number, UI_LOCALE_TAG};
use super::relationship_page::RelationshipPage;
use super::review_page::ReviewPage;
use super::step_indicator::StepIndicator;
use super::subscriptions_page::SubscriptionsPage;
use super::wizard_context::{Catalog, ResellerList, ResellerOption, WizardContext, WizardParts};
use crate::api::{ApiError, SharedApi};
use crate::config::Config;
use crate::domain::builtin_countries::builtin_rules;
use crate::domain::country_rules::CountryRules;
use crate::domain::field::Field;
use crate::domain::wizard::Step;
use leptos::prelude::*;

/// The chosen country's rules: the endpoint's answer merged over the built-in data, and the
/// built-in data alone until (or unless) the endpoint answers.
fn country_rules(form: AccountForm, api: SharedApi) -> Memo<CountryRules> {
    let country = form.text(Field::Country);
    let answer = LocalResource::new(move || {
        let iso2 = country.get();
        let api = api.clone();
        async move {
            if iso2.is_empty() {
                return None;
            }
            api.country_rules(&iso2).await.ok().flatten().map(|rules| (iso2, rules))
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

/// The chosen country's catalog, loaded when the country changes.
fn country_catalog(form: AccountForm, api: SharedApi) -> LocalResource<Result<Catalog, ApiError>> {
    let country = form.text(Field::Country);
    LocalResource::new(move || {
        let country = country.get();
        let api = api.clone();
        async move {
            if country.is_empty() {
                return Ok(Catalog::default());
            }
            let (offers, categories) = futures::future::join(
                api.offers(&country, UI_LOCALE_TAG),
                api.offer_categories(&country, UI_LOCALE_TAG),
            )
            .await;
            Ok(Catalog { offers: offers?, categories: categories.unwrap_or_default() })
        }
    })
}

/// An indirect provider's resellers, each with its partner-agreement status.
fn reseller_list(api: SharedApi) -> ResellerList {
    LocalResource::new(move || {
        let api = api.clone();
        async move {
            let resellers = api.resellers().await?;
            let statuses = futures::future::join_all(
                resellers.iter().map(|reseller| api.reseller_agreement_signed(&reseller.mpn_id)),
            )
            .await;
            Ok(resellers
                .into_iter()
                .zip(statuses)
                .map(|(reseller, signed)| ResellerOption { reseller, signed: signed.unwrap_or(false) })
                .collect())
        }
    })
}

/// Where the calls go, in words, for the banner.
fn backend_text(config: &Config) -> String {
    match (&config.api_base, config.demo_offers) {
        (Some(base), _) => format!("Endpoint: {base}"),
        (None, Some(count)) => {
            format!(
                "Demo mode with a generated catalog of {} offers: nothing leaves this browser.",
                format_number(count as u64)
            )
        }
        (None, None) => "Demo mode: a built-in back end answers; nothing leaves this browser.".to_string(),
    }
}

/// One wizard, from an empty Account info page to Done.
#[component]
fn Wizard(config: Config, api: SharedApi, restart: Callback<()>) -> impl IntoView {
    let form = AccountForm::new(config.country.clone());
    let rules = country_rules(form, api.clone());
    let catalog = country_catalog(form, api.clone());
    let resellers = config.indirect.then(|| reseller_list(api.clone()));
    let context = WizardContext::new(WizardParts { config, api, form, rules, catalog, resellers, restart });
    provide_context(context);
    let step = Memo::new(move |_| context.wizard.get().step());
    let relationship = Memo::new(move |_| context.relationship_request.get());
    view! {
        <Show when=move || !relationship.get()>
            <StepIndicator current=step />
        </Show>
        <div class="page">
            {move || match (relationship.get(), step.get()) {
                (true, _) => view! { <RelationshipPage /> }.into_any(),
                (false, Step::AccountInfo) => view! { <AccountPage /> }.into_any(),
                (false, Step::Subscriptions) => view! { <SubscriptionsPage /> }.into_any(),
                (false, Step::Review) => view! { <ReviewPage /> }.into_any(),
                (false, Step::Done) => view! { <DonePage /> }.into_any(),
            }}
        </div>
    }
}

/// The whole wizard.
#[component]
pub fn App(config: Config, api: SharedApi) -> impl IntoView {
    let banner = backend_text(&config);
    let run = RwSignal::new(0u32);
    let restart = Callback::new(move |()| run.update(|run| *run += 1));
    let config = StoredValue::new(config);
    let api = StoredValue::new_local(api);
    view! {
        <div class="wizard">
            <p class="backend-banner">{banner}</p>
            {move || {
                run.track();
                view! { <Wizard config=config.get_value() api=api.get_value() restart /> }
            }}
        </div>
    }
}
