//! End-to-end tests of the built-in demo back end: the same wizard with no endpoint at all, and
//! a generated catalog of 10,000 products.

use crate::support::browser::DEEP;
use crate::support::site;
use crate::support::site::dist_name;
use crate::Scenario;
use std::time::Duration;

#[tokio::test]
async fn the_whole_flow_works_on_the_demo_back_end() {
    let scenario = Scenario::start_demo("").await;
    let page = &scenario.browser;
    let banner = page.wait_for("//p[@class='backend-banner']").await.text().await.unwrap();
    assert!(banner.starts_with("Demo mode"), "{banner}");
    scenario.fill_us_customer("contoso").await;
    page.wait_for("//p[@role='status'][contains(., 'contoso.onmicrosoft.com is already taken')]").await;
    page.fill("Domain prefix", "wingtiptoysdemo").await;
    page.press("Next: Subscriptions").await;
    page.wait_for_heading("Subscriptions").await;
    page.tick("Microsoft 365 Business Basic").await;
    page.fill_offer("Microsoft 365 Business Basic", "Number of licenses", "5").await;
    page.tick("Microsoft 365 Business Premium").await;
    page.offer_field("Microsoft 365 Business Premium", "Plan")
        .await
        .select_by_label("Microsoft 365 Business Premium Trial (Trial)")
        .await
        .unwrap();
    page.wait_for("//p[normalize-space(.)='25 licenses: a trial has a fixed number.']").await;
    page.press("Next: Review").await;
    page.wait_for_heading("Review").await;
    let review = page.page_text().await;
    assert!(review.contains("2 subscriptions, 30 licenses"), "{review}");
    page.press("Submit").await;
    page.wait_for_heading("Customer created").await;
    let password = page.field("One-time password").await.prop("value").await.unwrap().unwrap_or_default();
    assert_eq!(password.chars().count(), 16, "a one-time password was made");
    let text = page.page_text().await;
    assert!(text.contains("admin@wingtiptoysdemo.onmicrosoft.com"), "{text}");
    assert_eq!(text.matches("completed").count(), 2, "two orders placed, monthly and the trial's: {text}");
    assert!(scenario.stub.received().is_empty(), "nothing left the browser");
}

/// The time from a search keystroke to the updated list, in milliseconds.
const TIME_A_SEARCH: &str = "const [text, done] = arguments;
    const input = deepQuery('#offer-search')[0];
    const started = performance.now();
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    requestAnimationFrame(() => setTimeout(() => done(performance.now() - started), 0));";

#[tokio::test]
async fn a_catalog_of_10000_products_stays_quick() {
    let scenario = Scenario::start_demo("?demo-offers=10000").await;
    let page = &scenario.browser;
    scenario.fill_us_customer("wingtiptoysscale").await;
    page.press("Next: Subscriptions").await;
    page.wait_for_heading("Subscriptions").await;
    page.wait_for("//p[@role='status'][starts-with(normalize-space(.), '10,000 products.')]").await;
    let rows = page.count("//li[contains(@class,'offer')]").await;
    assert_eq!(rows, 25, "only a page of the matches is in the DOM");

    let mut timings = Vec::new();
    for text in ["n", "no", "nor", "nort", "northwind", "northwind backup", ""] {
        let script = format!("{DEEP}\n{TIME_A_SEARCH}");
        let elapsed = page.client.execute_async(&script, vec![text.into()]).await.unwrap();
        timings.push(elapsed.as_f64().unwrap());
    }
    eprintln!("search keystroke to updated list over 10,000 products (ms): {timings:?}");
    page.fill("Search products", "northwind backup").await;
    let status =
        page.wait_for("//p[@role='status'][contains(., 'of 10,000 products match')]").await.text().await.unwrap();
    assert!(status.starts_with("125 of 10,000 products match"), "{status}");
    page.tick("Northwind Backup Ultimate 00043").await;
    page.fill_offer("Northwind Backup Ultimate 00043", "Number of licenses", "3").await;
    page.fill("Search products", "").await;
    page.press_starting("Show 25 more").await;
    page.wait_for("(//li[contains(@class,'offer')])[50]").await;
    // Focus goes to the first product that was not shown before, so the reader goes on from there.
    let first_new = page.run("return deepQuery('li.offer input[type=checkbox]')[25].id;", vec![]).await;
    let first_new = format!("input#{}.checkbox-input", first_new.as_str().unwrap());
    assert_eq!(page.wait_for_focus(&first_new).await, first_new, "focus moves to the first product shown by Show more");
    page.press("Next: Review").await;
    page.wait_for_heading("Review").await;
    assert!(page.page_text().await.contains("Northwind Backup Ultimate 00043"));
}

/// The bytes that came over the wire for the page's wasm, and the wasm's own size.
fn wasm_transfer() -> String {
    format!(
        "const wasm = performance.getEntriesByType('resource')
            .find((entry) => entry.name.endsWith('/{}'));
        return [wasm.encodedBodySize, wasm.decodedBodySize];",
        dist_name("add-customer_bg.wasm")
    )
}

