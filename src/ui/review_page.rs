//! The Review page, GOV.UK's "check your answers": the Account info and Subscriptions sections,
//! each with its Update, the totals, and Submit with its progress.

use super::intl::{format_date, format_number, Namer};
use super::messages::{billing_cycle_name, label};
use super::page_heading::PageHeading;
use super::reseller_section::reseller_text;
use super::step_indicator::step_name;
use super::submit_progress::SubmitPanel;
use super::wizard_context::use_wizard;
use crate::domain::account_info::{AccountInfo, AgreementMethod};
use crate::domain::calendar_date::CalendarDate;
use crate::domain::country_rules::CountryRules;
use crate::domain::field::Field;
use crate::domain::order_plan::{plan_orders, PlannedOrder};
use crate::domain::rules::domain_prefix::full_domain;
use crate::domain::wizard::Step;
use leptos::prelude::*;

/// The words shown for an optional entry left empty.
const NOT_PROVIDED: &str = "Not provided";

fn or_not_provided(value: &str) -> String {
    let value = value.trim();
    if value.is_empty() {
        NOT_PROVIDED.to_string()
    } else {
        value.to_string()
    }
}

/// The Account info section's rows: `(key, lines of the value)`.
fn account_rows(info: &AccountInfo, rules: &CountryRules) -> Vec<(String, Vec<String>)> {
    let regions = Namer::regions();
    let languages = Namer::languages();
    let mut address: Vec<String> = [&info.address_line1, &info.address_line2, &info.city]
        .into_iter()
        .map(|line| line.trim().to_string())
        .filter(|line| !line.is_empty())
        .collect();
    let state = if rules.asks_for_state() { rules.state_name(info.state.trim()).to_string() } else { String::new() };
    let region_line = [state, info.postal_code.trim().to_string()]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if !region_line.is_empty() {
        address.push(region_line);
    }
    let domain = full_domain(&info.domain_prefix);
    let mut rows = vec![
        (label(Field::Country, rules), vec![regions.name(&info.country)]),
        (label(Field::CompanyName, rules), vec![info.company_name.trim().to_string()]),
        ("Domain".to_string(), vec![domain.clone(), format!("Admin sign-in name: admin@{domain}")]),
        ("Address".to_string(), address),
        (label(Field::Phone, rules), vec![or_not_provided(&info.phone)]),
    ];
    if rules.requires_registration_number() {
        rows.push((label(Field::RegistrationNumber, rules), vec![info.registration_number.trim().to_string()]));
    }
    rows.push((label(Field::Language, rules), vec![languages.name(&info.language)]));
    rows.push((label(Field::Culture, rules), vec![languages.name(&info.culture)]));
    rows.push((
        "Primary contact".to_string(),
        vec![format!("{} {}", info.first_name.trim(), info.last_name.trim()), info.email.trim().to_string()],
    ));
    let agreement = match info.agreement.method {
        AgreementMethod::AttestNow => {
            let signer = info.effective_signer();
            let date = CalendarDate::parse(&info.agreement.date).map(format_date).unwrap_or_default();
            vec![
                format!("Accepted on {date}"),
                format!("by {} {} ({})", signer.first_name.trim(), signer.last_name.trim(), signer.email.trim()),
            ]
        }
        AgreementMethod::AdminCenter => vec![
            "The customer will accept it in the Microsoft 365 admin center".to_string(),
            "The subscriptions are ordered after they accept".to_string(),
        ],
    };
    rows.push(("Microsoft Customer Agreement".to_string(), agreement));
    rows.push((
        "Default GDAP".to_string(),
        vec![if info.gdap_by_default { "Requested" } else { "Not requested" }.to_string()],
    ));
    rows
}

/// A section's heading with its Update action.
#[component]
fn SectionHeading(title: &'static str, #[prop(into)] update: Option<Callback<()>>) -> impl IntoView {
    view! {
        <div class="section-heading">
            <h2 class="section-title">{title}</h2>
            {update.map(|update| {
                view! {
                    <button type="button" class="button-link" on:click=move |_| update.run(())>
                        "Update"
                        <span class="visually-hidden">{format!(" {}", title.to_lowercase())}</span>
                    </button>
                }
            })}
        </div>
    }
}

/// The totals line: offers, licenses, orders.
fn totals(orders: &[PlannedOrder], format_number: impl Fn(u64) -> String) -> String {
    let offers: usize = orders.iter().map(|order| order.lines.len()).sum();
    let licenses: u64 = orders.iter().map(PlannedOrder::total_quantity).sum();
    format!(
        "{} {}, {} licenses, in {} {}",
        offers,
        if offers == 1 { "offer" } else { "offers" },
        format_number(licenses),
        orders.len(),
        if orders.len() == 1 { "order" } else { "orders" }
    )
}

