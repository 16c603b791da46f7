//! The frame every field shares, wired for assistive technology: the visible label and its
//! `for`, the hint, the error line, `aria-describedby` naming the hint and the error, and
//! `aria-invalid`.

use crate::ui::i18n::{use_i18n, Text};
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
    let prefix = use_i18n().text(Text::ErrorPrefix);
    move || {
        let id = id.clone();
        error.get().map(|message| {
            view! {
                <p id=format!("{id}-error") class="error-message">
                    <span class="visually-hidden">{prefix}</span>
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
    let optional_text = use_i18n().text(Text::Optional);
    view! {
        <label for=id class="label" part="label">
            {label}
            {hidden_suffix
                .filter(|suffix| !suffix.is_empty())
                .map(|suffix| view! { <span class="visually-hidden">{format!(" {suffix}")}</span> })}
            <Show when=move || optional.get()>
                <span class="optional">{optional_text}</span>
            </Show>
        </label>
    }
}

/// The frame every field shares: the wrapper marked while in error, the label, the hint and
/// the error line, around the control (`children`). The control itself carries
/// [`ControlWiring`]'s `aria-describedby` and `aria-invalid`.
#[component]
pub fn FieldFrame(
    /// The control's id.
    id: String,
    /// The visible label.
    label: Signal<String>,
    /// Words only screen readers hear after the label.
    hidden_suffix: Option<String>,
    /// A hint under the label.
    hint: Option<Signal<String>>,
    /// The error shown, if any.
    error: Signal<Option<String>>,
    /// Whether the field may stay empty.
    optional: Signal<bool>,
    /// The control.
    children: Children,
) -> impl IntoView {
    view! {
        <div class="field" class:field-error=move || error.with(Option::is_some)>
            <FieldLabel id=id.clone() label optional hidden_suffix=hidden_suffix.unwrap_or_default() />
            {hint.map(|hint| view! { <p id=format!("{id}-hint") class="hint">{hint}</p> })}
            <ErrorMessage id=id.clone() error />
            {children()}
        </div>
    }
}

/// What a control says of its hint and error to assistive technology.
#[derive(Clone)]
pub struct ControlWiring {
    id: String,
    has_hint: bool,
    error: Signal<Option<String>>,
}

impl ControlWiring {
    /// The wiring of the control `id`, with a hint or not, showing `error`.
    pub fn new(id: &str, has_hint: bool, error: Signal<Option<String>>) -> Self {
        Self { id: id.to_string(), has_hint, error }
    }

    /// The `aria-describedby` value: the hint, then the error while shown; none without either.
    pub fn described_by(&self) -> impl Fn() -> Option<String> + Send + Sync + 'static {
        let (id, has_hint, error) = (self.id.clone(), self.has_hint, self.error);
        move || Some(described_by(&id, has_hint, error.with(Option::is_some))).filter(|ids| !ids.is_empty())
    }

    /// The `aria-invalid` value.
    pub fn invalid(&self) -> impl Fn() -> &'static str + Send + Sync + 'static {
        let error = self.error;
        move || if error.with(Option::is_some) { "true" } else { "false" }
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
