//! Company name: the customer's exact legal name (`billingProfile.companyName`).

use crate::domain::account::field_error::FieldError;
use crate::domain::account::rules::text::{at_most, is_punctuation_or_space, only_punctuation, require};
use crate::domain::common::letter_case::lower_case;

/// The most characters a company name may have.
pub const MAX_LENGTH: usize = 255;

/// Legal forms that are not a name on their own, written without dots or spaces.
const LEGAL_FORMS: [&str; 40] = [
    "llc",
    "inc",
    "ltd",
    "limited",
    "corp",
    "corporation",
    "co",
    "company",
    "plc",
    "llp",
    "lp",
    "pty",
    "ptyltd",
    "pvtltd",
    "gmbh",
    "ag",
    "kg",
    "ug",
    "sa",
    "sas",
    "sarl",
    "srl",
    "spa",
    "bv",
    "nv",
    "oy",
    "ab",
    "as",
    "aps",
    "kk",
    "spzoo",
    "ooo",
    "oao",
    "zao",
    "pao",
    "ao",
    "ип",
    "ооо",
    "зао",
    "пао",
];

/// Checks a company name.
pub fn check_company_name(value: &str) -> Result<(), FieldError> {
    let name = require(value)?;
    at_most(name, MAX_LENGTH)?;
    if only_punctuation(name) {
        return Err(FieldError::OnlyPunctuation);
    }
    let letters_and_digits = lower_case(&name.chars().filter(|c| !is_punctuation_or_space(*c)).collect::<String>());
    if letters_and_digits.chars().count() < 2 {
        return Err(FieldError::SingleCharacter);
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() > 1 && words.iter().all(|word| word.chars().count() == 1) {
        return Err(FieldError::SpacedCharacters);
    }
    if LEGAL_FORMS.contains(&letters_and_digits.as_str()) {
        return Err(FieldError::BareLegalForm);
    }
    let mut chars = letters_and_digits.chars();
    let first = chars.next();
    if letters_and_digits.chars().count() >= 3 && chars.all(|c| Some(c) == first) {
        return Err(FieldError::RepeatedCharacter);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_real_names() {
        for name in [
            "Wingtip Toys",
            "Contoso, Ltd.",
            "3M",
            "AT&T",
            "ООО «Ромашка»",
            "株式会社ソニー",
            "X5 Group",
            "Inc. Magazine",
        ] {
            assert_eq!(check_company_name(name), Ok(()), "{name}");
        }
    }

    #[test]
    fn rejects_blank_and_too_long() {
        assert_eq!(check_company_name(""), Err(FieldError::Missing));
        assert_eq!(check_company_name("    "), Err(FieldError::Missing));
        let paste = "A".repeat(9_999) + "b";
        assert_eq!(check_company_name(&paste), Err(FieldError::TooLong { max: 255, length: 10_000 }));
        assert_eq!(check_company_name(&"Ab".repeat(127)), Ok(()));
    }

    #[test]
    fn rejects_non_names() {
        assert_eq!(check_company_name("A"), Err(FieldError::SingleCharacter));
        assert_eq!(check_company_name("A."), Err(FieldError::SingleCharacter));
        assert_eq!(check_company_name("..."), Err(FieldError::OnlyPunctuation));
        assert_eq!(check_company_name("1 2 3"), Err(FieldError::SpacedCharacters));
        assert_eq!(check_company_name("a b c"), Err(FieldError::SpacedCharacters));
        assert_eq!(check_company_name("aaa"), Err(FieldError::RepeatedCharacter));
        assert_eq!(check_company_name("XXXX"), Err(FieldError::RepeatedCharacter));
    }

    #[test]
    fn rejects_a_bare_legal_form() {
        for form in ["LLC", "llc", "L.L.C.", "Inc.", "GmbH", "Pty Ltd", "ООО", "Sp. z o.o."] {
            assert_eq!(check_company_name(form), Err(FieldError::BareLegalForm), "{form}");
        }
    }
}
