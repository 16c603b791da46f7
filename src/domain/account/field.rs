//! The fields of the Account info page.

/// One input of the Account info page. Its [`Field::id`] is the element id the error summary
/// links to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// Country/region.
    Country,
    /// The indirect reseller (indirect providers only).
    Reseller,
    /// The additional partners of record (EU/EFTA).
    AdditionalResellers,
    /// Company name.
    CompanyName,
    /// Domain prefix.
    DomainPrefix,
    /// Address line 1.
    AddressLine1,
    /// Address line 2.
    AddressLine2,
    /// City.
    City,
    /// State or province.
    State,
    /// Postal code.
    PostalCode,
    /// Phone number.
    Phone,
    /// Organization registration number.
    RegistrationNumber,
    /// Email language.
    Language,
    /// Culture.
    Culture,
    /// Primary contact's first name.
    FirstName,
    /// Primary contact's last name.
    LastName,
    /// Primary contact's email.
    Email,
    /// The education qualification's segment (K-12 or higher education).
    EducationSegment,
    /// The school's website, for the education qualification.
    SchoolWebsite,
    /// The government community cloud's validation code.
    GccValidationCode,
    /// The attestation check box.
    AgreementAttested,
    /// The acceptance date.
    AgreementDate,
    /// The signer's first name.
    SignerFirstName,
    /// The signer's last name.
    SignerLastName,
    /// The signer's email.
    SignerEmail,
    /// The signer's phone.
    SignerPhone,
}

impl Field {
    /// The element id of the field's input.
    pub fn id(self) -> &'static str {
        match self {
            Field::Country => "country",
            Field::Reseller => "reseller-search",
            Field::AdditionalResellers => "additional-reseller",
            Field::CompanyName => "company-name",
            Field::DomainPrefix => "domain-prefix",
            Field::AddressLine1 => "address-line1",
            Field::AddressLine2 => "address-line2",
            Field::City => "city",
            Field::State => "state",
            Field::PostalCode => "postal-code",
            Field::Phone => "phone",
            Field::RegistrationNumber => "registration-number",
            Field::Language => "language",
            Field::Culture => "culture",
            Field::FirstName => "first-name",
            Field::LastName => "last-name",
            Field::Email => "email",
            Field::AgreementAttested => "agreement-attested",
            Field::AgreementDate => "agreement-date",
            Field::SignerFirstName => "signer-first-name",
            Field::SignerLastName => "signer-last-name",
            Field::SignerEmail => "signer-email",
            Field::EducationSegment => "education-segment",
            Field::SchoolWebsite => "school-website",
            Field::GccValidationCode => "gcc-validation-code",
            Field::SignerPhone => "signer-phone",
        }
    }
}
