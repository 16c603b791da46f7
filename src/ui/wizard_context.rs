//! What every page of one wizard shares, provided by its root as context.

use super::account_form::AccountForm;
use super::domain_check::DomainCheck;
use crate::api::{ApiError, SharedApi};
use crate::config::Config;
use crate::domain::country_rules::CountryRules;
use crate::domain::field::Field;
use crate::domain::offer::{Offer, OfferCategory};
use crate::domain::selection::ChosenOffer;
use crate::domain::wizard::Wizard;
use crate::submit::job::SubmitJob;
use leptos::prelude::*;

/// The catalog of the chosen country.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Catalog {
    /// The country it was loaded for.
    pub country: String,
    /// Its offers.
    pub offers: Vec<Offer>,
    /// Its categories, by rank.
    pub categories: Vec<OfferCategory>,
}

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
    /// An offer of Subscriptions.
    Offer {
        /// The offer id.
        offer_id: String,
        /// What the endpoint said, in words.
        message: String,
    },
}

/// The state of one wizard, owned by its root so that no page's unmount disposes it.
#[derive(Clone, Copy)]
pub struct WizardContext {
    /// Where the wizard is.
    pub wizard: RwSignal<Wizard>,
    /// Whether the next page's heading takes focus (every step change but the first page load).
    pub focus_heading: RwSignal<bool>,
    /// The Account info entries.
    pub form: AccountForm,
    /// The chosen country's rules: the endpoint's answer over the built-in data.
    pub rules: Memo<CountryRules>,
    /// The domain availability check.
    pub domain_check: DomainCheck,
    /// The chosen country's catalog, loading or loaded.
    pub catalog: LocalResource<Result<Catalog, ApiError>>,
    /// The chosen offers, in the order they were chosen.
    pub chosen: RwSignal<Vec<ChosenOffer>>,
    /// The submit job, once Submit was pressed.
    pub job: RwSignal<Option<SubmitJob>>,
    /// A problem the endpoint found in what was submitted.
    pub server_issue: RwSignal<Option<ServerIssue>>,
    /// The host's configuration.
    pub config: StoredValue<Config>,
    /// Starts a new, empty wizard.
    pub restart: Callback<()>,
    api: StoredValue<SharedApi, LocalStorage>,
}

/// What a new wizard starts from.
pub struct WizardParts {
    /// The host's configuration.
    pub config: Config,
    /// The back end.
    pub api: SharedApi,
    /// The entries.
    pub form: AccountForm,
    /// The country's rules.
    pub rules: Memo<CountryRules>,
    /// The country's catalog.
    pub catalog: LocalResource<Result<Catalog, ApiError>>,
    /// Starts a new wizard.
    pub restart: Callback<()>,
}

impl WizardContext {
    /// Bundles the wizard's state.
    pub fn new(parts: WizardParts) -> Self {
        Self {
            wizard: RwSignal::new(Wizard::default()),
            focus_heading: RwSignal::new(false),
            form: parts.form,
            rules: parts.rules,
            domain_check: DomainCheck::new(),
            catalog: parts.catalog,
            chosen: RwSignal::new(Vec::new()),
            job: RwSignal::new(None),
            server_issue: RwSignal::new(None),
            config: StoredValue::new(parts.config),
            restart: parts.restart,
            api: StoredValue::new_local(parts.api),
        }
    }

    /// The back end, whichever it is.
    pub fn api(&self) -> SharedApi {
        self.api.get_value()
    }

    /// Moves the wizard and sends focus to the new page's heading.
    pub fn go(&self, next: Wizard) {
        self.focus_heading.set(true);
        self.wizard.set(next);
    }

    /// Whether the customer exists already (its details can no longer change).
    pub fn customer_created(&self) -> bool {
        self.job.with(|job| job.as_ref().is_some_and(|job| job.customer.is_some()))
    }
}

/// The context of the wizard this component belongs to.
pub fn use_wizard() -> WizardContext {
    use_context::<WizardContext>().expect("a wizard page outside the wizard")
}
