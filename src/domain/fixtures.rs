//! Test data shared by the domain's unit tests.

use crate::domain::account::account_info::AccountInfo;
use crate::domain::catalog::order_plan::{OrderLineItem, PlannedOrder};
use crate::domain::country::countries::read_country_data;
use crate::domain::country::country_rules::CountryRules;

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

/// A monthly order of `quantity` licenses of the one offer `offer_id` (named after its id).
pub fn planned_order(offer_id: &str, quantity: u64) -> PlannedOrder {
    PlannedOrder {
        sales_group_id: offer_id.into(),
        billing_cycle: "monthly".into(),
        lines: vec![OrderLineItem {
            line_item_number: 0,
            offer_id: offer_id.into(),
            friendly_name: offer_id.into(),
            quantity,
            partner_id_on_record: None,
            additional_partner_ids_on_record: None,
        }],
    }
}
