//! The one place that talks to a Partner Center compatible endpoint.
//!
//! [`PartnerApi`] is what the rest of the app uses; [`http::HttpApi`] sends real requests and
//! [`demo::DemoApi`] answers inside the browser. Components never see which one they have.

pub mod country_files;
pub mod demo;
pub mod error;
pub mod guid;
pub mod har;
pub mod http;
pub mod pause;
pub mod price_sheets;
pub mod redact;
pub mod request_log;
pub mod retry;

use crate::domain::account::address_check::{AddressValidation, PostalAddress};
use crate::domain::account::reseller::Reseller;
use crate::domain::commerce::cart::Cart;
use crate::domain::commerce::catalog::{Availability, Product, Sku};
use crate::domain::commerce::checkout::{CheckoutResult, ValidationStatus};
use crate::domain::commerce::qualification::{CustomerQualification, QualificationRequest};
use crate::domain::country::country_rules::CountryRules;
use crate::domain::requests::agreement_request::AgreementAttestation;
use crate::domain::requests::customer_request::{CreatedCustomer, NewCustomer};
pub use error::ApiError;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

/// The future every call returns (browser futures are not `Send`).
pub type ApiFuture<T> = Pin<Box<dyn Future<Output = Result<T, ApiError>>>>;

/// Whether an initial domain can still be had.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DomainAvailability {
    /// Nobody has it (`HEAD` answered 404).
    Free,
    /// It is taken (`HEAD` answered 200).
    Taken,
}

/// The calls of a Partner Center compatible endpoint (spec §2). The calls that change
/// something take the `MS-RequestId` to send, so that a retry after no answer can reuse it.
pub trait PartnerApi {
    /// `GET /v1/countryvalidationrules/{iso2}`; `None` when the endpoint has no rules for it (404).
    fn country_rules(&self, iso2: &str) -> ApiFuture<Option<CountryRules>>;

    /// `POST /v1/validations/address`: the optional address pre-check; `None` where the endpoint
    /// lacks the call (404, 405, 501).
    fn validate_address(&self, address: &PostalAddress) -> ApiFuture<Option<AddressValidation>>;

    /// `HEAD /v1/domains/{domain}`: whether `domain` (`<prefix>.onmicrosoft.com`) is free.
    fn domain_availability(&self, domain: &str) -> ApiFuture<DomainAvailability>;

    /// `GET /v1/products?country=…&targetView=OnlineServices` with `X-Locale`, every page of it
    /// (following `links.next`), keeping the products the wizard sells
    /// ([`Product::is_sold_here`]).
    fn products(&self, country: &str, locale: &str) -> ApiFuture<Vec<Product>>;

    /// `GET /v1/products/{product}/skus?country=…` with `X-Locale`.
    fn skus(&self, product_id: &str, country: &str, locale: &str) -> ApiFuture<Vec<Sku>>;

    /// `GET /v1/products/{product}/skus/{sku}/availabilities?country=…` with `X-Locale`: every
    /// segment's.
    fn availabilities(
        &self,
        product_id: &str,
        sku_id: &str,
        country: &str,
        locale: &str,
    ) -> ApiFuture<Vec<Availability>>;

    /// `POST /v1/customers`.
    fn create_customer(&self, customer: &NewCustomer, request_id: &str) -> ApiFuture<CreatedCustomer>;

    /// `GET /v1/agreements?agreementType=MicrosoftCustomerAgreement`: the current template id.
    fn agreement_template(&self) -> ApiFuture<String>;

    /// `POST /v1/customers/{id}/agreements`.
    fn attest_agreement(
        &self,
        customer_id: &str,
        attestation: &AgreementAttestation,
        request_id: &str,
    ) -> ApiFuture<()>;

    /// `POST /v1/customers/{id}/qualifications`: the customer's special qualification.
    fn add_qualification(
        &self,
        customer_id: &str,
        qualification: &QualificationRequest,
        request_id: &str,
    ) -> ApiFuture<CustomerQualification>;

    /// `GET /v1/customers/{id}/validationStatus?type=account`: Microsoft's verification of the
    /// customer's account; `None` when there is none (404, code `600074`).
    fn account_status(&self, customer_id: &str) -> ApiFuture<Option<ValidationStatus>>;

    /// `POST /v1/customers/{id}/carts`: a new cart; the answer has its id and any line errors.
    fn create_cart(&self, customer_id: &str, cart: &Cart, request_id: &str) -> ApiFuture<Cart>;

    /// `PUT /v1/customers/{id}/carts/{cart}`: the whole cart again, after a correction.
    fn update_cart(&self, customer_id: &str, cart_id: &str, cart: &Cart, request_id: &str) -> ApiFuture<Cart>;

    /// `POST /v1/customers/{id}/carts/{cart}/checkout`: the orders placed, and the order groups
    /// that failed.
    fn checkout(&self, customer_id: &str, cart_id: &str, request_id: &str) -> ApiFuture<CheckoutResult>;

    /// `GET /v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf`: an indirect
    /// provider's resellers.
    fn resellers(&self) -> ApiFuture<Vec<Reseller>>;

    /// `GET /v1/compliance/csp/agreementstatus?mpnId=…`: whether the reseller signed the
    /// partner agreement.
    fn reseller_agreement_signed(&self, mpn_id: &str) -> ApiFuture<bool>;

    /// The `MS-CorrelationId` of this back end's calls, for support; `None` for the demo.
    fn correlation_id(&self) -> Option<String>;

    /// `GET /v1/customers/relationshiprequests`: the invitation link; `None` where the endpoint
    /// lacks the call (404, 405, 501).
    fn relationship_request(&self) -> ApiFuture<Option<String>>;
}

/// A shared handle on whichever back end the wizard runs on.
pub type SharedApi = Rc<dyn PartnerApi>;

/// Where the project's own data of a country comes from: `countries/<ISO2>.json` beside the app
/// ([`country_files::CountryFiles`]), loaded when the country is chosen.
pub trait CountryData {
    /// The country's rules as its data file gives them.
    fn country(&self, iso2: &str) -> ApiFuture<CountryRules>;
}

/// A shared handle on the country data source.
pub type SharedCountryData = Rc<dyn CountryData>;
