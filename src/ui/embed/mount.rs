//! Mounting the wizard into a host element: into the element's shadow root, with the app's own
//! stylesheet, so that the host page's CSS cannot reach in and the wizard's cannot leak out.
//!
//! The options come from the host: the attributes of `<add-customer-wizard>` (`api-base`), the
//! `data-` attributes of a marked element (`data-api-base`), and the properties of the options
//! object given to `mount()` (`apiBase`), which win. The object also takes what attributes cannot
//! carry:
//! - `prefill`: the form's starting values by field, e.g. `{companyName: "…", city: "…"}`;
//! - `theme`: CSS custom properties for the host element, e.g. `{"--ac-accent": "#c00"}`;
//! - `getAccessToken`: an async function answering the bearer token for the endpoint; it is
//!   called before the calls and again, with `{forceRefresh: true}`, after a 401. The token is
//!   never stored.

use crate::api::country_files::CountryFiles;
use crate::api::demo::products::{DEMO_PRICE_SHEET_FILE, RECORDED_US_PRODUCTS_FILE};
use crate::api::demo::DemoApi;
use crate::api::demo::DemoCatalog;
use crate::api::http::{AccessToken, HttpApi};
use crate::api::price_sheets::PriceSheets;
use crate::api::request_log::RequestLog;
use crate::api::{SharedApi, SharedCountryData};
use crate::config::{Config, UrlParameters};
use crate::ui::embed::prerendered::{self, Carried};
use crate::ui::embed::scope::emit_on;
use crate::ui::i18n::Locale;
use crate::ui::state::account_form::TEXT_FIELDS;
use crate::ui::wizard::shell::{initial_locale, App};
use leptos::prelude::*;
use serde_json::json;
use std::any::Any;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The selector of the elements the demo page mounts wizards into.
pub const MOUNT_SELECTOR: &str = "[data-add-customer]";

/// The tag of the custom element, whose attributes carry the options without `data-`.
const CUSTOM_ELEMENT: &str = "ADD-CUSTOMER-WIZARD";

/// The page URL's configuration parameters.
fn url_parameters() -> UrlParameters {
    let parameters = web_sys::window()
        .and_then(|window| window.location().search().ok())
        .and_then(|search| web_sys::UrlSearchParams::new_with_str(&search).ok());
    let get = |name| parameters.as_ref().and_then(|parameters| parameters.get(name));
    UrlParameters {
        api: get("api"),
        demo_offers: get("demo-offers"),
        demo_review: get("demo-review"),
        indirect: get("indirect"),
        locale: get("lang"),
        price_sheet: get("price-sheet"),
        timeout: get("timeout"),
        log: parameters.as_ref().is_some_and(|parameters| parameters.has("log")),
    }
}

/// `api-base` → `apiBase`.
fn camel_case(name: &str) -> String {
    let mut parts = name.split('-');
    let first = parts.next().unwrap_or_default().to_string();
    parts.fold(first, |mut camel, part| {
        let mut chars = part.chars();
        if let Some(initial) = chars.next() {
            camel.push(initial.to_ascii_uppercase());
            camel.push_str(chars.as_str());
        }
        camel
    })
}

/// An option as text: strings as they are, numbers and booleans written out, arrays joined by
/// commas; `None` where it is absent, `null`, `undefined` or a function.
fn option_text(value: &JsValue) -> Option<String> {
    if value.is_undefined() || value.is_null() || value.is_function() {
        return None;
    }
    if let Some(text) = value.as_string() {
        return Some(text);
    }
    if let Some(flag) = value.as_bool() {
        return Some(flag.to_string());
    }
    if value.as_f64().is_some() {
        // Written as JavaScript writes it (and without Rust's float formatting in the wasm).
        return value.unchecked_ref::<js_sys::Number>().to_string_with_radix(10).ok().map(String::from);
    }
    if js_sys::Array::is_array(value) {
        let items: Vec<String> = js_sys::Array::from(value).iter().filter_map(|item| option_text(&item)).collect();
        return Some(items.join(","));
    }
    None
}

