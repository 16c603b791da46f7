//! "Did you mean": the address as typed beside the endpoint's suggestions, or its word that the
//! address could not be verified. The user chooses; nothing is replaced without their choice.

use crate::domain::account::address_check::{AddressVerdict, PostalAddress};
use crate::ui::common::effect::effect;
use crate::ui::common::intl::Namer;
use crate::ui::embed::scope::use_scope;
use crate::ui::fields::frame::ErrorMessage;
use crate::ui::i18n::{use_i18n, Text};
use crate::ui::state::account::use_account;
use leptos::html::H2;
use leptos::prelude::*;

/// What the address check found, for the user to decide.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AddressReview {
    /// The address as typed.
    pub typed: PostalAddress,
    /// Suggestions to choose from, or that the address could not be verified.
    pub verdict: AddressVerdict,
}

/// The lines of an address as a card shows them, the state and country by name.
fn address_lines(address: &PostalAddress, state_name: impl Fn(&str) -> String, country: String) -> Vec<String> {
    let region = [state_name(&address.state), address.postal_code.clone()]
        .into_iter()
        .filter(|part| !part.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    [
        address.address_line1.clone(),
        address.address_line2.clone().unwrap_or_default(),
        address.city.clone(),
        region,
        country,
    ]
    .into_iter()
    .filter(|line| !line.trim().is_empty())
    .collect()
}

/// The check's outcome and the choice. `done` gets the address to use (`Some`, and the wizard
/// goes on) or `None` to change the address on the form.
#[component]
pub fn AddressReviewPanel(review: AddressReview, done: Callback<Option<PostalAddress>>) -> impl IntoView {
    let account = use_account();
    let i18n = use_i18n();
    let scope = use_scope();
    let heading = NodeRef::<H2>::new();
    effect(move || {
        if let Some(heading) = heading.get() {
            let _ = heading.focus();
        }
    });
    let lines = move |address: &PostalAddress| {
        let locale = i18n.locale();
        let country = Namer::regions(locale).name(&address.country);
        account
            .rules
            .with(|rules| address_lines(address, |code| rules.state_name(code, locale.tag()).to_string(), country))
    };
    let typed = review.typed.clone();
    // A suggestion's lines that differ from what was typed are marked.
    let card = move |address: &PostalAddress| {
        let (address, typed) = (address.clone(), typed.clone());
        move || {
            let before = lines(&typed);
            lines(&address)
                .into_iter()
                .map(|line| {
                    let changed = !before.contains(&line);
                    view! { <span class="address-line" class:address-changed=changed>{line}</span> }
                })
                .collect_view()
        }
    };
    let typed = review.typed;
    let body = match review.verdict {
        AddressVerdict::Suggested(suggestions) => {
            // Index 0 is the address as typed; 1.. the suggestions. Nothing is chosen at first.
            let choices: Vec<PostalAddress> = std::iter::once(typed.clone()).chain(suggestions).collect();
            let chosen = RwSignal::new(None::<usize>);
            let error = RwSignal::new(None::<String>);
            let options = choices
                .iter()
                .enumerate()
                .map(|(index, address)| {
                    let id = format!("address-choice-{index}");
                    let title = if index == 0 { Text::YouEntered } else { Text::SuggestedAddress };
                    view! {
                        <div class="radio-item address-choice">
                            <input
                                id=id.clone()
                                type="radio"
                                class="radio-input"
                                name="address-choice"
                                aria-describedby=format!("{id}-hint")
                                prop:checked=move || chosen.get() == Some(index)
                                on:change=move |_| {
                                    chosen.set(Some(index));
                                    error.set(None);
                                }
                            />
                            <label for=id.clone() class="radio-label">{i18n.text(title)}</label>
                            <p id=format!("{id}-hint") class="address-card">{card(address)}</p>
                        </div>
                    }
                })
                .collect_view();
            let error_signal = Signal::derive(move || error.get());
            let use_chosen = move |_| match chosen.get_untracked() {
                Some(index) => done.run(choices.get(index).cloned()),
                None => {
                    error.set(Some(i18n.messages().text(Text::ChooseAnAddress).to_string()));
                    scope.focus_soon("address-choice-0");
                }
            };
            view! {
                <p class="lede">{i18n.text(Text::AddressSuggestedLede)}</p>
                <div class="field" class:field-error=move || error.with(Option::is_some)>
                    <fieldset class="fieldset">
                        <legend class="fieldset-legend fieldset-legend-small">{i18n.text(Text::AddressChoice)}</legend>
                        <ErrorMessage id="address-choice-0" error=error_signal />
                        <div class="radios address-choices">{options}</div>
                    </fieldset>
                </div>
                <div class="actions">
                    <button type="button" class="button" part="button" on:click=use_chosen>{i18n.text(Text::UseThisAddress)}</button>
                    <button type="button" class="button button-secondary" part="button button-secondary" on:click=move |_| done.run(None)>
                        {i18n.text(Text::ChangeAddress)}
                    </button>
                </div>
            }
            .into_any()
        }
        AddressVerdict::Unverified(message) => {
            let kept = typed.clone();
            view! {
                <p class="lede">{move || i18n.messages().address_unverified(message.as_deref())}</p>
                <p class="address-card">{card(&typed)}</p>
                <div class="actions">
                    <button type="button" class="button" part="button" on:click=move |_| done.run(None)>
                        {i18n.text(Text::ChangeAddress)}
                    </button>
                    <button type="button" class="button button-secondary" part="button button-secondary" on:click=move |_| done.run(Some(kept.clone()))>
                        {i18n.text(Text::UseAsEntered)}
                    </button>
                </div>
            }
            .into_any()
        }
        AddressVerdict::Accepted => ().into_any(),
    };
    view! {
        <section class="address-review" aria-labelledby="address-review-title">
            <h2 id="address-review-title" class="section-title" tabindex="-1" node_ref=heading>
                {i18n.text(Text::CheckAddressHeading)}
            </h2>
            {body}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_card_leaves_out_empty_lines() {
        let address = PostalAddress {
            address_line1: "1 Microsoft Way".into(),
            city: "Redmond".into(),
            state: "WA".into(),
            postal_code: "98052-6399".into(),
            country: "US".into(),
            ..PostalAddress::default()
        };
        let lines = address_lines(&address, |code| format!("<{code}>"), "United States".into());
        assert_eq!(lines, ["1 Microsoft Way", "Redmond", "<WA> 98052-6399", "United States"]);
    }
}
