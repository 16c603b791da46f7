//! End-to-end tests of embedding: the wizard on a partner's page of another origin, under a
//! strict CSP and hostile styles, as a custom element and through the JS API; its events; two
//! on one page; unmount and remount; the host's token; the request log.

use crate::accessibility::assert_accessible;
use crate::support::site::dist_name;
use crate::support::stub::Received;
use crate::Scenario;
use serde_json::{json, Value};

const E3: &str = "Microsoft 365 E3";

impl Scenario {
    /// A value the partner page's script keeps on `window`.
    async fn partner_value(&self, name: &str) -> Value {
        self.browser.run(&format!("return window.{name};"), vec![]).await
    }

    /// The computed `property` of the first element `xpath` finds, in any shadow root.
    async fn style_of(&self, xpath: &str, property: &str) -> String {
        let script = "const [xpath, property] = arguments; \
                      return getComputedStyle(deepFind(xpath)).getPropertyValue(property);";
        self.browser.run(script, vec![xpath.into(), property.into()]).await.as_str().unwrap_or_default().to_string()
    }

    /// The types of the wizard events the partner page heard, in order.
    async fn event_types(&self) -> Vec<String> {
        let events = self.partner_value("wizardEvents").await;
        events.as_array().unwrap().iter().map(|event| event["type"].as_str().unwrap().to_string()).collect()
    }
}

#[tokio::test]
async fn the_custom_element_works_on_a_hostile_page_of_another_origin_and_tells_the_host() {
    let scenario = Scenario::start_partner("element").await;
    let page = &scenario.browser;
    assert_eq!(scenario.style_of("//h1[@class='page-heading']", "font-size").await, "32px", "no 40px from the host");
    assert_eq!(scenario.style_of("//button[@type='submit']", "background-color").await, "rgb(15, 98, 254)");
    assert_eq!(scenario.style_of("//label[@for='company-name']", "font-size").await, "16px");
    assert_eq!(scenario.style_of("//p[@id='portal-text']", "font-size").await, "40px", "the host keeps its own");
    assert_eq!(scenario.style_of("//p[@id='portal-text']", "color").await, "rgb(204, 0, 0)");
    page.screenshot("embedded-hostile").await;
    // embed.js fetches the wasm and the wizard's stylesheet as soon as a wizard is asked for, and
    // the wizard's own stylesheet link takes that fetch: each comes over the network once.
    let (wasm, css) = (format!("/{}", dist_name("add-customer_bg.wasm")), format!("/{}", dist_name("main.css")));
    let fetched = page
        .run(
            "return performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname)
                .filter((path) => path === arguments[0] || path === arguments[1]).sort();",
            vec![json!(wasm), json!(css)],
        )
        .await;
    assert_eq!(fetched, json!([wasm, css]), "each fetched once");

    page.press("Next: Subscriptions").await;
    scenario.summary().await;
    scenario.fill_us_customer("wingtiptoys").await;
    page.press("Next: Subscriptions").await;
    page.wait_for_heading("Subscriptions").await;
    assert_eq!(page.client.title().await.unwrap(), "Contoso partner portal", "the host's title is the host's");
    let spoken = page.run("return deepFind(\"//p[@aria-live='polite']\").textContent;", vec![]).await;
    assert_eq!(spoken, "Step 2 of 4: Subscriptions", "a polite live region says the step instead");
    page.tick(E3).await;
    page.fill_offer(E3, "Number of licenses", "4").await;
    page.press("Next: Review").await;
    page.wait_for_heading("Review").await;
    page.press("Submit").await;
    page.wait_for_heading("Customer created").await;
    page.screenshot("embedded-done").await;

    assert_eq!(
        scenario.event_types().await,
        [
            "add-customer:invalid",
            "add-customer:step",
            "add-customer:step",
            "add-customer:submit",
            "add-customer:stage",
            "add-customer:stage",
            "add-customer:stage",
            "add-customer:stage",
            "add-customer:done",
            "add-customer:step",
        ]
    );
    let events = scenario.partner_value("wizardEvents").await;
    let events = events.as_array().unwrap();
    assert!(events.iter().all(|event| event["target"] == "wizard"), "every event reaches the host element");
    assert_eq!(events[0]["detail"]["step"], "account-info");
    assert!(events[0]["detail"]["fields"].as_array().unwrap().contains(&"company-name".into()));
    assert_eq!(events[1]["detail"], serde_json::json!({"step": "subscriptions", "number": 2}));
    assert_eq!(events[3]["detail"], serde_json::json!({"lines": 1}));
    let stages: Vec<String> = events[4..8]
        .iter()
        .map(|event| format!("{} {}", event["detail"]["stage"], event["detail"]["status"]))
        .collect();
    assert_eq!(
        stages,
        [
            r#""create-customer" "done""#,
            r#""attest-agreement" "done""#,
            r#""create-cart" "done""#,
            r#""checkout" "done""#
        ]
    );
    let carts = scenario.stub.carts();
    assert_eq!(carts.len(), 1);
    assert_eq!(events[6]["detail"]["cartId"], carts[0]["id"]);
    let placed: Vec<Value> = scenario.stub.placed_orders().iter().map(|order| order["id"].clone()).collect();
    assert_eq!(placed.len(), 1, "E3 alone: one order");
    assert_eq!(events[7]["detail"]["orderIds"], Value::Array(placed.clone()));
    let done = &events[8]["detail"];
    assert_eq!(done["orderIds"], Value::Array(placed));
    assert_eq!(done["cartId"], carts[0]["id"]);
    let customer = scenario.stub.customers();
    assert_eq!(customer.len(), 1);
    assert!(done["customerId"].as_str().is_some_and(crate::is_guid), "{done}");
    assert_eq!(done["domain"], "wingtiptoys.onmicrosoft.com");
    assert!(done.get("password").is_none(), "the password stays in the wizard unless the host opts in");
    assert_eq!(scenario.partner_value("cspViolations").await, serde_json::json!([]), "nothing the strict CSP blocks");
    assert_eq!(scenario.partner_value("pageErrors").await, serde_json::json!([]));
}

