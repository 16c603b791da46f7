//! The chosen country's catalog, its search index, and the offers the user chose.

use crate::api::ApiError;
use crate::domain::catalog::offer::Catalog;
use crate::domain::catalog::selection::ChosenOffer;
use crate::ui::pages::subscriptions::offer_search::Searchable;
use leptos::prelude::*;

/// The catalog, loading or loaded.
pub type CatalogResource = LocalResource<Result<Catalog, ApiError>>;

/// The catalog and the choice made in it.
#[derive(Clone, Copy)]
pub struct CatalogState {
    /// The chosen country's catalog, loading or loaded.
    pub catalog: CatalogResource,
    /// The catalog indexed for the Subscriptions page's search, made when the page first asks
    /// and kept while the catalog stays the same.
    pub offer_search: Memo<Option<Result<Searchable, ApiError>>>,
    /// The chosen offers, in the order they were chosen.
    pub chosen: RwSignal<Vec<ChosenOffer>>,
}

impl CatalogState {
    /// Nothing chosen yet in `catalog`.
    pub fn new(catalog: CatalogResource) -> Self {
        Self { catalog, offer_search: offer_search(catalog), chosen: RwSignal::new(Vec::new()) }
    }
}

/// `catalog`, indexed for the search once it has loaded (read in place: a large catalog is not
/// copied to be indexed).
fn offer_search(catalog: CatalogResource) -> Memo<Option<Result<Searchable, ApiError>>> {
    Memo::new(move |_| {
        catalog.with(|result| result.as_ref().map(|result| result.as_ref().map(Searchable::new).map_err(Clone::clone)))
    })
}

/// The catalog of the wizard this component belongs to.
pub fn use_catalog() -> CatalogState {
    use_context::<CatalogState>().expect("a wizard page outside the wizard")
}
