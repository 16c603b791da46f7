//! The attestation of the Microsoft Customer Agreement: `POST /v1/customers/{id}/agreements`.

use crate::domain::account::account_info::AccountInfo;
use crate::domain::common::calendar_date::CalendarDate;
use serde::{Deserialize, Serialize};

/// The agreement type this wizard attests.
pub const MICROSOFT_CUSTOMER_AGREEMENT: &str = "MicrosoftCustomerAgreement";

/// The person who accepted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AgreementContact {
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// Email.
    pub email: String,
    /// Phone, left out when not given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
}

/// The body of `POST /v1/customers/{id}/agreements`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AgreementAttestation {
    /// Who accepted.
    pub primary_contact: AgreementContact,
    /// The template id from `GET /v1/agreements?agreementType=MicrosoftCustomerAgreement`.
    pub template_id: String,
    /// Midnight UTC of the acceptance day.
    pub date_agreed: String,
    /// `MicrosoftCustomerAgreement`.
    #[serde(rename = "type")]
    pub agreement_type: String,
}

/// One agreement template of `GET /v1/agreements`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AgreementTemplate {
    /// The id the attestation names.
    pub template_id: String,
    /// The agreement type.
    pub agreement_type: String,
}

impl AgreementAttestation {
    /// The attestation of the (validated) entries; `None` when the date is not a date.
    pub fn from_account(info: &AccountInfo, template_id: &str) -> Option<Self> {
        let date = CalendarDate::parse(&info.agreement.date)?;
        let signer = info.effective_signer();
        Some(Self {
            primary_contact: AgreementContact {
                first_name: signer.first_name.trim().to_string(),
                last_name: signer.last_name.trim().to_string(),
                email: signer.email.trim().to_string(),
                phone_number: Some(signer.phone.trim().to_string()).filter(|phone| !phone.is_empty()),
            },
            template_id: template_id.to_string(),
            date_agreed: date.to_utc_midnight(),
            agreement_type: MICROSOFT_CUSTOMER_AGREEMENT.to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::account::account_info::Signer;

    #[test]
    fn attests_with_the_primary_contact_by_default() {
        let mut info = AccountInfo {
            first_name: "Gena".into(),
            last_name: "Soto".into(),
            email: "gena@wingtiptoys.com".into(),
            phone: "4255550101".into(),
            ..AccountInfo::default()
        };
        info.agreement.date = "2026-11-20".into();
        let body = serde_json::to_value(
            AgreementAttestation::from_account(&info, "117a77b0-9360-443b-8795-c6dedc750cf9").unwrap(),
        )
        .unwrap();
        assert_eq!(
            body,
            serde_json::json!({
                "primaryContact": { "firstName": "Gena", "lastName": "Soto", "email": "gena@wingtiptoys.com", "phoneNumber": "4255550101" },
                "templateId": "117a77b0-9360-443b-8795-c6dedc750cf9",
                "dateAgreed": "2026-11-20T00:00:00Z",
                "type": "MicrosoftCustomerAgreement"
            })
        );
    }

    #[test]
    fn a_named_signer_without_phone() {
        let mut info = AccountInfo::default();
        info.agreement.date = "2026-11-20".into();
        info.agreement.signer = Some(Signer {
            first_name: "Tania".into(),
            last_name: "Carr".into(),
            email: "tania@contoso.com".into(),
            phone: String::new(),
        });
        let attestation = AgreementAttestation::from_account(&info, "t").unwrap();
        assert_eq!(attestation.primary_contact.first_name, "Tania");
        assert_eq!(attestation.primary_contact.phone_number, None);
        info.agreement.date = "soon".into();
        assert!(AgreementAttestation::from_account(&info, "t").is_none());
    }
}
