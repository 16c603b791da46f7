//! Indirect resellers: who an indirect provider creates a customer for, and the partners of
//! record of its orders (spec §1, "Indirect reseller").

use crate::domain::account::field_error::ResellerError;
use crate::domain::common::letter_case::lower_case;
use crate::domain::requests::customer_request::NewCustomer;
use serde::{Deserialize, Serialize};

/// The countries of the EU and EFTA, where up to five additional partners of record may be named.
pub const EU_EFTA: [&str; 31] = [
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT",
    "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO", "CH",
];

/// The most additional partners of record an order line may name.
pub const MAX_ADDITIONAL_RESELLERS: usize = 5;

/// One reseller of an indirect provider, as `GET /v1/relationships?relationship_type=
/// IsIndirectCloudSolutionProviderOf` lists them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Reseller {
    /// The reseller's tenant id: the customer's `associatedPartnerId`.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its MPN (partner) id: the order lines' `partnerIdOnRecord`.
    pub mpn_id: String,
    /// Its country, ISO 3166 alpha-2.
    pub location: String,
    /// `Active`, …
    pub state: String,
}

impl Reseller {
    /// Whether every word of `search` is in its name, MPN id or location (`location_name` is
    /// the location's display name).
    pub fn matches(&self, search: &str, location_name: &str) -> bool {
        let haystack = lower_case(&format!("{} {} {} {}", self.name, self.mpn_id, self.location, location_name));
        search.split_whitespace().all(|word| haystack.contains(&lower_case(word)))
    }
}

/// The answer of `GET /v1/compliance/csp/agreementstatus?mpnId=…`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AgreementStatus {
    /// Whether the reseller signed the partner agreement.
    pub is_agreement_signed: bool,
}

/// Whom an indirect provider creates the customer for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ResellerChoice {
    /// The reseller, by tenant id.
    pub reseller: Option<Reseller>,
    /// The provider attests that it acts without a reseller.
    pub without_reseller: bool,
    /// Additional partners of record (EU/EFTA only).
    pub additional: Vec<Reseller>,
}

/// Checks an indirect provider's choice; `signed` says whether an MPN id signed the partner
/// agreement; `own_mpn_id` is the provider's own.
pub fn check_reseller_choice(
    choice: &ResellerChoice,
    country: &str,
    own_mpn_id: Option<&str>,
    signed: impl Fn(&str) -> bool,
) -> Result<(), ResellerError> {
    let everyone = choice.reseller.iter().chain(&choice.additional);
    for reseller in everyone.clone() {
        if own_mpn_id.is_some_and(|own| own == reseller.mpn_id) {
            return Err(ResellerError::OwnId);
        }
        if !signed(&reseller.mpn_id) {
            return Err(ResellerError::AgreementNotSigned);
        }
    }
    if !choice.additional.is_empty() {
        if choice.reseller.is_none() {
            return Err(ResellerError::AdditionalWithoutFirst);
        }
        if !EU_EFTA.contains(&country) {
            return Err(ResellerError::AdditionalNotAllowed);
        }
        if choice.additional.len() > MAX_ADDITIONAL_RESELLERS {
            return Err(ResellerError::TooManyAdditional);
        }
    }
    let ids: Vec<&str> = everyone.map(|reseller| reseller.mpn_id.as_str()).collect();
    if (1..ids.len()).any(|index| ids[..index].contains(&ids[index])) {
        return Err(ResellerError::Duplicate);
    }
    if choice.reseller.is_none() && !choice.without_reseller {
        return Err(ResellerError::NotChosen);
    }
    Ok(())
}

