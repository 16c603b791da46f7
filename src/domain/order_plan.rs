//! How the chosen offers become orders: one order per sales group (and per billing cycle, which
//! an order carries once for all its lines), lines numbered from 0.

use super::offer::Offer;
use super::selection::{order_quantity, ChosenOffer};
use crate::json::{object, Fields, FromJson, Json, JsonError, ToJson};

/// One line of `POST /v1/customers/{id}/orders`.
#[derive(Clone, Debug, PartialEq, Eq)]
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
    pub partner_id_on_record: Option<String>,
    /// The additional resellers' MPN ids (EU/EFTA).
    pub additional_partner_ids_on_record: Option<Vec<String>>,
}

/// The body of `POST /v1/customers/{id}/orders`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrderRequest {
    /// The customer the order is for.
    pub reference_customer_id: String,
    /// `monthly`, `annual`, `none`, `one_time`.
    pub billing_cycle: String,
    /// The lines.
    pub line_items: Vec<OrderLineItem>,
}

/// A placed order, as `POST …/orders` answers it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlacedOrder {
    /// The order id.
    pub id: String,
    /// e.g. `pending`, `completed`.
    pub status: String,
    /// When it was created.
    pub creation_date: String,
}

/// An order to place, before the customer exists.
#[derive(Clone, Debug, PartialEq, Eq)]
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

impl FromJson for OrderLineItem {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        let fields = Fields::of(value)?;
        Ok(OrderLineItem {
            line_item_number: fields.required("lineItemNumber")?,
            offer_id: fields.required("offerId")?,
            friendly_name: fields.required("friendlyName")?,
            quantity: fields.required("quantity")?,
            partner_id_on_record: fields.or_default("partnerIdOnRecord")?,
            additional_partner_ids_on_record: fields.or_default("additionalPartnerIdsOnRecord")?,
        })
    }
}

impl ToJson for OrderLineItem {
    fn to_json(&self) -> Json {
        let mut members = vec![
            ("lineItemNumber", self.line_item_number.to_json()),
            ("offerId", self.offer_id.to_json()),
            ("friendlyName", self.friendly_name.to_json()),
            ("quantity", self.quantity.to_json()),
        ];
        if let Some(id) = &self.partner_id_on_record {
            members.push(("partnerIdOnRecord", id.to_json()));
        }
        if let Some(ids) = &self.additional_partner_ids_on_record {
            members.push(("additionalPartnerIdsOnRecord", ids.to_json()));
        }
        object(members)
    }
}

impl ToJson for OrderRequest {
    fn to_json(&self) -> Json {
        object(vec![
            ("referenceCustomerId", self.reference_customer_id.to_json()),
            ("billingCycle", self.billing_cycle.to_json()),
            ("lineItems", self.line_items.to_json()),
        ])
    }
}

impl FromJson for PlacedOrder {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        let fields = Fields::of(value)?;
        Ok(PlacedOrder {
            id: fields.or_default("id")?,
            status: fields.or_default("status")?,
            creation_date: fields.or_default("creationDate")?,
        })
    }
}

impl ToJson for PlacedOrder {
    fn to_json(&self) -> Json {
        object(vec![
            ("id", self.id.to_json()),
            ("status", self.status.to_json()),
            ("creationDate", self.creation_date.to_json()),
        ])
    }
}

/// Kept in the saved job (session storage) only, so its members keep the field names.
impl FromJson for PlannedOrder {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        let fields = Fields::of(value)?;
        Ok(PlannedOrder {
            sales_group_id: fields.required("sales_group_id")?,
            billing_cycle: fields.required("billing_cycle")?,
            lines: fields.required("lines")?,
        })
    }
}

impl ToJson for PlannedOrder {
    fn to_json(&self) -> Json {
        object(vec![
            ("sales_group_id", self.sales_group_id.to_json()),
            ("billing_cycle", self.billing_cycle.to_json()),
            ("lines", self.lines.to_json()),
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::offer::Collection;

    fn catalog() -> Vec<Offer> {
        crate::json::from_str::<Collection<Offer>>(include_str!("../../data/offers-US.json")).unwrap().items
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
        let body = crate::json::as_value(&orders[0].request("c501c3c4-d776-40ef-9ecf-9cefb59442c1"));
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
