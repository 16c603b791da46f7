//! The Done page: the new customer's Microsoft ID, admin user and one-time password, each with
//! a copy button; the password masked until revealed. Nothing here is ever written to storage:
//! leaving the page loses the password for good, as the warning says.

use super::browser::copy_to_clipboard;
use super::intl::format_number;
use super::page_heading::PageHeading;
use super::wizard_context::use_wizard;
use crate::domain::customer_request::CreatedCustomer;
use crate::domain::order_plan::PlannedOrder;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// A copy button for one value; says what it copied in the page's status line.
#[component]
fn CopyButton(what: &'static str, value: String, status: RwSignal<String>) -> impl IntoView {
    let copy = move |_| {
        let value = value.clone();
        spawn_local(async move {
            let copied = copy_to_clipboard(value).await;
            status.try_set(if copied {
                format!("{what} copied to the clipboard.")
            } else {
                format!("Your browser did not let us copy the {}: select it and copy it yourself.", what.to_lowercase())
            });
        });
    };
    view! {
        <button type="button" class="button-link" on:click=copy>
            "Copy"
            <span class="visually-hidden">{format!(" {}", what.to_lowercase())}</span>
        </button>
    }
}

/// The offers of an order, in words.
fn offers_of(order: &PlannedOrder) -> String {
    order
        .lines
        .iter()
        .map(|line| format!("{} × {}", line.friendly_name, format_number(line.quantity)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The Done page.
#[component]
pub fn DonePage() -> impl IntoView {
    let context = use_wizard();
    let job = context.job.get_untracked();
    let customer: CreatedCustomer = job.as_ref().and_then(|job| job.customer.clone()).unwrap_or_default();
    let company = context.form.snapshot_untracked().company_name.trim().to_string();
    let status = RwSignal::new(String::new());
    let revealed = RwSignal::new(false);
    let admin = customer.admin_user();
    let password = customer.user_credentials.password.clone();
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
        <PageHeading text="Customer created".to_string() focus=context.focus_heading.get_untracked() />
        <div class="panel-confirmation">
            <p>{format!("{company} is now your customer in Partner Center.")}</p>
        </div>
        <dl class="summary-list">
            <div class="summary-row">
                <dt class="summary-key">"Microsoft ID"</dt>
                <dd class="summary-value"><code id="done-microsoft-id">{customer.id.clone()}</code></dd>
                <dd class="summary-action"><CopyButton what="Microsoft ID" value=customer.id.clone() status /></dd>
            </div>
            <div class="summary-row">
                <dt class="summary-key">"Admin user"</dt>
                <dd class="summary-value"><code id="done-admin-user">{admin.clone()}</code></dd>
                <dd class="summary-action"><CopyButton what="Admin user" value=admin status /></dd>
            </div>
            <div class="summary-row">
                <dt class="summary-key"><label for="done-password">"One-time password"</label></dt>
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
                        {move || if revealed.get() { "Hide password" } else { "Show password" }}
                    </button>
                    " "
                    <CopyButton what="One-time password" value=password status />
                </dd>
            </div>
        </dl>
        <div class="warning-text">
            <span class="warning-icon" aria-hidden="true">"!"</span>
            <strong>
                <span class="visually-hidden">"Warning: "</span>
                "Copy the password now and give it to the customer's admin safely. It cannot be shown again once you leave this page."
            </strong>
        </div>
        <p class="visually-hidden" role="status">{move || status.get()}</p>
        <p class="copy-status" aria-hidden="true">{move || status.get()}</p>
        <h2 class="section-title">"Orders"</h2>
        {has_orders.then(|| view! {
            <table class="table">
                <thead>
                    <tr>
                        <th scope="col">"Order"</th>
                        <th scope="col">"Subscriptions"</th>
                        <th scope="col">"Status"</th>
                    </tr>
                </thead>
                <tbody>{orders}</tbody>
            </table>
        })}
        {(!waiting.is_empty()).then(|| view! {
            <div class="notice">
                <p>"These subscriptions wait until the customer accepts the Microsoft Customer Agreement in the Microsoft 365 admin center; order them then:"</p>
                <ul>{waiting.into_iter().map(|offers| view! { <li>{offers}</li> }).collect_view()}</ul>
            </div>
        })}
        <div class="actions">
            <button type="button" class="button" on:click=move |_| context.restart.run(())>"Done"</button>
        </div>
    }
}
