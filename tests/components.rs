//! Component tests: the real components mounted in headless Chromium (wasm-bindgen-test).
//! Run with `cargo test --target wasm32-unknown-unknown --test components` (see scripts/test.sh).
#![cfg(target_arch = "wasm32")]

use add_customer::api::demo::DemoApi;
use add_customer::api::demo::DemoCatalog;
use add_customer::api::{ApiError, ApiFuture, CountryData};
use add_customer::config::Config;
use add_customer::domain::country::countries::read_country_data;
use add_customer::domain::country::country_rules::CountryRules;
use add_customer::domain::wizard::steps::Step;
use add_customer::ui::common::intl::sort_by_name;
use add_customer::ui::fields::select_field::SelectField;
use add_customer::ui::i18n::{I18n, Locale};
use add_customer::ui::wizard::shell::App;
use add_customer::ui::wizard::step_indicator::StepIndicator;
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh `<div>` in the page to mount into.
fn container() -> HtmlElement {
    let div = document().create_element("div").unwrap().dyn_into::<HtmlElement>().unwrap();
    document().body().unwrap().append_child(&div).unwrap();
    div
}

/// Lets the reactive system, the spawned tasks and the DOM settle.
async fn settle() {
    for _ in 0..5 {
        leptos::task::tick().await;
        sleep_ms(0).await;
    }
}

fn find(root: &HtmlElement, selector: &str) -> Option<HtmlElement> {
    root.query_selector(selector).unwrap().map(|element| element.dyn_into().unwrap())
}

fn input_by_label(root: &HtmlElement, label: &str) -> HtmlInputElement {
    let labels = root.query_selector_all("label").unwrap();
    for index in 0..labels.length() {
        let element = labels.item(index).unwrap().dyn_into::<HtmlElement>().unwrap();
        let text = element.first_child().and_then(|node| node.text_content()).unwrap_or_default();
        if text.trim() == label {
            let id = element.get_attribute("for").unwrap();
            return find(root, &format!("#{id}")).unwrap().dyn_into().unwrap();
        }
    }
    panic!("no field labelled {label:?}");
}

fn type_into(input: &HtmlInputElement, text: &str) {
    input.set_value(text);
    let event = web_sys::Event::new_with_event_init_dict("input", &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    })
    .unwrap();
    input.dispatch_event(&event).unwrap();
}

/// The country data files these tests need, built into the test: the test runner serves no
/// `countries/` folder.
struct EmbeddedCountries;

impl CountryData for EmbeddedCountries {
    fn country(&self, iso2: &str) -> ApiFuture<CountryRules> {
        let json = match iso2 {
            "US" => Some(include_str!("../data/countries/US.json")),
            "RU" => Some(include_str!("../data/countries/RU.json")),
            _ => None,
        };
        let rules = json
            .ok_or(ApiError::Status { status: 404, body: None, retry_after: None })
            .and_then(|json| read_country_data(json).map_err(ApiError::Malformed));
        Box::pin(async move { rules })
    }
}

fn mount_wizard(root: &HtmlElement) -> leptos::mount::UnmountHandle<impl leptos::tachys::view::Mountable> {
    mount_wizard_with(root, Config { country: Some("US".into()), locale: Some("en".into()), ..Config::default() })
}

fn mount_wizard_with(
    root: &HtmlElement,
    config: Config,
) -> leptos::mount::UnmountHandle<impl leptos::tachys::view::Mountable> {
    let mount_root = root.clone();
    leptos::mount::mount_to(root.clone(), move || {
        view! {
            <App
                config
                api=Rc::new(DemoApi::new(DemoCatalog::Generated(23), false))
                country_data=Rc::new(EmbeddedCountries)
                root=mount_root
                locale=ArcRwSignal::new(Locale::En)
                log=None
            />
        }
    })
}

