//! Submit and its progress: what will happen, each stage's state, and, when a stage fails,
//! what was done, why it failed, and a retry that does not create the customer again. Which job
//! runs, and how, is [`crate::submit::session`]'s.

use crate::api::pause::pause;
use crate::api::{ApiError, DomainAvailability};
use crate::domain::account::account_info::AgreementMethod;
use crate::domain::account::field::Field;
use crate::domain::account::rules::domain_prefix::full_domain;
use crate::domain::commerce::lines::PlannedLine;
use crate::domain::wizard::steps::Step;
use crate::submit::error_target::ErrorTarget;
use crate::submit::job::{Stage, StageStatus, SubmitJob};
use crate::submit::session::{self, Entries};
use crate::ui::common::intl::format_number;
use crate::ui::common::line_words::planned_summary;
use crate::ui::common::web_lock::{is_held, try_lock, LockAttempt};
use crate::ui::embed::scope::use_scope;
use crate::ui::fields::checkbox_field::CheckboxField;
use crate::ui::i18n::{use_i18n, Counted, Locale, Messages, StageWords, Text};
use crate::ui::state::domain_name_check::DomainNameStatus;
use crate::ui::state::submit::ServerIssue;
use crate::ui::state::wizard_state::{use_wizard_state, WizardState};
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::Value;

/// A stage in words.
fn stage_name(job: &SubmitJob, stage: Stage, messages: &dyn Messages) -> String {
    let words = match stage {
        Stage::CreateCustomer => StageWords::CreateCustomer,
        Stage::AttestAgreement => StageWords::AttestAgreement,
        Stage::Qualify => StageWords::Qualify,
        Stage::Cart => {
            let products: Vec<&str> = job.lines.iter().map(|line| line.product_title.as_str()).collect();
            StageWords::Cart { products: products.join(", ") }
        }
        Stage::Checkout => StageWords::Checkout,
    };
    messages.stage_name(&words)
}

/// What a stopped job has done, in words: the stages done, and the customer kept (if created).
fn done_so_far(job: &SubmitJob, messages: &dyn Messages) -> impl IntoView {
    let done: Vec<String> = job
        .stages
        .iter()
        .filter(|state| state.status == StageStatus::Done)
        .map(|state| stage_name(job, state.stage, messages))
        .collect();
    let kept = job.customer.as_ref().map(|customer| messages.customer_kept(&customer.id));
    view! {
        {(!done.is_empty()).then(|| view! { <p>{messages.stages_done(&done.join("; "))}</p> })}
        {kept.map(|kept| view! { <p>{kept}</p> })}
    }
}

fn status_text(status: &StageStatus, messages: &dyn Messages) -> &'static str {
    messages.text(match status {
        StageStatus::Waiting => Text::StageWaiting,
        StageStatus::Running => Text::StageRunning,
        StageStatus::Done => Text::StageDone,
        StageStatus::Failed(_) => Text::StageFailed,
        StageStatus::Held(_) => Text::StageHeld,
    })
}

/// A partial checkout's failed order groups, each with its lines and the endpoint's words.
fn failed_groups(job: &SubmitJob, error: &ApiError, locale: Locale) -> Option<impl IntoView> {
    let ApiError::OrderGroupsFailed(groups) = error else { return None };
    let items = groups
        .iter()
        .map(|group| {
            let lines = job
                .lines_of_group(&group.order_group_id)
                .into_iter()
                .map(|line| planned_summary(line, locale))
                .collect::<Vec<_>>()
                .join("; ");
            let text =
                if lines.is_empty() { group.description.clone() } else { format!("{lines}: {}", group.description) };
            view! { <li>{text}</li> }
        })
        .collect_view();
    Some(view! { <ul class="failed-groups">{items}</ul> })
}

/// The id of the attestation check box that Submit asks for again after a reload.
const ATTESTED_AGAIN: &str = "submit-attested";

