//! End-to-end tests of the whole wizard: Subscriptions, Review with Update, Submit, Done, and
//! what the endpoint receives.

use crate::support::stub::{Fault, TEMPLATE_ID};
use crate::{is_guid, Scenario};
use serde_json::json;

const E3: &str = "Microsoft 365 E3";
const AUDIO: &str = "Microsoft Teams Audio Conferencing with dial-out to USA/CAN";

impl Scenario {
    /// Fills Account info with a valid US customer and goes on to Subscriptions.
    pub(crate) async fn to_subscriptions(&self, prefix: &str) {
        self.fill_us_customer(prefix).await;
        self.browser.press("Next: Subscriptions").await;
        self.browser.wait_for_heading("Subscriptions").await;
    }

    /// Chooses `offer` with `licenses`.
    pub(crate) async fn choose_offer(&self, offer: &str, licenses: &str) {
        self.browser.tick(offer).await;
        self.browser.fill_offer(offer, "Number of licenses", licenses).await;
    }

    /// From Account info to Review with E3 × 10 and Audio Conferencing × 10.
    pub(crate) async fn to_review(&self, prefix: &str) {
        self.to_subscriptions(prefix).await;
        self.choose_offer(E3, "10").await;
        self.choose_offer(AUDIO, "10").await;
        self.browser.screenshot("subscriptions-chosen").await;
        self.browser.press("Next: Review").await;
        self.browser.wait_for_heading("Review").await;
    }
}

