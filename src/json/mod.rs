//! JSON without serde: a value tree ([`Json`]), its parser and writer, and the two traits the
//! wire types implement by hand ([`FromJson`], [`ToJson`]).
//!
//! serde and serde_json made 12% of the wasm: their visitors are instantiated for every type
//! and every reader. Here a body is parsed once into a [`Json`] tree, and each type reads its
//! fields from that tree with a few small, shared functions. Numbers are kept as written, so
//! that no float parsing or formatting is linked; the wire carries only integers.

mod convert;
mod fields;
mod parse;
mod value;
mod write;

pub use convert::{FromJson, ToJson};
pub use fields::{object, Fields};
pub use value::{Json, JsonError};

/// Parses `text` and reads a `T` from it.
pub fn from_str<T: FromJson>(text: &str) -> Result<T, JsonError> {
    T::from_json(&parse::parse(text)?)
}

/// `value` as JSON text.
pub fn to_string(value: &impl ToJson) -> String {
    value.to_json().to_string()
}

/// `value` as serde_json's value, to compare in tests with `serde_json::json!`.
#[cfg(test)]
pub fn as_value(value: &impl ToJson) -> serde_json::Value {
    serde_json::from_str(&to_string(value)).unwrap()
}
