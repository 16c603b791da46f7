//! The Account info page: every field of the customer, checked in the browser on "Next".

use super::agreement_section::AgreementSection;
use super::browser::today;
use super::checkbox_field::CheckboxField;
use super::domain_check::DomainStatus;
use super::domain_field::DomainField;
use super::error_summary::ErrorSummary;
use super::intl::{sort_by_name, Namer};
use super::messages::{error_text, label};
use super::page_heading::PageHeading;
use super::reseller_section::ResellerSection;
use super::select_field::SelectField;
use super::step_indicator::step_name;
use super::text_field::TextField;
use super::wizard_context::{use_wizard, ServerIssue, WizardContext};
use crate::api::DomainAvailability;
use crate::domain::account_validation::{validate_account, FieldIssue, ValidationContext};
use crate::domain::builtin_countries::countries;
use crate::domain::field::Field;
use crate::domain::field_error::FieldError;
use crate::domain::reseller::check_reseller_choice;
use crate::domain::rules::domain_prefix::{check_domain_prefix, full_domain};
use crate::domain::wizard::Step;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The countries offered, named in the UI language and sorted by name.
fn country_options(market: &[String]) -> Vec<(String, String)> {
    let namer = Namer::regions();
    let mut options: Vec<(String, String)> = countries()
        .iter()
        .filter(|country| market.is_empty() || market.contains(&country.iso2))
        .map(|country| (country.iso2.clone(), namer.name(&country.iso2)))
        .collect();
    sort_by_name(&mut options);
    options
}

/// Codes named by the browser (languages, cultures), in the given order.
fn language_options(codes: &[String]) -> Vec<(String, String)> {
    let namer = Namer::languages();
    codes.iter().map(|code| (code.clone(), namer.name(code))).collect()
}

/// Every problem of the page, the domain's availability included.
fn page_issues(context: &WizardContext) -> Vec<FieldIssue> {
    let info = context.form.snapshot();
    let rules = context.rules.get();
    let partner_domains = context.config.with_value(|config| config.partner_domains.clone());
    let validation = ValidationContext { rules: &rules, today: today(), partner_domains: &partner_domains };
    let mut issues = validate_account(&info, &validation);
    if context.resellers.is_some() {
        let own = context.config.with_value(|config| config.partner_mpn_id.clone());
        let choice = context.reseller_choice();
        if let Err(error) =
            check_reseller_choice(&choice, &info.country, own.as_deref(), |mpn_id| context.reseller_signed(mpn_id))
        {
            issues.push(FieldIssue { field: error.field(), error: FieldError::Reseller(error) });
        }
    }
    if let Some(ServerIssue::Field { field, value, message }) = context.server_issue.get() {
        let unchanged = context.form.text(field).with(|current| *current == value);
        if unchanged && !issues.iter().any(|issue| issue.field == field) {
            issues.push(FieldIssue { field, error: FieldError::Server(message) });
        }
    }
    if !issues.iter().any(|issue| issue.field == Field::DomainPrefix) {
        let domain = full_domain(&info.domain_prefix);
        let error = context.domain_check.status.with(|status| match status {
            DomainStatus::Answered(checked, DomainAvailability::Taken) if *checked == domain => {
                Some(FieldError::DomainTaken)
            }
            DomainStatus::Failed(checked, _) if *checked == domain => Some(FieldError::DomainCheckFailed),
            _ => None,
        });
        if let Some(error) = error {
            issues.push(FieldIssue { field: Field::DomainPrefix, error });
        }
    }
    // Page order: the fields are declared in it.
    issues.sort_by_key(|issue| issue.field);
    issues
}

/// Keeps the language, culture and state valid for a newly chosen country: values the new
/// country supports stay, the others give way to its defaults.
fn follow_country_rules(context: WizardContext) {
    Effect::new(move |_| {
        let rules = context.rules.get();
        let form = context.form;
        let language = form.text(Field::Language);
        if !rules.languages().contains(&language.get_untracked()) {
            language.set(rules.preselected_language().unwrap_or_default().to_string());
        }
        let culture = form.text(Field::Culture);
        if !rules.cultures().contains(&culture.get_untracked()) {
            culture.set(rules.preselected_culture().unwrap_or_default().to_string());
        }
        let state = form.text(Field::State);
        let states = rules.states();
        if !states.is_empty() && !state.with_untracked(|state| state.is_empty() || states.contains(state)) {
            state.set(String::new());
        }
    });
}

