//! Reading and writing an object's members: what a wire type's conversion is made of.

use super::convert::FromJson;
use super::value::{Json, JsonError};

/// The members of a JSON object, to read a struct's fields from. Members the type does not
/// know are left alone, as serde does.
pub struct Fields<'a>(&'a Json);

impl<'a> Fields<'a> {
    /// The members of `value`, which must be an object.
    pub fn of(value: &'a Json) -> Result<Self, JsonError> {
        match value {
            Json::Object(_) => Ok(Fields(value)),
            _ => Err(JsonError::expected("an object")),
        }
    }

    /// The member `name`, which must be there.
    pub fn required<T: FromJson>(&self, name: &str) -> Result<T, JsonError> {
        match self.0.get(name) {
            Some(value) => read(name, value),
            None => Err(JsonError(format!("missing field `{name}`"))),
        }
    }

    /// The member `name`, or `T`'s default where it is missing (an `Option` is `None`).
    pub fn or_default<T: FromJson + Default>(&self, name: &str) -> Result<T, JsonError> {
        self.0.get(name).map_or_else(|| Ok(T::default()), |value| read(name, value))
    }
}

/// `value` as a `T`, naming the member in the error.
fn read<T: FromJson>(name: &str, value: &Json) -> Result<T, JsonError> {
    T::from_json(value).map_err(|error| JsonError(format!("`{name}`: {error}")))
}

/// An object of `members`, in their order.
pub fn object(members: Vec<(&str, Json)>) -> Json {
    Json::Object(members.into_iter().map(|(name, value)| (name.to_string(), value)).collect())
}

#[cfg(test)]
mod tests {
    use super::super::parse::parse;
    use super::*;

    #[test]
    fn required_members_must_be_there_and_optional_ones_default() {
        let value = parse(r#"{"id": "a", "count": 2, "extra": [1]}"#).unwrap();
        let fields = Fields::of(&value).unwrap();
        assert_eq!(fields.required::<String>("id"), Ok("a".into()));
        assert_eq!(fields.required::<String>("name"), Err(JsonError("missing field `name`".into())));
        assert_eq!(fields.or_default::<u64>("count"), Ok(2));
        assert_eq!(fields.or_default::<u64>("limit"), Ok(0));
        assert_eq!(fields.or_default::<Option<String>>("name"), Ok(None));
        assert_eq!(fields.required::<String>("count"), Err(JsonError("`count`: expected a string".into())));
        assert!(Fields::of(&parse("[]").unwrap()).is_err());
    }

    #[test]
    fn objects_keep_their_members_order() {
        let written = object(vec![("b", Json::Null), ("a", Json::Bool(true))]);
        assert_eq!(written.to_string(), r#"{"b":null,"a":true}"#);
    }
}