#[wasm_bindgen_test]
async fn next_on_an_empty_page_shows_a_focused_error_summary_wired_to_the_fields() {
    let root = container();
    let _wizard = mount_wizard(&root);
    settle().await;
    assert!(find(&root, ".error-summary").is_none(), "no summary before Next");
    let company = input_by_label(&root, "Company name");
    assert_eq!(company.get_attribute("aria-invalid").as_deref(), Some("false"));
    assert_eq!(company.get_attribute("autocomplete").as_deref(), Some("organization"));

    find(&root, "button[type=submit]").unwrap().click();
    settle().await;

    let summary = find(&root, ".error-summary").expect("the summary is shown");
    assert_eq!(find(&summary, "h2").unwrap().text_content().unwrap(), "There is a problem");
    let active = document().active_element().unwrap();
    assert!(active.is_same_node(Some(&summary)), "the summary has focus");
    let first_link = find(&summary, "a").unwrap();
    assert_eq!(first_link.get_attribute("href").as_deref(), Some("#company-name"));
    assert_eq!(first_link.text_content().unwrap(), "Enter the company name");

    assert_eq!(company.get_attribute("aria-invalid").as_deref(), Some("true"));
    let described_by = company.get_attribute("aria-describedby").unwrap();
    assert!(described_by.split(' ').any(|id| id == "company-name-hint"), "{described_by}");
    assert!(described_by.split(' ').any(|id| id == "company-name-error"), "{described_by}");
    let error = find(&root, "#company-name-error").unwrap();
    assert_eq!(error.text_content().unwrap(), "Error: Enter the company name");

    first_link.click();
    settle().await;
    assert!(document().active_element().unwrap().is_same_node(Some(&company)), "the link focuses its field");

    type_into(&company, "Wingtip Toys");
    settle().await;
    assert_eq!(company.get_attribute("aria-invalid").as_deref(), Some("false"), "re-checked as the user types");
    assert!(find(&root, "#company-name-error").is_none());
    assert_eq!(company.value(), "Wingtip Toys");
    let links: Vec<String> = (0..summary.query_selector_all("a").unwrap().length())
        .map(|index| summary.query_selector_all("a").unwrap().item(index).unwrap().text_content().unwrap())
        .collect();
    assert!(!links.contains(&"Enter the company name".to_string()), "{links:?}");
}

/// Starts recording, in `window.errorLinesTouched`, the id of each field's error line
/// (`.error-message`) that anything under `root` changes in: its attributes, its text or its
/// children.
fn watch_error_lines(root: &HtmlElement) {
    let watch = js_sys::Function::new_with_args(
        "root",
        "window.errorLinesTouched = [];
         new MutationObserver((records) => {
           for (const record of records) {
             const node = record.target.nodeType === 1 ? record.target : record.target.parentElement;
             const line = node?.closest('.error-message');
             if (line) window.errorLinesTouched.push(line.id);
           }
         }).observe(root, { subtree: true, childList: true, attributes: true, characterData: true });",
    );
    watch.call1(&JsValue::NULL, root).unwrap();
}

#[wasm_bindgen_test]
async fn an_error_that_goes_leaves_the_other_fields_error_lines_alone() {
    let root = container();
    let _wizard = mount_wizard(&root);
    settle().await;
    find(&root, "button[type=submit]").unwrap().click();
    settle().await;
    assert!(find(&root, "#email-error").is_some(), "the other fields show their errors");
    watch_error_lines(&root);
    type_into(&input_by_label(&root, "Company name"), "Wingtip Toys");
    settle().await;
    assert!(find(&root, "#company-name-error").is_none(), "the company name's error went");
    let touched = js_sys::Reflect::get(&web_sys::window().unwrap(), &"errorLinesTouched".into()).unwrap();
    let touched: Vec<String> = js_sys::Array::from(&touched).iter().filter_map(|id| id.as_string()).collect();
    assert_eq!(touched, Vec::<String>::new(), "no other field's error line was drawn again");
}

