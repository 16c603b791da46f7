//! The whole state of one wizard, for what spans its concerns: the draft and job stores, page
//! history, and the checks of a page that reads several.

use crate::ui::state::account::{use_account, AccountState};
use crate::ui::state::catalog::{use_catalog, CatalogState};
use crate::ui::state::prices::{use_prices, PricesState};
use crate::ui::state::resellers::{use_resellers, ResellerState};
use crate::ui::state::submit::{use_submit, SubmitState};
use crate::ui::state::wizard::{use_wizard, WizardContext};
use leptos::prelude::*;

/// Every concern of one wizard.
#[derive(Clone, Copy)]
pub struct WizardState {
    /// Where the wizard is, its configuration and back end.
    pub wizard: WizardContext,
    /// The account's entries.
    pub account: AccountState,
    /// The catalog and the chosen offers.
    pub catalog: CatalogState,
    /// The partner's prices.
    pub prices: PricesState,
    /// The reseller choice.
    pub resellers: ResellerState,
    /// Submit.
    pub submit: SubmitState,
}

impl WizardState {
    /// Provides each concern as its own context, once, at the wizard's root.
    pub fn provide(self) {
        provide_context(self.wizard);
        provide_context(self.account);
        provide_context(self.catalog);
        provide_context(self.prices);
        provide_context(self.resellers);
        provide_context(self.submit);
    }
}

/// Every concern of the wizard this component belongs to.
pub fn use_wizard_state() -> WizardState {
    WizardState {
        wizard: use_wizard(),
        account: use_account(),
        catalog: use_catalog(),
        prices: use_prices(),
        resellers: use_resellers(),
        submit: use_submit(),
    }
}
