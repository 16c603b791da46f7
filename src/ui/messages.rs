//! The English wording of labels, hints and errors: one table, typed by field and error, so that
//! every case has its words.

use crate::api::ApiError;
use crate::domain::country_rules::CountryRules;
use crate::domain::field::Field;
use crate::domain::field_error::FieldError;
use crate::domain::reseller::ResellerError;
use crate::domain::selection::SelectionError;

/// What the country calls its postal code.
fn postal_code_name(rules: &CountryRules) -> &'static str {
    match rules.postal_code_name.as_deref() {
        Some("zip") => "ZIP code",
        _ => "Postal code",
    }
}

/// The local name of the registration number (INN, CNPJ, …).
fn registration_number_name(rules: &CountryRules) -> String {
    match rules.registration_number_name.as_deref() {
        Some(name) => format!("Organization registration number ({name})"),
        None => "Organization registration number".into(),
    }
}

/// The visible label of a field.
pub fn label(field: Field, rules: &CountryRules) -> String {
    match field {
        Field::Country => "Country/region".into(),
        Field::Reseller => "Reseller".into(),
        Field::AdditionalResellers => "Add a partner of record".into(),
        Field::CompanyName => "Company name".into(),
        Field::DomainPrefix => "Domain prefix".into(),
        Field::AddressLine1 => "Address line 1".into(),
        Field::AddressLine2 => "Address line 2".into(),
        Field::City => "City".into(),
        Field::State => "State or province".into(),
        Field::PostalCode => postal_code_name(rules).into(),
        Field::Phone => "Phone number".into(),
        Field::RegistrationNumber => registration_number_name(rules),
        Field::Language => "Email language".into(),
        Field::Culture => "Culture (number and date formats)".into(),
        Field::FirstName | Field::SignerFirstName => "First name".into(),
        Field::LastName | Field::SignerLastName => "Last name".into(),
        Field::Email | Field::SignerEmail => "Email address".into(),
        Field::AgreementAttested => "The customer has accepted the Microsoft Customer Agreement".into(),
        Field::AgreementDate => "Date of acceptance".into(),
        Field::SignerPhone => "Phone number".into(),
    }
}

