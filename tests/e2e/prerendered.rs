//! The demo page's pre-rendered first page (`scripts/prerender.mjs`,
//! `src/ui/embed/prerendered.rs`): Account info on screen before the wasm has started, the same
//! as the wizard draws it, usable at once; what the user does there is taken over by the wizard.

use crate::support::site::WasmGate;
use crate::Scenario;
use fantoccini::elements::Element;
use tokio::sync::Semaphore;

/// The file the build puts into the demo page.
const PRERENDERED_FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/ui/pages/account_info/prerendered.html");

/// The wizard's first page as the pre-rendered one holds it: the live page's markup with the
/// states the user sees written as attributes (checked, selected), without Leptos's empty
/// comments and the agreement date's `max` (today's date, which the wizard sets when it runs).
/// `null` until the page is shown with its whole country list.
const LIVE_FIRST_PAGE: &str = "
    const host = document.querySelector('[data-add-customer]');
    const root = host?.shadowRoot?.querySelector('.mount:not([data-prerendered])');
    const country = root?.querySelector('select#country');
    if (!root || root.hidden || !country || country.options.length < 2) return null;
    const copy = root.cloneNode(true);
    const fields = root.querySelectorAll('input, option');
    copy.querySelectorAll('input, option').forEach((field, at) => {
      const live = fields[at];
      const chosen = live.localName === 'option' ? live.selected : live.checked;
      field.toggleAttribute(live.localName === 'option' ? 'selected' : 'checked', chosen);
      if (field.type === 'date') field.removeAttribute('max');
    });
    return copy.innerHTML.replaceAll('<!---->', '');";

/// The pre-rendered page's element that `selector` finds, as WebDriver reaches it.
async fn prerendered(scenario: &Scenario, selector: &str) -> Element {
    let script = format!(
        "return document.querySelector('[data-add-customer]')?.shadowRoot
            ?.querySelector('div[data-prerendered] {selector}') ?? null;"
    );
    let found = scenario.browser.wait_until(&script, &format!("the pre-rendered page's {selector}")).await;
    let reference = found.as_object().and_then(|map| map.values().next()).and_then(|id| id.as_str()).unwrap();
    Element::from_element_id(scenario.browser.client.clone(), reference.to_string().into())
}

/// Whether the wizard has said it is ready.
const READY: &str = "return performance.getEntriesByName('add-customer:ready', 'mark').length > 0;";

/// Lets the held wasm go and waits until the wizard is ready.
async fn let_the_wasm_in(scenario: &Scenario, gate: &WasmGate) {
    gate.add_permits(Semaphore::MAX_PERMITS / 2);
    scenario.browser.wait_until(READY, "the wizard to say it is ready").await;
}

#[tokio::test]
async fn the_prerendered_page_is_the_first_page_the_wizard_draws() {
    let scenario = Scenario::start_demo("").await;
    let live = scenario.browser.wait_until(LIVE_FIRST_PAGE, "the first page with its whole country list").await;
    let live = format!("{}\n", live.as_str().unwrap());
    let kept = std::fs::read_to_string(PRERENDERED_FILE).unwrap();
    if live != kept {
        if std::env::var_os("PRERENDER_UPDATE").is_some() {
            std::fs::write(PRERENDERED_FILE, &live).unwrap();
            return;
        }
        let drawn = concat!(env!("CARGO_MANIFEST_DIR"), "/target/prerendered.html");
        std::fs::write(drawn, &live).unwrap();
        let at = live.bytes().zip(kept.bytes()).take_while(|(a, b)| a == b).count();
        panic!(
            "PRE-RENDERED PAGE OUT OF DATE: src/ui/pages/account_info/prerendered.html is not what the \
             wizard draws first (they part at byte {at}: {:?} against {:?}). What it draws is in \
             target/prerendered.html; run this test with PRERENDER_UPDATE=1 to take it, then rebuild.",
            live.get(at..(at + 80).min(live.len())).unwrap_or_default(),
            kept.get(at..(at + 80).min(kept.len())).unwrap_or_default(),
        );
    }
}