#[tokio::test]
async fn two_wizards_on_one_page_keep_to_themselves() {
    let scenario = Scenario::start_partner("two").await;
    let page = &scenario.browser;
    page.wait_for_heading("Данные клиента").await;
    page.fill("Company name", "Wingtip Toys").await;
    let second = page.field("Название компании").await;
    assert_eq!(second.prop("value").await.unwrap().as_deref(), Some(""), "typing in one leaves the other alone");
    page.press("Далее: Подписки").await;
    let link = page.wait_for("//div[contains(@class,'error-summary')]//a").await;
    link.click().await.unwrap();
    let focused = page.run("const e = deepActive(); return e.id + '@' + e.getRootNode().host.id;", vec![]).await;
    assert_eq!(focused, "country@second", "the summary's link focuses its own wizard's field");
    assert_eq!(
        scenario.style_of("//div[@lang='ru']", "background-color").await,
        "rgb(22, 22, 24)",
        "the second wizard is dark, as its host asked"
    );
    assert_eq!(scenario.style_of("//div[@lang='en']", "background-color").await, "rgb(255, 255, 255)");
    page.screenshot("embedded-two").await;
    assert_accessible(page, "two wizards, English and Russian, light and dark").await;
    page.run("document.getElementById('first').setAttribute('countries', 'RU'); return true;", vec![]).await;
    let count_options =
        "return document.getElementById('first').shadowRoot.querySelectorAll('#country option').length;";
    let mut options = page.run(count_options, vec![]).await;
    for _ in 0..50 {
        if options == 2 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        options = page.run(count_options, vec![]).await;
    }
    assert_eq!(options, 2, "a changed attribute starts the wizard anew with it: the placeholder and Russia");
    assert_eq!(scenario.partner_value("pageErrors").await, serde_json::json!([]));
}

/// Unmounts the API-mounted wizard (after typing a domain prefix, so that a check and a draft
/// are pending) and mounts it again, `times` over, keeping a draft (`persist`, the default, which
/// listens on the window for the page being left); answers what the page saw after each unmount
/// and each mount.
const UNMOUNT_AND_REMOUNT: &str = "const [times, done] = arguments;
    const host = document.getElementById('wizard');
    const seen = [];
    (async () => {
      for (let round = 0; round < times; round += 1) {
        const input = deepQuery('#domain-prefix')[0];
        input.value = 'contoso' + round;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        window.wizard.unmount();
        const unmounted = { children: host.shadowRoot.childElementCount, listeners: window.listenersAdded() };
        await new Promise((resolve) => setTimeout(resolve, 700));
        window.wizard = await window.mountWizard(host, { apiBase: new URLSearchParams(location.search).get('api') });
        await new Promise((resolve) => setTimeout(resolve, 300));
        seen.push({ ...unmounted, mounted: window.listenersAdded() });
      }
      done(seen);
    })();";