#[tokio::test]
async fn a_full_us_flow_sends_exactly_the_documented_calls() {
    let scenario = Scenario::start().await;
    scenario.to_review("wingtiptoys").await;
    let page = &scenario.browser;
    let review = page.page_text().await;
    for expected in
        ["Wingtip Toys", "wingtiptoys.onmicrosoft.com", "One Microsoft Way", "Washington 98052", "Gena Soto", E3, AUDIO]
    {
        assert!(review.contains(expected), "Review shows {expected:?}:\n{review}");
    }
    for expected in ["2 subscriptions, 20 licenses", "1 year", "Monthly", "Renews automatically", "within 7 days"] {
        assert!(review.contains(expected), "Review shows {expected:?}:\n{review}");
    }
    page.screenshot("review").await;
    page.run("deepQuery('#review-subscriptions')[0].scrollIntoView(); return true;", vec![]).await;
    page.screenshot("review-subscriptions").await;
    page.press("Submit").await;
    page.wait_for_heading("Customer created").await;
    page.screenshot("done").await;

    let stub = &scenario.stub;
    let calls: Vec<String> = stub
        .received()
        .iter()
        .filter(|call| call.method == "POST" || call.path == "/v1/agreements")
        .map(|call| format!("{} {}", call.method, call.path))
        .collect();
    let customer_id = "c501c3c4-d776-40ef-9ecf-000000000001";
    let carts = stub.carts();
    assert_eq!(carts.len(), 1, "one cart");
    let cart_id = carts[0]["id"].as_str().unwrap().to_string();
    assert_eq!(
        stub.calls("GET", &format!("/v1/customers/{customer_id}/validationStatus")).len(),
        1,
        "the account's verification is read before the checkout"
    );
    assert_eq!(
        calls,
        [
            "POST /v1/validations/address".to_string(),
            "POST /v1/customers".to_string(),
            "GET /v1/agreements".to_string(),
            format!("POST /v1/customers/{customer_id}/agreements"),
            format!("POST /v1/customers/{customer_id}/carts"),
            format!("POST /v1/customers/{customer_id}/carts/{cart_id}/checkout"),
        ]
    );
    let posts: Vec<_> =
        stub.received().into_iter().filter(|call| call.method == "POST" && !call.is_address_check()).collect();
    assert_eq!(
        posts[0].body.clone().unwrap(),
        json!({
            "enableGDAPByDefault": true,
            "companyProfile": { "domain": "wingtiptoys.onmicrosoft.com" },
            "billingProfile": {
                "firstName": "Gena", "lastName": "Soto", "email": "gena@wingtiptoys.com",
                "culture": "en-US", "language": "en", "companyName": "Wingtip Toys",
                "defaultAddress": {
                    "firstName": "Gena", "lastName": "Soto",
                    "addressLine1": "One Microsoft Way", "addressLine2": null,
                    "city": "Redmond", "state": "WA", "postalCode": "98052", "country": "US",
                    "phoneNumber": "4255550101"
                }
            }
        })
    );
    assert_eq!(
        posts[1].body.clone().unwrap(),
        json!({
            "primaryContact": { "firstName": "Gena", "lastName": "Soto", "email": "gena@wingtiptoys.com", "phoneNumber": "425-555-0101" },
            "templateId": TEMPLATE_ID,
            "dateAgreed": "2025-01-15T00:00:00Z",
            "type": "MicrosoftCustomerAgreement"
        })
    );
    let cart = posts[2].body.clone().unwrap();
    let item = |index: usize| cart["lineItems"][index]["catalogItemId"].as_str().unwrap_or_default().to_string();
    assert!(item(0).starts_with("CFQ7TTC0LFLZ:0001:") && item(1).starts_with("CFQ7TTC0LHSV:0001:"), "{cart}");
    assert_eq!(
        cart,
        json!({
            "partnerOnRecordAttestationAccepted": false,
            "lineItems": [
                { "id": 0, "catalogItemId": item(0), "quantity": 10, "termDuration": "P1Y", "billingCycle": "monthly",
                  "provisioningContext": {} },
                { "id": 1, "catalogItemId": item(1), "quantity": 10, "termDuration": "P1Y", "billingCycle": "monthly",
                  "provisioningContext": {} }
            ]
        })
    );
    assert_eq!(posts[3].body, None, "the checkout has no body");
    assert_eq!(stub.placed_orders().len(), 1, "one order group, one order");
    for post in posts.iter().filter(|post| post.body.is_some()) {
        assert_eq!(post.header("content-type"), Some("application/json"), "{}", post.path);
        assert_eq!(post.header("accept"), Some("application/json"), "{}", post.path);
        assert!(post.header("ms-requestid").is_some_and(is_guid), "{}", post.path);
    }
    let request_ids: std::collections::BTreeSet<_> =
        posts.iter().map(|post| post.header("ms-requestid").unwrap()).collect();
    assert_eq!(request_ids.len(), 4, "each call has its own MS-RequestId");
    let correlation: std::collections::BTreeSet<_> =
        stub.received().iter().filter_map(|call| call.header("ms-correlationid").map(str::to_string)).collect();
    assert_eq!(correlation.len(), 1, "one MS-CorrelationId for the wizard's calls");
    let product_pages: Vec<_> = stub.received().into_iter().filter(|call| call.path == "/v1/products").collect();
    assert_eq!(product_pages.len(), 3, "the 11 products come in pages of at most 5, by links.next");
    assert!(product_pages.iter().all(|call| call.header("x-locale") == Some("en-US")));
    assert!(product_pages[1].header("ms-continuationtoken").is_some(), "the next page's header is sent");
    assert_eq!(stub.contract_problems(), Vec::<String>::new());

    assert_eq!(page.by_id("done-microsoft-id").await.text().await.unwrap(), customer_id);
    assert_eq!(page.by_id("done-admin-user").await.text().await.unwrap(), "admin@wingtiptoys.onmicrosoft.com");
    let password = page.field("One-time password").await;
    assert_eq!(password.attr("type").await.unwrap().as_deref(), Some("password"), "masked at first");
    page.press("Show password").await;
    assert_eq!(password.attr("type").await.unwrap().as_deref(), Some("text"));
    assert_eq!(password.prop("value").await.unwrap().as_deref(), Some("Stub!Pass-0042"));
    page.press("Hide password").await;
    assert_eq!(password.attr("type").await.unwrap().as_deref(), Some("password"), "masked again");
    let storage = page
        .client
        .execute("return JSON.stringify(sessionStorage) + JSON.stringify(localStorage) + document.cookie;", vec![])
        .await
        .unwrap();
    assert!(!storage.as_str().unwrap().contains("Stub!Pass"), "the password is never stored");
    let done = page.page_text().await;
    assert!(done.contains("cannot be shown again"), "{done}");
    assert!(done.contains("completed"), "the order's status is shown: {done}");
    assert!(done.contains(&format!("{E3} × 10 (1 year, Monthly)")), "what was ordered: {done}");

    page.press("Done").await;
    page.wait_for_heading("Account info").await;
    assert_eq!(page.field("Company name").await.prop("value").await.unwrap().as_deref(), Some(""), "a fresh wizard");
}

