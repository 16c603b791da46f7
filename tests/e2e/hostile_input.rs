//! End-to-end test of hostile input: a corpus of 52 payloads (script and HTML injection,
//! attribute breakouts, `javascript:` URLs, right-to-left overrides, zero-width characters,
//! combining marks, emoji, 10,000 characters, NUL bytes and lone surrogates as a paste leaves
//! them) goes into every free-text field and through the whole flow to Review, Done and the
//! stub. No script may run; what is shown must be the text itself; what the stub receives must be
//! exactly what was typed, or the field must have refused it with a message.

use crate::Scenario;
use serde_json::Value;

/// The corpus, as JavaScript (so that it can hold NUL and lone surrogates, which JSON from the
/// test cannot), and the page's tripwires: any script that runs sets `window.__pwned`, and
/// dialogs are caught.
const CORPUS: &str = r#"
window.__pwned = window.__pwned || 0;
window.alert = window.confirm = window.prompt = () => { window.__pwned += 1; };
window.hostileCorpus = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '<svg onload="window.__pwned=1"></svg>',
  '<iframe src="javascript:window.__pwned=1"></iframe>',
  '"><script>window.__pwned=1</script>',
  "'><img src=x onerror=window.__pwned=1>",
  '" onmouseover="window.__pwned=1" x="',
  "' onfocus='window.__pwned=1' autofocus='",
  'javascript:window.__pwned=1',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '<a href="javascript:alert(1)">Wingtip</a>',
  '<style>*{display:none}</style>Wingtip',
  '<body onload=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '{{constructor.constructor("alert(1)")()}}',
  '${alert(1)}',
  '#{alert(1)}',
  '<%= 7*7 %>',
  '</textarea><script>alert(1)</script>',
  '</title><script>alert(1)</script>',
  '&lt;b&gt;Wingtip&lt;/b&gt;',
  '&#60;script&#62;alert(1)&#60;/script&#62;',
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  '\\"; alert(1); //',
  "Robert'); DROP TABLE customers;--",
  '1 OR 1=1',
  '../../../../etc/passwd',
  'Wingtip\u202Eevil.exe',
  '\u202Dabc\u202C',
  '\u200F\u200EWingtip',
  'Wing\u200Btip\u200C\u200D\uFEFF',
  'Z\u0335\u0321\u032A\u035Aa\u0337l\u0338g\u0335o\u0336',
  '\u1100\u1161\u11A8 \u0E01\u0E34\u0E4A\u0E01',
  '🏢🚀👩🏽‍💻🇷🇺',
  '🧑‍🤝‍🧑 Team',
  'Ｗｉｎｇｔｉｐ Ｔｏｙｓ',
  'ﷺ ﷽',
  'مرحبا Wingtip',
  'שלום Wingtip',
  '𝓦𝓲𝓷𝓰𝓽𝓲𝓹',
  'W'.repeat(10000),
  'Wingtip Toys '.repeat(800),
  'Wing\u0000tip',
  'Wing\u0000',
  'Wing\uD800tip',
  'Wing\uDFFFtip',
  'Wing\u0007tip',
  'Wing\u001Btip',
  'Wing\u0085tip',
  'Wing\\tip \\n \\\\ \\u0041',
];
return window.hostileCorpus.length;
"#;

/// The free-text fields: id, and where their value lands in the body of `POST /v1/customers`.
const FIELDS: [(&str, &str); 6] = [
    ("company-name", "/billingProfile/companyName"),
    ("address-line1", "/billingProfile/defaultAddress/addressLine1"),
    ("address-line2", "/billingProfile/defaultAddress/addressLine2"),
    ("city", "/billingProfile/defaultAddress/city"),
    ("first-name", "/billingProfile/firstName"),
    ("last-name", "/billingProfile/lastName"),
];

/// Valid values, for a field that refused its payload.
const FALLBACKS: [&str; 6] = ["Wingtip Toys", "One Microsoft Way", "Building 92", "Redmond", "Gena", "Soto"];

