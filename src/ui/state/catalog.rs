//! The chosen country's products, their search index, each opened product's SKUs and
//! availabilities (loaded when the product is chosen, kept for the session), and the lines the
//! user chose.

use crate::api::ApiError;
use crate::domain::commerce::catalog::Product;
use crate::domain::commerce::choice::{validate_lines, ChosenLine, DetailsByProduct, LineIssue, ProductDetails};
use crate::domain::commerce::lines::{plan_lines, PlannedLine};
use crate::ui::pages::subscriptions::product_search::Searchable;
use leptos::prelude::*;
use std::collections::BTreeMap;
use std::rc::Rc;
use std::sync::Arc;

/// The products, loading or loaded.
pub type ProductsResource = LocalResource<Result<Arc<Vec<Product>>, ApiError>>;

/// Where one product's SKUs and availabilities are.
#[derive(Clone, Debug, PartialEq)]
pub enum DetailsLoad {
    /// On their way.
    Loading,
    /// Here.
    Loaded(Arc<ProductDetails>),
    /// They could not be loaded; choosing the product again, or Try again, asks again.
    Failed(ApiError),
}

/// Fetches a product's details and records them in the state.
type Loader = Rc<dyn Fn(CatalogState, String)>;

/// The catalog and the choice made in it.
#[derive(Clone, Copy)]
pub struct CatalogState {
    /// The chosen country's products, loading or loaded.
    pub products: ProductsResource,
    /// The products indexed for the Subscriptions page's search, made when the page first asks
    /// and kept while the catalog stays the same.
    pub search: Memo<Option<Result<Searchable, ApiError>>>,
    /// The chosen lines, in the order they were chosen.
    pub chosen: RwSignal<Vec<ChosenLine>>,
    /// The details of the products opened, by product id.
    pub details: RwSignal<BTreeMap<String, DetailsLoad>>,
    loader: StoredValue<Loader, LocalStorage>,
}

impl CatalogState {
    /// Nothing chosen yet among `products`; `load` fetches a product's details.
    pub fn new(products: ProductsResource, load: impl Fn(CatalogState, String) + 'static) -> Self {
        Self {
            products,
            search: search(products),
            chosen: RwSignal::new(Vec::new()),
            details: RwSignal::new(BTreeMap::new()),
            loader: StoredValue::new_local(Rc::new(load)),
        }
    }

    /// Loads the details of `product_id` unless they are here or on their way.
    pub fn load(&self, product_id: &str) {
        let wanted = self.details.with_untracked(|details| {
            !matches!(details.get(product_id), Some(DetailsLoad::Loading | DetailsLoad::Loaded(_)))
        });
        if wanted {
            self.details.update(|details| {
                details.insert(product_id.to_string(), DetailsLoad::Loading);
            });
            let loader = self.loader.get_value();
            loader(*self, product_id.to_string());
        }
    }

    /// Records what loading `product_id` gave, and settles its chosen line on it.
    pub fn loaded(&self, product_id: &str, result: Result<ProductDetails, ApiError>) {
        let load = match result {
            Ok(details) => DetailsLoad::Loaded(Arc::new(details)),
            Err(error) => DetailsLoad::Failed(error),
        };
        self.details.update(|details| {
            details.insert(product_id.to_string(), load);
        });
        self.settle(product_id);
    }

    /// Sets what the chosen line of `product_id` lacks, or its details no longer offer, to their
    /// defaults ([`ChosenLine::settle`]), once the details are here.
    pub fn settle(&self, product_id: &str) {
        let loaded = self.details.with_untracked(|details| match details.get(product_id) {
            Some(DetailsLoad::Loaded(details)) => Some(Arc::clone(details)),
            _ => None,
        });
        let Some(details) = loaded else { return };
        self.chosen.update(|chosen| {
            for line in chosen.iter_mut().filter(|line| line.product_id == product_id) {
                *line = line.settle(&details);
            }
        });
    }

    /// The details loaded so far.
    pub fn loaded_details(&self) -> DetailsByProduct {
        self.details.with(|details| {
            details
                .iter()
                .filter_map(|(id, load)| match load {
                    DetailsLoad::Loaded(details) => Some((id.clone(), Arc::clone(details))),
                    _ => None,
                })
                .collect()
        })
    }

    /// The products, once loaded.
    pub fn product_list(&self) -> Option<Arc<Vec<Product>>> {
        self.products.with(|products| products.as_ref().and_then(|result| result.as_ref().ok().cloned()))
    }

    /// Every problem of the choice (`education`: the customer asks for that qualification).
    pub fn issues(&self, education: bool) -> Vec<LineIssue> {
        let products = self.product_list().unwrap_or_default();
        validate_lines(&products, &self.loaded_details(), &self.chosen.get(), education)
    }

    /// The chosen lines as they would be bought (those that are complete).
    pub fn planned_lines(&self) -> Vec<PlannedLine> {
        let products = self.product_list().unwrap_or_default();
        plan_lines(&products, &self.loaded_details(), &self.chosen.get())
    }

    /// Whether the products and every chosen product's details are here (Review can show them).
    pub fn ready(&self) -> bool {
        self.product_list().is_some()
            && self.chosen.with(|chosen| {
                self.details.with(|details| {
                    chosen.iter().all(|line| matches!(details.get(&line.product_id), Some(DetailsLoad::Loaded(_))))
                })
            })
    }
}

/// The products, indexed for the search once they have loaded.
fn search(products: ProductsResource) -> Memo<Option<Result<Searchable, ApiError>>> {
    Memo::new(move |_| {
        products.with(|result| result.as_ref().map(|result| result.as_ref().map(Searchable::new).map_err(Clone::clone)))
    })
}

/// The catalog of the wizard this component belongs to.
pub fn use_catalog() -> CatalogState {
    use_context::<CatalogState>().expect("a wizard page outside the wizard")
}
