//! The state of one wizard, by concern, each provided as its own context at the wizard's root
//! (so that no page's unmount disposes it): where the wizard is ([`wizard::WizardContext`]), the
//! customer's account ([`account::AccountState`]), the catalog and the chosen offers
//! ([`catalog::CatalogState`]), the partner's prices ([`prices::PricesState`]), an indirect provider's resellers
//! ([`resellers::ResellerState`]), and Submit ([`submit::SubmitState`]).

pub mod account;
pub mod account_form;
pub mod catalog;
pub mod domain_name_check;
pub mod prices;
pub mod resellers;
pub mod submit;
pub mod wizard;
pub mod wizard_state;
