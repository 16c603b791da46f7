//! End-to-end tests of the prices from the partner's price list (`?price-sheet=`): the prices
//! of the chosen term and billing on Subscriptions, Review and Done; the one line the pages say
//! when the list cannot be used, or not all of it; a list of 50,000 rows read while the user
//! types; and that the list is a plain GET, with nothing of the endpoint's, and that no price
//! ever goes to the endpoint.
//!
//! The stub serves its catalog's price list at `/prices/{market}.csv`; the prices expected here
//! are written out: Microsoft 365 E3 costs $432.00 a licence for a year ($36.00 a month),
//! Business Basic $72.00.

use crate::support::browser::Browser;
use crate::support::stub::Received;
use crate::Scenario;
use serde_json::{json, Value};
use std::fmt::Write;
use std::time::{Duration, Instant};

const E3: &str = "Microsoft 365 E3";
const BASIC: &str = "Microsoft 365 Business Basic";
const AUDIO: &str = "Microsoft Teams Audio Conferencing with dial-out to USA/CAN";

/// How the pages name the basis of the stub's prices (its `Last-Modified` is in December 2026).
const BASIS: &str = "Estimated, excluding tax; price list of December 2026.";

/// The price sheet's header row, as Partner Center exports it.
const HEADER: &str = "ProductTitle,ProductId,SkuId,SkuTitle,Publisher,SkuDescription,UnitOfMeasure,TermDuration,\
     BillingPlan,Market,Currency,UnitPrice,PricingTierRangeMin,PricingTierRangeMax,EffectiveStartDate,\
     EffectiveEndDate,Tags,ERP Price";

/// A row of a price sheet: `product` (its id), `term`, `billing`, `market` and `currency`, the
/// licence's `price` for the term, in effect from `start`.
fn row(product: &str, title: &str, term: &str, billing: &str, price: &str, start: &str) -> String {
    format!(
        "{title},{product},0001,{title},Microsoft Corporation,\"{title}, for the tests\",Licenses,{term},{billing},\
         US,USD,{price},,,{start},9999-12-31T00:00:00Z,,{price}"
    )
}

/// Microsoft 365 E3's rows of a year's term, billed monthly and annually: $432.00 a licence.
fn e3_rows() -> [String; 2] {
    [
        row("CFQ7TTC0LFLZ", E3, "P1Y", "Monthly", "432.00", "2026-01-01T00:00:00Z"),
        row("CFQ7TTC0LFLZ", E3, "P1Y", "Annual", "432.00", "2026-01-01T00:00:00Z"),
    ]
}

/// The XPath of the row of the offer named `offer` on Subscriptions.
fn offer_row(offer: &str) -> String {
    format!("//li[contains(@class,'offer')][.//label[contains(@class,'offer-name')][normalize-space(.)='{offer}']]")
}

