//! The checkout of a cart (`POST …/carts/{id}/checkout`), which may succeed for some order groups
//! and fail for others, and the customer's account verification, which must allow purchases
//! before a checkout (`GET /v1/customers/{id}/validationStatus?type=account`).

use serde::{Deserialize, Serialize};

/// One line of a placed order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct OrderLine {
    /// Its number in the order.
    pub line_item_number: u32,
    /// The catalog item bought (`offerId` on orders).
    pub offer_id: String,
    /// The subscription it made.
    pub subscription_id: String,
    /// `P1M`, `P1Y`, `P3Y`.
    pub term_duration: String,
    /// Its name.
    pub friendly_name: String,
    /// Licences.
    pub quantity: u64,
}

/// An order the checkout placed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Order {
    /// The order id.
    pub id: String,
    /// `monthly`, `annual`, …
    pub billing_cycle: String,
    /// Its lines.
    pub line_items: Vec<OrderLine>,
    /// `pending` or `completed`.
    pub status: String,
}

/// An order group the checkout could not place.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct OrderError {
    /// The cart lines' `orderGroup`.
    pub order_group_id: String,
    /// The error code.
    pub code: i64,
    /// The endpoint's words.
    pub description: String,
}

/// The answer of a checkout: the orders placed and the groups that failed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CheckoutResult {
    /// The orders placed.
    pub orders: Vec<Order>,
    /// The order groups that failed; a retry checks out only these.
    pub order_errors: Vec<OrderError>,
}

impl CheckoutResult {
    /// Whether every order group was placed.
    pub fn is_complete(&self) -> bool {
        self.order_errors.is_empty()
    }
}

/// Where Microsoft's verification of a new customer's account stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum AccountStatus {
    /// Nothing known yet.
    #[default]
    Unknown,
    /// Under review: purchases wait.
    UnderReview,
    /// Verified: purchases go through.
    Allowed,
    /// Rejected: no purchase.
    NotAllowed,
}

/// The answer of `GET /v1/customers/{id}/validationStatus?type=account`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ValidationStatus {
    /// The status.
    pub status: AccountStatus,
    /// When it last changed.
    pub last_update_date_time: String,
}

/// Whether a checkout may go ahead for a customer whose verification is `status`: `None` is a
/// customer without any (`404`, code `600074`), who is not blocked; of the statuses, only
/// `Allowed` lets purchases through (`UnderReview`, `NotAllowed` and `Unknown` block them).
pub fn purchase_allowed(status: Option<&ValidationStatus>) -> bool {
    status.is_none_or(|status| status.status == AccountStatus::Allowed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::common::decode::decode;

    #[test]
    fn a_partial_checkout_names_the_groups_to_retry() {
        let result: CheckoutResult = decode(
            r#"{"orders": [{"id": "o-1", "referenceCustomerId": "c-1", "billingCycle": "monthly", "currencyCode": "USD",
                "lineItems": [{"lineItemNumber": 0, "offerId": "A:0001:X", "subscriptionId": "s-1", "termDuration": "P1Y",
                "friendlyName": "Microsoft 365 Business Basic", "quantity": 5, "partnerIdOnRecord": null}],
                "creationDate": "2026-12-07T10:00:00Z", "status": "completed"}],
               "orderErrors": [{"orderGroupId": "1", "code": 800009, "description": "Cart item errors"}]}"#,
        )
        .unwrap();
        assert!(!result.is_complete());
        assert_eq!(result.orders[0].line_items[0].subscription_id, "s-1");
        assert_eq!(result.order_errors[0].order_group_id, "1");
        let whole: CheckoutResult = decode(r#"{"orders": []}"#).unwrap();
        assert!(whole.is_complete());
    }

    #[test]
    fn only_an_allowed_account_checks_out() {
        let status: ValidationStatus =
            decode(r#"{"type": "account", "status": "UnderReview", "lastUpdateDateTime": "2026-07-14T18:02:00"}"#)
                .unwrap();
        assert!(!purchase_allowed(Some(&status)));
        let allowed: ValidationStatus = decode(r#"{"type": "account", "status": "Allowed"}"#).unwrap();
        assert!(purchase_allowed(Some(&allowed)));
        let unknown: ValidationStatus = decode(r#"{"type": "account", "status": "Unknown"}"#).unwrap();
        assert!(!purchase_allowed(Some(&unknown)));
        assert!(purchase_allowed(None), "no status at all does not block");
    }
}
