//! The indirect provider's reseller: a searchable list of its resellers (those without a signed
//! partner agreement shown but not choosable, with the reason), the attestation of acting
//! without one, and up to five additional partners of record in the EU and EFTA.

use super::checkbox_field::CheckboxField;
use super::intl::Namer;
use super::load_failed::LoadFailed;
use super::select_field::SelectField;
use super::text_field::{ControlWiring, ErrorMessage};
use super::wizard_context::{use_wizard, ResellerOption};
use crate::domain::field::Field;
use crate::domain::reseller::{Reseller, EU_EFTA, MAX_ADDITIONAL_RESELLERS};
use leptos::prelude::*;

/// A reseller in words: its name, MPN id and country.
pub fn reseller_text(reseller: &Reseller, regions: &Namer) -> String {
    format!("{} (MPN ID {}, {})", reseller.name, reseller.mpn_id, regions.name(&reseller.location))
}

/// One reseller as a radio button.
fn reseller_radio(option: ResellerOption, chosen: RwSignal<Option<Reseller>>, regions: &Namer) -> impl IntoView {
    let id = format!("reseller-{}", option.reseller.mpn_id);
    let mut facts = format!("MPN ID {} · {}", option.reseller.mpn_id, regions.name(&option.reseller.location));
    if !option.signed {
        facts.push_str(" · Cannot be chosen: it has not signed the partner agreement.");
    }
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

/// The reseller fieldset of Account info. `error` gives a field's message while it shows one.
#[component]
pub fn ResellerSection(error: Callback<Field, Option<String>>) -> impl IntoView {
    let context = use_wizard();
    let Some(resellers) = context.resellers else { return ().into_any() };
    let (chosen, without, additional) = (context.reseller, context.without_reseller, context.additional_resellers);
    let search = RwSignal::new(String::new());
    let to_add = RwSignal::new(String::new());
    let country = context.form.text(Field::Country);
    let reseller_error = Signal::derive(move || error.run(Field::Reseller));
    let additional_error = Signal::derive(move || error.run(Field::AdditionalResellers));
    let has_error = move || reseller_error.with(Option::is_some);
    let in_eu_efta = move || country.with(|country| EU_EFTA.contains(&country.as_str()));
    Effect::new(move |_| {
        if without.get() {
            chosen.set(None);
            additional.set(Vec::new());
        }
    });

    let list = move || {
        let regions = Namer::regions();
        match resellers.get() {
            None => view! { <p class="loading" role="status">"Loading your resellers…"</p> }.into_any(),
            Some(Err(error)) => {
                view! { <LoadFailed what="Your resellers" error retry=Callback::new(move |()| resellers.refetch()) /> }
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
                        {if count == 1 { "1 reseller".to_string() } else { format!("{count} resellers") }}
                    </p>
                    <div class="radios">{shown.into_iter().map(|option| reseller_radio(option, chosen, &regions)).collect_view()}</div>
                }
                .into_any()
            }
        }
    };
    let addable = Signal::derive(move || {
        let regions = Namer::regions();
        let taken: Vec<String> =
            chosen.get().into_iter().chain(additional.get()).map(|reseller| reseller.mpn_id).collect();
        match resellers.get() {
            Some(Ok(options)) => options
                .into_iter()
                .filter(|option| option.signed && !taken.contains(&option.reseller.mpn_id))
                .map(|option| (option.reseller.mpn_id.clone(), reseller_text(&option.reseller, &regions)))
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
        let regions = Namer::regions();
        additional
            .get()
            .into_iter()
            .map(|reseller| {
                let mpn_id = reseller.mpn_id.clone();
                view! {
                    <li class="named-reseller">
                        <span>{reseller_text(&reseller, &regions)}</span>
                        <button
                            type="button"
                            class="button-link"
                            on:click=move |_| additional.update(|additional| additional.retain(|named| named.mpn_id != mpn_id))
                        >
                            "Remove"
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
            <legend class="fieldset-legend">"Reseller"</legend>
            <p class="hint">
                "As an indirect provider, you create this customer for one of your resellers. Only resellers who have signed the partner agreement can be chosen."
            </p>
            <ErrorMessage id=search_id error=reseller_error />
            <Show when=move || !without.get()>
                <div class="field">
                    <label for=search_id class="label">"Search resellers"</label>
                    <p id=format!("{search_id}-hint") class="hint">"By name, MPN ID or country."</p>
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
                label="I act without a reseller for this customer"
                hint="Confirm this only when no reseller is involved in the sale."
                checked=without
            />
            <Show when=move || in_eu_efta() && chosen.with(Option::is_some)>
                <fieldset class="fieldset fieldset-nested">
                    <legend class="fieldset-legend fieldset-legend-small">"Additional partners of record (optional)"</legend>
                    <p class="hint">
                        {format!("In the EU and EFTA you can name up to {MAX_ADDITIONAL_RESELLERS} more resellers on the orders.")}
                    </p>
                    <ErrorMessage id=Field::AdditionalResellers.id() error=additional_error />
                    <ul class="named-resellers">{named}</ul>
                    <Show
                        when=move || additional.with(Vec::len) < MAX_ADDITIONAL_RESELLERS
                        fallback=|| view! { <p class="hint">"You have named the most partners of record an order can carry."</p> }
                    >
                        <div class="add-reseller">
                            <SelectField
                                id=Field::AdditionalResellers.id()
                                label="Add a partner of record"
                                value=to_add
                                options=addable
                                placeholder="Choose a reseller"
                                error=Signal::stored(None::<String>)
                            />
                            <button type="button" class="button button-secondary" on:click=add>"Add"</button>
                        </div>
                    </Show>
                </fieldset>
            </Show>
        </fieldset>
    }
    .into_any()
}
