//! End-to-end tests of the country-shaped address: the form re-shapes with the country, and the
//! address check's "did you mean" is the user's choice.

use crate::Scenario;
use serde_json::json;

const E3: &str = "Microsoft 365 E3";

#[tokio::test]
async fn the_address_reshapes_from_the_us_to_britain_to_japan_keeping_what_was_typed() {
    let scenario = Scenario::start_demo("").await;
    let page = &scenario.browser;
    page.choose("Country/region", "United States").await;
    page.fill("Address line 1", "1 Main Street").await;
    assert_eq!(
        page.labels_in("Address").await,
        ["Address line 1", "Address line 2", "City", "State", "ZIP code", "Phone number"]
    );

    page.choose("Country/region", "United Kingdom").await;
    page.wait_for("//label[normalize-space(text()[1])='Post town']").await;
    assert_eq!(
        page.labels_in("Address").await,
        ["Address line 1", "Address line 2", "Post town", "Postcode", "Phone number"],
        "Britain has post towns and postcodes, and no state"
    );
    assert_eq!(page.field("Postcode").await.attr("autocomplete").await.unwrap().as_deref(), Some("postal-code"));
    page.screenshot("address-gb").await;

    page.choose("Country/region", "Japan").await;
    page.wait_for("//label[normalize-space(text()[1])='Prefecture']").await;
    assert_eq!(
        page.labels_in("Address").await,
        ["Postal code", "Prefecture", "Address line 1", "Address line 2", "Phone number"],
        "Japan writes the postal code and prefecture first, with the city in the street lines"
    );
    let prefecture = page.field("Prefecture").await;
    assert!(prefecture.find(fantoccini::Locator::XPath(".//option[.='Tokyo']")).await.is_ok());
    assert_eq!(
        page.field("Address line 1").await.prop("value").await.unwrap().as_deref(),
        Some("1 Main Street"),
        "the street survives every change of country"
    );
    page.screenshot("address-jp").await;

    page.fill("Postal code", "1000001").await;
    page.press("Next: Subscriptions").await;
    let summary = scenario.summary().await;
    assert!(summary.contains(&"Select the prefecture".to_string()), "{summary:?}");
    assert!(!summary.iter().any(|text| text.contains("postal code")), "1000001 is a Japanese postal code: {summary:?}");
}

/// Opens the wizard on a stub that suggests a corrected address for "One Microsoft Way", fills
/// a US customer there and selects Next, up to the address check.
async fn at_the_address_check() -> Scenario {
    let scenario = Scenario::start().await;
    let corrected = json!({"addressLine1": "1 Microsoft Way", "addressLine2": null, "city": "Redmond",
        "state": "WA", "postalCode": "98052-6399", "country": "US"});
    scenario.stub.answer_address("One Microsoft Way", "InteractionRequired", vec![corrected], "Check the ZIP code");
    scenario.fill_us_customer("wingtiptoys").await;
    scenario.browser.press("Next: Subscriptions").await;
    scenario.browser.wait_for("//h2[normalize-space(.)=\"Check the customer's address\"]").await;
    scenario
}

#[tokio::test]
async fn an_accepted_suggestion_is_the_address_sent() {
    let scenario = at_the_address_check().await;
    let page = &scenario.browser;
    assert_eq!(page.focused().await, "h2#address-review-title.section-title", "the check takes focus");
    let choices = page.page_text().await;
    assert!(choices.contains("One Microsoft Way") && choices.contains("98052-6399"), "both side by side: {choices}");
    page.screenshot("address-suggestion").await;
    page.tick("Suggested").await;
    page.press("Use this address and continue").await;
    page.wait_for_heading("Subscriptions").await;

    page.tick(E3).await;
    page.fill_offer(E3, "Number of licenses", "5").await;
    page.press("Next: Review").await;
    page.wait_for_heading("Review").await;
    assert!(page.page_text().await.contains("1 Microsoft Way"));
    page.press("Submit").await;
    page.wait_for_heading("Customer created").await;
    let customers = scenario.stub.customers();
    let address = &customers[0]["billingProfile"]["defaultAddress"];
    assert_eq!(address["addressLine1"], "1 Microsoft Way");
    assert_eq!(address["postalCode"], "98052-6399");
    let check = &scenario.stub.calls("POST", "/v1/validations/address")[0];
    assert_eq!(
        check.body.clone().unwrap(),
        json!({"addressLine1": "One Microsoft Way", "addressLine2": null, "city": "Redmond", "state": "WA",
            "postalCode": "98052", "country": "US"})
    );
}

#[tokio::test]
async fn a_declined_suggestion_keeps_the_address_as_typed_and_is_not_asked_again() {
    let scenario = at_the_address_check().await;
    let page = &scenario.browser;
    page.press("Use this address and continue").await;
    page.wait_for("//p[contains(@class,'error-message')][contains(., 'Choose an address')]").await;
    assert_eq!(page.heading().await, "Account info", "no choice, no going on");

    page.tick("As you entered it").await;
    page.press("Use this address and continue").await;
    page.wait_for_heading("Subscriptions").await;
    page.press("Back").await;
    page.wait_for_heading("Account info").await;
    assert_eq!(page.field("Address line 1").await.prop("value").await.unwrap().as_deref(), Some("One Microsoft Way"));
    assert_eq!(page.field("ZIP code").await.prop("value").await.unwrap().as_deref(), Some("98052"));
    page.press("Next: Subscriptions").await;
    page.wait_for_heading("Subscriptions").await;
    assert_eq!(
        scenario.stub.calls("POST", "/v1/validations/address").len(),
        1,
        "the user's choice stands while the address stays the same"
    );
}

#[tokio::test]
async fn an_unverifiable_address_can_be_changed_or_kept() {
    let scenario = Scenario::start().await;
    scenario.stub.answer_address("One Microsoft Way", "None", vec![], "Street not found");
    let page = &scenario.browser;
    scenario.fill_us_customer("wingtiptoys").await;
    page.press("Next: Subscriptions").await;
    page.wait_for("//p[contains(., 'The endpoint said: Street not found')]").await;
    page.press("Change the address").await;
    page.wait_for("//form").await;
    assert!(page.focused().await.starts_with("input#address-line1."), "back at the address");
    page.press("Next: Subscriptions").await;
    page.press("Use it as entered").await;
    page.wait_for_heading("Subscriptions").await;
}