/// Where the user can put right what the endpoint refused: the words of the button, the issue
/// to show there, and the page.
fn correction(state: &WizardState, job: &SubmitJob, messages: &dyn Messages) -> Option<(String, ServerIssue, Step)> {
    let (_, error) = job.failure()?;
    match session::correction(job)? {
        ErrorTarget::Field(field) => {
            let message = messages.server_error_text(error);
            let name = state.account.rules.with_untracked(|rules| messages.label(field, rules));
            let value = state.account.form.text(field).get_untracked();
            Some((messages.correct_the(&name), ServerIssue::Field { field, value, message }, Step::AccountInfo))
        }
        ErrorTarget::Lines(products) => {
            let chosen = state.catalog.chosen.get_untracked();
            let lines = products
                .into_iter()
                .map(|refused| {
                    let line = chosen.iter().find(|line| line.product_id == refused.product_id).cloned();
                    let message = messages.line_refused(refused.code, &refused.description);
                    (refused.product_id, message, line.unwrap_or_default())
                })
                .collect();
            Some((messages.text(Text::ChangeSubscriptions).to_string(), ServerIssue::Lines(lines), Step::Subscriptions))
        }
        ErrorTarget::Page => None,
    }
}

/// Submit, its progress, and the way out of a failure.
#[component]
pub fn SubmitPanel(lines: Memo<Vec<PlannedLine>>) -> impl IntoView {
    let state = use_wizard_state();
    let i18n = use_i18n();
    let scope = use_scope();
    let job = state.submit.job;
    let submitting = RwSignal::new(false);
    let form = state.account.form;
    // The attestation check box is never kept over a reload: when it came back unticked and an
    // attestation is still to be sent, it is asked for again here.
    let ask_attestation_again = form.agreement_method.get_untracked() == AgreementMethod::AttestNow
        && !form.agreement_attested.get_untracked()
        && job.with_untracked(|job| {
            job.as_ref().is_none_or(|job| job.status(Stage::AttestAgreement) != Some(&StageStatus::Done))
        });
    let attestation_error = RwSignal::new(None::<String>);
    // Whether another tab is submitting this customer (it holds the submit lock).
    let other_tab = RwSignal::new(false);
    let lock_name = move || {
        let endpoint = state.wizard.config.with_value(|config| config.api_base.clone());
        session::submit_lock_name(endpoint.as_deref(), &full_domain(&form.text(Field::DomainPrefix).get_untracked()))
    };
    // Asked now and every 1.5 s while Review shows: the notice comes before the user presses
    // Submit, and goes once the other tab is done or closed.
    let watching = StoredValue::new(());
    spawn_local(async move {
        while watching.try_get_value().is_some() {
            if !submitting.get_untracked() {
                let held = is_held(&lock_name()).await;
                if other_tab.try_get_untracked() != Some(held) {
                    other_tab.try_set(held);
                }
            }
            pause(1_500).await;
        }
    });
    let submit = move |resume: bool| {
        if submitting.get_untracked() {
            return;
        }
        if ask_attestation_again && !form.agreement_attested.get_untracked() {
            attestation_error.set(Some(i18n.messages().text(Text::ConfirmAgainError).to_string()));
            scope.focus(ATTESTED_AGAIN);
            return;
        }
        attestation_error.set(None);
        submitting.set(true);
        let lock_name = lock_name();
        spawn_local(async move {
            // One tab at a time submits a customer: another one holding the lock is said here.
            let lock = match try_lock(&lock_name).await {
                LockAttempt::Busy => {
                    other_tab.try_set(true);
                    submitting.try_set(false);
                    return;
                }
                LockAttempt::Held(lock) => Some(lock),
                LockAttempt::Unsupported => None,
            };
            other_tab.try_set(false);
            state.submit.interrupted.try_set(false);
            state.submit.server_issue.try_set(None);
            let (info, rules) = (form.snapshot_untracked(), state.account.rules.get_untracked());
            let reseller = state.resellers.is_indirect().then(|| untrack(|| state.resellers.choice()));
            let entries = Entries {
                info: &info,
                rules: &rules,
                reseller: reseller.as_ref(),
                qualification: info.qualification.request(),
                lines: lines.get_untracked(),
            };
            let to_run = if resume {
                session::job_to_resume(job.get_untracked(), form.agreement_attested.get_untracked(), entries)
            } else {
                session::job_to_run(job.get_untracked(), entries)
            };
            job.try_set(Some(to_run.clone()));
            let api = state.wizard.api();
            let expose_password = state.wizard.config.with_value(|config| config.expose_password);
            let emit = move |name: &str, detail: &Value| scope.emit(name, detail);
            let progress = move |current: &SubmitJob| {
                job.try_set(Some(current.clone()));
            };
            let ended = session::run_submit(api, to_run, expose_password, &emit, &progress).await;
            // A domain found taken at Submit is what the domain field says from now on, too.
            if let Some((_, ApiError::DomainTaken(domain))) = ended.failure() {
                let taken = DomainNameStatus::Answered(domain.clone(), DomainAvailability::Taken);
                state.account.domain_check.status.try_set(taken);
            }
            if let Some(lock) = lock {
                lock.release();
            }
            submitting.try_set(false);
            // Done, or waiting for Microsoft or the customer: Done shows the new customer, and
            // the waiting cart with Check again.
            if ended.is_complete() || ended.hold().is_some() {
                state.wizard.go(state.wizard.position.get_untracked().next());
            }
        });
    };
    let company = move || state.account.form.text(Field::CompanyName).get().trim().to_string();
    let plan = move || {
        let attest = state.account.form.agreement_method.get() == AgreementMethod::AttestNow;
        let count = lines.with(Vec::len) as u64;
        let (locale, messages) = (i18n.locale(), i18n.messages());
        messages.submit_plan(attest, &messages.count(count, &format_number(count, locale), Counted::Subscription))
    };
    let stages = move || {
        let messages = i18n.messages();
        job.with(|job| {
            job.as_ref().map(|job| {
                job.stages
                    .iter()
                    .map(|state| {
                        let class = match state.status {
                            StageStatus::Waiting => "stage stage-waiting",
                            StageStatus::Running => "stage stage-running",
                            StageStatus::Done => "stage stage-done",
                            StageStatus::Failed(_) => "stage stage-failed",
                            StageStatus::Held(_) => "stage stage-waiting",
                        };
                        view! {
                            <li class=class>
                                <span class="stage-name">{stage_name(job, state.stage, messages)}</span>
                                <span class="stage-status">{status_text(&state.status, messages)}</span>
                            </li>
                        }
                    })
                    .collect_view()
            })
        })
    };
    let announcement = move || {
        let messages = i18n.messages();
        job.with(|job| {
            let job = job.as_ref()?;
            let state = job.stages.iter().rev().find(|state| state.status != StageStatus::Waiting)?;
            Some(format!("{}: {}", stage_name(job, state.stage, messages), status_text(&state.status, messages)))
        })
    };
    let correlation_id = state.wizard.api().correlation_id();
    // While Submit runs (a stage may be waiting to be tried again), the way out of a failure
    // does not show.
    let failure = move || {
        let messages = i18n.messages();
        if submitting.get() {
            return None;
        }
        job.with(|current| {
            let current = current.as_ref()?;
            let (stage, error) = current.failure()?;
            let fix = correction(&state, current, messages);
            let retry_label = messages.retry_stage(&stage_name(current, stage, messages));
            Some(view! {
                <div class="notice notice-problem" role="alert">
                    <h3 class="notice-title">{messages.stage_failed(&stage_name(current, stage, messages))}</h3>
                    <p>{messages.server_error_text(error)}</p>
                    {failed_groups(current, error, i18n.locale())}
                    {done_so_far(current, messages)}
                    {correlation_id.clone().map(|id| view! {
                        <p class="hint">{messages.text(Text::CorrelationIdForSupport)} <code>{id}</code></p>
                    })}
                    <div class="actions">
                        <button type="button" class="button" part="button" on:click=move |_| submit(false)>{retry_label}</button>
                        {fix.map(|(text, issue, step)| {
                            view! {
                                <button
                                    type="button"
                                    class="button button-secondary" part="button button-secondary"
                                    on:click=move |_| {
                                        state.submit.server_issue.set(Some(issue.clone()));
                                        // The refused call got an answer: nothing of it was
                                        // made, so the corrected entries go as a new Submit.
                                        job.update(|job| match job {
                                            Some(current) if current.customer.is_some() => current.clear_failure(),
                                            _ => *job = None,
                                        });
                                        state.wizard.go(state.wizard.position.get_untracked().update(step));
                                    }
                                >
                                    {text}
                                </button>
                            }
                        })}
                    </div>
                </div>
            })
        })
    };
    let can_submit = move || {
        !other_tab.get()
            && !state.submit.interrupted.get()
            && !lines.with(Vec::is_empty)
            && job.with(|job| job.as_ref().is_none_or(|job| job.failure().is_none()))
    };
    // After a reload in mid-submit: what was done, and Resume.
    let interrupted = move || {
        if !state.submit.interrupted.get() {
            return None;
        }
        let messages = i18n.messages();
        job.with(|current| {
            let current = current.as_ref()?;
            let maybe_created = current.customer.is_none()
                && current.stages.iter().any(|state| state.stage == Stage::CreateCustomer && state.request_id.is_some());
            Some(view! {
                <div class="notice" role="region" aria-labelledby="submit-interrupted-title">
                    <h3 id="submit-interrupted-title" class="notice-title" tabindex="-1">{messages.text(Text::SubmitInterrupted)}</h3>
                    <p>{messages.text(Text::SubmitInterruptedIntro)}</p>
                    {done_so_far(current, messages)}
                    {maybe_created.then(|| view! { <p>{messages.text(Text::MaybeCreatedAlready)}</p> })}
                    <div class="actions">
                        <button type="button" class="button" part="button" on:click=move |_| submit(true)>
                            {messages.text(Text::ResumeSubmit)}
                        </button>
                    </div>
                </div>
            })
        })
    };
    if state.submit.interrupted.get_untracked() {
        // The reload put the user here: they hear and see first that a submit waits.
        scope.focus_soon("submit-interrupted-title");
    }
    on_cleanup(move || {
        // Leaving Review to change something: the next Submit compares the entries with the job.
        state.submit.interrupted.try_set(false);
    });
    view! {
        <section class="submit" aria-labelledby="submit-title">
            <h2 id="submit-title" class="section-title">{i18n.text(Text::Submit)}</h2>
            <Show when=move || !lines.with(Vec::is_empty)>
                <p>
                    {i18n.text(Text::SubmitIntroBefore)} <strong>{company}</strong> {i18n.text(Text::SubmitIntroAfter)}
                    {plan}
                </p>
            </Show>
            {ask_attestation_again.then(|| view! {
                <CheckboxField
                    id=ATTESTED_AGAIN
                    label=i18n.signal(Text::ConfirmAccepted)
                    hint=i18n.signal(Text::ConfirmAgainHint)
                    checked=form.agreement_attested
                    error=attestation_error
                />
            })}
            <ol class="stages">{stages}</ol>
            <p class="visually-hidden" role="status">{announcement}</p>
            {interrupted}
            <Show when=move || other_tab.get()>
                <div class="notice" role="status">
                    <h3 class="notice-title">{i18n.text(Text::OtherTabSubmitting)}</h3>
                    <p>{i18n.text(Text::OtherTabSubmittingHint)}</p>
                </div>
            </Show>
            {failure}
            <Show when=can_submit>
                <div class="actions">
                    <button
                        type="button"
                        class="button" part="button"
                        aria-disabled=move || submitting.get().then_some("true")
                        on:click=move |_| submit(false)
                    >
                        {i18n.text(Text::Submit)}
                    </button>
                </div>
            </Show>
        </section>
    }
}