impl ResellerChoice {
    /// Names the reseller on the customer (`associatedPartnerId`); the cart names it on every
    /// line ([`crate::domain::commerce::cart::participants`]). Without a reseller nothing
    /// changes: the provider's own id is never a partner of record.
    pub fn apply(&self, customer: &mut NewCustomer) {
        if let Some(reseller) = &self.reseller {
            customer.associated_partner_id = Some(reseller.id.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::account::account_info::AccountInfo;
    use crate::domain::country::country_rules::CountryRules;

    fn reseller(name: &str, mpn_id: &str, location: &str) -> Reseller {
        Reseller {
            id: format!("tenant-{mpn_id}"),
            name: name.into(),
            mpn_id: mpn_id.into(),
            location: location.into(),
            state: "Active".into(),
        }
    }

    fn first_up() -> Reseller {
        reseller("First Up Consultants", "4847383", "US")
    }

    fn all_signed(_: &str) -> bool {
        true
    }

    #[test]
    fn a_reseller_or_the_attestation_is_needed() {
        let none = ResellerChoice::default();
        assert_eq!(check_reseller_choice(&none, "US", None, all_signed), Err(ResellerError::NotChosen));
        let without = ResellerChoice { without_reseller: true, ..ResellerChoice::default() };
        assert_eq!(check_reseller_choice(&without, "US", None, all_signed), Ok(()));
        let chosen = ResellerChoice { reseller: Some(first_up()), ..ResellerChoice::default() };
        assert_eq!(check_reseller_choice(&chosen, "US", None, all_signed), Ok(()));
    }

    #[test]
    fn the_reseller_must_have_signed_and_not_be_the_provider() {
        let chosen = ResellerChoice { reseller: Some(first_up()), ..ResellerChoice::default() };
        assert_eq!(check_reseller_choice(&chosen, "US", None, |_| false), Err(ResellerError::AgreementNotSigned));
        assert_eq!(check_reseller_choice(&chosen, "US", Some("4847383"), all_signed), Err(ResellerError::OwnId));
    }

    #[test]
    fn additional_resellers_only_in_the_eu_and_efta_at_most_five_and_distinct() {
        let additional: Vec<Reseller> = (1..=5).map(|n| reseller(&format!("R{n}"), &format!("10{n}"), "DE")).collect();
        let choice =
            ResellerChoice { reseller: Some(first_up()), additional: additional.clone(), ..ResellerChoice::default() };
        assert_eq!(check_reseller_choice(&choice, "DE", None, all_signed), Ok(()));
        assert_eq!(check_reseller_choice(&choice, "NO", None, all_signed), Ok(()), "EFTA counts");
        assert_eq!(check_reseller_choice(&choice, "US", None, all_signed), Err(ResellerError::AdditionalNotAllowed));
        let mut six = choice.clone();
        six.additional.push(reseller("R6", "106", "DE"));
        assert_eq!(check_reseller_choice(&six, "DE", None, all_signed), Err(ResellerError::TooManyAdditional));
        let mut twice = choice.clone();
        twice.additional[4] = first_up();
        assert_eq!(check_reseller_choice(&twice, "DE", None, all_signed), Err(ResellerError::Duplicate));
        let without_first = ResellerChoice { additional, ..ResellerChoice::default() };
        assert_eq!(
            check_reseller_choice(&without_first, "DE", None, all_signed),
            Err(ResellerError::AdditionalWithoutFirst)
        );
    }

    #[test]
    fn the_reseller_goes_on_the_customer_and_every_cart_line() {
        let mut customer = NewCustomer::from_account(&AccountInfo::default(), &CountryRules::default());
        let choice = ResellerChoice {
            reseller: Some(first_up()),
            additional: vec![reseller("R", "101", "DE")],
            ..ResellerChoice::default()
        };
        choice.apply(&mut customer);
        assert_eq!(customer.associated_partner_id.as_deref(), Some("tenant-4847383"));
        let participants = crate::domain::commerce::cart::participants(&choice);
        let values: Vec<(&str, &str)> =
            participants.iter().map(|participant| (participant.key.as_str(), participant.value.as_str())).collect();
        assert_eq!(values, [("transaction_reseller", "4847383"), ("additional_transaction_reseller", "101")]);
    }

    #[test]
    fn without_a_reseller_nothing_names_a_partner_of_record() {
        let mut customer = NewCustomer::from_account(&AccountInfo::default(), &CountryRules::default());
        let choice = ResellerChoice { without_reseller: true, ..ResellerChoice::default() };
        choice.apply(&mut customer);
        assert_eq!(customer.associated_partner_id, None);
        assert!(crate::domain::commerce::cart::participants(&choice).is_empty());
        let body = serde_json::to_value(&customer).unwrap();
        assert!(body.get("associatedPartnerId").is_none());
    }

    #[test]
    fn searches_by_name_mpn_id_or_location() {
        let relecloud = reseller("ReleCloud", "4847433", "BR");
        assert!(relecloud.matches("rele", "Brazil"));
        assert!(relecloud.matches("4847433", "Brazil"));
        assert!(relecloud.matches("brazil", "Brazil"));
        assert!(!relecloud.matches("first", "Brazil"));
    }
}
