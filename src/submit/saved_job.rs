//! The submit job as the tab's sessionStorage keeps it while it runs, so that a reload in
//! mid-submit can resume the job instead of starting again: the stages done, the customer id,
//! the placed orders, and the `MS-RequestId` of a call that was on its way (sent again with the
//! same id, the endpoint recognises it). It never holds the admin's password nor the agreement
//! attestation: after a reload, the attestation must be given again before it is sent.

use crate::domain::account::account_info::AccountInfo;
use crate::domain::catalog::order_plan::{PlacedOrder, PlannedOrder};
use crate::domain::common::decode::decode;
use crate::domain::requests::customer_request::{CreatedCustomer, NewCustomer};
use crate::domain::wizard::draft::is_fresh;
use crate::submit::job::{Stage, StageState, StageStatus, SubmitJob};
use serde::{Deserialize, Serialize};

/// The saved job's format version; a saved job of another version is ignored.
pub const SAVED_JOB_VERSION: u32 = 2;

/// One stage as saved: done or not, and the request id its next call is to carry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct SavedStage {
    stage: Stage,
    done: bool,
    request_id: Option<String>,
}

/// The job as saved.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SavedJob {
    version: u32,
    saved_at: u64,
    customer_request: NewCustomer,
    attestation_source: Option<AccountInfo>,
    orders: Vec<PlannedOrder>,
    waiting_orders: Vec<PlannedOrder>,
    stages: Vec<SavedStage>,
    customer: Option<CreatedCustomer>,
    template_id: Option<String>,
    placed: Vec<Option<PlacedOrder>>,
}

impl SavedJob {
    /// The job to save at `now_ms`, without the password and the attestation.
    pub fn of(job: &SubmitJob, now_ms: u64) -> Self {
        let mut customer = job.customer.clone();
        if let Some(customer) = &mut customer {
            customer.user_credentials.password.clear();
        }
        let mut attestation_source = job.attestation_source.clone();
        if let Some(source) = &mut attestation_source {
            source.agreement.attested = false;
        }
        Self {
            version: SAVED_JOB_VERSION,
            saved_at: now_ms,
            customer_request: job.customer_request.clone(),
            attestation_source,
            orders: job.orders.clone(),
            waiting_orders: job.waiting_orders.clone(),
            stages: job
                .stages
                .iter()
                .map(|state| SavedStage {
                    stage: state.stage,
                    done: state.status == StageStatus::Done,
                    request_id: state.request_id.clone(),
                })
                .collect(),
            customer,
            template_id: job.template_id.clone(),
            placed: job.placed.clone(),
        }
    }

