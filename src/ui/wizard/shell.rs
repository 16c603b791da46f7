//! The wizard's root: owns its state, shows the step indicator and the current page. "Done"
//! replaces the whole wizard with a new one, disposing everything the old one held.

use crate::api::price_sheets::SharedPriceSheets;
use crate::api::request_log::RequestLog;
use crate::api::{SharedApi, SharedCountryData};
use crate::config::Config;
use crate::domain::account::field::Field;
use crate::domain::commerce::choice::ProductDetails;
use crate::domain::country::country_rules::CountryRules;
use crate::domain::wizard::steps::Step;
use crate::ui::common::effect::effect;
use crate::ui::common::intl::format_number;
use crate::ui::common::set_if_changed::set_if_changed;
use crate::ui::embed::scope::{use_scope, Scope};
use crate::ui::i18n::{use_i18n, I18n, Locale, Text};
use crate::ui::pages::account_info::page::AccountPage;
use crate::ui::pages::done::page::DonePage;
use crate::ui::pages::relationship::page::RelationshipPage;
use crate::ui::pages::review::page::ReviewPage;
use crate::ui::pages::subscriptions::page::SubscriptionsPage;
use crate::ui::state::account::{AccountState, CountryFile};
use crate::ui::state::account_form::AccountForm;
use crate::ui::state::catalog::{CatalogState, ProductsResource};
use crate::ui::state::prices::PricesState;
use crate::ui::state::resellers::ResellerOption;
use crate::ui::state::resellers::{ResellerList, ResellerState};
use crate::ui::state::submit::SubmitState;
use crate::ui::state::wizard::WizardContext;
use crate::ui::state::wizard_state::WizardState;
use crate::ui::wizard::draft_store::keep_draft;
use crate::ui::wizard::job_store::keep_job;
use crate::ui::wizard::page_history::follow_page_history;
use crate::ui::wizard::request_log_panel::RequestLogPanel;
use crate::ui::wizard::step_indicator::StepIndicator;
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::json;
use std::sync::Arc;

/// The chosen country's data file, fetched when the country changes.
fn country_file(form: AccountForm, data: SharedCountryData) -> CountryFile {
    let country = form.text(Field::Country);
    LocalResource::new(move || {
        let iso2 = country.get();
        let data = data.clone();
        async move {
            if iso2.is_empty() {
                return None;
            }
            Some(data.country(&iso2).await)
        }
    })
}

/// The chosen country's rules: the endpoint's answer merged over the country's data file, and
/// either alone until (or unless) the other arrives.
fn country_rules(form: AccountForm, api: SharedApi, file: CountryFile) -> Memo<CountryRules> {
    let country = form.text(Field::Country);
    let answer = LocalResource::new(move || {
        let iso2 = country.get();
        let api = api.clone();
        async move {
            if iso2.is_empty() {
                return None;
            }
            api.country_rules(&iso2).await.ok().flatten().map(|rules| (iso2, rules))
        }
    });
    Memo::new(move |_| {
        let iso2 = country.get();
        let data = file
            .get()
            .flatten()
            .and_then(Result::ok)
            .filter(|rules| rules.iso2_code.as_deref() == Some(iso2.as_str()))
            .unwrap_or_default();
        match answer.get().flatten() {
            Some((answered, rules)) if answered == iso2 => rules.merged_over(data),
            _ => data,
        }
    })
}

/// The chosen country's products, loaded when the country changes.
fn country_products(form: AccountForm, api: SharedApi, i18n: I18n) -> ProductsResource {
    let country = form.text(Field::Country);
    LocalResource::new(move || {
        let country = country.get();
        let api = api.clone();
        // The catalog comes in the language the wizard had when the country was chosen: a
        // language switch does not reload it (and lose nothing chosen).
        let locale = i18n.0.get_untracked().region_tag();
        async move {
            if country.is_empty() {
                return Ok(Arc::new(Vec::new()));
            }
            Ok(Arc::new(api.products(&country, locale).await?))
        }
    })
}

