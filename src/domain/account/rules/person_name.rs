//! A person's first or last name (the primary contact, the agreement's signer).

use crate::domain::account::field_error::FieldError;
use crate::domain::account::rules::text::{at_most, require};
use crate::domain::common::letter_case::lower_case;

/// The most characters the UI allows (the API allows 50).
pub const MAX_LENGTH: usize = 40;

/// Words that stand in for a name but are not one.
const PLACEHOLDERS: [&str; 22] = [
    "test",
    "testing",
    "tester",
    "admin",
    "administrator",
    "user",
    "name",
    "firstname",
    "lastname",
    "first",
    "last",
    "unknown",
    "none",
    "null",
    "na",
    "n/a",
    "tbd",
    "asdf",
    "qwerty",
    "xxx",
    "demo",
    "sample",
];

/// Whether the character is CJK, where one character can be a whole name.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF     // Hiragana, Katakana
        | 0x3400..=0x4DBF   // CJK Extension A
        | 0x4E00..=0x9FFF   // CJK Unified Ideographs
        | 0xAC00..=0xD7AF   // Hangul syllables
        | 0xF900..=0xFAFF   // CJK Compatibility Ideographs
        | 0x20000..=0x2FA1F // CJK Extensions B..F and supplement
    )
}

/// Checks a first or last name.
pub fn check_person_name(value: &str) -> Result<(), FieldError> {
    let name = require(value)?;
    at_most(name, MAX_LENGTH)?;
    if !name.chars().any(char::is_alphabetic) {
        return Err(FieldError::NoLetters);
    }
    let mut letters = name.chars().filter(|c| c.is_alphanumeric());
    if let (Some(only), None) = (letters.next(), letters.next()) {
        if !is_cjk(only) {
            return Err(FieldError::SingleCharacter);
        }
    }
    if PLACEHOLDERS.contains(&lower_case(name).as_str()) {
        return Err(FieldError::Placeholder);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_real_names() {
        for name in ["Gena", "Soto", "O'Brien", "Jean-Luc", "Ли", "Александра", "王", "李", "김", "de la Cruz", "Ng"]
        {
            assert_eq!(check_person_name(name), Ok(()), "{name}");
        }
    }

    #[test]
    fn rejects_blank_long_and_single_letters() {
        assert_eq!(check_person_name(" "), Err(FieldError::Missing));
        assert_eq!(check_person_name(&"a".repeat(41)), Err(FieldError::TooLong { max: 40, length: 41 }));
        assert_eq!(check_person_name("J"), Err(FieldError::SingleCharacter));
        assert_eq!(check_person_name("J."), Err(FieldError::SingleCharacter));
    }

    #[test]
    fn rejects_placeholders_and_non_letters() {
        assert_eq!(check_person_name("Test"), Err(FieldError::Placeholder));
        assert_eq!(check_person_name("ADMIN"), Err(FieldError::Placeholder));
        assert_eq!(check_person_name("12345"), Err(FieldError::NoLetters));
        assert_eq!(check_person_name("---"), Err(FieldError::NoLetters));
        assert_eq!(check_person_name("😀😀"), Err(FieldError::NoLetters));
    }
}
