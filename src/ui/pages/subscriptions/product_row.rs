//! One product of the Subscriptions page: its check box and, once chosen, its plan (SKU), term,
//! billing frequency and licence count, offered as its availabilities pair them.

use crate::domain::commerce::catalog::Product;
use crate::domain::commerce::choice::{line_quantity, ChosenLine, LineError, SkuOption};
use crate::domain::commerce::terms::TermDuration;
use crate::ui::common::intl::{format_money, format_number};
use crate::ui::common::load_failed::LoadFailed;
use crate::ui::common::price_words::{amount_each, priced_choice};
use crate::ui::fields::binding::TextBinding;
use crate::ui::fields::frame::{ControlWiring, ErrorMessage};
use crate::ui::fields::select_field::SelectField;
use crate::ui::fields::text_field::TextField;
use crate::ui::i18n::{use_i18n, Counted, Locale, OfferFact, Text};
use crate::ui::state::catalog::{use_catalog, DetailsLoad};
use crate::ui::state::prices::use_prices;
use leptos::prelude::*;

/// The element ids of a product's controls.
pub struct ProductIds;

impl ProductIds {
    /// The check box.
    pub fn checkbox(product_id: &str) -> String {
        format!("offer-{product_id}")
    }

    /// The licence count.
    pub fn quantity(product_id: &str) -> String {
        format!("quantity-{product_id}")
    }

    /// The term.
    pub fn term(product_id: &str) -> String {
        format!("term-{product_id}")
    }

    /// The control an error of the line links to.
    pub fn for_error(product_id: &str, error: &LineError) -> String {
        match error {
            LineError::QuantityMissing | LineError::QuantityNotANumber | LineError::QuantityOutOfRange { .. } => {
                Self::quantity(product_id)
            }
            LineError::TermNotOffered => Self::term(product_id),
            _ => Self::checkbox(product_id),
        }
    }
}

/// What the hint under a chosen SKU says: its licence bounds, trial, add-on and segment.
fn sku_facts(option: &SkuOption, prerequisite_names: &[String], locale: Locale) -> String {
    let messages = locale.messages();
    let number = |value: u64| format_number(value, locale);
    let mut facts = Vec::new();
    if option.is_usage() {
        facts.push(messages.offer_fact(OfferFact::ByUsage));
    } else if let Some(fixed) = option.fixed_quantity() {
        facts.push(messages.offer_fact(OfferFact::Fixed(&number(fixed))));
    } else {
        let (min, max) = option.sku.quantity_range();
        facts.push(messages.offer_fact(OfferFact::Range(&number(min), &number(max))));
    }
    if option.sku.is_trial {
        facts.push(messages.offer_fact(OfferFact::Trial));
    }
    if option.is_for_education() {
        facts.push(messages.text(Text::EducationWaitsApproval).to_string());
    }
    if option.sku.dynamic_attributes.is_addon {
        let first = prerequisite_names.first().map(String::as_str);
        facts.push(messages.offer_fact(OfferFact::AddOnTo(first, prerequisite_names.len().saturating_sub(1))));
    }
    facts.join(" · ")
}

/// A binding of one member of the line of `product_id`.
fn line_binding(
    chosen: RwSignal<Vec<ChosenLine>>,
    product_id: &str,
    read: fn(&ChosenLine) -> String,
    write: fn(&mut ChosenLine, String),
) -> TextBinding {
    let (get_id, set_id) = (product_id.to_string(), product_id.to_string());
    TextBinding::new(
        move || {
            chosen.with(|chosen| chosen.iter().find(|line| line.product_id == get_id).map(read).unwrap_or_default())
        },
        move |value| {
            chosen.update(|chosen| {
                if let Some(line) = chosen.iter_mut().find(|line| line.product_id == set_id) {
                    write(line, value);
                }
            })
        },
    )
}

