//! The built-in demo back end: answers every call inside the browser, from the project's own
//! data, after a realistic delay. It makes the app work from `trunk serve` or any static host
//! with no server at all.

use super::{ApiFuture, DomainAvailability, PartnerApi};
use crate::domain::builtin_countries::builtin_rules;
use crate::domain::country_rules::CountryRules;
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;

/// Initial domains that the demo reports as taken, as well-known sample tenants are.
const TAKEN_PREFIXES: [&str; 8] = [
    "contoso",
    "fabrikam",
    "northwind",
    "adventureworks",
    "litware",
    "tailspintoys",
    "wideworldimporters",
    "woodgrove",
];

/// The demo back end. Cheap to clone; clones share their state.
#[derive(Clone)]
pub struct DemoApi {
    taken_domains: Rc<RefCell<BTreeSet<String>>>,
}

impl DemoApi {
    /// A demo back end with the sample tenants' domains taken.
    pub fn new() -> Self {
        let taken = TAKEN_PREFIXES
            .iter()
            .map(|prefix| format!("{prefix}.onmicrosoft.com"))
            .collect();
        Self {
            taken_domains: Rc::new(RefCell::new(taken)),
        }
    }
}

impl Default for DemoApi {
    fn default() -> Self {
        Self::new()
    }
}

/// Waits `millis` milliseconds on the browser's timer, as a network round trip would.
async fn latency(millis: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, millis);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// A delay between `min` and `max` milliseconds.
fn jitter(min: i32, max: i32) -> i32 {
    min + (js_sys::Math::random() * f64::from(max - min)) as i32
}

impl PartnerApi for DemoApi {
    fn country_rules(&self, iso2: &str) -> ApiFuture<Option<CountryRules>> {
        let rules = builtin_rules(iso2);
        Box::pin(async move {
            latency(jitter(80, 250)).await;
            Ok(rules)
        })
    }

    fn domain_availability(&self, domain: &str) -> ApiFuture<DomainAvailability> {
        let taken = self
            .taken_domains
            .borrow()
            .contains(&domain.to_ascii_lowercase());
        Box::pin(async move {
            latency(jitter(150, 450)).await;
            Ok(if taken {
                DomainAvailability::Taken
            } else {
                DomainAvailability::Free
            })
        })
    }
}
