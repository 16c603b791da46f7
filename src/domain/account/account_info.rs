//! What the Account info page collects, as plain data.

use crate::domain::commerce::qualification::QualificationChoice;
use serde::{Deserialize, Serialize};
/// How the customer accepts the Microsoft Customer Agreement.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum AgreementMethod {
    /// The customer has accepted; the partner attests it now (`POST …/agreements`).
    #[default]
    AttestNow,
    /// The customer will accept in the Microsoft 365 admin center; no attestation is sent.
    AdminCenter,
}

/// The person who accepted the agreement, where it is not the primary contact.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signer {
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// Email.
    pub email: String,
    /// Phone (optional).
    pub phone: String,
}

/// The agreement block of the page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgreementAcceptance {
    /// Attest now or leave it to the admin center.
    pub method: AgreementMethod,
    /// The attestation check box.
    pub attested: bool,
    /// The acceptance date as the date input gives it (`YYYY-MM-DD`).
    pub date: String,
    /// The signer, where it is not the primary contact.
    #[serde(default)]
    pub signer: Option<Signer>,
}

/// Every entry of the Account info page, as typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountInfo {
    /// ISO 3166 alpha-2 code of the country.
    pub country: String,
    /// The exact legal company name.
    pub company_name: String,
    /// The `<prefix>` of `<prefix>.onmicrosoft.com`.
    pub domain_prefix: String,
    /// Address line 1.
    pub address_line1: String,
    /// Address line 2.
    pub address_line2: String,
    /// City.
    pub city: String,
    /// State code or name.
    pub state: String,
    /// Postal code.
    pub postal_code: String,
    /// Phone.
    pub phone: String,
    /// Organization registration number.
    pub registration_number: String,
    /// Email language, e.g. `en`.
    pub language: String,
    /// Culture, e.g. `en-US`.
    pub culture: String,
    /// Primary contact's first name.
    pub first_name: String,
    /// Primary contact's last name.
    pub last_name: String,
    /// Primary contact's email.
    pub email: String,
    /// The agreement block.
    pub agreement: AgreementAcceptance,
    /// The Default GDAP opt-in.
    pub gdap_by_default: bool,
    /// The special qualification asked for (none by default).
    #[serde(default)]
    pub qualification: QualificationChoice,
}

impl Default for AccountInfo {
    fn default() -> Self {
        Self {
            country: String::new(),
            company_name: String::new(),
            domain_prefix: String::new(),
            address_line1: String::new(),
            address_line2: String::new(),
            city: String::new(),
            state: String::new(),
            postal_code: String::new(),
            phone: String::new(),
            registration_number: String::new(),
            language: String::new(),
            culture: String::new(),
            first_name: String::new(),
            last_name: String::new(),
            email: String::new(),
            agreement: AgreementAcceptance::default(),
            gdap_by_default: true,
            qualification: QualificationChoice::None,
        }
    }
}

impl AccountInfo {
    /// The signer of the agreement: the named one, else the primary contact.
    pub fn effective_signer(&self) -> Signer {
        self.agreement.signer.clone().unwrap_or_else(|| Signer {
            first_name: self.first_name.trim().to_string(),
            last_name: self.last_name.trim().to_string(),
            email: self.email.trim().to_string(),
            phone: self.phone.trim().to_string(),
        })
    }
}
