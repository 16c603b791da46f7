//! add-customer: a browser wizard in which a cloud-solution partner adds a new customer through a
//! Partner Center compatible REST endpoint.
//!
//! - [`domain`] is pure Rust: the wire types, the validation rules, the wizard's state machine.
//!   It builds natively and is unit-tested with `cargo test`.
//! - [`api`] is the one place that talks to an endpoint: the [`api::PartnerApi`] trait, its HTTP
//!   client and the built-in demo back end.
//! - [`submit`] is the submit pipeline: a job of stages, retried one by one.
//! - [`ui`] holds the Leptos components, thin over signals.
//! - [`config`] reads the host page's configuration.

pub mod api;
pub mod config;
pub mod domain;
pub mod submit;
pub mod ui;
