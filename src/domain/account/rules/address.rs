//! The parts of the customer's address (`billingProfile.defaultAddress`).

use crate::domain::account::field_error::FieldError;
use crate::domain::account::rules::text::{at_most, clean, require};
use crate::domain::country::country_rules::CountryRules;
use crate::domain::country::pattern::pattern_matches;

/// The most characters of an address line.
pub const MAX_LINE_LENGTH: usize = 200;
/// The most characters of a city or a free-text state.
pub const MAX_CITY_LENGTH: usize = 100;
/// The most characters of a postal code.
pub const MAX_POSTAL_CODE_LENGTH: usize = 20;

/// Address line 1: required.
pub fn check_address_line1(value: &str) -> Result<(), FieldError> {
    at_most(require(value)?, MAX_LINE_LENGTH)
}

/// Address line 2: optional.
pub fn check_address_line2(value: &str) -> Result<(), FieldError> {
    at_most(clean(value), MAX_LINE_LENGTH)
}

/// City: required where the country says so.
pub fn check_city(value: &str, rules: &CountryRules) -> Result<(), FieldError> {
    let city = clean(value);
    if city.is_empty() {
        return if rules.requires_city() { Err(FieldError::Missing) } else { Ok(()) };
    }
    at_most(city, MAX_CITY_LENGTH)
}

/// State: one of the country's states where it has a list; required where it says so.
pub fn check_state(value: &str, rules: &CountryRules) -> Result<(), FieldError> {
    let state = clean(value);
    if state.is_empty() {
        return if rules.requires_state() { Err(FieldError::Missing) } else { Ok(()) };
    }
    let states = rules.states();
    if !states.is_empty() && !states.iter().any(|code| code == state) {
        return Err(FieldError::NotInList);
    }
    at_most(state, MAX_CITY_LENGTH)
}

/// Postal code: required where the country says so; must match its pattern when given.
pub fn check_postal_code(value: &str, rules: &CountryRules) -> Result<(), FieldError> {
    let code = clean(value);
    if code.is_empty() {
        return if rules.requires_postal_code() { Err(FieldError::Missing) } else { Ok(()) };
    }
    at_most(code, MAX_POSTAL_CODE_LENGTH)?;
    match rules.postal_code_regex.as_deref().and_then(|regex| pattern_matches(regex, code)) {
        Some(false) => Err(FieldError::WrongFormat { example: rules.postal_code_example.clone() }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures::country_rules;

    #[test]
    fn lines() {
        assert_eq!(check_address_line1("One Microsoft Way"), Ok(()));
        assert_eq!(check_address_line1("   "), Err(FieldError::Missing));
        assert!(matches!(
            check_address_line1(&"x".repeat(10_000)),
            Err(FieldError::TooLong { max: 200, length: 10_000 })
        ));
        assert_eq!(check_address_line2(""), Ok(()));
        assert!(matches!(check_address_line2(&"x".repeat(201)), Err(FieldError::TooLong { .. })));
    }

    #[test]
    fn city_follows_the_country() {
        let us = country_rules("US");
        assert_eq!(check_city("Redmond", &us), Ok(()));
        assert_eq!(check_city(" ", &us), Err(FieldError::Missing));
        let relaxed = CountryRules { is_city_required: Some(false), ..CountryRules::default() };
        assert_eq!(check_city("", &relaxed), Ok(()));
    }

    #[test]
    fn state_comes_from_the_list() {
        let us = country_rules("US");
        assert_eq!(check_state("WA", &us), Ok(()));
        assert_eq!(check_state("", &us), Err(FieldError::Missing));
        assert_eq!(check_state("XX", &us), Err(FieldError::NotInList));
        let pt = country_rules("PT");
        assert_eq!(check_state("", &pt), Ok(()));
    }

    #[test]
    fn postal_code_matches_the_country_pattern() {
        let us = country_rules("US");
        assert_eq!(check_postal_code("98052", &us), Ok(()));
        assert_eq!(check_postal_code("98052-6399", &us), Ok(()));
        assert_eq!(check_postal_code("", &us), Err(FieldError::Missing));
        assert_eq!(check_postal_code("SW1A 1AA", &us), Err(FieldError::WrongFormat { example: Some("95014".into()) }));
        let pt = country_rules("PT");
        assert_eq!(check_postal_code("1000-205", &pt), Ok(()));
        assert!(matches!(check_postal_code("98052", &pt), Err(FieldError::WrongFormat { .. })));
        let ae = country_rules("AE");
        assert_eq!(check_postal_code("", &ae), Ok(()));
    }

    #[test]
    fn a_broken_endpoint_pattern_does_not_block() {
        let broken = CountryRules { postal_code_regex: Some("^(\\d{5}$".into()), ..CountryRules::default() };
        assert_eq!(check_postal_code("98052", &broken), Ok(()));
    }
}
