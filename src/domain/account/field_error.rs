//! What can be wrong with a field. The words come from the UI's message table.

use crate::domain::account::field::Field;

/// One problem with one field's value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldError {
    /// Required and empty (or only spaces).
    Missing,
    /// Longer than allowed; `length` is what was entered, in characters.
    TooLong {
        /// The most characters allowed.
        max: usize,
        /// How many were entered.
        length: usize,
    },
    /// Only one character where a name is wanted.
    SingleCharacter,
    /// Only punctuation, symbols or spaces.
    OnlyPunctuation,
    /// Single characters separated by spaces, like "1 2 3".
    SpacedCharacters,
    /// A legal form alone, like "LLC".
    BareLegalForm,
    /// One character repeated, like "aaa".
    RepeatedCharacter,
    /// Something other than letters and digits in a domain prefix.
    NotLettersAndDigits,
    /// A placeholder such as "test" or "admin" instead of a name.
    Placeholder,
    /// No letter at all: only digits, punctuation or emoji.
    NoLetters,
    /// Not an email address.
    InvalidEmail,
    /// An address at microsoft.com.
    MicrosoftEmail,
    /// An address at the partner's own domain.
    PartnerEmail,
    /// Does not match the country's pattern; `example` shows a good value where known.
    WrongFormat {
        /// A value in the right format.
        example: Option<String>,
    },
    /// A character that cannot be sent as typed: a control character, or a broken one.
    Unsendable,
    /// The right shape, but its check digits do not add up (INN, CNPJ).
    WrongChecksum,
    /// A phone number with a wrong count of national digits.
    WrongLength {
        /// The counts allowed.
        lengths: Vec<u8>,
    },
    /// A phone number with another country's calling code; `expected` is this country's.
    WrongCountryCode {
        /// The country's calling code, without "+".
        expected: String,
    },
    /// Not one of the choices offered.
    NotInList,
    /// Not a real date.
    InvalidDate,
    /// A date after today.
    FutureDate,
    /// The attestation check box is not ticked.
    NotAttested,
    /// The domain is already taken (the endpoint said so).
    DomainTaken,
    /// The endpoint could not say whether the domain is free.
    DomainCheckFailed,
    /// The endpoint refused the value when the customer was submitted; its words.
    Server(String),
    /// The indirect reseller choice is not complete or not allowed.
    Reseller(ResellerError),
}

/// What can be wrong with the reseller choice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ResellerError {
    /// Neither a reseller nor the attestation of acting without one.
    NotChosen,
    /// The reseller has not signed the partner agreement.
    AgreementNotSigned,
    /// The reseller is the provider itself.
    OwnId,
    /// Additional resellers outside the EU/EFTA.
    AdditionalNotAllowed,
    /// More than five additional resellers.
    TooManyAdditional,
    /// A reseller named twice.
    Duplicate,
    /// Additional resellers without a first one.
    AdditionalWithoutFirst,
}

impl ResellerError {
    /// The field the error shows at.
    pub fn field(&self) -> Field {
        match self {
            ResellerError::NotChosen | ResellerError::AgreementNotSigned | ResellerError::OwnId => Field::Reseller,
            _ => Field::AdditionalResellers,
        }
    }
}
