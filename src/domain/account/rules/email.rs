//! An email address (the primary contact's, the signer's).

use crate::domain::account::field_error::FieldError;
use crate::domain::account::rules::text::{at_most, require};
use crate::domain::common::letter_case::lower_case;

/// The most characters an address may have (RFC 5321).
pub const MAX_LENGTH: usize = 254;

fn is_valid_domain(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && labels.last().is_some_and(|tld| tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic))
}

fn is_valid_local_part(local: &str) -> bool {
    const SPECIALS: &str = ".!#$%&'*+/=?^_`{|}~-";
    !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local.chars().all(|c| c.is_alphanumeric() || SPECIALS.contains(c))
}

/// Whether `domain` is `base` or one of its subdomains, ignoring case.
fn is_at_domain(domain: &str, base: &str) -> bool {
    let domain = lower_case(domain);
    let base = lower_case(base.trim().trim_start_matches('@'));
    !base.is_empty() && (domain == base || domain.ends_with(&format!(".{base}")))
}

/// Checks an email address; `partner_domains` are the partner's own domains, which a customer's
/// contact cannot be at.
pub fn check_email(value: &str, partner_domains: &[String]) -> Result<(), FieldError> {
    let address = require(value)?;
    at_most(address, MAX_LENGTH)?;
    let Some((local, domain)) = address.rsplit_once('@') else {
        return Err(FieldError::InvalidEmail);
    };
    if !is_valid_local_part(local) || !is_valid_domain(domain) {
        return Err(FieldError::InvalidEmail);
    }
    if is_at_domain(domain, "microsoft.com") {
        return Err(FieldError::MicrosoftEmail);
    }
    if partner_domains.iter().any(|own| is_at_domain(domain, own)) {
        return Err(FieldError::PartnerEmail);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_addresses() {
        for address in ["gena@wingtiptoys.com", "first.last+tag@sub.example.co.uk", "иван@пример.рф", "a@b.io"]
        {
            assert_eq!(check_email(address, &[]), Ok(()), "{address}");
        }
    }

    #[test]
    fn rejects_malformed_addresses() {
        assert_eq!(check_email("", &[]), Err(FieldError::Missing));
        for address in [
            "gena",
            "gena@",
            "@wingtiptoys.com",
            "gena@wingtiptoys",
            "gena@@x.com",
            "ge na@x.com",
            "gena@x..com",
            ".gena@x.com",
            "gena@-x.com",
            "gena@x.c0m",
        ] {
            assert_eq!(check_email(address, &[]), Err(FieldError::InvalidEmail), "{address}");
        }
        let long = format!("{}@example.com", "a".repeat(250));
        assert!(matches!(check_email(&long, &[]), Err(FieldError::TooLong { .. })));
    }

    #[test]
    fn rejects_microsoft_and_the_partners_own_domain() {
        assert_eq!(check_email("someone@microsoft.com", &[]), Err(FieldError::MicrosoftEmail));
        assert_eq!(check_email("someone@Corp.Microsoft.com", &[]), Err(FieldError::MicrosoftEmail));
        assert_eq!(check_email("someone@notmicrosoft.com", &[]), Ok(()));
        let own = vec!["contoso.com".to_string()];
        assert_eq!(check_email("sales@contoso.com", &own), Err(FieldError::PartnerEmail));
        assert_eq!(check_email("sales@eu.contoso.com", &own), Err(FieldError::PartnerEmail));
        assert_eq!(check_email("gena@wingtiptoys.com", &own), Ok(()));
    }
}
