//! The Review page, GOV.UK's "check your answers": the Account info and Subscriptions sections,
//! each with its Update, the totals, and Submit with its progress.

use crate::domain::account::account_info::{AccountInfo, AgreementMethod};
use crate::domain::account::field::Field;
use crate::domain::account::rules::domain_prefix::full_domain;
use crate::domain::commerce::lines::PlannedLine;
use crate::domain::commerce::qualification::QualificationChoice;
use crate::domain::common::calendar_date::CalendarDate;
use crate::domain::common::letter_case::lower_case;
use crate::domain::country::country_rules::CountryRules;
use crate::domain::wizard::steps::Step;
use crate::ui::common::intl::{format_date, format_number, Namer};
use crate::ui::common::line_words::{line_title, term_and_billing};
use crate::ui::common::load_failed::LoadFailed;
use crate::ui::common::page_heading::PageHeading;
use crate::ui::common::price_words::{line_price_words, totals_words, PriceListNotice};
use crate::ui::i18n::{use_i18n, Locale, Text};
use crate::ui::pages::account_info::reseller_section::reseller_text;
use crate::ui::pages::review::submit_panel::SubmitPanel;
use crate::ui::state::account::use_account;
use crate::ui::state::catalog::use_catalog;
use crate::ui::state::prices::use_prices;
use crate::ui::state::resellers::use_resellers;
use crate::ui::state::submit::use_submit;
use crate::ui::state::wizard::use_wizard;
use leptos::prelude::*;

/// The Account info section's rows: `(key, lines of the value)`, in `locale`.
fn account_rows(info: &AccountInfo, rules: &CountryRules, locale: Locale) -> Vec<(String, Vec<String>)> {
    let messages = locale.messages();
    let label = |field: Field| messages.label(field, rules);
    let or_not_provided = |value: &str| match value.trim() {
        "" => messages.text(Text::NotProvided).to_string(),
        value => value.to_string(),
    };
    let regions = Namer::regions(locale);
    let languages = Namer::languages(locale);
    let mut address: Vec<String> = [&info.address_line1, &info.address_line2, &info.city]
        .into_iter()
        .map(|line| line.trim().to_string())
        .filter(|line| !line.is_empty())
        .collect();
    let state = if rules.asks_for_state() {
        rules.state_name(info.state.trim(), locale.tag()).to_string()
    } else {
        String::new()
    };
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
        (label(Field::Country), vec![regions.name(&info.country)]),
        (label(Field::CompanyName), vec![info.company_name.trim().to_string()]),
        (
            messages.text(Text::Domain).to_string(),
            vec![domain.clone(), format!("{}admin@{domain}", messages.text(Text::AdminSignInName))],
        ),
        (messages.text(Text::Address).to_string(), address),
        (label(Field::Phone), vec![or_not_provided(&info.phone)]),
    ];
    if rules.requires_registration_number() {
        rows.push((label(Field::RegistrationNumber), vec![info.registration_number.trim().to_string()]));
    }
    rows.push((label(Field::Language), vec![languages.name(&info.language)]));
    rows.push((label(Field::Culture), vec![languages.name(&info.culture)]));
    rows.push((
        messages.text(Text::PrimaryContact).to_string(),
        vec![format!("{} {}", info.first_name.trim(), info.last_name.trim()), info.email.trim().to_string()],
    ));
    let agreement = match info.agreement.method {
        AgreementMethod::AttestNow => {
            let signer = info.effective_signer();
            let date =
                CalendarDate::parse(&info.agreement.date).map(|date| format_date(date, locale)).unwrap_or_default();
            let name = format!("{} {}", signer.first_name.trim(), signer.last_name.trim());
            vec![messages.accepted_on(&date), messages.accepted_by(&name, signer.email.trim())]
        }
        AgreementMethod::AdminCenter => {
            vec![messages.text(Text::AdminCenterLater).to_string(), messages.text(Text::OrderedAfterAccept).to_string()]
        }
    };
    rows.push((messages.text(Text::MicrosoftCustomerAgreement).to_string(), agreement));
    let qualification = match &info.qualification {
        QualificationChoice::None => vec![messages.text(Text::QualificationNone).to_string()],
        QualificationChoice::Education { segment, website } => {
            let segment = if segment == "K12" { Text::SegmentK12 } else { Text::SegmentHigherEducation };
            let mut lines =
                vec![format!("{}: {}", messages.text(Text::QualificationEducation), messages.text(segment))];
            if !website.is_empty() {
                lines.push(website.clone());
            }
            lines
        }
        QualificationChoice::StateOwnedEntity => vec![messages.text(Text::QualificationStateOwned).to_string()],
        QualificationChoice::GovernmentCommunityCloud { validation_code } => {
            vec![messages.text(Text::QualificationGcc).to_string(), validation_code.clone()]
        }
    };
    rows.push((messages.text(Text::SpecialQualification).to_string(), qualification));
    let gdap = if info.gdap_by_default { Text::Requested } else { Text::NotRequested };
    rows.push((messages.text(Text::DefaultGdap).to_string(), vec![messages.text(gdap).to_string()]));
    rows
}