/// One property of a JS object.
fn property(object: &JsValue, name: &str) -> JsValue {
    if object.is_object() {
        js_sys::Reflect::get(object, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    }
}

/// The configuration of a wizard on `host`, from its attributes and `options`.
fn config_of(host: &web_sys::HtmlElement, options: &JsValue) -> Config {
    let custom = host.tag_name().eq_ignore_ascii_case(CUSTOM_ELEMENT);
    let option = |name: &str| {
        option_text(&property(options, &camel_case(name))).or_else(|| {
            let attribute = if custom { name.to_string() } else { format!("data-{name}") };
            host.get_attribute(&attribute)
        })
    };
    let mut config = Config::from_options(option, url_parameters());
    config.draft_key = host.id();
    let prefill = property(options, "prefill");
    config.prefill = TEXT_FIELDS
        .iter()
        .filter_map(|field| {
            let value = option_text(&property(&prefill, &camel_case(field.id())))?;
            Some((field.id().to_string(), value))
        })
        .collect();
    config
}

/// Sets the host's colour scheme and theme variables (CSSOM, which a strict CSP allows).
fn apply_theme(host: &web_sys::HtmlElement, config: &Config, options: &JsValue) {
    match &config.color_scheme {
        Some(scheme) => host.set_attribute("data-color-scheme", scheme).unwrap_or_default(),
        None => host.remove_attribute("data-color-scheme").unwrap_or_default(),
    }
    let theme = property(options, "theme");
    if !theme.is_object() {
        return;
    }
    let style = host.style();
    for key in js_sys::Object::keys(theme.unchecked_ref::<js_sys::Object>()).iter().filter_map(|key| key.as_string()) {
        if let (true, Some(value)) = (key.starts_with("--ac-"), option_text(&property(&theme, &key))) {
            let _ = style.set_property(&key, &value);
        }
    }
}

/// The back end the configuration names: the endpoint over HTTP, else the demo.
fn backend_for(config: &Config, assets: &str, token: Option<AccessToken>, log: Option<RequestLog>) -> SharedApi {
    let demo_catalog = match config.demo_offers {
        Some(count) => DemoCatalog::Generated(count),
        None => DemoCatalog::Recorded(format!("{assets}{RECORDED_US_PRODUCTS_FILE}")),
    };
    match &config.api_base {
        Some(base) => Rc::new(HttpApi::new(base, token, log, config.timeout_s)),
        None => Rc::new(DemoApi::new(demo_catalog, config.demo_review)),
    }
}

/// The price list's URL: the host's, else, on the recorded demo catalog, the demo's own.
fn price_sheet_of(config: &Config, assets: &str) -> Option<String> {
    let demo = config.api_base.is_none() && config.demo_offers.is_none();
    config.price_sheet.clone().or_else(|| demo.then(|| format!("{assets}{DEMO_PRICE_SHEET_FILE}")))
}

/// The host's shadow root, made on first mount and emptied on a later one; where the page came
/// with the wizard's first page pre-rendered in it, that page is taken over instead (see
/// [`prerendered`]), with what the user did on it.
fn shadow_root_of(host: &web_sys::HtmlElement) -> Result<(web_sys::ShadowRoot, Option<Carried>), JsValue> {
    if let Some(shadow) = host.shadow_root() {
        let carried = prerendered::take_over(&shadow);
        if carried.is_none() {
            shadow.replace_children_with_node_0();
        }
        return Ok((shadow, carried));
    }
    let shadow = host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))?;
    Ok((shadow, None))
}

/// Where the app's files are: the folder (country data, the demo's catalog) and the stylesheet,
/// whose name a release build content-hashes (`embed.js` knows it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppFiles {
    /// The URL of the folder that holds the app's files, ending in `/`.
    pub assets: String,
    /// The URL of the wizard's stylesheet.
    pub stylesheet: String,
}

/// A wizard mounted on a host element. Dropping it unmounts the wizard and frees everything it
/// held: its reactive owner, its listeners and timers.
pub struct MountedWizard {
    host: web_sys::HtmlElement,
    assets: String,
    stylesheet: String,
    options: JsValue,
    /// The configuration the wizard runs with: what an update is compared with.
    config: Config,
    locale: ArcRwSignal<Locale>,
    view: Option<Box<dyn Any>>,
}

impl MountedWizard {
    /// Mounts a wizard on `host`, configured by its attributes and `options`; `files` says where
    /// the app's files are.
    pub fn mount(host: web_sys::HtmlElement, options: JsValue, files: &AppFiles) -> Result<Self, JsValue> {
        let config = config_of(&host, &options);
        let locale = ArcRwSignal::new(Locale::default());
        let mut wizard = Self {
            host,
            assets: files.assets.clone(),
            stylesheet: files.stylesheet.clone(),
            options,
            config: config.clone(),
            locale,
            view: None,
        };
        wizard.render(config)?;
        Ok(wizard)
    }

