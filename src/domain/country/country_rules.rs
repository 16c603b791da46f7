//! A country's validation rules: the answer of `GET /v1/countryvalidationrules/{iso2}`, merged
//! over the project's built-in data.

use serde::Deserialize;
use std::collections::BTreeMap;

/// The countries that require an organization registration number and a phone number, whatever
/// an endpoint's (older) rules say (spec §1.1).
pub const REGISTRATION_NUMBER_COUNTRIES: [&str; 24] = [
    "AM", "AZ", "BY", "HU", "KZ", "KG", "MD", "RU", "TJ", "UZ", "UA", "IN", "BR", "ZA", "PL", "AE", "SA", "TR", "TH",
    "VN", "MM", "IQ", "SS", "VE",
];

/// The rules of one country. Every field is optional, because endpoints answer with more or
/// fewer of them; [`CountryRules::merged_over`] fills the gaps from the built-in data.
///
/// The first group of fields are the wire names of `GET /v1/countryvalidationrules`; the last
/// group are this project's additions, which only the built-in data carries.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CountryRules {
    /// ISO 3166 alpha-2 code.
    pub iso2_code: Option<String>,
    /// The culture to preselect, e.g. `en-US`.
    pub default_culture: Option<String>,
    /// Whether the state or province is required.
    pub is_state_required: Option<bool>,
    /// The state codes to choose from.
    pub supported_states_list: Option<Vec<String>>,
    /// The email languages, e.g. `en`.
    pub supported_languages_list: Option<Vec<String>>,
    /// The cultures, e.g. `en-US`.
    pub supported_cultures_list: Option<Vec<String>>,
    /// Whether the postal code is required.
    pub is_postal_code_required: Option<bool>,
    /// The pattern a postal code must match.
    pub postal_code_regex: Option<String>,
    /// Whether the city is required.
    pub is_city_required: Option<bool>,
    /// The pattern a phone number must match, in the form it is sent.
    pub phone_number_regex: Option<String>,
    /// The calling codes, e.g. `1`.
    pub country_calling_codes_list: Option<Vec<String>>,
    /// Whether the organization registration number is required (newer endpoints).
    pub customer_organization_registration_number_required: Option<bool>,
    /// The pattern of the registration number (newer endpoints).
    pub customer_organization_registration_number_regex: Option<String>,
    /// A sample registration number (newer endpoints).
    pub customer_organization_registration_number_sample: Option<String>,
    /// Whether the phone number is required (newer endpoints).
    pub customer_organization_phone_number_required: Option<bool>,

    /// This project's addition: an example postal code, shown in hints and errors.
    pub postal_code_example: Option<String>,
    /// This project's addition: `zip` where the postal code is called a ZIP code.
    pub postal_code_name: Option<String>,
    /// This project's addition: state names by code.
    pub state_names: Option<BTreeMap<String, String>>,
    /// This project's addition: the local name of the registration number (INN, CNPJ, …).
    pub registration_number_name: Option<String>,
    /// This project's addition: the order of the address parts on the form, as letters of
    /// Google's address format: `A` the street lines, `C` the city, `S` the state, `Z` the postal
    /// code (Japan: `ZSA`). A part that is missing is not asked for unless it is required.
    pub address_format: Option<String>,
    /// This project's addition: what the country calls its states (`state`, `province`,
    /// `oblast`, `prefecture`, `emirate`, …).
    pub state_name_type: Option<String>,
    /// This project's addition: what the country calls the city (`city`, `post_town`,
    /// `district`, `suburb`).
    pub city_name_type: Option<String>,
    /// This project's addition: state names in the country's own script, where they differ.
    pub state_local_names: Option<BTreeMap<String, String>>,
    /// This project's addition: the language of [`CountryRules::state_local_names`].
    pub address_language: Option<String>,
    /// This project's addition: the national (trunk) prefix of phone numbers, e.g. `8` or `0`.
    pub phone_national_prefix: Option<String>,
    /// This project's addition: the possible lengths of a national phone number, in digits.
    pub phone_lengths: Option<Vec<u8>>,
}

/// A part of the customer's address, in the order a country writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AddressPart {
    /// The two street lines.
    Street,
    /// The city, town or district.
    City,
    /// The state, province or region.
    State,
    /// The postal code.
    PostalCode,
}