/// Loads a product's SKUs, then each SKU's availabilities, in the chosen country.
fn product_loader(form: AccountForm, api: SharedApi, i18n: I18n) -> impl Fn(CatalogState, String) + 'static {
    move |catalog: CatalogState, product_id: String| {
        let (api, country) = (api.clone(), form.text(Field::Country).get_untracked());
        let locale = i18n.0.get_untracked().region_tag();
        spawn_local(async move {
            let result = async {
                let skus = api.skus(&product_id, &country, locale).await?;
                let availabilities = futures::future::join_all(
                    skus.iter().map(|sku| api.availabilities(&product_id, &sku.id, &country, locale)),
                )
                .await;
                let mut options = Vec::new();
                for (sku, availabilities) in skus.into_iter().zip(availabilities) {
                    options.push((sku, availabilities?));
                }
                Ok(ProductDetails::new(options))
            }
            .await;
            // The country may have changed meanwhile: those details are not this catalog's.
            if form.text(Field::Country).try_get_untracked().as_deref() == Some(country.as_str()) {
                catalog.loaded(&product_id, result);
            }
        });
    }
}

/// Keeps the chosen products' details loaded (a restored draft's too), and forgets them all
/// when the country changes.
fn keep_details(state: WizardState) {
    let catalog = state.catalog;
    let country = state.account.form.text(Field::Country);
    Effect::new(move |previous: Option<String>| {
        let country = country.get();
        if previous.is_some_and(|previous| previous != country) {
            catalog.details.set(Default::default());
        }
        country
    });
    effect(move || {
        if catalog.products.with(|products| !matches!(products, Some(Ok(_)))) {
            return;
        }
        let wanted: Vec<String> =
            catalog.chosen.with(|chosen| chosen.iter().map(|line| line.product_id.clone()).collect());
        for product_id in wanted {
            let missing = catalog.details.with_untracked(|details| !details.contains_key(&product_id));
            if missing {
                catalog.load(&product_id);
            }
        }
    });
}

/// An indirect provider's resellers, each with its partner-agreement status.
fn reseller_list(api: SharedApi) -> ResellerList {
    LocalResource::new(move || {
        let api = api.clone();
        async move {
            let resellers = api.resellers().await?;
            let statuses = futures::future::join_all(
                resellers.iter().map(|reseller| api.reseller_agreement_signed(&reseller.mpn_id)),
            )
            .await;
            Ok(resellers
                .into_iter()
                .zip(statuses)
                .map(|(reseller, signed)| ResellerOption { reseller, signed: signed.unwrap_or(false) })
                .collect())
        }
    })
}

/// The UI language: the host's `data-locale`, else the page's `lang`, else the browser's
/// languages in order of preference; English where none of them is English or Russian.
pub fn initial_locale(config: &Config) -> Locale {
    let window = web_sys::window();
    let page = window
        .as_ref()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element())
        .and_then(|root| root.get_attribute("lang"));
    let browser: Vec<String> = window
        .map(|window| window.navigator().languages().iter().filter_map(|tag| tag.as_string()).collect())
        .unwrap_or_default();
    config
        .locale
        .iter()
        .chain(page.iter())
        .chain(browser.iter())
        .find_map(|tag| Locale::from_tag(tag))
        .unwrap_or_default()
}