/// The field's name inside a sentence ("Enter the company name").
fn noun(field: Field, rules: &CountryRules) -> String {
    match field {
        Field::Country => "the country or region".into(),
        Field::Reseller => "the reseller".into(),
        Field::AdditionalResellers => "the additional partners of record".into(),
        Field::CompanyName => "the company name".into(),
        Field::DomainPrefix => "a domain prefix".into(),
        Field::AddressLine1 => "the first line of the address".into(),
        Field::AddressLine2 => "the second line of the address".into(),
        Field::City => "the city".into(),
        Field::State => "the state or province".into(),
        Field::PostalCode => format!("the {}", postal_code_name(rules).to_lowercase().replace("zip", "ZIP")),
        Field::Phone | Field::SignerPhone => "a phone number".into(),
        Field::RegistrationNumber => match rules.registration_number_name.as_deref() {
            Some(name) => format!("the organization registration number ({name})"),
            None => "the organization registration number".into(),
        },
        Field::Language => "the email language".into(),
        Field::Culture => "the culture".into(),
        Field::FirstName => "the primary contact's first name".into(),
        Field::LastName => "the primary contact's last name".into(),
        Field::Email => "the primary contact's email address".into(),
        Field::AgreementAttested => "the attestation".into(),
        Field::AgreementDate => "the date the customer accepted the agreement".into(),
        Field::SignerFirstName => "the first name of the person who accepted".into(),
        Field::SignerLastName => "the last name of the person who accepted".into(),
        Field::SignerEmail => "the email address of the person who accepted".into(),
    }
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

fn is_choice(field: Field, rules: &CountryRules) -> bool {
    matches!(field, Field::Country | Field::Language | Field::Culture)
        || (field == Field::State && !rules.states().is_empty())
}

/// The error message of a field, as GOV.UK words them: what is wrong and how to put it right.
pub fn error_text(field: Field, error: &FieldError, rules: &CountryRules) -> String {
    let noun = noun(field, rules);
    let subject = capitalized(&noun);
    match error {
        FieldError::Missing if is_choice(field, rules) => format!("Select {noun}"),
        FieldError::Missing => format!("Enter {noun}"),
        FieldError::TooLong { max, length } => {
            format!("{subject} must be {max} characters or fewer (it has {length})")
        }
        FieldError::SingleCharacter => format!("{subject} must be longer than one character"),
        FieldError::OnlyPunctuation => format!("{subject} must contain letters or digits"),
        FieldError::SpacedCharacters => format!("Enter {noun} as it is registered, not single characters"),
        FieldError::BareLegalForm => {
            format!("{subject} cannot be a legal form alone: enter the full name, for example \"Wingtip Toys LLC\"")
        }
        FieldError::RepeatedCharacter => format!("{subject} cannot be one character repeated"),
        FieldError::NotLettersAndDigits => {
            "The domain prefix can only contain letters a to z and digits, with no spaces, hyphens or dots".into()
        }
        FieldError::Placeholder => format!("Enter a real name for {noun}, not a placeholder"),
        FieldError::NoLetters => format!("{subject} must contain letters"),
        FieldError::InvalidEmail => {
            format!("Enter {noun} in the correct format, like name@example.com")
        }
        FieldError::MicrosoftEmail => format!("{subject} cannot be at microsoft.com: enter the customer's own address"),
        FieldError::PartnerEmail => format!("{subject} cannot be at your own domain: enter the customer's own address"),
        FieldError::WrongFormat { example: Some(example) } => {
            format!("Enter {noun} in the correct format, like {example}")
        }
        FieldError::WrongFormat { example: None } => format!("Enter {noun} in the correct format"),
        FieldError::NotInList => format!("Select {noun} from the list"),
        FieldError::InvalidDate => format!("{subject} must be a real date"),
        FieldError::FutureDate => format!("{subject} must be today or in the past"),
        FieldError::NotAttested => "Confirm that the customer has accepted the agreement, or choose that they will accept it in the Microsoft 365 admin center".into(),
        FieldError::DomainTaken => "This domain is already taken: choose another domain prefix".into(),
        FieldError::Server(message) => message.clone(),
        FieldError::Reseller(error) => reseller_error_text(error),
        FieldError::DomainCheckFailed => {
            "We could not check whether this domain is free. Check your connection and select Next again".into()
        }
    }
}

/// What is wrong with an indirect provider's reseller choice.
fn reseller_error_text(error: &ResellerError) -> String {
    match error {
        ResellerError::NotChosen => {
            "Choose the reseller this customer is for, or confirm that you act without a reseller".into()
        }
        ResellerError::AgreementNotSigned => {
            "This reseller has not signed the partner agreement: choose another reseller".into()
        }
        ResellerError::OwnId => "You cannot be the reseller of your own customer: choose a reseller".into(),
        ResellerError::AdditionalNotAllowed => {
            "Additional partners of record can only be named in the EU and EFTA: remove them".into()
        }
        ResellerError::TooManyAdditional => "Name at most 5 additional partners of record".into(),
        ResellerError::Duplicate => "Name each reseller only once".into(),
        ResellerError::AdditionalWithoutFirst => {
            "Choose the reseller first, then the additional partners of record".into()
        }
    }
}

/// A failed call in words: what happened, for a status line.
pub fn api_error_text(error: &ApiError) -> String {
    match error {
        ApiError::NoAnswer(_) => {
            "the endpoint did not answer: you may be offline, or it does not accept calls from this page".into()
        }
        ApiError::Status { status, body } => {
            let what = match status {
                401 => "your sign-in has expired".to_string(),
                403 => "you are not allowed to do this".to_string(),
                429 => "the endpoint is busy; wait a moment".to_string(),
                500..=599 => format!("the endpoint had a problem (HTTP {status})"),
                _ => format!("the endpoint refused the request (HTTP {status})"),
            };
            match body.as_ref().and_then(|body| body.description.as_deref()) {
                Some(description) => format!("{what}: {description}"),
                None => what,
            }
        }
        ApiError::Malformed(_) => "the endpoint answered in an unexpected form".into(),
    }
}

/// A list in words: "A, B or C", or the first three and how many others.
fn one_of(names: &[String]) -> String {
    match names {
        [] => "its base subscription".to_string(),
        [only] => only.clone(),
        [first @ .., last] if names.len() <= 3 => format!("{} or {last}", first.join(", ")),
        _ => format!("one of {} or {} others", names[..3].join(", "), names.len() - 3),
    }
}

/// The error message of a chosen offer (`name`), or of the page when nothing is chosen.
pub fn selection_error_text(name: &str, error: &SelectionError, format_number: impl Fn(u64) -> String) -> String {
    match error {
        SelectionError::NothingChosen => "Choose at least one subscription".into(),
        SelectionError::QuantityMissing => format!("Enter the number of licenses for {name}"),
        SelectionError::QuantityNotANumber => {
            format!("Enter the number of licenses for {name} as a whole number, like 10")
        }
        SelectionError::QuantityOutOfRange { min, max } => format!(
            "The number of licenses for {name} must be between {} and {}",
            format_number(*min),
            format_number(*max)
        ),
        SelectionError::NeedsPrerequisite(names) => {
            format!("{name} is an add-on: also choose {}, or remove it", one_of(names))
        }
        SelectionError::BillingCycleNotSupported => format!("Choose a billing cycle for {name}"),
        SelectionError::NotAvailable => format!("{name} cannot be bought in this country now: remove it"),
        SelectionError::Server(message) => format!("{name}: {message}"),
    }
}

/// A billing cycle in words.
pub fn billing_cycle_name(cycle: &str) -> String {
    match cycle {
        "monthly" => "Monthly".into(),
        "annual" => "Annual".into(),
        "none" => "None (trial)".into(),
        "one_time" => "One time".into(),
        other => other.to_string(),
    }
}

/// What an endpoint's refusal of Submit means, in words (spec §2's error table).
pub fn server_error_text(error: &ApiError) -> String {
    let described = |text: &str| match error {
        ApiError::Status { body: Some(body), .. } => match body.description.as_deref() {
            Some(description) if !description.is_empty() => format!("{text} (the endpoint said: {description})"),
            _ => text.to_string(),
        },
        _ => text.to_string(),
    };
    match error.code() {
        Some(600049) => described("The organization registration number is missing: enter it"),
        Some(600050) => described("The organization registration number has the wrong format for this country"),
        Some(600002) => described("The organization registration number is not accepted for this country"),
        Some(600051) => described("The phone number is missing: this country requires one"),
        Some(27002) => described("The endpoint refused a value"),
        Some(2007) => described("The address could not be verified: check it"),
        Some(2002) => described("The number of licenses is outside what the offer allows"),
        Some(800004) => described("The offer is not valid"),
        Some(800070) => described("The offer is not sold in the customer's country"),
        Some(600006) => described("Your account is not allowed to do this: ask your Partner Center admin"),
        Some(13605) => described("The order was refused because the customer agreement has not been attested"),
        Some(900123) => described("The reseller has not accepted the partner agreement"),
        Some(900124) => described("Your organization has not accepted the partner agreement"),
        Some(800073..=800075) => described("The customer account is under review or not approved yet"),
        Some(800060) => described("An order for this customer is already in progress: wait, then try again"),
        _ => match error {
            ApiError::Status { status: 401, .. } => "Your sign-in has expired: sign in again, then retry".into(),
            ApiError::Status { status: 429, .. } => "The endpoint is busy: wait a moment, then retry".into(),
            _ => {
                let text = api_error_text(error);
                let mut chars = text.chars();
                chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::builtin_countries::builtin_rules;

    #[test]
    fn words_follow_the_country() {
        let us = builtin_rules("US").unwrap();
        let ru = builtin_rules("RU").unwrap();
        assert_eq!(label(Field::PostalCode, &us), "ZIP code");
        assert_eq!(label(Field::PostalCode, &ru), "Postal code");
        assert_eq!(error_text(Field::PostalCode, &FieldError::Missing, &us), "Enter the ZIP code");
        assert_eq!(
            error_text(Field::RegistrationNumber, &FieldError::WrongFormat { example: Some("7707083893".into()) }, &ru),
            "Enter the organization registration number (INN) in the correct format, like 7707083893"
        );
        assert_eq!(error_text(Field::State, &FieldError::Missing, &us), "Select the state or province");
    }

    #[test]
    fn api_errors_in_words() {
        assert!(api_error_text(&ApiError::NoAnswer("TypeError".into())).contains("did not answer"));
        assert_eq!(
            api_error_text(&ApiError::Status { status: 503, body: None }),
            "the endpoint had a problem (HTTP 503)"
        );
    }

    #[test]
    fn selection_words() {
        let plain = |n: u64| n.to_string();
        let names = |count: usize| (1..=count).map(|n| format!("Suite {n}")).collect::<Vec<_>>();
        assert_eq!(
            selection_error_text("Audio", &SelectionError::NeedsPrerequisite(names(2)), plain),
            "Audio is an add-on: also choose Suite 1 or Suite 2, or remove it"
        );
        assert_eq!(
            selection_error_text("Audio", &SelectionError::NeedsPrerequisite(names(9)), plain),
            "Audio is an add-on: also choose one of Suite 1, Suite 2, Suite 3 or 6 others, or remove it"
        );
        assert_eq!(
            selection_error_text("E3", &SelectionError::QuantityOutOfRange { min: 1, max: 300 }, plain),
            "The number of licenses for E3 must be between 1 and 300"
        );
    }

    #[test]
    fn server_errors_in_words() {
        let error = ApiError::from_status(400, r#"{"code":600050,"description":"^\\d{10}$"}"#);
        assert!(server_error_text(&error).starts_with("The organization registration number has the wrong format"));
        assert_eq!(
            server_error_text(&ApiError::Status { status: 503, body: None }),
            "The endpoint had a problem (HTTP 503)"
        );
    }

    #[test]
    fn long_pastes_say_how_long() {
        let us = builtin_rules("US").unwrap();
        assert_eq!(
            error_text(Field::CompanyName, &FieldError::TooLong { max: 255, length: 10_000 }, &us),
            "The company name must be 255 characters or fewer (it has 10000)"
        );
    }
}
