//! The optional address pre-check, `POST /v1/validations/address` (spec §4), and what its answer
//! means for the wizard: go on, offer "did you mean", or say the address could not be verified.
//! A suggestion is offered to the user and never applied silently.

use crate::domain::account::account_info::AccountInfo;
use crate::domain::common::letter_case::lower_case;
use serde::{Deserialize, Serialize};

/// An address as the pre-check takes and answers it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PostalAddress {
    /// Street line 1.
    pub address_line1: String,
    /// Street line 2; `None` when empty.
    pub address_line2: Option<String>,
    /// City.
    pub city: String,
    /// State or province code; empty where the country has none.
    pub state: String,
    /// Postal code.
    pub postal_code: String,
    /// ISO 3166 alpha-2 country code.
    pub country: String,
}

impl PostalAddress {
    /// The address the user typed on Account info.
    pub fn of_account(info: &AccountInfo) -> Self {
        let line2 = info.address_line2.trim();
        Self {
            address_line1: info.address_line1.trim().to_string(),
            address_line2: (!line2.is_empty()).then(|| line2.to_string()),
            city: info.city.trim().to_string(),
            state: info.state.trim().to_string(),
            postal_code: info.postal_code.trim().to_string(),
            country: info.country.clone(),
        }
    }

    /// Whether two addresses are the same, but for letter case and spaces around the parts.
    pub fn same_as(&self, other: &PostalAddress) -> bool {
        let key = |address: &PostalAddress| {
            [
                address.address_line1.as_str(),
                address.address_line2.as_deref().unwrap_or_default(),
                address.city.as_str(),
                address.state.as_str(),
                address.postal_code.as_str(),
                address.country.as_str(),
            ]
            .map(|part| lower_case(part.trim()))
        };
        key(self) == key(other)
    }
}

/// The answer of `POST /v1/validations/address`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AddressValidation {
    /// The address as sent.
    pub original_address: Option<PostalAddress>,
    /// Corrected addresses to offer.
    pub suggested_addresses: Vec<PostalAddress>,
    /// `VerifiedShippable`, `Verified`, `InteractionRequired`, `StreetPartial`,
    /// `PremisesPartial`, `Multiple`, `None` or `NotValidated`.
    pub status: String,
    /// The endpoint's words on the address.
    pub validation_message: Option<String>,
}

/// What the wizard does with a pre-check's answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AddressVerdict {
    /// The address is fine, or could not be checked here: go on.
    Accepted,
    /// Offer these corrections beside the address as typed; the user chooses.
    Suggested(Vec<PostalAddress>),
    /// The endpoint could not verify it and has nothing to suggest: the user may change it or
    /// keep it. Carries the endpoint's message, if any.
    Unverified(Option<String>),
}

impl AddressValidation {
    /// What this answer means for `typed`. Suggestions equal to what was typed are no
    /// suggestions; a verified address with real corrections still offers them.
    pub fn verdict(&self, typed: &PostalAddress) -> AddressVerdict {
        let suggestions: Vec<PostalAddress> = self
            .suggested_addresses
            .iter()
            .filter(|suggestion| !suggestion.same_as(typed))
            .map(|suggestion| PostalAddress { country: typed.country.clone(), ..suggestion.clone() })
            .collect();
        if !suggestions.is_empty() {
            return AddressVerdict::Suggested(suggestions);
        }
        match self.status.as_str() {
            "Verified" | "VerifiedShippable" | "NotValidated" | "" => AddressVerdict::Accepted,
            _ => {
                AddressVerdict::Unverified(self.validation_message.clone().filter(|message| !message.trim().is_empty()))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures::wingtip;

    fn typed() -> PostalAddress {
        PostalAddress::of_account(&wingtip())
    }

    fn answer(status: &str, suggestions: Vec<PostalAddress>) -> AddressValidation {
        AddressValidation {
            original_address: Some(typed()),
            suggested_addresses: suggestions,
            status: status.into(),
            validation_message: Some("Street not found".into()),
        }
    }

    #[test]
    fn sends_the_typed_address_trimmed_without_an_empty_second_line() {
        let json = serde_json::to_value(typed()).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"addressLine1": "One Microsoft Way", "addressLine2": null, "city": "Redmond",
                "state": "WA", "postalCode": "98052", "country": "US"})
        );
    }

    #[test]
    fn verified_goes_on_and_a_suggestion_equal_to_the_input_is_none() {
        assert_eq!(answer("Verified", vec![]).verdict(&typed()), AddressVerdict::Accepted);
        let same = PostalAddress { city: "REDMOND ".into(), ..typed() };
        assert_eq!(answer("VerifiedShippable", vec![same]).verdict(&typed()), AddressVerdict::Accepted);
        assert_eq!(answer("NotValidated", vec![]).verdict(&typed()), AddressVerdict::Accepted);
    }

    #[test]
    fn corrections_are_offered_whatever_the_status() {
        let corrected = PostalAddress { postal_code: "98052-6399".into(), country: String::new(), ..typed() };
        let verdict = answer("InteractionRequired", vec![corrected]).verdict(&typed());
        let AddressVerdict::Suggested(suggestions) = verdict else { panic!("{verdict:?}") };
        assert_eq!(suggestions[0].postal_code, "98052-6399");
        assert_eq!(suggestions[0].country, "US", "the country is the one typed");
    }

    #[test]
    fn unverified_without_suggestions_carries_the_message() {
        assert_eq!(
            answer("None", vec![]).verdict(&typed()),
            AddressVerdict::Unverified(Some("Street not found".into()))
        );
    }
}