#[tokio::test]
async fn update_from_review_returns_to_review() {
    let scenario = Scenario::start().await;
    scenario.to_review("wingtiptoys").await;
    let page = &scenario.browser;
    page.press("Update account info").await;
    page.wait_for_heading("Account info").await;
    page.fill("Company name", "Wingtip Toys Ltd").await;
    page.press("Next: Review").await;
    page.wait_for_heading("Review").await;
    assert!(page.page_text().await.contains("Wingtip Toys Ltd"));

    page.press("Update subscriptions").await;
    page.wait_for_heading("Subscriptions").await;
    let quantity = page.offer_field(E3, "Number of licenses").await;
    assert_eq!(quantity.prop("value").await.unwrap().as_deref(), Some("10"), "the choice is kept");
    page.fill_offer(E3, "Number of licenses", "12").await;
    page.press("Next: Review").await;
    page.wait_for_heading("Review").await;
    assert!(page.page_text().await.contains("2 subscriptions, 22 licenses"));
    assert!(
        scenario.stub.received().iter().all(|call| call.method != "POST" || call.is_address_check()),
        "nothing was submitted"
    );
}

#[tokio::test]
async fn an_add_on_is_refused_without_its_prerequisite() {
    let scenario = Scenario::start().await;
    scenario.to_subscriptions("wingtiptoys").await;
    let page = &scenario.browser;
    page.press("Next: Review").await;
    assert_eq!(scenario.summary().await, ["Choose at least one subscription"]);
    scenario.choose_offer(AUDIO, "10").await;
    page.press("Next: Review").await;
    let summary = scenario.summary().await;
    assert_eq!(summary.len(), 1, "{summary:?}");
    assert!(summary[0].starts_with(&format!("{AUDIO} is an add-on: also choose one of")), "{summary:?}");
    assert!(summary[0].contains("Microsoft 365 E3"), "the prerequisites are named: {summary:?}");
    assert_eq!(page.focused().await, "div#.error-summary");
    assert_eq!(page.heading().await, "Subscriptions");
    page.screenshot("subscriptions-add-on").await;
    scenario.choose_offer(E3, "5").await;
    page.press("Next: Review").await;
    page.wait_for_heading("Review").await;
}

/// The `MS-CorrelationId` the stub saw on the wizard's calls.
fn stub_correlation_id(scenario: &Scenario) -> String {
    let calls = scenario.stub.received();
    calls.last().and_then(|call| call.header("ms-correlationid")).unwrap_or_default().to_string()
}

#[tokio::test]
async fn a_failed_checkout_is_retried_without_a_second_customer() {
    let scenario = Scenario::start().await;
    scenario.stub.fail_times("checkout", 3, Fault::unavailable("The order service is unavailable"));
    scenario.to_review("wingtiptoys").await;
    let page = &scenario.browser;
    page.press("Submit").await;
    let alert = page.wait_for("//div[@role='alert'][contains(., 'failed')]").await.text().await.unwrap();
    assert!(alert.contains("Check the cart out failed"), "{alert}");
    assert!(alert.contains("is kept: retrying does not create it again"), "{alert}");
    assert!(alert.contains("Create the customer"), "the stages done are listed: {alert}");
    let correlation_id = stub_correlation_id(&scenario);
    assert!(alert.contains(&format!("correlation id of these calls: {correlation_id}")), "for support: {alert}");
    page.screenshot("submit-failed").await;
    page.press_starting("Retry").await;
    page.wait_for_heading("Customer created").await;
    let stub = &scenario.stub;
    assert_eq!(stub.customers().len(), 1, "exactly one customer");
    let orders: Vec<_> = stub.received().into_iter().filter(|call| call.path.ends_with("/checkout")).collect();
    assert_eq!(orders.len(), 4, "three tries on its own, then the user's retry");
    assert_eq!(stub.carts().len(), 1, "one cart");
    assert_eq!(stub.placed_orders().len(), 1, "one order");
    let ids: std::collections::BTreeSet<_> = orders.iter().map(|order| order.header("ms-requestid")).collect();
    assert_eq!(ids.len(), 4, "an answered call retries with a new id");
    assert_eq!(stub.calls("GET", "/v1/agreements").len(), 1, "the agreement is not attested twice");
}

