//! The built-in demo back end: answers every call inside the browser, from the project's own
//! data, after a realistic delay. It makes the app work from `trunk serve` or any static host
//! with no server at all.

use crate::api::guid::new_guid;
use crate::api::http::get_text;
use crate::api::pause::pause;
use crate::api::{ApiError, ApiFuture, DomainAvailability, PartnerApi};
use crate::domain::account::address_check::{AddressValidation, PostalAddress};
use crate::domain::account::reseller::Reseller;
use crate::domain::commerce::cart::Cart;
use crate::domain::commerce::catalog::{Availability, Product, Sku};
use crate::domain::commerce::checkout::{CheckoutResult, ValidationStatus};
use crate::domain::commerce::qualification::{CustomerQualification, QualificationRequest};
use crate::domain::common::letter_case::lower_case;
use crate::domain::country::country_rules::CountryRules;
use crate::domain::requests::agreement_request::AgreementAttestation;
use crate::domain::requests::customer_request::{CreatedCompanyProfile, CreatedCustomer, NewCustomer, UserCredentials};
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;

pub mod products;

use products::{DemoProducts, DemoStore, Refusal};

/// Where the demo's products come from.
#[derive(Clone, Debug, PartialEq)]
pub enum DemoCatalog {
    /// The recorded US catalog, from its file at this URL.
    Recorded(String),
    /// A generated catalog of this many products.
    Generated(usize),
}

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

/// The demo's resellers: `(tenant id, name, MPN id, country, signed the partner agreement)`.
const RESELLERS: [(&str, &str, &str, &str, bool); 9] = [
    ("484e548c-f5f3-4528-93a9-c16c6373cb59", "First Up Consultants", "4847383", "US", true),
    ("b01b1487-b36e-4e6d-9b5e-0b58974c4b28", "ReleCloud", "4847433", "BR", true),
    ("5d2a8f10-3c41-4e7b-9a55-1f0c7d2e6b01", "Fourth Coffee IT", "5120871", "DE", true),
    ("5d2a8f10-3c41-4e7b-9a55-1f0c7d2e6b02", "Nordlys Cloud AB", "5120872", "SE", true),
    ("5d2a8f10-3c41-4e7b-9a55-1f0c7d2e6b03", "Alpenblick Informatik", "5120873", "CH", true),
    ("5d2a8f10-3c41-4e7b-9a55-1f0c7d2e6b04", "Lucerne Publishing Services", "5120874", "FR", true),
    ("5d2a8f10-3c41-4e7b-9a55-1f0c7d2e6b05", "Trey Research Polska", "5120875", "PL", true),
    ("5d2a8f10-3c41-4e7b-9a55-1f0c7d2e6b06", "Coho Systems Iberia", "5120876", "ES", true),
    ("5d2a8f10-3c41-4e7b-9a55-1f0c7d2e6b07", "Tailwind Traders Reseller", "5120877", "GB", false),
];

/// Corrects a known-bad address.
type Correction = fn(&PostalAddress) -> PostalAddress;

/// The demo's known-bad addresses, to show "did you mean": an address whose first line (in any
/// letter case) is one of these gets the correction, in the country given.
const ADDRESS_CORRECTIONS: [(&str, &str, Correction); 3] = [
    ("1 microsoft wy", "US", |typed| PostalAddress {
        address_line1: "1 Microsoft Way".into(),
        city: "Redmond".into(),
        state: "WA".into(),
        postal_code: "98052-6399".into(),
        ..typed.clone()
    }),
    ("10 downing st", "GB", |typed| PostalAddress {
        address_line1: "10 Downing Street".into(),
        city: "London".into(),
        postal_code: "SW1A 2AA".into(),
        ..typed.clone()
    }),
    ("1 red square", "RU", |typed| PostalAddress {
        address_line1: "Красная площадь, 1".into(),
        city: "Москва".into(),
        state: "MOW".into(),
        postal_code: "109012".into(),
        ..typed.clone()
    }),
];