impl AddressPart {
    fn from_letter(letter: char) -> Option<AddressPart> {
        match letter {
            'A' => Some(AddressPart::Street),
            'C' => Some(AddressPart::City),
            'S' => Some(AddressPart::State),
            'Z' => Some(AddressPart::PostalCode),
            _ => None,
        }
    }
}

macro_rules! merge_fields {
    ($over:expr, $under:expr, $($field:ident),* $(,)?) => {
        CountryRules { $($field: $over.$field.or($under.$field)),* }
    };
}

impl CountryRules {
    /// These rules, with every field they lack taken from `fallback`: the endpoint's answer wins
    /// where it gives one.
    pub fn merged_over(self, fallback: CountryRules) -> CountryRules {
        merge_fields!(
            self,
            fallback,
            iso2_code,
            default_culture,
            is_state_required,
            supported_states_list,
            supported_languages_list,
            supported_cultures_list,
            is_postal_code_required,
            postal_code_regex,
            is_city_required,
            phone_number_regex,
            country_calling_codes_list,
            customer_organization_registration_number_required,
            customer_organization_registration_number_regex,
            customer_organization_registration_number_sample,
            customer_organization_phone_number_required,
            postal_code_example,
            postal_code_name,
            state_names,
            registration_number_name,
            address_format,
            state_name_type,
            city_name_type,
            state_local_names,
            address_language,
            phone_national_prefix,
            phone_lengths,
        )
    }

    fn in_registration_list(&self) -> bool {
        self.iso2_code.as_deref().is_some_and(|code| REGISTRATION_NUMBER_COUNTRIES.contains(&code))
    }

    /// Whether the organization registration number is asked for (and sent).
    pub fn requires_registration_number(&self) -> bool {
        self.customer_organization_registration_number_required.unwrap_or(false) || self.in_registration_list()
    }

    /// Whether the phone number is required.
    pub fn requires_phone(&self) -> bool {
        self.customer_organization_phone_number_required.unwrap_or(false) || self.in_registration_list()
    }

    /// Whether the city is required (it is unless the rules say otherwise).
    pub fn requires_city(&self) -> bool {
        self.is_city_required.unwrap_or(true)
    }

    /// Whether the postal code is required.
    pub fn requires_postal_code(&self) -> bool {
        self.is_postal_code_required.unwrap_or(false)
    }

    /// Whether the state is required.
    pub fn requires_state(&self) -> bool {
        self.is_state_required.unwrap_or(false)
    }

    /// The state codes to pick from; empty where the state is free text or not asked.
    pub fn states(&self) -> &[String] {
        self.supported_states_list.as_deref().unwrap_or_default()
    }

    /// Whether the country's address format has the part (every part, where it is unknown).
    fn formats(&self, part: AddressPart) -> bool {
        self.address_format
            .as_deref()
            .is_none_or(|format| format.chars().any(|letter| AddressPart::from_letter(letter) == Some(part)))
    }

    /// Whether the form asks for a city at all.
    pub fn asks_for_city(&self) -> bool {
        self.formats(AddressPart::City) || self.is_city_required == Some(true)
    }

    /// Whether the form asks for a state at all.
    pub fn asks_for_state(&self) -> bool {
        self.requires_state()
            || !self.states().is_empty()
            || (self.address_format.is_some() && self.formats(AddressPart::State))
    }

    /// Whether the form asks for a postal code at all: not where the country has none (where
    /// the format is unknown, it does).
    pub fn asks_for_postal_code(&self) -> bool {
        self.requires_postal_code() || self.postal_code_regex.is_some() || self.formats(AddressPart::PostalCode)
    }

    /// Whether the form asks for the part.
    pub fn asks_for(&self, part: AddressPart) -> bool {
        match part {
            AddressPart::Street => true,
            AddressPart::City => self.asks_for_city(),
            AddressPart::State => self.asks_for_state(),
            AddressPart::PostalCode => self.asks_for_postal_code(),
        }
    }

    /// The address parts the form asks for, in the country's order; parts it requires but does
    /// not write go last.
    pub fn address_parts(&self) -> Vec<AddressPart> {
        let format = self.address_format.as_deref().unwrap_or("ACSZ");
        let mut parts: Vec<AddressPart> = format.chars().filter_map(AddressPart::from_letter).collect();
        for part in [AddressPart::Street, AddressPart::City, AddressPart::State, AddressPart::PostalCode] {
            if !parts.contains(&part) {
                parts.push(part);
            }
        }
        parts.retain(|part| self.asks_for(*part));
        parts
    }

