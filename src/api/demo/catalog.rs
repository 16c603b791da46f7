//! The demo's catalogs: the recorded US catalog, fetched from the file beside the app
//! (`offers-US.json`) when first asked for, and a generated one of any size.

use crate::domain::catalog::offer::{Billing, Collection, Offer, OfferCategory};
use crate::domain::common::decode::decode;
use crate::domain::common::stable_sort::sort_with_key;

/// The file of the recorded US catalog, beside the app (`data/offers-US.json` in the sources).
pub const RECORDED_US_FILE: &str = "offers-US.json";

/// Where the demo's offers come from.
#[derive(Clone, Debug, PartialEq)]
pub enum DemoCatalog {
    /// The recorded US catalog, from its file at this URL.
    Recorded(String),
    /// A generated catalog of this many offers.
    Generated(usize),
}

/// The offers of a recorded catalog file.
pub fn read_recorded(json: &str) -> Result<Vec<Offer>, String> {
    decode::<Collection<Offer>>(json).map(|collection| collection.items)
}

/// The catalog's categories, by rank, as `GET /v1/offercategories` lists them.
pub fn categories(catalog: &[Offer]) -> Vec<OfferCategory> {
    let mut categories: Vec<OfferCategory> = Vec::new();
    for offer in catalog {
        if !offer.category.id.is_empty() && !categories.iter().any(|category| category.id == offer.category.id) {
            categories.push(offer.category.clone());
        }
    }
    sort_with_key(&mut categories, |category| category.rank);
    categories
}

const BRANDS: [&str; 8] =
    ["Contoso", "Fabrikam", "Northwind", "Litware", "Tailspin", "Woodgrove", "Proseware", "Adatum"];
const PRODUCTS: [&str; 10] = [
    "Cloud Suite",
    "Secure Mail",
    "Data Vault",
    "Team Rooms",
    "Analytics",
    "Backup",
    "Identity",
    "Voice",
    "Device Care",
    "Archive",
];
const PLANS: [&str; 5] = ["Basic", "Standard", "Plus", "Premium", "Ultimate"];
const CATEGORIES: [(&str, &str, i64); 5] = [
    ("Enterprise_Key", "Enterprise", 20),
    ("SmallBusiness_Key", "Small business", 30),
    ("Education_Key", "Education", 40),
    ("Government_Key", "Government", 50),
    ("Nonprofit_Key", "Nonprofit", 60),
];

/// A generated catalog of `count` offers: suites in five categories, every tenth an add-on of
/// the suite before it, every 25th a trial, every 50th usage-based, in two sales groups.
pub fn generated(count: usize) -> Vec<Offer> {
    (0..count)
        .map(|index| {
            let (category_id, category_name, category_rank) = CATEGORIES[index % CATEGORIES.len()];
            let is_add_on = index % 10 == 9;
            let is_trial = !is_add_on && index % 25 == 24;
            let usage = !is_add_on && !is_trial && index % 50 == 47;
            let name = format!(
                "{} {} {}{} {:05}",
                BRANDS[index % BRANDS.len()],
                PRODUCTS[(index / BRANDS.len()) % PRODUCTS.len()],
                PLANS[(index / 3) % PLANS.len()],
                if is_add_on {
                    " Add-on"
                } else if is_trial {
                    " Trial"
                } else {
                    ""
                },
                index + 1
            );
            Offer {
                id: format!("GEN-{:05}", index + 1),
                description: format!("{name}: a generated offer of the demo's large catalog."),
                name,
                category: if is_add_on {
                    OfferCategory::default()
                } else {
                    OfferCategory { id: category_id.into(), name: category_name.into(), rank: category_rank }
                },
                minimum_quantity: if is_trial { 25 } else { 1 },
                maximum_quantity: if is_trial { 25 } else { 10_000 },
                rank: index as i64,
                is_add_on,
                prerequisite_offers: if is_add_on { vec![format!("GEN-{:05}", index)] } else { Vec::new() },
                billing: if usage { Billing::Usage } else { Billing::License },
                supported_billing_cycles: if is_trial {
                    vec!["none".into()]
                } else if usage {
                    vec!["monthly".into()]
                } else {
                    vec!["annual".into(), "monthly".into()]
                },
                is_trial,
                limit_unit_of_measure: "None".into(),
                limit: 0,
                sales_group_id: if usage { "Azure".into() } else { "Default".into() },
                is_available_for_purchase: true,
                unit_type: if usage { "Usage-based".into() } else { "Licenses".into() },
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_recorded_catalog_and_its_categories() {
        let catalog = read_recorded(include_str!("../../../data/offers-US.json")).unwrap();
        assert_eq!(catalog.len(), 23);
        let names: Vec<String> = categories(&catalog).into_iter().map(|category| category.name).collect();
        assert_eq!(names, ["Enterprise", "Small business", "Nonprofit", "Trial"], "by rank");
    }

    #[test]
    fn the_generated_catalog_has_every_kind_of_offer() {
        let catalog = generated(10_000);
        assert_eq!(catalog.len(), 10_000);
        assert_eq!(catalog.iter().filter(|offer| offer.is_add_on).count(), 1_000);
        assert!(catalog.iter().any(|offer| offer.is_trial && offer.fixed_quantity() == Some(25)));
        assert!(catalog.iter().any(|offer| !offer.takes_quantity()));
        let ids: std::collections::BTreeSet<_> = catalog.iter().map(|offer| offer.id.as_str()).collect();
        assert_eq!(ids.len(), 10_000, "ids are unique");
        let add_on = &catalog[9];
        assert_eq!(add_on.prerequisite_offers, ["GEN-00009"]);
        assert!(!catalog[8].is_add_on);
    }
}
