//! One offer of the Subscriptions page: its check box and, once chosen, its license count and
//! billing cycle.

use crate::domain::catalog::offer::Offer;
use crate::domain::catalog::selection::{ChosenOffer, SelectionError};
use crate::ui::common::intl::format_number;
use crate::ui::fields::binding::TextBinding;
use crate::ui::fields::frame::{ControlWiring, ErrorMessage};
use crate::ui::fields::select_field::SelectField;
use crate::ui::fields::text_field::TextField;
use crate::ui::i18n::{use_i18n, Locale, OfferFact, Text};
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
fn offer_facts(offer: &Offer, prerequisite_names: &[String], locale: Locale) -> String {
    let messages = locale.messages();
    let number = |value: u64| format_number(value, locale);
    let mut facts = vec![offer.category_name().to_string()];
    if !offer.takes_quantity() {
        facts.push(messages.offer_fact(OfferFact::ByUsage));
    } else if let Some(fixed) = offer.fixed_quantity() {
        facts.push(messages.offer_fact(OfferFact::Fixed(&number(fixed))));
    } else {
        let (min, max) = (number(offer.minimum_quantity.max(1)), number(offer.maximum_quantity));
        let unit = if offer.unit_type.eq_ignore_ascii_case("licenses") { "" } else { offer.unit_type.as_str() };
        facts.push(messages.offer_fact(OfferFact::Range(&min, &max, unit)));
    }
    if offer.limit > 0 && offer.limit_unit_of_measure != "None" {
        facts.push(messages.offer_fact(OfferFact::Limit(&number(offer.limit))));
    }
    if offer.is_add_on {
        let first = prerequisite_names.first().map(String::as_str);
        facts.push(messages.offer_fact(OfferFact::AddOnTo(first, prerequisite_names.len().saturating_sub(1))));
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
    let i18n = use_i18n();
    let facts = {
        let offer = offer.clone();
        move || offer_facts(&offer, &prerequisite_names, i18n.locale())
    };
    let name = offer.name.clone();
    let supported = offer.supported_billing_cycles.clone();
    let cycles = Signal::derive(move || {
        let messages = i18n.messages();
        supported.iter().map(|cycle| (cycle.clone(), messages.billing_cycle_name(cycle))).collect::<Vec<_>>()
    });
    let cycle_count = offer.supported_billing_cycles.len();
    let options = {
        let offer = offer.clone();
        let quantity_id = OfferIds::quantity(&id);
        let cycle_id = OfferIds::billing_cycle(&id);
        move || {
            let count = if !offer.takes_quantity() {
                view! { <p class="offer-fixed">{i18n.text(Text::BilledByUsageNoCount)}</p> }.into_any()
            } else if let Some(fixed) = offer.fixed_quantity() {
                let text = move || i18n.messages().trial_fixed(&format_number(fixed, i18n.locale()));
                view! { <p class="offer-fixed">{text}</p> }.into_any()
            } else {
                view! {
                    <TextField
                        id=quantity_id.clone()
                        label=i18n.signal(Text::NumberOfLicenses)
                        hidden_suffix=i18n.messages().for_offer(&offer.name)
                        hint=Signal::derive({
                            let (min, max) = (offer.minimum_quantity.max(1), offer.maximum_quantity);
                            move || {
                                let locale = i18n.locale();
                                locale.messages().quantity_range(&format_number(min, locale), &format_number(max, locale))
                            }
                        })
                        value=quantity
                        error=quantity_error
                        inputmode="numeric"
                        width="width-10"
                    />
                }
                .into_any()
            };
            let cycle = (cycle_count > 1).then(|| {
                view! {
                    <SelectField
                        id=cycle_id.clone()
                        label=i18n.signal(Text::BillingCycle)
                        hidden_suffix=i18n.messages().for_offer(&name)
                        value=billing_cycle
                        options=cycles
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