/// The demo's pre-check: its known-bad addresses get a correction; a first line of "nowhere"
/// cannot be verified; every other address passes.
fn check_address(typed: &PostalAddress) -> AddressValidation {
    let line = lower_case(typed.address_line1.trim());
    let correction = ADDRESS_CORRECTIONS
        .iter()
        .find(|(bad, country, _)| line == *bad && typed.country == *country)
        .map(|(_, _, correct)| correct(typed));
    let (status, message) = match (&correction, line.contains("nowhere")) {
        (Some(_), _) => ("InteractionRequired", "The street or the postal code looks wrong."),
        (None, true) => ("None", "This street was not found in this city."),
        (None, false) => ("Verified", ""),
    };
    AddressValidation {
        original_address: Some(typed.clone()),
        suggested_addresses: correction.into_iter().collect(),
        status: status.into(),
        validation_message: Some(message.into()).filter(|message: &String| !message.is_empty()),
    }
}

/// The Microsoft Customer Agreement template id the demo answers.
const TEMPLATE_ID: &str = "117a77b0-9360-443b-8795-c6dedc750cf9";

/// The demo back end. Cheap to clone; clones share their state.
#[derive(Clone)]
pub struct DemoApi {
    taken_domains: Rc<RefCell<BTreeSet<String>>>,
    /// Where the recorded products are fetched from (a generated catalog is here from the start).
    catalog_url: Rc<str>,
    /// The products: not yet asked for, on their way, or here.
    catalog: Rc<RefCell<CatalogState>>,
    /// The carts, orders and account verifications.
    store: Rc<RefCell<DemoStore>>,
    /// The customers whose agreement was attested (the others cannot check out yet).
    attested: Rc<RefCell<BTreeSet<String>>>,
}

/// Where the demo's products are.
#[derive(Clone, Default)]
enum CatalogState {
    /// Not asked for yet, or the last fetch failed.
    #[default]
    Absent,
    /// Being fetched by an earlier call.
    Fetching,
    /// Here.
    Loaded(Rc<DemoProducts>),
}

/// Sets the catalog back to absent when dropped before it was loaded.
struct AbsentUnlessLoaded(Rc<RefCell<CatalogState>>);

impl Drop for AbsentUnlessLoaded {
    fn drop(&mut self) {
        let mut state = self.0.borrow_mut();
        if matches!(*state, CatalogState::Fetching) {
            *state = CatalogState::Absent;
        }
    }
}

/// A refusal of the demo store as the endpoint's error answer.
fn refused((status, code, description): Refusal) -> ApiError {
    ApiError::from_status(
        status,
        &serde_json::json!({"code": code, "description": description, "source": "Demo"}).to_string(),
    )
}

impl DemoApi {
    /// A demo back end with the sample tenants' domains taken, selling the products of
    /// `source`: the recorded US catalog, or a generated one (to see and measure the wizard at
    /// scale). With `review`, each new customer's account is under review at first (the
    /// demo's `?demo-review=1`), so that the wait and Check again can be seen.
    pub fn new(source: DemoCatalog, review: bool) -> Self {
        // Inserted one by one: collecting into a set would sort, and put another sort in the wasm.
        let mut taken = BTreeSet::new();
        for prefix in TAKEN_PREFIXES {
            taken.insert(format!("{prefix}.onmicrosoft.com"));
        }
        let (catalog_url, catalog) = match source {
            DemoCatalog::Generated(count) => {
                (Rc::from(""), CatalogState::Loaded(Rc::new(DemoProducts::generated(count))))
            }
            DemoCatalog::Recorded(url) => (Rc::from(url), CatalogState::Absent),
        };
        Self {
            taken_domains: Rc::new(RefCell::new(taken)),
            catalog_url,
            catalog: Rc::new(RefCell::new(catalog)),
            store: Rc::new(RefCell::new(DemoStore::new(review, new_guid))),
            attested: Rc::new(RefCell::new(BTreeSet::new())),
        }
    }

