//! The organization registration number (`companyProfile.organizationRegistrationNumber`): INN,
//! CNPJ, GSTIN… Asked for, and sent, only where the country requires it.

use crate::domain::account::field_error::FieldError;
use crate::domain::account::rules::check_digits::{is_valid_cnpj, is_valid_inn};
use crate::domain::account::rules::text::{at_most, require};
use crate::domain::country::country_rules::CountryRules;
use crate::domain::country::pattern::pattern_matches;

/// The most characters of a registration number.
pub const MAX_LENGTH: usize = 50;

/// Checks a registration number against the country's pattern, where it has one, and its check
/// digits where the scheme is public (Russia's INN, Brazil's CNPJ).
pub fn check_registration_number(value: &str, rules: &CountryRules) -> Result<(), FieldError> {
    let number = require(value)?;
    at_most(number, MAX_LENGTH)?;
    let pattern = rules.customer_organization_registration_number_regex.as_deref();
    if pattern.and_then(|regex| pattern_matches(regex, number)) == Some(false) {
        return Err(FieldError::WrongFormat {
            example: rules.customer_organization_registration_number_sample.clone(),
        });
    }
    let check_digits_hold = match rules.iso2_code.as_deref() {
        Some("RU") => is_valid_inn(number),
        Some("BR") => is_valid_cnpj(number),
        _ => true,
    };
    if check_digits_hold {
        Ok(())
    } else {
        Err(FieldError::WrongChecksum)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures::country_rules;

    #[test]
    fn russian_inn_has_10_or_12_digits() {
        let ru = country_rules("RU");
        assert_eq!(check_registration_number("7707083893", &ru), Ok(()));
        assert_eq!(check_registration_number("500100732259", &ru), Ok(()));
        assert_eq!(check_registration_number("", &ru), Err(FieldError::Missing));
        assert_eq!(
            check_registration_number("12345", &ru),
            Err(FieldError::WrongFormat { example: Some("7707083893".into()) })
        );
        assert_eq!(check_registration_number("7707083894", &ru), Err(FieldError::WrongChecksum));
    }

    #[test]
    fn brazilian_cnpj_with_or_without_punctuation() {
        let br = country_rules("BR");
        assert_eq!(check_registration_number("11.222.333/0001-81", &br), Ok(()));
        assert_eq!(check_registration_number("11222333000181", &br), Ok(()));
        assert_eq!(check_registration_number("12.ABC.345/01DE-35", &br), Ok(()), "the alphanumeric CNPJ");
        assert!(matches!(check_registration_number("11.222.333", &br), Err(FieldError::WrongFormat { .. })));
        assert_eq!(check_registration_number("11.222.333/0001-82", &br), Err(FieldError::WrongChecksum));
    }

    #[test]
    fn a_country_without_a_pattern_takes_any_number() {
        let mm = country_rules("MM");
        assert_eq!(check_registration_number("MM-1234", &mm), Ok(()));
        assert!(matches!(check_registration_number(&"9".repeat(51), &mm), Err(FieldError::TooLong { .. })));
    }
}
