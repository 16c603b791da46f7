//! A phone number (`defaultAddress.phoneNumber`, the signer's phone).

use super::text::{at_most, clean};
use crate::domain::country_rules::CountryRules;
use crate::domain::field_error::FieldError;
use crate::domain::pattern::pattern_matches;

/// The most characters of a phone number as typed.
pub const MAX_LENGTH: usize = 30;
/// The fewest digits of any national number with its area code.
const MIN_DIGITS: usize = 6;
/// The most digits of an international number (E.164).
const MAX_DIGITS: usize = 15;

/// An example of a well-formed number for a country's pattern, shown in the error.
fn example(rules: &CountryRules) -> Option<String> {
    match rules.iso2_code.as_deref() {
        Some("US") | Some("CA") => Some("425-555-0101".into()),
        _ => None,
    }
}

/// Checks a phone number: `required` says whether it may be empty. Where the country has a
/// pattern the number must match it; elsewhere it must look like a phone number: digits, spaces,
/// `+ - ( ) . /`, and 6 to 15 digits.
pub fn check_phone(value: &str, rules: &CountryRules, required: bool) -> Result<(), FieldError> {
    let phone = clean(value);
    if phone.is_empty() {
        return if required { Err(FieldError::Missing) } else { Ok(()) };
    }
    at_most(phone, MAX_LENGTH)?;
    let wrong_format = || FieldError::WrongFormat { example: example(rules) };
    if let Some(matches) = rules.phone_number_regex.as_deref().and_then(|regex| pattern_matches(regex, phone)) {
        return if matches { Ok(()) } else { Err(wrong_format()) };
    }
    let allowed = |c: char| c.is_ascii_digit() || " +-().//".contains(c);
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    let plus_only_first = phone.rfind('+').is_none_or(|at| at == 0);
    if phone.chars().all(allowed) && plus_only_first && (MIN_DIGITS..=MAX_DIGITS).contains(&digits) {
        Ok(())
    } else {
        Err(wrong_format())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::builtin_countries::builtin_rules;

    #[test]
    fn us_numbers_follow_the_us_pattern() {
        let us = builtin_rules("US").unwrap();
        for phone in ["4255550101", "425-555-0101", "(425) 555-0101", "1 425 555 0101", "425.555.0101"] {
            assert_eq!(check_phone(phone, &us, false), Ok(()), "{phone}");
        }
        for phone in ["+1 425 555 0101", "555-0101", "42555501011", "call me"] {
            assert!(matches!(check_phone(phone, &us, false), Err(FieldError::WrongFormat { .. })), "{phone}");
        }
        assert_eq!(check_phone("", &us, false), Ok(()));
    }

    #[test]
    fn required_where_the_country_says() {
        let ru = builtin_rules("RU").unwrap();
        assert_eq!(check_phone("", &ru, ru.requires_phone()), Err(FieldError::Missing));
        assert_eq!(check_phone("+7 495 123-45-67", &ru, true), Ok(()));
        assert_eq!(check_phone("8 (495) 123-45-67", &ru, true), Ok(()));
    }

    #[test]
    fn without_a_pattern_it_must_look_like_a_phone_number() {
        let ru = builtin_rules("RU").unwrap();
        assert!(matches!(check_phone("12345", &ru, true), Err(FieldError::WrongFormat { .. })));
        assert!(matches!(check_phone("1234567890123456", &ru, true), Err(FieldError::WrongFormat { .. })));
        assert!(matches!(check_phone("495 123 45 67 ext", &ru, true), Err(FieldError::WrongFormat { .. })));
        assert!(matches!(check_phone("7+495 1234567", &ru, true), Err(FieldError::WrongFormat { .. })));
        assert!(matches!(check_phone(&"1".repeat(10_000), &ru, true), Err(FieldError::TooLong { .. })));
    }
}
