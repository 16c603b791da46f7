//! Headless Chromium driven through chromedriver (WebDriver), with the helpers a test needs to
//! act as a user: find fields by their label and buttons by their name.

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder};
use serde_json::json;
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Helpers for scripts, over the page and every open shadow root in it: `deepFind(xpath)`,
/// `deepAll(xpath)`, `deepQuery(css)` and `deepActive()` (the focused element, inside shadow
/// roots).
pub const DEEP: &str = r#"
const deepRoots = () => {
  const roots = [document];
  const walk = (root) => root.querySelectorAll('*').forEach((element) => {
    if (element.shadowRoot) { roots.push(element.shadowRoot); walk(element.shadowRoot); }
  });
  walk(document);
  return roots;
};
// A shadow root is no XPath context node: its top-level elements are. The demo page's
// pre-rendered first page is passed over: a test acts on the wizard (prerendered.rs reaches it
// on purpose).
const deepAll = (xpath) => deepRoots()
  .flatMap((root) => (root === document ? [document] : [...root.children].filter((child) => !child.hasAttribute('data-prerendered'))))
  .flatMap((context) => {
    const relative = context === document ? xpath : xpath.replace(/^(\(?)\/\//, '$1.//');
    const found = document.evaluate(relative, context, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
    return Array.from({ length: found.snapshotLength }, (_, index) => found.snapshotItem(index));
  });
const deepFind = (xpath) => deepAll(xpath)[0] ?? null;
const deepQuery = (css) => deepRoots().flatMap((root) => [...root.querySelectorAll(css)])
  .filter((element) => !element.closest('[data-prerendered]'));
const deepActive = () => {
  let element = document.activeElement;
  while (element && element.shadowRoot && element.shadowRoot.activeElement) element = element.shadowRoot.activeElement;
  return element;
};
"#;

/// How long a test waits for something to appear.
const PATIENCE: Duration = Duration::from_secs(10);

/// A browser session with its own chromedriver and a fresh profile; both go away on drop.
pub struct Browser {
    /// The WebDriver client.
    pub client: Client,
    driver: Child,
    profile: PathBuf,
}

/// How the profile folders of the tests' browsers begin, in the temporary folder; the test
/// process's id follows.
const PROFILE_PREFIX: &str = "add-customer-e2e-";

/// Removes the profile folders that test processes no longer running left behind: a run that
/// is killed never drops its browsers.
fn remove_abandoned_profiles() {
    let Ok(entries) = std::fs::read_dir(std::env::temp_dir()) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(|name| name.strip_prefix(PROFILE_PREFIX)) else { continue };
        let Some(pid) = pid.split('-').next() else { continue };
        if !PathBuf::from("/proc").join(pid).exists() {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
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
        remove_abandoned_profiles();
        let port = free_port();
        let profile = std::env::temp_dir().join(format!("{PROFILE_PREFIX}{}-{port}", std::process::id()));
        // Chromium's own temporary files (its singleton socket, a directory each run) go inside
        // the profile, so that they go with it: killed, Chromium leaves them behind.
        let temporary = profile.join("tmp");
        std::fs::create_dir_all(&temporary).unwrap();
        let driver = Command::new(std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into()))
            .arg(format!("--port={port}"))
            .env("TMPDIR", &temporary)
            // Its own process group, so that dropping the browser ends Chromium and all its
            // helpers with it, even when a test fails half-way.
            .process_group(0)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver is installed (scripts/test.sh installs it)");
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

    /// The first element `xpath` finds in the page or in any open shadow root (the wizard
    /// renders in one), right now.
    pub async fn find_deep(&self, xpath: &str) -> Option<Element> {
        let script = format!("{DEEP}\nreturn deepFind(arguments[0]);");
        let found = self.client.execute(&script, vec![xpath.into()]).await.unwrap();
        let id = found.as_object()?.values().next()?.as_str()?.to_string();
        Some(Element::from_element_id(self.client.clone(), id.into()))
    }

    /// How many elements `xpath` finds in the page and its open shadow roots, right now.
    pub async fn count(&self, xpath: &str) -> usize {
        let script = format!("{DEEP}\nreturn deepAll(arguments[0]).length;");
        self.client.execute(&script, vec![xpath.into()]).await.unwrap().as_u64().unwrap_or(0) as usize
    }

    /// Runs `script` with the deep helpers in scope (`deepFind`, `deepAll`, `deepQuery`,
    /// `deepActive`).
    pub async fn run(&self, script: &str, arguments: Vec<serde_json::Value>) -> serde_json::Value {
        self.client.execute(&format!("{DEEP}\n{script}"), arguments).await.unwrap()
    }

    /// Waits until `xpath` finds an element, in the page or any open shadow root.
    pub async fn wait_for(&self, xpath: &str) -> Element {
        let started = Instant::now();
        loop {
            if let Some(element) = self.find_deep(xpath).await {
                return element;
            }
            if started.elapsed() > PATIENCE {
                let _ = self.screenshot("debug").await;
                panic!("nothing matches {xpath}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Runs `script` (as [`Browser::run`] does) until it answers something other than `null`
    /// or `false`, and answers that; fails, naming `awaited`, when it never does.
    pub async fn wait_until(&self, script: &str, awaited: &str) -> serde_json::Value {
        let started = Instant::now();
        loop {
            let answer = self.run(script, vec![]).await;
            if !answer.is_null() && answer != false {
                return answer;
            }
            if started.elapsed() > PATIENCE {
                let _ = self.screenshot("debug").await;
                panic!("waited in vain for {awaited}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The element with `id`, waiting for it.
    pub async fn by_id(&self, id: &str) -> Element {
        self.wait_for(&format!("//*[@id='{id}']")).await
    }

    /// Waits until the page heading reads `text`.
    pub async fn wait_for_heading(&self, text: &str) -> Element {
        self.wait_for(&format!("//h1[normalize-space(.)='{text}']")).await
    }

    /// The page heading's text.
    pub async fn heading(&self) -> String {
        self.wait_for("//h1").await.text().await.unwrap()
    }

    /// The control a `<label>` names, in the label's own document or shadow root.
    async fn control_of(&self, label: Element) -> Element {
        let script = "return arguments[0].getRootNode().getElementById(arguments[0].htmlFor);";
        let found = self.client.execute(script, vec![serde_json::to_value(&label).unwrap()]).await.unwrap();
        let id = found.as_object().and_then(|map| map.values().next()).and_then(|id| id.as_str());
        Element::from_element_id(self.client.clone(), id.expect("the label names its control").to_string().into())
    }

    /// The form control labelled `label` (the label's own text, without "(optional)").
    pub async fn field(&self, label: &str) -> Element {
        let label = self.wait_for(&format!("//label[normalize-space(text()[1])='{label}']")).await;
        self.control_of(label).await
    }

    /// The control labelled `label` inside the offer named `offer` on the Subscriptions page.
    pub async fn offer_field(&self, offer: &str, label: &str) -> Element {
        let xpath = format!(
            "//li[contains(@class,'offer')][.//label[contains(@class,'offer-name')][normalize-space(.)='{offer}']]\
             //label[normalize-space(text()[1])='{label}']"
        );
        let label = self.wait_for(&xpath).await;
        self.control_of(label).await
    }

    /// Types `text` into the field labelled `label` of the offer named `offer`.
    pub async fn fill_offer(&self, offer: &str, label: &str, text: &str) {
        let field = self.offer_field(offer, label).await;
        field.clear().await.unwrap();
        field.send_keys(text).await.unwrap();
    }

    /// Picks `option` in the list labelled `label` of the offer named `offer`.
    pub async fn choose_in_offer(&self, offer: &str, label: &str, option: &str) {
        self.offer_field(offer, label).await.select_by_label(option).await.unwrap();
    }

    /// Presses the button whose name starts with `prefix`.
    pub async fn press_starting(&self, prefix: &str) {
        self.wait_for(&format!("//button[starts-with(normalize-space(.), '{prefix}')]")).await.click().await.unwrap();
    }

    /// The text of the page's main content.
    pub async fn page_text(&self) -> String {
        self.wait_for("//div[@class='page']").await.text().await.unwrap()
    }

    /// Types `text` into the field labelled `label`, replacing what it held.
    pub async fn fill(&self, label: &str, text: &str) {
        let field = self.field(label).await;
        field.clear().await.unwrap();
        field.send_keys(text).await.unwrap();
    }

    /// Types `text` into the field with `id`, replacing what it held.
    pub async fn fill_by_id(&self, id: &str, text: &str) {
        let field = self.by_id(id).await;
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
            const fieldset = deepQuery('fieldset') \
                .find(f => f.querySelector(':scope > legend')?.textContent.trim() === legend); \
            return [...fieldset.querySelectorAll('label')].map(l => l.firstChild.textContent.trim());";
        let labels = self.run(script, vec![legend.into()]).await;
        serde_json::from_value(labels).unwrap()
    }

    /// A short description of the focused element: `tag#id.class`.
    pub async fn focused(&self) -> String {
        let script = "const e = deepActive(); return e.tagName.toLowerCase() + '#' + e.id + '.' + e.className;";
        self.run(script, vec![]).await.as_str().unwrap_or_default().to_string()
    }

    /// Waits until the focused element, described as [`Browser::focused`] does, is `expected`;
    /// answers the last description seen (focus may move on the next frame).
    pub async fn wait_for_focus(&self, expected: &str) -> String {
        let started = Instant::now();
        loop {
            let focused = self.focused().await;
            if focused == expected || started.elapsed() > PATIENCE {
                return focused;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
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