#[tokio::test]
async fn unmount_and_remount_leave_no_listener_timer_or_error_behind() {
    let scenario = Scenario::start_partner("api").await;
    let page = &scenario.browser;
    let listeners_mounted = scenario.partner_value("listenersAdded()").await;
    let script = format!("{}\n{UNMOUNT_AND_REMOUNT}", crate::support::browser::DEEP);
    let seen = page.client.execute_async(&script, vec![3.into()]).await.unwrap();
    let rounds = seen.as_array().unwrap();
    for round in rounds {
        assert_eq!(round["children"], 0, "the shadow root is empty once unmounted");
        assert_eq!(round["listeners"], 0, "no listener left on window or document: {seen}");
        assert_eq!(round["mounted"], rounds[0]["mounted"], "as many as one wizard needs, each time: {seen}");
    }
    // The first wizard kept no draft (`persist: false`) and so listened on nothing; the remounted
    // ones keep one.
    assert_eq!(listeners_mounted, 0);
    assert_eq!(rounds[0]["mounted"], 2, "the draft's pagehide and visibilitychange: {seen}");
    page.wait_for_heading("Account info").await;
    page.fill("Company name", "Remounted Ltd").await;
    assert_eq!(scenario.partner_value("pageErrors").await, serde_json::json!([]), "no timer fired into a dead wizard");
}

#[tokio::test]
async fn the_host_gives_the_token_and_the_log_shows_every_call() {
    let scenario = Scenario::start_partner("api").await;
    scenario.stub.require_token("fresh-token");
    let page = &scenario.browser;
    assert_eq!(
        page.field("Company name").await.prop("value").await.unwrap().as_deref(),
        Some("Prefilled Trading Ltd"),
        "the host's prefill"
    );
    assert_eq!(
        scenario.style_of("//button[@type='submit']", "background-color").await,
        "rgb(138, 21, 56)",
        "the host's accent colour"
    );
    page.choose("Country/region", "United States").await;
    page.fill("Domain prefix", "prefilledtrading").await;
    page.wait_for("//p[@role='status'][contains(., 'prefilledtrading.onmicrosoft.com is available')]").await;

    // The rules' retry with the fresh token may come after the domain check's answer.
    let retried = |call: &Received| {
        call.path == "/v1/countryvalidationrules/US" && call.header("authorization") == Some("Bearer fresh-token")
    };
    scenario.stub.wait_for_call("the rules asked for again with a fresh token", retried).await;
    let rules = scenario.stub.calls("GET", "/v1/countryvalidationrules/US");
    let tokens: Vec<_> =
        rules.iter().map(|call| call.header("authorization").unwrap_or_default().to_string()).collect();
    assert_eq!(tokens, ["Bearer stale-token", "Bearer fresh-token"], "a 401, then once more with a fresh token");
    assert_eq!(scenario.partner_value("tokenRequests.includes(true)").await, true);

    page.wait_for("//h2[normalize-space(.)='Request log']").await;
    // The rules twice, the domain check twice (logged as they end).
    page.wait_for("//li[contains(@class,'log-entry')][4]").await;
    // The domain is free: its check's second try answered 404.
    let free = "//li[contains(@class,'log-entry')][.//summary[starts-with(normalize-space(.), '404 HEAD')]]";
    page.wait_for(&format!("{free}//summary")).await.click().await.unwrap();
    let curl = page.wait_for(&format!("{free}//pre[contains(@class,'log-curl')]")).await;
    let curl = curl.text().await.unwrap();
    assert!(curl.contains("$ACCESS_TOKEN") && !curl.contains("fresh-token"), "{curl}");
    assert!(curl.contains("--head") && curl.contains("MS-CorrelationId"), "{curl}");
    page.screenshot("request-log").await;

    page.run("window.wizard.update({ locale: 'ru' }); return true;", vec![]).await;
    page.wait_for_heading("Данные клиента").await;
    assert_eq!(
        page.field("Префикс домена").await.prop("value").await.unwrap().as_deref(),
        Some("prefilledtrading"),
        "a language change keeps what was typed"
    );
    assert!(!scenario.partner_value("JSON.stringify(wizardEvents)").await.as_str().unwrap().contains("token"));
    assert_eq!(scenario.partner_value("sessionStorage.length").await, 0, "persist: false keeps no draft");
}

#[tokio::test]
async fn the_demo_pages_log_parameter_shows_the_request_log() {
    let scenario = Scenario::start_logged().await;
    let page = &scenario.browser;
    page.fill("Domain prefix", "wingtiptoys").await;
    let entry = page.wait_for("//li[contains(@class,'log-entry')]//summary[contains(., 'HEAD')]").await;
    assert!(entry.text().await.unwrap().contains("/v1/domains/wingtiptoys.onmicrosoft.com"));
}

