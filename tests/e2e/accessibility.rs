//! WCAG 2.2 AA checks (axe-core) on every page of the wizard, in the states a user meets them:
//! errors shown, products chosen, a failure panel, the Done page, the reseller picker and the
//! relationship request.

use crate::support::browser::Browser;
use crate::support::stub::Fault;
use crate::Scenario;

const E3: &str = "Microsoft 365 E3";
const AUDIO: &str = "Microsoft Teams Audio Conferencing with dial-out to USA/CAN";

/// Runs axe-core on the page and answers its violations in words; empty when there are none.
async fn violations(page: &Browser) -> Vec<String> {
    let path = std::env::var("AXE_CORE_JS")
        .expect("AXE_CORE_JS names axe.min.js: scripts/test.sh installs axe-core and sets it");
    let axe = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"));
    page.client.execute(&format!("{axe}\nreturn true;"), vec![]).await.unwrap();
    let script = "const done = arguments[arguments.length - 1];
        axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] })
          .then(result => done(result.violations.map(v =>
             v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', '))))
          .catch(error => done(['axe failed: ' + error]));";
    let answer = page.client.execute_async(script, vec![]).await.unwrap();
    answer.as_array().unwrap().iter().map(|violation| violation.as_str().unwrap_or_default().to_string()).collect()
}

/// Fails the test with axe-core's WCAG 2.2 AA violations on the page, if there are any.
pub async fn assert_accessible(page: &Browser, where_: &str) {
    let found = violations(page).await;
    assert!(found.is_empty(), "{where_}: {found:#?}");
}

#[tokio::test]
async fn every_page_of_the_flow_meets_wcag_2_2_aa() {
    check_the_flow(Scenario::start().await).await;
}

#[tokio::test]
async fn every_page_of_the_flow_meets_wcag_2_2_aa_in_the_dark_theme() {
    let scenario = Scenario::start_dark().await;
    let dark = scenario
        .browser
        .client
        .execute("return matchMedia('(prefers-color-scheme: dark)').matches;", vec![])
        .await
        .unwrap();
    assert_eq!(dark, serde_json::Value::Bool(true), "the browser prefers the dark scheme");
    let background =
        scenario.browser.run("return getComputedStyle(deepQuery('.wizard')[0]).backgroundColor;", vec![]).await;
    assert_eq!(background, "rgb(22, 22, 24)", "and the wizard follows it");
    check_the_flow(scenario).await;
}

/// Walks the flow, with the checks at every page and state.
async fn check_the_flow(scenario: Scenario) {
    let page = &scenario.browser;
    assert_accessible(page, "Account info, empty").await;
    page.press("Next: Subscriptions").await;
    scenario.summary().await;
    assert_accessible(page, "Account info with errors").await;
    scenario.fill_us_customer("wingtiptoys").await;
    page.press("Update the person who accepted the agreement").await;
    assert_accessible(page, "Account info with a named signer").await;
    page.press("Use the primary contact instead").await;
    page.press("Next: Subscriptions").await;
    page.wait_for_heading("Subscriptions").await;
    page.tick(AUDIO).await;
    // Its plans and terms loaded, so that the error is the missing prerequisite's.
    page.offer_field(AUDIO, "Number of licenses").await;
    page.press("Next: Review").await;
    scenario.summary().await;
    assert_accessible(page, "Subscriptions with an error").await;
    page.tick(E3).await;
    page.fill_offer(E3, "Number of licenses", "10").await;
    page.fill_offer(AUDIO, "Number of licenses", "10").await;
    assert_accessible(page, "Subscriptions with products chosen").await;
    page.press("Next: Review").await;
    page.wait_for_heading("Review").await;
    assert_accessible(page, "Review").await;
    scenario.stub.fail_times("checkout", 3, Fault::unavailable("The order service is unavailable"));
    page.press("Submit").await;
    page.wait_for("//div[@role='alert'][contains(., 'failed')]").await;
    assert_accessible(page, "Review with a failed stage").await;
    page.press_starting("Retry").await;
    page.wait_for_heading("Customer created").await;
    assert_accessible(page, "Done").await;
}

#[tokio::test]
async fn the_indirect_pages_meet_wcag_2_2_aa() {
    let scenario = Scenario::start_indirect().await;
    let page = &scenario.browser;
    page.wait_for("//p[@role='status'][normalize-space(.)='9 resellers']").await;
    assert_accessible(page, "Account info with the reseller picker").await;
    page.press("Request a relationship").await;
    page.wait_for_heading("Request a reseller relationship").await;
    page.choose("Reseller", "ReleCloud (MPN ID 4847433, Brazil)").await;
    page.press("Get the invitation link").await;
    page.field("Invitation link").await;
    assert_accessible(page, "Relationship request with its link").await;
}