#[tokio::test]
async fn a_double_click_on_submit_creates_one_customer() {
    let scenario = Scenario::start().await;
    scenario.to_review("wingtiptoys").await;
    let page = &scenario.browser;
    let script = "const submit = deepQuery('button').find(b => b.textContent.trim() === 'Submit');\
                  submit.click(); submit.click(); return true;";
    page.run(script, vec![]).await;
    page.wait_for_heading("Customer created").await;
    assert_eq!(scenario.stub.customers().len(), 1);
    assert_eq!(scenario.stub.calls("POST", "/v1/customers").len(), 1);
}

#[tokio::test]
async fn a_field_the_endpoint_refuses_goes_back_to_its_field() {
    let scenario = Scenario::start().await;
    scenario.stub.fail_next(
        "create customer",
        Fault {
            status: 400,
            code: 27002,
            description: "Invalid property".into(),
            data: vec!["state: StateInvalid".into()],
            retry_after: None,
        },
    );
    scenario.to_review("wingtiptoys").await;
    let page = &scenario.browser;
    page.press("Submit").await;
    page.wait_for("//div[@role='alert'][contains(., 'Create the customer failed')]").await;
    page.press("Correct the state").await;
    page.wait_for_heading("Account info").await;
    let error = page.wait_for("//p[@id='state-error']").await.prop("textContent").await.unwrap().unwrap_or_default();
    assert!(error.contains("The endpoint refused a value"), "{error}");
    page.choose("State", "Oregon").await;
    page.press("Next: Review").await;
    page.wait_for_heading("Review").await;
    page.press("Submit").await;
    page.wait_for_heading("Customer created").await;
    let customers = scenario.stub.customers();
    assert_eq!(customers.len(), 1);
    assert_eq!(customers[0]["billingProfile"]["defaultAddress"]["state"], "OR");
}

#[tokio::test]
async fn passing_trouble_is_retried_by_itself_and_creates_one_customer() {
    let scenario = Scenario::start().await;
    scenario.stub.fail_next("products", Fault::unavailable("Try again shortly"));
    let throttled = Fault { status: 429, code: 429, retry_after: Some(1), ..Fault::unavailable("Too many requests") };
    scenario.stub.fail_next("create customer", throttled);
    scenario.stub.fail_next("checkout", Fault::unavailable("Try again shortly"));
    scenario.to_review("wingtiptoys").await;
    let page = &scenario.browser;
    page.press("Submit").await;
    page.wait_for_heading("Customer created").await;
    let stub = &scenario.stub;
    assert_eq!(stub.customers().len(), 1, "exactly one customer");
    let creates = stub.calls("POST", "/v1/customers");
    assert_eq!(creates.len(), 2, "the 429 was waited out and tried again");
    assert_ne!(creates[0].header("ms-requestid"), creates[1].header("ms-requestid"), "a new id after an answer");
    assert_eq!(stub.calls("GET", "/v1/products").len(), 4, "three pages, the first one twice");
    assert_eq!(stub.received().iter().filter(|call| call.path.ends_with("/checkout")).count(), 2);
    assert_eq!(stub.placed_orders().len(), 1);
}

#[tokio::test]
async fn a_domain_taken_between_next_and_submit_stops_before_anything_is_created() {
    let scenario = Scenario::start().await;
    scenario.to_review("wingtiptoys").await;
    scenario.stub.take_domain("wingtiptoys.onmicrosoft.com");
    let page = &scenario.browser;
    page.press("Submit").await;
    let alert = page.wait_for("//div[@role='alert'][contains(., 'Create the customer failed')]").await;
    let alert = alert.text().await.unwrap();
    assert!(alert.contains("wingtiptoys.onmicrosoft.com was taken since it was checked"), "{alert}");
    assert!(scenario.stub.customers().is_empty(), "nothing created");
    assert!(
        scenario.stub.received().iter().all(|call| !(call.method == "POST" && call.path.starts_with("/v1/customers"))),
        "no call that creates something was sent"
    );
    page.press("Correct the domain prefix").await;
    page.wait_for_heading("Account info").await;
    let error =
        page.wait_for("//p[@id='domain-prefix-error']").await.prop("textContent").await.unwrap().unwrap_or_default();
    assert!(error.contains("was taken since it was checked"), "{error}");
    let status = page.page_text().await;
    assert!(!status.contains("wingtiptoys.onmicrosoft.com is available"), "no stale 'available': {status}");
    page.fill("Domain prefix", "wingtiptoysus").await;
    page.press("Next: Review").await;
    page.wait_for_heading("Review").await;
    page.press("Submit").await;
    page.wait_for_heading("Customer created").await;
    let customers = scenario.stub.customers();
    assert_eq!(customers.len(), 1);
    assert_eq!(customers[0]["companyProfile"]["domain"], "wingtiptoysus.onmicrosoft.com");
}