    /// The products, fetched on first use when they are the recorded ones, then after a delay
    /// between `min` and `max` milliseconds, `answer` made of them. Calls made while the file
    /// is on its way wait for that fetch rather than fetching it again.
    fn with_catalog<T: 'static>(
        &self,
        min: i32,
        max: i32,
        answer: impl FnOnce(&DemoProducts) -> Result<T, ApiError> + 'static,
    ) -> ApiFuture<T> {
        let (cache, url) = (self.catalog.clone(), self.catalog_url.clone());
        Box::pin(async move {
            let catalog = loop {
                let state = cache.borrow().clone();
                match state {
                    CatalogState::Loaded(catalog) => break catalog,
                    CatalogState::Fetching => pause(20).await,
                    CatalogState::Absent => {
                        *cache.borrow_mut() = CatalogState::Fetching;
                        // Back to absent if this fetch fails or is dropped half-way (the country
                        // changed), so that a later call fetches again instead of waiting.
                        let _fetching = AbsentUnlessLoaded(cache.clone());
                        let text = get_text(&url).await?;
                        let catalog = Rc::new(DemoProducts::read(&text).map_err(ApiError::Malformed)?);
                        *cache.borrow_mut() = CatalogState::Loaded(catalog.clone());
                        break catalog;
                    }
                }
            };
            pause(jitter(min, max) as u32).await;
            answer(&catalog)
        })
    }
}

/// A delay between `min` and `max` milliseconds.
fn jitter(min: i32, max: i32) -> i32 {
    min + (js_sys::Math::random() * f64::from(max - min)) as i32
}

/// Answers `value` after a delay between `min` and `max` milliseconds.
fn after<T: 'static>(min: i32, max: i32, value: Result<T, ApiError>) -> ApiFuture<T> {
    Box::pin(async move {
        // As a network round trip would.
        pause(jitter(min, max) as u32).await;
        value
    })
}

/// A one-time password as Partner Center makes them: 16 characters of four kinds.
fn one_time_password() -> String {
    const KINDS: [&str; 4] = ["ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnopqrstuvwxyz", "23456789", "!#$%&*+?@"];
    (0..16)
        .map(|index| {
            let kind = KINDS[index % KINDS.len()].as_bytes();
            kind[(js_sys::Math::random() * kind.len() as f64) as usize % kind.len()] as char
        })
        .collect()
}

fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

impl PartnerApi for DemoApi {
    fn country_rules(&self, iso2: &str) -> ApiFuture<Option<CountryRules>> {
        // The demo has no rules of its own: the country's data file beside the app governs.
        let _ = iso2;
        after(80, 250, Ok(None))
    }

    fn validate_address(&self, address: &PostalAddress) -> ApiFuture<Option<AddressValidation>> {
        after(150, 400, Ok(Some(check_address(address))))
    }

    fn domain_availability(&self, domain: &str) -> ApiFuture<DomainAvailability> {
        let taken = self.taken_domains.borrow().contains(&domain.to_ascii_lowercase());
        after(150, 450, Ok(if taken { DomainAvailability::Taken } else { DomainAvailability::Free }))
    }

    fn products(&self, _country: &str, _locale: &str) -> ApiFuture<Vec<Product>> {
        self.with_catalog(250, 600, |catalog| {
            Ok(catalog.products().into_iter().filter(Product::is_sold_here).collect())
        })
    }

    fn skus(&self, product_id: &str, _country: &str, _locale: &str) -> ApiFuture<Vec<Sku>> {
        let product_id = product_id.to_string();
        self.with_catalog(150, 400, move |catalog| {
            catalog.skus(&product_id).ok_or_else(|| refused((404, 400013, format!("No product {product_id}"))))
        })
    }

    fn availabilities(
        &self,
        product_id: &str,
        sku_id: &str,
        _country: &str,
        _locale: &str,
    ) -> ApiFuture<Vec<Availability>> {
        let (product_id, sku_id) = (product_id.to_string(), sku_id.to_string());
        self.with_catalog(150, 400, move |catalog| {
            catalog
                .availabilities(&product_id, &sku_id)
                .ok_or_else(|| refused((404, 400013, format!("No SKU {product_id}:{sku_id}"))))
        })
    }