/// The size in bytes of the file of `dist/` at `path`.
fn dist_file_size(path: &str) -> u64 {
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("dist").join(path);
    let metadata = std::fs::metadata(&file);
    metadata.unwrap_or_else(|_| panic!("no {}: build the release (scripts/test.sh)", file.display())).len()
}

#[tokio::test]
async fn the_wasm_travels_brotli_compressed_from_a_host_that_serves_the_builds_copies() {
    let scenario = Scenario::start_demo("").await;
    let page = &scenario.browser;
    page.wait_for_heading("Account info").await;
    let transfer = page.run(&wasm_transfer(), vec![]).await;
    let wasm = dist_name("add-customer_bg.wasm");
    let expected = serde_json::json!([dist_file_size(&format!("{wasm}.br")), dist_file_size(&wasm)]);
    assert_eq!(transfer, expected, "the browser received the .br copy and decoded it to the wasm");
    scenario.fill_us_customer("wingtipbrotli").await;
    page.press("Next: Subscriptions").await;
    page.wait_for_heading("Subscriptions").await;
}

#[tokio::test]
async fn dist_works_under_a_sub_path_of_a_static_host() {
    let scenario = Scenario::start_under("/tools/add-customer").await;
    let page = &scenario.browser;
    let url = page.client.current_url().await.unwrap();
    assert_eq!(url.path(), "/tools/add-customer/");
    let wasm = dist_file_size(&dist_name("add-customer_bg.wasm"));
    assert_eq!(
        page.run(&wasm_transfer(), vec![]).await,
        serde_json::json!([wasm, wasm]),
        "a plain host sends the wasm as it is"
    );
    scenario.fill_us_customer("wingtipsubpath").await;
    page.press("Next: Subscriptions").await;
    page.wait_for_heading("Subscriptions").await;
    page.wait_for("//p[@role='status'][starts-with(normalize-space(.), '10 products.')]").await;
    // The demo's own price list is found beside the app, under the same sub-path.
    page.tick("Microsoft 365 E3").await;
    page.wait_for("//option[normalize-space(.)='Monthly ($36.00 per license)']").await;
}

/// The policy the README documents for a host, with nothing else allowed.
const STRICT_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
     connect-src 'self'; img-src 'self'; base-uri 'none'; object-src 'none'";

#[tokio::test]
async fn the_demo_page_breaks_no_rule_of_a_strict_csp() {
    let reports = site::CspReports::default();
    let scenario =
        Scenario::open_at(site::serve_dist_with_policy(STRICT_POLICY, reports.clone()), |_| String::new(), &[]).await;
    let page = &scenario.browser;
    scenario.fill_us_customer("wingtiptoyscsp").await;
    page.press("Next: Subscriptions").await;
    page.wait_for_heading("Subscriptions").await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        reports.lock().unwrap().clone(),
        Vec::<String>::new(),
        "no violation from the page, its icon or the wizard"
    );

    // The reports do arrive: a data: image, which the policy refuses, is reported.
    page.run(
        "const image = new Image(); image.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw='; \
              document.body.append(image); return true;",
        vec![],
    )
    .await;
    let started = std::time::Instant::now();
    while reports.lock().unwrap().is_empty() && started.elapsed() < Duration::from_secs(5) {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let reported = reports.lock().unwrap().join("\n");
    assert!(reported.contains("img-src"), "the check can fail: {reported}");
}

#[test]
fn the_release_names_its_files_by_content_and_embed_js_knows_them() {
    let dist = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("dist");
    let read = |name: &str| std::fs::read_to_string(dist.join(name)).unwrap();
    let (glue, wasm, css) = (dist_name("add-customer.js"), dist_name("add-customer_bg.wasm"), dist_name("main.css"));
    for (plain, hashed) in [("add-customer.js", &glue), ("add-customer_bg.wasm", &wasm), ("main.css", &css)] {
        assert_ne!(plain, hashed.as_str(), "{plain} has a content-hashed name in a release");
        assert!(!dist.join(plain).exists(), "no {plain} beside {hashed}");
        assert!(dist.join(format!("{hashed}.br")).exists(), "its compressed copies follow the name");
    }
    let embed = read("embed.js");
    for hashed in [&glue, &wasm, &css] {
        assert!(embed.contains(hashed.as_str()), "embed.js, the stable entry, names {hashed}");
    }
    assert!(!embed.contains("add-customer_bg.wasm") && !embed.contains("main.css"), "and no plain name");
    assert!(read(&glue).contains(wasm.as_str()), "the glue's own default URL of the wasm is the hashed one");
    let index = read("index.html");
    assert!(
        index.contains(&format!("./{glue}")) && index.contains(&format!("./{wasm}")),
        "the demo page preloads them"
    );
}
