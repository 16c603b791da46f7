//! The search of the Subscriptions page: the offers that can be bought, each with its search
//! key lower-cased once, and the filter by category and words, which narrows the last match as
//! the user types on.

use crate::domain::catalog::offer::Catalog;
use crate::domain::catalog::offer::Offer;
use crate::domain::common::letter_case::lower_case;
use std::sync::Arc;

/// What the filter last found: the catalog, category and search it ran for, and the offers it
/// matched.
pub struct LastMatch {
    /// The offers it searched (compared by pointer: the same catalog).
    pub offers: Arc<Vec<Offer>>,
    /// The category it ran for; empty for all.
    pub category: String,
    /// The search it ran for.
    pub search: String,
    /// The indices of the offers it matched.
    pub indices: Vec<usize>,
}

/// The catalog's offers that can be bought, with what the filter searches, lower-cased once.
/// Made once per catalog, for the wizard's life (`CatalogState::offer_search`), not on every
/// visit to Subscriptions.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Searchable {
    /// The offers that can be bought.
    pub offers: Arc<Vec<Offer>>,
    keys: Arc<Vec<String>>,
    /// The categories: the catalog's own, then any other that an offer names.
    pub categories: Vec<String>,
}

impl Searchable {
    /// Indexes `catalog`.
    pub fn new(catalog: &Catalog) -> Self {
        // Shared with the catalog where every offer can be bought, as they usually all can: a
        // copy of 50,000 offers was 6 of the 38 ms it took to show the page.
        let offers = if catalog.offers.iter().all(|offer| offer.is_available_for_purchase) {
            Arc::clone(&catalog.offers)
        } else {
            Arc::new(catalog.offers.iter().filter(|offer| offer.is_available_for_purchase).cloned().collect())
        };
        let keys = offers
            .iter()
            .map(|offer| lower_case(&format!("{} {} {}", offer.name, offer.id, offer.category_name())))
            .collect();
        let mut categories: Vec<String> =
            catalog.categories.iter().map(|category| category.name.clone()).filter(|name| !name.is_empty()).collect();
        for offer in offers.iter() {
            let name = offer.category_name();
            if !categories.iter().any(|known| known == name) {
                categories.push(name.to_string());
            }
        }
        Self { offers, keys: Arc::new(keys), categories }
    }

    /// The indices of the offers in `category` (all where empty) whose name, id or category
    /// holds every word of `search`. Where `last` was found in this catalog and category for a
    /// search that `search` only types on from, its offers are the only candidates: typing on
    /// at the end can only narrow the matches, so a keystroke need not go through the whole
    /// catalog again.
    pub fn matching(&self, category: &str, search: &str, last: Option<&LastMatch>) -> Vec<usize> {
        let words: Vec<String> = search.split_whitespace().map(lower_case).collect();
        let narrows = last.filter(|last| {
            Arc::ptr_eq(&last.offers, &self.offers) && last.category == category && search.starts_with(&last.search)
        });
        let all: Vec<usize>;
        let candidates = match narrows {
            Some(last) => &last.indices,
            None => {
                all = (0..self.offers.len()).collect();
                &all
            }
        };
        candidates
            .iter()
            .copied()
            .filter(|&index| category.is_empty() || self.offers[index].category_name() == category)
            .filter(|&index| words.iter().all(|word| self.keys[index].contains(word.as_str())))
            .collect()
    }

    /// How many offers are in `category`.
    pub fn count_in(&self, category: &str) -> usize {
        self.offers.iter().filter(|offer| offer.category_name() == category).count()
    }
}

#[cfg(test)]
mod tests {
    use super::{LastMatch, Searchable};
    use crate::api::demo::catalog::generated;
    use crate::domain::catalog::offer::Catalog;
    use std::sync::Arc;

    #[test]
    fn the_search_shares_the_catalog_unless_some_offers_cannot_be_bought() {
        let catalog = Catalog { offers: Arc::new(generated(50)), categories: Vec::new() };
        assert!(Arc::ptr_eq(&Searchable::new(&catalog).offers, &catalog.offers));

        let mut offers = generated(50);
        offers[3].is_available_for_purchase = false;
        let catalog = Catalog { offers: Arc::new(offers), categories: Vec::new() };
        let searchable = Searchable::new(&catalog);
        assert_eq!(searchable.offers.len(), 49);
        assert!(searchable.offers.iter().all(|offer| offer.id != catalog.offers[3].id));
        assert_eq!(searchable.keys.len(), 49);
    }

    /// Searches as each keystroke of `typed` would, narrowing from the last match, and checks
    /// each answer against a search of the whole catalog.
    fn type_and_compare(searchable: &Searchable, category: &str, typed: &[&str]) -> Vec<usize> {
        let mut last: Option<LastMatch> = None;
        let mut indices = Vec::new();
        for search in typed {
            indices = searchable.matching(category, search, last.as_ref());
            assert_eq!(indices, searchable.matching(category, search, None), "after {search:?}");
            let offers = searchable.offers.clone();
            last = Some(LastMatch {
                offers,
                category: category.to_string(),
                search: search.to_string(),
                indices: indices.clone(),
            });
        }
        indices
    }

    #[test]
    fn typing_on_narrows_to_what_a_whole_search_finds() {
        let searchable = Searchable::new(&Catalog { offers: Arc::new(generated(2_000)), categories: Vec::new() });
        let typed: Vec<String> =
            (1..="northwind secure".len()).map(|end| "northwind secure"[..end].to_string()).collect();
        let typed: Vec<&str> = typed.iter().map(String::as_str).collect();
        let found = type_and_compare(&searchable, "", &typed);
        assert!(!found.is_empty() && found.len() < 2_000);
    }

    #[test]
    fn deleting_or_changing_the_category_searches_the_whole_catalog_again() {
        let searchable = Searchable::new(&Catalog { offers: Arc::new(generated(2_000)), categories: Vec::new() });
        type_and_compare(&searchable, "", &["nort", "northx", "north", "nor", "", "secure"]);
        let category = searchable.offers[0].category_name().to_string();
        let narrowed = searchable.matching("", "plus", None);
        let last = LastMatch {
            offers: searchable.offers.clone(),
            category: String::new(),
            search: "plus".into(),
            indices: narrowed,
        };
        assert_eq!(searchable.matching(&category, "plus", Some(&last)), searchable.matching(&category, "plus", None));
    }

    #[test]
    fn a_match_in_another_catalog_is_not_reused() {
        let first = Searchable::new(&Catalog { offers: Arc::new(generated(100)), categories: Vec::new() });
        let second = Searchable::new(&Catalog { offers: Arc::new(generated(2_000)), categories: Vec::new() });
        let last = LastMatch {
            offers: first.offers.clone(),
            category: String::new(),
            search: "n".into(),
            indices: vec![0, 1],
        };
        assert_eq!(second.matching("", "no", Some(&last)), second.matching("", "no", None));
    }
}
