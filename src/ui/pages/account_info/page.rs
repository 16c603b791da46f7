//! The Account info page: every field of the customer, checked in the browser on "Next".

use crate::api::DomainAvailability;
use crate::domain::account::address_check::{AddressVerdict, PostalAddress};
use crate::domain::account::field::Field;
use crate::domain::account::field_error::FieldError;
use crate::domain::account::reseller::check_reseller_choice;
use crate::domain::account::rules::domain_prefix::{check_domain_prefix, full_domain};
use crate::domain::account::validation::FieldIssue;
use crate::domain::common::stable_sort::sort_with_key;
use crate::domain::country::countries::country_codes;
use crate::domain::country::country_rules::{AddressPart, CountryRules};
use crate::domain::wizard::steps::Step;
use crate::ui::common::effect::effect;
use crate::ui::common::intl::{sort_by_name, Namer};
use crate::ui::common::load_failed::LoadFailed;
use crate::ui::common::page_heading::PageHeading;
use crate::ui::embed::scope::use_scope;
use crate::ui::fields::account_field::{AccountField, ShownErrors};
use crate::ui::fields::checkbox_field::CheckboxField;
use crate::ui::fields::error_summary::ErrorSummary;
use crate::ui::fields::select_field::SelectField;
use crate::ui::i18n::{use_i18n, Locale, Text};
use crate::ui::pages::account_info::address_review::{AddressReview, AddressReviewPanel};
use crate::ui::pages::account_info::agreement_section::AgreementSection;
use crate::ui::pages::account_info::domain_name_field::DomainNameField;
use crate::ui::pages::account_info::qualification_section::QualificationSection;
use crate::ui::pages::account_info::reseller_section::ResellerSection;
use crate::ui::state::domain_name_check::DomainNameStatus;
use crate::ui::state::submit::ServerIssue;
use crate::ui::state::wizard_state::{use_wizard_state, WizardState};
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::json;

/// The countries offered, named in the UI language and sorted by its collation.
fn country_options(market: &[String], locale: Locale) -> Vec<(String, String)> {
    let namer = Namer::regions(locale);
    let mut options: Vec<(String, String)> = country_codes()
        .filter(|code| market.is_empty() || market.iter().any(|offered| offered == code))
        .map(|code| (code.to_string(), namer.name(code)))
        .collect();
    sort_by_name(&mut options, locale);
    options
}

/// The option of the chosen country alone (none while none is chosen).
fn country_option(code: &str, locale: Locale) -> Vec<(String, String)> {
    if code.is_empty() {
        return Vec::new();
    }
    vec![(code.to_string(), Namer::regions(locale).name(code))]
}

/// Codes named by the browser (languages, cultures) in the UI language, in the given order.
fn language_options(codes: &[String], locale: Locale) -> Vec<(String, String)> {
    // The browser's first `Intl.DisplayNames` of languages loads all their names (some 50 ms):
    // not for an empty list, which is what the page starts with, before a country is chosen.
    if codes.is_empty() {
        return Vec::new();
    }
    let namer = Namer::languages(locale);
    codes.iter().map(|code| (code.clone(), namer.name(code))).collect()
}

/// A field's place on the page: the address fields in the country's order (`parts`), the others
/// in the order they are declared.
fn page_position(field: Field, parts: &[AddressPart]) -> (Field, usize) {
    let part = match field {
        Field::AddressLine1 | Field::AddressLine2 => AddressPart::Street,
        Field::City => AddressPart::City,
        Field::State => AddressPart::State,
        Field::PostalCode => AddressPart::PostalCode,
        other => return (other, 0),
    };
    let index = parts.iter().position(|shown| *shown == part).unwrap_or(usize::MAX / 2);
    (Field::AddressLine1, index * 2 + usize::from(field == Field::AddressLine2))
}

/// Every problem of the page, the domain's availability included.
fn page_issues(state: &WizardState) -> Vec<FieldIssue> {
    let info = state.account.form.snapshot();
    let rules = state.account.rules.get();
    let mut issues = state.account.account_issues(&info, &rules);
    if state.resellers.is_indirect() {
        let own = state.wizard.config.with_value(|config| config.partner_mpn_id.clone());
        let choice = state.resellers.choice();
        if let Err(error) =
            check_reseller_choice(&choice, &info.country, own.as_deref(), |mpn_id| state.resellers.signed(mpn_id))
        {
            issues.push(FieldIssue { field: error.field(), error: FieldError::Reseller(error) });
        }
    }
    if let Some(ServerIssue::Field { field, value, message }) = state.submit.server_issue.get() {
        let unchanged = state.account.form.text(field).with(|current| *current == value);
        if unchanged && !issues.iter().any(|issue| issue.field == field) {
            issues.push(FieldIssue { field, error: FieldError::Server(message) });
        }
    }
    if !issues.iter().any(|issue| issue.field == Field::DomainPrefix) {
        let domain = full_domain(&info.domain_prefix);
        let error = state.account.domain_check.status.with(|status| match status {
            DomainNameStatus::Answered(checked, DomainAvailability::Taken) if *checked == domain => {
                Some(FieldError::DomainTaken)
            }
            DomainNameStatus::Failed(checked, _) if *checked == domain => Some(FieldError::DomainCheckFailed),
            _ => None,
        });
        if let Some(error) = error {
            issues.push(FieldIssue { field: Field::DomainPrefix, error });
        }
    }
    let parts = rules.address_parts();
    sort_with_key(&mut issues, |issue| page_position(issue.field, &parts));
    issues
}

