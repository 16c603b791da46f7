//! The indirect provider's reseller: a searchable list of its resellers (those without a signed
//! partner agreement shown but not choosable, with the reason), the attestation of acting
//! without one, and up to five additional partners of record in the EU and EFTA.

use crate::domain::account::field::Field;
use crate::domain::account::reseller::{Reseller, EU_EFTA, MAX_ADDITIONAL_RESELLERS};
use crate::ui::common::effect::effect;
use crate::ui::common::intl::{format_number, Namer};
use crate::ui::common::load_failed::LoadFailed;
use crate::ui::fields::account_field::ShownErrors;
use crate::ui::fields::checkbox_field::CheckboxField;
use crate::ui::fields::frame::{ControlWiring, ErrorMessage};
use crate::ui::fields::select_field::SelectField;
use crate::ui::i18n::{use_i18n, Counted, Messages, Text};
use crate::ui::state::account::use_account;
use crate::ui::state::resellers::use_resellers;
use crate::ui::state::resellers::ResellerOption;
use leptos::prelude::*;

/// A reseller in words: its name, MPN id and country.
pub fn reseller_text(reseller: &Reseller, regions: &Namer, messages: &dyn Messages) -> String {
    messages.reseller_option(&reseller.name, &reseller.mpn_id, &regions.name(&reseller.location))
}

/// One reseller as a radio button.
fn reseller_radio(
    option: ResellerOption,
    chosen: RwSignal<Option<Reseller>>,
    regions: &Namer,
    messages: &dyn Messages,
) -> impl IntoView {
    let id = format!("reseller-{}", option.reseller.mpn_id);
    let facts =
        messages.reseller_facts(&option.reseller.mpn_id, &regions.name(&option.reseller.location), option.signed);
    let mpn_id = option.reseller.mpn_id.clone();
    let is_chosen = move || chosen.with(|chosen| chosen.as_ref().is_some_and(|reseller| reseller.mpn_id == mpn_id));
    let reseller = option.reseller.clone();
    view! {
        <div class="radio-item" class:radio-item-disabled=!option.signed>
            <input
                id=id.clone()
                type="radio"
                name="reseller"
                class="radio-input"
                disabled=!option.signed
                aria-describedby=format!("{id}-hint")
                prop:checked=is_chosen
                on:change=move |_| chosen.set(Some(reseller.clone()))
            />
            <label for=id.clone() class="radio-label">{option.reseller.name.clone()}</label>
            <p id=format!("{id}-hint") class="hint radio-hint">{facts}</p>
        </div>
    }
}

