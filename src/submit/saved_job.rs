//! The submit job as the tab's sessionStorage keeps it while it runs, so that a reload in
//! mid-submit can resume the job instead of starting again: the stages done, the customer id,
//! the cart, the orders placed, a checkout that waits, and the `MS-RequestId` of a call that was on its way (sent again with the
//! same id, the endpoint recognises it). It never holds the admin's password nor the agreement
//! attestation: after a reload, the attestation must be given again before it is sent.

use crate::domain::account::account_info::AccountInfo;
use crate::domain::commerce::cart::{Cart, Participant};
use crate::domain::commerce::checkout::{Order, OrderError};
use crate::domain::commerce::lines::PlannedLine;
use crate::domain::commerce::qualification::QualificationRequest;
use crate::domain::common::decode::decode;
use crate::domain::requests::customer_request::{CreatedCustomer, NewCustomer};
use crate::domain::wizard::draft::is_fresh;
use crate::submit::job::{Hold, Stage, StageState, StageStatus, SubmitJob};
use serde::{Deserialize, Serialize};

/// The saved job's format version; a saved job of another version is ignored.
pub const SAVED_JOB_VERSION: u32 = 3;

/// One stage as saved: done or not, what it waits for, and the request id its next call is to
/// carry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct SavedStage {
    stage: Stage,
    done: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    held: Option<Hold>,
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
    qualification: Option<QualificationRequest>,
    lines: Vec<PlannedLine>,
    participants: Vec<Participant>,
    stages: Vec<SavedStage>,
    customer: Option<CreatedCustomer>,
    template_id: Option<String>,
    cart: Option<Cart>,
    cart_stale: bool,
    orders: Vec<Order>,
    order_errors: Vec<OrderError>,
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
            qualification: job.qualification.clone(),
            lines: job.lines.clone(),
            participants: job.participants.clone(),
            stages: job
                .stages
                .iter()
                .map(|state| SavedStage {
                    stage: state.stage,
                    done: state.status == StageStatus::Done,
                    held: match state.status {
                        StageStatus::Held(hold) => Some(hold),
                        _ => None,
                    },
                    request_id: state.request_id.clone(),
                })
                .collect(),
            customer,
            template_id: job.template_id.clone(),
            cart: job.cart.clone(),
            cart_stale: job.cart_stale,
            orders: job.orders.clone(),
            order_errors: job.order_errors.clone(),
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
            qualification: saved.qualification,
            lines: saved.lines,
            participants: saved.participants,
            stages: saved
                .stages
                .into_iter()
                .map(|state| StageState {
                    stage: state.stage,
                    status: match (state.done, state.held) {
                        (true, _) => StageStatus::Done,
                        (false, Some(hold)) => StageStatus::Held(hold),
                        (false, None) => StageStatus::Waiting,
                    },
                    request_id: state.request_id,
                })
                .collect(),
            customer: saved.customer,
            template_id: saved.template_id,
            cart: saved.cart,
            cart_stale: saved.cart_stale,
            orders: saved.orders,
            order_errors: saved.order_errors,
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

    fn line(product_id: &str) -> PlannedLine {
        PlannedLine { product_id: product_id.into(), sku_id: "0001".into(), quantity: 3, ..PlannedLine::default() }
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
        let mut job = SubmitJob::new(&info, request, None, vec![line("E3"), line("AZURE")], Vec::new());
        job.start(Stage::CreateCustomer, &mut || "create-1".into());
        job.customer_created(CreatedCustomer {
            id: "tenant-1".into(),
            company_profile: CreatedCompanyProfile { tenant_id: "tenant-1".into(), domain: "w.onmicrosoft.com".into() },
            user_credentials: UserCredentials { user_name: "admin".into(), password: "Secret-42".into() },
        });
        job.start(Stage::AttestAgreement, &mut || "attest-1".into());
        job.fail(Stage::AttestAgreement, ApiError::TimedOut(30));
        job.start(Stage::Cart, &mut || "cart-1".into());
        job
    }

    #[test]
    fn a_saved_job_reads_back_with_its_progress_and_request_ids() {
        let job = job_in_mid_submit();
        let restored = SavedJob::read(&SavedJob::of(&job, 1_000).write(), 2_000).unwrap();
        assert_eq!(restored.customer.as_ref().unwrap().id, "tenant-1");
        assert_eq!(restored.status(Stage::CreateCustomer), Some(&StageStatus::Done));
        assert_eq!(restored.status(Stage::AttestAgreement), Some(&StageStatus::Waiting), "failed stages wait");
        assert_eq!(restored.status(Stage::Cart), Some(&StageStatus::Waiting), "running stages wait");
        assert_eq!(restored.next_stage(), Some(Stage::AttestAgreement));
        let request_ids: Vec<_> = restored.stages.iter().map(|state| state.request_id.as_deref()).collect();
        assert_eq!(request_ids, [None, Some("attest-1"), Some("cart-1"), None], "the ids of calls on their way");
        assert_eq!(restored.customer_request, job.customer_request);
        assert_eq!(restored.lines, job.lines);
    }

    #[test]
    fn stages_keep_the_form_earlier_builds_saved_them_in() {
        let text = SavedJob::of(&job_in_mid_submit(), 1_000).write();
        assert!(text.contains(r#"{"stage":"CreateCustomer","done":true,"requestId":null}"#), "{text}");
        assert!(text.contains(r#"{"stage":"Cart","done":false,"requestId":"cart-1"}"#), "{text}");
        assert!(text.contains(r#""attestationSource":{"country":"#), "{text}");
    }

    #[test]
    fn a_held_checkout_is_still_held_after_a_reload() {
        let mut job = job_in_mid_submit();
        for stage in [Stage::AttestAgreement, Stage::Cart] {
            job.succeed(stage);
        }
        job.hold_stage(
            Stage::Checkout,
            Hold::AccountReview(crate::domain::commerce::checkout::AccountStatus::UnderReview),
        );
        let restored = SavedJob::read(&SavedJob::of(&job, 1_000).write(), 2_000).unwrap();
        assert_eq!(restored.hold(), job.hold());
        assert_eq!(restored.next_stage(), Some(Stage::Checkout));
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
        assert!(SavedJob::read("{\"version\":3", 2_000).is_none());
        let mut complete = job;
        for stage in [Stage::AttestAgreement, Stage::Cart, Stage::Checkout] {
            complete.succeed(stage);
        }
        assert!(SavedJob::read(&SavedJob::of(&complete, 1_000).write(), 2_000).is_none());
    }
}
