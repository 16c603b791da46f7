//! The Done page: the new customer's Microsoft ID, admin user and one-time password, each with
//! a copy button; the password masked until revealed. Nothing here is ever written to storage:
//! leaving the page loses the password for good, as the warning says.

use crate::domain::commerce::checkout::{AccountStatus, Order};
use crate::domain::common::letter_case::lower_case;
use crate::domain::prices::price_index::{totals_by_billing, LinePrice};
use crate::domain::requests::customer_request::CreatedCustomer;
use crate::submit::job::Hold;
use crate::submit::session;
use crate::ui::common::browser::copy_to_clipboard;
use crate::ui::common::line_words::{line_summary, planned_summary};
use crate::ui::common::page_heading::PageHeading;
use crate::ui::common::price_words::totals_words;
use crate::ui::embed::scope::use_scope;
use crate::ui::i18n::{use_i18n, Locale, Text};
use crate::ui::state::account::use_account;
use crate::ui::state::prices::use_prices;
use crate::ui::state::submit::use_submit;
use crate::ui::state::wizard::use_wizard;
use crate::ui::state::wizard_state::use_wizard_state;
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::Value;

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

/// An order's lines in words: "Microsoft 365 E3 × 10 (1 year, Monthly)".
fn lines_of(order: &Order, locale: Locale) -> String {
    order
        .line_items
        .iter()
        .map(|line| line_summary(&line.friendly_name, line.quantity, &line.term_duration, &order.billing_cycle, locale))
        .collect::<Vec<_>>()
        .join("; ")
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
    let job_signal = submit.job;
    let prices = use_prices();
    // What each order costs at its billing cycle, for its row and for the totals over the orders.
    let ordered_prices = Memo::new(move |_| {
        let list = prices.list()?;
        job_signal.with(|job| {
            let job = job.as_ref()?;
            Some(
                job.orders
                    .iter()
                    .map(|order| {
                        let prices: Vec<LinePrice> = order
                            .line_items
                            .iter()
                            .filter_map(|line| list.ordered_price(order, line, &job.lines))
                            .collect();
                        (order.id.clone(), prices)
                    })
                    .collect::<Vec<_>>(),
            )
        })
    });
    let orders = move || {
        let locale = i18n.locale();
        let priced = ordered_prices.get();
        job_signal.with(|job| {
            job.as_ref().map(|job| {
                job.orders
                    .iter()
                    .map(|order| {
                        let price = priced.as_ref().map(|priced| {
                            let prices =
                                priced.iter().find(|(id, _)| *id == order.id).map(|(_, prices)| prices.as_slice());
                            let words = match prices {
                                Some(prices) if !prices.is_empty() => totals_words(&totals_by_billing(prices), locale),
                                _ => i18n.messages().text(Text::NotInPriceList).to_string(),
                            };
                            view! { <td class="numeric">{words}</td> }
                        });
                        view! {
                            <tr>
                                <th scope="row"><code>{order.id.clone()}</code></th>
                                <td>{lines_of(order, locale)}</td>
                                <td>{order.status.clone()}</td>
                                {price}
                            </tr>
                        }
                    })
                    .collect_view()
            })
        })
    };
    let ordered_totals = move || {
        let locale = i18n.locale();
        let priced = ordered_prices.get()?;
        let totals = totals_by_billing(priced.iter().flat_map(|(_, prices)| prices));
        (!totals.is_empty()).then(|| {
            view! {
                <p class="price-totals">
                    <strong>{format!("{}: ", i18n.messages().text(Text::EstimatedPrice))}</strong>
                    <span class="price-total">{totals_words(&totals, locale)}</span>
                    " "
                    <span class="price-basis">{prices.basis(locale)}</span>
                </p>
            }
        })
    };
    let has_orders = move || job_signal.with(|job| job.as_ref().is_some_and(|job| !job.orders.is_empty()));
    let hold = move || job_signal.with(|job| job.as_ref().and_then(|job| job.hold()));
    let state = use_wizard_state();
    let scope = use_scope();
    let checking = RwSignal::new(false);
    let check_again = move |_| {
        let Some(current) = job_signal.get_untracked() else { return };
        if checking.get_untracked() {
            return;
        }
        checking.set(true);
        spawn_local(async move {
            let api = state.wizard.api();
            let expose_password = state.wizard.config.with_value(|config| config.expose_password);
            let emit = move |name: &str, detail: &Value| scope.emit(name, detail);
            let progress = move |job: &crate::submit::job::SubmitJob| {
                job_signal.try_set(Some(job.clone()));
            };
            session::run_submit(api, current, expose_password, &emit, &progress).await;
            checking.try_set(false);
        });
    };
    let waiting = move || {
        let (locale, messages) = (i18n.locale(), i18n.messages());
        let hold = hold()?;
        let (title, body) = match hold {
            Hold::AccountReview(AccountStatus::NotAllowed) => (Text::HoldRejectedTitle, Text::HoldRejectedBody),
            Hold::AccountReview(_) => (Text::HoldReviewTitle, Text::HoldReviewBody),
            Hold::AgreementPending => (Text::HoldAgreementTitle, Text::HoldAgreementBody),
        };
        let lines = job_signal.with(|job| job.as_ref().map(|job| job.lines.clone()).unwrap_or_default());
        Some(view! {
            <div class="notice" role="region" aria-labelledby="done-waiting-title">
                <h3 id="done-waiting-title" class="notice-title">{messages.text(title)}</h3>
                <p>{messages.text(body)}</p>
                <ul>
                    {lines
                        .iter()
                        .map(|line| view! { <li>{planned_summary(line, locale)}</li> })
                        .collect_view()}
                </ul>
                <div class="actions">
                    <button
                        type="button"
                        class="button"
                        part="button"
                        aria-disabled=move || checking.get().then_some("true")
                        on:click=check_again
                    >
                        {messages.text(Text::CheckAgain)}
                    </button>
                </div>
            </div>
        })
    };
    let failure = move || {
        let messages = i18n.messages();
        job_signal.with(|job| {
            let (_, error) = job.as_ref()?.failure()?;
            let text = messages.server_error_text(error);
            Some(view! { <p class="error-message" role="alert">{text}</p> })
        })
    };
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
        <Show when=has_orders>
            <table class="table">
                <thead>
                    <tr>
                        <th scope="col">{i18n.text(Text::Orders)}</th>
                        <th scope="col">{i18n.text(Text::Subscriptions)}</th>
                        <th scope="col">{i18n.text(Text::Status)}</th>
                        <Show when=move || ordered_prices.with(Option::is_some)>
                            <th scope="col" class="numeric">{i18n.text(Text::EstimatedPrice)}</th>
                        </Show>
                    </tr>
                </thead>
                <tbody>{orders}</tbody>
            </table>
            {ordered_totals}
        </Show>
        {waiting}
        {failure}
        <div class="actions">
            <button type="button" class="button" part="button" on:click=move |_| wizard.restart.run(())>{i18n.text(Text::Done)}</button>
        </div>
    }
}