/// The switch between the UI languages: each button names its language in itself.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="language-switch" part="language-switch" role="group" aria-label=i18n.text(Text::Language)>
            {Locale::ALL
                .into_iter()
                .map(|locale| {
                    view! {
                        <button
                            type="button"
                            class="language-option"
                            lang=locale.tag()
                            aria-pressed=move || if i18n.locale() == locale { "true" } else { "false" }
                            on:click=move |_| i18n.0.set(locale)
                        >
                            {locale.own_name()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// Says where the user is on each step change. Standalone, the page's title says it ("Review —
/// Add customer, step 3 of 4"); embedded, the host's title is not the wizard's to change, so a
/// polite live region says it instead. Hosts hear of it as `add-customer:step`.
fn announce_steps(step: Memo<Step>, standalone: bool) -> Signal<String> {
    let i18n = use_i18n();
    let scope = use_scope();
    let announcement = RwSignal::new(String::new());
    Effect::new(move |previous: Option<Step>| {
        let current = step.get();
        let messages = i18n.messages();
        let total = Step::ALL.len();
        if standalone {
            if let Some(document) = web_sys::window().and_then(|window| window.document()) {
                document.set_title(&messages.page_title(current, current.number(), total));
            }
        } else if previous.is_some_and(|previous| previous != current) {
            announcement.set(format!(
                "{}: {}",
                messages.step_count(current.number(), total),
                messages.step_name(current)
            ));
        }
        if previous.is_some_and(|previous| previous != current) {
            scope.emit("step", &json!({"step": current.key(), "number": current.number()}));
        }
        current
    });
    announcement.into()
}

/// The language as one wizard's pages read it: its own signal, following the app's. A signal
/// keeps an entry for every reader it ever had, even once the reader is disposed, for as long as
/// it lives; the pages' texts read the language, so the app's own signal would grow with every
/// page shown. This one goes with its wizard, and the app's has one reader per wizard.
///
/// It is set only when the language changes: set again on the effect's first run, it would
/// have every text of the first page (the country list among them) worked out twice.
fn wizard_language(app: I18n) -> I18n {
    let locale = RwSignal::new(app.0.get_untracked());
    effect(move || set_if_changed(locale, app.locale()));
    I18n(locale)
}

/// One wizard, from an empty Account info page to Done.
#[component]
fn WizardRun(
    config: Config,
    api: SharedApi,
    country_data: SharedCountryData,
    prices: SharedPriceSheets,
    restart: Callback<()>,
    /// The app's language (not found by context: a wizard before this one may have left its
    /// own in the same place).
    app_language: I18n,
) -> impl IntoView {
    provide_context(wizard_language(app_language));
    let form = AccountForm::new(config.country.clone(), &config.prefill);
    let country_file = country_file(form, country_data);
    let rules = country_rules(form, api.clone(), country_file);
    let products = country_products(form, api.clone(), use_i18n());
    let loader = product_loader(form, api.clone(), use_i18n());
    let resellers = config.indirect.then(|| reseller_list(api.clone()));
    let wizard = WizardContext::new(config, api, restart);
    let state = WizardState {
        wizard,
        account: AccountState::new(form, country_file, rules, wizard.config),
        catalog: CatalogState::new(products, loader),
        prices: PricesState::new(prices, form.text(Field::Country).into()),
        resellers: ResellerState::new(resellers),
        submit: SubmitState::new(),
    };
    state.provide();
    keep_draft(state);
    keep_details(state);
    keep_job(state);
    follow_page_history(state);
    let step = Memo::new(move |_| state.wizard.position.get().step());
    let relationship = Memo::new(move |_| state.wizard.relationship_request.get());
    let announcement = announce_steps(step, state.wizard.config.with_value(|config| config.standalone));
    view! {
        <Show when=move || !relationship.get()>
            <StepIndicator current=step />
        </Show>
        <p class="visually-hidden" aria-live="polite">{announcement}</p>
        <div class="page" part="page">
            {move || match (relationship.get(), step.get()) {
                (true, _) => view! { <RelationshipPage /> }.into_any(),
                (false, Step::AccountInfo) => view! { <AccountPage /> }.into_any(),
                (false, Step::Subscriptions) => view! { <SubscriptionsPage /> }.into_any(),
                (false, Step::Review) => view! { <ReviewPage /> }.into_any(),
                (false, Step::Done) => view! { <DonePage /> }.into_any(),
            }}
        </div>
    }
}

/// The whole wizard.
#[component]
pub fn App(
    config: Config,
    api: SharedApi,
    country_data: SharedCountryData,
    /// The partner's price lists, where the host gives one (or the demo has its own).
    #[prop(optional)]
    prices: SharedPriceSheets,
    /// The element the wizard is mounted in.
    root: web_sys::HtmlElement,
    /// The UI language, which the host may change.
    locale: ArcRwSignal<Locale>,
    /// The request log, where the host asked for it.
    log: Option<RequestLog>,
) -> impl IntoView {
    let i18n = I18n(RwSignal::from(locale));
    provide_context(i18n);
    provide_context(Scope::new(root));
    let banner = {
        let (endpoint, generated) = (config.api_base.clone(), config.demo_offers);
        move || {
            let locale = i18n.locale();
            let generated = generated.map(|count| format_number(count as u64, locale));
            locale.messages().backend_banner(endpoint.as_deref(), generated.as_deref())
        }
    };
    let run = RwSignal::new(0u32);
    let restart = Callback::new(move |()| run.update(|run| *run += 1));
    let config = StoredValue::new(config);
    let api = StoredValue::new_local(api);
    let country_data = StoredValue::new_local(country_data);
    let prices = StoredValue::new_local(prices);
    view! {
        <div class="wizard" part="wizard" lang=move || i18n.locale().tag()>
            <div class="wizard-bar">
                <p class="backend-banner" part="banner">{banner}</p>
                <LanguageSwitch />
            </div>
            {move || {
                run.track();
                view! {
                    <WizardRun config=config.get_value() api=api.get_value() country_data=country_data.get_value() prices=prices.get_value() restart app_language=i18n />
                }
            }}
            {log.map(|log| view! { <RequestLogPanel log /> })}
        </div>
    }
}
