//! The new-commerce catalog: `GET /v1/products?country=…&targetView=OnlineServices`, a product's
//! SKUs (`…/products/{id}/skus`) and a SKU's availabilities (`…/skus/{id}/availabilities`).
//! Members the wizard does not use are ignored; `dynamicAttributes` may change, so each of its
//! members is optional.

use serde::Deserialize;

/// The product type of new-commerce seats (`productType.id`).
pub const NEW_COMMERCE_TYPE: &str = "OnlineServicesNCE";
/// The Azure plan, sold beside the seats (product `DZH318Z0BPS6`, SKU `0001`).
pub const AZURE_PLAN_PRODUCT: &str = "DZH318Z0BPS6";

/// A product's type.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ProductType {
    /// `OnlineServicesNCE` for new-commerce seats.
    pub id: String,
    /// Its name, e.g. "OnlineServicesNCE".
    pub display_name: String,
}

/// A product: `CFQ7TTC0LH18`, "Microsoft 365 Business Basic".
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Product {
    /// The product id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its description.
    pub description: String,
    /// Its type.
    pub product_type: ProductType,
}

/// The product families the Subscriptions page filters by, as titles begin.
const FAMILIES: [&str; 6] = ["Microsoft 365", "Office 365", "Microsoft Teams", "Dynamics 365", "Windows 365", "Azure"];

impl Product {
    /// The family the page's category filter puts it in: a known Microsoft family its title
    /// begins with ("Microsoft 365", "Office 365", "Microsoft Teams", "Dynamics 365",
    /// "Windows 365", "Azure"), else the title's first word (the brand).
    pub fn family(&self) -> &str {
        let title = self.title.trim();
        if self.id == AZURE_PLAN_PRODUCT {
            return "Azure";
        }
        FAMILIES
            .iter()
            .copied()
            .find(|family| title.starts_with(family))
            .unwrap_or_else(|| title.split_whitespace().next().unwrap_or("Other"))
    }

    /// Whether the wizard sells it: a new-commerce seat product, or the Azure plan.
    pub fn is_sold_here(&self) -> bool {
        self.product_type.id.eq_ignore_ascii_case(NEW_COMMERCE_TYPE) || self.id == AZURE_PLAN_PRODUCT
    }
}

/// A SKU's attributes that may change from one catalog to the next.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DynamicAttributes {
    /// Whether it is an add-on, bought only with one of its prerequisites.
    pub is_addon: bool,
    /// The SKUs it needs, as `"<productId>:<skuId>"`; one of them must be owned or in the cart.
    pub prerequisite_skus: Vec<String>,
}

/// A SKU of a product: `"0001"`, unique within the product.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Sku {
    /// The SKU id.
    pub id: String,
    /// Its product's id.
    pub product_id: String,
    /// Its title.
    pub title: String,
    /// Its description.
    pub description: String,
    /// The fewest licences one line may buy.
    pub minimum_quantity: u64,
    /// The most licences one line may buy.
    pub maximum_quantity: u64,
    /// Whether it is a trial.
    pub is_trial: bool,
    /// Add-on and prerequisites.
    pub dynamic_attributes: DynamicAttributes,
}

impl Sku {
    /// The SKU as a prerequisite names it: `"<productId>:<skuId>"`.
    pub fn key(&self) -> String {
        format!("{}:{}", self.product_id, self.id)
    }

    /// The licences one line may buy, at least one.
    pub fn quantity_range(&self) -> (u64, u64) {
        let min = self.minimum_quantity.max(1);
        (min, self.maximum_quantity.max(min))
    }
}

/// A refund a term allows, and until when: `expiresAfter` is an ISO 8601 duration (`P7D`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct RefundOption {
    /// `Full` or `Partial`.
    #[serde(rename = "type")]
    pub kind: String,
    /// How long after purchase it is offered.
    pub expires_after: String,
}

/// A term's cancellation policy.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CancellationPolicy {
    /// The refunds, first the fullest.
    pub refund_options: Vec<RefundOption>,
}

/// One term of an availability: a duration with one billing cycle.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Term {
    /// The term id, which renewal instructions name.
    pub id: String,
    /// `P1M`, `P1Y`, `P3Y`.
    pub duration: String,
    /// The catalog's words for it.
    pub description: String,
    /// `Monthly`, `Annual`, `Triennial`, `None`: compared without case.
    pub billing_cycle: String,
    /// When it may be cancelled with a refund.
    pub cancellation_policies: Vec<CancellationPolicy>,
}

/// How a term renews.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct RenewalOption {
    /// Whether it renews by itself.
    pub is_auto_renewable: bool,
}

/// The renewal of some terms.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct RenewalInstruction {
    /// The terms it is for.
    pub applicable_term_ids: Vec<String>,
    /// How they renew.
    pub renewal_options: Vec<RenewalOption>,
}

/// A currency.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Currency {
    /// ISO 4217: `USD`.
    pub code: String,
}

