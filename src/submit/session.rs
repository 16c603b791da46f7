//! Submit as the Review page starts it: which job to run (a new one, the one that failed, or the
//! one a reload interrupted), running it with the browser's timers while the host hears of each
//! stage, and where the user can put right what the endpoint refused. The Submit panel only
//! renders the job and forwards clicks here.

use crate::api::guid::new_guid;
use crate::api::pause::pause;
use crate::api::SharedApi;
use crate::domain::account::account_info::AccountInfo;
use crate::domain::account::reseller::ResellerChoice;
use crate::domain::commerce::cart::participants;
use crate::domain::commerce::lines::PlannedLine;
use crate::domain::commerce::qualification::QualificationRequest;
use crate::domain::country::country_rules::CountryRules;
use crate::domain::requests::customer_request::NewCustomer;
use crate::submit::error_target::{locate, ErrorTarget};
use crate::submit::events::{done_detail, finished_stages, stage_detail};
use crate::submit::job::{StageStatus, SubmitJob};
use crate::submit::runner::run_pipeline;
use serde_json::{json, Value};
use std::future::Future;
use std::pin::Pin;

/// The name of the lock a tab holds while it submits the customer of `domain` to `endpoint`
/// (`None`: the demo back end): tabs of one origin submit one customer at a time.
pub fn submit_lock_name(endpoint: Option<&str>, domain: &str) -> String {
    format!("add-customer:submit:{}:{}", endpoint.unwrap_or("demo"), domain.to_ascii_lowercase())
}

/// What the user has entered, as Submit sends it.
pub struct Entries<'a> {
    /// The Account info entries.
    pub info: &'a AccountInfo,
    /// The country's rules.
    pub rules: &'a CountryRules,
    /// An indirect provider's reseller choice; `None` for a direct partner.
    pub reseller: Option<&'a ResellerChoice>,
    /// The qualification chosen, if any.
    pub qualification: Option<QualificationRequest>,
    /// The lines to buy.
    pub lines: Vec<PlannedLine>,
}

/// The job for `entries`: `current` where it still applies (its customer exists, or it is the
/// very same request being retried, so the same `MS-RequestId` goes again), else a new one.
pub fn job_to_run(current: Option<SubmitJob>, entries: Entries<'_>) -> SubmitJob {
    let mut request = NewCustomer::from_account(entries.info, entries.rules);
    let mut partners = Vec::new();
    if let Some(choice) = entries.reseller {
        choice.apply(&mut request);
        partners = participants(choice);
    }
    match current {
        Some(mut job) if job.customer.is_some() => {
            job.replan_lines(entries.lines);
            job
        }
        Some(job)
            if job.customer_request == request
                && job.lines == entries.lines
                && job.qualification == entries.qualification
                && job.participants == partners =>
        {
            job
        }
        _ => SubmitJob::new(entries.info, request, entries.qualification, entries.lines, partners),
    }
}

/// The interrupted job as it was saved, to run on: its customer, its orders and the request ids
/// of the calls that were on their way, with the attestation as the user gives it now
/// (`attested`). Without a saved job, the job for `entries`.
pub fn job_to_resume(current: Option<SubmitJob>, attested: bool, entries: Entries<'_>) -> SubmitJob {
    match current {
        Some(mut job) => {
            if let Some(source) = &mut job.attestation_source {
                source.agreement.attested = attested;
            }
            job
        }
        None => job_to_run(None, entries),
    }
}

/// Where the user can put right what the endpoint refused in `job`'s failure: a field of Account
/// info while the customer is still to be created, or the lines of Subscriptions it refused.
pub fn correction(job: &SubmitJob) -> Option<ErrorTarget> {
    let (_, error) = job.failure()?;
    match locate(error, &job.lines) {
        ErrorTarget::Field(field) if job.customer.is_none() => Some(ErrorTarget::Field(field)),
        ErrorTarget::Lines(lines) => Some(ErrorTarget::Lines(lines)),
        _ => None,
    }
}

