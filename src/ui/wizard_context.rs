//! What every page of one wizard shares, provided by the root as context.

use super::account_form::AccountForm;
use super::domain_check::DomainCheck;
use crate::api::SharedApi;
use crate::config::Config;
use crate::domain::country_rules::CountryRules;
use crate::domain::wizard::Wizard;
use leptos::prelude::*;

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
    /// The host's configuration.
    pub config: StoredValue<Config>,
    api: StoredValue<SharedApi, LocalStorage>,
}

impl WizardContext {
    /// Bundles the wizard's state.
    pub fn new(
        config: Config,
        api: SharedApi,
        form: AccountForm,
        rules: Memo<CountryRules>,
    ) -> Self {
        Self {
            wizard: RwSignal::new(Wizard::default()),
            focus_heading: RwSignal::new(false),
            form,
            rules,
            domain_check: DomainCheck::new(),
            config: StoredValue::new(config),
            api: StoredValue::new_local(api),
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
}

/// The context of the wizard this component belongs to.
pub fn use_wizard() -> WizardContext {
    use_context::<WizardContext>().expect("a wizard page outside the wizard")
}
