//! What every page of one wizard shares, provided by its root as context.

use crate::api::{ApiError, SharedApi};
use crate::config::Config;
use crate::domain::account::account_info::AccountInfo;
use crate::domain::account::address_check::PostalAddress;
use crate::domain::account::field::Field;
use crate::domain::account::reseller::{Reseller, ResellerChoice};
use crate::domain::account::validation::{validate_account, FieldIssue, ValidationContext};
use crate::domain::catalog::offer::Catalog;
use crate::domain::catalog::selection::ChosenOffer;
use crate::domain::country::country_rules::CountryRules;
use crate::domain::wizard::steps::WizardPosition;
use crate::submit::job::SubmitJob;
use crate::ui::common::browser::today;
use crate::ui::pages::subscriptions::offer_search::Searchable;
use crate::ui::wizard::account_form::AccountForm;
use crate::ui::wizard::domain_name_check::DomainNameCheck;
use leptos::prelude::*;

/// The chosen country's data file, loading or loaded.
pub type CountryFile = LocalResource<Option<Result<CountryRules, ApiError>>>;

/// A reseller of an indirect provider, and whether it signed the partner agreement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResellerOption {
    /// The reseller.
    pub reseller: Reseller,
    /// Whether it signed the partner agreement (only then can it be chosen).
    pub signed: bool,
}

/// An indirect provider's resellers, loading or loaded.
pub type ResellerList = LocalResource<Result<Vec<ResellerOption>, ApiError>>;

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
    pub wizard: RwSignal<WizardPosition>,
    /// Whether the next page's heading takes focus (every step change but the first page load).
    pub focus_heading: RwSignal<bool>,
    /// The Account info entries.
    pub form: AccountForm,
    /// The chosen country's data file, loading or loaded.
    pub country_file: CountryFile,
    /// The chosen country's rules: the endpoint's answer over the country's data file.
    pub rules: Memo<CountryRules>,
    /// The domain availability check.
    pub domain_check: DomainNameCheck,
    /// The chosen country's catalog, loading or loaded.
    pub catalog: LocalResource<Result<Catalog, ApiError>>,
    /// The catalog indexed for the Subscriptions page's search, made when the page first asks
    /// and kept while the catalog stays the same.
    pub offer_search: Memo<Option<Result<Searchable, ApiError>>>,
    /// The address the user settled in the address check (verified, chosen or kept as typed):
    /// the check is not asked again while the address stays the same.
    pub address_confirmed: RwSignal<Option<PostalAddress>>,
    /// The chosen offers, in the order they were chosen.
    pub chosen: RwSignal<Vec<ChosenOffer>>,
    /// The submit job, once Submit was pressed.
    pub job: RwSignal<Option<SubmitJob>>,
    /// Whether the job was interrupted by a reload and waits to be resumed.
    pub job_interrupted: RwSignal<bool>,
    /// A problem the endpoint found in what was submitted.
    pub server_issue: RwSignal<Option<ServerIssue>>,
    /// An indirect provider's resellers; `None` for a direct partner.
    pub resellers: Option<ResellerList>,
    /// The reseller the customer is for.
    pub reseller: RwSignal<Option<Reseller>>,
    /// The indirect provider acts without a reseller.
    pub without_reseller: RwSignal<bool>,
    /// The additional partners of record (EU/EFTA).
    pub additional_resellers: RwSignal<Vec<Reseller>>,
    /// Whether the relationship request is shown instead of the wizard's pages.
    pub relationship_request: RwSignal<bool>,
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
    /// The country's data file.
    pub country_file: CountryFile,
    /// The country's rules.
    pub rules: Memo<CountryRules>,
    /// The country's catalog.
    pub catalog: LocalResource<Result<Catalog, ApiError>>,
    /// An indirect provider's resellers.
    pub resellers: Option<ResellerList>,
    /// Starts a new wizard.
    pub restart: Callback<()>,
}

/// `catalog`, indexed for the search once it has loaded (read in place: a large catalog is not
/// copied to be indexed).
fn offer_search(catalog: LocalResource<Result<Catalog, ApiError>>) -> Memo<Option<Result<Searchable, ApiError>>> {
    Memo::new(move |_| {
        catalog.with(|result| result.as_ref().map(|result| result.as_ref().map(Searchable::new).map_err(Clone::clone)))
    })
}

impl WizardContext {
    /// Bundles the wizard's state.
    pub fn new(parts: WizardParts) -> Self {
        Self {
            wizard: RwSignal::new(WizardPosition::default()),
            focus_heading: RwSignal::new(false),
            form: parts.form,
            country_file: parts.country_file,
            rules: parts.rules,
            domain_check: DomainNameCheck::new(),
            catalog: parts.catalog,
            offer_search: offer_search(parts.catalog),
            address_confirmed: RwSignal::new(None),
            chosen: RwSignal::new(Vec::new()),
            job: RwSignal::new(None),
            job_interrupted: RwSignal::new(false),
            server_issue: RwSignal::new(None),
            resellers: parts.resellers,
            reseller: RwSignal::new(None),
            without_reseller: RwSignal::new(false),
            additional_resellers: RwSignal::new(Vec::new()),
            relationship_request: RwSignal::new(false),
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
    pub fn go(&self, next: WizardPosition) {
        self.focus_heading.set(true);
        self.wizard.set(next);
    }

    /// What the Account info rules find wrong with `info` under `rules`, today, for this
    /// partner (the domain's availability and the reseller are checked apart).
    pub fn account_issues(&self, info: &AccountInfo, rules: &CountryRules) -> Vec<FieldIssue> {
        self.config.with_value(|config| {
            let validation = ValidationContext { rules, today: today(), partner_domains: &config.partner_domains };
            validate_account(info, &validation)
        })
    }

    /// The indirect provider's reseller choice, tracked.
    pub fn reseller_choice(&self) -> ResellerChoice {
        ResellerChoice {
            reseller: self.reseller.get(),
            without_reseller: self.without_reseller.get(),
            additional: self.additional_resellers.get(),
        }
    }

    /// Whether an MPN id signed the partner agreement, as far as the list says.
    pub fn reseller_signed(&self, mpn_id: &str) -> bool {
        self.resellers.is_some_and(|resellers| {
            resellers.with(|list| {
                matches!(list, Some(Ok(options)) if options.iter().any(|option| option.reseller.mpn_id == mpn_id && option.signed))
            })
        })
    }

    /// Shows the relationship request instead of the wizard's pages, or goes back; focus goes
    /// to the heading of what is shown.
    pub fn show_relationship_request(&self, shown: bool) {
        self.focus_heading.set(true);
        self.relationship_request.set(shown);
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