#[tokio::test]
async fn what_is_done_on_the_prerendered_page_before_the_wizard_starts_is_kept() {
    let (scenario, gate) = Scenario::start_demo_before_the_wasm("").await;
    let page = &scenario.browser;

    // The page is usable before the wasm has come: choose, tick, type, move the caret.
    prerendered(&scenario, "#country").await.select_by_label("Portugal").await.unwrap();
    prerendered(&scenario, "#qualification-education").await.click().await.unwrap();
    let name = prerendered(&scenario, "#company-name").await;
    name.send_keys("Fabrikam").await.unwrap();
    name.send_keys("\u{E012}\u{E012}").await.unwrap(); // two presses of the left arrow key
    assert_eq!(page.run(READY, vec![]).await, false, "this was done on the pre-rendered page");

    let_the_wasm_in(&scenario, &gate).await;
    let state = page
        .run(
            "const active = deepActive();
             return [deepQuery('#company-name')[0].value, deepQuery('#country')[0].value,
                     deepQuery('#qualification-education')[0].checked, active.id, active.selectionStart,
                     deepQuery('[data-prerendered]').length,
                     document.querySelector('[data-add-customer]').shadowRoot.querySelectorAll('.mount').length];",
            vec![],
        )
        .await;
    assert_eq!(
        state,
        serde_json::json!(["Fabrikam", "PT", true, "company-name", 6, 0, 1]),
        "[company name, country, education chosen, focused field, caret, pre-rendered left, pages]"
    );

    // The wizard's own state holds them: Next finds no fault with what was entered there.
    page.press("Next: Subscriptions").await;
    let faults = scenario.summary().await.join(" | ").to_lowercase();
    assert!(faults.contains("domain"), "the untouched fields are still required: {faults}");
    assert!(
        !faults.contains("company name") && !faults.contains("country"),
        "the entries made before the wizard started count: {faults}"
    );
}

#[tokio::test]
async fn where_the_wizard_starts_elsewhere_the_prerendered_page_is_never_shown() {
    let (scenario, gate) = Scenario::start_demo_before_the_wasm("?lang=ru").await;
    let page = &scenario.browser;
    // Once the page is read (the script in its head has run by then).
    let seen = "if (document.readyState === 'loading') return null;
        const host = document.querySelector('[data-add-customer]');
        const prerendered = host?.shadowRoot?.querySelector('div[data-prerendered]');
        const loading = host?.querySelector('.loading');
        return prerendered && loading ? [prerendered.getClientRects().length, loading.getClientRects().length] : null;";
    let shown = page.wait_until(seen, "the demo page").await;
    assert_eq!(shown, serde_json::json!([0, 1]), "[English page on screen, Loading… on screen] for ?lang=ru");

    let_the_wasm_in(&scenario, &gate).await;
    let after = "const shadow = document.querySelector('[data-add-customer]').shadowRoot;
        return [shadow.querySelector('.wizard')?.lang, shadow.querySelectorAll('[data-prerendered]:not(link)').length];";
    assert_eq!(page.run(after, vec![]).await, serde_json::json!(["ru", 0]), "[language, pre-rendered left]");
}

#[tokio::test]
async fn a_button_pressed_before_the_wizard_starts_is_pressed_when_it_has_started() {
    let (scenario, gate) = Scenario::start_demo_before_the_wasm("").await;
    let page = &scenario.browser;
    prerendered(&scenario, "#company-name").await.send_keys("Fabrikam").await.unwrap();
    prerendered(&scenario, "button[type=submit]").await.click().await.unwrap();
    let address = page.run("return location.href;", vec![]).await;
    assert_eq!(page.run(READY, vec![]).await, false, "Next was pressed on the pre-rendered page");

    let_the_wasm_in(&scenario, &gate).await;
    // Next, pressed again by the wizard, checked the entries: the error summary names what is
    // missing, not the company name typed before; and the page did not go anywhere meanwhile.
    let faults = scenario.summary().await.join(" | ").to_lowercase();
    assert!(faults.contains("domain") && !faults.contains("company name"), "{faults}");
    assert_eq!(page.run("return location.href;", vec![]).await, address, "the form was not sent");
    assert_eq!(page.wait_for_focus("div#.error-summary").await, "div#.error-summary", "the summary takes the focus");
}

#[tokio::test]
async fn a_language_chosen_before_the_wizard_starts_is_the_wizards() {
    let (scenario, gate) = Scenario::start_demo_before_the_wasm("").await;
    prerendered(&scenario, "button[lang=ru]").await.click().await.unwrap();
    let_the_wasm_in(&scenario, &gate).await;
    let russian =
        "return document.querySelector('[data-add-customer]').shadowRoot.querySelector('.wizard').lang === 'ru';";
    scenario.browser.wait_until(russian, "the wizard in Russian").await;
}
