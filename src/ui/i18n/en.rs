//! The English table.

use crate::api::ApiError;
use crate::domain::account::field::Field;
use crate::domain::account::field_error::FieldError;
use crate::domain::account::field_error::ResellerError;
use crate::domain::commerce::cart::LineProblem;
use crate::domain::commerce::choice::LineError;
use crate::domain::commerce::terms::{BillingFrequency, TermDuration};
use crate::domain::common::letter_case::{first_upper_case, lower_case};
use crate::domain::country::country_rules::CountryRules;
use crate::domain::wizard::steps::Step;
use crate::ui::i18n::{
    either, endpoint_description, is_choice, iso_days, Counted, DomainWords, Messages, OfferFact, PriceNotice,
    ServerProblem, StageWords, Text,
};

/// English.
pub struct English;

/// What the country calls its postal code.
fn postal_code_name(rules: &CountryRules) -> &'static str {
    match rules.postal_code_name.as_deref() {
        Some("zip") => "ZIP code",
        Some("postcode") => "Postcode",
        Some("pin") => "PIN code",
        Some("eircode") => "Eircode",
        _ => "Postal code",
    }
}

/// What the country calls its states.
fn state_name(rules: &CountryRules) -> &'static str {
    match rules.state_name_type.as_deref() {
        Some("state") => "State",
        Some("province") | Some("do_si") => "Province",
        Some("oblast") => "Oblast",
        Some("prefecture") => "Prefecture",
        Some("emirate") => "Emirate",
        Some("county") => "County",
        Some("island") => "Island",
        Some("department") => "Department",
        Some("parish") => "Parish",
        Some("district") => "District",
        Some("area") => "Area",
        _ => "State or province",
    }
}

/// What the country calls the city.
fn city_name(rules: &CountryRules) -> &'static str {
    match rules.city_name_type.as_deref() {
        Some("post_town") => "Post town",
        Some("district") => "District",
        Some("suburb") => "Suburb",
        _ => "City",
    }
}

/// The local name of the registration number (INN, CNPJ, …).
fn registration_number_name(rules: &CountryRules) -> String {
    match rules.registration_number_name.as_deref() {
        Some(name) => format!("Organization registration number ({name})"),
        None => "Organization registration number".into(),
    }
}

