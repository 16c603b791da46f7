//! End-to-end tests of a submit that a reload interrupts, and of two tabs: the job resumes where
//! it was, a call that was on its way goes again with the same `MS-RequestId` (which the stub,
//! like any compatible endpoint, answers as before), and nothing is created twice.

use crate::accessibility::assert_accessible;
use crate::support::stub::Trouble;
use crate::Scenario;
use fantoccini::wd::WindowHandle;
use std::time::Duration;

const CONFIRM: &str = "I confirm that the customer has accepted the Microsoft Customer Agreement";

/// Everything in the tab's sessionStorage, as one text.
async fn session_storage(scenario: &Scenario) -> String {
    let script = "return JSON.stringify(Object.fromEntries(Object.entries(sessionStorage)));";
    scenario.browser.run(script, vec![]).await.as_str().unwrap_or_default().to_string()
}

/// Waits until the stub has received `count` calls of `method` to a path ending in `suffix`.
async fn wait_for_calls(scenario: &Scenario, method: &str, suffix: &str, count: usize) {
    let what = format!("no {method} …{suffix} reached the stub");
    scenario
        .stub
        .wait_until(&what, |calls| {
            calls.iter().filter(|call| call.method == method && call.path.ends_with(suffix)).count() >= count
        })
        .await;
}

/// The `MS-RequestId`s of the calls of `method` to paths ending in `suffix`.
fn request_ids(scenario: &Scenario, method: &str, suffix: &str) -> Vec<String> {
    scenario
        .stub
        .received()
        .iter()
        .filter(|call| call.method == method && call.path.ends_with(suffix))
        .map(|call| call.header("ms-requestid").unwrap_or_default().to_string())
        .collect()
}

/// Submits, reloads the page while the `call` (with its path's `suffix`) is on its way, and
/// resumes; answers the text of the interruption notice.
async fn reload_while(scenario: &Scenario, call: &'static str, suffix: &str) -> String {
    scenario.stub.trouble_next(call, Trouble::Slow(Duration::from_secs(4)));
    scenario.to_review("wingtiptoys").await;
    let page = &scenario.browser;
    page.press("Submit").await;
    wait_for_calls(scenario, "POST", suffix, 1).await;
    // After the reload the catalog comes slowly: Review says it is loading, not "0 subscriptions".
    scenario.stub.trouble_next("products", Trouble::Slow(Duration::from_millis(1500)));
    page.client.refresh().await.unwrap();
    page.wait_for_heading("Review").await;
    let notice = page.wait_for("//div[h3[normalize-space(.)='Submit was interrupted']]").await.text().await.unwrap();
    let loading = page.page_text().await;
    assert!(loading.contains("Loading the catalog"), "{loading}");
    assert!(!loading.contains("0 subscriptions"), "no empty totals while the catalog loads: {loading}");
    page.wait_for("//tfoot[contains(., '2 subscriptions, 20 licenses')]").await;
    assert_eq!(page.count("//button[normalize-space(.)='Submit']").await, 0, "Resume, not a new Submit");
    let stored = session_storage(scenario).await;
    assert!(!stored.contains("Stub!Pass"), "the password is never stored: {stored}");
    notice
}

#[tokio::test]
async fn a_reload_while_the_customer_is_created_resumes_with_the_same_request_id() {
    let scenario = Scenario::start().await;
    let notice = reload_while(&scenario, "create customer", "/v1/customers").await;
    assert!(notice.contains("may already have been created"), "{notice}");
    let page = &scenario.browser;
    assert_eq!(page.focused().await, "h3#submit-interrupted-title.notice-title", "the notice is where the user lands");
    page.screenshot("submit-interrupted").await;
    assert_accessible(page, "Review with an interrupted submit").await;
    page.press("Resume submit").await;
    let error = page.wait_for("//p[@id='submit-attested-error']").await.text().await.unwrap();
    assert!(error.contains("Confirm that the customer has accepted"), "the attestation is asked again: {error}");
    assert_eq!(page.focused().await, "input#submit-attested.checkbox-input");
    assert_accessible(page, "Review asking for the attestation again").await;
    page.tick(CONFIRM).await;
    page.press("Resume submit").await;
    page.wait_for_heading("Customer created").await;
    let stub = &scenario.stub;
    assert_eq!(stub.customers().len(), 1, "exactly one customer");
    let creates = request_ids(&scenario, "POST", "/v1/customers");
    assert_eq!(creates.len(), 2);
    assert_eq!(creates[0], creates[1], "the call on its way goes again with its MS-RequestId");
    assert_eq!(request_ids(&scenario, "POST", "/agreements").len(), 1);
    assert_eq!(request_ids(&scenario, "POST", "/carts").len(), 1);
    assert_eq!(request_ids(&scenario, "POST", "/checkout").len(), 1);
    let password = page.field("One-time password").await.prop("value").await.unwrap();
    assert_eq!(password.as_deref(), Some("Stub!Pass-0042"), "the endpoint answered the customer again");
    assert!(!session_storage(&scenario).await.contains("add-customer:job"), "Done leaves no job behind");
}

