//! What the Account info page collects, as plain data.

use crate::json::{object, Fields, FromJson, Json, JsonError, ToJson};
/// How the customer accepts the Microsoft Customer Agreement.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AgreementMethod {
    /// The customer has accepted; the partner attests it now (`POST …/agreements`).
    #[default]
    AttestNow,
    /// The customer will accept in the Microsoft 365 admin center; no attestation is sent.
    AdminCenter,
}

/// The person who accepted the agreement, where it is not the primary contact.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
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
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AgreementAcceptance {
    /// Attest now or leave it to the admin center.
    pub method: AgreementMethod,
    /// The attestation check box.
    pub attested: bool,
    /// The acceptance date as the date input gives it (`YYYY-MM-DD`).
    pub date: String,
    /// The signer, where it is not the primary contact.
    pub signer: Option<Signer>,
}

/// Every entry of the Account info page, as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
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

// Kept in the saved job (session storage) only, so members keep the field names.

impl FromJson for AgreementMethod {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        match String::from_json(value)?.as_str() {
            "AttestNow" => Ok(AgreementMethod::AttestNow),
            "AdminCenter" => Ok(AgreementMethod::AdminCenter),
            _ => Err(JsonError::expected("AttestNow or AdminCenter")),
        }
    }
}

impl ToJson for AgreementMethod {
    fn to_json(&self) -> Json {
        match self {
            AgreementMethod::AttestNow => "AttestNow",
            AgreementMethod::AdminCenter => "AdminCenter",
        }
        .to_json()
    }
}

impl FromJson for Signer {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        let fields = Fields::of(value)?;
        Ok(Signer {
            first_name: fields.required("first_name")?,
            last_name: fields.required("last_name")?,
            email: fields.required("email")?,
            phone: fields.required("phone")?,
        })
    }
}

impl ToJson for Signer {
    fn to_json(&self) -> Json {
        object(vec![
            ("first_name", self.first_name.to_json()),
            ("last_name", self.last_name.to_json()),
            ("email", self.email.to_json()),
            ("phone", self.phone.to_json()),
        ])
    }
}

impl FromJson for AgreementAcceptance {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        let fields = Fields::of(value)?;
        Ok(AgreementAcceptance {
            method: fields.required("method")?,
            attested: fields.required("attested")?,
            date: fields.required("date")?,
            signer: fields.or_default("signer")?,
        })
    }
}

impl ToJson for AgreementAcceptance {
    fn to_json(&self) -> Json {
        object(vec![
            ("method", self.method.to_json()),
            ("attested", self.attested.to_json()),
            ("date", self.date.to_json()),
            ("signer", self.signer.to_json()),
        ])
    }
}

impl FromJson for AccountInfo {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        let fields = Fields::of(value)?;
        Ok(AccountInfo {
            country: fields.required("country")?,
            company_name: fields.required("company_name")?,
            domain_prefix: fields.required("domain_prefix")?,
            address_line1: fields.required("address_line1")?,
            address_line2: fields.required("address_line2")?,
            city: fields.required("city")?,
            state: fields.required("state")?,
            postal_code: fields.required("postal_code")?,
            phone: fields.required("phone")?,
            registration_number: fields.required("registration_number")?,
            language: fields.required("language")?,
            culture: fields.required("culture")?,
            first_name: fields.required("first_name")?,
            last_name: fields.required("last_name")?,
            email: fields.required("email")?,
            agreement: fields.required("agreement")?,
            gdap_by_default: fields.required("gdap_by_default")?,
        })
    }
}

impl ToJson for AccountInfo {
    fn to_json(&self) -> Json {
        object(vec![
            ("country", self.country.to_json()),
            ("company_name", self.company_name.to_json()),
            ("domain_prefix", self.domain_prefix.to_json()),
            ("address_line1", self.address_line1.to_json()),
            ("address_line2", self.address_line2.to_json()),
            ("city", self.city.to_json()),
            ("state", self.state.to_json()),
            ("postal_code", self.postal_code.to_json()),
            ("phone", self.phone.to_json()),
            ("registration_number", self.registration_number.to_json()),
            ("language", self.language.to_json()),
            ("culture", self.culture.to_json()),
            ("first_name", self.first_name.to_json()),
            ("last_name", self.last_name.to_json()),
            ("email", self.email.to_json()),
            ("agreement", self.agreement.to_json()),
            ("gdap_by_default", self.gdap_by_default.to_json()),
        ])
    }
}
