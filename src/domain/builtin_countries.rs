//! The project's own country data, built into the app: the 248 countries Partner Center sells in
//! (`data/countries.json`) and the detailed rules of the countries that have them
//! (`data/country-rules.json`). An endpoint's answer wins over these where it gives one.

use super::country_rules::CountryRules;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// One country of the built-in list.
#[derive(Clone, Debug, Deserialize)]
pub struct Country {
    /// ISO 3166 alpha-2 code.
    pub iso2: String,
    /// Supported cultures, the default first.
    pub cultures: Vec<String>,
    /// Supported email languages.
    pub languages: Vec<String>,
}

#[derive(Deserialize)]
struct RulesFile {
    rules: BTreeMap<String, CountryRules>,
}

/// Every country, ordered by code.
pub fn countries() -> &'static [Country] {
    static COUNTRIES: OnceLock<Vec<Country>> = OnceLock::new();
    COUNTRIES.get_or_init(|| serde_json::from_str(include_str!("../../data/countries.json")).unwrap_or_default())
}

fn detailed_rules() -> &'static BTreeMap<String, CountryRules> {
    static RULES: OnceLock<BTreeMap<String, CountryRules>> = OnceLock::new();
    RULES.get_or_init(|| {
        serde_json::from_str::<RulesFile>(include_str!("../../data/country-rules.json"))
            .map(|file| file.rules)
            .unwrap_or_default()
    })
}

/// Whether `iso2` is one of the built-in countries.
pub fn is_known_country(iso2: &str) -> bool {
    countries().binary_search_by(|country| country.iso2.as_str().cmp(iso2)).is_ok()
}

/// The built-in rules of a country: its detailed rules where the project has them, else what
/// every country has (its cultures and languages; the city required). `None` for an unknown code
/// (`UK`: the code is `GB`).
pub fn builtin_rules(iso2: &str) -> Option<CountryRules> {
    let index = countries().binary_search_by(|country| country.iso2.as_str().cmp(iso2)).ok()?;
    let country = &countries()[index];
    let basic = CountryRules {
        iso2_code: Some(country.iso2.clone()),
        default_culture: country.cultures.first().cloned(),
        supported_cultures_list: Some(country.cultures.clone()),
        supported_languages_list: Some(country.languages.clone()),
        is_city_required: Some(true),
        ..CountryRules::default()
    };
    Some(match detailed_rules().get(iso2) {
        Some(detailed) => detailed.clone().merged_over(basic),
        None => basic,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::country_rules::REGISTRATION_NUMBER_COUNTRIES;
    use crate::domain::pattern::pattern_matches;

    #[test]
    fn lists_all_248_countries_in_code_order() {
        let all = countries();
        assert_eq!(all.len(), 248);
        assert!(all.windows(2).all(|pair| pair[0].iso2 < pair[1].iso2));
        assert!(is_known_country("GB"));
        assert!(!is_known_country("UK"));
    }

    #[test]
    fn us_and_pt_carry_the_recorded_rules() {
        let us = builtin_rules("US").unwrap();
        assert_eq!(us.states().len(), 51);
        assert_eq!(us.state_name("WA"), "Washington");
        assert!(us.requires_postal_code());
        assert!(us.phone_number_regex.is_some());
        let pt = builtin_rules("PT").unwrap();
        assert_eq!(pt.postal_code_regex.as_deref(), Some(r"^\d{4}(-\d{3})?$"));
        assert_eq!(pt.preselected_culture(), Some("pt-PT"));
    }

    #[test]
    fn every_registration_country_has_detailed_rules_whose_samples_pass() {
        for iso2 in REGISTRATION_NUMBER_COUNTRIES {
            let rules = builtin_rules(iso2).unwrap_or_else(|| panic!("{iso2} has no rules"));
            assert!(rules.requires_registration_number(), "{iso2}");
            assert!(rules.registration_number_name.is_some(), "{iso2}");
            if let (Some(regex), Some(sample)) = (
                &rules.customer_organization_registration_number_regex,
                &rules.customer_organization_registration_number_sample,
            ) {
                assert_eq!(pattern_matches(regex, sample), Some(true), "{iso2} sample {sample}");
            }
            if let (Some(regex), Some(example)) = (&rules.postal_code_regex, &rules.postal_code_example) {
                assert_eq!(pattern_matches(regex, example), Some(true), "{iso2} postal {example}");
            }
        }
    }

    #[test]
    fn a_country_without_detailed_rules_still_has_cultures() {
        let fr = builtin_rules("FR").unwrap();
        assert!(fr.cultures().contains(&"fr-FR".to_string()));
        assert!(fr.requires_city());
        assert!(!fr.requires_registration_number());
        assert!(builtin_rules("UK").is_none());
    }
}
