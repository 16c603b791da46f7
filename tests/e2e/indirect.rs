//! End-to-end tests of indirect providers and existing customers: the reseller picker, the
//! partners of record on the wire, and the relationship request.

use crate::support::stub::INVITATION;
use crate::Scenario;
use fantoccini::Locator;
use serde_json::{json, Value};

const E3: &str = "Microsoft 365 E3";
const FIRST_UP_TENANT: &str = "484e548c-f5f3-4528-93a9-c16c6373cb59";

impl Scenario {
    /// Fills a valid German customer (the EU, for additional partners of record).
    async fn fill_german_customer(&self, prefix: &str) {
        let page = &self.browser;
        page.choose("Country/region", "Germany").await;
        page.fill("Company name", "Fabrikam Deutschland GmbH").await;
        page.fill("Domain prefix", prefix).await;
        page.fill("Address line 1", "Unter den Linden 1").await;
        page.fill("Postal code", "10117").await;
        page.fill("City", "Berlin").await;
        page.fill("First name", "Jonas").await;
        page.fill("Last name", "Becker").await;
        page.fill("Email address", "jonas@fabrikam.de").await;
        page.tick("The customer will accept it in the Microsoft 365 admin center").await;
    }

    /// From Account info, buys `licenses` of Microsoft 365 E3 and submits, up to Done. Answers
    /// what Review showed.
    async fn buy_e3_and_submit(&self, licenses: &str) -> String {
        let page = &self.browser;
        page.press("Next: Subscriptions").await;
        page.wait_for_heading("Subscriptions").await;
        page.tick(E3).await;
        page.fill_offer(E3, "Number of licenses", licenses).await;
        page.press("Next: Review").await;
        page.wait_for_heading("Review").await;
        let review = page.page_text().await;
        page.press("Submit").await;
        page.wait_for_heading("Customer created").await;
        review
    }

    /// Every cart the stub received, as its request body.
    fn cart_bodies(&self) -> Vec<Value> {
        self.stub
            .received()
            .into_iter()
            .filter(|call| call.method == "POST" && call.path.ends_with("/carts"))
            .map(|call| call.body.unwrap())
            .collect()
    }

    /// Every line of the carts the stub received.
    fn cart_lines(&self) -> Vec<Value> {
        self.cart_bodies().iter().flat_map(|cart| cart["lineItems"].as_array().unwrap().clone()).collect()
    }

    /// Every line of the orders the checkouts placed.
    fn order_lines(&self) -> Vec<Value> {
        self.stub.placed_orders().iter().flat_map(|order| order["lineItems"].as_array().unwrap().clone()).collect()
    }
}

#[tokio::test]
async fn an_indirect_providers_customer_names_the_reseller_on_the_customer_and_every_line() {
    let scenario = Scenario::start_indirect().await;
    let page = &scenario.browser;
    scenario.fill_us_customer("wingtipindirect").await;
    page.press("Next: Subscriptions").await;
    let summary = scenario.summary().await;
    assert_eq!(summary, ["Choose the reseller this customer is for, or confirm that you act without a reseller"]);
    page.fill("Search resellers", "4847383").await;
    page.wait_for("//p[@role='status'][normalize-space(.)='1 reseller']").await;
    page.tick("First Up Consultants").await;
    page.screenshot("account-info-reseller").await;
    page.press("Next: Subscriptions").await;
    page.wait_for_heading("Subscriptions").await;
    page.tick(E3).await;
    page.fill_offer(E3, "Number of licenses", "10").await;
    page.tick("Azure plan").await;
    page.wait_for("//p[normalize-space(.)='Billed by usage: no license count.']").await;
    page.press("Next: Review").await;
    page.wait_for_heading("Review").await;
    assert!(page.page_text().await.contains("First Up Consultants (MPN ID 4847383, United States)"));
    page.press("Submit").await;
    page.wait_for_heading("Customer created").await;

    let customers = scenario.stub.customers();
    assert_eq!(customers[0]["associatedPartnerId"], FIRST_UP_TENANT);
    let carts = scenario.cart_bodies();
    assert_eq!(carts.len(), 1, "one cart");
    assert_eq!(carts[0]["partnerOnRecordAttestationAccepted"], true, "a reseller is named");
    let lines = scenario.cart_lines();
    assert_eq!(lines.len(), 2, "E3 and Azure");
    for line in &lines {
        assert_eq!(line["participants"], json!([{"key": "transaction_reseller", "value": "4847383"}]), "{line}");
    }
    assert_eq!(scenario.stub.placed_orders().len(), 2, "E3 and Azure, in two orders");
    let placed = scenario.order_lines();
    assert_eq!(placed.len(), 2);
    for line in &placed {
        assert_eq!(line["partnerIdOnRecord"], "4847383", "{line}");
    }
    assert_eq!(scenario.stub.contract_problems(), Vec::<String>::new());
}

