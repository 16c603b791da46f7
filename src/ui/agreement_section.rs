//! The Microsoft Customer Agreement block: attest now (check box, date, who accepted), or leave
//! the acceptance to the customer in the Microsoft 365 admin center.

use super::browser::{focus_by_id, today};
use super::checkbox_field::CheckboxField;
use super::text_field::TextField;
use super::wizard_context::use_wizard;
use crate::domain::account_info::AgreementMethod;
use crate::domain::field::Field;
use leptos::prelude::*;

/// The agreement fieldset. `error` gives a field's message while it shows one.
#[component]
pub fn AgreementSection(error: Callback<Field, Option<String>>) -> impl IntoView {
    let form = use_wizard().form;
    let method = form.agreement_method;
    let attest_now = move || method.get() == AgreementMethod::AttestNow;
    let error_of = move |field: Field| Signal::derive(move || error.run(field));
    let name_update = move |_| {
        for (signer, contact) in [
            (Field::SignerFirstName, Field::FirstName),
            (Field::SignerLastName, Field::LastName),
            (Field::SignerEmail, Field::Email),
            (Field::SignerPhone, Field::Phone),
        ] {
            if form.text(signer).with_untracked(String::is_empty) {
                form.text(signer).set(form.text(contact).get_untracked());
            }
        }
        form.signer_named.set(true);
        request_animation_frame(|| focus_by_id(Field::SignerFirstName.id()));
    };
    let use_primary_contact = move |_| {
        form.signer_named.set(false);
        request_animation_frame(|| focus_by_id("signer-update"));
    };
    let primary_contact = move || {
        let name = format!("{} {}", form.get(Field::FirstName).trim(), form.get(Field::LastName).trim());
        let email = form.get(Field::Email);
        match (name.trim().is_empty(), email.trim().is_empty()) {
            (true, true) => "the primary contact (not entered yet)".to_string(),
            (false, true) => name.trim().to_string(),
            (true, false) => email.trim().to_string(),
            (false, false) => format!("{}, {}", name.trim(), email.trim()),
        }
    };
    let radio = move |id: &'static str, value: AgreementMethod, label: &'static str, hint: &'static str| {
        view! {
            <div class="radio-item">
                <input
                    id=id
                    type="radio"
                    name="agreement-method"
                    class="radio-input"
                    aria-describedby=format!("{id}-hint")
                    prop:checked=move || method.get() == value
                    on:change=move |_| method.set(value)
                />
                <label for=id class="radio-label">{label}</label>
                <p id=format!("{id}-hint") class="hint radio-hint">{hint}</p>
            </div>
        }
    };
    view! {
        <fieldset class="fieldset">
            <legend class="fieldset-legend">"Microsoft Customer Agreement"</legend>
            <p class="hint">"The customer must accept the agreement before you can buy subscriptions for them."</p>
            <div class="radios">
                {radio(
                    "agreement-attest-now",
                    AgreementMethod::AttestNow,
                    "The customer has accepted it",
                    "You attest their acceptance now, and the subscriptions are ordered right away.",
                )}
                {radio(
                    "agreement-admin-center",
                    AgreementMethod::AdminCenter,
                    "The customer will accept it in the Microsoft 365 admin center",
                    "The customer is created now; the subscriptions can only be ordered after they accept.",
                )}
            </div>
            <Show when=attest_now>
                <div class="conditional">
                    <CheckboxField
                        id=Field::AgreementAttested.id()
                        label="I confirm that the customer has accepted the Microsoft Customer Agreement"
                        checked=form.agreement_attested
                        error=error_of(Field::AgreementAttested)
                    />
                    <TextField
                        id=Field::AgreementDate.id()
                        label="Date of acceptance"
                        hint="The day the customer accepted. It cannot be in the future."
                        value=form.text(Field::AgreementDate)
                        error=error_of(Field::AgreementDate)
                        input_type="date"
                        max=Signal::derive(|| today().to_string())
                        width="width-10"
                    />
                    <Show
                        when=move || form.signer_named.get()
                        fallback=move || {
                            view! {
                                <div class="summary-line">
                                    <p>"Accepted by: " <strong>{primary_contact}</strong></p>
                                    <button id="signer-update" type="button" class="button-link" on:click=name_update>
                                        "Update"
                                        <span class="visually-hidden">" the person who accepted the agreement"</span>
                                    </button>
                                </div>
                            }
                        }
                    >
                        <fieldset class="fieldset fieldset-nested">
                            <legend class="fieldset-legend fieldset-legend-small">"Person who accepted the agreement"</legend>
                            <TextField
                                id=Field::SignerFirstName.id()
                                label="First name"
                                value=form.text(Field::SignerFirstName)
                                error=error_of(Field::SignerFirstName)
                                autocomplete="off"
                                width="width-20"
                            />
                            <TextField
                                id=Field::SignerLastName.id()
                                label="Last name"
                                value=form.text(Field::SignerLastName)
                                error=error_of(Field::SignerLastName)
                                autocomplete="off"
                                width="width-20"
                            />
                            <TextField
                                id=Field::SignerEmail.id()
                                label="Email address"
                                value=form.text(Field::SignerEmail)
                                error=error_of(Field::SignerEmail)
                                input_type="email"
                                autocomplete="off"
                            />
                            <TextField
                                id=Field::SignerPhone.id()
                                label="Phone number"
                                value=form.text(Field::SignerPhone)
                                error=error_of(Field::SignerPhone)
                                optional=true
                                input_type="tel"
                                autocomplete="off"
                                width="width-20"
                            />
                            <button type="button" class="button-link" on:click=use_primary_contact>
                                "Use the primary contact instead"
                            </button>
                        </fieldset>
                    </Show>
                </div>
            </Show>
        </fieldset>
    }
}
