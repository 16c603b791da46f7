//! A text field of the customer's account, keyed by its [`Field`]: its id, label, value and
//! error come from the field itself, the account's entries and rules, and the errors the page
//! shows ([`ShownErrors`]).

use crate::domain::account::field::Field;
use crate::ui::fields::text_field::TextField;
use crate::ui::i18n::use_i18n;
use crate::ui::state::account::use_account;
use leptos::prelude::*;

/// The message each field of a page shows now, if any. A page of account fields provides it to
/// them as context.
#[derive(Clone, Copy)]
pub struct ShownErrors(pub Callback<Field, Option<String>>);

impl ShownErrors {
    /// The message `field` shows, as a signal that changes only when that message does: a
    /// field's error line and marks are redrawn for their own error alone, not each time
    /// another field's error comes or goes.
    pub fn of(self, field: Field) -> Signal<Option<String>> {
        Memo::new(move |_| self.0.run(field)).into()
    }
}

/// The text field of `field`, with label, hint and error.
#[component]
pub fn AccountField(
    /// The field.
    field: Field,
    /// Words only screen readers hear after the label.
    #[prop(optional_no_strip, into)]
    hidden_suffix: Option<String>,
    /// A hint under the label.
    #[prop(optional_no_strip, into)]
    hint: Option<Signal<String>>,
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
    let account = use_account();
    let i18n = use_i18n();
    let shown = expect_context::<ShownErrors>();
    let label = Signal::derive(move || account.rules.with(|rules| i18n.messages().label(field, rules)));
    let error = shown.of(field);
    view! {
        <TextField
            id=field.id()
            label
            hidden_suffix
            hint
            value=account.form.text(field)
            error
            optional
            input_type
            autocomplete
            inputmode
            max
            width
            suffix
        />
    }
}