    /// The display name of a state code, falling back to the code: in the country's own script
    /// when `language` is the language of its addresses (Russian names for a Russian UI), else in
    /// Latin script.
    pub fn state_name<'a>(&'a self, code: &'a str, language: &str) -> &'a str {
        let local = (self.address_language.as_deref() == Some(language))
            .then(|| self.state_local_names.as_ref().and_then(|names| names.get(code)))
            .flatten();
        local.or_else(|| self.state_names.as_ref().and_then(|names| names.get(code))).map_or(code, String::as_str)
    }

    /// The email languages to pick from.
    pub fn languages(&self) -> &[String] {
        self.supported_languages_list.as_deref().unwrap_or_default()
    }

    /// The cultures to pick from.
    pub fn cultures(&self) -> &[String] {
        self.supported_cultures_list.as_deref().unwrap_or_default()
    }

    /// The culture to preselect: the default culture, else the first supported one.
    pub fn preselected_culture(&self) -> Option<&str> {
        self.default_culture.as_deref().or_else(|| self.cultures().first().map(String::as_str))
    }

    /// The language to preselect: the one the preselected culture is written in, where the
    /// country supports it, else the first supported language.
    pub fn preselected_language(&self) -> Option<&str> {
        let languages = self.languages();
        let culture = self.preselected_culture().unwrap_or_default();
        languages
            .iter()
            .find(|language| culture == language.as_str())
            .or_else(|| languages.iter().find(|language| culture.split('-').next() == Some(language.as_str())))
            .or_else(|| languages.first())
            .map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::CountryRules;

    fn us_from_endpoint() -> CountryRules {
        serde_json::from_str(
            r#"{"iso2Code":"US","defaultCulture":"en-US","isStateRequired":true,
                "supportedStatesList":["WA","OR"],"supportedLanguagesList":["en","es"],
                "supportedCulturesList":["en-US","es-US"],"isPostalCodeRequired":true,
                "postalCodeRegex":"^\\d{5}(-\\d{4})?$","isCityRequired":true,
                "attributes":{"objectType":"CountryValidationRules"}}"#,
        )
        .unwrap()
    }

    #[test]
    fn reads_the_wire_shape_and_ignores_unknown_fields() {
        let rules = us_from_endpoint();
        assert_eq!(rules.iso2_code.as_deref(), Some("US"));
        assert!(rules.requires_state());
        assert_eq!(rules.states(), ["WA", "OR"]);
        assert_eq!(rules.phone_number_regex, None);
    }

    #[test]
    fn the_endpoint_wins_and_the_fallback_fills_gaps() {
        let fallback = CountryRules {
            postal_code_regex: Some("^x$".into()),
            phone_number_regex: Some("^\\d+$".into()),
            postal_code_example: Some("98052".into()),
            ..CountryRules::default()
        };
        let merged = us_from_endpoint().merged_over(fallback);
        assert_eq!(merged.postal_code_regex.as_deref(), Some("^\\d{5}(-\\d{4})?$"));
        assert_eq!(merged.phone_number_regex.as_deref(), Some("^\\d+$"));
        assert_eq!(merged.postal_code_example.as_deref(), Some("98052"));
    }

    #[test]
    fn the_registration_list_applies_even_when_an_older_endpoint_is_silent() {
        let ru = CountryRules { iso2_code: Some("RU".into()), ..CountryRules::default() };
        assert!(ru.requires_registration_number());
        assert!(ru.requires_phone());
        let us = us_from_endpoint();
        assert!(!us.requires_registration_number());
        assert!(!us.requires_phone());
        let newer =
            CountryRules { customer_organization_registration_number_required: Some(true), ..CountryRules::default() };
        assert!(newer.requires_registration_number());
    }

    #[test]
    fn preselects_the_default_culture_and_its_language() {
        let rules = us_from_endpoint();
        assert_eq!(rules.preselected_culture(), Some("en-US"));
        assert_eq!(rules.preselected_language(), Some("en"));
        let pt = CountryRules {
            default_culture: Some("pt-PT".into()),
            supported_languages_list: Some(vec!["en".into(), "pt-PT".into()]),
            ..CountryRules::default()
        };
        assert_eq!(pt.preselected_language(), Some("pt-PT"));
    }
}
