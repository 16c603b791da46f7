//! An offer of the catalog (`GET /v1/offers`) and its category (`GET /v1/offercategories`).

use serde::Deserialize;
use std::sync::Arc;
/// A catalog category: Enterprise, Small business, Nonprofit, Trial…
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct OfferCategory {
    /// The category id, e.g. `Enterprise_Key`; empty for add-ons.
    pub id: String,
    /// The category's display name.
    pub name: String,
    /// Its place among the categories.
    pub rank: i64,
}

/// How an offer is billed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Billing {
    /// Per license: the order names a quantity.
    #[default]
    License,
    /// By usage (Azure): no license count.
    Usage,
    /// Anything an endpoint adds later; treated as per license.
    #[serde(other)]
    Other,
}

/// One offer, with what the Subscriptions page needs of it.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Offer {
    /// The offer id sent on the order line.
    pub id: String,
    /// The display name, also the order line's `friendlyName`.
    pub name: String,
    /// What it includes.
    pub description: String,
    /// The catalog category; empty for add-ons.
    pub category: OfferCategory,
    /// The fewest licenses an order may have.
    pub minimum_quantity: u64,
    /// The most licenses an order may have.
    pub maximum_quantity: u64,
    /// Its place in the catalog.
    pub rank: i64,
    /// Whether it can only be bought with one of `prerequisite_offers`.
    pub is_add_on: bool,
    /// The offers an add-on needs one of.
    pub prerequisite_offers: Vec<String>,
    /// Per license or by usage.
    pub billing: Billing,
    /// `monthly`, `annual`, `none` (trials), `one_time`.
    pub supported_billing_cycles: Vec<String>,
    /// Trials have a fixed quantity.
    pub is_trial: bool,
    /// What `limit` counts: `None`, `Concurrent`, `Lifetime`.
    pub limit_unit_of_measure: String,
    /// How many of the offer a tenant may hold.
    pub limit: u64,
    /// Offers of different sales groups go in separate orders.
    pub sales_group_id: String,
    /// Whether it can be bought now.
    pub is_available_for_purchase: bool,
    /// The unit of the quantity: `Licenses`, `Gigabytes`, `Usage-based`.
    pub unit_type: String,
}

impl Offer {
    /// Whether the order line names a license count (usage-based offers do not).
    pub fn takes_quantity(&self) -> bool {
        self.billing != Billing::Usage
    }

    /// Whether the quantity is fixed (trials: minimum = maximum).
    pub fn fixed_quantity(&self) -> Option<u64> {
        (self.is_trial || self.minimum_quantity == self.maximum_quantity).then_some(self.minimum_quantity)
    }

    /// The category's display name, add-ons grouped under their own.
    pub fn category_name(&self) -> &str {
        if self.category.name.is_empty() {
            if self.is_add_on {
                "Add-ons"
            } else {
                "Other"
            }
        } else {
            &self.category.name
        }
    }

    /// The billing cycle to preselect: monthly where offered, else the first.
    pub fn default_billing_cycle(&self) -> String {
        let cycles = &self.supported_billing_cycles;
        if cycles.iter().any(|cycle| cycle == "monthly") {
            "monthly".into()
        } else {
            cycles.first().cloned().unwrap_or_else(|| "monthly".into())
        }
    }
}

/// A page of a collection answer: `{"totalCount": n, "items": [...]}`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Collection<T> {
    /// How many items the whole collection has.
    #[serde(default)]
    pub total_count: u64,
    /// This page's items.
    #[serde(default = "Vec::new")]
    pub items: Vec<T>,
}

/// The catalog of the chosen country.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Catalog {
    /// Its offers, shared with the Subscriptions page's search rather than copied there.
    pub offers: Arc<Vec<Offer>>,
    /// Its categories, by rank.
    pub categories: Vec<OfferCategory>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> Vec<Offer> {
        let file: Collection<Offer> = serde_json::from_str(include_str!("../../../data/offers-US.json")).unwrap();
        file.items
    }

    fn offer(name: &str) -> Offer {
        catalog().into_iter().find(|offer| offer.name == name).unwrap()
    }

    #[test]
    fn reads_the_recorded_catalog() {
        let all = catalog();
        assert_eq!(all.len(), 23);
        let e3 = offer("Office 365 Enterprise E3");
        assert_eq!(e3.billing, Billing::License);
        assert_eq!((e3.minimum_quantity, e3.maximum_quantity), (1, 10_000_000));
        assert_eq!(e3.default_billing_cycle(), "monthly");
        assert_eq!(e3.category_name(), "Enterprise");
    }

    #[test]
    fn trials_add_ons_and_usage() {
        let trial = offer("Office 365 Enterprise E3 Trial");
        assert_eq!(trial.fixed_quantity(), Some(25));
        assert_eq!(trial.default_billing_cycle(), "none");
        let azure = offer("Microsoft Azure");
        assert!(!azure.takes_quantity());
        let audio = offer("Audio Conferencing");
        assert!(audio.is_add_on);
        assert_eq!(audio.category_name(), "Add-ons");
        assert!(audio.prerequisite_offers.contains(&"796B6B5F-613C-4E24-A17C-EBA730D49C02".to_string()));
    }
}
