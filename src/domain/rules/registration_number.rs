//! The organization registration number (`companyProfile.organizationRegistrationNumber`): INN,
//! CNPJ, GSTIN… Asked for, and sent, only where the country requires it.

use super::text::{at_most, require};
use crate::domain::country_rules::CountryRules;
use crate::domain::field_error::FieldError;
use crate::domain::pattern::pattern_matches;

/// The most characters of a registration number.
pub const MAX_LENGTH: usize = 50;

/// Checks a registration number against the country's pattern, where it has one.
pub fn check_registration_number(value: &str, rules: &CountryRules) -> Result<(), FieldError> {
    let number = require(value)?;
    at_most(number, MAX_LENGTH)?;
    let pattern = rules.customer_organization_registration_number_regex.as_deref();
    match pattern.and_then(|regex| pattern_matches(regex, number)) {
        Some(false) => {
            Err(FieldError::WrongFormat { example: rules.customer_organization_registration_number_sample.clone() })
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::builtin_countries::builtin_rules;

    #[test]
    fn russian_inn_has_10_or_12_digits() {
        let ru = builtin_rules("RU").unwrap();
        assert_eq!(check_registration_number("7707083893", &ru), Ok(()));
        assert_eq!(check_registration_number("500100732259", &ru), Ok(()));
        assert_eq!(check_registration_number("", &ru), Err(FieldError::Missing));
        assert_eq!(
            check_registration_number("12345", &ru),
            Err(FieldError::WrongFormat { example: Some("7707083893".into()) })
        );
    }

    #[test]
    fn brazilian_cnpj_with_or_without_punctuation() {
        let br = builtin_rules("BR").unwrap();
        assert_eq!(check_registration_number("11.222.333/0001-81", &br), Ok(()));
        assert_eq!(check_registration_number("11222333000181", &br), Ok(()));
        assert!(matches!(check_registration_number("11.222.333", &br), Err(FieldError::WrongFormat { .. })));
    }

    #[test]
    fn a_country_without_a_pattern_takes_any_number() {
        let mm = builtin_rules("MM").unwrap();
        assert_eq!(check_registration_number("MM-1234", &mm), Ok(()));
        assert!(matches!(check_registration_number(&"9".repeat(51), &mm), Err(FieldError::TooLong { .. })));
    }
}
