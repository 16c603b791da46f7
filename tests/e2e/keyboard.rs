//! The whole flow with the keyboard alone: typing into fields, Space on check boxes and radios,
//! letters in drop-downs, Enter on buttons and in the form. No element is clicked.

use crate::Scenario;
use fantoccini::elements::Element;

const ENTER: &str = "\u{E007}";
const SPACE: &str = " ";

/// Sends keys to a control, which focuses it as Tab would.
async fn keys(element: Element, keys: &str) {
    element.send_keys(keys).await.unwrap();
}

#[tokio::test]
async fn the_whole_flow_works_with_the_keyboard_alone() {
    let scenario = Scenario::start().await;
    let page = &scenario.browser;
    keys(page.field("Country/region").await, "United States").await;
    keys(page.field("Company name").await, "Wingtip Toys").await;
    keys(page.field("Domain prefix").await, "wingtipkeys").await;
    keys(page.field("Address line 1").await, "One Microsoft Way").await;
    keys(page.field("City").await, "Redmond").await;
    keys(page.field("State").await, "Washington").await;
    keys(page.field("ZIP code").await, "98052").await;
    keys(page.field("First name").await, "Gena").await;
    keys(page.field("Last name").await, "Soto").await;
    keys(page.field("Email address").await, "gena@wingtiptoys.com").await;
    keys(page.field("I confirm that the customer has accepted the Microsoft Customer Agreement").await, SPACE).await;
    keys(page.field("Date of acceptance").await, "01152025").await;
    // Enter in a field submits the page, as in any form.
    keys(page.field("Date of acceptance").await, ENTER).await;
    page.wait_for_heading("Subscriptions").await;

    keys(page.field("Microsoft 365 E3").await, SPACE).await;
    keys(page.offer_field("Microsoft 365 E3", "Number of licenses").await, "7").await;
    keys(page.wait_for("//button[normalize-space(.)='Next: Review']").await, ENTER).await;
    page.wait_for_heading("Review").await;
    keys(page.wait_for("//button[normalize-space(.)='Update account info']").await, ENTER).await;
    page.wait_for_heading("Account info").await;
    keys(page.field("The customer will accept it in the Microsoft 365 admin center").await, SPACE).await;
    keys(page.wait_for("//button[normalize-space(.)='Next: Review']").await, ENTER).await;
    page.wait_for_heading("Review").await;
    assert!(page.page_text().await.contains("The customer will accept it in the Microsoft 365 admin center"));
    keys(page.wait_for("//button[normalize-space(.)='Submit']").await, ENTER).await;
    page.wait_for_heading("Customer created").await;
    keys(page.wait_for("//button[normalize-space(.)='Show password']").await, ENTER).await;
    let password = page.field("One-time password").await;
    assert_eq!(password.attr("type").await.unwrap().as_deref(), Some("text"));
    assert_eq!(scenario.stub.customers().len(), 1);
    assert_eq!(scenario.stub.customers()[0]["billingProfile"]["defaultAddress"]["state"], "WA");
}
