//! The one place that talks to a Partner Center compatible endpoint.
//!
//! [`PartnerApi`] is what the components use; [`http::HttpApi`] sends real requests and
//! [`demo::DemoApi`] answers inside the browser. Components never see which one they have.

pub mod demo;
pub mod error;
pub mod guid;
pub mod http;

use crate::domain::country_rules::CountryRules;
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

/// The calls of a Partner Center compatible endpoint (spec §2).
pub trait PartnerApi {
    /// `GET /v1/countryvalidationrules/{iso2}`; `None` when the endpoint has no rules for it (404).
    fn country_rules(&self, iso2: &str) -> ApiFuture<Option<CountryRules>>;

    /// `HEAD /v1/domains/{domain}`: whether `domain` (`<prefix>.onmicrosoft.com`) is free.
    fn domain_availability(&self, domain: &str) -> ApiFuture<DomainAvailability>;
}

/// A shared handle on whichever back end the wizard runs on.
pub type SharedApi = Rc<dyn PartnerApi>;
