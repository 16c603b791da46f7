//! The 248 countries and regions Partner Center sells in, with their names in English and
//! Russian (`data/country-names.tsv`, built into the app), and the reading of a country's own
//! data file (`data/countries/<ISO2>.json`, fetched when the country is chosen). An endpoint's
//! rules win over a data file where they give one.

use crate::domain::common::decode::decode;
use crate::domain::country::country_rules::CountryRules;

/// Each country with its name in English and in Russian (`data/country-names.tsv`, a line each:
/// code, English, Russian, tab-separated, in code order; the codes are those of
/// `data/country-codes.txt`): CLDR's names, as browsers have them, and Partner Center's own for
/// the codes CLDR names wrongly or not at all (`XE`, `XJ`, `XS`, which are no ISO 3166 regions,
/// and `AN`, which CLDR names as Curaçao). Built in rather than asked of the browser: the first
/// `Intl` object a page makes loads the browser's locale data (about 40 ms at 1× CPU, 150 at
/// 4×), which the first page would pay whenever it shows a chosen country. Made by
/// `scripts/generate-country-names.mjs`.
const COUNTRIES: &str = include_str!("../../../data/country-names.tsv");

/// The countries as (code, English name, Russian name), in code order: read once, on first use.
fn countries() -> &'static [(&'static str, &'static str, &'static str)] {
    static TABLE: std::sync::OnceLock<Vec<(&str, &str, &str)>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        COUNTRIES
            .lines()
            .filter_map(|line| {
                let mut columns = line.split('\t');
                Some((columns.next()?, columns.next()?, columns.next()?))
            })
            .collect()
    })
}

/// The country `iso2`, looked up by halving the list.
fn country(iso2: &str) -> Option<&'static (&'static str, &'static str, &'static str)> {
    let table = countries();
    table.binary_search_by(|(code, _, _)| (*code).cmp(iso2)).ok().map(|at| &table[at])
}

/// Every country's ISO 3166 alpha-2 code, in code order.
pub fn country_codes() -> impl Iterator<Item = &'static str> {
    countries().iter().map(|(code, _, _)| *code)
}

/// Whether `iso2` is one of the 248 countries (`UK` is not: the code is `GB`).
pub fn is_known_country(iso2: &str) -> bool {
    country(iso2).is_some()
}

/// The name of `iso2` in Russian when `russian`, else in English; `None` for a code that is not
/// one of the 248.
pub fn country_name(iso2: &str, russian: bool) -> Option<&'static str> {
    country(iso2).map(|(_, english, russian_name)| if russian { *russian_name } else { *english })
}

