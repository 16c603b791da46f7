//! The chosen lines as they are bought: each with its catalog item, licence count, term and
//! billing frequency (what Review shows and the cart sends), and the cart made of them.

use crate::domain::commerce::cart::{Cart, CartLine, Participant};
use crate::domain::commerce::catalog::{Availability, Product};
use crate::domain::commerce::choice::{line_quantity, ChosenLine, DetailsByProduct};
use serde::{Deserialize, Serialize};

/// One line to buy, with what Review and Done show of it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PlannedLine {
    /// The product.
    pub product_id: String,
    /// Its title.
    pub product_title: String,
    /// The SKU.
    pub sku_id: String,
    /// Its title.
    pub sku_title: String,
    /// `"<product>:<sku>:<availability>"`; refreshed right before the cart is made.
    pub catalog_item_id: String,
    /// Licences.
    pub quantity: u64,
    /// `P1M`, `P1Y`, `P3Y`; empty for usage.
    pub term: String,
    /// `monthly`, `annual`, `triennial`, `one_time`.
    pub billing: String,
    /// Whether it renews by itself at the end of the term.
    pub renews_automatically: bool,
    /// How long after purchase it can be cancelled with a refund (`P7D`), as the catalog says.
    pub cancellation_window: Option<String>,
    /// Whether it is a trial.
    pub is_trial: bool,
    /// Whether it is bought by usage (no licence count).
    pub is_usage: bool,
    /// The availability's currency (`USD`), for its price.
    pub currency: String,
    /// The availability's segment (`commercial`), for its price.
    pub segment: String,
}

impl PlannedLine {
    /// The SKU as prerequisites and test controls name it: `"<product>:<sku>"`.
    pub fn sku_key(&self) -> String {
        format!("{}:{}", self.product_id, self.sku_id)
    }

    /// The line's catalog item in `availabilities` (re-read right before carting): the same
    /// availability if it is still there, else one of the same segment that still offers the
    /// line's term and billing frequency (availability ids are reissued). `None` when the line
    /// can no longer be bought.
    pub fn current_catalog_item(&self, availabilities: &[Availability]) -> Option<String> {
        let offers_line = |availability: &&Availability| {
            availability.is_purchasable
                && (self.is_usage && availability.terms.is_empty()
                    || availability.terms.iter().any(|term| {
                        term.duration.eq_ignore_ascii_case(&self.term)
                            && crate::domain::commerce::terms::BillingFrequency::parse(&term.billing_cycle)
                                .is_some_and(|frequency| frequency.wire() == self.billing)
                    }))
        };
        availabilities
            .iter()
            .filter(offers_line)
            .find(|availability| availability.catalog_item_id == self.catalog_item_id)
            .or_else(|| availabilities.iter().find(offers_line))
            .map(|availability| availability.catalog_item_id.clone())
    }
}

/// The lines of `chosen` (already validated), in the order they were chosen.
pub fn plan_lines(products: &[Product], details: &DetailsByProduct, chosen: &[ChosenLine]) -> Vec<PlannedLine> {
    chosen
        .iter()
        .filter_map(|line| {
            let product = products.iter().find(|product| product.id == line.product_id)?;
            let option = details.get(&line.product_id)?.sku(&line.sku_id)?;
            let availability = option.availability.as_ref()?;
            let quantity = line_quantity(option, line)?;
            let frequency = option.frequency(&line.term, &line.billing);
            Some(PlannedLine {
                product_id: product.id.clone(),
                product_title: product.title.clone(),
                sku_id: option.sku.id.clone(),
                sku_title: option.sku.title.clone(),
                catalog_item_id: availability.catalog_item_id.clone(),
                quantity,
                term: line.term.clone(),
                billing: line.billing.clone(),
                renews_automatically: frequency.is_some_and(|frequency| frequency.renews_automatically),
                cancellation_window: frequency.and_then(|frequency| frequency.cancellation_window.clone()),
                is_trial: option.sku.is_trial,
                is_usage: option.is_usage(),
                currency: availability.default_currency.code.clone(),
                segment: availability.segment.clone(),
            })
        })
        .collect()
}

/// The cart that buys `lines`, each line with `participants` (an indirect reseller's); the
/// partner-of-record attestation is given where there are participants.
pub fn cart_of(lines: &[PlannedLine], participants: &[Participant]) -> Cart {
    Cart {
        partner_on_record_attestation_accepted: !participants.is_empty(),
        line_items: lines
            .iter()
            .enumerate()
            .map(|(index, line)| CartLine {
                id: index as u32,
                catalog_item_id: line.catalog_item_id.clone(),
                quantity: line.quantity,
                term_duration: line.term.clone(),
                billing_cycle: line.billing.clone(),
                participants: participants.to_vec(),
                ..CartLine::default()
            })
            .collect(),
        ..Cart::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures::{chose, commerce_catalog};

    #[test]
    fn a_one_year_monthly_suite_an_add_on_and_the_azure_plan() {
        let (products, details) = commerce_catalog();
        let lines = plan_lines(
            &products,
            &details,
            &[
                chose("CFQ7TTC0LFLZ", "0001", "P1Y", "monthly", "10"),
                chose("CFQ7TTC0LHSV", "0001", "P1Y", "monthly", "10"),
                chose("DZH318Z0BPS6", "0001", "", "one_time", ""),
            ],
        );
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0].product_title, "Microsoft 365 E3");
        assert!(lines[0].catalog_item_id.starts_with("CFQ7TTC0LFLZ:0001:"));
        assert_eq!(lines[0].cancellation_window.as_deref(), Some("P7D"));
        assert!(lines[2].is_usage);
        let cart = serde_json::to_value(cart_of(&lines, &[])).unwrap();
        assert_eq!(cart["partnerOnRecordAttestationAccepted"], false);
        assert_eq!(cart["lineItems"][1]["id"], 1);
        assert_eq!(cart["lineItems"][0]["termDuration"], "P1Y");
        assert_eq!(cart["lineItems"][0]["billingCycle"], "monthly");
        assert_eq!(cart["lineItems"][0]["quantity"], 10);
        assert!(cart["lineItems"][2].get("termDuration").is_none(), "usage has no term: {cart}");
        assert_eq!(cart["lineItems"][2]["billingCycle"], "one_time");
    }

    #[test]
    fn a_reissued_availability_is_found_again_by_term_and_billing() {
        let (products, details) = commerce_catalog();
        let line = &plan_lines(&products, &details, &[chose("CFQ7TTC0LFLZ", "0001", "P3Y", "triennial", "5")])[0];
        let mut fresh = details["CFQ7TTC0LFLZ"].sku("0001").unwrap().availability.clone().unwrap();
        assert_eq!(line.current_catalog_item(std::slice::from_ref(&fresh)), Some(line.catalog_item_id.clone()));
        fresh.catalog_item_id = "CFQ7TTC0LFLZ:0001:CFQ7TTC0NEW1".into();
        assert_eq!(
            line.current_catalog_item(std::slice::from_ref(&fresh)).as_deref(),
            Some("CFQ7TTC0LFLZ:0001:CFQ7TTC0NEW1")
        );
        fresh.terms.retain(|term| term.duration != "P3Y");
        assert_eq!(line.current_catalog_item(&[fresh]), None, "the term is no longer offered");
    }
}
