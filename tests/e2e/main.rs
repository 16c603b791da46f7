//! End-to-end tests: the built `dist/` in headless Chromium, against a stub Partner Center
//! endpoint on 127.0.0.1. A test acts as a user (fields by label, buttons by name) and asserts
//! what the stub received. Run with `cargo test --test e2e` after `trunk build --release`.
#![cfg(not(target_arch = "wasm32"))]
// clippy.toml keeps the wasm small; the stub runs natively, where the standard calls are fine.
#![allow(clippy::disallowed_methods)]

mod accessibility;
mod account_info;
mod countries;
mod demo;
mod draft;
mod embedding;
mod fault_matrix;
mod hostile_input;
mod indirect;
mod initial_load;
mod keyboard;
mod prerendered;
mod prices;
mod resume;
mod russian;
mod support;
mod wizard_flow;

use support::browser::Browser;
use support::site;
use support::stub::Stub;
use tokio::sync::{Mutex, MutexGuard};

/// One browser at a time: the machines have two cores.
static ONE_BROWSER_AT_A_TIME: Mutex<()> = Mutex::const_new(());

/// The app served from its own origin, pointed at the stub through `?api=`.
pub struct Scenario {
    /// The stub endpoint.
    pub stub: Stub,
    /// The browser showing the app.
    pub browser: Browser,
    /// The app's origin, or the partner page's.
    pub site: String,
    _turn: MutexGuard<'static, ()>,
}

impl Scenario {
    /// Starts the stub, the static host and the browser, and opens the app on the stub.
    pub async fn start() -> Self {
        Self::open(|stub| format!("?api={}", stub.base_url)).await
    }

    /// Opens the app on the stub with the request log shown (`?log`).
    pub async fn start_logged() -> Self {
        Self::open(|stub| format!("?api={}&log", stub.base_url)).await
    }

    /// Opens the app on the stub with the stub's price list (`?price-sheet=`, its
    /// `/prices/{market}.csv`) and the request log shown (`?log`); `more` is added to the query
    /// (`&lang=ru`), if anything.
    pub async fn start_priced(more: &'static str) -> Self {
        Self::open(move |stub| {
            let sheet = query_value(&format!("{}/prices/{{market}}.csv", stub.base_url));
            format!("?api={}&price-sheet={sheet}&log{more}", stub.base_url)
        })
        .await
    }

    /// Opens the app on the stub as an indirect provider.
    pub async fn start_indirect() -> Self {
        Self::open(|stub| format!("?api={}&indirect=1", stub.base_url)).await
    }

    /// Opens the app with no endpoint: the built-in demo back end answers. `query` is the
    /// page's query string (`?demo-offers=10000`), if any.
    pub async fn start_demo(query: &'static str) -> Self {
        Self::open(move |_| query.to_string()).await
    }

    /// Opens the demo from a copy of `dist/` under a sub-path of a plain static host.
    pub async fn start_under(prefix: &'static str) -> Self {
        Self::open_at(site::serve_dist_under(prefix), |_| String::new(), &[]).await
    }

    /// Opens a partner's page on its own origin that embeds the wizard from the app's origin, as
    /// `scenario` says (see `tests/e2e/partner/partner.js`), on the stub.
    pub async fn start_partner(scenario: &str) -> Self {
        let scenario = Self::start_partner_hiding(scenario, site::HiddenFiles::default()).await;
        scenario.browser.wait_for("//h1[@class='page-heading']").await;
        scenario
    }

    /// [`Scenario::start_partner`], with the app's host answering 404 for the files `hidden`
    /// names while they are named there; it does not wait for the wizard.
    pub async fn start_partner_hiding(scenario: &str, hidden: site::HiddenFiles) -> Self {
        let turn = ONE_BROWSER_AT_A_TIME.lock().await;
        let stub = Stub::start().await;
        let app = site::serve_dist_hiding(hidden).await;
        let partner = site::serve_partner_site(app.clone(), stub.base_url.clone()).await;
        let browser = Browser::start().await;
        let url = format!("{partner}/index.html?embed={app}/embed.js&api={}&scenario={scenario}", stub.base_url);
        browser.client.goto(&url).await.unwrap();
        Self { stub, browser, site: partner, _turn: turn }
    }