    /// Mounts a new wizard with `config`, in place of the one there was.
    fn render(&mut self, config: Config) -> Result<(), JsValue> {
        self.view = None;
        self.config = config.clone();
        apply_theme(&self.host, &config, &self.options);
        self.locale.set(initial_locale(&config));
        let locale = self.locale.clone();
        let document = web_sys::window().and_then(|window| window.document()).ok_or("no document")?;
        let (shadow, carried) = shadow_root_of(&self.host)?;
        let root: web_sys::HtmlElement = document.create_element("div")?.unchecked_into();
        root.set_class_name("mount");
        // Shown once styled, so that the host never sees the bare markup; from then on the user
        // can use it, which the host hears as `add-customer:ready`. A pre-rendered page gives way
        // at once: its stylesheet, the same, stays, and is applied already.
        let styled = carried.as_ref().is_some_and(|carried| carried.styled);
        root.set_hidden(!styled);
        let (reveal, host) = (root.clone(), self.host.clone());
        let announce_ready = move || {
            reveal.set_hidden(false);
            // Also a User Timing mark, which DevTools, real-user monitoring and the end-to-end
            // test of the initial load read.
            if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
                let _ = performance.mark("add-customer:ready");
            }
            emit_on(&host, "ready", &json!({}));
        };
        let ready_once_built = if styled {
            Some(announce_ready)
        } else {
            let stylesheet: web_sys::HtmlLinkElement = document.create_element("link")?.unchecked_into();
            stylesheet.set_rel("stylesheet");
            stylesheet.set_href(&self.stylesheet);
            let on_load = Closure::once_into_js(announce_ready);
            stylesheet.set_onload(Some(on_load.unchecked_ref()));
            stylesheet.set_onerror(Some(on_load.unchecked_ref()));
            shadow.append_child(&stylesheet)?;
            None
        };
        shadow.append_child(&root)?;

        let token = Some(property(&self.options, "getAccessToken"))
            .filter(JsValue::is_function)
            .map(|function| AccessToken::new(function.unchecked_into()));
        let log = config.request_log.then(RequestLog::default);
        let api = backend_for(&config, &self.assets, token, log.clone());
        let country_data: SharedCountryData = Rc::new(CountryFiles::new(&self.assets));
        let prices = price_sheet_of(&config, &self.assets)
            .map(|url| Rc::new(PriceSheets::new(&url, config.timeout_s, log.clone())));
        // What the user typed on a pre-rendered page starts the form, over the host's prefill;
        // it is not the configuration the wizard runs with (an update compares with that).
        let mut config = config;
        if let Some(carried) = &carried {
            config.prefill.extend(carried.entries.iter().cloned());
        }
        let (mount_root, live_root) = (root.clone(), root.clone());
        let handle = leptos::mount::mount_to(
            root,
            move || view! { <App config api country_data prices root=mount_root log locale=locale.clone() /> },
        );
        self.view = Some(Box::new(handle));
        // After the effects the mount queued: the fields hold their values by then, so that
        // the caret put back stays. A microtask: no keystroke can come in between.
        if let Some(carried) = carried {
            queue_microtask(move || {
                carried.replay(&live_root);
                if let Some(announce_ready) = ready_once_built {
                    announce_ready();
                }
            });
        }
        Ok(())
    }

    /// Takes new options, merged over the ones it has: the language and the theme change in
    /// place; any other change starts a new wizard with them.
    pub fn update(&mut self, options: JsValue) -> Result<(), JsValue> {
        let merged = js_sys::Object::assign(&js_sys::Object::new(), &self.options.clone().unchecked_into());
        let merged: JsValue = js_sys::Object::assign(&merged, &options.unchecked_into()).into();
        // Compared with the configuration the wizard runs with, not one read again now: the
        // custom element's attributes may be what changed.
        let after = config_of(&self.host, &merged);
        self.options = merged;
        let same_but_look = Config { locale: None, color_scheme: None, ..self.config.clone() }
            == Config { locale: None, color_scheme: None, ..after.clone() };
        if same_but_look && self.view.is_some() {
            apply_theme(&self.host, &after, &self.options);
            if let Some(locale) = after.locale.as_deref().and_then(Locale::from_tag) {
                self.locale.set(locale);
            }
            self.config = after;
            Ok(())
        } else {
            self.render(after)
        }
    }
}

impl Drop for MountedWizard {
    fn drop(&mut self) {
        self.view = None;
        if let Some(shadow) = self.host.shadow_root() {
            shadow.replace_children_with_node_0();
        }
    }
}

/// Mounts a wizard, for the life of the page, into every `[data-add-customer]` element of the
/// page (the demo page's form); `files` says where the app's files are.
pub fn mount_on_page(files: &AppFiles) {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else { return };
    let Ok(elements) = document.query_selector_all(MOUNT_SELECTOR) else { return };
    for index in 0..elements.length() {
        let element = elements.item(index).and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            match MountedWizard::mount(element, JsValue::UNDEFINED, files) {
                Ok(wizard) => std::mem::forget(wizard),
                Err(error) => web_sys::console::error_2(&"add-customer: could not mount".into(), &error),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::camel_case;

    #[test]
    fn option_names_in_camel_case() {
        assert_eq!(camel_case("api-base"), "apiBase");
        assert_eq!(camel_case("partner-mpn-id"), "partnerMpnId");
        assert_eq!(camel_case("locale"), "locale");
        assert_eq!(camel_case("address-line1"), "addressLine1");
    }
}