    /// The saved job as text.
    pub fn write(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The job saved in `json`, if it is of this version, fresh at `now_ms`, and still has a
    /// stage to run. Its stages are done or waiting; one that was running or failed waits, with
    /// the request id it had.
    pub fn read(json: &str, now_ms: u64) -> Option<SubmitJob> {
        let saved: SavedJob = decode(json).ok()?;
        if saved.version != SAVED_JOB_VERSION || !is_fresh(saved.saved_at, now_ms) {
            return None;
        }
        let job = SubmitJob {
            customer_request: saved.customer_request,
            attestation_source: saved.attestation_source,
            orders: saved.orders,
            waiting_orders: saved.waiting_orders,
            stages: saved
                .stages
                .into_iter()
                .map(|state| StageState {
                    stage: state.stage,
                    status: if state.done { StageStatus::Done } else { StageStatus::Waiting },
                    request_id: state.request_id,
                })
                .collect(),
            customer: saved.customer,
            template_id: saved.template_id,
            placed: saved.placed,
        };
        (!job.is_complete()).then_some(job)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::ApiError;
    use crate::domain::account::account_info::AgreementMethod;
    use crate::domain::country::country_rules::CountryRules;
    use crate::domain::requests::customer_request::{CreatedCompanyProfile, UserCredentials};

    fn planned(offer_id: &str) -> PlannedOrder {
        crate::domain::fixtures::planned_order(offer_id, 3)
    }

    /// A job whose customer exists, whose attestation failed without an answer, and whose
    /// orders wait.
    fn job_in_mid_submit() -> SubmitJob {
        let mut info = AccountInfo {
            company_name: "Wingtip Toys".into(),
            first_name: "Gena".into(),
            last_name: "Soto".into(),
            email: "gena@wingtiptoys.com".into(),
            ..AccountInfo::default()
        };
        info.agreement.method = AgreementMethod::AttestNow;
        info.agreement.attested = true;
        info.agreement.date = "2026-11-20".into();
        let request = NewCustomer::from_account(&info, &CountryRules::default());
        let mut job = SubmitJob::new(&info, request, vec![planned("E3"), planned("AZURE")]);
        job.start(Stage::CreateCustomer, &mut || "create-1".into());
        job.customer_created(CreatedCustomer {
            id: "tenant-1".into(),
            company_profile: CreatedCompanyProfile { tenant_id: "tenant-1".into(), domain: "w.onmicrosoft.com".into() },
            user_credentials: UserCredentials { user_name: "admin".into(), password: "Secret-42".into() },
        });
        job.start(Stage::AttestAgreement, &mut || "attest-1".into());
        job.fail(Stage::AttestAgreement, ApiError::TimedOut(30));
        job.start(Stage::PlaceOrder(0), &mut || "order-1".into());
        job
    }

    #[test]
    fn a_saved_job_reads_back_with_its_progress_and_request_ids() {
        let job = job_in_mid_submit();
        let restored = SavedJob::read(&SavedJob::of(&job, 1_000).write(), 2_000).unwrap();
        assert_eq!(restored.customer.as_ref().unwrap().id, "tenant-1");
        assert_eq!(restored.status(Stage::CreateCustomer), Some(&StageStatus::Done));
        assert_eq!(restored.status(Stage::AttestAgreement), Some(&StageStatus::Waiting), "failed stages wait");
        assert_eq!(restored.status(Stage::PlaceOrder(0)), Some(&StageStatus::Waiting), "running stages wait");
        assert_eq!(restored.next_stage(), Some(Stage::AttestAgreement));
        let request_ids: Vec<_> = restored.stages.iter().map(|state| state.request_id.as_deref()).collect();
        assert_eq!(request_ids, [None, Some("attest-1"), Some("order-1"), None], "the ids of calls on their way");
        assert_eq!(restored.customer_request, job.customer_request);
        assert_eq!(restored.orders, job.orders);
    }

    #[test]
    fn stages_keep_the_form_earlier_builds_saved_them_in() {
        let text = SavedJob::of(&job_in_mid_submit(), 1_000).write();
        assert!(text.contains(r#"{"stage":"CreateCustomer","done":true,"requestId":null}"#), "{text}");
        assert!(text.contains(r#"{"stage":{"PlaceOrder":0},"done":false,"requestId":"order-1"}"#), "{text}");
        assert!(text.contains(r#""attestationSource":{"country":"#), "{text}");
    }

    #[test]
    fn neither_the_password_nor_the_attestation_is_saved() {
        let text = SavedJob::of(&job_in_mid_submit(), 1_000).write();
        assert!(!text.contains("Secret-42"), "{text}");
        let restored = SavedJob::read(&text, 2_000).unwrap();
        assert!(!restored.attestation_source.unwrap().agreement.attested, "the attestation is given again");
    }

    #[test]
    fn old_other_version_complete_and_broken_jobs_are_not_resumed() {
        let job = job_in_mid_submit();
        let saved = SavedJob::of(&job, 1_000);
        assert!(SavedJob::read(&saved.write(), 1_000 + crate::domain::wizard::draft::DRAFT_LIFETIME_MS).is_none());
        let other = SavedJob { version: SAVED_JOB_VERSION + 1, ..saved };
        assert!(SavedJob::read(&other.write(), 2_000).is_none());
        assert!(SavedJob::read("{\"version\":2", 2_000).is_none());
        let mut complete = job;
        for stage in [Stage::AttestAgreement, Stage::PlaceOrder(0), Stage::PlaceOrder(1)] {
            complete.succeed(stage);
        }
        assert!(SavedJob::read(&SavedJob::of(&complete, 1_000).write(), 2_000).is_none());
    }
}
