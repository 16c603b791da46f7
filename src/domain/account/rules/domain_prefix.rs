//! Domain prefix: the `<prefix>` of `<prefix>.onmicrosoft.com` (`companyProfile.domain`).

use crate::domain::account::field_error::FieldError;
use crate::domain::account::rules::text::{at_most, require};

/// The most characters a domain prefix may have.
pub const MAX_LENGTH: usize = 27;

/// The suffix Microsoft adds to every initial domain.
pub const SUFFIX: &str = ".onmicrosoft.com";

/// Checks a domain prefix: letters and digits only, at most 27.
pub fn check_domain_prefix(value: &str) -> Result<(), FieldError> {
    let prefix = require(value)?;
    if !prefix.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(FieldError::NotLettersAndDigits);
    }
    at_most(prefix, MAX_LENGTH)
}

/// The full initial domain of a prefix, lower-cased: `wingtiptoys.onmicrosoft.com`.
pub fn full_domain(prefix: &str) -> String {
    format!("{}{SUFFIX}", prefix.trim().to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_letters_and_digits() {
        assert_eq!(check_domain_prefix("wingtiptoys"), Ok(()));
        assert_eq!(check_domain_prefix("Contoso2026"), Ok(()));
        assert_eq!(check_domain_prefix(&"a".repeat(27)), Ok(()));
    }

    #[test]
    fn rejects_anything_else() {
        assert_eq!(check_domain_prefix(""), Err(FieldError::Missing));
        assert_eq!(check_domain_prefix("wingtip-toys"), Err(FieldError::NotLettersAndDigits));
        assert_eq!(check_domain_prefix("wingtip toys"), Err(FieldError::NotLettersAndDigits));
        assert_eq!(check_domain_prefix("wingtip.onmicrosoft.com"), Err(FieldError::NotLettersAndDigits));
        assert_eq!(check_domain_prefix("ромашка"), Err(FieldError::NotLettersAndDigits));
        assert_eq!(check_domain_prefix(&"a".repeat(28)), Err(FieldError::TooLong { max: 27, length: 28 }));
    }

    #[test]
    fn builds_the_full_domain() {
        assert_eq!(full_domain(" WingtipToys "), "wingtiptoys.onmicrosoft.com");
    }
}
