//! The cart that buys the chosen lines in one go: `POST /v1/customers/{id}/carts` (and `PUT`
//! after a correction, so that the same cart is updated rather than a new one made), its
//! answer, and the line errors the answer can carry.

use crate::domain::account::reseller::ResellerChoice;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A partner of record on a line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    /// `transaction_reseller` or `additional_transaction_reseller`.
    pub key: String,
    /// The reseller's MPN id (PartnerID).
    pub value: String,
}

/// The participants of every line of an indirect reseller's customer: the reseller, then up to
/// five additional partners of record (EU/EFTA). None without a reseller.
pub fn participants(choice: &ResellerChoice) -> Vec<Participant> {
    let Some(reseller) = &choice.reseller else { return Vec::new() };
    let first = Participant { key: "transaction_reseller".into(), value: reseller.mpn_id.clone() };
    let additional = choice
        .additional
        .iter()
        .map(|other| Participant { key: "additional_transaction_reseller".into(), value: other.mpn_id.clone() });
    std::iter::once(first).chain(additional).collect()
}

/// One line of a cart, as sent and as answered.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CartLine {
    /// Its number, 0..n-1.
    pub id: u32,
    /// `"<product>:<sku>:<availability>"`.
    pub catalog_item_id: String,
    /// Licences.
    pub quantity: u64,
    /// `P1M`, `P1Y`, `P3Y`; left out for usage (the Azure plan).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub term_duration: String,
    /// `monthly`, `annual`, `triennial`, `one_time`.
    pub billing_cycle: String,
    /// What the SKU's `provisioningVariables` ask for; empty for seats.
    pub provisioning_context: BTreeMap<String, String>,
    /// The partners of record.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<Participant>,
    /// The order group the endpoint put the line in (answer only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_group: Option<String>,
    /// What is wrong with the line (answer only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<CartLineError>,
}

/// A line's error in a cart's answer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CartLineError {
    /// The code: 10000–10019, 500600.
    pub error_code: i64,
    /// The endpoint's words.
    pub error_description: String,
}

/// A cart, as sent (`id` and `status` absent) and as answered.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Cart {
    /// The cart id (answer only).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub id: String,
    /// The partner attests that it is the partner of record.
    pub partner_on_record_attestation_accepted: bool,
    /// The lines.
    pub line_items: Vec<CartLine>,
    /// `Active`, or `Ordered` once checked out (answer only).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub status: String,
    /// When it expires, seven days after it was made (answer only).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub expiration_timestamp: String,
}

/// A cart line the endpoint refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefusedLine {
    /// The line's number in the cart (its index among the planned lines).
    pub line: usize,
    /// The line error code (10000–10019, 500600).
    pub code: i64,
    /// The endpoint's words.
    pub description: String,
}

/// What a cart line error means for the user, by its code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineProblem {
    /// 10000: the currency is not the customer's.
    Currency,
    /// 10001, 10006, 10010: the catalog item cannot be bought as given: choose it again.
    NotPurchasable,
    /// 10002, 10003: no quota or inventory left.
    Unavailable,
    /// 10004: partners of record are not allowed on this line.
    ParticipantsNotAllowed,
    /// 10012: the SKU's attestation is missing.
    AttestationMissing,
    /// 10013: the billing frequency is not offered for the term.
    BillingFrequency,
    /// 10015: more licences than one subscription may hold.
    TooManyLicences,
    /// 10018: the add-on's prerequisite is not owned nor in the cart.
    PrerequisiteMissing,
    /// 10019: fewer licences than the add-on's minimum.
    TooFewLicences,
    /// 500600: a legacy offer, no longer sold.
    Legacy,
    /// Any other code.
    Other,
}

impl LineProblem {
    /// The problem of a line error code.
    pub fn of_code(code: i64) -> Self {
        match code {
            10000 => LineProblem::Currency,
            10001 | 10006 | 10010 => LineProblem::NotPurchasable,
            10002 | 10003 => LineProblem::Unavailable,
            10004 => LineProblem::ParticipantsNotAllowed,
            10012 => LineProblem::AttestationMissing,
            10013 => LineProblem::BillingFrequency,
            10015 => LineProblem::TooManyLicences,
            10018 => LineProblem::PrerequisiteMissing,
            10019 => LineProblem::TooFewLicences,
            500600 => LineProblem::Legacy,
            _ => LineProblem::Other,
        }
    }
}

impl Cart {
    /// The lines the answer refused, by their index in the cart.
    pub fn refused(&self) -> Vec<RefusedLine> {
        self.line_items
            .iter()
            .enumerate()
            .filter_map(|(index, line)| {
                line.error.as_ref().map(|error| RefusedLine {
                    line: usize::try_from(line.id).unwrap_or(index),
                    code: error.error_code,
                    description: error.error_description.clone(),
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::account::reseller::Reseller;
    use crate::domain::common::decode::decode;

    fn reseller(mpn_id: &str) -> Reseller {
        Reseller { mpn_id: mpn_id.into(), ..Reseller::default() }
    }

    #[test]
    fn the_cart_body_of_an_indirect_resellers_customer() {
        let choice = ResellerChoice {
            reseller: Some(reseller("4847383")),
            additional: vec![reseller("5357563")],
            ..ResellerChoice::default()
        };
        let cart = Cart {
            partner_on_record_attestation_accepted: true,
            line_items: vec![CartLine {
                id: 0,
                catalog_item_id: "CFQ7TTC0LH18:0001:CFQ7TTC0K971".into(),
                quantity: 5,
                term_duration: "P1Y".into(),
                billing_cycle: "monthly".into(),
                participants: participants(&choice),
                ..CartLine::default()
            }],
            ..Cart::default()
        };
        assert_eq!(
            serde_json::to_value(&cart).unwrap(),
            serde_json::json!({ "partnerOnRecordAttestationAccepted": true,
              "lineItems": [
                { "id": 0, "catalogItemId": "CFQ7TTC0LH18:0001:CFQ7TTC0K971", "quantity": 5,
                  "termDuration": "P1Y", "billingCycle": "monthly", "provisioningContext": {},
                  "participants": [ {"key": "transaction_reseller", "value": "4847383"},
                                    {"key": "additional_transaction_reseller", "value": "5357563"} ] } ] })
        );
        assert!(participants(&ResellerChoice::default()).is_empty(), "a direct partner's lines have none");
    }

    #[test]
    fn each_refused_line_keeps_its_problem() {
        let answer: Cart = decode(
            r#"{"id": "cart-1", "status": "Active", "expirationTimestamp": "2026-12-14T10:00:00Z",
                "partnerOnRecordAttestationAccepted": true, "lineItems": [
                {"id": 0, "catalogItemId": "A:0001:X", "quantity": 5, "termDuration": "P1Y", "billingCycle": "monthly", "orderGroup": "0"},
                {"id": 1, "catalogItemId": "B:0002:Y", "quantity": 1, "termDuration": "P1Y", "billingCycle": "monthly",
                 "error": {"errorCode": 10018, "errorDescription": "The base offer is missing"}}]}"#,
        )
        .unwrap();
        assert_eq!(answer.id, "cart-1");
        let refused = answer.refused();
        assert_eq!(refused.len(), 1);
        assert_eq!(refused[0].line, 1);
        assert_eq!(LineProblem::of_code(refused[0].code), LineProblem::PrerequisiteMissing);
        assert_eq!(LineProblem::of_code(500600), LineProblem::Legacy);
        assert_eq!(LineProblem::of_code(10006), LineProblem::NotPurchasable);
        assert_eq!(LineProblem::of_code(42), LineProblem::Other);
    }
}
