//! The customer's account as Account info builds it: the entries, the chosen country's data and
//! rules, the domain name's availability, and the address the user settled.

use crate::api::ApiError;
use crate::config::Config;
use crate::domain::account::account_info::AccountInfo;
use crate::domain::account::address_check::PostalAddress;
use crate::domain::account::validation::{validate_account, FieldIssue, ValidationContext};
use crate::domain::country::country_rules::CountryRules;
use crate::ui::common::browser::today;
use crate::ui::state::account_form::AccountForm;
use crate::ui::state::domain_name_check::DomainNameCheck;
use leptos::prelude::*;

/// The chosen country's data file, loading or loaded.
pub type CountryFile = LocalResource<Option<Result<CountryRules, ApiError>>>;

/// The account's entries and what they are checked against.
#[derive(Clone, Copy)]
pub struct AccountState {
    /// The Account info entries.
    pub form: AccountForm,
    /// The chosen country's data file, loading or loaded.
    pub country_file: CountryFile,
    /// The chosen country's rules: the endpoint's answer over the country's data file.
    pub rules: Memo<CountryRules>,
    /// The domain name availability check.
    pub domain_check: DomainNameCheck,
    /// The address the user settled in the address check (verified, chosen or kept as typed):
    /// the check is not asked again while the address stays the same.
    pub address_confirmed: RwSignal<Option<PostalAddress>>,
    config: StoredValue<Config>,
}

impl AccountState {
    /// The account of a new wizard configured by `config`.
    pub fn new(
        form: AccountForm,
        country_file: CountryFile,
        rules: Memo<CountryRules>,
        config: StoredValue<Config>,
    ) -> Self {
        Self {
            form,
            country_file,
            rules,
            domain_check: DomainNameCheck::new(),
            address_confirmed: RwSignal::new(None),
            config,
        }
    }

    /// What the Account info rules find wrong with `info` under `rules`, today, for this
    /// partner (the domain's availability and the reseller are checked apart).
    pub fn account_issues(&self, info: &AccountInfo, rules: &CountryRules) -> Vec<FieldIssue> {
        self.config.with_value(|config| {
            let validation = ValidationContext { rules, today: today(), partner_domains: &config.partner_domains };
            validate_account(info, &validation)
        })
    }
}

/// The account of the wizard this component belongs to.
pub fn use_account() -> AccountState {
    use_context::<AccountState>().expect("a wizard page outside the wizard")
}
