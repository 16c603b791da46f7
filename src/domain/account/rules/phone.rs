//! A phone number (`defaultAddress.phoneNumber`, the signer's phone): typed in any usual
//! national or international form, sent as the national number in digits (US: `4255550101`,
//! never `+1`), and checked against the country's numbering plan.

use crate::domain::account::field_error::FieldError;
use crate::domain::account::rules::text::{at_most, clean};
use crate::domain::country::country_rules::CountryRules;
use crate::domain::country::pattern::pattern_matches;

/// The most characters of a phone number as typed.
pub const MAX_LENGTH: usize = 30;
/// The fewest digits of any national number with its area code, where the plan is unknown.
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

/// The national number of `phone` (digits and the usual separators): without the country's
/// calling code (`+7`, `007`, or a bare `7` where the length says so) and without the national
/// trunk prefix (`8`, `0`).
fn national_digits(phone: &str, rules: &CountryRules) -> Result<String, FieldError> {
    let allowed = |c: char| c.is_ascii_digit() || " +-().//".contains(c);
    let plus_only_first = phone.rfind('+').is_none_or(|at| at == 0);
    if !phone.chars().all(allowed) || !plus_only_first {
        return Err(FieldError::WrongFormat { example: example(rules) });
    }
    let mut digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    let international = phone.starts_with('+') || digits.starts_with("00");
    if !phone.starts_with('+') && digits.starts_with("00") {
        digits.drain(..2);
    }
    let code = rules.country_calling_codes_list.as_deref().and_then(<[String]>::first).map(String::as_str);
    let lengths = rules.phone_lengths.as_deref().unwrap_or_default();
    let fits = |number: &str| lengths.contains(&(number.len() as u8));
    match code {
        Some(code) if international => match digits.strip_prefix(code) {
            Some(national) => digits = national.to_string(),
            None => return Err(FieldError::WrongCountryCode { expected: code.to_string() }),
        },
        Some(code) if !fits(&digits) && digits.strip_prefix(code).is_some_and(fits) => {
            digits.drain(..code.len());
        }
        _ => {}
    }
    if let Some(prefix) = rules.phone_national_prefix.as_deref().filter(|prefix| !prefix.is_empty()) {
        if !fits(&digits) && digits.strip_prefix(prefix).is_some_and(fits) {
            digits.drain(..prefix.len());
        }
    }
    Ok(digits)
}

/// The phone number as it is sent: the national number in digits, or `None` when empty.
/// `Err` says what is wrong with it; `required` says whether it may be empty.
pub fn normalized_phone(value: &str, rules: &CountryRules, required: bool) -> Result<Option<String>, FieldError> {
    let phone = clean(value);
    if phone.is_empty() {
        return if required { Err(FieldError::Missing) } else { Ok(None) };
    }
    at_most(phone, MAX_LENGTH)?;
    let national = national_digits(phone, rules)?;
    let lengths = rules.phone_lengths.as_deref().unwrap_or_default();
    if !lengths.is_empty() && !lengths.contains(&(national.len() as u8)) {
        return Err(FieldError::WrongLength { lengths: lengths.to_vec() });
    }
    if lengths.is_empty() && !(MIN_DIGITS..=MAX_DIGITS).contains(&national.len()) {
        return Err(FieldError::WrongFormat { example: example(rules) });
    }
    // An endpoint's pattern has the last word, on the number as it will be sent.
    match rules.phone_number_regex.as_deref().and_then(|regex| pattern_matches(regex, &national)) {
        Some(false) => Err(FieldError::WrongFormat { example: example(rules) }),
        _ => Ok(Some(national)),
    }
}

/// Checks a phone number; `required` says whether it may be empty.
pub fn check_phone(value: &str, rules: &CountryRules, required: bool) -> Result<(), FieldError> {
    normalized_phone(value, rules, required).map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures::country_rules;

    fn sent(value: &str, iso2: &str) -> Result<Option<String>, FieldError> {
        normalized_phone(value, &country_rules(iso2), false)
    }

    #[test]
    fn us_numbers_in_every_usual_form_are_sent_without_plus_one() {
        for phone in [
            "4255550101",
            "425-555-0101",
            "(425) 555-0101",
            "1 425 555 0101",
            "425.555.0101",
            "+1 425 555 0101",
            "001 425 555 0101",
        ] {
            assert_eq!(sent(phone, "US"), Ok(Some("4255550101".into())), "{phone}");
        }
        assert_eq!(sent("", "US"), Ok(None));
        assert_eq!(sent("555-0101", "US"), Err(FieldError::WrongLength { lengths: vec![10] }));
        assert_eq!(sent("42555501011", "US"), Err(FieldError::WrongLength { lengths: vec![10] }));
        assert!(matches!(sent("call me", "US"), Err(FieldError::WrongFormat { .. })));
        assert_eq!(sent("+44 20 7946 0958", "US"), Err(FieldError::WrongCountryCode { expected: "1".into() }));
    }

    #[test]
    fn russian_numbers_with_plus_seven_eight_or_neither() {
        for phone in ["+7 495 123-45-67", "8 (495) 123-45-67", "7 495 1234567", "495 123 45 67", "0074951234567"] {
            assert_eq!(sent(phone, "RU"), Ok(Some("4951234567".into())), "{phone}");
        }
        assert!(matches!(sent("495 123 45", "RU"), Err(FieldError::WrongLength { .. })));
    }

    #[test]
    fn british_numbers_lose_the_trunk_zero() {
        assert_eq!(sent("020 7946 0958", "GB"), Ok(Some("2079460958".into())));
        assert_eq!(sent("+44 (0)20 7946 0958", "GB"), Ok(Some("2079460958".into())), "the (0) convention");
        assert_eq!(sent("+44 20 7946 0958", "GB"), Ok(Some("2079460958".into())));
    }

    #[test]
    fn required_where_the_country_says() {
        let ru = country_rules("RU");
        assert_eq!(check_phone("", &ru, ru.requires_phone()), Err(FieldError::Missing));
        assert_eq!(check_phone("+7 495 123-45-67", &ru, true), Ok(()));
    }

    #[test]
    fn without_a_numbering_plan_it_must_look_like_a_phone_number() {
        let plain = CountryRules::default();
        assert_eq!(normalized_phone("+99 1234 5678", &plain, true), Ok(Some("9912345678".into())));
        assert!(matches!(check_phone("12345", &plain, true), Err(FieldError::WrongFormat { .. })));
        assert!(matches!(check_phone("1234567890123456", &plain, true), Err(FieldError::WrongFormat { .. })));
        assert!(matches!(check_phone("495 123 45 67 ext", &plain, true), Err(FieldError::WrongFormat { .. })));
        assert!(matches!(check_phone("7+495 1234567", &plain, true), Err(FieldError::WrongFormat { .. })));
        assert!(matches!(check_phone(&"1".repeat(10_000), &plain, true), Err(FieldError::TooLong { .. })));
    }
}
