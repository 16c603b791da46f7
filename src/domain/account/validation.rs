//! The whole Account info page checked at once, in page order.

use crate::domain::account::account_info::{AccountInfo, AgreementMethod};
use crate::domain::account::field::Field;
use crate::domain::account::field_error::FieldError;
use crate::domain::account::rules::address::{
    check_address_line1, check_address_line2, check_city, check_postal_code, check_state,
};
use crate::domain::account::rules::agreement_date::check_agreement_date;
use crate::domain::account::rules::company_name::check_company_name;
use crate::domain::account::rules::domain_prefix::check_domain_prefix;
use crate::domain::account::rules::email::check_email;
use crate::domain::account::rules::person_name::check_person_name;
use crate::domain::account::rules::phone::check_phone;
use crate::domain::account::rules::registration_number::check_registration_number;
use crate::domain::commerce::qualification::{QualificationChoice, EDUCATION_SEGMENTS};
use crate::domain::common::calendar_date::CalendarDate;
use crate::domain::country::countries::is_known_country;
use crate::domain::country::country_rules::CountryRules;

/// What the checks need besides the entries.
pub struct ValidationContext<'a> {
    /// The chosen country's rules.
    pub rules: &'a CountryRules,
    /// The user's local date.
    pub today: CalendarDate,
    /// The partner's own email domains.
    pub partner_domains: &'a [String],
}

/// One field's problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldIssue {
    /// The field.
    pub field: Field,
    /// What is wrong with it.
    pub error: FieldError,
}

fn check_choice(value: &str, choices: &[String]) -> Result<(), FieldError> {
    if value.is_empty() {
        Err(FieldError::Missing)
    } else if !choices.is_empty() && !choices.iter().any(|choice| choice == value) {
        Err(FieldError::NotInList)
    } else {
        Ok(())
    }
}

/// Every problem of the page, in the order the fields appear; empty when it may go on.
pub fn validate_account(info: &AccountInfo, context: &ValidationContext) -> Vec<FieldIssue> {
    let rules = context.rules;
    let country = if info.country.is_empty() {
        Err(FieldError::Missing)
    } else if is_known_country(&info.country) {
        Ok(())
    } else {
        Err(FieldError::NotInList)
    };
    let mut checks = vec![
        (Field::Country, country),
        (Field::CompanyName, check_company_name(&info.company_name)),
        (Field::DomainPrefix, check_domain_prefix(&info.domain_prefix)),
        (Field::AddressLine1, check_address_line1(&info.address_line1)),
        (Field::AddressLine2, check_address_line2(&info.address_line2)),
    ];
    if rules.asks_for_city() {
        checks.push((Field::City, check_city(&info.city, rules)));
    }
    if rules.asks_for_state() {
        checks.push((Field::State, check_state(&info.state, rules)));
    }
    if rules.asks_for_postal_code() {
        checks.push((Field::PostalCode, check_postal_code(&info.postal_code, rules)));
    }
    checks.push((Field::Phone, check_phone(&info.phone, rules, rules.requires_phone())));
    if rules.requires_registration_number() {
        checks.push((Field::RegistrationNumber, check_registration_number(&info.registration_number, rules)));
    }
    checks.extend([
        (Field::Language, check_choice(&info.language, rules.languages())),
        (Field::Culture, check_choice(&info.culture, rules.cultures())),
        (Field::FirstName, check_person_name(&info.first_name)),
        (Field::LastName, check_person_name(&info.last_name)),
        (Field::Email, check_email(&info.email, context.partner_domains)),
    ]);
    let agreement = &info.agreement;
    if agreement.method == AgreementMethod::AttestNow {
        checks.push((Field::AgreementAttested, if agreement.attested { Ok(()) } else { Err(FieldError::NotAttested) }));
        checks.push((Field::AgreementDate, check_agreement_date(&agreement.date, context.today).map(|_| ())));
        if let Some(signer) = &agreement.signer {
            checks.extend([
                (Field::SignerFirstName, check_person_name(&signer.first_name)),
                (Field::SignerLastName, check_person_name(&signer.last_name)),
                (Field::SignerEmail, check_email(&signer.email, context.partner_domains)),
                (Field::SignerPhone, check_phone(&signer.phone, rules, false)),
            ]);
        }
    }
    match &info.qualification {
        QualificationChoice::Education { segment, website } => {
            let segment = if EDUCATION_SEGMENTS.contains(&segment.as_str()) {
                Ok(())
            } else if segment.is_empty() {
                Err(FieldError::Missing)
            } else {
                Err(FieldError::NotInList)
            };
            checks.extend([(Field::EducationSegment, segment), (Field::SchoolWebsite, check_website(website))]);
        }
        QualificationChoice::GovernmentCommunityCloud { validation_code } => {
            let code = match validation_code.trim() {
                "" => Err(FieldError::Missing),
                code if code.chars().count() > 100 => {
                    Err(FieldError::TooLong { max: 100, length: code.chars().count() })
                }
                _ => Ok(()),
            };
            checks.push((Field::GccValidationCode, code));
        }
        QualificationChoice::None | QualificationChoice::StateOwnedEntity => {}
    }
    checks.into_iter().filter_map(|(field, result)| result.err().map(|error| FieldIssue { field, error })).collect()
}