/// One product. `error` is the line's error while shown, and whether it concerns the count.
#[component]
pub fn ProductRow(
    /// The product.
    product: Product,
    /// The titles of products by id, for an add-on's prerequisites.
    title_of: Callback<String, String>,
    /// The line's error and the control it belongs to.
    #[prop(into)]
    error: Signal<Option<(String, String)>>,
) -> impl IntoView {
    let catalog = use_catalog();
    let prices = use_prices();
    let chosen = catalog.chosen;
    let i18n = use_i18n();
    let id = product.id.clone();
    let checkbox_id = ProductIds::checkbox(&id);
    let is_chosen = {
        let id = id.clone();
        move || chosen.with(|chosen| chosen.iter().any(|line| line.product_id == id))
    };
    let toggle = {
        let id = id.clone();
        move |event: leptos::ev::Event| {
            let tick = event_target_checked(&event);
            chosen.update(|chosen| {
                chosen.retain(|line| line.product_id != id);
                if tick {
                    chosen.push(ChosenLine::new(&id));
                }
            });
            if tick {
                catalog.settle(&id);
                catalog.load(&id);
            }
        }
    };
    let error_on = move |control: String| {
        Signal::derive(move || error.get().filter(|(target, _)| *target == control).map(|(_, text)| text))
    };
    let row_error = error_on(checkbox_id.clone());
    let has_error = move || row_error.with(Option::is_some);
    let wiring = ControlWiring::new(&checkbox_id, true, row_error);
    let details = {
        let id = id.clone();
        Memo::new(move |_| catalog.details.with(|details| details.get(&id).cloned()))
    };
    let line = {
        let id = id.clone();
        Memo::new(move |_| chosen.with(|chosen| chosen.iter().find(|line| line.product_id == id).cloned()))
    };
    // The SKU of the line, once the details are here.
    let option = Memo::new(move |_| match (details.get(), line.get()) {
        (Some(DetailsLoad::Loaded(details)), Some(line)) => details.sku(&line.sku_id).cloned(),
        _ => None,
    });
    let sku = line_binding(chosen, &id, |line| line.sku_id.clone(), |line, value| line.sku_id = value);
    let term = line_binding(chosen, &id, |line| line.term.clone(), |line, value| line.term = value);
    let billing = line_binding(chosen, &id, |line| line.billing.clone(), |line, value| line.billing = value);
    let quantity = line_binding(chosen, &id, |line| line.quantity.clone(), |line, value| line.quantity = value);
    // A new SKU or term keeps what it still offers and takes its defaults for the rest.
    Effect::new({
        let id = id.clone();
        move |previous: Option<(String, String)>| {
            let now = line.with(|line| line.as_ref().map(|line| (line.sku_id.clone(), line.term.clone())));
            let now = now.unwrap_or_default();
            if previous.is_some_and(|previous| previous != now) {
                catalog.settle(&id);
            }
            now
        }
    });
    let name = product.title.clone();
    let options = {
        let id = id.clone();
        let name = name.clone();
        move || {
            let (messages, locale) = (i18n.messages(), i18n.locale());
            match details.get() {
                None | Some(DetailsLoad::Loading) => {
                    view! { <p class="loading" role="status">{messages.text(Text::LoadingOptions)}</p> }.into_any()
                }
                Some(DetailsLoad::Failed(error)) => {
                    let id = id.clone();
                    let retry = Callback::new(move |()| {
                        catalog.details.update(|details| {
                            details.remove(&id);
                        });
                        catalog.load(&id);
                    });
                    view! { <LoadFailed what=Text::TheOptions error retry /> }.into_any()
                }
                Some(DetailsLoad::Loaded(loaded)) => {
                    let Some(current) = option.get() else { return ().into_any() };
                    let skus = loaded
                        .skus
                        .iter()
                        .map(|option| {
                            let title = if option.sku.is_trial {
                                format!("{} ({})", option.sku.title, messages.text(Text::TrialBadge))
                            } else {
                                option.sku.title.clone()
                            };
                            (option.sku.id.clone(), title)
                        })
                        .collect::<Vec<_>>();
                    let plan = (skus.len() > 1).then(|| {
                        view! {
                            <SelectField
                                id=format!("sku-{id}")
                                label=i18n.signal(Text::Plan)
                                hidden_suffix=messages.for_offer(&name)
                                value=sku
                                options=Signal::stored(skus)
                                error=Signal::stored(None::<String>)
                            />
                        }
                    });
                    let prerequisite_names: Vec<String> = current
                        .sku
                        .dynamic_attributes
                        .prerequisite_skus
                        .iter()
                        .map(|key| title_of.run(key.split(':').next().unwrap_or_default().to_string()))
                        .collect();
                    let facts = sku_facts(&current, &prerequisite_names, locale);
                    let terms = (!current.is_usage()).then(|| {
                        let chosen_billing = move || {
                            line.with(|line| line.as_ref().map(|line| line.billing.clone())).unwrap_or_default()
                        };
                        // Each term with one licence's price for the whole term, at the billing
                        // frequency chosen where the term offers it, else at its first. Memos, so
                        // that a new licence count (which changes the line) leaves the options be.
                        let term_options = Memo::new({
                            let sku_option = current.clone();
                            move |_| {
                                let (messages, locale, list) = (i18n.messages(), i18n.locale(), prices.list());
                                let billing = chosen_billing();
                                sku_option
                                    .terms
                                    .iter()
                                    .map(|choice| {
                                        let name = messages.term_name(choice.duration);
                                        let frequency = choice
                                            .frequencies
                                            .iter()
                                            .find(|frequency| frequency.frequency.wire() == billing)
                                            .or_else(|| choice.frequencies.first());
                                        let price = list.as_ref().zip(frequency).and_then(|(list, frequency)| {
                                            list.option_price(
                                                &sku_option,
                                                choice.duration.wire(),
                                                frequency.frequency.wire(),
                                                None,
                                            )
                                        });
                                        let price =
                                            price.as_ref().map(|price| (price.per_term, price.currency.as_str()));
                                        (choice.duration.wire().to_string(), priced_choice(name, price, locale))
                                    })
                                    .collect::<Vec<_>>()
                            }
                        });
                        let sku_option = current.clone();
                        let chosen_term =
                            move || line.with(|line| line.as_ref().map(|line| line.term.clone())).unwrap_or_default();
                        let frequencies = Memo::new({
                            let sku_option = sku_option.clone();
                            move |_| {
                                let (messages, locale, list) = (i18n.messages(), i18n.locale(), prices.list());
                                let term = chosen_term();
                                sku_option
                                    .terms
                                    .iter()
                                    .find(|choice| Some(choice.duration) == TermDuration::parse(&term))
                                    .map(|choice| {
                                        choice
                                            .frequencies
                                            .iter()
                                            .map(|frequency| {
                                                let name = messages.billing_name(frequency.frequency);
                                                let price = list.as_ref().and_then(|list| {
                                                    list.option_price(
                                                        &sku_option,
                                                        &term,
                                                        frequency.frequency.wire(),
                                                        None,
                                                    )
                                                });
                                                let price = price
                                                    .as_ref()
                                                    .map(|price| (price.per_period, price.currency.as_str()));
                                                (
                                                    frequency.frequency.wire().to_string(),
                                                    priced_choice(name, price, locale),
                                                )
                                            })
                                            .collect::<Vec<_>>()
                                    })
                                    .unwrap_or_default()
                            }
                        });
                        let terms_hint = Signal::derive(move || {
                            let messages = i18n.messages();
                            let (term, billing) = line
                                .with(|line| line.as_ref().map(|line| (line.term.clone(), line.billing.clone())))
                                .unwrap_or_default();
                            sku_option
                                .frequency(&term, &billing)
                                .map(|frequency| {
                                    let renewal = messages.text(if frequency.renews_automatically {
                                        Text::RenewsAutomatically
                                    } else {
                                        Text::DoesNotRenew
                                    });
                                    match &frequency.cancellation_window {
                                        Some(window) => format!("{renewal} · {}", messages.cancellation_window(window)),
                                        None => renewal.to_string(),
                                    }
                                })
                                .unwrap_or_default()
                        });
                        view! {
                            <SelectField
                                id=ProductIds::term(&id)
                                label=i18n.signal(Text::Term)
                                hidden_suffix=messages.for_offer(&name)
                                hint=terms_hint
                                value=term
                                options=term_options
                                error=error_on(ProductIds::term(&id))
                            />
                            <SelectField
                                id=format!("billing-{id}")
                                label=i18n.signal(Text::BillingFrequency)
                                hidden_suffix=messages.for_offer(&name)
                                value=billing
                                options=frequencies
                                error=Signal::stored(None::<String>)
                            />
                        }
                    });
                    let count = if let Some(fixed) = current.fixed_quantity() {
                        let text = if current.is_usage() {
                            messages.text(Text::BilledByUsageNoCount).to_string()
                        } else {
                            messages.trial_fixed(&format_number(fixed, locale))
                        };
                        view! { <p class="offer-fixed">{text}</p> }.into_any()
                    } else {
                        let (min, max) = current.sku.quantity_range();
                        view! {
                            <TextField
                                id=ProductIds::quantity(&id)
                                label=i18n.signal(Text::NumberOfLicenses)
                                hidden_suffix=messages.for_offer(&name)
                                hint=Signal::derive(move || {
                                    let locale = i18n.locale();
                                    locale.messages().quantity_range(&format_number(min, locale), &format_number(max, locale))
                                })
                                value=quantity
                                error=error_on(ProductIds::quantity(&id))
                                inputmode="numeric"
                                width="width-10"
                            />
                        }
                        .into_any()
                    };
                    // One licence's price per billing period and for the term, the chosen count's,
                    // and what the prices are.
                    let price = {
                        let current = current.clone();
                        move || {
                            let (messages, locale) = (i18n.messages(), i18n.locale());
                            let list = prices.list()?;
                            let line = line.get()?;
                            let quantity = line_quantity(&current, &line);
                            let unit = list.option_price(&current, &line.term, &line.billing, quantity)?;
                            let each = amount_each(unit.per_period, &unit.currency, unit.billing, locale);
                            let per_term = (unit.per_term != unit.per_period)
                                .then(|| format_money(unit.per_term, &unit.currency, locale));
                            let mut words = messages.license_price(&each, per_term.as_deref());
                            if let Some(quantity) = quantity.filter(|quantity| *quantity > 1) {
                                let total = unit.for_quantity(quantity);
                                words.push_str(&format!(
                                    " {}: {}.",
                                    messages.count(quantity, &format_number(quantity, locale), Counted::License),
                                    amount_each(total.per_period, &unit.currency, unit.billing, locale)
                                ));
                            }
                            Some(view! {
                                <p class="offer-price">
                                    {words}
                                    " "
                                    <span class="price-basis">{prices.basis(locale)}</span>
                                </p>
                            })
                        }
                    };
                    view! {
                        <p class="offer-facts">{facts}</p>
                        {plan}
                        {terms}
                        {count}
                        {price}
                    }
                    .into_any()
                }
            }
        }
    };
    view! {
        <li class="offer" class:offer-chosen=is_chosen.clone() class:field-error=has_error>
            <ErrorMessage id=checkbox_id.clone() error=row_error />
            <div class="checkbox-item">
                <input
                    id=checkbox_id.clone()
                    type="checkbox"
                    class="checkbox-input"
                    aria-describedby=wiring.described_by()
                    aria-invalid=wiring.invalid()
                    prop:checked=is_chosen.clone()
                    on:change=toggle
                />
                <label for=checkbox_id.clone() class="checkbox-label offer-name">{product.title.clone()}</label>
                <div id=format!("{checkbox_id}-hint") class="hint checkbox-hint">
                    <p class="offer-facts">{product.family().to_string()}</p>
                    <p class="offer-description">{product.description.clone()}</p>
                </div>
            </div>
            <Show when=is_chosen.clone()>
                <div class="conditional offer-options">{options.clone()}</div>
            </Show>
        </li>
    }
}