#[tokio::test]
async fn a_reseller_without_the_partner_agreement_cannot_be_picked() {
    let scenario = Scenario::start_indirect().await;
    let page = &scenario.browser;
    let tailwind = page.field("Tailwind Traders Reseller").await;
    assert_eq!(tailwind.attr("disabled").await.unwrap().as_deref(), Some("true"));
    let hint_id = tailwind.attr("aria-describedby").await.unwrap().unwrap();
    let hint = page.by_id(&hint_id).await.text().await.unwrap();
    assert!(hint.contains("Cannot be chosen: it has not signed the partner agreement"), "{hint}");
    let _ = tailwind.click().await;
    assert_eq!(tailwind.prop("checked").await.unwrap().as_deref(), Some("false"));
    let statuses =
        scenario.stub.received().into_iter().filter(|call| call.path == "/v1/compliance/csp/agreementstatus").count();
    assert_eq!(statuses, 9, "every reseller's agreement was checked");
}

#[tokio::test]
async fn eu_customers_name_at_most_five_additional_resellers_without_duplicates() {
    let scenario = Scenario::start_indirect().await;
    let page = &scenario.browser;
    scenario.fill_german_customer("fabrikamde").await;
    assert!(
        page.find_deep("//*[@id='additional-reseller']").await.is_none(),
        "no additional reseller before the first one is chosen"
    );
    page.tick("Fourth Coffee IT").await;
    let additional = [
        "Nordlys Cloud AB (MPN ID 5120872, Sweden)",
        "Alpenblick Informatik (MPN ID 5120873, Switzerland)",
        "Lucerne Publishing Services (MPN ID 5120874, France)",
        "Trey Research Polska (MPN ID 5120875, Poland)",
        "Coho Systems Iberia (MPN ID 5120876, Spain)",
    ];
    for (index, name) in additional.iter().enumerate() {
        let select = page.field("Add a partner of record").await;
        let options = select.find_all(Locator::Css("option")).await.unwrap();
        let mut texts = Vec::new();
        for option in options {
            texts.push(option.text().await.unwrap());
        }
        assert!(
            !texts.iter().any(|text| text.starts_with("Fourth Coffee IT")),
            "the first reseller is not offered again"
        );
        assert!(!texts.iter().any(|text| text.starts_with("Tailwind")), "an unsigned reseller is not offered");
        assert_eq!(texts.len(), 1 + 7 - index, "the placeholder and the signed resellers not named yet: {texts:?}");
        select.select_by_label(name).await.unwrap();
        page.press("Add").await;
        page.wait_for(&format!("//li[contains(@class,'named-reseller')][{}]", index + 1)).await;
    }
    page.wait_for("//p[contains(., 'You have named the most partners of record')]").await;
    assert!(page.find_deep("//*[@id='additional-reseller']").await.is_none(), "no sixth");
    let review = scenario.buy_e3_and_submit("3").await;
    assert!(review.contains("Coho Systems Iberia (MPN ID 5120876, Spain)"), "{review}");
    let named = scenario.stub.customers()[0]["associatedPartnerId"].clone();
    assert_eq!(named, "00000000-0000-4000-8000-00000000e001");
    let page_text = page.page_text().await;
    assert!(page_text.contains("Purchases wait for the customer to accept the agreement"), "{page_text}");
    assert!(
        scenario.stub.placed_orders().is_empty(),
        "the orders wait for the customer's acceptance in the admin center"
    );
    let lines = scenario.cart_lines();
    assert_eq!(lines.len(), 1, "the cart is made and kept");
    let mut named = vec![json!({"key": "transaction_reseller", "value": "5120871"})];
    named.extend(
        (5120872..=5120876).map(|mpn| json!({"key": "additional_transaction_reseller", "value": mpn.to_string()})),
    );
    assert_eq!(lines[0]["participants"], Value::Array(named), "every partner of record, on the line");
    assert_eq!(scenario.stub.contract_problems(), Vec::<String>::new());
}