/// Puts corpus entry `index` into the field `id`, as a paste would, and answers what the field
/// then holds (the browser drops line breaks from a one-line input); `null` where that is no
/// well-formed text (a lone surrogate), which no endpoint can receive as typed.
const PASTE: &str = "const [id, index] = arguments;
    const input = deepQuery('#' + id)[0];
    input.value = window.hostileCorpus[index];
    input.dispatchEvent(new Event('input', { bubbles: true }));
    return input.value.isWellFormed() ? input.value : null;";

#[tokio::test]
async fn hostile_input_is_shown_as_text_sent_as_typed_or_refused_with_a_message() {
    let scenario = Scenario::start().await;
    let page = &scenario.browser;
    let count = page.run(CORPUS, vec![]).await.as_u64().unwrap() as usize;
    assert!(count >= 50, "a corpus of at least 50 payloads: {count}");
    let mut sent_as_typed = 0;
    let mut refused = 0;
    // Each round puts six payloads into the six fields, shifted by one each round, so that every
    // payload goes into every field.
    for round in 0..count {
        if round > 0 {
            page.press("Done").await;
            page.wait_for_heading("Account info").await;
            page.run(CORPUS, vec![]).await;
        }
        scenario.fill_us_customer(&format!("hostile{round}")).await;
        let mut typed: Vec<Value> = Vec::new();
        for (slot, (id, _)) in FIELDS.iter().enumerate() {
            let index = (round + slot * 9) % count;
            typed.push(page.run(PASTE, vec![(*id).into(), index.into()]).await);
        }
        page.press("Next: Subscriptions").await;
        let summary = page.find_deep("//div[contains(@class,'error-summary')]").await;
        let mut kept = [true; 6];
        if summary.is_some() {
            for (slot, (id, _)) in FIELDS.iter().enumerate() {
                let refusal = page.find_deep(&format!("//p[@id='{id}-error']")).await;
                if let Some(refusal) = refusal {
                    let message = refusal.text().await.unwrap();
                    assert!(message.starts_with("Error:") && message.len() > 10, "{id}: {message}");
                    kept[slot] = false;
                    refused += 1;
                    page.fill_by_id(id, FALLBACKS[slot]).await;
                }
            }
            page.press("Next: Subscriptions").await;
        }
        page.wait_for_heading("Subscriptions").await;
        page.tick("Microsoft 365 E3").await;
        page.fill_offer("Microsoft 365 E3", "Number of licenses", "1").await;
        page.press("Next: Review").await;
        page.wait_for_heading("Review").await;
        let review = page.run("return deepQuery('.page')[0].textContent;", vec![]).await;
        let review = review.as_str().unwrap();
        for (slot, value) in typed.iter().enumerate() {
            assert!(!(kept[slot] && value.is_null()), "round {round}: a broken character was refused");
            let value = value.as_str().unwrap_or_default().trim();
            if kept[slot] && !value.is_empty() {
                assert!(review.contains(value), "round {round}: Review shows {value:?} as text");
            }
        }
        page.press("Submit").await;
        page.wait_for_heading("Customer created").await;
        let customers = scenario.stub.customers();
        let body = customers.last().unwrap();
        for (slot, (id, path)) in FIELDS.iter().enumerate() {
            if kept[slot] {
                let value = typed[slot].as_str().unwrap().trim();
                let received = body.pointer(path).and_then(Value::as_str).unwrap_or_default();
                assert_eq!(received, value, "round {round}: {id} reaches the endpoint exactly as typed");
                sent_as_typed += 1;
            }
        }
        let pwned = page.run("return window.__pwned;", vec![]).await;
        assert_eq!(pwned, 0, "round {round}: no payload ran");
        let script = "return [...deepQuery('.wizard')[0]
            .querySelectorAll('script, img, svg, iframe, style, a[href^=java], details, math, body')]
            .map(element => element.outerHTML.slice(0, 80));";
        let injected = page.run(script, vec![]).await;
        assert_eq!(injected, serde_json::json!([]), "round {round}: no payload became an element");
    }
    eprintln!(
        "hostile input: {count} payloads × 6 fields: {sent_as_typed} sent as typed, {refused} refused with a message"
    );
    assert_eq!(sent_as_typed + refused, count * FIELDS.len());
    assert_eq!(scenario.stub.customers().len(), count, "one customer a round, no more");
}
