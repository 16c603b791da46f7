//! The Subscriptions page: the country's catalog, filtered by category and search, with a
//! check box per offer and its license count once chosen. Only a page of the matches is in the
//! DOM at a time, so a catalog of tens of thousands of offers stays quick.

use crate::domain::catalog::offer::Offer;
use crate::domain::catalog::selection::{validate_selection, SelectionError, SelectionIssue};
use crate::domain::common::letter_case::lower_case;
use crate::domain::wizard::steps::Step;
use crate::ui::common::effect::effect;
use crate::ui::common::intl::format_number;
use crate::ui::common::load_failed::LoadFailed;
use crate::ui::common::page_heading::PageHeading;
use crate::ui::common::set_if_changed::set_if_changed;
use crate::ui::embed::scope::use_scope;
use crate::ui::fields::error_summary::ErrorSummary;
use crate::ui::i18n::{use_i18n, Text};
use crate::ui::pages::subscriptions::offer_row::{OfferIds, OfferRow};
use crate::ui::pages::subscriptions::offer_search::LastMatch;
use crate::ui::state::catalog::use_catalog;
use crate::ui::state::submit::use_submit;
use crate::ui::state::submit::ServerIssue;
use crate::ui::state::wizard::use_wizard;
use leptos::prelude::*;
use serde_json::json;

/// How many matching offers are shown at a time: a search that changes the offers shown
/// re-renders this many rows, and the whole recorded US catalog (23 offers) fits.
const PAGE_SIZE: usize = 25;

/// The id of the search box, which "Choose at least one subscription" links to.
const SEARCH_ID: &str = "offer-search";

/// An offer's name, looked up in the catalog.
fn offer_name(offers: &[Offer], offer_id: &str) -> String {
    offers.iter().find(|offer| offer.id == offer_id).map_or_else(|| offer_id.to_string(), |offer| offer.name.clone())
}

/// The Subscriptions page.
#[component]
pub fn SubscriptionsPage() -> impl IntoView {
    let catalog_state = use_catalog();
    let submit_state = use_submit();
    let wizard_state = use_wizard();
    let i18n = use_i18n();
    let scope = use_scope();
    let number = move |value: u64| format_number(value, i18n.locale());
    let chosen = catalog_state.chosen;
    let search = RwSignal::new(String::new());
    let category = RwSignal::new(String::new());
    let shown = RwSignal::new(PAGE_SIZE);
    let show_errors = RwSignal::new(
        submit_state.server_issue.with_untracked(|issue| matches!(issue, Some(ServerIssue::Offer { .. }))),
    );
    let focus_request = RwSignal::new(0u32);

    let loaded = catalog_state.offer_search;
    let searchable = Memo::new(move |_| loaded.with(|loaded| loaded.clone().and_then(Result::ok).unwrap_or_default()));
    let last_match = StoredValue::new(None::<LastMatch>);
    let matches = Memo::new(move |_| {
        let (category, search) = (category.get(), search.get());
        searchable.with(|searchable| {
            let indices = last_match.with_value(|last| searchable.matching(&category, &search, last.as_ref()));
            let offers = searchable.offers.clone();
            last_match.set_value(Some(LastMatch { offers, category, search, indices: indices.clone() }));
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
        let mut issues = searchable.with(|searchable| validate_selection(&searchable.offers, &chosen.get()));
        if let Some(ServerIssue::Offer { offer_id, message }) = submit_state.server_issue.get() {
            if chosen.with(|chosen| chosen.iter().any(|line| line.offer_id == offer_id)) {
                issues.push(SelectionIssue { offer_id: Some(offer_id), error: SelectionError::Server(message) });
            }
        }
        issues
    });
    let visible = Memo::new(move |_| if show_errors.get() { issues.get() } else { Vec::new() });
    let text_of = move |issue: &SelectionIssue| {
        let name =
            searchable.with(|searchable| offer_name(&searchable.offers, issue.offer_id.as_deref().unwrap_or_default()));
        i18n.messages().selection_error_text(&name, &issue.error, &number)
    };
    let summary = Signal::derive(move || {
        visible.with(|issues| {
            issues
                .iter()
                .map(|issue| {
                    let target = match &issue.offer_id {
                        Some(offer_id) => OfferIds::for_error(offer_id, &issue.error),
                        None => SEARCH_ID.to_string(),
                    };
                    (target, text_of(issue))
                })
                .collect::<Vec<_>>()
        })
    });
    let error_of = move |offer_id: String| {
        Signal::derive(move || {
            visible.with(|issues| {
                issues.iter().find(|issue| issue.offer_id.as_deref() == Some(offer_id.as_str())).map(|issue| {
                    let on_quantity = OfferIds::for_error(&offer_id, &issue.error) == OfferIds::quantity(&offer_id);
                    (text_of(issue), on_quantity)
                })
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
            let offers: Vec<Option<String>> =
                issues.with_untracked(|issues| issues.iter().map(|issue| issue.offer_id.clone()).collect());
            scope.emit("invalid", &json!({"step": Step::Subscriptions.key(), "offers": offers}));
            focus_request.update(|request| *request += 1);
        }
    };
    let on_back = move |_| wizard_state.go(wizard_state.position.get_untracked().back());

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
                <input id=id.clone() type="radio" name="offer-category" class="pill-input" prop:checked=checked on:change=move |_| category.set(value.clone()) />
                <label for=id class="pill-label">{label}</label>
            </div>
        }
    };
    let status = move || {
        let count = matches.with(Vec::len);
        let total = searchable.with(|searchable| searchable.offers.len());
        let chosen_count = chosen.with(Vec::len);
        i18n.messages().catalog_status(count as u64, total as u64, chosen_count as u64, &number)
    };

    // More offers, with focus on the first of them: the reader goes on where the list did.
    let show_more = move |_| {
        let first_new = shown.get_untracked();
        shown.update(|shown| *shown += PAGE_SIZE);
        let offer_id = matches.with_untracked(|matches| {
            let index = *matches.get(first_new)?;
            searchable.with_untracked(|searchable| Some(searchable.offers[index].id.clone()))
        });
        if let Some(offer_id) = offer_id {
            scope.focus_soon(OfferIds::checkbox(&offer_id));
        }
    };

    let catalog_view = move || {
        match loaded.get() {
        None => view! { <p class="loading" role="status">{i18n.text(Text::LoadingCatalog)}</p> }.into_any(),
        Some(Err(error)) => {
            view! { <LoadFailed what=Text::TheCatalog error retry=Callback::new(move |()| catalog_state.catalog.refetch()) /> }
                .into_any()
        }
        Some(Ok(_)) => view! {
            <div class="catalog-filters">
                <div class="field">
                    <label for=SEARCH_ID class="label">{i18n.text(Text::SearchOffers)}</label>
                    <p id="offer-search-hint" class="hint">{i18n.text(Text::SearchOffersHint)}</p>
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
                                    number(searchable.offers.len() as u64)
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
                            let offer = searchable.offers[index].clone();
                            let prerequisite_names = offer
                                .prerequisite_offers
                                .iter()
                                .map(|id| offer_name(&searchable.offers, id))
                                .collect();
                            let error = error_of(offer.id.clone());
                            view! { <OfferRow offer prerequisite_names chosen error /> }
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
        {catalog_view}
        <div class="actions">
            <button type="button" class="button" part="button" on:click=on_next>{next_label}</button>
            <button type="button" class="button button-secondary" part="button button-secondary" on:click=on_back>{i18n.text(Text::Back)}</button>
        </div>
    }
}