/// The Review page.
#[component]
pub fn ReviewPage() -> impl IntoView {
    let context = use_wizard();
    let info = Memo::new(move |_| context.form.snapshot());
    let orders = Memo::new(move |_| {
        let chosen = context.chosen.get();
        context.catalog.with(|catalog| match catalog {
            Some(Ok(catalog)) => plan_orders(&catalog.offers, &chosen),
            _ => Vec::new(),
        })
    });
    let created = Memo::new(move |_| context.customer_created());
    let update =
        move |section: Step| Callback::new(move |()| context.go(context.wizard.get_untracked().update(section)));
    let rows = move || info.with(|info| context.rules.with(|rules| account_rows(info, rules)));
    view! {
        <PageHeading text=step_name(Step::Review).to_string() focus=context.focus_heading.get_untracked() />
        <p class="lede">"Check the customer's details and subscriptions before you submit them."</p>
        <section aria-labelledby="review-account">
            {move || {
                let update = (!created.get()).then(|| update(Step::AccountInfo));
                view! { <SectionHeading title="Account info" update /> }
            }}
            <Show when=move || created.get()>
                <p class="hint">"The customer has been created: these details can no longer change here."</p>
            </Show>
            <dl class="summary-list" id="review-account">
                {move || {
                    rows()
                        .into_iter()
                        .map(|(key, lines)| {
                            view! {
                                <div class="summary-row">
                                    <dt class="summary-key">{key}</dt>
                                    <dd class="summary-value">
                                        {lines.into_iter().map(|line| view! { <span class="summary-line-text">{line}</span> }).collect_view()}
                                    </dd>
                                </div>
                            }
                        })
                        .collect_view()
                }}
            </dl>
        </section>
        {context.resellers.map(|_| {
            let rows = move || {
                let regions = Namer::regions();
                let mut rows = vec![(
                    "Reseller".to_string(),
                    match context.reseller.get() {
                        Some(reseller) => reseller_text(&reseller, &regions),
                        None => "None: you act without a reseller".to_string(),
                    },
                )];
                let additional = context.additional_resellers.get();
                if !additional.is_empty() {
                    let names = additional.iter().map(|reseller| reseller_text(reseller, &regions)).collect::<Vec<_>>();
                    rows.push(("Additional partners of record".to_string(), names.join("; ")));
                }
                rows.into_iter()
                    .map(|(key, value)| {
                        view! {
                            <div class="summary-row">
                                <dt class="summary-key">{key}</dt>
                                <dd class="summary-value">{value}</dd>
                            </div>
                        }
                    })
                    .collect_view()
            };
            view! {
                <section aria-labelledby="review-reseller">
                    {move || {
                        let update = (!created.get()).then(|| update(Step::AccountInfo));
                        view! { <SectionHeading title="Reseller" update /> }
                    }}
                    <dl class="summary-list" id="review-reseller">{rows}</dl>
                </section>
            }
        })}
        <section aria-labelledby="review-subscriptions-title">
            <SectionHeading title="Subscriptions" update=update(Step::Subscriptions) />
            <table class="table" id="review-subscriptions">
                <caption class="visually-hidden" id="review-subscriptions-title">"Chosen subscriptions"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Offer"</th>
                        <th scope="col" class="numeric">"Licenses"</th>
                        <th scope="col">"Billing cycle"</th>
                        <th scope="col">"Order"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        orders
                            .get()
                            .into_iter()
                            .enumerate()
                            .flat_map(|(index, order)| {
                                order.lines.into_iter().map(move |line| {
                                    view! {
                                        <tr>
                                            <th scope="row">{line.friendly_name}</th>
                                            <td class="numeric">{format_number(line.quantity)}</td>
                                            <td>{billing_cycle_name(&order.billing_cycle)}</td>
                                            <td>{format!("Order {}", index + 1)}</td>
                                        </tr>
                                    }
                                })
                            })
                            .collect_view()
                    }}
                </tbody>
                <tfoot>
                    <tr>
                        <th scope="row">"Total"</th>
                        <td colspan="3">{move || orders.with(|orders| totals(orders, format_number))}</td>
                    </tr>
                </tfoot>
            </table>
        </section>
        <SubmitPanel orders=orders />
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::order_plan::OrderLineItem;

    #[test]
    fn totals_in_words() {
        let line = |quantity| OrderLineItem {
            line_item_number: 0,
            offer_id: "x".into(),
            friendly_name: "x".into(),
            quantity,
            partner_id_on_record: None,
            additional_partner_ids_on_record: None,
        };
        let order = |lines| PlannedOrder { sales_group_id: "Default".into(), billing_cycle: "monthly".into(), lines };
        let plain = |n: u64| n.to_string();
        assert_eq!(
            totals(&[order(vec![line(10), line(10)]), order(vec![line(1)])], plain),
            "3 offers, 21 licenses, in 2 orders"
        );
        assert_eq!(totals(&[order(vec![line(1)])], plain), "1 offer, 1 licenses, in 1 order");
    }
}
