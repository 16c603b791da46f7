//! A single check box with its label, hint and error.

use crate::ui::fields::frame::{ControlWiring, ErrorMessage};
use leptos::prelude::*;

/// A check box whose label follows it, as GOV.UK lays them out.
#[component]
pub fn CheckboxField(
    /// The input's id; the error summary links to it.
    id: &'static str,
    /// The visible label.
    #[prop(into)]
    label: Signal<String>,
    /// A hint under the label.
    #[prop(optional, into)]
    hint: Option<Signal<String>>,
    /// Whether it is ticked, two-way.
    checked: RwSignal<bool>,
    /// The error shown, if any.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let wiring = ControlWiring::new(id, hint.is_some(), error);
    let has_error = move || error.with(Option::is_some);
    view! {
        <div class="field checkbox" class:field-error=has_error>
            <ErrorMessage id error />
            <div class="checkbox-item">
                <input
                    id=id
                    name=id
                    type="checkbox"
                    class="checkbox-input"
                    aria-describedby=wiring.described_by()
                    aria-invalid=wiring.invalid()
                    prop:checked=move || checked.get()
                    on:change=move |event| checked.set(event_target_checked(&event))
                />
                <label for=id class="checkbox-label">{label}</label>
                {hint.map(|hint| view! { <p id=format!("{id}-hint") class="hint checkbox-hint">{hint}</p> })}
            </div>
        </div>
    }
}