#[wasm_bindgen_test]
async fn a_bad_value_keeps_what_was_typed_and_says_what_is_wrong() {
    let root = container();
    let _wizard = mount_wizard(&root);
    settle().await;
    let company = input_by_label(&root, "Company name");
    type_into(&company, &"x".repeat(10_000));
    let email = input_by_label(&root, "Email address");
    type_into(&email, "gena@microsoft.com");
    find(&root, "button[type=submit]").unwrap().click();
    settle().await;
    assert_eq!(company.value().len(), 10_000, "nothing is cut off");
    assert_eq!(
        find(&root, "#company-name-error").unwrap().text_content().unwrap(),
        "Error: The company name must be 255 characters or fewer (it has 10000)"
    );
    assert!(find(&root, "#email-error").unwrap().text_content().unwrap().contains("cannot be at microsoft.com"));
}

/// Counts the objects of one `Intl` kind (`Collator`, `DisplayNames`) the page makes while it
/// lives (each sort by name makes a collator), by putting a counting proxy in place of the
/// constructor.
struct IntlCount {
    intl: JsValue,
    kind: &'static str,
    original: JsValue,
    made: Rc<Cell<u32>>,
    _construct: Closure<dyn Fn(js_sys::Function, js_sys::Array) -> JsValue>,
}

impl IntlCount {
    fn start(kind: &'static str) -> Self {
        let intl = js_sys::Reflect::get(&js_sys::global(), &"Intl".into()).unwrap();
        let original = js_sys::Reflect::get(&intl, &kind.into()).unwrap();
        let made = Rc::new(Cell::new(0));
        let construct = Closure::<dyn Fn(js_sys::Function, js_sys::Array) -> JsValue>::new({
            let made = made.clone();
            move |target: js_sys::Function, arguments: js_sys::Array| {
                made.set(made.get() + 1);
                js_sys::Reflect::construct(&target, &arguments).unwrap()
            }
        });
        let handler = js_sys::Object::new();
        js_sys::Reflect::set(&handler, &"construct".into(), construct.as_ref()).unwrap();
        let proxy = js_sys::Proxy::new(&original, &handler);
        js_sys::Reflect::set(&intl, &kind.into(), &proxy).unwrap();
        Self { intl, kind, original, made, _construct: construct }
    }

    fn made(&self) -> u32 {
        self.made.get()
    }
}

impl Drop for IntlCount {
    fn drop(&mut self) {
        js_sys::Reflect::set(&self.intl, &self.kind.into(), &self.original).unwrap();
    }
}

/// Waits for the next frame to be drawn and the task after it: what `Scope::after_shown` waits for.
async fn after_a_frame() {
    for _ in 0..2 {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window().unwrap().request_animation_frame(&resolve).unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    }
    settle().await;
}

#[wasm_bindgen_test]
async fn the_first_page_is_drawn_once_and_its_country_list_just_after() {
    // The wizard's language signal used to be set again, to the same language, just after the
    // page was drawn: every text on it was worked out a second time, the 248 countries named
    // and sorted again among them. Naming and sorting them is left until the page has been
    // painted, which it does not need.
    let collators = IntlCount::start("Collator");
    let root = container();
    let _wizard = mount_wizard_with(&root, Config { locale: Some("en".into()), ..Config::default() });
    assert_eq!(collators.made(), 0, "no country is named or sorted before the first paint");
    assert!(find(&root, "#country option[value=NO]").is_none(), "the list is not built yet");
    after_a_frame().await;
    assert!(find(&root, "#country option[value=NO]").is_some(), "the countries are offered once painted");
    assert_eq!(collators.made(), 1, "the country list is sorted once");
}

#[wasm_bindgen_test]
async fn before_its_list_is_built_the_country_field_shows_the_chosen_country() {
    // Named from the app's own table: the browser's first `Intl` object loads its locale data
    // (about 150 ms at 4× CPU), which the first page does not wait for.
    let display_names = IntlCount::start("DisplayNames");
    let root = container();
    let _wizard = mount_wizard(&root);
    assert_eq!(display_names.made(), 0, "the chosen country is named without the browser's names");
    let select: web_sys::HtmlSelectElement = find(&root, "#country").unwrap().dyn_into().unwrap();
    assert_eq!(select.length(), 2, "the placeholder and the chosen country");
    assert_eq!(select.value(), "US");
    assert_eq!(find(&root, "#country option:checked").unwrap().text_content().unwrap(), "United States");
    after_a_frame().await;
    let select: web_sys::HtmlSelectElement = find(&root, "#country").unwrap().dyn_into().unwrap();
    assert!(select.length() > 200, "the whole list, {} options", select.length());
    assert_eq!(select.value(), "US", "still the chosen country");
}

