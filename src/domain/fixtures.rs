//! Test data shared by the domain's unit tests.

use crate::domain::account::account_info::AccountInfo;
use crate::domain::commerce::catalog::Product;
use crate::domain::commerce::choice::{ChosenLine, DetailsByProduct, ProductDetails};
use crate::domain::country::countries::read_country_data;
use crate::domain::country::country_rules::CountryRules;
use std::sync::Arc;

/// A country's rules as its data file gives them (`data/countries/<ISO2>.json`).
pub fn country_rules(iso2: &str) -> CountryRules {
    let path = format!("{}/data/countries/{iso2}.json", env!("CARGO_MANIFEST_DIR"));
    let json = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"));
    read_country_data(&json).unwrap_or_else(|error| panic!("{path}: {error}"))
}

/// The spec's sample customer, Wingtip Toys in Redmond, complete and valid, with the agreement
/// attested on 2026-11-20.
pub fn wingtip() -> AccountInfo {
    let mut info = AccountInfo {
        country: "US".into(),
        company_name: "Wingtip Toys".into(),
        domain_prefix: "wingtiptoys".into(),
        address_line1: "One Microsoft Way".into(),
        city: "Redmond".into(),
        state: "WA".into(),
        postal_code: "98052".into(),
        phone: "4255550101".into(),
        language: "en".into(),
        culture: "en-US".into(),
        first_name: "Gena".into(),
        last_name: "Soto".into(),
        email: "gena@wingtiptoys.com".into(),
        ..AccountInfo::default()
    };
    info.agreement.attested = true;
    info.agreement.date = "2026-11-20".into();
    info
}

/// The recorded new-commerce catalog (`data/products-US.json`): its products, and every
/// product's details as the Subscriptions page loads them.
pub fn commerce_catalog() -> (Vec<Product>, DetailsByProduct) {
    let path = format!("{}/data/products-US.json", env!("CARGO_MANIFEST_DIR"));
    let file: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let mut products = Vec::new();
    let mut details = DetailsByProduct::new();
    for product in file["products"].as_array().unwrap() {
        let parsed: Product = serde_json::from_value(product.clone()).unwrap();
        let skus = product["skus"]
            .as_array()
            .unwrap()
            .iter()
            .map(|sku| {
                let availabilities = serde_json::from_value(sku["availabilities"].clone()).unwrap();
                (serde_json::from_value(sku.clone()).unwrap(), availabilities)
            })
            .collect();
        details.insert(parsed.id.clone(), Arc::new(ProductDetails::new(skus)));
        if parsed.is_sold_here() {
            products.push(parsed);
        }
    }
    (products, details)
}

/// The details of one product of the recorded catalog.
pub fn details_of(product_id: &str) -> ProductDetails {
    commerce_catalog().1[product_id].as_ref().clone()
}

/// A chosen line as the Subscriptions page would hold it.
pub fn chose(product_id: &str, sku_id: &str, term: &str, billing: &str, quantity: &str) -> ChosenLine {
    ChosenLine {
        product_id: product_id.into(),
        sku_id: sku_id.into(),
        term: term.into(),
        billing: billing.into(),
        quantity: quantity.into(),
    }
}
