//! The Subscriptions page: the country's new-commerce products, filtered by family and search,
//! with a check box per product and, once chosen, its plan, term, billing frequency and licence
//! count. Only a page of the matches is in the DOM at a time, so a catalog of thousands of
//! products stays quick.

use crate::domain::commerce::catalog::Product;
use crate::domain::commerce::choice::{LineError, LineIssue};
use crate::domain::commerce::qualification::QualificationKind;
use crate::domain::common::letter_case::lower_case;
use crate::domain::wizard::steps::Step;
use crate::ui::common::effect::effect;
use crate::ui::common::intl::format_number;
use crate::ui::common::load_failed::LoadFailed;
use crate::ui::common::page_heading::PageHeading;
use crate::ui::common::price_words::PriceListNotice;
use crate::ui::common::set_if_changed::set_if_changed;
use crate::ui::embed::scope::use_scope;
use crate::ui::fields::error_summary::ErrorSummary;
use crate::ui::i18n::{use_i18n, Text};
use crate::ui::pages::subscriptions::product_row::{ProductIds, ProductRow};
use crate::ui::pages::subscriptions::product_search::LastMatch;
use crate::ui::state::catalog::use_catalog;
use crate::ui::state::submit::use_submit;
use crate::ui::state::submit::ServerIssue;
use crate::ui::state::wizard::use_wizard;
use leptos::prelude::*;
use serde_json::json;

/// How many matching products are shown at a time: a search that changes the products shown
/// re-renders this many rows, and the whole recorded US catalog fits.
const PAGE_SIZE: usize = 25;

/// The id of the search box, which "Choose at least one subscription" links to.
const SEARCH_ID: &str = "offer-search";

/// A product's title, looked up in the catalog.
fn product_title(products: &[Product], product_id: &str) -> String {
    products
        .iter()
        .find(|product| product.id == product_id)
        .map_or_else(|| product_id.to_string(), |product| product.title.clone())
}