/// A section's heading with its Update action.
#[component]
fn SectionHeading(#[prop(into)] title: Signal<String>, #[prop(into)] update: Option<Callback<()>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="section-heading">
            <h2 class="section-title">{title}</h2>
            {update.map(|update| {
                view! {
                    <button type="button" class="button-link" on:click=move |_| update.run(())>
                        {i18n.text(Text::Update)}
                        <span class="visually-hidden">{move || format!(" {}", lower_case(&title.get()))}</span>
                    </button>
                }
            })}
        </div>
    }
}

/// The totals line: subscriptions and licenses (usage-based lines count no licence).
fn totals(lines: &[PlannedLine], locale: Locale) -> String {
    let licenses: u64 = lines.iter().filter(|line| !line.is_usage).map(|line| line.quantity).sum();
    let number = |value: u64| format_number(value, locale);
    locale.messages().review_totals(lines.len() as u64, licenses, &number)
}

/// The Review page.
#[component]
pub fn ReviewPage() -> impl IntoView {
    let account_state = use_account();
    let catalog_state = use_catalog();
    let prices = use_prices();
    let resellers = use_resellers();
    let submit = use_submit();
    let wizard_state = use_wizard();
    let i18n = use_i18n();
    let title = move |text: Text| i18n.signal(text);
    let info = Memo::new(move |_| account_state.form.snapshot());
    let lines = Memo::new(move |_| if catalog_state.ready() { catalog_state.planned_lines() } else { Vec::new() });
    let created = Memo::new(move |_| submit.customer_created());
    let update = move |section: Step| {
        Callback::new(move |()| wizard_state.go(wizard_state.position.get_untracked().update(section)))
    };
    let priced = move || prices.list().is_some();
    let rows = move || info.with(|info| account_state.rules.with(|rules| account_rows(info, rules, i18n.locale())));
    view! {
        <PageHeading
            text=Signal::derive(move || i18n.messages().step_name(Step::Review).to_string())
            focus=wizard_state.focus_heading.get_untracked()
        />
        <p class="lede">{i18n.text(Text::LedeReview)}</p>
        <section aria-labelledby="review-account">
            {move || {
                let update = (!created.get()).then(|| update(Step::AccountInfo));
                let heading = Signal::derive(move || i18n.messages().step_name(Step::AccountInfo).to_string());
                view! { <SectionHeading title=heading update /> }
            }}
            <Show when=move || created.get()>
                <p class="hint">{i18n.text(Text::CustomerCreatedNoChange)}</p>
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
        {resellers.list.map(|_| {
            let rows = move || {
                let (locale, messages) = (i18n.locale(), i18n.messages());
                let regions = Namer::regions(locale);
                let mut rows = vec![(
                    messages.text(Text::Reseller).to_string(),
                    match resellers.reseller.get() {
                        Some(reseller) => reseller_text(&reseller, &regions, messages),
                        None => messages.text(Text::NoResellerChosen).to_string(),
                    },
                )];
                let additional = resellers.additional.get();
                if !additional.is_empty() {
                    let names = additional
                        .iter()
                        .map(|reseller| reseller_text(reseller, &regions, messages))
                        .collect::<Vec<_>>();
                    rows.push((messages.text(Text::AdditionalPartners).to_string(), names.join("; ")));
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
                        view! { <SectionHeading title=title(Text::Reseller) update /> }
                    }}
                    <dl class="summary-list" id="review-reseller">{rows}</dl>
                </section>
            }
        })}
        <section aria-labelledby="review-subscriptions-title">
            <SectionHeading title=title(Text::Subscriptions) update=update(Step::Subscriptions) />
            <PriceListNotice />
            // Until the catalog and the chosen products' terms are in (after a reload they are
            // fetched again), the chosen lines cannot be named or counted: say so rather than
            // show none.
            {move || {
                catalog_state.products.with(|products| match products {
                    None => Some(view! { <p class="loading" role="status">{i18n.text(Text::LoadingCatalog)}</p> }.into_any()),
                    Some(Err(error)) => {
                        let retry = Callback::new(move |()| catalog_state.products.refetch());
                        Some(view! { <LoadFailed what=Text::TheCatalog error=error.clone() retry /> }.into_any())
                    }
                    Some(Ok(_)) if !catalog_state.ready() => {
                        Some(view! { <p class="loading" role="status">{i18n.text(Text::LoadingCatalog)}</p> }.into_any())
                    }
                    Some(Ok(_)) => None,
                })
            }}
            <Show when=move || catalog_state.ready()>
                <table class="table" id="review-subscriptions">
                    <caption class="visually-hidden" id="review-subscriptions-title">{i18n.text(Text::ChosenSubscriptions)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{i18n.text(Text::Product)}</th>
                            <th scope="col" class="numeric">{i18n.text(Text::Licenses)}</th>
                            <th scope="col">{i18n.text(Text::Term)}</th>
                            <th scope="col">{i18n.text(Text::BillingFrequency)}</th>
                            <th scope="col">{i18n.text(Text::Renewal)}</th>
                            <th scope="col">{i18n.text(Text::Cancellation)}</th>
                            <Show when=priced>
                                <th scope="col" class="numeric">{i18n.text(Text::EstimatedPrice)}</th>
                            </Show>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            let (locale, messages) = (i18n.locale(), i18n.messages());
                            let list = prices.list();
                            lines
                                .get()
                                .into_iter()
                                .map(|line| {
                                    let (term, billing) = term_and_billing(&line.term, &line.billing, locale);
                                    let quantity = if line.is_usage { "—".to_string() } else { format_number(line.quantity, locale) };
                                    let renewal = messages.text(if line.renews_automatically { Text::RenewsAutomatically } else { Text::DoesNotRenew });
                                    let cancellation = line.cancellation_window.as_deref().map_or_else(
                                        || messages.text(Text::NoRefundWindow).to_string(),
                                        |window| messages.cancellation_window(window),
                                    );
                                    let price = list.as_ref().map(|list| {
                                        let words = match list.line_price(&line) {
                                            Some(price) => line_price_words(&price, locale),
                                            None if line.is_usage => "—".to_string(),
                                            None => messages.text(Text::NotInPriceList).to_string(),
                                        };
                                        view! { <td class="numeric">{words}</td> }
                                    });
                                    view! {
                                        <tr>
                                            <th scope="row">{line_title(&line)}</th>
                                            <td class="numeric">{quantity}</td>
                                            <td class="nowrap">{term}</td>
                                            <td>{billing}</td>
                                            <td>{renewal}</td>
                                            <td>{cancellation}</td>
                                            {price}
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                    <tfoot>
                        <tr>
                            <th scope="row">{i18n.text(Text::Total)}</th>
                            <td colspan=move || if priced() { "6" } else { "5" }>{move || lines.with(|lines| totals(lines, i18n.locale()))}</td>
                        </tr>
                        {move || {
                            let locale = i18n.locale();
                            let list = prices.list()?;
                            let totals = lines.with(|lines| list.totals(lines));
                            (!totals.is_empty()).then(|| view! {
                                <tr class="price-totals">
                                    <th scope="row">{i18n.text(Text::EstimatedPrice)}</th>
                                    <td colspan="6">
                                        <span class="price-total">{totals_words(&totals, locale)}</span>
                                        " "
                                        <span class="price-basis">{prices.basis(locale)}</span>
                                    </td>
                                </tr>
                            })
                        }}
                    </tfoot>
                </table>
            </Show>
        </section>
        <SubmitPanel lines=lines />
    }
}