#[tokio::test]
async fn a_customer_under_review_waits_with_the_cart_then_checks_out_once() {
    let scenario = Scenario::start().await;
    scenario.stub.set_account_status(Some("UnderReview"));
    scenario.to_review("wingtiptoys").await;
    let page = &scenario.browser;
    page.press("Submit").await;
    page.wait_for_heading("Customer created").await;
    let notice = page.wait_for("//div[@role='region'][contains(., 'wait for Microsoft')]").await.text().await.unwrap();
    assert!(notice.contains(E3) && notice.contains("seven days"), "{notice}");
    page.screenshot("done-under-review").await;
    let stub = &scenario.stub;
    assert_eq!(stub.carts().len(), 1, "the cart is made and kept");
    assert!(stub.placed_orders().is_empty(), "nothing is bought while under review");
    page.press("Check again").await;
    page.wait_for("//div[@role='region'][contains(., 'wait for Microsoft')]//button[not(@aria-disabled)]").await;
    assert!(stub.placed_orders().is_empty(), "still under review");
    // The wait survives a reload: Done again, with the cart and Check again (the password,
    // never stored, is gone).
    page.client.refresh().await.unwrap();
    page.wait_for_heading("Customer created").await;
    page.wait_for("//div[@role='region'][contains(., 'wait for Microsoft')]").await;
    stub.set_account_status(Some("Allowed"));
    page.press("Check again").await;
    page.wait_for("//td[normalize-space(.)='completed']").await;
    assert_eq!(stub.placed_orders().len(), 1, "checked out exactly once");
    assert_eq!(stub.calls("POST", "/v1/customers").len(), 1);
    assert_eq!(stub.carts().len(), 1);
    let done = page.page_text().await;
    assert!(!done.contains("wait for Microsoft"), "{done}");
}

#[tokio::test]
async fn a_refused_cart_line_is_fixed_on_subscriptions_and_the_same_cart_updated() {
    let scenario = Scenario::start().await;
    scenario.stub.refuse_line_once("CFQ7TTC0LFLZ:0001", 10015, "Seats exceed the per-subscription maximum");
    scenario.to_review("wingtiptoys").await;
    let page = &scenario.browser;
    page.press("Submit").await;
    let alert = page.wait_for("//div[@role='alert'][contains(., 'failed')]").await.text().await.unwrap();
    assert!(alert.contains("refused a subscription of the cart"), "{alert}");
    page.press("Change the subscriptions").await;
    page.wait_for_heading("Subscriptions").await;
    let error =
        page.wait_for("//p[starts-with(@id,'quantity-') or starts-with(@id,'offer-')][contains(@class,'error')]").await;
    let error = error.text().await.unwrap();
    assert!(error.contains("ore licenses than one subscription may hold"), "at the line: {error}");
    assert!(error.contains("Seats exceed the per-subscription maximum"), "with the endpoint's words: {error}");
    page.screenshot("subscriptions-line-refused").await;
    page.fill_offer(E3, "Number of licenses", "8").await;
    page.press("Next: Review").await;
    page.wait_for_heading("Review").await;
    page.press("Submit").await;
    page.wait_for_heading("Customer created").await;
    let stub = &scenario.stub;
    assert_eq!(stub.customers().len(), 1);
    assert_eq!(stub.carts().len(), 1, "the same cart, not a new one");
    let puts: Vec<_> = stub.received().into_iter().filter(|call| call.method == "PUT").collect();
    assert_eq!(puts.len(), 1, "updated once");
    assert_eq!(puts[0].body.as_ref().unwrap()["lineItems"][0]["quantity"], 8);
    assert_eq!(stub.placed_orders().len(), 1);
}

