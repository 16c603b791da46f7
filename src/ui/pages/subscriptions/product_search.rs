//! The search of the Subscriptions page: the products, each with its search key lower-cased
//! once, and the filter by family and words, which narrows the last match as the user types on.

use crate::domain::commerce::catalog::Product;
use crate::domain::common::letter_case::lower_case;
use std::sync::Arc;

/// What the filter last found: the catalog, family and search it ran for, and the products it
/// matched.
pub struct LastMatch {
    /// The products it searched (compared by pointer: the same catalog).
    pub products: Arc<Vec<Product>>,
    /// The family it ran for; empty for all.
    pub category: String,
    /// The search it ran for.
    pub search: String,
    /// The indices of the products it matched.
    pub indices: Vec<usize>,
}

/// The catalog's products with what the filter searches, lower-cased once. Made once per
/// catalog, for the wizard's life (`CatalogState::search`), not on every visit to Subscriptions.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Searchable {
    /// The products, shared with the catalog.
    pub products: Arc<Vec<Product>>,
    keys: Arc<Vec<String>>,
    /// The families, in the order the catalog first names them.
    pub categories: Vec<String>,
}

impl Searchable {
    /// Indexes `products`.
    pub fn new(products: &Arc<Vec<Product>>) -> Self {
        let keys = products.iter().map(|product| lower_case(&format!("{} {}", product.title, product.id))).collect();
        let mut categories: Vec<String> = Vec::new();
        for product in products.iter() {
            let family = product.family();
            if !categories.iter().any(|known| known == family) {
                categories.push(family.to_string());
            }
        }
        Self { products: Arc::clone(products), keys: Arc::new(keys), categories }
    }

    /// The indices of the products in `category` (all where empty) whose title or id holds
    /// every word of `search`. Where `last` was found in this catalog and family for a search
    /// that `search` only types on from, its products are the only candidates: typing on at
    /// the end can only narrow the matches, so a keystroke need not go through the whole
    /// catalog again.
    pub fn matching(&self, category: &str, search: &str, last: Option<&LastMatch>) -> Vec<usize> {
        let words: Vec<String> = search.split_whitespace().map(lower_case).collect();
        let narrows = last.filter(|last| {
            Arc::ptr_eq(&last.products, &self.products) && last.category == category && search.starts_with(&last.search)
        });
        let all: Vec<usize>;
        let candidates = match narrows {
            Some(last) => &last.indices,
            None => {
                all = (0..self.products.len()).collect();
                &all
            }
        };
        candidates
            .iter()
            .copied()
            .filter(|&index| category.is_empty() || self.products[index].family() == category)
            .filter(|&index| words.iter().all(|word| self.keys[index].contains(word.as_str())))
            .collect()
    }

    /// How many products are in `category`.
    pub fn count_in(&self, category: &str) -> usize {
        self.products.iter().filter(|product| product.family() == category).count()
    }
}

#[cfg(test)]
mod tests {
    use super::{LastMatch, Searchable};
    use crate::api::demo::products::DemoProducts;
    use std::sync::Arc;

    fn generated(count: usize) -> Searchable {
        Searchable::new(&Arc::new(DemoProducts::generated(count).products()))
    }

    /// Searches as each keystroke of `typed` would, narrowing from the last match, and checks
    /// each answer against a search of the whole catalog.
    fn type_and_compare(searchable: &Searchable, category: &str, typed: &[&str]) -> Vec<usize> {
        let mut last: Option<LastMatch> = None;
        let mut indices = Vec::new();
        for search in typed {
            indices = searchable.matching(category, search, last.as_ref());
            assert_eq!(indices, searchable.matching(category, search, None), "after {search:?}");
            let products = searchable.products.clone();
            last = Some(LastMatch {
                products,
                category: category.to_string(),
                search: search.to_string(),
                indices: indices.clone(),
            });
        }
        indices
    }

    #[test]
    fn typing_on_narrows_to_what_a_whole_search_finds() {
        let searchable = generated(2_000);
        let typed: Vec<String> =
            (1..="northwind secure".len()).map(|end| "northwind secure"[..end].to_string()).collect();
        let typed: Vec<&str> = typed.iter().map(String::as_str).collect();
        let found = type_and_compare(&searchable, "", &typed);
        assert!(!found.is_empty() && found.len() < 2_000);
    }

    #[test]
    fn deleting_or_changing_the_category_searches_the_whole_catalog_again() {
        let searchable = generated(2_000);
        type_and_compare(&searchable, "", &["nort", "northx", "north", "nor", "", "secure"]);
        let category = searchable.products[0].family().to_string();
        let narrowed = searchable.matching("", "plus", None);
        let last = LastMatch {
            products: searchable.products.clone(),
            category: String::new(),
            search: "plus".into(),
            indices: narrowed,
        };
        assert_eq!(searchable.matching(&category, "plus", Some(&last)), searchable.matching(&category, "plus", None));
        assert!(searchable.count_in(&category) > 0);
    }

    #[test]
    fn a_match_in_another_catalog_is_not_reused() {
        let first = generated(100);
        let second = generated(2_000);
        let last = LastMatch {
            products: first.products.clone(),
            category: String::new(),
            search: "n".into(),
            indices: vec![0, 1],
        };
        assert_eq!(second.matching("", "no", Some(&last)), second.matching("", "no", None));
    }
}
