//! End-to-end tests of the draft: a reload loses nothing typed, the attestation must be given
//! again, and Done leaves nothing behind in the tab's storage.

use crate::Scenario;

const E3: &str = "Microsoft 365 E3";

/// Everything in the tab's sessionStorage, as one text.
async fn session_storage(scenario: &Scenario) -> String {
    let script = "return JSON.stringify(Object.fromEntries(Object.entries(sessionStorage)));";
    scenario.browser.run(script, vec![]).await.as_str().unwrap_or_default().to_string()
}

/// A valid US customer on Subscriptions, with 7 licenses of E3 chosen.
async fn with_seven_e3_licenses() -> Scenario {
    let scenario = Scenario::start().await;
    scenario.fill_us_customer("wingtiptoys").await;
    scenario.browser.press("Next: Subscriptions").await;
    scenario.browser.wait_for_heading("Subscriptions").await;
    scenario.browser.tick(E3).await;
    scenario.browser.fill_offer(E3, "Number of licenses", "7").await;
    scenario
}

#[tokio::test]
async fn a_reload_keeps_every_entry_but_the_attestation_and_done_clears_the_draft() {
    let scenario = with_seven_e3_licenses().await;
    let page = &scenario.browser;
    page.offer_field(E3, "Term").await.select_by_label("1 month").await.unwrap();

    page.client.refresh().await.unwrap();
    page.wait_for_heading("Subscriptions").await;
    let licenses = page.offer_field(E3, "Number of licenses").await;
    assert_eq!(licenses.prop("value").await.unwrap().as_deref(), Some("7"), "the choice survived the reload");
    let term = page.offer_field(E3, "Term").await;
    assert_eq!(term.prop("value").await.unwrap().as_deref(), Some("P1M"), "and so did its term");
    page.press("Back").await;
    page.wait_for_heading("Account info").await;
    for (label, value) in [("Company name", "Wingtip Toys"), ("Domain prefix", "wingtiptoys"), ("ZIP code", "98052")] {
        assert_eq!(page.field(label).await.prop("value").await.unwrap().as_deref(), Some(value), "{label}");
    }
    assert_eq!(page.field("State").await.prop("value").await.unwrap().as_deref(), Some("WA"));
    let attested = page.field("I confirm that the customer has accepted the Microsoft Customer Agreement").await;
    assert_eq!(attested.prop("checked").await.unwrap().as_deref(), Some("false"), "the attestation is given again");
    assert!(!session_storage(&scenario).await.contains("\"agreement-attested\""));

    page.press("Next: Subscriptions").await;
    let summary = scenario.summary().await;
    assert!(summary[0].starts_with("Confirm that the customer has accepted"), "{summary:?}");
    attested.click().await.unwrap();
    page.press("Next: Subscriptions").await;
    page.wait_for_heading("Subscriptions").await;
    page.press("Next: Review").await;
    page.wait_for_heading("Review").await;
    page.press("Submit").await;
    page.wait_for_heading("Customer created").await;
    let password = page.field("One-time password").await.prop("value").await.unwrap().unwrap_or_default();
    let stored = session_storage(&scenario).await;
    assert!(!stored.contains("Wingtip Toys"), "Done clears the draft: {stored}");
    assert!(!stored.contains(&password), "the password is never stored");
    assert_eq!(scenario.stub.customers().len(), 1);
}

#[tokio::test]
async fn back_and_forward_move_between_pages_and_lose_nothing() {
    let scenario = with_seven_e3_licenses().await;
    let page = &scenario.browser;
    page.press("Next: Review").await;
    page.wait_for_heading("Review").await;

    page.client.back().await.unwrap();
    page.wait_for_heading("Subscriptions").await;
    let licenses = page.offer_field(E3, "Number of licenses").await;
    assert_eq!(licenses.prop("value").await.unwrap().as_deref(), Some("7"));
    page.client.back().await.unwrap();
    page.wait_for_heading("Account info").await;
    assert_eq!(page.field("Company name").await.prop("value").await.unwrap().as_deref(), Some("Wingtip Toys"));
    page.client.forward().await.unwrap();
    page.wait_for_heading("Subscriptions").await;
    page.client.forward().await.unwrap();
    page.wait_for_heading("Review").await;
    assert!(page.page_text().await.contains("1 subscription, 7 licenses"));

    page.client.back().await.unwrap();
    page.wait_for_heading("Subscriptions").await;
    page.client.back().await.unwrap();
    page.wait_for_heading("Account info").await;
    page.fill("Company name", "LLC").await;
    page.client.forward().await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(page.heading().await, "Account info", "Forward does not skip a page that is no longer valid");
    page.fill("Company name", "Wingtip Toys").await;
    page.press("Next: Subscriptions").await;
    page.wait_for_heading("Subscriptions").await;
    page.press("Next: Review").await;
    page.press("Submit").await;
    page.wait_for_heading("Customer created").await;
    page.client.back().await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(page.heading().await, "Customer created", "nothing leads back into a submitted customer");
    assert_eq!(scenario.stub.customers().len(), 1);
}
