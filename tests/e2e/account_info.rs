//! End-to-end tests of the Account info page.

use crate::support::stub::Received;
use crate::{is_guid, Scenario};

#[tokio::test]
async fn a_us_customer_filled_by_label_goes_on_to_subscriptions() {
    let scenario = Scenario::start().await;
    scenario.fill_us_customer("wingtiptoys").await;
    scenario.browser.screenshot("account-info-filled").await;
    scenario.browser.press("Next: Subscriptions").await;
    scenario.browser.wait_for_heading("Subscriptions").await;
    assert_eq!(scenario.browser.focused().await, "h1#.page-heading", "focus moves to the new page's heading");
    let title = scenario.browser.client.title().await.unwrap();
    assert_eq!(title, "Subscriptions — Add customer, step 2 of 4", "standalone, the page's title says the step");

    let stub = &scenario.stub;
    // Asked for when the country was chosen, in the background: no page waits for the answer.
    stub.wait_for_call("the US rules were asked for", |call| {
        call.method == "GET" && call.path == "/v1/countryvalidationrules/US"
    })
    .await;
    let checks = stub.calls("HEAD", "/v1/domains/wingtiptoys.onmicrosoft.com");
    assert!(!checks.is_empty(), "the domain was checked");
    let check = checks.last().unwrap();
    assert_eq!(check.header("accept"), Some("application/json"));
    assert!(check.header("ms-correlationid").is_some_and(is_guid), "{:?}", check.headers);
    assert!(check.header("ms-requestid").is_some_and(is_guid), "{:?}", check.headers);
    let received = stub.received();
    let request_ids: std::collections::BTreeSet<_> =
        received.iter().filter_map(|call| call.header("ms-requestid").map(str::to_string)).collect();
    assert_eq!(request_ids.len(), received.len(), "every call has its own MS-RequestId");
    assert!(
        stub.preflights().iter().any(|preflight| preflight
            .header("access-control-request-headers")
            .is_some_and(|h| h.contains("ms-requestid"))),
        "the browser sent a CORS preflight for the MS-* headers, and the stub allowed it"
    );
    assert!(
        stub.received().iter().all(|call| call.is_address_check() || (call.method != "POST" && call.body.is_none())),
        "nothing but the address check is sent, let alone created, from Account info"
    );
}

#[tokio::test]
async fn an_invalid_form_shows_the_summary_with_focus_and_stays() {
    let scenario = Scenario::start().await;
    let page = &scenario.browser;
    page.screenshot("account-info").await;
    page.choose("Country/region", "United States").await;
    page.fill("Company name", "LLC").await;
    page.fill("Domain prefix", "wingtip-toys").await;
    page.fill("ZIP code", "9805").await;
    page.fill("Email address", "gena@microsoft.com").await;
    page.press("Next: Subscriptions").await;

    let summary = scenario.summary().await;
    assert_eq!(page.focused().await, "div#.error-summary", "the summary takes focus");
    assert_eq!(page.heading().await, "Account info", "the page stays");
    assert!(summary.iter().any(|text| text.contains("cannot be a legal form alone")), "{summary:?}");
    assert!(summary.iter().any(|text| text.starts_with("The domain prefix can only contain letters")), "{summary:?}");
    assert!(summary.contains(&"Enter the ZIP code in the correct format, like 95014".to_string()), "{summary:?}");
    assert!(summary.iter().any(|text| text.contains("cannot be at microsoft.com")), "{summary:?}");
    assert!(summary.contains(&"Enter the first line of the address".to_string()), "{summary:?}");
    page.screenshot("account-info-errors").await;

    let company = page.field("Company name").await;
    assert_eq!(company.attr("aria-invalid").await.unwrap().as_deref(), Some("true"));
    assert_eq!(company.prop("value").await.unwrap().as_deref(), Some("LLC"), "nothing typed is lost");
    assert_eq!(page.field("ZIP code").await.prop("value").await.unwrap().as_deref(), Some("9805"));
    assert!(
        scenario.stub.calls("HEAD", "/v1/domains/wingtip-toys.onmicrosoft.com").is_empty(),
        "an invalid prefix is not checked"
    );
}

#[tokio::test]
async fn a_taken_domain_blocks_next_with_the_message_at_the_domain_field() {
    let scenario = Scenario::start().await;
    scenario.stub.take_domain("contoso.onmicrosoft.com");
    scenario.fill_us_customer("contoso").await;
    let page = &scenario.browser;
    page.wait_for("//p[@role='status'][contains(., 'contoso.onmicrosoft.com is already taken')]").await;
    page.press("Next: Subscriptions").await;

    assert_eq!(scenario.summary().await, ["This domain is already taken: choose another domain prefix"]);
    assert_eq!(page.heading().await, "Account info");
    let error = page.wait_for("//p[@id='domain-prefix-error']").await.prop("textContent").await.unwrap();
    assert_eq!(error.as_deref(), Some("Error: This domain is already taken: choose another domain prefix"));
    let field = page.field("Domain prefix").await;
    assert_eq!(field.attr("aria-invalid").await.unwrap().as_deref(), Some("true"));
    assert!(field.attr("aria-describedby").await.unwrap().unwrap_or_default().contains("domain-prefix-error"));

    page.fill("Domain prefix", "contosotoys").await;
    page.wait_for("//p[@role='status'][contains(., 'contosotoys.onmicrosoft.com is available')]").await;
    page.press("Next: Subscriptions").await;
    page.wait_for_heading("Subscriptions").await;
    assert!(!scenario.stub.calls("HEAD", "/v1/domains/contosotoys.onmicrosoft.com").is_empty());
}

#[tokio::test]
async fn a_russian_customer_is_asked_for_the_registration_number_and_phone() {
    let scenario = Scenario::start().await;
    let page = &scenario.browser;
    page.choose("Country/region", "Russia").await;
    page.fill("Company name", "ООО «Ромашка»").await;
    page.fill("Domain prefix", "romashka").await;
    page.fill("Address line 1", "ул. Тверская, 7").await;
    page.fill("City", "Москва").await;
    page.fill("Postal code", "125009").await;
    page.fill("First name", "Иван").await;
    page.fill("Last name", "Петров").await;
    page.fill("Email address", "ivan@romashka.ru").await;
    page.tick("The customer will accept it in the Microsoft 365 admin center").await;
    page.press("Next: Subscriptions").await;

    let summary = scenario.summary().await;
    assert_eq!(
        summary,
        ["Select the oblast", "Enter a phone number", "Enter the organization registration number (INN)"]
    );
    page.screenshot("account-info-russia").await;
    page.choose("Oblast", "Moskva").await;
    page.fill("Phone number", "+7 495 123-45-67").await;
    page.fill("Organization registration number (INN)", "12345").await;
    page.press("Next: Subscriptions").await;
    assert_eq!(
        scenario.summary().await,
        ["Enter the organization registration number (INN) in the correct format, like 7707083893"]
    );
    page.fill("Organization registration number (INN)", "7707083894").await;
    page.press("Next: Subscriptions").await;
    assert_eq!(
        scenario.summary().await,
        ["The organization registration number (INN) is not a valid number: check each digit"]
    );
    page.fill("Organization registration number (INN)", "7707083893").await;
    page.press("Next: Subscriptions").await;
    page.wait_for_heading("Subscriptions").await;
    let asked = |call: &Received| call.path == "/v1/countryvalidationrules/RU";
    scenario.stub.wait_for_call("the endpoint was asked first", asked).await;
}