#[tokio::test]
async fn a_reload_while_the_agreement_is_attested_resumes_without_a_second_customer() {
    let scenario = Scenario::start().await;
    let notice = reload_while(&scenario, "attest", "/agreements").await;
    assert!(notice.contains("Done: Create the customer"), "{notice}");
    assert!(notice.contains("is kept: retrying does not create it again"), "{notice}");
    let page = &scenario.browser;
    page.tick(CONFIRM).await;
    page.press("Resume submit").await;
    page.wait_for_heading("Customer created").await;
    assert_eq!(scenario.stub.customers().len(), 1);
    assert_eq!(request_ids(&scenario, "POST", "/v1/customers").len(), 1, "the customer is not created again");
    let attests = request_ids(&scenario, "POST", "/agreements");
    assert_eq!(attests.len(), 2);
    assert_eq!(attests[0], attests[1], "the same MS-RequestId");
    let done = page.page_text().await;
    assert!(done.contains("Reset the admin's password"), "the password is gone with the reload: {done}");
    assert_eq!(page.count("//input[@id='done-password']").await, 0);
}

#[tokio::test]
async fn a_reload_while_the_cart_is_checked_out_resumes_without_asking_the_attestation_again() {
    let scenario = Scenario::start().await;
    let notice = reload_while(&scenario, "checkout", "/checkout").await;
    assert!(notice.contains("Put the subscriptions in a cart"), "the cart is done: {notice}");
    let page = &scenario.browser;
    assert_eq!(page.count("//input[@id='submit-attested']").await, 0, "the agreement was attested already");
    page.press("Resume submit").await;
    page.wait_for_heading("Customer created").await;
    let stub = &scenario.stub;
    assert_eq!(stub.customers().len(), 1);
    assert_eq!(request_ids(&scenario, "POST", "/agreements").len(), 1);
    assert_eq!(request_ids(&scenario, "POST", "/carts").len(), 1, "the cart is not made again");
    let checkouts = request_ids(&scenario, "POST", "/checkout");
    assert_eq!(checkouts.len(), 2);
    assert_eq!(checkouts[0], checkouts[1], "the same MS-RequestId: one checkout");
    assert_eq!(stub.placed_orders().len(), 1, "E3 and the add-on, both monthly: one order, placed once");
    assert!(page.page_text().await.contains("completed"));
}

#[tokio::test]
async fn a_reload_while_the_cart_is_made_resumes_with_one_cart() {
    let scenario = Scenario::start().await;
    reload_while(&scenario, "cart", "/carts").await;
    let page = &scenario.browser;
    assert_eq!(page.count("//input[@id='submit-attested']").await, 0, "the agreement was attested already");
    page.press("Resume submit").await;
    page.wait_for_heading("Customer created").await;
    let stub = &scenario.stub;
    let carts = request_ids(&scenario, "POST", "/carts");
    assert_eq!(carts.len(), 2);
    assert_eq!(carts[0], carts[1], "the same MS-RequestId");
    assert_eq!(stub.carts().len(), 1, "one cart");
    assert_eq!(stub.placed_orders().len(), 1);
}

/// Goes to Review, then opens a second tab of the same page and shows it; answers the first tab
/// and the second. A tab opened from another starts with a copy of its sessionStorage: the same
/// draft, so the same customer.
async fn review_in_two_tabs(scenario: &Scenario) -> (WindowHandle, WindowHandle) {
    scenario.to_review("wingtiptoys").await;
    let page = &scenario.browser;
    let first = page.client.window().await.unwrap();
    page.run("window.open(location.href, '_blank'); return true;", vec![]).await;
    let second = page.client.windows().await.unwrap().into_iter().find(|window| *window != first).unwrap();
    page.client.switch_to_window(second.clone()).await.unwrap();
    page.wait_for_heading("Review").await;
    (first, second)
}

#[tokio::test]
async fn two_tabs_with_the_same_customer_create_it_once() {
    let scenario = Scenario::start().await;
    let (first, _) = review_in_two_tabs(&scenario).await;
    let page = &scenario.browser;
    page.tick(CONFIRM).await;
    page.press("Submit").await;
    page.wait_for_heading("Customer created").await;

    page.client.switch_to_window(first).await.unwrap();
    page.press("Submit").await;
    let alert = page.wait_for("//div[@role='alert'][contains(., 'failed')]").await.text().await.unwrap();
    assert!(alert.contains("Create the customer failed"), "{alert}");
    assert!(alert.contains("domain"), "the message says the domain is taken: {alert}");
    assert_eq!(scenario.stub.customers().len(), 1, "exactly one customer");
}

#[tokio::test]
async fn a_second_tab_is_told_that_the_first_is_submitting_before_it_can_submit() {
    let scenario = Scenario::start().await;
    let (first, second) = review_in_two_tabs(&scenario).await;
    let page = &scenario.browser;

    scenario.stub.trouble_next("create customer", Trouble::Slow(Duration::from_secs(6)));
    page.client.switch_to_window(first.clone()).await.unwrap();
    page.press("Submit").await;
    wait_for_calls(&scenario, "POST", "/v1/customers", 1).await;

    page.client.switch_to_window(second).await.unwrap();
    let notice =
        page.wait_for("//div[@role='status'][h3[normalize-space(.)='Another tab is submitting this customer']]").await;
    assert!(notice.text().await.unwrap().contains("Wait for it to finish there"));
    assert_eq!(page.count("//button[normalize-space(.)='Submit']").await, 0, "no Submit while the other tab submits");

    // The first tab finishes; the lock is let go, and Submit comes back here.
    page.wait_for("//button[normalize-space(.)='Submit']").await;
    assert_eq!(page.count("//h3[normalize-space(.)='Another tab is submitting this customer']").await, 0);
    page.tick(CONFIRM).await;
    page.press("Submit").await;
    let alert = page.wait_for("//div[@role='alert'][contains(., 'failed')]").await.text().await.unwrap();
    assert!(alert.contains("was taken since it was checked"), "{alert}");
    assert_eq!(scenario.stub.customers().len(), 1, "exactly one customer");
}
