//! The demo's new-commerce back end, as plain Rust that the demo wraps: the catalog of products,
//! SKUs and availabilities (the recorded US catalog, `products-US.json`, or a generated one of
//! any size), and a store of carts that validates their lines as Partner Center does, checks
//! them out into orders and answers the customer's account verification.
//!
//! No clock and no randomness here: the caller gives the time and the id maker.

// The wire types gain members as the wizard needs them: the literals below fill the rest with
// their defaults even where, today, nothing is left.
#![allow(clippy::needless_update)]

use crate::domain::commerce::cart::{Cart, CartLine, CartLineError};
use crate::domain::commerce::catalog::{
    Availability, CancellationPolicy, Currency, DynamicAttributes, Product, ProductType, RefundOption,
    RenewalInstruction, RenewalOption, Sku, Term, NEW_COMMERCE_TYPE,
};
use crate::domain::commerce::checkout::{AccountStatus, CheckoutResult, Order, OrderLine, ValidationStatus};
use crate::domain::commerce::terms::{BillingFrequency, TermDuration};
use crate::domain::common::calendar_date::CalendarDate;
use crate::domain::common::decode::decode;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

/// The file of the recorded US new-commerce catalog, beside the app (`data/products-US.json` in
/// the sources).
pub const RECORDED_US_PRODUCTS_FILE: &str = "products-US.json";

/// The demo's price list of that catalog, beside the app (`data/prices-US.csv` in the
/// repository): Partner Center's license-based price sheet format, the US market.
pub const DEMO_PRICE_SHEET_FILE: &str = "prices-US.csv";

/// How long a cart lives after it is made, in days.
pub const CART_LIFETIME_DAYS: i64 = 7;

/// The brands, products and plans the generated catalogs' names are made of.
const BRANDS: [&str; 8] =
    ["Contoso", "Fabrikam", "Northwind", "Litware", "Tailspin", "Woodgrove", "Proseware", "Adatum"];
const PRODUCT_NAMES: [&str; 10] = [
    "Cloud Suite",
    "Secure Mail",
    "Data Vault",
    "Team Rooms",
    "Analytics",
    "Backup",
    "Identity",
    "Voice",
    "Device Care",
    "Archive",
];
const PLANS: [&str; 5] = ["Basic", "Standard", "Plus", "Premium", "Ultimate"];

/// The name of the generated product at `index` (from 0), as the generated offers were named:
/// `"<Brand> <Product> <Plan><suffix> <index + 1, 5 digits>"`, where `suffix` marks an add-on
/// (`" Add-on"`) or is empty. A search for "northwind backup" finds one product in 80.
fn generated_title(index: usize, suffix: &str) -> String {
    format!(
        "{} {} {}{} {:05}",
        BRANDS[index % BRANDS.len()],
        PRODUCT_NAMES[(index / BRANDS.len()) % PRODUCT_NAMES.len()],
        PLANS[(index / 3) % PLANS.len()],
        suffix,
        index + 1
    )
}

/// A product of the recorded catalog, with its SKUs.
#[derive(Clone, Debug, PartialEq)]
struct RecordedProduct {
    product: Product,
    skus: Vec<RecordedSku>,
}

/// A SKU of the recorded catalog, with its availabilities.
#[derive(Clone, Debug, PartialEq)]
struct RecordedSku {
    sku: Sku,
    availabilities: Vec<Availability>,
}

/// Where the catalog comes from.
#[derive(Clone, Debug, PartialEq)]
enum Source {
    /// The recorded catalog, read from its file.
    Recorded(Vec<RecordedProduct>),
    /// A generated catalog of this many products, each made when asked for.
    Generated(usize),
}

/// The file's shape, read three times over: its products, their SKUs, the SKUs'
/// availabilities. Each pass reads the domain type as it is (whatever members it has), and
/// skips the rest.
#[derive(Deserialize)]
struct ProductsFile<T> {
    products: Vec<T>,
}

/// A product's SKUs in the file.
#[derive(Deserialize)]
struct WithSkus<T> {
    #[serde(default = "Vec::new")]
    skus: Vec<T>,
}

/// A SKU's availabilities in the file.
#[derive(Deserialize)]
struct WithAvailabilities {
    #[serde(default)]
    availabilities: Vec<Availability>,
}

/// The demo's new-commerce catalog. It answers every product, the ones the wizard does not
/// sell included (the caller keeps those [`Product::is_sold_here`], as the HTTP client does).
#[derive(Clone, Debug, PartialEq)]
pub struct DemoProducts {
    source: Source,
}

