//! A labelled `<select>` with its hint and error.

use crate::ui::fields::binding::TextBinding;
use crate::ui::fields::frame::{ControlWiring, FieldFrame};
use leptos::prelude::*;

/// A choice of `(value, text)` options.
#[component]
pub fn SelectField(
    /// The select's id; the error summary links to it.
    #[prop(into)]
    id: String,
    /// The visible label.
    #[prop(into)]
    label: Signal<String>,
    /// Words only screen readers hear after the label.
    #[prop(optional)]
    hidden_suffix: Option<String>,
    /// A hint under the label.
    #[prop(optional, into)]
    hint: Option<Signal<String>>,
    /// The chosen value, two-way.
    #[prop(into)]
    value: TextBinding,
    /// The options as `(value, text)`.
    #[prop(into)]
    options: Signal<Vec<(String, String)>>,
    /// The text of the empty first option ("Select…"), where the choice may start empty.
    #[prop(optional, into)]
    placeholder: Option<Signal<String>>,
    /// The error shown, if any.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// Whether the field may stay empty.
    #[prop(optional, into)]
    optional: Signal<bool>,
    /// The `autocomplete` token.
    #[prop(default = "off")]
    autocomplete: &'static str,
    /// For a long list that the page builds after its first paint: whether the whole list is
    /// wanted. The field turns it on as soon as it takes focus (by keyboard, pointer or touch,
    /// before its list opens), so that the list is whole before it opens or takes a key.
    #[prop(optional)]
    whole_list: Option<RwSignal<bool>>,
    /// A CSS width class such as `width-wide`; without one the select is as wide as its longest
    /// option.
    #[prop(default = "")]
    width: &'static str,
) -> impl IntoView {
    let wiring = ControlWiring::new(&id, hint.is_some(), error);
    let reached = move || {
        if let Some(wanted) = whole_list.filter(|wanted| !wanted.get_untracked()) {
            wanted.set(true);
        }
    };
    view! {
        <FieldFrame id=id.clone() label hidden_suffix hint error optional>
            <select
                id=id.clone()
                name=id.clone()
                class=format!("select {width}")
                part="input"
                autocomplete=autocomplete
                aria-describedby=wiring.described_by()
                aria-invalid=wiring.invalid()
                on:change=move |event| value.set(event_target_value(&event))
                on:focus=move |_| reached()
                // One subscription for the whole list: an option of its own subscribed to the
                // value would stay among the value's subscribers after the list re-renders, until
                // the value changes (a country list re-rendered on each page visit kept growing).
                prop:value=move || value.get()
            >
                {placeholder.map(|placeholder| view! { <option value="" selected=value.is_untracked("")>{placeholder}</option> })}
                {move || {
                    options
                        .get()
                        .into_iter()
                        .map(|(code, text)| {
                            // Where the options change, the new ones start with the value selected.
                            let selected = value.is_untracked(&code);
                            view! { <option value=code selected=selected>{text}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </FieldFrame>
    }
}