#[tokio::test]
async fn the_request_log_and_its_har_export_hold_no_password_while_done_shows_it() {
    let scenario = Scenario::start_logged().await;
    scenario.to_review("wingtiptoys").await;
    let page = &scenario.browser;
    page.press("Submit").await;
    page.wait_for_heading("Customer created").await;
    page.press("Show password").await;
    let password = page.field("One-time password").await;
    assert_eq!(password.prop("value").await.unwrap().as_deref(), Some("Stub!Pass-0042"), "Done shows it");

    // Every entry opened, so that its bodies are in the log's text.
    page.run("deepQuery('.log-entry details').forEach((details) => { details.open = true; }); return true;", vec![])
        .await;
    let created = page
        .wait_for(
            "//li[contains(@class,'log-entry')][.//summary[contains(., 'POST') and contains(., '/v1/customers ')]]",
        )
        .await;
    let logged = created.text().await.unwrap();
    assert!(logged.contains("•••• (redacted)"), "the password's place is marked: {logged}");
    assert!(logged.contains("MS-RequestId"), "the answer's support headers: {logged}");
    let log = page.run("return deepQuery('.request-log').map((log) => log.textContent).join('\\n');", vec![]).await;
    assert!(!log.as_str().unwrap().contains("Stub!Pass"), "no password anywhere in the log");

    // "Export HAR": the file's text, taken where the page hands it to the browser.
    page.run(
        "window.exported = []; const make = URL.createObjectURL; \
         URL.createObjectURL = (blob) => { window.exported.push(blob); return make.call(URL, blob); }; return true;",
        vec![],
    )
    .await;
    page.press("Export HAR").await;
    page.wait_for("//span[@role='status'][contains(., 'HAR file')]").await;
    let har = page
        .client
        .execute_async("const done = arguments[arguments.length - 1]; window.exported[0].text().then(done);", vec![])
        .await
        .unwrap();
    let har: serde_json::Value = serde_json::from_str(har.as_str().unwrap()).unwrap();
    assert_eq!(har["log"]["version"], "1.2");
    let entries = har["log"]["entries"].as_array().unwrap();
    let post = entries
        .iter()
        .find(|entry| {
            entry["request"]["method"] == "POST" && entry["request"]["url"].as_str().unwrap().ends_with("/v1/customers")
        })
        .expect("the customer's creation is in the HAR");
    assert_eq!(post["response"]["status"], 201);
    let text = har.to_string();
    assert!(!text.contains("Stub!Pass"), "no password in the HAR");
}

#[tokio::test]
async fn a_wasm_that_does_not_load_is_told_to_the_host_and_shown_and_reinsertion_tries_again() {
    let hidden = crate::support::site::HiddenFiles::default();
    hidden.lock().unwrap().insert(dist_name("add-customer_bg.wasm"));
    let scenario = Scenario::start_partner_hiding("element", hidden.clone()).await;
    let page = &scenario.browser;
    let alert = page.wait_for("//p[parent::div[@role='alert'][@part='load-error']]").await;
    assert!(alert.text().await.unwrap().contains("could not be loaded"), "a visible message inside the element");
    let events = scenario.partner_value("wizardEvents").await;
    let error =
        events.as_array().unwrap().iter().find(|event| event["type"] == "add-customer:error").expect("the event");
    assert_eq!(error["target"], "wizard");
    assert_eq!(error["detail"]["stage"], "load");
    assert_eq!(error["detail"]["reason"], "not-found", "{error}");
    assert_eq!(error["detail"]["status"], 404);
    assert!(error["detail"]["url"].as_str().unwrap().ends_with(&format!("/{}", dist_name("add-customer_bg.wasm"))));

    // The file is back: the element, inserted again, loads the wizard.
    hidden.lock().unwrap().clear();
    page.run(
        "const wizard = document.getElementById('wizard'); wizard.remove(); \
         document.getElementById('wizards').append(wizard); return true;",
        vec![],
    )
    .await;
    page.wait_for("//h1[@class='page-heading'][normalize-space(.)='Account info']").await;
    assert_eq!(page.count("//p[parent::div[@part='load-error']]").await, 0, "the message gave way to the wizard");

    // A handle may be unmounted twice.
    let twice = page
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1]; const host = document.createElement('div'); \
             document.body.append(host); window.mountWizard(host, { locale: 'en' }).then((wizard) => { \
             wizard.unmount(); wizard.unmount(); done(host.shadowRoot.childElementCount); }, (error) => done(String(error)));",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(twice, 0, "unmounted, and the second call did nothing");
    let errors = scenario.partner_value("pageErrors").await;
    assert!(
        errors.as_array().unwrap().iter().all(|error| !error.as_str().unwrap().contains("null pointer")),
        "{errors}"
    );
}