#[tokio::test]
async fn eu_additional_resellers_go_on_every_order_line() {
    let scenario = Scenario::start_indirect().await;
    let page = &scenario.browser;
    scenario.fill_german_customer("fabrikamlines").await;
    page.tick("The customer has accepted it").await;
    page.tick("I confirm that the customer has accepted the Microsoft Customer Agreement").await;
    page.fill("Date of acceptance", "01152025").await;
    page.tick("Fourth Coffee IT").await;
    page.field("Add a partner of record")
        .await
        .select_by_label("Nordlys Cloud AB (MPN ID 5120872, Sweden)")
        .await
        .unwrap();
    page.press("Add").await;
    scenario.buy_e3_and_submit("3").await;
    let lines = scenario.cart_lines();
    assert_eq!(lines.len(), 1);
    assert_eq!(
        lines[0]["participants"],
        json!([{"key": "transaction_reseller", "value": "5120871"},
            {"key": "additional_transaction_reseller", "value": "5120872"}])
    );
    assert_eq!(scenario.stub.placed_orders().len(), 1, "attested now: the cart is checked out");
    assert_eq!(scenario.order_lines()[0]["partnerIdOnRecord"], "5120871");
    assert_eq!(scenario.stub.contract_problems(), Vec::<String>::new());
}

#[tokio::test]
async fn a_direct_partner_sees_none_of_it() {
    let scenario = Scenario::start().await;
    let page = &scenario.browser;
    assert!(page.find_deep("//legend[normalize-space(.)='Reseller']").await.is_none());
    assert!(page.find_deep("//*[@id='reseller-search']").await.is_none());
    assert!(
        scenario.stub.received().iter().all(|call| !call.path.starts_with("/v1/relationships")),
        "no reseller list is asked for"
    );
}

#[tokio::test]
async fn the_relationship_request_makes_the_link_and_creates_nothing() {
    let scenario = Scenario::start_indirect().await;
    let page = &scenario.browser;
    page.press("Request a relationship").await;
    page.wait_for_heading("Request a reseller relationship").await;
    assert_eq!(page.focused().await, "h1#.page-heading");
    page.choose("Reseller", "ReleCloud (MPN ID 4847433, Brazil)").await;
    page.tick("Also request delegated administration rights").await;
    page.press("Get the invitation link").await;
    let link = page.field("Invitation link").await;
    let expected = INVITATION.replace("msppId=0&DAP=true", "msppId=4847433&DAP=true");
    assert_eq!(link.prop("value").await.unwrap().as_deref(), Some(expected.as_str()));
    let english = page.field("Email in English").await.prop("value").await.unwrap().unwrap_or_default();
    assert!(english.contains(&expected) && english.contains("delegated administration rights"), "{english}");
    let russian = page.field("Email in Russian").await.prop("value").await.unwrap().unwrap_or_default();
    assert!(russian.contains(&expected) && russian.contains("Здравствуйте"), "{russian}");
    page.tick("Also request delegated administration rights").await;
    let without_dap = INVITATION.replace("msppId=0&DAP=true", "msppId=4847433&DAP=false");
    assert_eq!(page.field("Invitation link").await.prop("value").await.unwrap().as_deref(), Some(without_dap.as_str()));
    page.screenshot("relationship-request").await;
    let stub = &scenario.stub;
    assert_eq!(stub.calls("GET", "/v1/customers/relationshiprequests").len(), 1);
    assert!(stub.received().iter().all(|call| call.method != "POST" || call.is_address_check()), "nothing is created");
    page.press("Back to Account info").await;
    page.wait_for_heading("Account info").await;
}