    fn add_qualification(
        &self,
        customer_id: &str,
        qualification: &QualificationRequest,
        _request_id: &str,
    ) -> ApiFuture<CustomerQualification> {
        // The demo approves an education qualification at once, so that its SKUs can be bought.
        let education = qualification.qualification == "Education";
        self.store.borrow_mut().set_education(customer_id, education);
        let answer = CustomerQualification {
            qualification: qualification.qualification.clone(),
            vetting_status: if education { "Approved".into() } else { "InReview".into() },
        };
        after(300, 600, Ok(answer))
    }

    fn account_status(&self, customer_id: &str) -> ApiFuture<Option<ValidationStatus>> {
        let status = self.store.borrow_mut().account_status(customer_id);
        after(150, 350, Ok(status))
    }

    fn create_cart(&self, customer_id: &str, cart: &Cart, _request_id: &str) -> ApiFuture<Cart> {
        let (store, customer_id, cart) = (self.store.clone(), customer_id.to_string(), cart.clone());
        self.with_catalog(400, 900, move |catalog| {
            Ok(store.borrow_mut().create_cart(&customer_id, &cart, catalog, &now_iso()))
        })
    }

    fn update_cart(&self, customer_id: &str, cart_id: &str, cart: &Cart, _request_id: &str) -> ApiFuture<Cart> {
        let (store, customer_id, cart_id, cart) =
            (self.store.clone(), customer_id.to_string(), cart_id.to_string(), cart.clone());
        self.with_catalog(400, 900, move |catalog| {
            store.borrow_mut().update_cart(&customer_id, &cart_id, &cart, catalog).map_err(refused)
        })
    }

    fn checkout(&self, customer_id: &str, cart_id: &str, _request_id: &str) -> ApiFuture<CheckoutResult> {
        let answer = if self.attested.borrow().contains(customer_id) {
            self.store.borrow_mut().checkout(customer_id, cart_id).map_err(refused)
        } else {
            Err(refused((403, 13605, "The customer has not accepted the Microsoft Customer Agreement".into())))
        };
        after(600, 1200, answer)
    }

    fn create_customer(&self, customer: &NewCustomer, _request_id: &str) -> ApiFuture<CreatedCustomer> {
        let domain = customer.company_profile.domain.to_ascii_lowercase();
        let newly_taken = self.taken_domains.borrow_mut().insert(domain.clone());
        let answer = if newly_taken {
            let tenant_id = new_guid();
            Ok(CreatedCustomer {
                id: tenant_id.clone(),
                company_profile: CreatedCompanyProfile { tenant_id, domain },
                user_credentials: UserCredentials { user_name: "admin".into(), password: one_time_password() },
            })
        } else {
            Err(ApiError::from_status(
                409,
                r#"{"code":27002,"description":"The domain is already taken","data":["domain: DomainInUse"],"source":"Demo"}"#,
            ))
        };
        after(700, 1400, answer)
    }

    fn agreement_template(&self) -> ApiFuture<String> {
        after(150, 350, Ok(TEMPLATE_ID.to_string()))
    }

    fn attest_agreement(
        &self,
        customer_id: &str,
        _attestation: &AgreementAttestation,
        _request_id: &str,
    ) -> ApiFuture<()> {
        self.attested.borrow_mut().insert(customer_id.to_string());
        after(300, 700, Ok(()))
    }

    fn resellers(&self) -> ApiFuture<Vec<Reseller>> {
        let resellers = RESELLERS
            .iter()
            .map(|(id, name, mpn_id, location, _)| Reseller {
                id: id.to_string(),
                name: name.to_string(),
                mpn_id: mpn_id.to_string(),
                location: location.to_string(),
                state: "Active".into(),
            })
            .collect();
        after(200, 500, Ok(resellers))
    }

    fn reseller_agreement_signed(&self, mpn_id: &str) -> ApiFuture<bool> {
        let signed = RESELLERS.iter().any(|(_, _, id, _, signed)| *id == mpn_id && *signed);
        after(100, 300, Ok(signed))
    }

    fn correlation_id(&self) -> Option<String> {
        None
    }

    fn relationship_request(&self) -> ApiFuture<Option<String>> {
        // Like an endpoint without the call: the app builds the link from the partner id.
        after(100, 250, Ok(None))
    }
}
