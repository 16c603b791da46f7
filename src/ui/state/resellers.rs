//! An indirect provider's resellers, and the one (or none) the customer is for.

use crate::api::ApiError;
use crate::domain::account::reseller::{Reseller, ResellerChoice};
use leptos::prelude::*;

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

/// The reseller choice.
#[derive(Clone, Copy)]
pub struct ResellerState {
    /// An indirect provider's resellers; `None` for a direct partner.
    pub list: Option<ResellerList>,
    /// The reseller the customer is for.
    pub reseller: RwSignal<Option<Reseller>>,
    /// The indirect provider acts without a reseller.
    pub without_reseller: RwSignal<bool>,
    /// The additional partners of record (EU/EFTA).
    pub additional: RwSignal<Vec<Reseller>>,
}

impl ResellerState {
    /// Nothing chosen yet from `list`.
    pub fn new(list: Option<ResellerList>) -> Self {
        Self {
            list,
            reseller: RwSignal::new(None),
            without_reseller: RwSignal::new(false),
            additional: RwSignal::new(Vec::new()),
        }
    }

    /// Whether the partner is an indirect provider, who creates customers for resellers.
    pub fn is_indirect(&self) -> bool {
        self.list.is_some()
    }

    /// The choice, tracked.
    pub fn choice(&self) -> ResellerChoice {
        ResellerChoice {
            reseller: self.reseller.get(),
            without_reseller: self.without_reseller.get(),
            additional: self.additional.get(),
        }
    }

    /// Whether an MPN id signed the partner agreement, as far as the list says.
    pub fn signed(&self, mpn_id: &str) -> bool {
        self.list.is_some_and(|list| {
            list.with(|list| {
                matches!(list, Some(Ok(options)) if options.iter().any(|option| option.reseller.mpn_id == mpn_id && option.signed))
            })
        })
    }
}

/// The reseller choice of the wizard this component belongs to.
pub fn use_resellers() -> ResellerState {
    use_context::<ResellerState>().expect("a wizard page outside the wizard")
}
