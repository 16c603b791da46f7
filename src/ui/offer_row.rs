//! One offer of the Subscriptions page: its check box and, once chosen, its license count and
//! billing cycle.

use super::binding::TextBinding;
use super::intl::format_number;
use super::messages::billing_cycle_name;
use super::select_field::SelectField;
use super::text_field::{ControlWiring, ErrorMessage, TextField};
use crate::domain::offer::Offer;
use crate::domain::selection::{ChosenOffer, SelectionError};
use leptos::prelude::*;

/// The element ids of an offer's controls.
pub struct OfferIds;

impl OfferIds {
    /// The check box.
    pub fn checkbox(offer_id: &str) -> String {
        format!("offer-{offer_id}")
    }

    /// The license count.
    pub fn quantity(offer_id: &str) -> String {
        format!("quantity-{offer_id}")
    }

    /// The billing cycle.
    pub fn billing_cycle(offer_id: &str) -> String {
        format!("cycle-{offer_id}")
    }

    /// The control an error of the offer links to.
    pub fn for_error(offer_id: &str, error: &SelectionError) -> String {
        match error {
            SelectionError::QuantityMissing
            | SelectionError::QuantityNotANumber
            | SelectionError::QuantityOutOfRange { .. } => Self::quantity(offer_id),
            SelectionError::BillingCycleNotSupported => Self::billing_cycle(offer_id),
            _ => Self::checkbox(offer_id),
        }
    }
}

/// What the hint under an offer's name says: its category, unit and limits.
fn offer_facts(offer: &Offer, prerequisite_names: &[String]) -> String {
    let mut facts = vec![offer.category_name().to_string()];
    if !offer.takes_quantity() {
        facts.push("billed by usage".into());
    } else if let Some(fixed) = offer.fixed_quantity() {
        facts.push(format!("{} licenses, fixed", format_number(fixed)));
    } else {
        facts.push(format!(
            "{} to {} {}",
            format_number(offer.minimum_quantity.max(1)),
            format_number(offer.maximum_quantity),
            if offer.unit_type.is_empty() { "licenses".to_string() } else { offer.unit_type.to_lowercase() }
        ));
    }
    if offer.limit > 0 && offer.limit_unit_of_measure != "None" {
        facts.push(format!("at most {} per customer", offer.limit));
    }
    if offer.is_add_on {
        match prerequisite_names.len() {
            0 => facts.push("add-on".into()),
            1 => facts.push(format!("add-on to {}", prerequisite_names[0])),
            count => facts.push(format!("add-on to {} or {} other subscriptions", prerequisite_names[0], count - 1)),
        }
    }
    facts.join(" · ")
}

/// One offer. `chosen` is the page's choice; `error` the offer's error, while shown.
#[component]
pub fn OfferRow(
    /// The offer.
    offer: Offer,
    /// The names of its prerequisites that are in the catalog.
    prerequisite_names: Vec<String>,
    /// Every chosen offer.
    chosen: RwSignal<Vec<ChosenOffer>>,
    /// The offer's error and whether it concerns the license count.
    #[prop(into)]
    error: Signal<Option<(String, bool)>>,
) -> impl IntoView {
    let id = offer.id.clone();
    let checkbox_id = OfferIds::checkbox(&id);
    let is_chosen = {
        let id = id.clone();
        move || chosen.with(|chosen| chosen.iter().any(|line| line.offer_id == id))
    };
    let toggle = {
        let (id, cycle) = (id.clone(), offer.default_billing_cycle());
        move |event: leptos::ev::Event| {
            let tick = event_target_checked(&event);
            chosen.update(|chosen| {
                chosen.retain(|line| line.offer_id != id);
                if tick {
                    chosen.push(ChosenOffer {
                        offer_id: id.clone(),
                        quantity: String::new(),
                        billing_cycle: cycle.clone(),
                    });
                }
            });
        }
    };
    let field = |id: &str, read: fn(&ChosenOffer) -> String, write: fn(&mut ChosenOffer, String)| {
        let (get_id, set_id) = (id.to_string(), id.to_string());
        TextBinding::new(
            move || {
                chosen.with(|chosen| chosen.iter().find(|line| line.offer_id == get_id).map(read).unwrap_or_default())
            },
            move |value| {
                chosen.update(|chosen| {
                    if let Some(line) = chosen.iter_mut().find(|line| line.offer_id == set_id) {
                        write(line, value);
                    }
                })
            },
        )
    };
    let quantity = field(&id, |line| line.quantity.clone(), |line, value| line.quantity = value);
    let billing_cycle = field(&id, |line| line.billing_cycle.clone(), |line, value| line.billing_cycle = value);
    let offer_error = Signal::derive(move || error.get().filter(|(_, on_quantity)| !on_quantity).map(|(text, _)| text));
    let quantity_error =
        Signal::derive(move || error.get().filter(|(_, on_quantity)| *on_quantity).map(|(text, _)| text));
    let has_error = move || offer_error.with(Option::is_some);
    let wiring = ControlWiring::new(&checkbox_id, true, offer_error);
    let facts = offer_facts(&offer, &prerequisite_names);
    let name = offer.name.clone();
    let cycles: Vec<(String, String)> =
        offer.supported_billing_cycles.iter().map(|cycle| (cycle.clone(), billing_cycle_name(cycle))).collect();
    let options = {
        let offer = offer.clone();
        let quantity_id = OfferIds::quantity(&id);
        let cycle_id = OfferIds::billing_cycle(&id);
        move || {
            let count = if !offer.takes_quantity() {
                view! { <p class="offer-fixed">"Billed by usage: no license count."</p> }.into_any()
            } else if let Some(fixed) = offer.fixed_quantity() {
                view! { <p class="offer-fixed">{format!("{} licenses: a trial has a fixed number.", format_number(fixed))}</p> }.into_any()
            } else {
                view! {
                    <TextField
                        id=quantity_id.clone()
                        label="Number of licenses"
                        hidden_suffix=format!("for {}", offer.name)
                        hint=format!(
                            "From {} to {}",
                            format_number(offer.minimum_quantity.max(1)),
                            format_number(offer.maximum_quantity),
                        )
                        value=quantity
                        error=quantity_error
                        inputmode="numeric"
                        width="width-10"
                    />
                }
                .into_any()
            };
            let cycle = (cycles.len() > 1).then(|| {
                view! {
                    <SelectField
                        id=cycle_id.clone()
                        label="Billing cycle"
                        hidden_suffix=format!("for {}", name)
                        value=billing_cycle
                        options=cycles.clone()
                        error=Signal::stored(None::<String>)
                    />
                }
            });
            view! { <div class="conditional offer-options">{count} {cycle}</div> }
        }
    };
    view! {
        <li class="offer" class:offer-chosen=is_chosen.clone() class:field-error=has_error>
            <ErrorMessage id=checkbox_id.clone() error=offer_error />
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
                <label for=checkbox_id.clone() class="checkbox-label offer-name">{offer.name.clone()}</label>
                <div id=format!("{checkbox_id}-hint") class="hint checkbox-hint">
                    <p class="offer-facts">{facts}</p>
                    <p class="offer-description">{offer.description.clone()}</p>
                </div>
            </div>
            <Show when=is_chosen.clone()>{options.clone()}</Show>
        </li>
    }
}