/// `text` with its runs of white space (no-break spaces included, which `Intl` puts in amounts)
/// made one plain space, and trimmed.
fn squeezed(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}')
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text of the first element `xpath` finds (in any shadow root) as rendered (a table row's
/// cells apart), squeezed; `None` while there is none.
async fn text_of(page: &Browser, xpath: &str) -> Option<String> {
    let text = page.run("return deepFind(arguments[0])?.innerText ?? null;", vec![xpath.into()]).await;
    text.as_str().map(squeezed)
}

/// Waits until the element `xpath` finds reads `expected` (squeezed), and fails with what it
/// read instead.
async fn wait_for_text(page: &Browser, xpath: &str, expected: &str) {
    let started = Instant::now();
    loop {
        let text = text_of(page, xpath).await;
        if text.as_deref() == Some(expected) {
            return;
        }
        if started.elapsed() > Duration::from_secs(10) {
            page.screenshot("prices-debug").await;
            panic!("{xpath} reads {text:?}, not {expected:?}");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The labels of the options of the drop-down labelled `label` in the offer named `offer`.
async fn option_labels(page: &Browser, offer: &str, label: &str) -> Vec<String> {
    let select = page.offer_field(offer, label).await;
    let script = "return [...arguments[0].options].map((option) => option.textContent);";
    let labels = page.client.execute(script, vec![serde_json::to_value(&select).unwrap()]).await.unwrap();
    let labels: Vec<String> = serde_json::from_value(labels).unwrap();
    labels.iter().map(|label| squeezed(label)).collect()
}

/// The rows of the body of the first table `xpath` finds: each as the texts of its cells.
async fn table_rows(page: &Browser, xpath: &str) -> Vec<Vec<String>> {
    page.wait_for(xpath).await;
    let script = "return [...deepFind(arguments[0]).tBodies[0].rows]
        .map((row) => [...row.cells].map((cell) => cell.textContent));";
    let rows: Vec<Vec<String>> = serde_json::from_value(page.run(script, vec![xpath.into()]).await).unwrap();
    rows.into_iter().map(|row| row.iter().map(|cell| squeezed(cell)).collect()).collect()
}

/// The column headings of the first table `xpath` finds.
async fn table_headings(page: &Browser, xpath: &str) -> Vec<String> {
    let script = "return [...deepFind(arguments[0]).tHead.rows[0].cells].map((cell) => cell.textContent);";
    let headings: Vec<String> = serde_json::from_value(page.run(script, vec![xpath.into()]).await).unwrap();
    headings.iter().map(|heading| squeezed(heading)).collect()
}

/// The lines about the price list on the page right now, as shown (empty ones aside).
async fn price_notices(page: &Browser) -> Vec<String> {
    let script = "return deepQuery('.price-notice').map((notice) => notice.textContent)";
    let notices: Vec<String> = serde_json::from_value(page.run(script, vec![]).await).unwrap();
    notices.iter().map(|notice| squeezed(notice)).filter(|notice| !notice.is_empty()).collect()
}

/// Waits for the one line about the price list to read `expected` (as a polite status), and
/// checks it is the only one and said once on the page.
async fn assert_one_notice(page: &Browser, expected: &str) {
    wait_for_text(page, "//p[contains(@class,'price-notice-shown')]", expected).await;
    assert_eq!(price_notices(page).await, [expected], "one line about the price list");
    let status = page.wait_for("//p[contains(@class,'price-notice-shown')]").await.attr("role").await.unwrap();
    assert_eq!(status.as_deref(), Some("status"), "heard by a screen reader");
    let text = page.page_text().await;
    assert_eq!(text.matches(expected).count(), 1, "said once: {text}");
}

/// The text of the request log's entry for the price list of `market`, once it is there (it is
/// recorded when the list has been read).
async fn price_list_log_entry(page: &Browser, market: &str) -> String {
    let script = "return deepQuery('.log-entry')
        .find((entry) => entry.querySelector('.log-call')?.textContent.includes(arguments[0]))?.textContent ?? null;";
    let path = format!("/prices/{market}.csv");
    let started = Instant::now();
    loop {
        if let Some(entry) = page.run(script, vec![path.clone().into()]).await.as_str() {
            return squeezed(entry);
        }
        if started.elapsed() > Duration::from_secs(30) {
            page.screenshot("prices-log-debug").await;
            panic!("the request log has no entry for {path}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Fails unless the price list was fetched exactly once, for `market`, as a plain GET: none of
/// the endpoint's headers (token, ids, locale) and no CORS preflight.
fn assert_fetched_once_plainly(requests: &[Received], market: &str) {
    let summary: Vec<String> = requests.iter().map(|request| format!("{} {}", request.method, request.path)).collect();
    assert_eq!(summary, [format!("GET /prices/{market}.csv")], "one plain GET, no preflight");
    for name in ["authorization", "ms-correlationid", "ms-requestid", "x-locale", "ms-continuationtoken"] {
        assert_eq!(requests[0].header(name), None, "no {name}: {:?}", requests[0].headers);
    }
}

#[tokio::test]
async fn the_prices_of_the_chosen_term_and_billing_go_from_subscriptions_to_review_and_done() {
    let scenario = Scenario::start_priced("").await;
    scenario.to_subscriptions("wingtiptoysusd").await;
    let page = &scenario.browser;
    scenario.choose_offer(E3, "10").await;
    let e3_price = format!("{}//p[@class='offer-price']", offer_row(E3));
    wait_for_text(
        page,
        &e3_price,
        &format!("Per license: $36.00 monthly, $432.00 for the whole term. 10 licenses: $360.00 monthly. {BASIS}"),
    )
    .await;
    assert_eq!(
        option_labels(page, E3, "Term").await,
        ["1 month ($43.20 per license)", "1 year ($432.00 per license)", "3 years ($1,296.00 per license)"],
        "each term with a licence's price for it"
    );
    assert_eq!(
        option_labels(page, E3, "Billing frequency").await,
        ["Monthly ($36.00 per license)", "Annual ($432.00 per license)"],
        "each billing frequency with a licence's price each time"
    );
    assert_eq!(price_notices(page).await, Vec::<String>::new(), "nothing to say about the list");

    scenario.choose_offer(BASIC, "10").await;
    page.choose_in_offer(BASIC, "Billing frequency", "Annual ($72.00 per license)").await;
    // A year billed once: one licence's price is said once.
    let basic_price = format!("{}//p[@class='offer-price']", offer_row(BASIC));
    wait_for_text(
        page,
        &basic_price,
        &format!("Per license: $72.00 once a year. 10 licenses: $720.00 once a year. {BASIS}"),
    )
    .await;
    assert_eq!(option_labels(page, BASIC, "Term").await[1], "1 year ($72.00 per license)", "at annual billing");
    page.screenshot("subscriptions-priced").await;

    page.press("Next: Review").await;
    page.wait_for_heading("Review").await;
    let table = "//table[@id='review-subscriptions']";
    let headings = table_headings(page, table).await;
    assert_eq!(headings.last().map(String::as_str), Some("Price (estimated)"), "{headings:?}");
    let rows = table_rows(page, table).await;
    let price_of = |offer: &str| {
        let row = rows.iter().find(|row| row[0] == offer).unwrap_or_else(|| panic!("no {offer} in {rows:?}"));
        row.last().unwrap().clone()
    };
    assert_eq!(price_of(E3), "$360.00 monthly ($36.00 per license)");
    assert_eq!(price_of(BASIC), "$720.00 once a year ($72.00 per license)");
    wait_for_text(
        page,
        &format!("{table}//tr[@class='price-totals']"),
        &format!("Price (estimated) $360.00 monthly, $720.00 once a year {BASIS}"),
    )
    .await;
    assert_eq!(price_notices(page).await, Vec::<String>::new());
    page.run("deepQuery('#review-subscriptions')[0].scrollIntoView(); return true;", vec![]).await;
    page.screenshot("review-priced").await;

    page.press("Submit").await;
    page.wait_for_heading("Customer created").await;
    let orders = "//table[.//th[normalize-space(.)='Price (estimated)']]";
    let rows = table_rows(page, orders).await;
    assert_eq!(rows.len(), 2, "an order each billing frequency: {rows:?}");
    let order_of = |offer: &str| {
        rows.iter().find(|row| row[1].contains(offer)).unwrap_or_else(|| panic!("no {offer} in {rows:?}")).clone()
    };
    assert_eq!(
        order_of(E3)[1..],
        [format!("{E3} × 10 (1 year, Monthly)"), "completed".into(), "$360.00 monthly".into()]
    );
    assert_eq!(
        order_of(BASIC)[1..],
        [format!("{BASIC} × 10 (1 year, Annual)"), "completed".into(), "$720.00 once a year".into()]
    );
    wait_for_text(
        page,
        "//p[@class='price-totals']",
        &format!("Price (estimated): $360.00 monthly, $720.00 once a year {BASIS}"),
    )
    .await;
    page.screenshot("done-priced").await;

    let stub = &scenario.stub;
    assert_fetched_once_plainly(&stub.price_sheet_requests(), "US");
    let carts: Vec<Value> = stub
        .calls("POST", &format!("/v1/customers/{}/carts", "c501c3c4-d776-40ef-9ecf-000000000001"))
        .into_iter()
        .map(|call| call.body.unwrap())
        .collect();
    assert_eq!(carts.len(), 1);
    let item = |index: usize| carts[0]["lineItems"][index]["catalogItemId"].clone();
    assert_eq!(
        carts[0],
        json!({
            "partnerOnRecordAttestationAccepted": false,
            "lineItems": [
                { "id": 0, "catalogItemId": item(0), "quantity": 10, "termDuration": "P1Y", "billingCycle": "monthly",
                  "provisioningContext": {} },
                { "id": 1, "catalogItemId": item(1), "quantity": 10, "termDuration": "P1Y", "billingCycle": "annual",
                  "provisioningContext": {} }
            ]
        }),
        "the cart is the same as without prices"
    );
    assert!(item(0).as_str().unwrap().starts_with("CFQ7TTC0LFLZ:0001:"), "{item:?}", item = item(0));
    assert!(item(1).as_str().unwrap().starts_with("CFQ7TTC0LH18:0001:"), "{item:?}", item = item(1));
    for call in stub.received() {
        let body = call.body.map(|body| body.to_string()).unwrap_or_default().to_lowercase();
        assert!(
            !body.contains("price") && !body.contains("amount"),
            "no price goes to the endpoint: {} {} {body}",
            call.method,
            call.path
        );
    }
    assert_eq!(stub.contract_problems(), Vec::<String>::new());
}

#[tokio::test]
async fn a_new_licence_count_reprices_the_line_and_leaves_its_choices_alone() {
    let scenario = Scenario::start_priced("").await;
    scenario.to_subscriptions("wingtiplicences").await;
    let page = &scenario.browser;
    scenario.choose_offer(E3, "10").await;
    let price = format!("{}//p[@class='offer-price']", offer_row(E3));
    let per_license = "Per license: $36.00 monthly, $432.00 for the whole term.";
    wait_for_text(page, &price, &format!("{per_license} 10 licenses: $360.00 monthly. {BASIS}")).await;
    let watch = "const row = deepFind(arguments[0]);
        window.choicesTouched = [];
        const observer = new MutationObserver((records) =>
          window.choicesTouched.push(...records.map((record) => `${record.type} ${record.attributeName ?? ''}`)));
        const selects = row.querySelectorAll('select');
        for (const select of selects) {
          observer.observe(select, { subtree: true, childList: true, attributes: true, characterData: true });
        }
        return selects.length;";
    let selects = page.run(watch, vec![offer_row(E3).into()]).await;
    assert!(selects.as_u64().is_some_and(|count| count >= 2), "the term and the billing frequency: {selects}");
    page.fill_offer(E3, "Number of licenses", "12").await;
    wait_for_text(page, &price, &format!("{per_license} 12 licenses: $432.00 monthly. {BASIS}")).await;
    let touched = page.run("return window.choicesTouched;", vec![]).await;
    assert_eq!(touched, json!([]), "the term and billing options are not drawn again for a new count");
}

#[tokio::test]
async fn a_price_list_that_answers_404_shows_one_line_and_no_prices_and_the_flow_goes_on() {
    let scenario = Scenario::start_priced("").await;
    scenario.stub.set_price_sheet(404, "Not Found".into());
    scenario.to_subscriptions("wingtipnoprices").await;
    let page = &scenario.browser;
    let notice = "Prices are not shown: the price list could not be loaded (HTTP 404).";
    assert_one_notice(page, notice).await;
    scenario.choose_offer(E3, "10").await;
    scenario.choose_offer(AUDIO, "10").await;
    assert_eq!(option_labels(page, E3, "Term").await, ["1 month", "1 year", "3 years"], "plain terms");
    assert_eq!(option_labels(page, E3, "Billing frequency").await, ["Monthly", "Annual"], "plain frequencies");
    assert_eq!(page.count("//p[@class='offer-price']").await, 0, "no price under a row");
    let text = page.page_text().await;
    assert!(!text.contains('$'), "no price anywhere: {text}");
    assert_eq!(text.matches(notice).count(), 1, "still said once: {text}");
    page.screenshot("subscriptions-price-list-404").await;

    page.press("Next: Review").await;
    page.wait_for_heading("Review").await;
    assert_one_notice(page, notice).await;
    let headings = table_headings(page, "//table[@id='review-subscriptions']").await;
    assert!(!headings.iter().any(|heading| heading.contains("Price")), "no price column: {headings:?}");
    assert!(!page.page_text().await.contains('$'));

    page.press("Submit").await;
    page.wait_for_heading("Customer created").await;
    let text = page.page_text().await;
    assert_eq!(text.matches("completed").count(), 1, "one order: {text}");
    assert!(!text.contains('$') && !text.contains("Price (estimated)"), "{text}");
    assert_eq!(scenario.stub.placed_orders().len(), 1);
    assert_fetched_once_plainly(&scenario.stub.price_sheet_requests(), "US");
}

#[tokio::test]
async fn rows_that_cannot_be_read_are_passed_over_and_counted() {
    let scenario = Scenario::start_priced("").await;
    let [e3_monthly, e3_annual] = e3_rows();
    let sheet = [
        HEADER.to_string(),
        e3_monthly,
        row("CFQ7TTC0LH18", BASIC, "P1Y", "Monthly", "abc", "2026-01-01T00:00:00Z"),
        e3_annual,
        row("CFQ7TTC0LH18", BASIC, "P1Y", "Annual", "72.00", "the first of January"),
    ]
    .join("\r\n");
    scenario.stub.set_price_sheet(200, sheet);
    scenario.to_subscriptions("wingtipbadrows").await;
    let page = &scenario.browser;
    assert_one_notice(page, "2 rows of the price list could not be read: their prices are not shown.").await;
    scenario.choose_offer(E3, "10").await;
    wait_for_text(
        page,
        &format!("{}//p[@class='offer-price']", offer_row(E3)),
        &format!("Per license: $36.00 monthly, $432.00 for the whole term. 10 licenses: $360.00 monthly. {BASIS}"),
    )
    .await;
    scenario.choose_offer(BASIC, "10").await;
    page.offer_field(BASIC, "Billing frequency").await;
    assert_eq!(option_labels(page, BASIC, "Billing frequency").await, ["Monthly", "Annual"], "its rows were not read");
    assert_eq!(page.count(&format!("{}//p[@class='offer-price']", offer_row(BASIC))).await, 0);
    page.screenshot("subscriptions-price-list-bad-rows").await;

    let entry = price_list_log_entry(page, "US").await;
    assert!(entry.contains("4 rows, 2 in effect for US"), "{entry}");
    assert!(entry.contains("2 rows could not be read"), "{entry}");
    assert!(entry.contains("UnitPrice") && entry.contains("abc"), "the bad price is named: {entry}");
    assert!(entry.contains("the first of January"), "and the bad date: {entry}");

    page.press("Next: Review").await;
    page.wait_for_heading("Review").await;
    let rows = table_rows(page, "//table[@id='review-subscriptions']").await;
    let basic = rows.iter().find(|row| row[0] == BASIC).unwrap();
    assert_eq!(basic.last().map(String::as_str), Some("Not in the price list"), "{rows:?}");
    wait_for_text(page, "//tr[@class='price-totals']", &format!("Price (estimated) $360.00 monthly {BASIS}")).await;
}

#[tokio::test]
async fn a_list_that_is_no_price_sheet_or_has_no_prices_for_the_market_says_so() {
    let html = "<!DOCTYPE html><html><head><title>Sign in</title></head><body><h1>Sign in to continue</h1>\
                <form><input name=user></form></body></html>";
    let no_price_column = format!(
        "{}\r\n{}",
        HEADER.replace(",UnitPrice", ""),
        row("CFQ7TTC0LFLZ", E3, "P1Y", "Monthly", "432.00", "2026-01-01T00:00:00Z").replacen(",432.00", "", 1)
    );
    let canada_only = format!(
        "{HEADER}\r\n{}",
        row("CFQ7TTC0LFLZ", E3, "P1Y", "Monthly", "583.20", "2026-01-01T00:00:00Z").replace(",US,USD,", ",CA,CAD,")
    );
    let cases = [
        (html.to_string(), "Prices are not shown: the price list is not a CSV price sheet."),
        (no_price_column, "Prices are not shown: the price list has no column UnitPrice."),
        (canada_only, "The price list has no prices for United States."),
    ];
    for (number, (sheet, notice)) in cases.into_iter().enumerate() {
        let scenario = Scenario::start_priced("").await;
        scenario.stub.set_price_sheet(200, sheet);
        scenario.to_subscriptions(&format!("wingtipsheet{number}")).await;
        let page = &scenario.browser;
        assert_one_notice(page, notice).await;
        scenario.choose_offer(E3, "10").await;
        assert_eq!(option_labels(page, E3, "Billing frequency").await, ["Monthly", "Annual"], "{notice}");
        assert!(!page.page_text().await.contains('$'), "{notice}");
        page.screenshot(&format!("subscriptions-price-list-{number}")).await;
        page.press("Next: Review").await;
        page.wait_for_heading("Review").await;
        assert_one_notice(page, notice).await;
    }
}

/// Records, from now on, the long tasks of the page (`window.longTasks`: start and duration, in
/// ms) and, for each key pressed, the time from the key to just after the next frame
/// (`window.keyToFrame`, ms): what a user typing waits for.
const WATCH_RESPONSIVENESS: &str = "
    window.watchedFrom = performance.now();
    window.longTasks = [];
    new PerformanceObserver((list) => {
      for (const task of list.getEntries()) window.longTasks.push([task.startTime, task.duration]);
    }).observe({ type: 'longtask', buffered: true });
    window.keyToFrame = [];
    window.addEventListener('keydown', (event) => {
      const pressed = event.timeStamp;
      requestAnimationFrame(() => setTimeout(() => window.keyToFrame.push(performance.now() - pressed), 0));
    }, true);
    return true;";

/// How many rows of other products the large price list holds.
const LARGE_ROWS: usize = 50_000;

#[tokio::test]
async fn a_price_list_of_50000_rows_is_read_between_frames_while_the_user_types() {
    let scenario = Scenario::start_priced("").await;
    let mut sheet = String::with_capacity(LARGE_ROWS * 200);
    sheet.push_str(HEADER);
    for index in 0..LARGE_ROWS {
        let title = format!("Contoso Generated Suite {index:05}");
        let price = format!("{}.{:02}", 12 + index % 400, index % 100);
        let (term, billing) = [("P1M", "Monthly"), ("P1Y", "Monthly"), ("P1Y", "Annual")][index % 3];
        let product = format!("GEN{index:09}");
        write!(sheet, "\r\n{}", row(&product, &title, term, billing, &price, "2026-01-01T00:00:00Z")).unwrap();
    }
    // E3's rows come last: its prices show only once the whole list is read.
    for e3 in e3_rows() {
        write!(sheet, "\r\n{e3}").unwrap();
    }
    let size = sheet.len();
    scenario.stub.set_price_sheet(200, sheet);
    let page = &scenario.browser;
    page.run(WATCH_RESPONSIVENESS, vec![]).await;

    page.choose("Country/region", "United States").await;
    // The user goes on typing while the list loads and is read.
    let company = page.field("Company name").await;
    let words = "Wingtip Toys Large Price List ";
    let mut typed = String::new();
    let started = Instant::now();
    let read_entry =
        "return deepQuery('.log-entry .log-call').some((call) => call.textContent.includes('/prices/US.csv'));";
    loop {
        let key = words.chars().nth(typed.chars().count() % words.chars().count()).unwrap();
        company.send_keys(&key.to_string()).await.unwrap();
        typed.push(key);
        if page.run(read_entry, vec![]).await == Value::Bool(true) {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(60), "the list was not read in a minute");
    }
    let typing_ms = started.elapsed().as_millis();
    // A few more keys once it is read, so that the last frames of the reading are measured too.
    for key in "done".chars() {
        company.send_keys(&key.to_string()).await.unwrap();
        typed.push(key);
    }
    assert_eq!(
        company.prop("value").await.unwrap().as_deref(),
        Some(typed.as_str()),
        "every key typed while the list was read is in the field"
    );
    tokio::time::sleep(Duration::from_millis(300)).await;
    let watched = page.run("return [window.watchedFrom, window.longTasks, window.keyToFrame];", vec![]).await;
    let from = watched[0].as_f64().unwrap();
    let long_tasks: Vec<f64> = watched[1]
        .as_array()
        .unwrap()
        .iter()
        .filter(|task| task[0].as_f64().unwrap() >= from)
        .map(|task| task[1].as_f64().unwrap())
        .collect();
    let key_to_frame: Vec<f64> = watched[2].as_array().unwrap().iter().map(|ms| ms.as_f64().unwrap()).collect();
    let longest_task = long_tasks.iter().copied().fold(0.0, f64::max);
    let slowest_key = key_to_frame.iter().copied().fold(0.0, f64::max);

    let entry = price_list_log_entry(page, "US").await;
    let rows = LARGE_ROWS + 2;
    assert!(entry.contains(&format!("{size} bytes: {rows} rows, {rows} in effect for US")), "{entry}");
    assert!(entry.contains("0 could not be read"), "{entry}");
    // "read in 840 ms, 93 slices, the longest 12 ms"
    let reading = entry.split("read in ").nth(1).unwrap_or_else(|| panic!("no reading time: {entry}"));
    let numbers: Vec<u64> = reading
        .split(|c: char| !c.is_ascii_digit())
        .filter(|part| !part.is_empty())
        .take(3)
        .map(|part| part.parse().unwrap())
        .collect();
    let [read_ms, slices, longest_slice_ms] = numbers[..] else { panic!("{entry}") };
    eprintln!(
        "price list of {rows} rows ({size} bytes): read in {read_ms} ms, {slices} slices, the longest {longest_slice_ms} ms; \
         {} keys typed in {typing_ms} ms meanwhile, key to next frame at most {slowest_key:.0} ms; \
         {} long tasks, the longest {longest_task:.0} ms",
        typed.chars().count(),
        long_tasks.len()
    );
    assert!(slices > 1, "read in more than one slice, the browser's turn between them: {entry}");
    assert!(longest_task < 500.0, "no long task of half a second or more: {long_tasks:?}");
    assert!(slowest_key < 1000.0, "no key waited a second for its frame: {key_to_frame:?}");

    scenario.fill_us_customer("wingtiplargelist").await;
    page.press("Next: Subscriptions").await;
    page.wait_for_heading("Subscriptions").await;
    scenario.choose_offer(E3, "10").await;
    wait_for_text(
        page,
        &format!("{}//p[@class='offer-price']", offer_row(E3)),
        &format!("Per license: $36.00 monthly, $432.00 for the whole term. 10 licenses: $360.00 monthly. {BASIS}"),
    )
    .await;
    assert_eq!(price_notices(page).await, Vec::<String>::new());
    assert_fetched_once_plainly(&scenario.stub.price_sheet_requests(), "US");
}

#[tokio::test]
async fn prices_read_in_russian_through_intl() {
    let scenario = Scenario::start_priced("").await;
    scenario.to_subscriptions("wingtiprussian").await;
    scenario.choose_offer(E3, "10").await;
    let page = &scenario.browser;
    let price = format!("{}//p[@class='offer-price']", offer_row(E3));
    wait_for_text(
        page,
        &price,
        &format!("Per license: $36.00 monthly, $432.00 for the whole term. 10 licenses: $360.00 monthly. {BASIS}"),
    )
    .await;
    page.press("Русский").await;
    page.wait_for_heading("Подписки").await;
    page.wait_for(&format!("{price}[starts-with(normalize-space(.), 'За лицензию')]")).await;
    let words = text_of(page, &price).await.unwrap_or_default();
    assert!(
        words.starts_with("За лицензию: 36,00 $ в месяц, 432,00 $ за весь срок. 10 лицензий: 360,00 $ в месяц. "),
        "amounts as Intl writes them in Russian: {words}"
    );
    assert_eq!(
        option_labels(page, E3, "Периодичность оплаты").await,
        ["Ежемесячно (36,00 $ за лицензию)", "Ежегодно (432,00 $ за лицензию)"]
    );
    page.press("Далее: Проверка").await;
    page.wait_for_heading("Проверка").await;
    let rows = table_rows(page, "//table[@id='review-subscriptions']").await;
    assert_eq!(rows[0].last().map(String::as_str), Some("360,00 $ в месяц (36,00 $ за лицензию)"), "{rows:?}");
    assert_fetched_once_plainly(&scenario.stub.price_sheet_requests(), "US");
    let basis = text_of(page, "//tr[@class='price-totals']//span[@class='price-basis']").await;
    assert_eq!(
        basis.as_deref(),
        Some("Оценка без налогов; прайс-лист: декабрь 2026 г."),
        "the month as Intl writes it, and one full stop"
    );
}

#[tokio::test]
async fn a_host_with_a_token_fetches_the_price_list_without_it() {
    let scenario = Scenario::start_partner("api&priced").await;
    scenario.stub.require_token("fresh-token");
    let page = &scenario.browser;
    page.choose("Country/region", "United States").await;
    let entry = price_list_log_entry(page, "US").await;
    assert!(entry.contains("in effect for US on ") && entry.contains(", 0 could not be read"), "read: {entry}");
    // The rules' first call carries the host's stale token and is refused; its retry, with the
    // fresh one, may come after the price list has been read.
    let rules = |call: &Received| {
        call.path == "/v1/countryvalidationrules/US" && call.header("authorization") == Some("Bearer fresh-token")
    };
    scenario.stub.wait_for_call("the endpoint's calls carry the host's token", rules).await;
    assert_fetched_once_plainly(&scenario.stub.price_sheet_requests(), "US");
}

#[tokio::test]
async fn each_market_s_list_is_fetched_once_for_the_page() {
    let scenario = Scenario::start_priced("").await;
    let page = &scenario.browser;
    page.choose("Country/region", "United States").await;
    price_list_log_entry(page, "US").await;
    page.choose("Country/region", "Portugal").await;
    let entry = price_list_log_entry(page, "PT").await;
    assert!(entry.contains(" 0 in effect for PT on "), "the stub's list has no Portuguese rows: {entry}");
    page.choose("Country/region", "United States").await;
    page.wait_for("//label[normalize-space(text()[1])='ZIP code']").await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let requests: Vec<String> = scenario
        .stub
        .price_sheet_requests()
        .iter()
        .map(|request| format!("{} {}", request.method, request.path))
        .collect();
    assert_eq!(requests, ["GET /prices/US.csv", "GET /prices/PT.csv"], "the US list is kept, not fetched again");
}