/// Reads a country's data file: rules in the endpoint's shape, with this project's additions.
pub fn read_country_data(json: &str) -> Result<CountryRules, String> {
    decode(json)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_country_has_a_name_in_both_languages() {
        let listed: Vec<&str> = include_str!("../../../data/country-codes.txt").split_whitespace().collect();
        assert_eq!(country_codes().collect::<Vec<_>>(), listed, "the codes of country-codes.txt, in its order");
        assert_eq!(countries().len(), COUNTRIES.lines().count(), "every line has its three columns");
        for code in country_codes() {
            let (english, russian) = (country_name(code, false).unwrap(), country_name(code, true).unwrap());
            assert!(!english.is_empty() && english != code, "{code}: {english}");
            assert!(
                russian.chars().any(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap())),
                "{code}: {russian}"
            );
        }
        assert_eq!(country_name("US", false), Some("United States"));
        assert_eq!(country_name("DE", true), Some("Германия"));
        assert_eq!(country_name("UK", false), None);
    }

    #[test]
    fn the_codes_cldr_cannot_name_have_partner_centers_names() {
        assert_eq!(country_name("XE", false), Some("Sint Eustatius"));
        assert_eq!(country_name("XJ", true), Some("Ян-Майен"));
        assert_eq!(country_name("XS", false), Some("Saba"));
        assert_eq!(country_name("AN", false), Some("Netherlands Antilles"));
        assert_eq!(country_name("CW", false), Some("Curaçao"), "not the Antilles' name");
    }

    use crate::domain::country::country_rules::{AddressPart, REGISTRATION_NUMBER_COUNTRIES};
    use crate::domain::country::pattern::pattern_matches;
    use crate::domain::fixtures::country_rules;
    use AddressPart::{City, PostalCode, State, Street};

    #[test]
    fn lists_all_248_countries_in_code_order() {
        let codes: Vec<&str> = country_codes().collect();
        assert_eq!(codes.len(), 248);
        assert!(codes.windows(2).all(|pair| pair[0] < pair[1]));
        assert!(is_known_country("GB"));
        assert!(!is_known_country("UK"));
        assert!(!is_known_country("G"));
    }

    #[test]
    fn every_country_has_a_data_file_whose_examples_pass_its_patterns() {
        for iso2 in country_codes() {
            let rules = country_rules(iso2);
            assert_eq!(rules.iso2_code.as_deref(), Some(iso2));
            assert!(!rules.cultures().is_empty() && !rules.languages().is_empty(), "{iso2}");
            assert!(rules
                .preselected_language()
                .is_some_and(|language| rules.languages().iter().any(|l| l == language)));
            if let Some(regex) = &rules.postal_code_regex {
                let example = rules.postal_code_example.as_deref().unwrap_or_else(|| panic!("{iso2}: no example"));
                assert_eq!(pattern_matches(regex, example), Some(true), "{iso2} postal {example}");
            }
            if rules.requires_postal_code() {
                assert!(rules.asks_for_postal_code(), "{iso2}");
            }
            for code in rules.states() {
                assert_ne!(rules.state_name(code, "en"), "", "{iso2} {code}");
            }
        }
    }

    #[test]
    fn every_registration_country_has_a_format_whose_sample_passes() {
        for iso2 in REGISTRATION_NUMBER_COUNTRIES {
            let rules = country_rules(iso2);
            assert!(rules.requires_registration_number() && rules.requires_phone(), "{iso2}");
            assert!(rules.registration_number_name.is_some(), "{iso2}");
            if let (Some(regex), Some(sample)) = (
                &rules.customer_organization_registration_number_regex,
                &rules.customer_organization_registration_number_sample,
            ) {
                assert_eq!(pattern_matches(regex, sample), Some(true), "{iso2} sample {sample}");
            }
        }
    }

    /// (country, its address parts in order, which are required, how many states it lists)
    const SHAPES: [(&str, &[AddressPart], &[AddressPart], usize); 10] = [
        ("US", &[Street, City, State, PostalCode], &[Street, City, State, PostalCode], 51),
        ("CA", &[Street, City, State, PostalCode], &[Street, City, State, PostalCode], 13),
        ("GB", &[Street, City, PostalCode], &[Street, City, PostalCode], 0),
        ("DE", &[Street, PostalCode, City], &[Street, City, PostalCode], 0),
        ("RU", &[Street, City, State, PostalCode], &[Street, City, State, PostalCode], 85),
        ("BR", &[Street, City, State, PostalCode], &[Street, City, State, PostalCode], 27),
        ("IN", &[Street, City, PostalCode, State], &[Street, City, State, PostalCode], 36),
        ("JP", &[PostalCode, State, Street], &[Street, State, PostalCode], 47),
        ("CN", &[PostalCode, State, City, Street], &[Street, City, State, PostalCode], 34),
        ("AE", &[Street, State], &[Street, State], 7),
    ];

    #[test]
    fn address_shapes_of_ten_markets() {
        for (iso2, order, required, states) in SHAPES {
            let rules = country_rules(iso2);
            assert_eq!(rules.address_parts(), order, "{iso2} order");
            let is_required = |part: &AddressPart| match part {
                Street => true,
                City => rules.requires_city(),
                State => rules.requires_state(),
                PostalCode => rules.requires_postal_code(),
            };
            let actual: Vec<AddressPart> = order.iter().copied().filter(is_required).collect();
            let mut expected = required.to_vec();
            expected.retain(|part| order.contains(part));
            assert_eq!(actual.len(), expected.len(), "{iso2} required {actual:?}");
            assert!(expected.iter().all(|part| actual.contains(part)), "{iso2} required {actual:?}");
            assert_eq!(rules.states().len(), states, "{iso2} states");
        }
    }

    #[test]
    fn names_of_parts_and_states() {
        let us = country_rules("US");
        assert_eq!(us.postal_code_name.as_deref(), Some("zip"));
        assert_eq!(us.state_name("WA", "en"), "Washington");
        let gb = country_rules("GB");
        assert_eq!(gb.postal_code_name.as_deref(), Some("postcode"));
        assert_eq!(gb.city_name_type.as_deref(), Some("post_town"));
        assert_eq!(country_rules("IN").postal_code_name.as_deref(), Some("pin"));
        let ru = country_rules("RU");
        assert_eq!(ru.state_name_type.as_deref(), Some("oblast"));
        assert_eq!(ru.state_name("MOW", "ru"), "Москва");
        assert_eq!(ru.state_name("MOW", "en"), "Moskva");
        assert_eq!(country_rules("JP").state_name("13", "en"), "Tokyo");
        assert_eq!(country_rules("AE").state_name("DU", "en"), "Dubai");
        assert_eq!(country_rules("JP").state_name_type.as_deref(), Some("prefecture"));
    }

    #[test]
    fn the_recorded_endpoint_answers_win_in_the_data() {
        let us = country_rules("US");
        assert!(us.phone_number_regex.is_some());
        assert_eq!(us.states().len(), 51);
        let pt = country_rules("PT");
        assert_eq!(pt.postal_code_regex.as_deref(), Some(r"^\d{4}(-\d{3})?$"));
        assert_eq!(pt.preselected_culture(), Some("pt-PT"));
    }

    #[test]
    fn phone_plans() {
        let ru = country_rules("RU");
        assert_eq!(ru.country_calling_codes_list.as_deref(), Some(&["7".to_string()][..]));
        assert_eq!(ru.phone_national_prefix.as_deref(), Some("8"));
        assert_eq!(ru.phone_lengths.as_deref(), Some(&[10, 14][..]));
    }
}