/// The reseller fieldset of Account info.
#[component]
pub fn ResellerSection() -> impl IntoView {
    let shown = expect_context::<ShownErrors>();
    let account_state = use_account();
    let resellers_state = use_resellers();
    let i18n = use_i18n();
    let Some(resellers) = resellers_state.list else { return ().into_any() };
    let (chosen, without, additional) =
        (resellers_state.reseller, resellers_state.without_reseller, resellers_state.additional);
    let search = RwSignal::new(String::new());
    let to_add = RwSignal::new(String::new());
    let country = account_state.form.text(Field::Country);
    let reseller_error = shown.of(Field::Reseller);
    let additional_error = shown.of(Field::AdditionalResellers);
    let has_error = move || reseller_error.with(Option::is_some);
    let in_eu_efta = move || country.with(|country| EU_EFTA.contains(&country.as_str()));
    effect(move || {
        if without.get() {
            chosen.set(None);
            additional.set(Vec::new());
        }
    });

    let list = move || {
        let (locale, messages) = (i18n.locale(), i18n.messages());
        let regions = Namer::regions(locale);
        match resellers.get() {
            None => view! { <p class="loading" role="status">{i18n.text(Text::LoadingResellers)}</p> }.into_any(),
            Some(Err(error)) => {
                view! { <LoadFailed what=Text::YourResellers error retry=Callback::new(move |()| resellers.refetch()) /> }
                    .into_any()
            }
            Some(Ok(options)) => {
                let query = search.get();
                let shown: Vec<ResellerOption> = options
                    .into_iter()
                    .filter(|option| option.reseller.matches(&query, &regions.name(&option.reseller.location)))
                    .collect();
                let count = shown.len();
                view! {
                    <p class="catalog-status" role="status">
                        {messages.count(count as u64, &format_number(count as u64, locale), Counted::Reseller)}
                    </p>
                    <div class="radios">
                        {shown.into_iter().map(|option| reseller_radio(option, chosen, &regions, messages)).collect_view()}
                    </div>
                }
                .into_any()
            }
        }
    };
    let addable = Signal::derive(move || {
        let (regions, messages) = (Namer::regions(i18n.locale()), i18n.messages());
        let taken: Vec<String> =
            chosen.get().into_iter().chain(additional.get()).map(|reseller| reseller.mpn_id).collect();
        match resellers.get() {
            Some(Ok(options)) => options
                .into_iter()
                .filter(|option| option.signed && !taken.contains(&option.reseller.mpn_id))
                .map(|option| (option.reseller.mpn_id.clone(), reseller_text(&option.reseller, &regions, messages)))
                .collect(),
            _ => Vec::new(),
        }
    });
    let add = move |_| {
        let mpn_id = to_add.get_untracked();
        let found = resellers.with_untracked(|list| match list {
            Some(Ok(options)) => {
                options.iter().find(|option| option.reseller.mpn_id == mpn_id).map(|option| option.reseller.clone())
            }
            _ => None,
        });
        if let Some(reseller) = found {
            additional.update(|additional| {
                if additional.len() < MAX_ADDITIONAL_RESELLERS && !additional.contains(&reseller) {
                    additional.push(reseller);
                }
            });
            to_add.set(String::new());
        }
    };
    let named = move || {
        let (regions, messages) = (Namer::regions(i18n.locale()), i18n.messages());
        additional
            .get()
            .into_iter()
            .map(|reseller| {
                let mpn_id = reseller.mpn_id.clone();
                view! {
                    <li class="named-reseller">
                        <span>{reseller_text(&reseller, &regions, messages)}</span>
                        <button
                            type="button"
                            class="button-link"
                            on:click=move |_| additional.update(|additional| additional.retain(|named| named.mpn_id != mpn_id))
                        >
                            {i18n.text(Text::Remove)}
                            <span class="visually-hidden">{format!(" {}", reseller.name)}</span>
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    let search_id = Field::Reseller.id();
    let wiring = ControlWiring::new(search_id, true, reseller_error);
    view! {
        <fieldset class="fieldset" class:field-error=has_error>
            <legend class="fieldset-legend">{i18n.text(Text::Reseller)}</legend>
            <p class="hint">{i18n.text(Text::ResellerLede)}</p>
            <ErrorMessage id=search_id error=reseller_error />
            <Show when=move || !without.get()>
                <div class="field">
                    <label for=search_id class="label">{i18n.text(Text::SearchResellers)}</label>
                    <p id=format!("{search_id}-hint") class="hint">{i18n.text(Text::SearchResellersHint)}</p>
                    <input
                        id=search_id
                        type="search"
                        class="input"
                        autocomplete="off"
                        aria-describedby=wiring.described_by()
                        aria-invalid=wiring.invalid()
                        prop:value=move || search.get()
                        on:input=move |event| search.set(event_target_value(&event))
                    />
                </div>
                {list}
            </Show>
            <CheckboxField
                id="without-reseller"
                label=i18n.signal(Text::NoResellerLabel)
                hint=i18n.signal(Text::NoResellerHint)
                checked=without
            />
            <Show when=move || in_eu_efta() && chosen.with(Option::is_some)>
                <fieldset class="fieldset fieldset-nested">
                    <legend class="fieldset-legend fieldset-legend-small">{i18n.text(Text::AdditionalPartnersOptional)}</legend>
                    <p class="hint">{move || i18n.messages().additional_resellers_hint(MAX_ADDITIONAL_RESELLERS)}</p>
                    <ErrorMessage id=Field::AdditionalResellers.id() error=additional_error />
                    <ul class="named-resellers">{named}</ul>
                    <Show
                        when=move || additional.with(Vec::len) < MAX_ADDITIONAL_RESELLERS
                        fallback=move || view! { <p class="hint">{i18n.text(Text::MostPartnersNamed)}</p> }
                    >
                        <div class="add-reseller">
                            <SelectField
                                id=Field::AdditionalResellers.id()
                                label=Signal::derive(move || {
                                    account_state.rules.with(|rules| i18n.messages().label(Field::AdditionalResellers, rules))
                                })
                                value=to_add
                                options=addable
                                placeholder=i18n.signal(Text::ChooseReseller)
                                error=Signal::stored(None::<String>)
                            />
                            <button type="button" class="button button-secondary" part="button button-secondary" on:click=add>{i18n.text(Text::Add)}</button>
                        </div>
                    </Show>
                </fieldset>
            </Show>
        </fieldset>
    }
    .into_any()
}
