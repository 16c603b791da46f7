//! Headless Chromium driven through chromedriver (WebDriver), with the helpers a test needs to
//! act as a user: find fields by their label and buttons by their name.

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// How long a test waits for something to appear.
const PATIENCE: Duration = Duration::from_secs(10);

/// A browser session with its own chromedriver and a fresh profile; both go away on drop.
pub struct Browser {
    /// The WebDriver client.
    pub client: Client,
    driver: Child,
    profile: PathBuf,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

impl Browser {
    /// Starts chromedriver and a headless Chromium.
    pub async fn start() -> Self {
        Self::start_with(&[]).await
    }

    /// Starts chromedriver and a headless Chromium with `extra` command-line switches.
    pub async fn start_with(extra: &[&str]) -> Self {
        let port = free_port();
        let driver = Command::new(std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into()))
            .arg(format!("--port={port}"))
            // Its own process group, so that dropping the browser ends Chromium and all its
            // helpers with it, even when a test fails half-way.
            .process_group(0)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver is installed (scripts/test.sh installs it)");
        let profile = std::env::temp_dir().join(format!("add-customer-e2e-{}-{port}", std::process::id()));
        let capabilities = json!({
            "goog:chromeOptions": {
                "binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--window-size=1000,1400", "--lang=en-US",
                    format!("--user-data-dir={}", profile.display()),
                ]
            }
        });
        let mut capabilities = capabilities;
        if let Some(args) = capabilities["goog:chromeOptions"]["args"].as_array_mut() {
            args.extend(extra.iter().map(|arg| serde_json::Value::from(*arg)));
        }
        let capabilities = capabilities.as_object().unwrap().clone();
        let url = format!("http://127.0.0.1:{port}");
        let started = Instant::now();
        let client = loop {
            let connector = hyper_util::client::legacy::connect::HttpConnector::new();
            match ClientBuilder::new(connector).capabilities(capabilities.clone()).connect(&url).await {
                Ok(client) => break client,
                Err(error) if started.elapsed() > PATIENCE => {
                    panic!("chromedriver did not start: {error}")
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        };
        Self { client, driver, profile }
    }

    /// Opens `url` and waits for the wizard's first heading.
    pub async fn open(&self, url: &str) {
        self.client.goto(url).await.unwrap();
        self.wait_for_heading("Account info").await;
    }

    /// Waits until `xpath` finds an element.
    pub async fn wait_for(&self, xpath: &str) -> Element {
        self.client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::XPath(xpath))
            .await
            .unwrap_or_else(|error| panic!("nothing matches {xpath}: {error}"))
    }

    /// Waits until the page heading reads `text`.
    pub async fn wait_for_heading(&self, text: &str) -> Element {
        self.wait_for(&format!("//h1[normalize-space(.)='{text}']")).await
    }

    /// The page heading's text.
    pub async fn heading(&self) -> String {
        self.client.find(Locator::Css("h1")).await.unwrap().text().await.unwrap()
    }

    /// The form control labelled `label` (the label's own text, without "(optional)").
    pub async fn field(&self, label: &str) -> Element {
        let label = self.wait_for(&format!("//label[normalize-space(text()[1])='{label}']")).await;
        let id = label.attr("for").await.unwrap().expect("the label names its control");
        self.client.find(Locator::Id(&id)).await.unwrap()
    }

    /// The control labelled `label` inside the offer named `offer` on the Subscriptions page.
    pub async fn offer_field(&self, offer: &str, label: &str) -> Element {
        let xpath = format!(
            "//li[contains(@class,'offer')][.//label[contains(@class,'offer-name')][normalize-space(.)='{offer}']]\
             //label[normalize-space(text()[1])='{label}']"
        );
        let id = self.wait_for(&xpath).await.attr("for").await.unwrap().expect("the label names its control");
        self.client.find(Locator::Id(&id)).await.unwrap()
    }

    /// Types `text` into the field labelled `label` of the offer named `offer`.
    pub async fn fill_offer(&self, offer: &str, label: &str, text: &str) {
        let field = self.offer_field(offer, label).await;
        field.clear().await.unwrap();
        field.send_keys(text).await.unwrap();
    }

    /// Presses the button whose name starts with `prefix`.
    pub async fn press_starting(&self, prefix: &str) {
        self.wait_for(&format!("//button[starts-with(normalize-space(.), '{prefix}')]")).await.click().await.unwrap();
    }

    /// The text of the page's main content.
    pub async fn page_text(&self) -> String {
        self.client.find(Locator::Css(".page")).await.unwrap().text().await.unwrap()
    }

    /// Types `text` into the field labelled `label`, replacing what it held.
    pub async fn fill(&self, label: &str, text: &str) {
        let field = self.field(label).await;
        field.clear().await.unwrap();
        field.send_keys(text).await.unwrap();
    }

    /// Picks the option shown as `option` in the drop-down labelled `label`.
    pub async fn choose(&self, label: &str, option: &str) {
        self.field(label).await.select_by_label(option).await.unwrap();
    }

    /// Ticks (or picks) the check box or radio labelled `label`.
    pub async fn tick(&self, label: &str) {
        self.field(label).await.click().await.unwrap();
    }

    /// Presses the button named `name`.
    pub async fn press(&self, name: &str) {
        self.wait_for(&format!("//button[normalize-space(.)='{name}']")).await.click().await.unwrap();
    }

    /// The labels inside the fieldset whose legend reads `legend`, in page order, each without
    /// its "(optional)".
    pub async fn labels_in(&self, legend: &str) -> Vec<String> {
        self.wait_for(&format!("//fieldset[legend[normalize-space(.)='{legend}']]")).await;
        let script = "const [legend] = arguments; \
            const fieldset = [...document.querySelectorAll('fieldset')] \
                .find(f => f.querySelector(':scope > legend')?.textContent.trim() === legend); \
            return [...fieldset.querySelectorAll('label')].map(l => l.firstChild.textContent.trim());";
        let labels = self.client.execute(script, vec![legend.into()]).await.unwrap();
        serde_json::from_value(labels).unwrap()
    }

    /// A short description of the focused element: `tag#id.class`.
    pub async fn focused(&self) -> String {
        let script =
            "const e = document.activeElement; return e.tagName.toLowerCase() + '#' + e.id + '.' + e.className;";
        self.client.execute(script, vec![]).await.unwrap().as_str().unwrap_or_default().to_string()
    }

    /// Saves a screenshot of the page to `target/e2e-screenshots/<name>.png`.
    pub async fn screenshot(&self, name: &str) {
        let directory = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/e2e-screenshots");
        std::fs::create_dir_all(&directory).unwrap();
        let png = self.client.screenshot().await.unwrap();
        std::fs::write(directory.join(format!("{name}.png")), png).unwrap();
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // The whole group: chromedriver, Chromium and its zygotes, renderers and utilities.
        let group = format!("-{}", self.driver.id());
        let _ = Command::new("kill").args(["-KILL", "--", &group]).stderr(Stdio::null()).status();
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}
