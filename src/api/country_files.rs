//! The country data files beside the app (`countries/<ISO2>.json`), fetched when a country is
//! chosen and kept for the page's life, so that 248 countries' rules do not weigh on the start.

use crate::api::http::get_text;
use crate::api::{ApiError, ApiFuture, CountryData};
use crate::domain::country::countries::read_country_data;
use crate::domain::country::country_rules::CountryRules;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// Reads country files under `base`, the URL of the folder that holds the app's files.
pub struct CountryFiles {
    base: String,
    loaded: Rc<RefCell<HashMap<String, CountryRules>>>,
}

impl CountryFiles {
    /// Files under `base` (ending in `/`, e.g. `https://cdn.example.com/add-customer/`).
    pub fn new(base: &str) -> Self {
        let base = if base.ends_with('/') { base.to_string() } else { format!("{base}/") };
        Self { base, loaded: Rc::default() }
    }
}

impl CountryData for CountryFiles {
    fn country(&self, iso2: &str) -> ApiFuture<CountryRules> {
        let (iso2, loaded) = (iso2.to_string(), self.loaded.clone());
        let url = format!("{}countries/{iso2}.json", self.base);
        Box::pin(async move {
            if let Some(rules) = loaded.borrow().get(&iso2) {
                return Ok(rules.clone());
            }
            let is_code = iso2.len() == 2 && iso2.bytes().all(|byte| byte.is_ascii_uppercase());
            if !is_code {
                return Err(ApiError::Malformed(format!("no country \"{iso2}\"")));
            }
            let text = get_text(&url).await?;
            let rules = read_country_data(&text).map_err(ApiError::Malformed)?;
            loaded.borrow_mut().insert(iso2, rules.clone());
            Ok(rules)
        })
    }
}