#[wasm_bindgen_test]
async fn a_deferred_list_is_built_as_soon_as_the_user_reaches_the_field() {
    let root = container();
    let whole = RwSignal::new(false);
    let value = RwSignal::new(String::new());
    let options = Signal::derive(move || {
        let count = if whole.get() { 250 } else { 0 };
        (0..count).map(|n| (format!("C{n}"), format!("Country {n}"))).collect::<Vec<_>>()
    });
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(I18n(RwSignal::new(Locale::En)));
        view! {
            <SelectField id="country" label="Country" value=value options whole_list=whole
                error=Signal::derive(|| None::<String>) />
        }
    });
    settle().await;
    let select: web_sys::HtmlSelectElement = find(&root, "#country").unwrap().dyn_into().unwrap();
    assert_eq!(select.length(), 0, "nothing asked for the list yet");
    select.dispatch_event(&web_sys::Event::new("focus").unwrap()).unwrap();
    leptos::task::tick().await;
    assert!(whole.get_untracked(), "reaching the field asks for the whole list");
    assert_eq!(select.length(), 250, "and it is there before the list opens");
}

#[wasm_bindgen_test]
async fn a_new_wizard_keeps_no_draft_until_something_is_entered() {
    let storage = web_sys::window().unwrap().session_storage().unwrap().unwrap();
    storage.clear().unwrap();
    let drafts = || {
        (0..storage.length().unwrap())
            .filter_map(|index| storage.key(index).unwrap())
            .filter(|key| key.starts_with("add-customer:draft:"))
            .filter_map(|key| storage.get_item(&key).unwrap())
            .collect::<Vec<String>>()
    };
    let root = container();
    let config = Config { persist: true, locale: Some("en".into()), ..Config::default() };
    let wizard = mount_wizard_with(&root, config);
    settle().await;
    assert_eq!(drafts(), Vec::<String>::new(), "an empty form is not worth a draft");
    let company = input_by_label(&root, "Company name");
    type_into(&company, "Wingtip Toys");
    settle().await;
    assert_eq!(drafts(), Vec::<String>::new(), "not written at each keystroke");
    // Leaving the page (a reload, a closed tab) writes it at once.
    web_sys::window().unwrap().dispatch_event(&web_sys::Event::new("pagehide").unwrap()).unwrap();
    let stored = drafts();
    assert!(stored.len() == 1 && stored[0].contains("Wingtip Toys"), "{stored:?}");
    // Typing on, it is written within the interval.
    type_into(&company, "Wingtip Toys Ltd");
    sleep_ms(500).await;
    let stored = drafts();
    assert!(stored.len() == 1 && stored[0].contains("Wingtip Toys Ltd"), "{stored:?}");
    // And what a wizard has not written yet is written as it goes.
    type_into(&company, "Wingtip Toys Limited");
    leptos::task::tick().await;
    drop(wizard);
    let stored = drafts();
    assert!(stored.len() == 1 && stored[0].contains("Wingtip Toys Limited"), "{stored:?}");
    storage.clear().unwrap();
}