/// Runs `job` on `api` with the browser's timers: `progress` sees every change, and `emit` sends
/// the host `submit`, each finished stage (`stage`, and `error` for a failure) and `done` (with
/// the one-time password only where `expose_password`). Answers the job as it ended.
pub async fn run_submit(
    api: SharedApi,
    mut job: SubmitJob,
    expose_password: bool,
    emit: &dyn Fn(&str, &Value),
    progress: &dyn Fn(&SubmitJob),
) -> SubmitJob {
    emit("submit", &json!({"lines": job.lines.len()}));
    let correlation_id = api.correlation_id();
    let mut told = job.stages.clone();
    let mut on_change = |current: &SubmitJob| {
        for state in finished_stages(&told, &current.stages) {
            let detail = stage_detail(current, state, correlation_id.as_deref());
            emit("stage", &detail);
            if let StageStatus::Failed(_) = state.status {
                emit("error", &detail);
            }
        }
        told = current.stages.clone();
        progress(current);
    };
    let pause = |millis: u32| -> Pin<Box<dyn Future<Output = ()>>> { Box::pin(pause(millis)) };
    let mut new_id = new_guid;
    run_pipeline(api.as_ref(), &mut job, &mut new_id, &mut on_change, &pause, &mut js_sys::Math::random).await;
    if job.is_complete() {
        emit("done", &done_detail(&job, expose_password));
    }
    job
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::ApiError;
    use crate::domain::account::field::Field;
    use crate::domain::account::reseller::Reseller;
    use crate::domain::commerce::cart::RefusedLine;
    use crate::domain::fixtures::{country_rules, wingtip};
    use crate::domain::requests::customer_request::CreatedCustomer;
    use crate::submit::error_target::RefusedProduct;
    use crate::submit::job::Stage;

    fn line(product_id: &str, quantity: u64) -> PlannedLine {
        PlannedLine {
            product_id: product_id.into(),
            sku_id: "0001".into(),
            catalog_item_id: format!("{product_id}:0001:A"),
            quantity,
            term: "P1Y".into(),
            billing: "monthly".into(),
            ..PlannedLine::default()
        }
    }

    fn entries<'a>(info: &'a AccountInfo, rules: &'a CountryRules, lines: Vec<PlannedLine>) -> Entries<'a> {
        Entries { info, rules, reseller: None, qualification: None, lines }
    }

    fn failed(mut job: SubmitJob, stage: Stage, error: ApiError) -> SubmitJob {
        let state = job.stages.iter_mut().find(|state| state.stage == stage).unwrap();
        state.status = StageStatus::Failed(error);
        job
    }

    #[test]
    fn the_same_entries_again_run_the_same_job_and_changed_ones_a_new_one() {
        let (info, rules) = (wingtip(), country_rules("US"));
        let first = job_to_run(None, entries(&info, &rules, vec![line("A", 1)]));
        let mut tried = first.clone();
        tried.stages[0].request_id = Some("request-1".into());
        let again = job_to_run(Some(tried.clone()), entries(&info, &rules, vec![line("A", 1)]));
        assert_eq!(again, tried, "a retry keeps the MS-RequestId");
        let mut changed = info.clone();
        changed.city = "Seattle".into();
        let new = job_to_run(Some(tried), entries(&changed, &rules, vec![line("A", 1)]));
        assert_eq!(new.stages[0].request_id, None);
        assert_eq!(new.customer_request.billing_profile.default_address.city.as_deref(), Some("Seattle"));
    }

    #[test]
    fn a_created_customer_is_kept_and_only_the_lines_change() {
        let (info, rules) = (wingtip(), country_rules("US"));
        let mut job = job_to_run(None, entries(&info, &rules, vec![line("A", 1)]));
        job.customer = Some(CreatedCustomer { id: "c-1".into(), ..CreatedCustomer::default() });
        let rerun = job_to_run(Some(job), entries(&info, &rules, vec![line("B", 2)]));
        assert_eq!(rerun.customer.as_ref().map(|customer| customer.id.as_str()), Some("c-1"));
        assert_eq!(rerun.lines[0].product_id, "B");
    }

    #[test]
    fn the_reseller_goes_on_the_customer_and_the_cart_lines() {
        let (info, rules) = (wingtip(), country_rules("US"));
        let reseller = Reseller { id: "tenant-1".into(), mpn_id: "4847383".into(), ..Reseller::default() };
        let choice = ResellerChoice { reseller: Some(reseller), ..ResellerChoice::default() };
        let job = job_to_run(
            None,
            Entries {
                info: &info,
                rules: &rules,
                reseller: Some(&choice),
                qualification: None,
                lines: vec![line("A", 1)],
            },
        );
        assert_eq!(job.customer_request.associated_partner_id.as_deref(), Some("tenant-1"));
        let cart = serde_json::to_value(job.cart_request()).unwrap();
        assert_eq!(cart["lineItems"][0]["participants"][0]["value"], "4847383");
        assert_eq!(cart["partnerOnRecordAttestationAccepted"], true);
    }

    #[test]
    fn a_resumed_job_takes_the_attestation_as_given_now() {
        let (info, rules) = (wingtip(), country_rules("US"));
        let mut saved = job_to_run(None, entries(&info, &rules, Vec::new()));
        if let Some(source) = &mut saved.attestation_source {
            source.agreement.attested = false;
        }
        let resumed = job_to_resume(Some(saved), true, entries(&info, &rules, Vec::new()));
        assert!(resumed.attestation_source.is_none_or(|source| source.agreement.attested));
    }

    #[test]
    fn a_refused_field_is_corrected_only_before_the_customer_exists() {
        let (info, rules) = (wingtip(), country_rules("US"));
        let job = job_to_run(None, entries(&info, &rules, vec![line("A", 1)]));
        let refused = failed(job, Stage::CreateCustomer, ApiError::from_status(400, r#"{"code":600051}"#));
        assert_eq!(correction(&refused), Some(ErrorTarget::Field(Field::Phone)));
        let mut created = refused.clone();
        created.customer = Some(CreatedCustomer { id: "c-1".into(), ..CreatedCustomer::default() });
        assert_eq!(correction(&created), None);
        let no_answer = failed(created.clone(), Stage::Checkout, ApiError::Malformed("not json".into()));
        assert_eq!(correction(&no_answer), None);
    }

    #[test]
    fn one_lock_per_customer_and_endpoint() {
        let name = submit_lock_name(Some("https://partner.example.com"), "WingtipToys.onmicrosoft.com");
        assert_eq!(name, "add-customer:submit:https://partner.example.com:wingtiptoys.onmicrosoft.com");
        assert_ne!(name, submit_lock_name(None, "wingtiptoys.onmicrosoft.com"));
    }

    #[test]
    fn refused_lines_are_corrected_on_subscriptions() {
        let (info, rules) = (wingtip(), country_rules("US"));
        let mut job = job_to_run(None, entries(&info, &rules, vec![line("A", 1), line("B", 400)]));
        job.customer = Some(CreatedCustomer { id: "c-1".into(), ..CreatedCustomer::default() });
        let refused = RefusedLine { line: 1, code: 10015, description: "Too many".into() };
        let job = failed(job, Stage::Cart, ApiError::LinesRefused(vec![refused]));
        assert_eq!(
            correction(&job),
            Some(ErrorTarget::Lines(vec![RefusedProduct {
                product_id: "B".into(),
                code: 10015,
                description: "Too many".into()
            }]))
        );
    }
}