/// An availability: what can be bought of a SKU, in one country and segment. Its id is reissued
/// from time to time: read again right before the cart is made.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Availability {
    /// The availability id.
    pub id: String,
    /// Its product.
    pub product_id: String,
    /// Its SKU.
    pub sku_id: String,
    /// What a cart line names: `"<product>:<sku>:<availability>"`.
    pub catalog_item_id: String,
    /// `commercial`, `education`, `government`, `nonprofit`.
    pub segment: String,
    /// The currency prices are in.
    pub default_currency: Currency,
    /// Whether it can be bought now.
    pub is_purchasable: bool,
    /// Whether it renews.
    pub is_renewable: bool,
    /// How its terms renew.
    pub renewal_instructions: Vec<RenewalInstruction>,
    /// Its terms: one per duration and billing cycle.
    pub terms: Vec<Term>,
}

impl Availability {
    /// Whether the term `term_id` renews by itself.
    pub fn renews_automatically(&self, term_id: &str) -> bool {
        self.is_renewable
            && self.renewal_instructions.iter().any(|instruction| {
                instruction.applicable_term_ids.iter().any(|id| id == term_id)
                    && instruction.renewal_options.iter().any(|option| option.is_auto_renewable)
            })
    }

    /// Whether only a customer with an approved education qualification may buy it.
    pub fn is_for_education(&self) -> bool {
        self.segment.eq_ignore_ascii_case("education")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::common::decode::decode;

    /// The availability of the contract's example (Microsoft 365 Business Basic, 1 year).
    pub(crate) const BUSINESS_BASIC: &str = r#"{ "id": "CFQ7TTC0K971", "productId": "CFQ7TTC0LH18", "skuId": "0001",
      "catalogItemId": "CFQ7TTC0LH18:0001:CFQ7TTC0K971",
      "defaultCurrency": {"code": "USD", "symbol": "$"}, "segment": "commercial", "country": "US",
      "isPurchasable": true, "isRenewable": true,
      "renewalInstructions": [{"applicableTermIds": ["5aeco6mffyxo"],
        "renewalOptions": [{"renewToId": "CFQ7TTC0LH18:0001", "isAutoRenewable": true}]}],
      "terms": [{"id": "5aeco6mffyxo", "duration": "P1Y",
        "description": "One-Year commitment for monthly/yearly billing", "billingCycle": "Annual",
        "cancellationPolicies": [{"refundOptions": [{"sequenceId": 0, "type": "Full", "expiresAfter": "P1D"}]}]}] }"#;

    #[test]
    fn reads_an_availability_and_its_renewal() {
        let availability: Availability = decode(BUSINESS_BASIC).unwrap();
        assert_eq!(availability.catalog_item_id, "CFQ7TTC0LH18:0001:CFQ7TTC0K971");
        assert_eq!(availability.terms[0].cancellation_policies[0].refund_options[0].expires_after, "P1D");
        assert!(availability.renews_automatically("5aeco6mffyxo"));
        assert!(!availability.renews_automatically("other"));
        assert!(!availability.is_for_education());
    }

    #[test]
    fn only_new_commerce_products_and_the_azure_plan_are_sold() {
        let page = r#"{"totalCount": 3, "items": [
            {"id": "CFQ7TTC0LH18", "title": "Microsoft 365 Business Basic", "productType": {"id": "OnlineServicesNCE"}},
            {"id": "DZH318Z0BPS6", "title": "Azure plan", "productType": {"id": "Azure"}},
            {"id": "DZH318Z0BQ3P", "title": "A marketplace app", "productType": {"id": "SaaS"}}]}"#;
        let page: crate::domain::common::collection::Collection<Product> = decode(page).unwrap();
        let sold: Vec<&str> =
            page.items.iter().filter(|product| product.is_sold_here()).map(|product| product.id.as_str()).collect();
        assert_eq!(sold, ["CFQ7TTC0LH18", "DZH318Z0BPS6"]);
        let families: Vec<&str> = page.items.iter().map(Product::family).collect();
        assert_eq!(families, ["Microsoft 365", "Azure", "A"]);
    }

    #[test]
    fn an_add_on_sku_names_its_prerequisites() {
        let sku: Sku = decode(
            r#"{"id": "0002", "productId": "CFQ7TTC0LHSV", "title": "Teams Audio Conferencing", "minimumQuantity": 0,
                "maximumQuantity": 300, "dynamicAttributes": {"isAddon": true, "prerequisiteSkus": ["CFQ7TTC0LH18:0001"],
                "hasConstraints": false}}"#,
        )
        .unwrap();
        assert!(sku.dynamic_attributes.is_addon);
        assert_eq!(sku.dynamic_attributes.prerequisite_skus, ["CFQ7TTC0LH18:0001"]);
        assert_eq!(sku.key(), "CFQ7TTC0LHSV:0002");
        assert_eq!(sku.quantity_range(), (1, 300));
    }
}