#[tokio::test]
async fn a_partial_checkout_is_retried_for_the_failed_order_group_only() {
    let scenario = Scenario::start().await;
    scenario.to_subscriptions("wingtiptoys").await;
    let page = &scenario.browser;
    scenario.choose_offer(E3, "10").await;
    scenario.choose_offer("Microsoft 365 Business Basic", "5").await;
    page.choose_in_offer("Microsoft 365 Business Basic", "Billing frequency", "Annual").await;
    page.press("Next: Review").await;
    page.wait_for_heading("Review").await;
    scenario.stub.fail_order_group_once("CFQ7TTC0LH18:0001");
    page.press("Submit").await;
    let alert = page.wait_for("//div[@role='alert'][contains(., 'failed')]").await.text().await.unwrap();
    assert!(alert.contains("could not be placed"), "{alert}");
    assert!(
        alert.contains("Microsoft 365 Business Basic × 5 (1 year, Annual)"),
        "the failed order group's lines are named: {alert}"
    );
    let stub = &scenario.stub;
    assert_eq!(stub.placed_orders().len(), 1, "the monthly group was placed");
    page.press_starting("Retry").await;
    page.wait_for_heading("Customer created").await;
    let orders = stub.placed_orders();
    assert_eq!(orders.len(), 2, "each order group placed once: {orders:?}");
    assert_eq!(stub.carts().len(), 1);
    let done = page.page_text().await;
    assert!(done.contains("(1 year, Annual)") && done.contains("(1 year, Monthly)"), "{done}");
}

#[tokio::test]
async fn an_education_customer_asks_for_the_qualification_and_buys_an_education_sku() {
    let scenario = Scenario::start().await;
    scenario.stub.approve_education(true);
    scenario.fill_us_customer("wingtipschool").await;
    let page = &scenario.browser;
    page.tick("Education").await;
    page.press("Next: Subscriptions").await;
    assert_eq!(scenario.summary().await, ["Select the education segment"], "the segment is required");
    page.choose("Education segment", "K-12 (primary and secondary)").await;
    page.fill("School website", "contoso.edu").await;
    page.screenshot("account-info-qualification").await;
    page.press("Next: Subscriptions").await;
    page.wait_for_heading("Subscriptions").await;
    const FACULTY: &str = "Microsoft 365 A3 for faculty";
    scenario.choose_offer(FACULTY, "20").await;
    assert!(page.page_text().await.contains("waits for Microsoft to approve"), "the education SKU is marked");
    page.press("Next: Review").await;
    page.wait_for_heading("Review").await;
    let review = page.page_text().await;
    assert!(review.contains("Education: K-12 (primary and secondary)"), "{review}");
    page.press("Submit").await;
    page.wait_for_heading("Customer created").await;
    let stub = &scenario.stub;
    let qualifications = stub.qualifications();
    assert_eq!(qualifications.len(), 1);
    assert_eq!(
        qualifications[0].1,
        json!({"qualification": "Education", "educationSegment": "K12", "website": "contoso.edu"})
    );
    let posts: Vec<String> = stub
        .received()
        .iter()
        .filter(|call| call.method == "POST" && !call.is_address_check())
        .map(|call| call.path.rsplit('/').next().unwrap_or_default().to_string())
        .collect();
    assert_eq!(posts[..4], ["customers", "agreements", "qualifications", "carts"], "right after the agreement");
    let orders = stub.placed_orders();
    assert_eq!(orders.len(), 1);
    assert!(orders[0].to_string().contains("CFQ7TTC0LFM4:0001"), "{orders:?}");
}

#[tokio::test]
async fn an_education_sku_is_for_education_customers_only() {
    let scenario = Scenario::start().await;
    scenario.to_subscriptions("wingtiptoys").await;
    let page = &scenario.browser;
    scenario.choose_offer("Microsoft 365 A3 for faculty", "20").await;
    page.press("Next: Review").await;
    let summary = scenario.summary().await;
    assert_eq!(summary.len(), 1, "{summary:?}");
    assert!(summary[0].contains("is for education customers"), "{summary:?}");
}
