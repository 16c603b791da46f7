//! The two conversions, and their implementations for the standard types the wire types hold.

use super::value::{Json, JsonError};
use std::collections::BTreeMap;

/// A type read from a [`Json`] value: strictly, as serde reads it (a string where a string is
/// wanted, an integer in range where an integer is).
pub trait FromJson: Sized {
    /// Reads `value`, or says why it is not a `Self`.
    fn from_json(value: &Json) -> Result<Self, JsonError>;
}

/// A type written as a [`Json`] value.
pub trait ToJson {
    /// The value.
    fn to_json(&self) -> Json;
}

impl FromJson for Json {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        Ok(value.clone())
    }
}

impl ToJson for Json {
    fn to_json(&self) -> Json {
        self.clone()
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn to_json(&self) -> Json {
        T::to_json(self)
    }
}

impl FromJson for String {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        value.as_str().map(str::to_string).ok_or_else(|| JsonError::expected("a string"))
    }
}

impl ToJson for String {
    fn to_json(&self) -> Json {
        self.as_str().to_json()
    }
}

impl ToJson for str {
    fn to_json(&self) -> Json {
        Json::String(self.to_string())
    }
}

impl FromJson for bool {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        match value {
            Json::Bool(flag) => Ok(*flag),
            _ => Err(JsonError::expected("true or false")),
        }
    }
}

impl ToJson for bool {
    fn to_json(&self) -> Json {
        Json::Bool(*self)
    }
}

/// Integers: read from a number written without fraction or exponent, in the type's range.
macro_rules! integer {
    ($($kind:ty),*) => {$(
        impl FromJson for $kind {
            fn from_json(value: &Json) -> Result<Self, JsonError> {
                match value {
                    Json::Number(number) => number.parse().ok(),
                    _ => None,
                }
                .ok_or_else(|| JsonError::expected(concat!("an integer (", stringify!($kind), ")")))
            }
        }

        impl ToJson for $kind {
            fn to_json(&self) -> Json {
                Json::Number(self.to_string())
            }
        }
    )*};
}

integer!(u8, u16, u32, u64, i64, usize);

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        match value {
            Json::Null => Ok(None),
            value => T::from_json(value).map(Some),
        }
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn to_json(&self) -> Json {
        self.as_ref().map_or(Json::Null, T::to_json)
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        match value {
            Json::Array(items) => items.iter().map(T::from_json).collect(),
            _ => Err(JsonError::expected("an array")),
        }
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn to_json(&self) -> Json {
        Json::Array(self.iter().map(T::to_json).collect())
    }
}

/// A map of text to text, as a JSON object.
impl FromJson for BTreeMap<String, String> {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        match value {
            Json::Object(members) => {
                members.iter().map(|(name, value)| Ok((name.clone(), String::from_json(value)?))).collect()
            }
            _ => Err(JsonError::expected("an object")),
        }
    }
}

/// A pair of texts, as a JSON array of two.
impl FromJson for (String, String) {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        match value {
            Json::Array(items) if items.len() == 2 => {
                Ok((String::from_json(&items[0])?, String::from_json(&items[1])?))
            }
            _ => Err(JsonError::expected("a pair of strings")),
        }
    }
}

impl ToJson for (String, String) {
    fn to_json(&self) -> Json {
        Json::Array(vec![self.0.to_json(), self.1.to_json()])
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse::parse;
    use super::*;

    fn read<T: FromJson>(text: &str) -> Result<T, JsonError> {
        T::from_json(&parse(text).unwrap())
    }

    #[test]
    fn integers_must_be_whole_and_in_range() {
        assert_eq!(read::<u64>("42"), Ok(42));
        assert_eq!(read::<i64>("-600049"), Ok(-600049));
        assert_eq!(read::<u8>("255"), Ok(255));
        assert!(read::<u8>("256").is_err());
        assert!(read::<u64>("-1").is_err());
        assert!(read::<u64>("1.0").is_err());
        assert!(read::<u64>("1e3").is_err());
        assert!(read::<u64>("\"1\"").is_err());
        assert_eq!(read::<u32>("true"), Err(JsonError::expected("an integer (u32)")));
    }

    #[test]
    fn types_are_not_coerced() {
        assert_eq!(read::<String>("\"a\""), Ok("a".into()));
        assert!(read::<String>("1").is_err());
        assert!(read::<String>("null").is_err());
        assert!(read::<bool>("\"true\"").is_err());
        assert!(read::<Vec<String>>("{}").is_err());
        assert!(read::<Vec<String>>("[\"a\", 1]").is_err());
    }

    #[test]
    fn null_is_none() {
        assert_eq!(read::<Option<String>>("null"), Ok(None));
        assert_eq!(read::<Option<String>>("\"a\""), Ok(Some("a".into())));
        assert_eq!(None::<String>.to_json(), Json::Null);
    }

    #[test]
    fn maps_and_pairs_round_trip() {
        let map: BTreeMap<String, String> = read(r#"{"NSW": "New South Wales", "VIC": "Victoria"}"#).unwrap();
        assert_eq!(map["VIC"], "Victoria");
        assert!(read::<BTreeMap<String, String>>(r#"{"a": 1}"#).is_err());
        let pair = ("email".to_string(), "a@b.c".to_string());
        assert_eq!(read::<(String, String)>(&pair.to_json().to_string()), Ok(pair));
        assert!(read::<(String, String)>(r#"["a"]"#).is_err());
    }
}