/// The Account info page.
#[component]
pub fn AccountPage() -> impl IntoView {
    let context = use_wizard();
    let form = context.form;
    let rules = context.rules;
    // Arriving to correct what the endpoint refused, the errors show at once.
    let show_errors =
        RwSignal::new(context.server_issue.with_untracked(|issue| matches!(issue, Some(ServerIssue::Field { .. }))));
    let focus_request = RwSignal::new(0u32);
    let busy = RwSignal::new(false);
    follow_country_rules(context);

    let issues = Memo::new(move |_| page_issues(&context));
    let visible = Memo::new(move |_| if show_errors.get() { issues.get() } else { Vec::new() });
    let message = move |field: Field| {
        visible.with(|issues| {
            issues
                .iter()
                .find(|issue| issue.field == field)
                .map(|issue| rules.with(|rules| error_text(field, &issue.error, rules)))
        })
    };
    let error = move |field: Field| Signal::derive(move || message(field));
    let summary = Signal::derive(move || {
        visible.with(|issues| {
            rules.with(|rules| {
                issues
                    .iter()
                    .map(|issue| (issue.field.id().to_string(), error_text(issue.field, &issue.error, rules)))
                    .collect()
            })
        })
    });
    let label_of = move |field: Field| Signal::derive(move || rules.with(|rules| label(field, rules)));

    let market = context.config.with_value(|config| config.countries.clone());
    let countries = Signal::stored(country_options(&market));
    let languages = Signal::derive(move || rules.with(|rules| language_options(rules.languages())));
    let cultures = Signal::derive(move || rules.with(|rules| language_options(rules.cultures())));
    let states = Signal::derive(move || {
        rules.with(|rules| {
            rules.states().iter().map(|code| (code.clone(), rules.state_name(code).to_string())).collect()
        })
    });
    let next_label = move || match context.wizard.get().next_step() {
        Some(step) => format!("Next: {}", step_name(step)),
        None => "Next".to_string(),
    };

    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if busy.get_untracked() {
            return;
        }
        show_errors.set(true);
        busy.set(true);
        let prefix = form.text(Field::DomainPrefix).get_untracked();
        let api = context.api();
        spawn_local(async move {
            if check_domain_prefix(&prefix).is_ok() {
                context.domain_check.check_now(api, full_domain(&prefix)).await;
            }
            busy.try_set(false);
            match issues.try_get_untracked() {
                Some(issues) if issues.is_empty() => context.go(context.wizard.get_untracked().next()),
                Some(_) => {
                    focus_request.try_update(|request| *request += 1);
                }
                None => {}
            }
        });
    };

    view! {
        <PageHeading text=step_name(Step::AccountInfo).to_string() focus=context.focus_heading.get_untracked() />
        <ErrorSummary errors=summary focus_request=focus_request />
        <p class="lede">"Enter the customer's details exactly as their organization is registered."</p>
        <p class="existing-customer">
            "The customer already exists? "
            <button
                type="button"
                class="button-link"
                on:click=move |_| context.show_relationship_request(true)
            >
                "Request a relationship"
            </button>
            " instead of creating a duplicate."
        </p>
        <form class="form" novalidate on:submit=on_submit>
            <SelectField
                id=Field::Country.id()
                label=label_of(Field::Country)
                hint="Choose this first: it decides which address details the customer needs."
                value=form.text(Field::Country)
                options=countries
                placeholder="Select a country or region"
                error=error(Field::Country)
                autocomplete="country"
            />
            <ResellerSection error=Callback::new(message) />
            <fieldset class="fieldset">
                <legend class="fieldset-legend">"Company"</legend>
                <TextField
                    id=Field::CompanyName.id()
                    label=label_of(Field::CompanyName)
                    hint="The exact legal name, as registered."
                    value=form.text(Field::CompanyName)
                    error=error(Field::CompanyName)
                    autocomplete="organization"
                />
                <DomainField error=error(Field::DomainPrefix) />
            </fieldset>
            <fieldset class="fieldset">
                <legend class="fieldset-legend">"Address"</legend>
                <TextField
                    id=Field::AddressLine1.id()
                    label=label_of(Field::AddressLine1)
                    value=form.text(Field::AddressLine1)
                    error=error(Field::AddressLine1)
                    autocomplete="address-line1"
                />
                <TextField
                    id=Field::AddressLine2.id()
                    label=label_of(Field::AddressLine2)
                    value=form.text(Field::AddressLine2)
                    error=error(Field::AddressLine2)
                    optional=true
                    autocomplete="address-line2"
                />
                <TextField
                    id=Field::City.id()
                    label=label_of(Field::City)
                    value=form.text(Field::City)
                    error=error(Field::City)
                    optional=Signal::derive(move || !rules.with(|rules| rules.requires_city()))
                    autocomplete="address-level2"
                    width="width-20"
                />
                {move || {
                    let (asks, has_list, required) =
                        rules.with(|rules| (rules.asks_for_state(), !rules.states().is_empty(), rules.requires_state()));
                    match (asks, has_list) {
                        (false, _) => None,
                        (true, true) => Some(
                            view! {
                                <SelectField
                                    id=Field::State.id()
                                    label=label_of(Field::State)
                                    value=form.text(Field::State)
                                    options=states
                                    placeholder="Select a state or province"
                                    error=error(Field::State)
                                    optional=!required
                                    autocomplete="address-level1"
                                />
                            }
                                .into_any(),
                        ),
                        (true, false) => Some(
                            view! {
                                <TextField
                                    id=Field::State.id()
                                    label=label_of(Field::State)
                                    value=form.text(Field::State)
                                    error=error(Field::State)
                                    optional=!required
                                    autocomplete="address-level1"
                                    width="width-20"
                                />
                            }
                                .into_any(),
                        ),
                    }
                }}
                <TextField
                    id=Field::PostalCode.id()
                    label=label_of(Field::PostalCode)
                    hint=Signal::derive(move || {
                        rules.with(|rules| match &rules.postal_code_example {
                            Some(example) => format!("For example {example}"),
                            None => String::new(),
                        })
                    })
                    value=form.text(Field::PostalCode)
                    error=error(Field::PostalCode)
                    optional=Signal::derive(move || !rules.with(|rules| rules.requires_postal_code()))
                    autocomplete="postal-code"
                    width="width-10"
                />
                <TextField
                    id=Field::Phone.id()
                    label=label_of(Field::Phone)
                    hint=Signal::derive(move || {
                        rules.with(|rules| match rules.iso2_code.as_deref() {
                            Some("US") | Some("CA") => "For example 425-555-0101, without +1.".to_string(),
                            _ if rules.requires_phone() => "Required in this country. Include the area code.".to_string(),
                            _ => "Include the area code.".to_string(),
                        })
                    })
                    value=form.text(Field::Phone)
                    error=error(Field::Phone)
                    optional=Signal::derive(move || !rules.with(|rules| rules.requires_phone()))
                    input_type="tel"
                    autocomplete="tel"
                    width="width-20"
                />
            </fieldset>
            <Show when=move || rules.with(|rules| rules.requires_registration_number())>
                <TextField
                    id=Field::RegistrationNumber.id()
                    label=label_of(Field::RegistrationNumber)
                    hint=Signal::derive(move || {
                        rules.with(|rules| match &rules.customer_organization_registration_number_sample {
                            Some(sample) => format!("Required in this country. For example {sample}"),
                            None => "Required in this country.".to_string(),
                        })
                    })
                    value=form.text(Field::RegistrationNumber)
                    error=error(Field::RegistrationNumber)
                    width="width-20"
                />
            </Show>
            <fieldset class="fieldset">
                <legend class="fieldset-legend">"Language for emails and invoices"</legend>
                <SelectField
                    id=Field::Language.id()
                    label=label_of(Field::Language)
                    value=form.text(Field::Language)
                    options=languages
                    placeholder="Select a language"
                    error=error(Field::Language)
                />
                <SelectField
                    id=Field::Culture.id()
                    label=label_of(Field::Culture)
                    value=form.text(Field::Culture)
                    options=cultures
                    placeholder="Select a culture"
                    error=error(Field::Culture)
                />
            </fieldset>
            <fieldset class="fieldset">
                <legend class="fieldset-legend">"Primary contact"</legend>
                <p class="hint">"The person at the customer who receives the account's emails."</p>
                <TextField
                    id=Field::FirstName.id()
                    label=label_of(Field::FirstName)
                    value=form.text(Field::FirstName)
                    error=error(Field::FirstName)
                    autocomplete="given-name"
                    width="width-20"
                />
                <TextField
                    id=Field::LastName.id()
                    label=label_of(Field::LastName)
                    value=form.text(Field::LastName)
                    error=error(Field::LastName)
                    autocomplete="family-name"
                    width="width-20"
                />
                <TextField
                    id=Field::Email.id()
                    label=label_of(Field::Email)
                    value=form.text(Field::Email)
                    error=error(Field::Email)
                    input_type="email"
                    autocomplete="email"
                />
            </fieldset>
            <AgreementSection error=Callback::new(message) />
            <fieldset class="fieldset">
                <legend class="fieldset-legend">"Granular delegated admin privileges (GDAP)"</legend>
                <CheckboxField
                    id="gdap-by-default"
                    label="Request the Default GDAP relationship"
                    hint="Gives you the standard least-privilege admin roles for this customer. Recommended."
                    checked=form.gdap_by_default
                />
            </fieldset>
            <div class="actions">
                <button type="submit" class="button" aria-disabled=move || busy.get().then_some("true")>
                    {next_label}
                </button>
                <Show when=move || busy.get()>
                    <span class="busy" role="status">"Checking…"</span>
                </Show>
            </div>
        </form>
    }
}
