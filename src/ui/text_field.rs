//! A labelled text input with its hint and error, wired for assistive technology: the label's
//! `for`, `aria-describedby` naming the hint and the error, and `aria-invalid`.

use super::binding::TextBinding;
use leptos::prelude::*;

/// The ids an input is described by: its hint, then its error while it shows one.
pub fn described_by(id: &str, has_hint: bool, has_error: bool) -> String {
    let mut ids = Vec::new();
    if has_hint {
        ids.push(format!("{id}-hint"));
    }
    if has_error {
        ids.push(format!("{id}-error"));
    }
    ids.join(" ")
}

/// The error line under a label, with a hidden "Error:" prefix for screen readers.
#[component]
pub fn ErrorMessage(#[prop(into)] id: String, error: Signal<Option<String>>) -> impl IntoView {
    move || {
        let id = id.clone();
        error.get().map(|message| {
            view! {
                <p id=format!("{id}-error") class="error-message">
                    <span class="visually-hidden">"Error: "</span>
                    {message}
                </p>
            }
        })
    }
}

/// The label of a field, with "(optional)" where the field may stay empty.
#[component]
pub fn FieldLabel(
    #[prop(into)] id: String,
    #[prop(into)] label: Signal<String>,
    optional: Signal<bool>,
    /// Words only screen readers hear after the label, where the visible label alone would be
    /// ambiguous (one "Number of licenses" per offer).
    #[prop(optional)]
    hidden_suffix: Option<String>,
) -> impl IntoView {
    view! {
        <label for=id class="label">
            {label}
            {hidden_suffix
                .filter(|suffix| !suffix.is_empty())
                .map(|suffix| view! { <span class="visually-hidden">{format!(" {suffix}")}</span> })}
            <Show when=move || optional.get()>
                <span class="optional">" (optional)"</span>
            </Show>
        </label>
    }
}

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
    #[prop(optional)]
    hidden_suffix: Option<String>,
    /// A hint under the label.
    #[prop(optional, into)]
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
    #[prop(optional)]
    inputmode: Option<&'static str>,
    /// The `max` attribute (dates).
    #[prop(optional, into)]
    max: Option<Signal<String>>,
    /// A CSS width class such as `width-10`.
    #[prop(default = "")]
    width: &'static str,
    /// Shown right after the input, e.g. a domain suffix.
    #[prop(optional)]
    suffix: Option<&'static str>,
) -> impl IntoView {
    let has_hint = hint.is_some();
    let has_error = move || error.with(Option::is_some);
    let described = {
        let id = id.clone();
        move || Some(described_by(&id, has_hint, has_error())).filter(|ids| !ids.is_empty())
    };
    view! {
        <div class="field" class:field-error=has_error>
            <FieldLabel id=id.clone() label optional hidden_suffix=hidden_suffix.unwrap_or_default() />
            {hint.map(|hint| view! { <p id=format!("{id}-hint") class="hint">{hint}</p> })}
            <ErrorMessage id=id.clone() error />
            <div class="input-wrapper">
                <input
                    id=id.clone()
                    name=id.clone()
                    type=input_type
                    class=format!("input {width}")
                    autocomplete=autocomplete
                    inputmode=inputmode
                    spellcheck=if autocomplete == "off" { "false" } else { "true" }
                    max=move || max.map(|max| max.get())
                    aria-describedby=described
                    aria-invalid=move || if has_error() { "true" } else { "false" }
                    prop:value=move || value.get()
                    on:input=move |event| value.set(event_target_value(&event))
                />
                {suffix.map(|suffix| view! { <span class="input-suffix" aria-hidden="true">{suffix}</span> })}
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::described_by;

    #[test]
    fn describes_by_hint_and_error() {
        assert_eq!(described_by("city", false, false), "");
        assert_eq!(described_by("city", true, false), "city-hint");
        assert_eq!(described_by("city", true, true), "city-hint city-error");
        assert_eq!(described_by("city", false, true), "city-error");
    }
}