/// The Subscriptions page.
#[component]
pub fn SubscriptionsPage() -> impl IntoView {
    let catalog_state = use_catalog();
    let account_form = crate::ui::state::account::use_account().form;
    let submit_state = use_submit();
    let wizard_state = use_wizard();
    let i18n = use_i18n();
    let scope = use_scope();
    let number = move |value: u64| format_number(value, i18n.locale());
    let chosen = catalog_state.chosen;
    let search = RwSignal::new(String::new());
    let category = RwSignal::new(String::new());
    let shown = RwSignal::new(PAGE_SIZE);
    let show_errors =
        RwSignal::new(submit_state.server_issue.with_untracked(|issue| matches!(issue, Some(ServerIssue::Lines(_)))));
    let focus_request = RwSignal::new(0u32);

    let loaded = catalog_state.search;
    let searchable = Memo::new(move |_| loaded.with(|loaded| loaded.clone().and_then(Result::ok).unwrap_or_default()));
    let last_match = StoredValue::new(None::<LastMatch>);
    let matches = Memo::new(move |_| {
        let (category, search) = (category.get(), search.get());
        searchable.with(|searchable| {
            let indices = last_match.with_value(|last| searchable.matching(&category, &search, last.as_ref()));
            let products = searchable.products.clone();
            last_match.set_value(Some(LastMatch { products, category, search, indices: indices.clone() }));
            indices
        })
    });
    // A new search shows its first page; set again when it already does, the rows would be
    // diffed a second time on every keystroke.
    effect(move || {
        matches.track();
        set_if_changed(shown, PAGE_SIZE);
    });

    let issues = Memo::new(move |_| {
        let mut issues = catalog_state.issues(account_form.qualification.get() == QualificationKind::Education);
        if let Some(ServerIssue::Lines(refused)) = submit_state.server_issue.get() {
            for (product_id, message, as_refused) in refused {
                // Until the line is changed: the endpoint refused it as it was.
                let shown = chosen.with(|chosen| chosen.contains(&as_refused));
                let known = issues.iter().any(|issue| issue.product_id.as_deref() == Some(product_id.as_str()));
                if shown && !known {
                    issues.push(LineIssue { product_id: Some(product_id), error: LineError::Server(message) });
                }
            }
        }
        issues
    });
    let visible = Memo::new(move |_| if show_errors.get() { issues.get() } else { Vec::new() });
    let text_of = move |issue: &LineIssue| {
        let name = searchable
            .with(|searchable| product_title(&searchable.products, issue.product_id.as_deref().unwrap_or_default()));
        i18n.messages().line_error_text(&name, &issue.error, &number)
    };
    let summary = Signal::derive(move || {
        visible.with(|issues| {
            issues
                .iter()
                .map(|issue| {
                    let target = match &issue.product_id {
                        Some(product_id) => ProductIds::for_error(product_id, &issue.error),
                        None => SEARCH_ID.to_string(),
                    };
                    (target, text_of(issue))
                })
                .collect::<Vec<_>>()
        })
    });
    let error_of = move |product_id: String| {
        Signal::derive(move || {
            visible.with(|issues| {
                issues
                    .iter()
                    .find(|issue| issue.product_id.as_deref() == Some(product_id.as_str()))
                    .map(|issue| (ProductIds::for_error(&product_id, &issue.error), text_of(issue)))
            })
        })
    };

    let next_label = move || match wizard_state.position.get().next_step() {
        Some(step) => i18n.messages().next_to(step),
        None => i18n.messages().text(Text::Next).to_string(),
    };
    let on_next = move |_| {
        show_errors.set(true);
        if issues.with_untracked(Vec::is_empty) {
            wizard_state.go(wizard_state.position.get_untracked().next());
        } else {
            let products: Vec<Option<String>> =
                issues.with_untracked(|issues| issues.iter().map(|issue| issue.product_id.clone()).collect());
            scope.emit("invalid", &json!({"step": Step::Subscriptions.key(), "products": products}));
            focus_request.update(|request| *request += 1);
        }
    };
    let on_back = move |_| wizard_state.go(wizard_state.position.get_untracked().back());

    let title_of = Callback::new(move |product_id: String| {
        searchable.with_untracked(|searchable| product_title(&searchable.products, &product_id))
    });
    let category_choice = move |value: String, label: String| {
        let id = format!(
            "category-{}",
            if value.is_empty() { "all".to_string() } else { lower_case(&value.replace(' ', "-")) }
        );
        let checked = {
            let value = value.clone();
            move || category.with(|category| *category == value)
        };
        view! {
            <div class="pill">
                <input id=id.clone() type="radio" name="product-family" class="pill-input" prop:checked=checked on:change=move |_| category.set(value.clone()) />
                <label for=id class="pill-label">{label}</label>
            </div>
        }
    };
    let status = move || {
        let count = matches.with(Vec::len);
        let total = searchable.with(|searchable| searchable.products.len());
        let chosen_count = chosen.with(Vec::len);
        i18n.messages().catalog_status(count as u64, total as u64, chosen_count as u64, &number)
    };

    // More products, with focus on the first of them: the reader goes on where the list did.
    let show_more = move |_| {
        let first_new = shown.get_untracked();
        shown.update(|shown| *shown += PAGE_SIZE);
        let product_id = matches.with_untracked(|matches| {
            let index = *matches.get(first_new)?;
            searchable.with_untracked(|searchable| Some(searchable.products[index].id.clone()))
        });
        if let Some(product_id) = product_id {
            scope.focus_soon(ProductIds::checkbox(&product_id));
        }
    };

    let catalog_view = move || {
        match loaded.get() {
        None => view! { <p class="loading" role="status">{i18n.text(Text::LoadingCatalog)}</p> }.into_any(),
        Some(Err(error)) => {
            view! { <LoadFailed what=Text::TheCatalog error retry=Callback::new(move |()| catalog_state.products.refetch()) /> }
                .into_any()
        }
        Some(Ok(_)) => view! {
            <div class="catalog-filters">
                <div class="field">
                    <label for=SEARCH_ID class="label">{i18n.text(Text::SearchProducts)}</label>
                    <p id="offer-search-hint" class="hint">{i18n.text(Text::SearchProductsHint)}</p>
                    <input
                        id=SEARCH_ID
                        type="search"
                        class="input"
                        aria-describedby="offer-search-hint"
                        autocomplete="off"
                        prop:value=move || search.get()
                        on:input=move |event| search.set(event_target_value(&event))
                    />
                </div>
                <fieldset class="fieldset">
                    <legend class="fieldset-legend fieldset-legend-small">{i18n.text(Text::Category)}</legend>
                    <div class="pills">
                        {move || {
                            searchable.with(|searchable| {
                                let all = format!(
                                    "{} ({})",
                                    i18n.messages().text(Text::All),
                                    number(searchable.products.len() as u64)
                                );
                                std::iter::once(category_choice(String::new(), all))
                                    .chain(searchable.categories.iter().map(|name| {
                                        let label = format!("{name} ({})", number(searchable.count_in(name) as u64));
                                        category_choice(name.clone(), label)
                                    }))
                                    .collect_view()
                            })
                        }}
                    </div>
                </fieldset>
            </div>
            <p class="catalog-status" role="status">{status}</p>
            <ul class="offers">
                <For
                    each=move || {
                        let limit = shown.get();
                        matches.with(|matches| matches.iter().take(limit).copied().collect::<Vec<_>>())
                    }
                    key=|index| *index
                    let(index)
                >
                    {move || {
                        searchable.with_untracked(|searchable| {
                            let product = searchable.products[index].clone();
                            let error = error_of(product.id.clone());
                            view! { <ProductRow product title_of error /> }
                        })
                    }}
                </For>
            </ul>
            <Show when=move || { matches.with(Vec::len) > shown.get() }>
                <button type="button" class="button button-secondary" part="button button-secondary" on:click=show_more>
                    {move || {
                        let left = matches.with(Vec::len).saturating_sub(shown.get());
                        i18n.messages().show_more(PAGE_SIZE.min(left) as u64, left as u64, &number)
                    }}
                </button>
            </Show>
        }
        .into_any(),
    }
    };

    view! {
        <PageHeading
            text=Signal::derive(move || i18n.messages().step_name(Step::Subscriptions).to_string())
            focus=wizard_state.focus_heading.get_untracked()
        />
        <ErrorSummary errors=summary focus_request=focus_request />
        <p class="lede">{i18n.text(Text::LedeSubscriptions)}</p>
        <PriceListNotice />
        {catalog_view}
        <div class="actions">
            <button type="button" class="button" part="button" on:click=on_next>{next_label}</button>
            <button type="button" class="button button-secondary" part="button button-secondary" on:click=on_back>{i18n.text(Text::Back)}</button>
        </div>
    }
}
