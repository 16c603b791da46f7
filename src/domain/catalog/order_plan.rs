//! How the chosen offers become orders: one order per sales group (and per billing cycle, which
//! an order carries once for all its lines), lines numbered from 0.

use crate::domain::catalog::offer::Offer;
use crate::domain::catalog::selection::{order_quantity, ChosenOffer};
use serde::{Deserialize, Serialize};

/// One line of `POST /v1/customers/{id}/orders`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderLineItem {
    /// 0..n-1 within its order.
    pub line_item_number: u32,
    /// The offer id.
    pub offer_id: String,
    /// The offer's name.
    pub friendly_name: String,
    /// The license count.
    pub quantity: u64,
    /// The reseller's MPN id, for an indirect provider's order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner_id_on_record: Option<String>,
    /// The additional resellers' MPN ids (EU/EFTA).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub additional_partner_ids_on_record: Option<Vec<String>>,
}

/// The body of `POST /v1/customers/{id}/orders`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderRequest {
    /// The customer the order is for.
    pub reference_customer_id: String,
    /// `monthly`, `annual`, `none`, `one_time`.
    pub billing_cycle: String,
    /// The lines.
    pub line_items: Vec<OrderLineItem>,
}

/// A placed order, as `POST …/orders` answers it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PlacedOrder {
    /// The order id.
    pub id: String,
    /// e.g. `pending`, `completed`.
    pub status: String,
    /// When it was created.
    pub creation_date: String,
}

/// An order to place, before the customer exists.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedOrder {
    /// The sales group all its offers share.
    pub sales_group_id: String,
    /// The billing cycle all its lines share.
    pub billing_cycle: String,
    /// Its lines, numbered.
    pub lines: Vec<OrderLineItem>,
}

impl PlannedOrder {
    /// The request body for the customer `customer_id`.
    pub fn request(&self, customer_id: &str) -> OrderRequest {
        OrderRequest {
            reference_customer_id: customer_id.to_string(),
            billing_cycle: self.billing_cycle.clone(),
            line_items: self.lines.clone(),
        }
    }

    /// The licenses of all its lines.
    pub fn total_quantity(&self) -> u64 {
        self.lines.iter().map(|line| line.quantity).sum()
    }
}

/// The orders for `chosen` (already validated), in the order their first offer was chosen.
pub fn plan_orders(catalog: &[Offer], chosen: &[ChosenOffer]) -> Vec<PlannedOrder> {
    let mut orders: Vec<PlannedOrder> = Vec::new();
    for line in chosen {
        let Some(offer) = catalog.iter().find(|offer| offer.id == line.offer_id) else { continue };
        let Some(quantity) = order_quantity(offer, line) else { continue };
        let group = if offer.sales_group_id.is_empty() { "Default" } else { offer.sales_group_id.as_str() };
        let index = match orders
            .iter()
            .position(|order| order.sales_group_id == group && order.billing_cycle == line.billing_cycle)
        {
            Some(index) => index,
            None => {
                orders.push(PlannedOrder {
                    sales_group_id: group.to_string(),
                    billing_cycle: line.billing_cycle.clone(),
                    lines: Vec::new(),
                });
                orders.len() - 1
            }
        };
        let order = &mut orders[index];
        order.lines.push(OrderLineItem {
            line_item_number: order.lines.len() as u32,
            offer_id: offer.id.clone(),
            friendly_name: offer.name.clone(),
            quantity,
            partner_id_on_record: None,
            additional_partner_ids_on_record: None,
        });
    }
    orders
}

/// Kept in the saved job (session storage) only, so its members keep the field names.
#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalog::offer::Collection;

    fn catalog() -> Vec<Offer> {
        serde_json::from_str::<Collection<Offer>>(include_str!("../../../data/offers-US.json")).unwrap().items
    }

    fn chose(name: &str, quantity: &str, cycle: &str) -> ChosenOffer {
        let id = catalog().into_iter().find(|offer| offer.name == name).unwrap().id;
        ChosenOffer { offer_id: id, quantity: quantity.into(), billing_cycle: cycle.into() }
    }

    #[test]
    fn one_order_per_sales_group_with_lines_numbered_from_zero() {
        let chosen = [
            chose("Office 365 Enterprise E3", "10", "monthly"),
            chose("Microsoft Azure", "", "monthly"),
            chose("Audio Conferencing", "10", "monthly"),
            chose("Office 365 Enterprise E3 Trial", "", "none"),
        ];
        let orders = plan_orders(&catalog(), &chosen);
        let groups: Vec<&str> = orders.iter().map(|order| order.sales_group_id.as_str()).collect();
        assert_eq!(groups, ["Default", "Azure", "Trial-32B23C88-949F-4E5B-B500-A87EEC676B80"]);
        let default = &orders[0];
        assert_eq!(default.lines.iter().map(|line| line.line_item_number).collect::<Vec<_>>(), [0, 1]);
        assert_eq!(default.lines[1].friendly_name, "Audio Conferencing");
        assert_eq!(default.total_quantity(), 20);
        assert_eq!(orders[1].lines[0].quantity, 1, "usage-based lines carry 1");
        assert_eq!(orders[2].lines[0].quantity, 25, "trials carry their fixed count");
        assert_eq!(orders[2].billing_cycle, "none");
    }

    #[test]
    fn billing_cycles_split_an_order() {
        let chosen = [chose("Office 365 Enterprise E3", "10", "monthly"), chose("Power BI Pro", "5", "annual")];
        let orders = plan_orders(&catalog(), &chosen);
        assert_eq!(orders.len(), 2);
        assert_eq!(orders[1].lines[0].line_item_number, 0);
    }

    #[test]
    fn the_request_body_has_the_wire_shape() {
        let orders = plan_orders(&catalog(), &[chose("Office 365 Business Premium", "5", "monthly")]);
        let body = serde_json::to_value(orders[0].request("c501c3c4-d776-40ef-9ecf-9cefb59442c1")).unwrap();
        assert_eq!(
            body,
            serde_json::json!({
                "referenceCustomerId": "c501c3c4-d776-40ef-9ecf-9cefb59442c1",
                "billingCycle": "monthly",
                "lineItems": [{
                    "lineItemNumber": 0,
                    "offerId": "031C9E47-4802-4248-838E-778FB1D2CC05",
                    "friendlyName": "Office 365 Business Premium",
                    "quantity": 5
                }]
            })
        );
    }
}