impl DemoProducts {
    /// The catalog of a recorded file (`{"products": [product with "skus": [SKU with
    /// "availabilities": […]]]}`), or why it does not read: a field of the wrong type, or a SKU
    /// or availability filed under another product or SKU.
    pub fn read(json: &str) -> Result<DemoProducts, String> {
        let products = decode::<ProductsFile<Product>>(json)?.products;
        let skus = decode::<ProductsFile<WithSkus<Sku>>>(json)?.products;
        let availabilities = decode::<ProductsFile<WithSkus<WithAvailabilities>>>(json)?.products;
        let recorded = products
            .into_iter()
            .zip(skus.into_iter().zip(availabilities))
            .map(|(product, (skus, availabilities))| {
                let skus = skus
                    .skus
                    .into_iter()
                    .zip(availabilities.skus)
                    .map(|(sku, availabilities)| {
                        if sku.product_id != product.id {
                            return Err(format!("SKU {} of {} names product {}", sku.id, product.id, sku.product_id));
                        }
                        let availabilities = availabilities.availabilities;
                        if let Some(stray) = availabilities
                            .iter()
                            .find(|availability| availability.product_id != product.id || availability.sku_id != sku.id)
                        {
                            return Err(format!("availability {} is not of {}", stray.id, sku.key()));
                        }
                        Ok(RecordedSku { sku, availabilities })
                    })
                    .collect::<Result<Vec<_>, String>>()?;
                Ok(RecordedProduct { product, skus })
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(DemoProducts { source: Source::Recorded(recorded) })
    }

    /// A generated catalog of `count` new-commerce products (`CFQ7TTC00001`, …), named as the
    /// generated offers were: one SKU `0001` each, 1 to 10,000 licences, every tenth product an
    /// add-on of the product before it; terms of one month billed monthly and one year billed
    /// monthly or annually. SKUs and availabilities are made when asked for.
    pub fn generated(count: usize) -> DemoProducts {
        DemoProducts { source: Source::Generated(count) }
    }

    /// Every product, the ones the wizard does not sell included.
    pub fn products(&self) -> Vec<Product> {
        match &self.source {
            Source::Recorded(products) => products.iter().map(|recorded| recorded.product.clone()).collect(),
            Source::Generated(count) => (0..*count).map(generated_product).collect(),
        }
    }

    /// The SKUs of product `product_id`; `None` for an unknown product.
    pub fn skus(&self, product_id: &str) -> Option<Vec<Sku>> {
        match &self.source {
            Source::Recorded(products) => {
                let recorded = products.iter().find(|recorded| recorded.product.id == product_id)?;
                Some(recorded.skus.iter().map(|sku| sku.sku.clone()).collect())
            }
            Source::Generated(count) => generated_index(product_id, *count).map(|index| vec![generated_sku(index)]),
        }
    }

    /// The availabilities of SKU `sku_id` of product `product_id`; `None` for an unknown
    /// product or SKU.
    pub fn availabilities(&self, product_id: &str, sku_id: &str) -> Option<Vec<Availability>> {
        match &self.source {
            Source::Recorded(products) => {
                let recorded = products.iter().find(|recorded| recorded.product.id == product_id)?;
                let sku = recorded.skus.iter().find(|sku| sku.sku.id == sku_id)?;
                Some(sku.availabilities.clone())
            }
            Source::Generated(count) => {
                let index = generated_index(product_id, *count).filter(|_| sku_id == GENERATED_SKU)?;
                Some(vec![generated_availability(index)])
            }
        }
    }

    /// The SKU and availability a cart line's `catalogItemId` (`"<product>:<sku>:<availability>"`)
    /// names; `None` when there is no such item.
    pub fn catalog_item(&self, catalog_item_id: &str) -> Option<(Sku, Availability)> {
        let mut parts = catalog_item_id.split(':');
        let (product_id, sku_id, availability_id) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        let sku = self.skus(product_id)?.into_iter().find(|sku| sku.id == sku_id)?;
        let availability = self
            .availabilities(product_id, sku_id)?
            .into_iter()
            .find(|availability| availability.id == availability_id)?;
        Some((sku, availability))
    }
}

/// The one SKU of every generated product.
const GENERATED_SKU: &str = "0001";

/// The id of the generated product at `index` (from 0).
fn generated_product_id(index: usize) -> String {
    format!("CFQ7TTC{:05}", index + 1)
}

/// The index of generated product `product_id` in a catalog of `count`.
fn generated_index(product_id: &str, count: usize) -> Option<usize> {
    let number = product_id.strip_prefix("CFQ7TTC")?;
    if number.len() < 5 || !number.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    let number: usize = number.parse().ok()?;
    (1..=count).contains(&number).then(|| number - 1)
}

/// Whether the generated product at `index` is an add-on (of the product before it).
fn generated_is_addon(index: usize) -> bool {
    index % 10 == 9
}

/// The title of the generated product at `index`.
fn generated_product_title(index: usize) -> String {
    generated_title(index, if generated_is_addon(index) { " Add-on" } else { "" })
}

/// The generated product at `index`.
fn generated_product(index: usize) -> Product {
    let title = generated_product_title(index);
    Product {
        id: generated_product_id(index),
        description: format!("{title}: a generated product of the demo's large catalog."),
        title,
        product_type: ProductType { id: NEW_COMMERCE_TYPE.into(), display_name: NEW_COMMERCE_TYPE.into() },
        ..Product::default()
    }
}

/// The SKU of the generated product at `index`.
fn generated_sku(index: usize) -> Sku {
    let is_addon = generated_is_addon(index);
    let title = generated_product_title(index);
    Sku {
        id: GENERATED_SKU.into(),
        product_id: generated_product_id(index),
        description: format!("{title}, per user."),
        title,
        minimum_quantity: 1,
        maximum_quantity: 10_000,
        is_trial: false,
        dynamic_attributes: DynamicAttributes {
            is_addon,
            prerequisite_skus: if is_addon {
                vec![format!("{}:{GENERATED_SKU}", generated_product_id(index - 1))]
            } else {
                Vec::new()
            },
            ..DynamicAttributes::default()
        },
        ..Sku::default()
    }
}

/// The terms of every generated availability: `(id prefix, duration, billing cycle, description)`.
const GENERATED_TERMS: [(&str, &str, &str, &str); 3] = [
    ("gp1mmo", "P1M", "Monthly", "One-Month commitment for monthly billing"),
    ("gp1ymo", "P1Y", "Monthly", "One-Year commitment for monthly/yearly billing"),
    ("gp1yan", "P1Y", "Annual", "One-Year commitment for monthly/yearly billing"),
];

/// The one availability of the generated product at `index`.
fn generated_availability(index: usize) -> Availability {
    let product_id = generated_product_id(index);
    let id = format!("CFQ7TTD{:05}", index + 1);
    let terms: Vec<Term> = GENERATED_TERMS
        .iter()
        .map(|(prefix, duration, billing_cycle, description)| Term {
            id: format!("{prefix}{:06}", index + 1),
            duration: (*duration).into(),
            description: (*description).into(),
            billing_cycle: (*billing_cycle).into(),
            cancellation_policies: vec![CancellationPolicy {
                refund_options: vec![RefundOption {
                    kind: "Full".into(),
                    expires_after: "P7D".into(),
                    ..RefundOption::default()
                }],
                ..CancellationPolicy::default()
            }],
            ..Term::default()
        })
        .collect();
    Availability {
        catalog_item_id: format!("{product_id}:{GENERATED_SKU}:{id}"),
        id,
        product_id,
        sku_id: GENERATED_SKU.into(),
        segment: "commercial".into(),
        default_currency: Currency { code: "USD".into(), ..Currency::default() },
        is_purchasable: true,
        is_renewable: true,
        renewal_instructions: vec![RenewalInstruction {
            applicable_term_ids: terms.iter().map(|term| term.id.clone()).collect(),
            renewal_options: vec![RenewalOption { is_auto_renewable: true, ..RenewalOption::default() }],
            ..RenewalInstruction::default()
        }],
        terms,
        ..Availability::default()
    }
}

/// A refusal as the endpoint would answer it: HTTP status, Partner Center error code, message.
pub type Refusal = (u16, i64, String);

/// A cart the store holds.
struct StoredCart {
    /// Whose it is.
    customer_id: String,
    /// The cart as last answered.
    cart: Cart,
    /// Each line's friendly name (its SKU's title), by line.
    friendly_names: Vec<String>,
    /// The first checkout's result, answered again to a repeat.
    checkout: Option<CheckoutResult>,
}

/// The demo's carts, orders and account verifications: plain state, kept by the demo back end
/// for as long as the page lives.
pub struct DemoStore {
    /// Whether new customers' accounts are under review (the demo's `?demo-review=1`).
    review: bool,
    /// Makes the ids of carts, orders and subscriptions.
    new_id: Box<dyn FnMut() -> String>,
    /// The carts, by id.
    carts: BTreeMap<String, StoredCart>,
    /// The customers whose education qualification is approved.
    education: BTreeSet<String>,
    /// How many times each customer's account status was read.
    status_reads: BTreeMap<String, u32>,
}

impl DemoStore {
    /// An empty store. With `review`, each customer's account is under review until its status
    /// has been read twice (the first read answers `UnderReview`, every later one `Allowed`);
    /// without it every account is allowed. `new_id` makes the ids of carts, orders and
    /// subscriptions.
    pub fn new(review: bool, new_id: impl FnMut() -> String + 'static) -> DemoStore {
        DemoStore {
            review,
            new_id: Box::new(new_id),
            carts: BTreeMap::new(),
            education: BTreeSet::new(),
            status_reads: BTreeMap::new(),
        }
    }

    /// Marks whether `customer_id`'s education qualification is approved: only then does it buy
    /// education-segment items.
    pub fn set_education(&mut self, customer_id: &str, approved: bool) {
        if approved {
            self.education.insert(customer_id.to_string());
        } else {
            self.education.remove(customer_id);
        }
    }

    /// `POST /v1/customers/{id}/carts`: the cart made of `cart`'s lines, created at `now_iso`
    /// (an ISO 8601 time, `2026-07-14T18:02:00.000Z`), `Active`, expiring seven days later.
    /// Each line is checked as Partner Center does: a refused line carries its `error`, every
    /// other its `orderGroup` (one group per billing cycle, numbered from "0" in the order the
    /// cycles first appear).
    pub fn create_cart(&mut self, customer_id: &str, cart: &Cart, catalog: &DemoProducts, now_iso: &str) -> Cart {
        let (line_items, friendly_names) = self.checked_lines(customer_id, &cart.line_items, catalog);
        let answer = Cart {
            id: (self.new_id)(),
            line_items,
            status: "Active".into(),
            expiration_timestamp: days_later(now_iso, CART_LIFETIME_DAYS),
            ..cart.clone()
        };
        let stored =
            StoredCart { customer_id: customer_id.to_string(), cart: answer.clone(), friendly_names, checkout: None };
        self.carts.insert(answer.id.clone(), stored);
        answer
    }

    /// `PUT /v1/customers/{id}/carts/{cartId}`: the cart with its lines replaced by `cart`'s, and
    /// checked again; its id, status and expiry stay. Refused: 404 `800008` for a cart this
    /// customer does not have, 400 `800065` for a cart already checked out.
    pub fn update_cart(
        &mut self,
        customer_id: &str,
        cart_id: &str,
        cart: &Cart,
        catalog: &DemoProducts,
    ) -> Result<Cart, Refusal> {
        let ordered = self.stored(customer_id, cart_id)?.checkout.is_some();
        if ordered {
            return Err((400, 800065, format!("Cart {cart_id} has already been submitted.")));
        }
        let (line_items, friendly_names) = self.checked_lines(customer_id, &cart.line_items, catalog);
        let stored = self.carts.get_mut(cart_id).expect("found above");
        stored.cart = Cart {
            id: stored.cart.id.clone(),
            line_items,
            status: stored.cart.status.clone(),
            expiration_timestamp: stored.cart.expiration_timestamp.clone(),
            ..cart.clone()
        };
        stored.friendly_names = friendly_names;
        Ok(stored.cart.clone())
    }

    /// `GET /v1/customers/{id}/carts/{cartId}`: the cart as last answered; 404 `800008` for a
    /// cart this customer does not have.
    pub fn cart(&self, customer_id: &str, cart_id: &str) -> Result<Cart, Refusal> {
        self.stored(customer_id, cart_id).map(|stored| stored.cart.clone())
    }

    /// `POST /v1/customers/{id}/carts/{cartId}/checkout`: one `completed` order per order group,
    /// and the cart `Ordered`. A repeat answers the first result again. Refused: 404 `800008`
    /// for a cart this customer does not have, 403 `800073` while the customer's account is not
    /// verified (its last status read was not `Allowed`), 400 `800009` when a line has an error.
    pub fn checkout(&mut self, customer_id: &str, cart_id: &str) -> Result<CheckoutResult, Refusal> {
        if let Some(result) = &self.stored(customer_id, cart_id)?.checkout {
            return Ok(result.clone());
        }
        if !self.purchases_allowed(customer_id) {
            return Err((
                403,
                800073,
                "The customer's account is under review: purchases are blocked until Microsoft has verified it.".into(),
            ));
        }
        let stored = self.carts.get_mut(cart_id).expect("found above");
        if stored.cart.line_items.iter().any(|line| line.error.is_some()) {
            return Err((400, 800009, "Cart item errors: correct the refused lines and try again.".into()));
        }
        let mut orders: Vec<(String, Order)> = Vec::new();
        for (line, friendly_name) in stored.cart.line_items.iter().zip(&stored.friendly_names) {
            let group = line.order_group.clone().unwrap_or_default();
            let position = match orders.iter().position(|(known, _)| *known == group) {
                Some(position) => position,
                None => {
                    let order = Order {
                        id: (self.new_id)(),
                        billing_cycle: billing_cycle_key(&line.billing_cycle),
                        status: "completed".into(),
                        ..Order::default()
                    };
                    orders.push((group, order));
                    orders.len() - 1
                }
            };
            let order = &mut orders[position].1;
            order.line_items.push(OrderLine {
                line_item_number: order.line_items.len() as u32,
                offer_id: line.catalog_item_id.clone(),
                subscription_id: (self.new_id)(),
                term_duration: line.term_duration.clone(),
                friendly_name: friendly_name.clone(),
                quantity: line.quantity,
                ..OrderLine::default()
            });
        }
        let result =
            CheckoutResult { orders: orders.into_iter().map(|(_, order)| order).collect(), ..Default::default() };
        stored.cart.status = "Ordered".into();
        stored.checkout = Some(result.clone());
        Ok(result)
    }

    /// `GET /v1/customers/{id}/validationStatus?type=account`: under review, the first read for
    /// a customer answers `UnderReview` and every later one `Allowed`; otherwise `Allowed`.
    /// Never `None` (no status at all) in the demo.
    pub fn account_status(&mut self, customer_id: &str) -> Option<ValidationStatus> {
        let reads = self.status_reads.entry(customer_id.to_string()).or_insert(0);
        *reads += 1;
        let status = if self.review && *reads == 1 { AccountStatus::UnderReview } else { AccountStatus::Allowed };
        Some(ValidationStatus { status, ..ValidationStatus::default() })
    }

    /// Whether `customer_id` may buy: its last status read was `Allowed` (under review, an
    /// account whose status was never read is still under review).
    fn purchases_allowed(&self, customer_id: &str) -> bool {
        !self.review || self.status_reads.get(customer_id).is_some_and(|reads| *reads >= 2)
    }

    /// The cart `cart_id` of `customer_id`, or 404 `800008`.
    fn stored(&self, customer_id: &str, cart_id: &str) -> Result<&StoredCart, Refusal> {
        self.carts
            .get(cart_id)
            .filter(|stored| stored.customer_id == customer_id)
            .ok_or_else(|| (404, 800008, format!("Cart {cart_id} was not found.")))
    }

    /// `lines` as the answer gives them, each with its error or order group, and each line's
    /// friendly name (empty for a refused line). An add-on needs one of its prerequisites on a
    /// line that is not refused itself.
    fn checked_lines(
        &self,
        customer_id: &str,
        lines: &[CartLine],
        catalog: &DemoProducts,
    ) -> (Vec<CartLine>, Vec<String>) {
        let checks: Vec<Result<Sku, (i64, String)>> =
            lines.iter().map(|line| self.line_check(customer_id, line, catalog)).collect();
        let in_cart: BTreeSet<String> = checks.iter().filter_map(|check| check.as_ref().ok().map(Sku::key)).collect();
        let mut groups: Vec<String> = Vec::new();
        let mut friendly_names = Vec::with_capacity(lines.len());
        let checked = lines
            .iter()
            .zip(checks)
            .map(|(line, check)| {
                let mut line = CartLine { order_group: None, error: None, ..line.clone() };
                match check.and_then(|sku| prerequisite_check(sku, &in_cart)) {
                    Ok(sku) => {
                        let cycle = billing_cycle_key(&line.billing_cycle);
                        let group = groups.iter().position(|known| *known == cycle).unwrap_or_else(|| {
                            groups.push(cycle);
                            groups.len() - 1
                        });
                        line.order_group = Some(group.to_string());
                        friendly_names.push(sku.title);
                    }
                    Err((error_code, error_description)) => {
                        line.error = Some(CartLineError { error_code, error_description, ..CartLineError::default() });
                        friendly_names.push(String::new());
                    }
                }
                line
            })
            .collect();
        (checked, friendly_names)
    }

    /// The SKU of `line`, or its error code and words: every check but the add-on's.
    fn line_check(&self, customer_id: &str, line: &CartLine, catalog: &DemoProducts) -> Result<Sku, (i64, String)> {
        let Some((sku, availability)) = catalog.catalog_item(&line.catalog_item_id) else {
            return Err((10001, format!("The catalog item {} was not found.", line.catalog_item_id)));
        };
        if !availability.is_purchasable {
            return Err((10006, format!("The catalog item {} cannot be purchased.", line.catalog_item_id)));
        }
        if availability.is_for_education() && !self.education.contains(customer_id) {
            return Err((
                10006,
                format!("{} is for education customers only: the customer's qualification is not approved.", sku.title),
            ));
        }
        if !offers_term(&availability, &line.term_duration, &line.billing_cycle) {
            return Err((
                10013,
                format!(
                    "{} is not offered for a term of {} billed {}.",
                    sku.title, line.term_duration, line.billing_cycle
                ),
            ));
        }
        let (minimum, maximum) = sku.quantity_range();
        if line.quantity > maximum {
            return Err((10015, format!("{} allows at most {maximum} licences in one subscription.", sku.title)));
        }
        if line.quantity < minimum {
            return Err((10019, format!("{} needs at least {minimum} licences.", sku.title)));
        }
        Ok(sku)
    }
}

/// `sku`, unless it is an add-on none of whose prerequisites is `in_cart` (as
/// `"<product>:<sku>"`): a new customer owns nothing yet.
fn prerequisite_check(sku: Sku, in_cart: &BTreeSet<String>) -> Result<Sku, (i64, String)> {
    let prerequisites = &sku.dynamic_attributes.prerequisite_skus;
    if sku.dynamic_attributes.is_addon && !prerequisites.iter().any(|prerequisite| in_cart.contains(prerequisite)) {
        return Err((
            10018,
            format!(
                "{} is an add-on: one of {} must be owned or in the same cart.",
                sku.title,
                prerequisites.join(", ")
            ),
        ));
    }
    Ok(sku)
}

/// A billing cycle as orders and order groups know it: its wire form (`monthly`, `one_time`),
/// or the value in ASCII lower case when it is none the wizard knows.
fn billing_cycle_key(billing_cycle: &str) -> String {
    BillingFrequency::parse(billing_cycle)
        .map(|frequency| frequency.wire().to_string())
        .unwrap_or_else(|| billing_cycle.trim().to_ascii_lowercase())
}

/// Whether `availability` has a term of `duration` billed at `billing_cycle`. An availability
/// without terms (the usage-based Azure plan) is bought once, with no term.
fn offers_term(availability: &Availability, duration: &str, billing_cycle: &str) -> bool {
    let frequency = BillingFrequency::parse(billing_cycle);
    if availability.terms.is_empty() {
        return billing_cycle.trim().is_empty() || frequency == Some(BillingFrequency::OneTime);
    }
    let Some(duration) = TermDuration::parse(duration) else { return false };
    frequency.is_some()
        && availability.terms.iter().any(|term| {
            TermDuration::parse(&term.duration) == Some(duration)
                && BillingFrequency::parse(&term.billing_cycle) == frequency
        })
}

/// `iso` (`2026-07-14T18:02:00.000Z`) `days` days later, at the same time of day; empty when
/// `iso` does not start with a date.
fn days_later(iso: &str, days: i64) -> String {
    let Some(date) = iso.get(..10).and_then(CalendarDate::parse) else { return String::new() };
    let (year, month, day) = civil_from_days(days_from_civil(date) + days);
    format!("{year:04}-{month:02}-{day:02}{}", &iso[10..])
}

/// The days from 1970-01-01 to `date` (Howard Hinnant's algorithm).
fn days_from_civil(date: CalendarDate) -> i64 {
    let (month, day) = (i64::from(date.month), i64::from(date.day));
    let year = i64::from(date.year) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date `days` days after 1970-01-01, as year, month, day.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 { shifted_month + 3 } else { shifted_month - 9 };
    (year_of_era + era * 400 + i64::from(month <= 2), month, day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::common::letter_case::lower_case;

    const FILE: &str = include_str!("../../../data/products-US.json");

    fn recorded() -> DemoProducts {
        DemoProducts::read(FILE).unwrap()
    }

    /// A store whose ids are `id-1`, `id-2`, …
    fn store(review: bool) -> DemoStore {
        let mut next = 0;
        DemoStore::new(review, move || {
            next += 1;
            format!("id-{next}")
        })
    }

    /// The catalog item of the first availability of `product:sku`.
    fn item(catalog: &DemoProducts, product_id: &str, sku_id: &str) -> String {
        catalog.availabilities(product_id, sku_id).unwrap()[0].catalog_item_id.clone()
    }

    fn line(catalog_item_id: &str, quantity: u64, term_duration: &str, billing_cycle: &str) -> CartLine {
        CartLine {
            catalog_item_id: catalog_item_id.into(),
            quantity,
            term_duration: term_duration.into(),
            billing_cycle: billing_cycle.into(),
            ..CartLine::default()
        }
    }

    fn cart(lines: Vec<CartLine>) -> Cart {
        let line_items = lines.into_iter().enumerate().map(|(id, line)| CartLine { id: id as u32, ..line }).collect();
        Cart { partner_on_record_attestation_accepted: true, line_items, ..Cart::default() }
    }

    fn error_codes(answer: &Cart) -> Vec<Option<i64>> {
        answer.line_items.iter().map(|line| line.error.as_ref().map(|error| error.error_code)).collect()
    }

    const NOW: &str = "2026-12-28T10:00:00.000Z";

    #[test]
    fn the_recorded_catalog_reads_with_its_eleven_products() {
        let catalog = recorded();
        let products = catalog.products();
        assert_eq!(products.len(), 11);
        let sold: Vec<&Product> = products.iter().filter(|product| product.is_sold_here()).collect();
        assert_eq!(sold.len(), 10);
        assert!(sold.iter().all(|product| product.id != "DZH318Z0BQ3P"), "the SaaS product is not sold here");

        let premium = catalog.skus("CFQ7TTC0LCHC").unwrap();
        assert_eq!(premium.iter().map(|sku| sku.id.as_str()).collect::<Vec<_>>(), ["0002", "0001"]);
        let trial = &premium[1];
        assert!(trial.is_trial);
        assert_eq!(trial.quantity_range(), (25, 25));
        let trial_availability = &catalog.availabilities("CFQ7TTC0LCHC", "0001").unwrap()[0];
        assert!(!trial_availability.renews_automatically(&trial_availability.terms[0].id));

        let basic = &catalog.availabilities("CFQ7TTC0LH18", "0001").unwrap()[0];
        assert_eq!(basic.catalog_item_id, "CFQ7TTC0LH18:0001:CFQ7TTC0K971");
        assert_eq!(basic.terms.len(), 3);
        assert!(basic.renews_automatically("5aeco6mffyxo"));
        assert_eq!(basic.terms[2].cancellation_policies[0].refund_options[0].expires_after, "P7D");

        let audio = &catalog.skus("CFQ7TTC0LHSV").unwrap()[0];
        assert!(audio.dynamic_attributes.is_addon);
        assert_eq!(audio.dynamic_attributes.prerequisite_skus.len(), 6);
        assert!(catalog.availabilities("CFQ7TTC0LFM4", "0001").unwrap()[0].is_for_education());
        assert!(catalog.availabilities("DZH318Z0BPS6", "0001").unwrap()[0].terms.is_empty());
        assert_eq!(catalog.availabilities("CFQ7TTC0LFLZ", "0001").unwrap()[0].terms.len(), 5);

        assert_eq!(catalog.skus("CFQ7TTC0XXXX"), None);
        assert_eq!(catalog.availabilities("CFQ7TTC0LH18", "0009"), None);
        assert!(catalog.catalog_item("CFQ7TTC0LH18:0001:CFQ7TTC0K971").is_some());
        assert!(catalog.catalog_item("CFQ7TTC0LH18:0001").is_none());
    }

    #[test]
    fn the_recorded_files_ids_follow_the_catalogs_forms() {
        let catalog = recorded();
        let mut term_ids = BTreeSet::new();
        for product in catalog.products() {
            for sku in catalog.skus(&product.id).unwrap() {
                for availability in catalog.availabilities(&product.id, &sku.id).unwrap() {
                    assert_eq!(availability.catalog_item_id, format!("{}:{}:{}", product.id, sku.id, availability.id));
                    assert!(
                        availability.id.len() == 12
                            && availability.id.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
                    );
                    for term in availability.terms {
                        assert!(
                            term.id.len() == 12
                                && term.id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
                        );
                        assert!(term_ids.insert(term.id.clone()), "term id {} is unique", term.id);
                    }
                }
            }
        }
        assert_eq!(term_ids.len(), 34);
    }

    #[test]
    fn a_file_that_files_a_sku_under_another_product_does_not_read() {
        let json = r#"{"products": [{"id": "A", "skus": [{"id": "0001", "productId": "B"}]}]}"#;
        assert!(DemoProducts::read(json).unwrap_err().contains("names product B"));
        assert!(DemoProducts::read(r#"{"products": [{"id": 1}]}"#)
            .unwrap_err()
            .starts_with("invalid type: integer `1`"));
    }

    #[test]
    fn the_generated_catalog_is_named_as_the_generated_offers() {
        let catalog = DemoProducts::generated(10_000);
        let products = catalog.products();
        assert_eq!(products.len(), 10_000);
        assert!(products.iter().all(|product| product.is_sold_here() && product.id.len() == 12));
        let ids: BTreeSet<&str> = products.iter().map(|product| product.id.as_str()).collect();
        assert_eq!(ids.len(), 10_000);
        let found = products.iter().filter(|product| lower_case(&product.title).contains("northwind backup")).count();
        assert_eq!(found, 125);
        assert_eq!(products[42].title, "Northwind Backup Ultimate 00043");

        let add_on = &catalog.skus("CFQ7TTC00010").unwrap()[0];
        assert!(add_on.dynamic_attributes.is_addon);
        assert_eq!(add_on.dynamic_attributes.prerequisite_skus, ["CFQ7TTC00009:0001"]);
        assert_eq!(products.iter().filter(|product| product.title.contains(" Add-on ")).count(), 1_000);
        let availability = &catalog.availabilities("CFQ7TTC00043", "0001").unwrap()[0];
        assert_eq!(availability.catalog_item_id, "CFQ7TTC00043:0001:CFQ7TTD00043");
        let terms: Vec<(&str, &str)> =
            availability.terms.iter().map(|term| (term.duration.as_str(), term.billing_cycle.as_str())).collect();
        assert_eq!(terms, [("P1M", "Monthly"), ("P1Y", "Monthly"), ("P1Y", "Annual")]);
        assert!(availability.renews_automatically(&availability.terms[2].id));
        assert_eq!(catalog.skus("CFQ7TTC10001"), None, "past the end");
        assert_eq!(catalog.skus("CFQ7TTC00000"), None);
        assert_eq!(catalog.availabilities("CFQ7TTC00043", "0002"), None);
    }

    #[test]
    fn a_cart_is_active_for_seven_days_and_groups_its_lines_by_billing_cycle() {
        let catalog = recorded();
        let mut store = store(false);
        let basic = item(&catalog, "CFQ7TTC0LH18", "0001");
        let e3 = item(&catalog, "CFQ7TTC0LFLZ", "0001");
        let answer = store.create_cart(
            "c-1",
            &cart(vec![
                line(&basic, 5, "P1Y", "monthly"),
                line(&e3, 10, "P1Y", "annual"),
                line("CFQ7TTC0NONE:0001:CFQ7TTC0NONE", 1, "P1Y", "annual"),
                line(&e3, 10, "P3Y", "triennial"),
                line(&e3, 3, "P1M", "Monthly"),
            ]),
            &catalog,
            NOW,
        );
        assert_eq!(answer.id, "id-1");
        assert_eq!(answer.status, "Active");
        assert_eq!(answer.expiration_timestamp, "2027-01-04T10:00:00.000Z");
        assert!(answer.partner_on_record_attestation_accepted);
        let groups: Vec<Option<&str>> = answer.line_items.iter().map(|line| line.order_group.as_deref()).collect();
        assert_eq!(groups, [Some("0"), Some("1"), None, Some("2"), Some("0")]);
        assert_eq!(error_codes(&answer), [None, None, Some(10001), None, None]);
        assert_eq!(store.cart("c-1", "id-1"), Ok(answer));
        assert_eq!(store.cart("c-2", "id-1").unwrap_err().1, 800008, "another customer's cart");
    }

    #[test]
    fn each_refused_line_has_partner_centers_code() {
        let catalog = recorded();
        let mut store = store(false);
        let basic = item(&catalog, "CFQ7TTC0LH18", "0001");
        let trial = item(&catalog, "CFQ7TTC0LCHC", "0001");
        let audio = item(&catalog, "CFQ7TTC0LHSV", "0001");
        let faculty = item(&catalog, "CFQ7TTC0LFM4", "0001");
        let azure = item(&catalog, "DZH318Z0BPS6", "0001");
        let refused = store.create_cart(
            "c-1",
            &cart(vec![
                line("CFQ7TTC0LH18:0001:CFQ7TTC0ZZZZ", 1, "P1Y", "annual"),
                line(&basic, 1, "P3Y", "triennial"),
                line(&basic, 1, "P1M", "annual"),
                line(&basic, 301, "P1Y", "annual"),
                line(&basic, 0, "P1Y", "annual"),
                line(&trial, 10, "P1M", "none"),
                line(&audio, 5, "P1Y", "annual"),
                line(&faculty, 5, "P1Y", "annual"),
                line(&azure, 1, "", "monthly"),
            ]),
            &catalog,
            NOW,
        );
        assert_eq!(
            error_codes(&refused),
            [
                Some(10001),
                Some(10013),
                Some(10013),
                Some(10015),
                Some(10019),
                Some(10019),
                Some(10018),
                Some(10006),
                Some(10013)
            ]
        );
        assert!(refused.line_items.iter().all(|line| line.order_group.is_none()));
        assert!(refused.line_items[6].error.as_ref().unwrap().error_description.contains("CFQ7TTC0LFLZ:0001"));

        store.set_education("c-1", true);
        let accepted = store.create_cart(
            "c-1",
            &cart(vec![
                line(&trial, 25, "P1M", "none"),
                line(&audio, 5, "P1Y", "annual"),
                line(&basic, 5, "P1Y", "monthly"),
                line(&faculty, 5, "P1Y", "annual"),
                line(&azure, 1, "", "one_time"),
            ]),
            &catalog,
            NOW,
        );
        assert_eq!(error_codes(&accepted), [None; 5]);
        let groups: Vec<Option<&str>> = accepted.line_items.iter().map(|line| line.order_group.as_deref()).collect();
        assert_eq!(groups, [Some("0"), Some("1"), Some("2"), Some("1"), Some("0")]);
        store.set_education("c-1", false);
        let again = store.create_cart("c-1", &cart(vec![line(&faculty, 5, "P1Y", "annual")]), &catalog, NOW);
        assert_eq!(error_codes(&again), [Some(10006)]);
    }

    #[test]
    fn a_cart_checks_out_once_its_lines_are_corrected_and_again_gives_the_same_orders() {
        let catalog = recorded();
        let mut store = store(false);
        let basic = item(&catalog, "CFQ7TTC0LH18", "0001");
        let e5 = item(&catalog, "CFQ7TTC0LFK5", "0001");
        let audio = item(&catalog, "CFQ7TTC0LHSV", "0001");
        let first = store.create_cart(
            "c-1",
            &cart(vec![line(&e5, 20, "P1M", "annual"), line(&audio, 5, "P1Y", "annual")]),
            &catalog,
            NOW,
        );
        assert_eq!(error_codes(&first), [Some(10013), Some(10018)], "a refused prerequisite does not count");
        assert_eq!(store.checkout("c-1", &first.id).unwrap_err().1, 800009);
        assert_eq!(
            store.checkout("c-1", "no-such-cart").unwrap_err(),
            (404, 800008, "Cart no-such-cart was not found.".into())
        );
        assert_eq!(store.update_cart("c-1", "no-such-cart", &first, &catalog).unwrap_err().1, 800008);

        let corrected = cart(vec![
            line(&basic, 5, "P1Y", "monthly"),
            line(&audio, 5, "P1Y", "annual"),
            line(&e5, 20, "P1Y", "annual"),
        ]);
        let updated = store.update_cart("c-1", &first.id, &corrected, &catalog).unwrap();
        assert_eq!(
            (updated.id.as_str(), updated.expiration_timestamp.as_str()),
            (first.id.as_str(), first.expiration_timestamp.as_str())
        );
        assert_eq!(error_codes(&updated), [None; 3]);

        let result = store.checkout("c-1", &first.id).unwrap();
        assert!(result.is_complete());
        assert_eq!(result.orders.len(), 2);
        let (monthly, annual) = (&result.orders[0], &result.orders[1]);
        assert_eq!((monthly.billing_cycle.as_str(), monthly.status.as_str()), ("monthly", "completed"));
        assert_eq!(monthly.line_items.len(), 1);
        assert_eq!(monthly.line_items[0].offer_id, basic);
        assert_eq!(monthly.line_items[0].friendly_name, "Microsoft 365 Business Basic");
        assert_eq!(annual.billing_cycle, "annual");
        let numbers: Vec<u32> = annual.line_items.iter().map(|line| line.line_item_number).collect();
        assert_eq!(numbers, [0, 1]);
        assert_eq!((annual.line_items[1].quantity, annual.line_items[1].term_duration.as_str()), (20, "P1Y"));
        let ids: BTreeSet<&str> = result
            .orders
            .iter()
            .flat_map(|order| {
                std::iter::once(order.id.as_str())
                    .chain(order.line_items.iter().map(|line| line.subscription_id.as_str()))
            })
            .collect();
        assert_eq!(ids.len(), 5, "order and subscription ids are fresh");

        assert_eq!(store.cart("c-1", &first.id).unwrap().status, "Ordered");
        assert_eq!(store.checkout("c-1", &first.id), Ok(result), "a repeat answers the same orders");
        assert_eq!(store.update_cart("c-1", &first.id, &corrected, &catalog).unwrap_err().1, 800065);
        assert_eq!(store.checkout("c-2", &first.id).unwrap_err().1, 800008, "another customer's cart");
    }

    #[test]
    fn under_review_the_account_is_allowed_from_its_second_read() {
        let catalog = recorded();
        let basic = item(&catalog, "CFQ7TTC0LH18", "0001");
        let mut store = store(true);
        let made = store.create_cart("c-1", &cart(vec![line(&basic, 5, "P1M", "monthly")]), &catalog, NOW);
        let refusal = store.checkout("c-1", &made.id).unwrap_err();
        assert_eq!((refusal.0, refusal.1), (403, 800073), "not read yet: still under review");
        assert!(refusal.2.contains("under review"));
        assert_eq!(store.account_status("c-1").unwrap().status, AccountStatus::UnderReview);
        assert_eq!(store.checkout("c-1", &made.id).unwrap_err().1, 800073);
        assert_eq!(store.account_status("c-1").unwrap().status, AccountStatus::Allowed);
        assert_eq!(store.account_status("c-1").unwrap().status, AccountStatus::Allowed);
        assert_eq!(store.account_status("c-2").unwrap().status, AccountStatus::UnderReview, "each customer in turn");
        assert_eq!(store.checkout("c-1", &made.id).unwrap().orders.len(), 1);

        let mut store = self::store(false);
        assert_eq!(store.account_status("c-1").unwrap().status, AccountStatus::Allowed);
        let made = store.create_cart("c-2", &cart(vec![line(&basic, 5, "P1M", "monthly")]), &catalog, NOW);
        assert!(store.checkout("c-2", &made.id).is_ok(), "no review: no read needed");
    }

    #[test]
    fn the_expiry_is_seven_calendar_days_later() {
        assert_eq!(days_later("2026-12-28T10:00:00Z", 7), "2027-01-04T10:00:00Z");
        assert_eq!(days_later("2028-02-25T00:00:00Z", 7), "2028-03-03T00:00:00Z");
        assert_eq!(days_later("2026-02-25T23:59:59.999Z", 7), "2026-03-04T23:59:59.999Z");
        assert_eq!(days_later("2026-07-14", 0), "2026-07-14");
        assert_eq!(days_later("soon", 7), "");
        assert_eq!(days_from_civil(CalendarDate::parse("1970-01-01").unwrap()), 0);
    }
}