    /// Opens the demo page with `query` while its wasm is held back: the page is there, the
    /// wizard not yet (it does not wait for anything). Adding permits to the gate it answers lets
    /// the wasm go.
    pub async fn start_demo_before_the_wasm(query: &str) -> (Self, site::WasmGate) {
        let turn = ONE_BROWSER_AT_A_TIME.lock().await;
        let stub = Stub::start().await;
        let gate = site::WasmGate::new(tokio::sync::Semaphore::new(0));
        let site = site::serve_dist_holding_wasm(gate.clone()).await;
        let browser = Browser::start().await;
        // Not WebDriver's navigation, which waits for the load event: the held wasm (preloaded)
        // holds that back.
        browser.run("location.href = arguments[0]; return true;", vec![format!("{site}/{query}").into()]).await;
        (Self { stub, browser, site, _turn: turn }, gate)
    }

    /// Opens the app on the stub in a browser that prefers a dark colour scheme.
    pub async fn start_dark() -> Self {
        Self::open_at(
            site::serve_dist(),
            |stub| format!("?api={}", stub.base_url),
            &["--blink-settings=preferredColorScheme=0"],
        )
        .await
    }

    async fn open(query: impl FnOnce(&Stub) -> String) -> Self {
        Self::open_at(site::serve_dist(), query, &[]).await
    }

    async fn open_at(
        site: impl std::future::Future<Output = String>,
        query: impl FnOnce(&Stub) -> String,
        browser_switches: &[&str],
    ) -> Self {
        let turn = ONE_BROWSER_AT_A_TIME.lock().await;
        let stub = Stub::start().await;
        let site = site.await;
        let browser = Browser::start_with(browser_switches).await;
        browser.open(&format!("{site}/{}", query(&stub))).await;
        Self { stub, browser, site, _turn: turn }
    }

    /// Fills the Account info page with a valid US customer whose domain prefix is `prefix`.
    pub async fn fill_us_customer(&self, prefix: &str) {
        let page = &self.browser;
        page.choose("Country/region", "United States").await;
        page.fill("Company name", "Wingtip Toys").await;
        page.fill("Domain prefix", prefix).await;
        page.fill("Address line 1", "One Microsoft Way").await;
        page.fill("City", "Redmond").await;
        page.choose("State", "Washington").await;
        page.fill("ZIP code", "98052").await;
        page.fill("Phone number", "425-555-0101").await;
        page.fill("First name", "Gena").await;
        page.fill("Last name", "Soto").await;
        page.fill("Email address", "gena@wingtiptoys.com").await;
        page.tick("I confirm that the customer has accepted the Microsoft Customer Agreement").await;
        page.fill("Date of acceptance", "01152025").await;
    }

    /// The texts of the error summary's links.
    pub async fn summary(&self) -> Vec<String> {
        let summary = self.browser.wait_for("//div[contains(@class,'error-summary')]").await;
        let mut texts = Vec::new();
        for link in summary.find_all(fantoccini::Locator::Css("a")).await.unwrap() {
            texts.push(link.text().await.unwrap());
        }
        texts
    }
}

/// `text` as a value in a URL's query: every byte but the unreserved ones (`A-Z a-z 0-9 - . _ ~`)
/// percent-encoded, so that `{market}` is `%7Bmarket%7D` and `:` and `/` are escaped too.
pub fn query_value(text: &str) -> String {
    text.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => char::from(byte).to_string(),
            _ => format!("%{byte:02X}"),
        })
        .collect()
}

/// Whether `value` is a GUID in its usual text form.
pub fn is_guid(value: &str) -> bool {
    let parts: Vec<&str> = value.split('-').collect();
    parts.iter().map(|part| part.len()).collect::<Vec<_>>() == [8, 4, 4, 4, 12]
        && parts.iter().all(|part| part.chars().all(|c| c.is_ascii_hexdigit()))
}