/// Waits `ms` milliseconds.
async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn the_step_indicator_marks_the_current_step() {
    let root = container();
    let step = RwSignal::new(Step::AccountInfo);
    let _indicator = leptos::mount::mount_to(root.clone(), move || {
        provide_context(I18n(RwSignal::new(Locale::En)));
        view! { <StepIndicator current=step /> }
    });
    settle().await;
    let current = || {
        let items = root.query_selector_all("li[aria-current]").unwrap();
        assert_eq!(items.length(), 1, "exactly one current step");
        let item = items.item(0).unwrap().dyn_into::<HtmlElement>().unwrap();
        assert_eq!(item.get_attribute("aria-current").as_deref(), Some("step"));
        item.text_content().unwrap()
    };
    assert!(current().contains("Account info"));
    assert!(root.text_content().unwrap().contains("Step 1 of 4"));
    step.set(Step::Review);
    settle().await;
    assert!(current().contains("Review"));
    assert!(root.text_content().unwrap().contains("Step 3 of 4"));
    assert_eq!(root.query_selector_all(".steps-item-done").unwrap().length(), 2);
}

#[wasm_bindgen_test]
async fn choosing_russia_asks_for_the_registration_number_and_requires_the_phone() {
    let root = container();
    let _wizard = mount_wizard(&root);
    settle().await;
    assert!(find(&root, "#registration-number").is_none(), "not asked in the US");
    let country = find(&root, "#country").unwrap().dyn_into::<web_sys::HtmlSelectElement>().unwrap();
    country.set_value("RU");
    country.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    settle().await;
    let registration = input_by_label(&root, "Organization registration number (INN)");
    assert!(registration.value().is_empty());
    let phone_label = find(&root, "label[for=phone]").unwrap().text_content().unwrap();
    assert!(!phone_label.contains("optional"), "{phone_label}");
    let regions = find(&root, "#state").unwrap().dyn_into::<web_sys::HtmlSelectElement>().unwrap();
    let state_label = find(&root, "label[for=state]").unwrap().text_content().unwrap();
    assert!(state_label.starts_with("Oblast"), "Russia's states are oblasts: {state_label}");
    assert!(regions.query_selector("option[value=MOW]").unwrap().is_some(), "Russia's regions are offered");
    assert!(regions.query_selector("option[value=WA]").unwrap().is_none(), "no US state in Russia");
}

#[wasm_bindgen_test]
fn names_sort_by_the_languages_collation_and_equal_names_keep_their_order() {
    let pairs =
        |names: &[(&str, &str)]| names.iter().map(|(code, name)| (code.to_string(), name.to_string())).collect();
    let mut items: Vec<(String, String)> =
        pairs(&[("b", "Zebra"), ("a", "Ålesund"), ("c", "apple"), ("d", "Zebra"), ("e", "Émile")]);
    sort_by_name(&mut items, Locale::En);
    assert_eq!(items, pairs(&[("a", "Ålesund"), ("c", "apple"), ("e", "Émile"), ("b", "Zebra"), ("d", "Zebra")]));
    let mut items: Vec<(String, String)> = pairs(&[("x", "Ёж"), ("y", "Яр"), ("z", "Ель"), ("w", "Да")]);
    sort_by_name(&mut items, Locale::Ru);
    // Ё sorts with Е, not before А as its code point would put it.
    assert_eq!(items, pairs(&[("w", "Да"), ("x", "Ёж"), ("z", "Ель"), ("y", "Яр")]));
}

/// The size of the wasm's linear memory, in bytes.
fn wasm_memory() -> f64 {
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().dyn_into().unwrap();
    memory.buffer().dyn_into::<js_sys::ArrayBuffer>().unwrap().byte_length() as f64
}

