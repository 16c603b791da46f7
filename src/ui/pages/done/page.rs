//! The Done page: the new customer's Microsoft ID, admin user and one-time password, each with
//! a copy button; the password masked until revealed. Nothing here is ever written to storage:
//! leaving the page loses the password for good, as the warning says.

use crate::domain::catalog::order_plan::PlannedOrder;
use crate::domain::common::letter_case::lower_case;
use crate::domain::requests::customer_request::CreatedCustomer;
use crate::ui::common::browser::copy_to_clipboard;
use crate::ui::common::intl::format_number;
use crate::ui::common::page_heading::PageHeading;
use crate::ui::i18n::{use_i18n, Text};
use crate::ui::state::account::use_account;
use crate::ui::state::submit::use_submit;
use crate::ui::state::wizard::use_wizard;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// A copy button for one value; says what it copied in the page's status line.
#[component]
fn CopyButton(what: Text, value: String, status: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let copy = move |_| {
        let value = value.clone();
        spawn_local(async move {
            let copied = copy_to_clipboard(value).await;
            let messages = i18n.0.get_untracked().messages();
            status.try_set(messages.copied(messages.text(what), copied));
        });
    };
    view! {
        <button type="button" class="button-link" on:click=copy>
            {i18n.text(Text::Copy)}
            <span class="visually-hidden">{move || format!(" {}", lower_case(i18n.messages().text(what)))}</span>
        </button>
    }
}

/// The offers of an order, in words.
fn offers_of(order: &PlannedOrder) -> String {
    let locale = use_i18n().0.get_untracked();
    order
        .lines
        .iter()
        .map(|line| format!("{} × {}", line.friendly_name, format_number(line.quantity, locale)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The Done page.
#[component]
pub fn DonePage() -> impl IntoView {
    let account = use_account();
    let submit = use_submit();
    let wizard = use_wizard();
    let i18n = use_i18n();
    let job = submit.job.get_untracked();
    let customer: CreatedCustomer = job.as_ref().and_then(|job| job.customer.clone()).unwrap_or_default();
    let company = account.form.snapshot_untracked().company_name.trim().to_string();
    let status = RwSignal::new(String::new());
    let revealed = RwSignal::new(false);
    let admin = customer.admin_user();
    let password = customer.user_credentials.password.clone();
    // After a reload in mid-submit the customer's answer is gone, and with it the password,
    // which is never stored.
    let password_kept = !password.is_empty();
    let orders = job.as_ref().map(|job| {
        job.orders
            .iter()
            .zip(&job.placed)
            .map(|(planned, placed)| {
                let placed = placed.clone().unwrap_or_default();
                view! {
                    <tr>
                        <th scope="row"><code>{placed.id}</code></th>
                        <td>{offers_of(planned)}</td>
                        <td>{placed.status}</td>
                    </tr>
                }
            })
            .collect_view()
    });
    let waiting: Vec<String> =
        job.as_ref().map(|job| job.waiting_orders.iter().map(offers_of).collect()).unwrap_or_default();
    let has_orders = job.as_ref().is_some_and(|job| !job.orders.is_empty());
    view! {
        <PageHeading text=i18n.signal(Text::CustomerCreated) focus=wizard.focus_heading.get_untracked() />
        <div class="panel-confirmation">
            <p>{move || i18n.messages().now_your_customer(&company)}</p>
        </div>
        <dl class="summary-list">
            <div class="summary-row">
                <dt class="summary-key">{i18n.text(Text::MicrosoftId)}</dt>
                <dd class="summary-value"><code id="done-microsoft-id">{customer.id.clone()}</code></dd>
                <dd class="summary-action"><CopyButton what=Text::MicrosoftId value=customer.id.clone() status /></dd>
            </div>
            <div class="summary-row">
                <dt class="summary-key">{i18n.text(Text::AdminUser)}</dt>
                <dd class="summary-value"><code id="done-admin-user">{admin.clone()}</code></dd>
                <dd class="summary-action"><CopyButton what=Text::AdminUser value=admin status /></dd>
            </div>
            {password_kept.then(|| view! {
            <div class="summary-row">
                    <dt class="summary-key"><label for="done-password">{i18n.text(Text::OneTimePassword)}</label></dt>
                    <dd class="summary-value">
                        <input
                            id="done-password"
                            class="input input-password"
                            type=move || if revealed.get() { "text" } else { "password" }
                            readonly
                            autocomplete="off"
                            spellcheck="false"
                            prop:value=password.clone()
                        />
                    </dd>
                    <dd class="summary-action">
                        <button
                            type="button"
                            class="button-link"
                            aria-controls="done-password"
                            on:click=move |_| revealed.update(|revealed| *revealed = !*revealed)
                        >
                            {move || i18n.messages().text(if revealed.get() { Text::HidePassword } else { Text::ShowPassword })}
                        </button>
                        " "
                        <CopyButton what=Text::OneTimePassword value=password status />
                    </dd>
                </div>
            })}
        </dl>
        <div class="warning-text">
            <span class="warning-icon" aria-hidden="true">"!"</span>
            <strong>
                <span class="visually-hidden">{i18n.text(Text::Warning)}</span>
                {i18n.text(if password_kept { Text::CopyPasswordNow } else { Text::PasswordNotKept })}
            </strong>
        </div>
        <p class="visually-hidden" role="status">{move || status.get()}</p>
        <p class="copy-status" aria-hidden="true">{move || status.get()}</p>
        <h2 class="section-title">{i18n.text(Text::Orders)}</h2>
        {has_orders.then(|| view! {
            <table class="table">
                <thead>
                    <tr>
                        <th scope="col">{i18n.text(Text::Order)}</th>
                        <th scope="col">{i18n.text(Text::Subscriptions)}</th>
                        <th scope="col">{i18n.text(Text::Status)}</th>
                    </tr>
                </thead>
                <tbody>{orders}</tbody>
            </table>
        })}
        {(!waiting.is_empty()).then(|| view! {
            <div class="notice">
                <p>{i18n.text(Text::WaitingOrdersNote)}</p>
                <ul>{waiting.into_iter().map(|offers| view! { <li>{offers}</li> }).collect_view()}</ul>
            </div>
        })}
        <div class="actions">
            <button type="button" class="button" part="button" on:click=move |_| wizard.restart.run(())>{i18n.text(Text::Done)}</button>
        </div>
    }
}
