//! A labelled text input in the shared field frame ([`crate::ui::fields::frame`]).

use crate::ui::fields::binding::TextBinding;
use crate::ui::fields::frame::{ControlWiring, FieldFrame};
use leptos::prelude::*;

/// A text input with label, hint and error.
#[component]
pub fn TextField(
    /// The input's id; the error summary links to it.
    #[prop(into)]
    id: String,
    /// The visible label.
    #[prop(into)]
    label: Signal<String>,
    /// Words only screen readers hear after the label.
    #[prop(optional_no_strip, into)]
    hidden_suffix: Option<String>,
    /// A hint under the label.
    #[prop(optional_no_strip, into)]
    hint: Option<Signal<String>>,
    /// The value, two-way.
    #[prop(into)]
    value: TextBinding,
    /// The error shown, if any.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// Whether the field may stay empty.
    #[prop(optional, into)]
    optional: Signal<bool>,
    /// The input's `type`.
    #[prop(default = "text")]
    input_type: &'static str,
    /// The `autocomplete` token.
    #[prop(default = "off")]
    autocomplete: &'static str,
    /// The `inputmode`, where it differs from the type's.
    #[prop(optional_no_strip, into)]
    inputmode: Option<&'static str>,
    /// The `max` attribute (dates).
    #[prop(optional_no_strip, into)]
    max: Option<Signal<String>>,
    /// A CSS width class such as `width-10`.
    #[prop(default = "")]
    width: &'static str,
    /// Shown right after the input, e.g. a domain suffix.
    #[prop(optional_no_strip, into)]
    suffix: Option<&'static str>,
) -> impl IntoView {
    let wiring = ControlWiring::new(&id, hint.is_some(), error);
    view! {
        <FieldFrame id=id.clone() label hidden_suffix hint error optional>
            <div class="input-wrapper">
                <input
                    id=id.clone()
                    name=id.clone()
                    type=input_type
                    class=format!("input {width}")
                    part="input"
                    autocomplete=autocomplete
                    inputmode=inputmode
                    spellcheck=if autocomplete == "off" { "false" } else { "true" }
                    max=move || max.map(|max| max.get())
                    aria-describedby=wiring.described_by()
                    aria-invalid=wiring.invalid()
                    prop:value=move || value.get()
                    on:input=move |event| value.set(event_target_value(&event))
                />
                {suffix.map(|suffix| view! { <span class="input-suffix" aria-hidden="true">{suffix}</span> })}
            </div>
        </FieldFrame>
    }
}