/// Keeps the language, culture and state valid for a newly chosen country: values the new
/// country supports stay, the others give way to its defaults.
fn follow_country_rules(state: WizardState) {
    effect(move || {
        let rules = state.account.rules.get();
        let form = state.account.form;
        // Until the country's rules are in, there is nothing to check against: a restored draft's
        // language and culture stay.
        let language = form.text(Field::Language);
        if !rules.languages().is_empty() && !rules.languages().contains(&language.get_untracked()) {
            language.set(rules.preselected_language().unwrap_or_default().to_string());
        }
        let culture = form.text(Field::Culture);
        if !rules.cultures().is_empty() && !rules.cultures().contains(&culture.get_untracked()) {
            culture.set(rules.preselected_culture().unwrap_or_default().to_string());
        }
        let state = form.text(Field::State);
        let states = rules.states();
        if !states.is_empty() && !state.with_untracked(|state| state.is_empty() || states.contains(state)) {
            state.set(String::new());
        }
    });
}

/// Asks the endpoint about the address on "Next", unless this very address was settled before.
/// `Some` holds what the user must decide; `None` means go on.
async fn address_to_review(state: WizardState) -> Option<AddressReview> {
    let typed = PostalAddress::of_account(&state.account.form.snapshot_untracked());
    if state
        .account
        .address_confirmed
        .with_untracked(|confirmed| confirmed.as_ref().is_some_and(|done| done.same_as(&typed)))
    {
        return None;
    }
    // The check is optional: an endpoint without it, or one that fails, does not hold the user.
    let answer = state.wizard.api().validate_address(&typed).await.ok().flatten()?;
    match answer.verdict(&typed) {
        AddressVerdict::Accepted => {
            state.account.address_confirmed.try_set(Some(typed));
            None
        }
        verdict => Some(AddressReview { typed, verdict }),
    }
}