/// A label in a sentence: "the ZIP code", "the post town".
fn lowered(label: &str) -> String {
    let mut words = label.split(' ');
    let first = words.next().unwrap_or_default();
    // Keep acronyms (ZIP, PIN) as they are.
    let first = if first.chars().all(|c| c.is_ascii_uppercase()) { first.to_string() } else { lower_case(first) };
    std::iter::once(first).chain(words.map(str::to_string)).collect::<Vec<_>>().join(" ")
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
        Field::City => format!("the {}", lowered(city_name(rules))),
        Field::State => format!("the {}", lowered(state_name(rules))),
        Field::PostalCode => format!("the {}", lowered(postal_code_name(rules))),
        Field::Phone | Field::SignerPhone => "a phone number".into(),
        Field::RegistrationNumber => format!("the {}", lowered(&registration_number_name(rules))),
        Field::Language => "the email language".into(),
        Field::Culture => "the culture".into(),
        Field::FirstName => "the primary contact's first name".into(),
        Field::LastName => "the primary contact's last name".into(),
        Field::Email => "the primary contact's email address".into(),
        Field::AgreementAttested => "the attestation".into(),
        Field::AgreementDate => "the date the customer accepted the agreement".into(),
        Field::SignerFirstName => "the first name of the person who accepted".into(),
        Field::SignerLastName => "the last name of the person who accepted".into(),
        Field::EducationSegment => "the education segment".into(),
        Field::SchoolWebsite => "the school's website".into(),
        Field::GccValidationCode => "the validation code".into(),
        Field::SignerEmail => "the email address of the person who accepted".into(),
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

/// A list in words: "A, B or C", or the first three and how many others.
fn one_of(names: &[String]) -> String {
    match names {
        [] => "its base subscription".to_string(),
        [only] => only.clone(),
        [first @ .., last] if names.len() <= 3 => format!("{} or {last}", first.join(", ")),
        _ => format!("one of {} or {} others", names[..3].join(", "), names.len() - 3),
    }
}

impl Messages for English {
    fn text(&self, text: Text) -> &'static str {
        match text {
            Text::Progress => "Progress",
            Text::Completed => " (completed)",
            Text::ThereIsAProblem => "There is a problem",
            Text::ErrorPrefix => "Error: ",
            Text::Optional => " (optional)",
            Text::TryAgain => "Try again",
            Text::TheCatalog => "The catalog",
            Text::YourResellers => "Your resellers",
            Text::Language => "Language",
            Text::LedeAccount => "Enter the customer's details exactly as their organization is registered.",
            Text::ExistingCustomerBefore => "The customer already exists? ",
            Text::RequestRelationship => "Request a relationship",
            Text::ExistingCustomerAfter => " instead of creating a duplicate.",
            Text::CountryHint => "Choose this first: it decides which address details the customer needs.",
            Text::CountryPlaceholder => "Select a country or region",
            Text::Company => "Company",
            Text::CompanyHint => "The exact legal name, as registered.",
            Text::Address => "Address",
            Text::StatePlaceholder => "Select one",
            Text::LanguageLegend => "Language for emails and invoices",
            Text::LanguagePlaceholder => "Select a language",
            Text::CulturePlaceholder => "Select a culture",
            Text::PrimaryContact => "Primary contact",
            Text::PrimaryContactHint => "The person at the customer who receives the account's emails.",
            Text::GdapLegend => "Granular delegated admin privileges (GDAP)",
            Text::GdapLabel => "Request the Default GDAP relationship",
            Text::GdapHint => "Gives you the standard least-privilege admin roles for this customer. Recommended.",
            Text::Checking => "Checking…",
            Text::Next => "Next",
            Text::DomainPrefixHint => "Letters and digits only, up to 27. It becomes the customer's initial domain and cannot be changed later.",
            Text::LedeSubscriptions => "Choose the subscriptions to buy for the customer, and how many licenses of each.",
            Text::LoadingCatalog => "Loading the catalog…",
            Text::SearchProducts => "Search products",
            Text::SearchProductsHint => "By name or product id, for example \"E3\" or \"Teams\".",
            Text::Category => "Category",
            Text::All => "All",
            Text::Back => "Back",
            Text::NumberOfLicenses => "Number of licenses",
            Text::NotProvided => "Not provided",
            Text::Domain => "Domain",
            Text::AdminCenterLater => "The customer will accept it in the Microsoft 365 admin center",
            Text::OrderedAfterAccept => "The subscriptions are ordered after they accept",
            Text::MicrosoftCustomerAgreement => "Microsoft Customer Agreement",
            Text::DefaultGdap => "Default GDAP",
            Text::Requested => "Requested",
            Text::NotRequested => "Not requested",
            Text::Update => "Update",
            Text::LedeReview => "Check the customer's details and subscriptions before you submit them.",
            Text::CustomerCreatedNoChange => "The customer has been created: these details can no longer change here.",
            Text::Reseller => "Reseller",
            Text::NoResellerChosen => "None: you act without a reseller",
            Text::AdditionalPartners => "Additional partners of record",
            Text::ChosenSubscriptions => "Chosen subscriptions",
            Text::Licenses => "Licenses",
            Text::Total => "Total",
            Text::ChooseOne => "Choose…",
            Text::SpecialQualification => "Special qualification",
            Text::QualificationHint => "Optional. Microsoft vets it after the customer is created; education offers can be bought once it is approved. A qualification cannot be removed later.",
            Text::QualificationNone => "None",
            Text::QualificationEducation => "Education",
            Text::QualificationEducationHint => "A school, college or university. Its education products are offered, and wait for Microsoft's approval.",
            Text::QualificationStateOwned => "State-owned entity",
            Text::QualificationStateOwnedHint => "An organization owned or controlled by a government.",
            Text::QualificationGcc => "Government community cloud",
            Text::QualificationGccHint => "US government organizations. Needs a validation code and a GCC-enabled partner.",
            Text::SegmentK12 => "K-12 (primary and secondary)",
            Text::SegmentHigherEducation => "Higher education",
            Text::SchoolWebsiteHint => "For example contoso.edu. Helps Microsoft approve the qualification sooner.",
            Text::GccCodeHint => "The code the customer received when their eligibility was validated.",
            Text::EducationWaitsApproval => "Education only: it waits for Microsoft to approve the customer's education qualification.",
            Text::Term => "Term",
            Text::BillingFrequency => "Billing frequency",
            Text::Plan => "Plan",
            Text::Renewal => "Renewal",
            Text::RenewsAutomatically => "Renews automatically",
            Text::DoesNotRenew => "Does not renew",
            Text::Cancellation => "Cancellation",
            Text::NoRefundWindow => "No refund window given",
            Text::EstimatedPrice => "Price (estimated)",
            Text::NotInPriceList => "Not in the price list",
            Text::Product => "Product",
            Text::LoadingOptions => "Loading its plans and terms…",
            Text::TheOptions => "Its plans and terms",
            Text::HoldReviewTitle => "Purchases wait for Microsoft's review",
            Text::HoldReviewBody => "Microsoft verifies every new customer's account. Until it is verified, nothing can be bought: the cart is kept for seven days, and Check again checks out once the account is verified.",
            Text::HoldRejectedTitle => "Microsoft did not approve the customer's account",
            Text::HoldRejectedBody => "Nothing can be bought for this customer until Microsoft approves the account. The cart is kept for seven days; contact Microsoft support, then check again.",
            Text::HoldAgreementTitle => "Purchases wait for the customer to accept the agreement",
            Text::HoldAgreementBody => "The customer accepts the Microsoft Customer Agreement in the Microsoft 365 admin center. The cart is kept for seven days; Check again checks out once they have accepted.",
            Text::CheckAgain => "Check again",
            Text::StageHeld => "Waiting",
            Text::CartKept => "The cart is kept; nothing has been bought yet.",
            Text::TrialBadge => "Trial",
            Text::EducationBadge => "Education",
            Text::CustomerCreated => "Customer created",
            Text::MicrosoftId => "Microsoft ID",
            Text::AdminUser => "Admin user",
            Text::OneTimePassword => "One-time password",
            Text::HidePassword => "Hide password",
            Text::ShowPassword => "Show password",
            Text::Warning => "Warning: ",
            Text::CopyPasswordNow => "Copy the password now and give it to the customer's admin safely. It cannot be shown again once you leave this page.",
            Text::Orders => "Orders",
            Text::Subscriptions => "Subscriptions",
            Text::Status => "Status",
            Text::Copy => "Copy",
            Text::Done => "Done",
            Text::StageWaiting => "Waiting",
            Text::StageRunning => "In progress…",
            Text::StageDone => "Done",
            Text::StageFailed => "Failed",
            Text::ChangeSubscriptions => "Change the subscriptions",
            Text::Submit => "Submit",
            Text::SubmitIntroBefore => "When you select Submit, we create ",
            Text::SubmitIntroAfter => " in Partner Center, ",
            Text::YourPartner => "Your partner",
            Text::NoLinkNoPartnerId => "The endpoint has no invitation link to give, and no partner id is configured (data-partner-id)",
            Text::ChooseResellerAbove => "Choose the reseller above: the link names them.",
            Text::InvitationLink => "Invitation link",
            Text::EmailInEnglish => "Email in English",
            Text::EmailInRussian => "Email in Russian",
            Text::RequestRelationshipHeading => "Request a reseller relationship",
            Text::RelationshipLede => "When the customer already has a Microsoft account, nothing is created here. Send the customer an invitation: their global administrator opens the link in the Microsoft 365 admin center and accepts you as their partner.",
            Text::RelationshipResellerHint => "The invitation names the reseller the customer will buy through.",
            Text::ChooseReseller => "Choose a reseller",
            Text::DelegatedAdminLabel => "Also request delegated administration rights",
            Text::DelegatedAdminHint => "Lets you manage the customer's subscriptions and users. The customer can remove these rights at any time.",
            Text::BackToAccountInfo => "Back to Account info",
            Text::Remove => "Remove",
            Text::ResellerLede => "As an indirect provider, you create this customer for one of your resellers. Only resellers who have signed the partner agreement can be chosen.",
            Text::SearchResellers => "Search resellers",
            Text::SearchResellersHint => "By name, MPN ID or country.",
            Text::NoResellerLabel => "I act without a reseller for this customer",
            Text::NoResellerHint => "Confirm this only when no reseller is involved in the sale.",
            Text::AdditionalPartnersOptional => "Additional partners of record (optional)",
            Text::MostPartnersNamed => "You have named the most partners of record an order can carry.",
            Text::PrimaryContactNotEntered => "the primary contact (not entered yet)",
            Text::AgreementHint => "The customer must accept the agreement before you can buy subscriptions for them.",
            Text::AttestNowLabel => "The customer has accepted it",
            Text::AttestNowHint => "You attest their acceptance now, and the subscriptions are ordered right away.",
            Text::AdminCenterHint => "The customer is created now; the subscriptions can only be ordered after they accept.",
            Text::ConfirmAccepted => "I confirm that the customer has accepted the Microsoft Customer Agreement",
            Text::AcceptanceDateHint => "The day the customer accepted. It cannot be in the future.",
            Text::AcceptedBy => "Accepted by: ",
            Text::UpdateSignerSuffix => " the person who accepted the agreement",
            Text::PersonWhoAccepted => "Person who accepted the agreement",
            Text::UsePrimaryContact => "Use the primary contact instead",
            Text::CheckAddressHeading => "Check the customer's address",
            Text::AddressSuggestedLede => "The address could not be verified as you entered it. Choose the address to use.",
            Text::AddressChoice => "Which address should we use?",
            Text::YouEntered => "As you entered it",
            Text::SuggestedAddress => "Suggested",
            Text::UseThisAddress => "Use this address and continue",
            Text::ChangeAddress => "Change the address",
            Text::UseAsEntered => "Use it as entered",
            Text::CheckingAddress => "Checking the address…",
            Text::ChooseAnAddress => "Choose an address",
            Text::CountryRules => "This country's address rules",
            Text::BilledByUsageNoCount => "Billed by usage: no license count.",
            Text::LoadingResellers => "Loading your resellers…",
            Text::Add => "Add",
            Text::GettingLink => "Getting the invitation link…",
            Text::GetLink => "Get the invitation link",
            Text::CopiedShort => "Copied.",
            Text::CopyYourself => "Select the text and copy it yourself.",
            Text::AdminSignInName => "Admin sign-in name: ",
            Text::RequestLog => "Request log",
            Text::RequestLogHint => "Every call this wizard made to the endpoint, newest first. The access token is masked; \"Copy as curl\" reads it from $ACCESS_TOKEN.",
            Text::NoCallsYet => "No calls yet.",
            Text::ClearLog => "Clear",
            Text::ExportHar => "Export HAR",
            Text::HarExported => "The calls were saved as a HAR file, without passwords or tokens.",
            Text::ResponseHeaders => "Response headers",
            Text::CopyAsCurl => "Copy as curl",
            Text::RequestHeaders => "Request headers",
            Text::RequestBody => "Request body",
            Text::ResponseBody => "Response",
            Text::ResponseUnreadable => "Could not read",
            Text::NoAnswer => "no answer",
            Text::CorrelationIdForSupport => "For support, the correlation id of these calls: ",
            Text::SubmitInterrupted => "Submit was interrupted",
            Text::OtherTabSubmitting => "Another tab is submitting this customer",
            Text::OtherTabSubmittingHint => {
                "Wait for it to finish there. If that tab was closed, Submit comes back here within a few seconds."
            }
            Text::SubmitInterruptedIntro => "The page was reloaded while the customer was being submitted. Resume to finish what is left: nothing already done is done again.",
            Text::MaybeCreatedAlready => "The customer may already have been created. Resuming sends the same request again, which the endpoint recognises, so the customer is not created twice.",
            Text::ResumeSubmit => "Resume submit",
            Text::ConfirmAgainHint => "The confirmation is not kept when the page reloads: confirm again before the agreement is attested.",
            Text::ConfirmAgainError => "Confirm that the customer has accepted the Microsoft Customer Agreement",
            Text::PasswordNotKept => "The one-time password came in the endpoint's answer before the page was reloaded, and it is never kept. Reset the admin's password in the Microsoft 365 admin center.",
        }
    }

    fn label(&self, field: Field, rules: &CountryRules) -> String {
        match field {
            Field::Country => "Country/region".into(),
            Field::Reseller => "Reseller".into(),
            Field::AdditionalResellers => "Add a partner of record".into(),
            Field::CompanyName => "Company name".into(),
            Field::DomainPrefix => "Domain prefix".into(),
            Field::AddressLine1 => "Address line 1".into(),
            Field::AddressLine2 => "Address line 2".into(),
            Field::City => city_name(rules).into(),
            Field::State => state_name(rules).into(),
            Field::PostalCode => postal_code_name(rules).into(),
            Field::Phone | Field::SignerPhone => "Phone number".into(),
            Field::RegistrationNumber => registration_number_name(rules),
            Field::Language => "Email language".into(),
            Field::Culture => "Culture (number and date formats)".into(),
            Field::FirstName | Field::SignerFirstName => "First name".into(),
            Field::LastName | Field::SignerLastName => "Last name".into(),
            Field::Email | Field::SignerEmail => "Email address".into(),
            Field::AgreementAttested => "The customer has accepted the Microsoft Customer Agreement".into(),
            Field::AgreementDate => "Date of acceptance".into(),
            Field::EducationSegment => "Education segment".into(),
            Field::SchoolWebsite => "School website".into(),
            Field::GccValidationCode => "Validation code".into(),
        }
    }

    fn error_text(&self, field: Field, error: &FieldError, rules: &CountryRules) -> String {
        let noun = noun(field, rules);
        let subject = first_upper_case(&noun);
        match error {
            FieldError::Missing if is_choice(field, rules) => format!("Select {noun}"),
            FieldError::Missing => format!("Enter {noun}"),
            FieldError::TooLong { max, length } => {
                format!("{subject} must be {max} characters or fewer (it has {length})")
            }
            FieldError::SingleCharacter => format!("{subject} must be longer than one character"),
            FieldError::OnlyPunctuation => format!("{subject} must contain letters or digits"),
            FieldError::SpacedCharacters => format!("Enter {noun} as it is registered, not single characters"),
            FieldError::BareLegalForm => format!(
                "{subject} cannot be a legal form alone: enter the full name, for example \"Wingtip Toys LLC\""
            ),
            FieldError::RepeatedCharacter => format!("{subject} cannot be one character repeated"),
            FieldError::NotLettersAndDigits => {
                "The domain prefix can only contain letters a to z and digits, with no spaces, hyphens or dots".into()
            }
            FieldError::Placeholder => format!("Enter a real name for {noun}, not a placeholder"),
            FieldError::NoLetters => format!("{subject} must contain letters"),
            FieldError::InvalidEmail => format!("Enter {noun} in the correct format, like name@example.com"),
            FieldError::MicrosoftEmail => {
                format!("{subject} cannot be at microsoft.com: enter the customer's own address")
            }
            FieldError::PartnerEmail => {
                format!("{subject} cannot be at your own domain: enter the customer's own address")
            }
            FieldError::WrongFormat { example: Some(example) } => {
                format!("Enter {noun} in the correct format, like {example}")
            }
            FieldError::WrongFormat { example: None } => format!("Enter {noun} in the correct format"),
            FieldError::Unsendable => format!(
                "{subject} has a character that cannot be sent, such as a control character or a broken one from a paste: remove it"
            ),
            FieldError::WrongChecksum => format!("{subject} is not a valid number: check each digit"),
            FieldError::WrongLength { lengths } => {
                format!("{subject} must have {} digits, without the country code", either(lengths, "or"))
            }
            FieldError::WrongCountryCode { expected } => {
                format!("{subject} must be a number of this country: it starts with +{expected}, or without it")
            }
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

    fn api_error_text(&self, error: &ApiError) -> String {
        match error {
            ApiError::NoAnswer(_) => {
                "the endpoint did not answer: it may be down, or it does not accept calls from this page (CORS)".into()
            }
            ApiError::Status { status, body, .. } => {
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
            ApiError::Offline => "you are offline: connect to the network, then try again".into(),
            ApiError::TimedOut(seconds) => {
                format!("the endpoint did not answer within {seconds} seconds: it may be down or slow")
            }
            ApiError::SignIn(_) => "the page could not get a sign-in token for the endpoint: sign in again".into(),
            ApiError::DomainTaken(domain) => {
                format!("the domain {domain} was taken since it was checked: choose another domain prefix")
            }
            ApiError::Malformed(_) => "the endpoint answered in an unexpected form".into(),
            ApiError::LinesRefused(lines) => match lines.len() {
                1 => "the endpoint refused a subscription of the cart: change it on Subscriptions".into(),
                count => {
                    format!("the endpoint refused {count} subscriptions of the cart: change them on Subscriptions")
                }
            },
            ApiError::OrderGroupsFailed(groups) => {
                let reasons: Vec<&str> = groups.iter().map(|group| group.description.as_str()).collect();
                format!(
                    "{} of the cart's orders could not be placed ({}): the others were; retry places only these",
                    groups.len(),
                    reasons.join("; ")
                )
            }
        }
    }

    fn server_error_text(&self, error: &ApiError) -> String {
        let Some(problem) = error.code().and_then(ServerProblem::of_code) else {
            return match error {
                ApiError::Status { status: 401, .. } => "Your sign-in has expired: sign in again, then retry".into(),
                ApiError::Status { status: 429, .. } => "The endpoint is busy: wait a moment, then retry".into(),
                _ => first_upper_case(&self.api_error_text(error)),
            };
        };
        let text = match problem {
            ServerProblem::RegistrationMissing => "The organization registration number is missing: enter it",
            ServerProblem::RegistrationFormat => {
                "The organization registration number has the wrong format for this country"
            }
            ServerProblem::RegistrationNotAccepted => {
                "The organization registration number is not accepted for this country"
            }
            ServerProblem::PhoneMissing => "The phone number is missing: this country requires one",
            ServerProblem::ValueRefused => "The endpoint refused a value",
            ServerProblem::AddressNotVerified => "The address could not be verified: check it",
            ServerProblem::QuantityOutOfRange => "The number of licenses is outside what the offer allows",
            ServerProblem::OfferInvalid => "The offer is not valid",
            ServerProblem::OfferNotInCountry => "The offer is not sold in the customer's country",
            ServerProblem::NotAllowed => "Your account is not allowed to do this: ask your Partner Center admin",
            ServerProblem::AgreementNotAttested => {
                "The order was refused because the customer agreement has not been attested"
            }
            ServerProblem::ResellerNoAgreement => "The reseller has not accepted the partner agreement",
            ServerProblem::PartnerNoAgreement => "Your organization has not accepted the partner agreement",
            ServerProblem::AccountUnderReview => "The customer account is under review or not approved yet",
            ServerProblem::OrderInProgress => "An order for this customer is already in progress: wait, then try again",
        };
        match endpoint_description(error) {
            Some(description) => format!("{text} (the endpoint said: {description})"),
            None => text.to_string(),
        }
    }

    fn line_error_text(&self, name: &str, error: &LineError, number: &dyn Fn(u64) -> String) -> String {
        match error {
            LineError::NothingChosen => "Choose at least one subscription".into(),
            LineError::NotLoaded => format!("Wait until the plans and terms of {name} have loaded, or remove it"),
            LineError::NotAvailable => format!("{name} cannot be bought in this country now: remove it"),
            LineError::EducationOnly => {
                format!("{name} is for education customers: choose the education qualification, or remove it")
            }
            LineError::TermNotOffered => format!("Choose a term and billing frequency for {name}"),
            LineError::QuantityMissing => format!("Enter the number of licenses for {name}"),
            LineError::QuantityNotANumber => {
                format!("Enter the number of licenses for {name} as a whole number, like 10")
            }
            LineError::QuantityOutOfRange { min, max } => {
                format!("The number of licenses for {name} must be between {} and {}", number(*min), number(*max))
            }
            LineError::NeedsPrerequisite(names) => {
                format!("{name} is an add-on: also choose {}, or remove it", one_of(names))
            }
            LineError::Server(message) => format!("{name}: {message}"),
        }
    }

    fn term_name(&self, term: TermDuration) -> &'static str {
        match term {
            TermDuration::OneMonth => "1 month",
            TermDuration::OneYear => "1 year",
            TermDuration::ThreeYears => "3 years",
        }
    }

    fn billing_name(&self, billing: BillingFrequency) -> &'static str {
        match billing {
            BillingFrequency::Monthly => "Monthly",
            BillingFrequency::Annual => "Annual",
            BillingFrequency::Triennial => "Every three years",
            BillingFrequency::OneTime => "One time",
        }
    }

    fn line_refused(&self, code: i64, description: &str) -> String {
        let text = match LineProblem::of_code(code) {
            LineProblem::Currency => "the currency is not the customer's",
            LineProblem::NotPurchasable => "it cannot be bought as chosen: choose it again",
            LineProblem::Unavailable => "no licenses of it are left to sell now",
            LineProblem::ParticipantsNotAllowed => "it cannot name a reseller as partner of record",
            LineProblem::AttestationMissing => "it needs an attestation the wizard cannot give",
            LineProblem::BillingFrequency => "this billing frequency is not offered for the term: choose another",
            LineProblem::TooManyLicences => "more licenses than one subscription may hold: lower the number",
            LineProblem::PrerequisiteMissing => "the subscription it adds to is missing: choose it too",
            LineProblem::TooFewLicences => "fewer licenses than it needs: raise the number",
            LineProblem::Legacy => "it is a legacy offer, no longer sold: choose its new-commerce product",
            LineProblem::Other => "the endpoint refused it",
        };
        if description.trim().is_empty() {
            first_upper_case(text)
        } else {
            format!("{} (the endpoint said: {})", first_upper_case(text), description.trim())
        }
    }

    fn cancellation_window(&self, window: &str) -> String {
        match iso_days(window) {
            Some(1) => "Refund if cancelled within 1 day".into(),
            Some(days) => format!("Refund if cancelled within {days} days"),
            None => format!("Refund if cancelled within {window}"),
        }
    }

    fn step_name(&self, step: Step) -> &'static str {
        match step {
            Step::AccountInfo => "Account info",
            Step::Subscriptions => "Subscriptions",
            Step::Review => "Review",
            Step::Done => "Done",
        }
    }

    fn step_count(&self, number: usize, total: usize) -> String {
        format!("Step {number} of {total}")
    }

    fn page_title(&self, step: Step, number: usize, total: usize) -> String {
        format!("{} — Add customer, step {number} of {total}", self.step_name(step))
    }

    fn next_to(&self, step: Step) -> String {
        format!("Next: {}", self.step_name(step))
    }

    fn count(&self, count: u64, number: &str, what: Counted) -> String {
        let one = count == 1;
        let noun = match what {
            Counted::Product => {
                if one {
                    "product"
                } else {
                    "products"
                }
            }
            Counted::License => {
                if one {
                    "license"
                } else {
                    "licenses"
                }
            }
            Counted::Order => {
                if one {
                    "order"
                } else {
                    "orders"
                }
            }
            Counted::Reseller => {
                if one {
                    "reseller"
                } else {
                    "resellers"
                }
            }
            Counted::Subscription => {
                if one {
                    "subscription"
                } else {
                    "subscriptions"
                }
            }
        };
        format!("{number} {noun}")
    }

    fn domain_status(&self, status: DomainWords<'_>) -> String {
        match status {
            DomainWords::Idle => String::new(),
            DomainWords::Checking(domain) => format!("Checking whether {domain} is available…"),
            DomainWords::Free(domain) => format!("{domain} is available."),
            DomainWords::Taken(domain) => format!("{domain} is already taken. Choose another prefix."),
            DomainWords::Failed(domain, reason) => format!("Could not check {domain}: {reason}."),
        }
    }

    fn for_example(&self, example: &str) -> String {
        format!("For example {example}")
    }

    fn phone_hint(&self, rules: &CountryRules) -> String {
        let code = rules.country_calling_codes_list.as_deref().and_then(<[String]>::first);
        match (code, rules.requires_phone()) {
            (Some(code), true) => format!("Required in this country. With the area code; +{code} may be left out."),
            (Some(code), false) => format!("With the area code; +{code} may be left out."),
            (None, true) => "Required in this country. Include the area code.".into(),
            (None, false) => "Include the area code.".into(),
        }
    }

    fn registration_hint(&self, sample: Option<&str>) -> String {
        match sample {
            Some(sample) => format!("Required in this country. For example {sample}"),
            None => "Required in this country.".into(),
        }
    }

    fn backend_banner(&self, endpoint: Option<&str>, generated_offers: Option<&str>) -> String {
        match (endpoint, generated_offers) {
            (Some(base), _) => format!("Endpoint: {base}"),
            (None, Some(count)) => {
                format!("Demo mode with a generated catalog of {count} products: nothing leaves this browser.")
            }
            (None, None) => "Demo mode: a built-in back end answers; nothing leaves this browser.".into(),
        }
    }

    fn load_failed(&self, what: Text, reason: &str) -> String {
        format!("{} could not be loaded: {reason}.", self.text(what))
    }

    fn catalog_status(&self, matching: u64, total: u64, chosen: u64, number: &dyn Fn(u64) -> String) -> String {
        let found = if matching == total {
            self.count(total, &number(total), Counted::Product)
        } else {
            format!("{} of {} match", number(matching), self.count(total, &number(total), Counted::Product))
        };
        format!("{found}. {} chosen.", number(chosen))
    }

    fn show_more(&self, more: u64, left: u64, number: &dyn Fn(u64) -> String) -> String {
        format!("Show {} more ({} not shown)", number(more), number(left))
    }

    fn offer_fact(&self, fact: OfferFact<'_>) -> String {
        match fact {
            OfferFact::ByUsage => "billed by usage".into(),
            OfferFact::Fixed(count) => format!("{count} licenses, fixed"),
            OfferFact::Range(min, max) => format!("{min} to {max} licenses"),
            OfferFact::Trial => "trial".into(),
            OfferFact::AddOnTo(None, _) => "add-on".into(),
            OfferFact::AddOnTo(Some(name), 0) => format!("add-on to {name}"),
            OfferFact::AddOnTo(Some(name), others) => format!("add-on to {name} or {others} other subscriptions"),
        }
    }

    fn trial_fixed(&self, count: &str) -> String {
        format!("{count} licenses: a trial has a fixed number.")
    }

    fn for_offer(&self, name: &str) -> String {
        format!("for {name}")
    }

    fn quantity_range(&self, min: &str, max: &str) -> String {
        format!("From {min} to {max}")
    }

    fn price_notice(&self, notice: PriceNotice<'_>) -> String {
        match notice {
            PriceNotice::NotLoaded(why) => format!("Prices are not shown: the price list could not be loaded ({why})."),
            PriceNotice::NotASheet => "Prices are not shown: the price list is not a CSV price sheet.".into(),
            PriceNotice::MissingColumns(columns) => {
                format!("Prices are not shown: the price list has no column {columns}.")
            }
            PriceNotice::NoPricesFor(country) => format!("The price list has no prices for {country}."),
            PriceNotice::RowsUnreadable(1, _) => {
                "1 row of the price list could not be read: its price is not shown.".into()
            }
            PriceNotice::RowsUnreadable(_, number) => {
                format!("{number} rows of the price list could not be read: their prices are not shown.")
            }
        }
    }

    fn price_each(&self, price: &str, billing: BillingFrequency) -> String {
        match billing {
            BillingFrequency::Monthly => format!("{price} monthly"),
            BillingFrequency::Annual => format!("{price} once a year"),
            BillingFrequency::Triennial => format!("{price} every three years"),
            BillingFrequency::OneTime => format!("{price} one time"),
        }
    }

    fn choice_with_price(&self, choice: &str, price: &str) -> String {
        format!("{choice} ({price} per license)")
    }

    fn license_price(&self, per_period: &str, per_term: Option<&str>) -> String {
        match per_term {
            Some(per_term) => format!("Per license: {per_period}, {per_term} for the whole term."),
            None => format!("Per license: {per_period}."),
        }
    }

    fn price_basis(&self, month: &str) -> String {
        format!("Estimated, excluding tax; price list of {month}.")
    }

    fn review_totals(&self, lines: u64, licenses: u64, number: &dyn Fn(u64) -> String) -> String {
        format!(
            "{}, {}",
            self.count(lines, &number(lines), Counted::Subscription),
            self.count(licenses, &number(licenses), Counted::License)
        )
    }

    fn accepted_on(&self, date: &str) -> String {
        format!("Accepted on {date}")
    }

    fn accepted_by(&self, name: &str, email: &str) -> String {
        format!("by {name} ({email})")
    }

    fn order_number(&self, number: usize) -> String {
        format!("Order {number}")
    }

    fn copied(&self, what: &str, done: bool) -> String {
        if done {
            format!("{what} copied to the clipboard.")
        } else {
            format!("Your browser did not let us copy the {}: select it and copy it yourself.", lower_case(what))
        }
    }

    fn now_your_customer(&self, company: &str) -> String {
        format!("{company} is now your customer in Partner Center.")
    }

    fn stage_name(&self, stage: &StageWords) -> String {
        match stage {
            StageWords::CreateCustomer => "Create the customer".into(),
            StageWords::AttestAgreement => "Attest the Microsoft Customer Agreement".into(),
            StageWords::Qualify => "Ask for the customer's qualification".into(),
            StageWords::Cart { products } => format!("Put the subscriptions in a cart ({products})"),
            StageWords::Checkout => "Check the cart out".into(),
        }
    }

    fn submit_plan(&self, attest: bool, lines: &str) -> String {
        if attest {
            format!(
                "attest the customer's acceptance of the Microsoft Customer Agreement, and buy {lines} in one cart."
            )
        } else {
            format!(
                "and put {lines} in a cart that is checked out once the customer accepts the agreement in the Microsoft 365 admin center."
            )
        }
    }

    fn correct_the(&self, field_label: &str) -> String {
        format!("Correct the {}", lowered(field_label))
    }

    fn retry_stage(&self, stage: &str) -> String {
        format!("Retry: {}", lowered(stage))
    }

    fn stage_failed(&self, stage: &str) -> String {
        format!("{stage} failed")
    }

    fn stages_done(&self, stages: &str) -> String {
        format!("Done: {stages}.")
    }

    fn customer_kept(&self, id: &str) -> String {
        format!("The customer was created (Microsoft ID {id}) and is kept: retrying does not create it again.")
    }

    fn link_built(&self, reason: Option<&str>) -> String {
        match reason {
            Some(reason) => {
                format!("The endpoint could not give the link ({reason}), so it was built from your partner id.")
            }
            None => "The link was built from your partner id.".into(),
        }
    }

    fn reseller_option(&self, name: &str, mpn_id: &str, country: &str) -> String {
        format!("{name} (MPN ID {mpn_id}, {country})")
    }

    fn reseller_facts(&self, mpn_id: &str, country: &str, signed: bool) -> String {
        let facts = format!("MPN ID {mpn_id} · {country}");
        if signed {
            facts
        } else {
            format!("{facts} · Cannot be chosen: it has not signed the partner agreement.")
        }
    }

    fn additional_resellers_hint(&self, max: usize) -> String {
        format!("In the EU and EFTA you can name up to {max} more resellers on the orders.")
    }

    fn address_unverified(&self, message: Option<&str>) -> String {
        match message {
            Some(message) => format!("The address could not be verified. The endpoint said: {message}"),
            None => "The address could not be verified.".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures::country_rules;

    #[test]
    fn labels_and_errors_follow_the_country() {
        let (us, gb, ru, jp) = (country_rules("US"), country_rules("GB"), country_rules("RU"), country_rules("JP"));
        assert_eq!(English.label(Field::PostalCode, &us), "ZIP code");
        assert_eq!(English.label(Field::PostalCode, &gb), "Postcode");
        assert_eq!(English.label(Field::City, &gb), "Post town");
        assert_eq!(English.label(Field::State, &jp), "Prefecture");
        assert_eq!(English.error_text(Field::PostalCode, &FieldError::Missing, &us), "Enter the ZIP code");
        assert_eq!(English.error_text(Field::State, &FieldError::Missing, &ru), "Select the oblast");
        assert_eq!(
            English.error_text(
                Field::RegistrationNumber,
                &FieldError::WrongFormat { example: Some("7707083893".into()) },
                &ru
            ),
            "Enter the organization registration number (INN) in the correct format, like 7707083893"
        );
        assert_eq!(
            English.error_text(Field::Phone, &FieldError::WrongLength { lengths: vec![7, 9, 10] }, &gb),
            "A phone number must have 7, 9 or 10 digits, without the country code"
        );
        assert_eq!(
            English.error_text(Field::CompanyName, &FieldError::TooLong { max: 255, length: 10_000 }, &us),
            "The company name must be 255 characters or fewer (it has 10000)"
        );
    }

    #[test]
    fn endpoint_errors_in_words() {
        let refused = ApiError::from_status(400, r#"{"code":600050,"description":"Regex ^\\d{10}$"}"#);
        assert_eq!(
            English.server_error_text(&refused),
            "The organization registration number has the wrong format for this country (the endpoint said: Regex ^\\d{10}$)"
        );
        assert_eq!(
            English.server_error_text(&ApiError::Status { status: 503, body: None, retry_after: None }),
            "The endpoint had a problem (HTTP 503)"
        );
        assert!(English.api_error_text(&ApiError::NoAnswer("TypeError".into())).contains("did not answer"));
    }
}
