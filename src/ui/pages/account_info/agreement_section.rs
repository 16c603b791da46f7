//! The Microsoft Customer Agreement block: attest now (check box, date, who accepted), or leave
//! the acceptance to the customer in the Microsoft 365 admin center.

use crate::domain::account::account_info::AgreementMethod;
use crate::domain::account::field::Field;
use crate::ui::common::browser::today;
use crate::ui::embed::scope::use_scope;
use crate::ui::fields::account_field::{AccountField, ShownErrors};
use crate::ui::fields::checkbox_field::CheckboxField;
use crate::ui::i18n::{use_i18n, Text};
use crate::ui::state::account::use_account;
use leptos::prelude::*;

/// The agreement fieldset.
#[component]
pub fn AgreementSection() -> impl IntoView {
    let account_state = use_account();
    let form = account_state.form;
    let i18n = use_i18n();
    let scope = use_scope();
    let method = form.agreement_method;
    let attest_now = move || method.get() == AgreementMethod::AttestNow;
    let shown = expect_context::<ShownErrors>();
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
        scope.focus_soon(Field::SignerFirstName.id());
    };
    let use_primary_contact = move |_| {
        form.signer_named.set(false);
        scope.focus_soon("signer-update");
    };
    let primary_contact = move || {
        let name = format!("{} {}", form.get(Field::FirstName).trim(), form.get(Field::LastName).trim());
        let email = form.get(Field::Email);
        match (name.trim().is_empty(), email.trim().is_empty()) {
            (true, true) => i18n.messages().text(Text::PrimaryContactNotEntered).to_string(),
            (false, true) => name.trim().to_string(),
            (true, false) => email.trim().to_string(),
            (false, false) => format!("{}, {}", name.trim(), email.trim()),
        }
    };
    let radio = move |id: &'static str, value: AgreementMethod, label: Text, hint: Text| {
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
                <label for=id class="radio-label">{i18n.text(label)}</label>
                <p id=format!("{id}-hint") class="hint radio-hint">{i18n.text(hint)}</p>
            </div>
        }
    };
    view! {
        <fieldset class="fieldset">
            <legend class="fieldset-legend">{i18n.text(Text::MicrosoftCustomerAgreement)}</legend>
            <p class="hint">{i18n.text(Text::AgreementHint)}</p>
            <div class="radios">
                {radio(
                    "agreement-attest-now",
                    AgreementMethod::AttestNow,
                    Text::AttestNowLabel,
                    Text::AttestNowHint,
                )}
                {radio(
                    "agreement-admin-center",
                    AgreementMethod::AdminCenter,
                    Text::AdminCenterLater,
                    Text::AdminCenterHint,
                )}
            </div>
            <Show when=attest_now>
                <div class="conditional">
                    <CheckboxField
                        id=Field::AgreementAttested.id()
                        label=i18n.signal(Text::ConfirmAccepted)
                        checked=form.agreement_attested
                        error=shown.of(Field::AgreementAttested)
                    />
                    <AccountField
                        field=Field::AgreementDate
                        hint=i18n.signal(Text::AcceptanceDateHint)
                        input_type="date"
                        max=Signal::derive(|| today().to_string())
                        width="width-10"
                    />
                    <Show
                        when=move || form.signer_named.get()
                        fallback=move || {
                            view! {
                                <div class="summary-line">
                                    <p>{i18n.text(Text::AcceptedBy)} <strong>{primary_contact}</strong></p>
                                    <button id="signer-update" type="button" class="button-link" on:click=name_update>
                                        {i18n.text(Text::Update)}
                                        <span class="visually-hidden">{i18n.text(Text::UpdateSignerSuffix)}</span>
                                    </button>
                                </div>
                            }
                        }
                    >
                        <fieldset class="fieldset fieldset-nested">
                            <legend class="fieldset-legend fieldset-legend-small">{i18n.text(Text::PersonWhoAccepted)}</legend>
                            <AccountField
                                field=Field::SignerFirstName
                                autocomplete="off"
                                width="width-20"
                            />
                            <AccountField
                                field=Field::SignerLastName
                                autocomplete="off"
                                width="width-20"
                            />
                            <AccountField
                                field=Field::SignerEmail
                                input_type="email"
                                autocomplete="off"
                            />
                            <AccountField
                                field=Field::SignerPhone
                                optional=true
                                input_type="tel"
                                autocomplete="off"
                                width="width-20"
                            />
                            <button type="button" class="button-link" on:click=use_primary_contact>
                                {i18n.text(Text::UsePrimaryContact)}
                            </button>
                        </fieldset>
                    </Show>
                </div>
            </Show>
        </fieldset>
    }
}