/// The Account info page.
#[component]
pub fn AccountPage() -> impl IntoView {
    let state = use_wizard_state();
    let i18n = use_i18n();
    let scope = use_scope();
    let form = state.account.form;
    let rules = state.account.rules;
    // Arriving to correct what the endpoint refused, the errors show at once.
    let show_errors = RwSignal::new(
        state.submit.server_issue.with_untracked(|issue| matches!(issue, Some(ServerIssue::Field { .. }))),
    );
    let focus_request = RwSignal::new(0u32);
    let busy = RwSignal::new(None::<Text>);
    let review = RwSignal::new(None::<AddressReview>);
    follow_country_rules(state);

    let issues = Memo::new(move |_| page_issues(&state));
    let visible = Memo::new(move |_| if show_errors.get() { issues.get() } else { Vec::new() });
    let message = move |field: Field| {
        visible.with(|issues| {
            issues
                .iter()
                .find(|issue| issue.field == field)
                .map(|issue| rules.with(|rules| i18n.messages().error_text(field, &issue.error, rules)))
        })
    };
    let shown = ShownErrors(Callback::new(message));
    provide_context(shown);
    let error = move |field: Field| shown.of(field);
    let summary = Signal::derive(move || {
        let messages = i18n.messages();
        visible.with(|issues| {
            rules.with(|rules| {
                issues
                    .iter()
                    .map(|issue| (issue.field.id().to_string(), messages.error_text(issue.field, &issue.error, rules)))
                    .collect()
            })
        })
    });
    let label_of = move |field: Field| Signal::derive(move || rules.with(|rules| i18n.messages().label(field, rules)));

    let market = state.wizard.config.with_value(|config| config.countries.clone());
    // Naming and sorting some 250 countries (and the browser's first load of its locale data,
    // for the collator) is the costliest part of this page's first render, and the first paint
    // needs none of it: until the page is on screen, or the user reaches the field, the list
    // holds only the chosen country.
    let whole_country_list = RwSignal::new(false);
    scope.after_shown(move || {
        whole_country_list.try_set(true);
    });
    let chosen_country = form.text(Field::Country);
    let countries = Signal::derive(move || {
        if whole_country_list.get() {
            country_options(&market, i18n.locale())
        } else {
            chosen_country.with(|code| country_option(code, i18n.locale()))
        }
    });
    let languages = Signal::derive(move || rules.with(|rules| language_options(rules.languages(), i18n.locale())));
    let cultures = Signal::derive(move || rules.with(|rules| language_options(rules.cultures(), i18n.locale())));
    let states = Signal::derive(move || {
        let language = i18n.locale().tag();
        rules.with(|rules| {
            let mut states: Vec<(String, String)> = rules
                .states()
                .iter()
                .map(|code| (code.clone(), rules.state_name(code, language).to_string()))
                .collect();
            sort_by_name(&mut states, i18n.locale());
            states
        })
    });
    let next_label = move || match state.wizard.position.get().next_step() {
        Some(step) => i18n.messages().next_to(step),
        None => i18n.messages().text(Text::Next).to_string(),
    };
    // The address parts in the country's order, and whether the state is picked from a list:
    // the fields are re-created only when this changes, not on every change of the rules.
    let address_shape = Memo::new(move |_| {
        rules.with(|rules| (rules.address_parts(), !rules.states().is_empty(), rules.requires_state()))
    });
    let optional_unless = move |required: fn(&CountryRules) -> bool| Signal::derive(move || !rules.with(required));

    let go_on = move || state.wizard.go(state.wizard.position.get_untracked().next());
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if busy.get_untracked().is_some() {
            return;
        }
        show_errors.set(true);
        busy.set(Some(Text::Checking));
        let prefix = form.text(Field::DomainPrefix).get_untracked();
        let api = state.wizard.api();
        spawn_local(async move {
            if check_domain_prefix(&prefix).is_ok() {
                state.account.domain_check.check_now(api, full_domain(&prefix)).await;
            }
            match issues.try_get_untracked() {
                Some(issues) if issues.is_empty() => {
                    busy.try_set(Some(Text::CheckingAddress));
                    match address_to_review(state).await {
                        Some(found) => {
                            review.try_set(Some(found));
                        }
                        None => go_on(),
                    }
                }
                Some(issues) => {
                    let fields: Vec<&str> = issues.iter().map(|issue| issue.field.id()).collect();
                    scope.emit("invalid", &json!({"step": Step::AccountInfo.key(), "fields": fields}));
                    focus_request.try_update(|request| *request += 1);
                }
                None => {}
            }
            busy.try_set(None);
        });
    };
    let on_review_done = Callback::new(move |chosen: Option<PostalAddress>| {
        review.set(None);
        match chosen {
            Some(address) => {
                form.set_address(&address);
                state.account.address_confirmed.set(Some(address));
                go_on();
            }
            // Back to the form, at the first address field.
            None => scope.focus_soon(Field::AddressLine1.id()),
        }
    });

    let state_field = move |has_list: bool, required: bool| {
        if has_list {
            view! {
                <SelectField
                    id=Field::State.id()
                    label=label_of(Field::State)
                    value=form.text(Field::State)
                    options=states
                    placeholder=i18n.signal(Text::StatePlaceholder)
                    error=error(Field::State)
                    optional=!required
                    autocomplete="address-level1"
                />
            }
            .into_any()
        } else {
            view! {
                <AccountField
                    field=Field::State
                    optional=!required
                    autocomplete="address-level1"
                    width="width-20"
                />
            }
            .into_any()
        }
    };
    let address_fields = move || {
        let (parts, has_list, state_required) = address_shape.get();
        parts
            .into_iter()
            .map(|part| match part {
                AddressPart::Street => view! {
                    <AccountField
                        field=Field::AddressLine1
                        autocomplete="address-line1"
                    />
                    <AccountField
                        field=Field::AddressLine2
                        optional=true
                        autocomplete="address-line2"
                    />
                }
                .into_any(),
                AddressPart::City => view! {
                    <AccountField
                        field=Field::City
                        optional=optional_unless(CountryRules::requires_city)
                        autocomplete="address-level2"
                        width="width-20"
                    />
                }
                .into_any(),
                AddressPart::State => state_field(has_list, state_required),
                AddressPart::PostalCode => view! {
                    <AccountField
                        field=Field::PostalCode
                        hint=Signal::derive(move || {
                            rules.with(|rules| {
                                rules
                                    .postal_code_example
                                    .as_deref()
                                    .map(|example| i18n.messages().for_example(example))
                                    .unwrap_or_default()
                            })
                        })
                        optional=optional_unless(CountryRules::requires_postal_code)
                        autocomplete="postal-code"
                        width="width-10"
                    />
                }
                .into_any(),
            })
            .collect_view()
    };
    let file_failed = move || match state.account.country_file.get().flatten() {
        Some(Err(error)) => Some(view! {
            <LoadFailed what=Text::CountryRules error retry=Callback::new(move |()| state.account.country_file.refetch()) />
        }),
        _ => None,
    };

    let the_form = view! {
        <ErrorSummary errors=summary focus_request=focus_request />
        <p class="lede">{i18n.text(Text::LedeAccount)}</p>
        <p class="existing-customer">
            {i18n.text(Text::ExistingCustomerBefore)}
            <button type="button" class="button-link" on:click=move |_| state.wizard.show_relationship_request(true)>
                {i18n.text(Text::RequestRelationship)}
            </button>
            {i18n.text(Text::ExistingCustomerAfter)}
        </p>
        <form class="form" novalidate on:submit=on_submit>
            <SelectField
                id=Field::Country.id()
                label=label_of(Field::Country)
                hint=i18n.signal(Text::CountryHint)
                value=form.text(Field::Country)
                options=countries
                whole_list=whole_country_list
                width="width-wide"
                placeholder=i18n.signal(Text::CountryPlaceholder)
                error=error(Field::Country)
                autocomplete="country"
            />
            {file_failed}
            <ResellerSection />
            <fieldset class="fieldset">
                <legend class="fieldset-legend">{i18n.text(Text::Company)}</legend>
                <AccountField
                    field=Field::CompanyName
                    hint=i18n.signal(Text::CompanyHint)
                    autocomplete="organization"
                />
                <DomainNameField error=error(Field::DomainPrefix) />
            </fieldset>
            <fieldset class="fieldset">
                <legend class="fieldset-legend">{i18n.text(Text::Address)}</legend>
                {address_fields}
                <AccountField
                    field=Field::Phone
                    hint=Signal::derive(move || rules.with(|rules| i18n.messages().phone_hint(rules)))
                    optional=optional_unless(CountryRules::requires_phone)
                    input_type="tel"
                    autocomplete="tel"
                    width="width-20"
                />
            </fieldset>
            <Show when=move || rules.with(|rules| rules.requires_registration_number())>
                <AccountField
                    field=Field::RegistrationNumber
                    hint=Signal::derive(move || {
                        rules.with(|rules| {
                            i18n.messages()
                                .registration_hint(rules.customer_organization_registration_number_sample.as_deref())
                        })
                    })
                    width="width-20"
                />
            </Show>
            <fieldset class="fieldset">
                <legend class="fieldset-legend">{i18n.text(Text::LanguageLegend)}</legend>
                <SelectField
                    id=Field::Language.id()
                    label=label_of(Field::Language)
                    value=form.text(Field::Language)
                    options=languages
                    placeholder=i18n.signal(Text::LanguagePlaceholder)
                    error=error(Field::Language)
                />
                <SelectField
                    id=Field::Culture.id()
                    label=label_of(Field::Culture)
                    value=form.text(Field::Culture)
                    options=cultures
                    placeholder=i18n.signal(Text::CulturePlaceholder)
                    error=error(Field::Culture)
                />
            </fieldset>
            <fieldset class="fieldset">
                <legend class="fieldset-legend">{i18n.text(Text::PrimaryContact)}</legend>
                <p class="hint">{i18n.text(Text::PrimaryContactHint)}</p>
                <AccountField
                    field=Field::FirstName
                    autocomplete="given-name"
                    width="width-20"
                />
                <AccountField
                    field=Field::LastName
                    autocomplete="family-name"
                    width="width-20"
                />
                <AccountField
                    field=Field::Email
                    input_type="email"
                    autocomplete="email"
                />
            </fieldset>
            <QualificationSection />
            <AgreementSection />
            <fieldset class="fieldset">
                <legend class="fieldset-legend">{i18n.text(Text::GdapLegend)}</legend>
                <CheckboxField
                    id="gdap-by-default"
                    label=i18n.signal(Text::GdapLabel)
                    hint=i18n.signal(Text::GdapHint)
                    checked=form.gdap_by_default
                />
            </fieldset>
            <div class="actions">
                <button type="submit" class="button" part="button" aria-disabled=move || busy.get().map(|_| "true")>
                    {next_label}
                </button>
                {move || busy.get().map(|text| view! { <span class="busy" role="status">{i18n.text(text)}</span> })}
            </div>
        </form>
    };

    view! {
        <PageHeading
            text=Signal::derive(move || i18n.messages().step_name(Step::AccountInfo).to_string())
            focus=state.wizard.focus_heading.get_untracked()
        />
        <div hidden=move || review.with(Option::is_some)>{the_form}</div>
        {move || review.get().map(|found| view! { <AddressReviewPanel review=found done=on_review_done /> })}
    }
}