#[wasm_bindgen_test]
async fn a_select_shown_again_and_again_does_not_grow_memory() {
    // A country list of 250 options bound to a value that outlives it, shown and hidden as a
    // page is: each option subscribed to the value used to stay among its subscribers after
    // the list was gone (about 20 KB each time), for as long as the value did not change.
    let root = container();
    let value = RwSignal::new("C125".to_string());
    let shown = RwSignal::new(true);
    let options = Signal::derive(|| (0..250).map(|n| (format!("C{n}"), format!("Country {n}"))).collect::<Vec<_>>());
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(I18n(RwSignal::new(Locale::En)));
        view! {
            <Show when=move || shown.get()>
                <SelectField id="country" label="Country" value=value options error=Signal::derive(|| None::<String>) />
            </Show>
        }
    });
    settle().await;
    let select: web_sys::HtmlSelectElement = find(&root, "#country").unwrap().dyn_into().unwrap();
    assert_eq!(select.value(), "C125", "the value is selected");
    let toggle = || async {
        shown.update(|shown| *shown = !*shown);
        leptos::task::tick().await;
    };
    for _ in 0..20 {
        toggle().await;
    }
    let before = wasm_memory();
    for _ in 0..200 {
        toggle().await;
    }
    let grown = wasm_memory() - before;
    assert!(grown <= 128.0 * 1024.0, "100 showings grew the wasm memory by {grown} bytes");
    value.set("C7".into());
    settle().await;
    let select: web_sys::HtmlSelectElement = find(&root, "#country").unwrap().dyn_into().unwrap();
    assert_eq!(select.value(), "C7", "a new value is selected");
}

#[wasm_bindgen_test]
fn money_and_months_in_the_ui_language() {
    use add_customer::domain::common::calendar_date::CalendarDate;
    use add_customer::domain::prices::amount::Amount;
    use add_customer::ui::common::intl::{format_money, format_month};
    let amount = Amount::parse("1320").unwrap();
    assert_eq!(format_money(amount, "USD", Locale::En), "$1,320.00");
    // Russian groups with a no-break space and puts the sign after the amount.
    assert_eq!(format_money(amount, "USD", Locale::Ru).replace(['\u{a0}', '\u{202f}'], " "), "1 320,00 $");
    assert_eq!(format_money(Amount::parse("8.333333").unwrap(), "EUR", Locale::En), "€8.33");
    assert_eq!(format_money(amount, "dollars", Locale::En), "1320 dollars", "not a currency code: no Intl");
    let december = CalendarDate::parse("2026-12-01").unwrap();
    assert_eq!(format_month(december, Locale::En), "December 2026");
    assert_eq!(format_month(december, Locale::Ru).replace('\u{a0}', " "), "декабрь 2026 г.");
}

#[wasm_bindgen_test]
async fn a_large_price_sheet_is_read_in_slices_and_logged() {
    use add_customer::api::price_sheets::PriceSheets;
    use add_customer::api::request_log::RequestLog;
    let mut sheet = String::from(
        "ProductId,SkuId,TermDuration,BillingPlan,Market,Currency,UnitPrice,EffectiveStartDate,EffectiveEndDate\r\n",
    );
    for n in 0..30_000 {
        sheet.push_str(&format!("PRODUCT{n:05},0001,P1Y,Monthly,US,USD,{n}.5,2026-01-01,\r\n"));
    }
    sheet.push_str("PRODUCT99999,0001,P1Y,Monthly,US,USD,not a price,2026-01-01,\r\n");
    let parts = js_sys::Array::of1(&JsValue::from_str(&sheet));
    let blob = web_sys::Blob::new_with_str_sequence(&parts).unwrap();
    let url = web_sys::Url::create_object_url_with_blob(&blob).unwrap();
    let log = RequestLog::default();
    let sheets = Rc::new(PriceSheets::new(&url, 30, Some(log.clone())));
    let list = sheets.clone().for_market("US".into(), add_customer::ui::common::browser::today()).await.unwrap();
    assert_eq!((list.summary.rows, list.summary.kept, list.summary.unreadable), (30_001, 30_000, 1));
    let calls = log.calls();
    assert_eq!(calls.len(), 1);
    let summary = &calls[0].response;
    let slices: u32 = summary.split(" slices").next().unwrap().rsplit(' ').next().unwrap().parse().unwrap();
    assert!(slices > 1, "read in more than one slice: {summary}");
    assert!(calls[0].unreadable.as_deref().unwrap().contains("UnitPrice \"not a price\" is not a number"));
    // Kept for the page: the second ask does not fetch again.
    let again = sheets.for_market("US".into(), add_customer::ui::common::browser::today()).await.unwrap();
    assert!(Rc::ptr_eq(&list, &again));
    assert_eq!(log.calls().len(), 1);
}