/// A school's website, optional: where given, a host name (`contoso.edu`) or an `http(s)` URL of
/// one, without spaces.
fn check_website(website: &str) -> Result<(), FieldError> {
    let website = website.trim();
    if website.is_empty() {
        return Ok(());
    }
    let host = website.strip_prefix("https://").or_else(|| website.strip_prefix("http://")).unwrap_or(website);
    let host = host.split('/').next().unwrap_or_default();
    let labels: Vec<&str> = host.split('.').collect();
    let valid = labels.len() >= 2
        && labels.iter().all(|label| !label.is_empty() && label.chars().all(|c| c.is_alphanumeric() || c == '-'));
    if valid && !website.contains(char::is_whitespace) {
        Ok(())
    } else {
        Err(FieldError::WrongFormat { example: Some("contoso.edu".into()) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::account::account_info::Signer;
    use crate::domain::fixtures::country_rules;
    use crate::domain::fixtures::wingtip;

    fn today() -> CalendarDate {
        CalendarDate::parse("2026-11-23").unwrap()
    }

    fn fields(info: &AccountInfo, iso2: &str) -> Vec<Field> {
        let rules = country_rules(iso2);
        let context = ValidationContext { rules: &rules, today: today(), partner_domains: &[] };
        validate_account(info, &context).into_iter().map(|issue| issue.field).collect()
    }

    #[test]
    fn a_qualification_asks_for_its_details() {
        let mut info = wingtip();
        info.qualification = QualificationChoice::Education { segment: String::new(), website: "not a site".into() };
        assert_eq!(fields(&info, "US"), [Field::EducationSegment, Field::SchoolWebsite]);
        info.qualification =
            QualificationChoice::Education { segment: "K12".into(), website: "https://contoso.edu/".into() };
        assert_eq!(fields(&info, "US"), vec![]);
        info.qualification =
            QualificationChoice::Education { segment: "HigherEducation".into(), website: String::new() };
        assert_eq!(fields(&info, "US"), vec![], "the website is optional");
        info.qualification = QualificationChoice::GovernmentCommunityCloud { validation_code: " ".into() };
        assert_eq!(fields(&info, "US"), [Field::GccValidationCode]);
        info.qualification = QualificationChoice::StateOwnedEntity;
        assert_eq!(fields(&info, "US"), vec![]);
    }

    #[test]
    fn a_complete_us_customer_passes() {
        assert_eq!(fields(&wingtip(), "US"), vec![]);
    }

    #[test]
    fn an_empty_page_lists_the_required_fields_in_page_order() {
        let empty = AccountInfo { country: "US".into(), ..AccountInfo::default() };
        assert_eq!(
            fields(&empty, "US"),
            vec![
                Field::CompanyName,
                Field::DomainPrefix,
                Field::AddressLine1,
                Field::City,
                Field::State,
                Field::PostalCode,
                Field::Language,
                Field::Culture,
                Field::FirstName,
                Field::LastName,
                Field::Email,
                Field::AgreementAttested,
                Field::AgreementDate,
            ]
        );
    }

    #[test]
    fn russia_asks_for_the_registration_number_and_phone() {
        let mut info = wingtip();
        info.country = "RU".into();
        info.state.clear();
        info.postal_code = "125009".into();
        info.phone.clear();
        info.language = "ru".into();
        info.culture = "ru-RU".into();
        assert_eq!(fields(&info, "RU"), vec![Field::State, Field::Phone, Field::RegistrationNumber]);
        info.state = "MOW".into();
        info.phone = "+7 495 123-45-67".into();
        info.registration_number = "7707083893".into();
        assert_eq!(fields(&info, "RU"), vec![]);
    }

    #[test]
    fn the_admin_center_choice_needs_no_attestation() {
        let mut info = wingtip();
        info.agreement.attested = false;
        info.agreement.date.clear();
        assert_eq!(fields(&info, "US"), vec![Field::AgreementAttested, Field::AgreementDate]);
        info.agreement.method = AgreementMethod::AdminCenter;
        assert_eq!(fields(&info, "US"), vec![]);
    }

    #[test]
    fn a_named_signer_is_checked_and_a_future_date_refused() {
        let mut info = wingtip();
        info.agreement.date = "2026-12-01".into();
        info.agreement.signer =
            Some(Signer { first_name: "T".into(), email: "tania@microsoft.com".into(), ..Signer::default() });
        assert_eq!(
            fields(&info, "US"),
            vec![Field::AgreementDate, Field::SignerFirstName, Field::SignerLastName, Field::SignerEmail]
        );
    }

    #[test]
    fn an_unknown_country_code_is_refused() {
        let mut info = wingtip();
        info.country = "UK".into();
        assert_eq!(fields(&info, "US"), vec![Field::Country]);
    }

    #[test]
    fn the_primary_contact_signs_by_default() {
        let info = wingtip();
        assert_eq!(info.effective_signer().email, "gena@wingtiptoys.com");
    }
}
