//! A labelled `<select>` with its hint and error.

use super::text_field::{described_by, ErrorMessage, FieldLabel};
use leptos::prelude::*;

/// A choice of `(value, text)` options.
#[component]
pub fn SelectField(
    /// The select's id; the error summary links to it.
    id: &'static str,
    /// The visible label.
    #[prop(into)]
    label: Signal<String>,
    /// A hint under the label.
    #[prop(optional, into)]
    hint: Option<Signal<String>>,
    /// The chosen value, two-way.
    value: RwSignal<String>,
    /// The options as `(value, text)`.
    #[prop(into)]
    options: Signal<Vec<(String, String)>>,
    /// The text of the empty first option ("Select…").
    placeholder: &'static str,
    /// The error shown, if any.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// Whether the field may stay empty.
    #[prop(optional, into)]
    optional: Signal<bool>,
    /// The `autocomplete` token.
    #[prop(default = "off")]
    autocomplete: &'static str,
) -> impl IntoView {
    let has_hint = hint.is_some();
    let has_error = move || error.with(Option::is_some);
    view! {
        <div class="field" class:field-error=has_error>
            <FieldLabel id label optional />
            {hint.map(|hint| view! { <p id=format!("{id}-hint") class="hint">{hint}</p> })}
            <ErrorMessage id error />
            <select
                id=id
                name=id
                class="select"
                autocomplete=autocomplete
                aria-describedby=move || Some(described_by(id, has_hint, has_error())).filter(|ids| !ids.is_empty())
                aria-invalid=move || if has_error() { "true" } else { "false" }
                on:change=move |event| value.set(event_target_value(&event))
            >
                <option value="" selected=move || value.with(String::is_empty)>{placeholder}</option>
                {move || {
                    options
                        .get()
                        .into_iter()
                        .map(|(code, text)| {
                            let selected = {
                                let code = code.clone();
                                move || value.with(|value| *value == code)
                            };
                            view! { <option value=code selected=selected>{text}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
}
