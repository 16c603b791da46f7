//! Mounting the wizard into the host page.

use super::app::App;
use crate::api::country_files::CountryFiles;
use crate::api::demo::DemoApi;
use crate::api::http::HttpApi;
use crate::api::SharedApi;
use crate::config::{Config, UrlParameters};
use leptos::prelude::*;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// The selector of the element the page mounts the wizard into.
pub const MOUNT_SELECTOR: &str = "[data-add-customer]";

/// The page URL's configuration parameters.
fn url_parameters() -> UrlParameters {
    let parameters = web_sys::window()
        .and_then(|window| window.location().search().ok())
        .and_then(|search| web_sys::UrlSearchParams::new_with_str(&search).ok());
    let get = |name| parameters.as_ref().and_then(|parameters| parameters.get(name));
    UrlParameters { api: get("api"), demo_offers: get("demo-offers"), indirect: get("indirect"), locale: get("lang") }
}

/// The back end the configuration names: the endpoint over HTTP, else the demo.
pub fn backend_for(config: &Config) -> SharedApi {
    match &config.api_base {
        Some(base) => Rc::new(HttpApi::new(base)),
        None => Rc::new(DemoApi::new(config.demo_offers)),
    }
}

/// Mounts a wizard into `element`, configured by its attributes, replacing what it held (the
/// host's "loading" or no-script text). `assets` is the URL of the folder that holds the app's
/// files (its country data). The returned handle unmounts it when dropped.
pub fn mount_into(
    element: web_sys::HtmlElement,
    assets: &str,
) -> leptos::mount::UnmountHandle<impl leptos::tachys::view::Mountable> {
    let config = Config::from_attributes(|name| element.get_attribute(name), url_parameters());
    let api = backend_for(&config);
    let country_data: crate::api::SharedCountryData = Rc::new(CountryFiles::new(assets));
    element.replace_children_with_node_0();
    leptos::mount::mount_to(element, move || view! { <App config api country_data /> })
}

/// Mounts the wizard into the page's `[data-add-customer]` element, for the life of the page.
/// `assets` is the URL of the folder that holds the app's files.
pub fn mount_on_page(assets: &str) {
    let element = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.query_selector(MOUNT_SELECTOR).ok().flatten())
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    match element {
        Some(element) => mount_into(element, assets).forget(),
        None => web_sys::console::error_1(&format!("add-customer: no {MOUNT_SELECTOR} element on the page").into()),
    }
}
