//! What the host hears of Submit: the details of the `add-customer:stage`, `add-customer:done`
//! and `add-customer:error` events, as plain JSON. The password goes out only where the host
//! asked for it.

use super::job::{Stage, StageState, StageStatus, SubmitJob};
use crate::api::ApiError;
use crate::json::{object, Json, ToJson};

/// A stage's name in events: `create-customer`, `attest-agreement`, `place-order`.
fn stage_key(stage: Stage) -> &'static str {
    match stage {
        Stage::CreateCustomer => "create-customer",
        Stage::AttestAgreement => "attest-agreement",
        Stage::PlaceOrder(_) => "place-order",
    }
}

/// A failed call in JSON: its HTTP status and error code where it had an answer.
fn error_detail(error: &ApiError) -> Json {
    let (kind, mut members) = match error {
        ApiError::Status { status, body, .. } => (
            "status",
            vec![
                ("status", status.to_json()),
                ("code", body.as_ref().and_then(|body| body.code).to_json()),
                ("description", body.as_ref().and_then(|body| body.description.clone()).to_json()),
            ],
        ),
        ApiError::NoAnswer(reason) => ("no-answer", vec![("description", reason.to_json())]),
        ApiError::Malformed(reason) => ("malformed", vec![("description", reason.to_json())]),
        ApiError::SignIn(reason) => ("sign-in", vec![("description", reason.to_json())]),
        ApiError::TimedOut(seconds) => ("timeout", vec![("seconds", seconds.to_json())]),
        ApiError::Offline => ("offline", Vec::new()),
    };
    members.insert(0, ("kind", kind.to_json()));
    object(members)
}

/// The stages that became done or failed between `before` and `after`, in order.
pub fn finished_stages<'a>(before: &[StageState], after: &'a [StageState]) -> Vec<&'a StageState> {
    after
        .iter()
        .filter(|state| matches!(state.status, StageStatus::Done | StageStatus::Failed(_)))
        .filter(|state| !before.iter().any(|old| old.stage == state.stage && old.status == state.status))
        .collect()
}

/// The detail of `add-customer:stage` for a finished stage of `job`.
pub fn stage_detail(job: &SubmitJob, state: &StageState, correlation_id: Option<&str>) -> Json {
    let mut detail = vec![("stage", stage_key(state.stage).to_json()), ("requestId", state.request_id.to_json())];
    if let Stage::PlaceOrder(index) = state.stage {
        detail.push(("order", (index + 1).to_json()));
        let order_id = job.placed.get(index).and_then(Option::as_ref).map(|order| order.id.clone());
        detail.push(("orderId", order_id.to_json()));
    }
    match &state.status {
        StageStatus::Failed(error) => {
            detail.push(("status", "failed".to_json()));
            detail.push(("error", error_detail(error)));
            detail.push(("correlationId", correlation_id.to_json()));
        }
        _ => detail.push(("status", "done".to_json())),
    }
    if let Some(customer) = &job.customer {
        detail.push(("customerId", customer.id.to_json()));
    }
    object(detail)
}

/// The detail of `add-customer:done`: the customer id, its domain and admin user, the orders
/// placed, and the one-time password only where `with_password`.
pub fn done_detail(job: &SubmitJob, with_password: bool) -> Json {
    let customer = job.customer.clone().unwrap_or_default();
    let order_ids: Vec<String> = job.placed.iter().flatten().map(|order| order.id.clone()).collect();
    let mut detail = vec![
        ("customerId", customer.id.to_json()),
        ("domain", customer.company_profile.domain.to_json()),
        ("adminUser", customer.admin_user().to_json()),
        ("orderIds", order_ids.to_json()),
        ("waitingOrders", job.waiting_orders.len().to_json()),
    ];
    if with_password {
        detail.push(("password", customer.user_credentials.password.to_json()));
    }
    object(detail)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::customer_request::{CreatedCompanyProfile, CreatedCustomer, UserCredentials};

    fn value(detail: Json) -> serde_json::Value {
        crate::json::as_value(&detail)
    }

    fn created() -> SubmitJob {
        let info = crate::domain::fixtures::wingtip();
        let request = crate::domain::customer_request::NewCustomer::from_account(
            &info,
            &crate::domain::fixtures::country_rules("US"),
        );
        let mut job = SubmitJob::new(&info, request, Vec::new());
        job.customer = Some(CreatedCustomer {
            id: "c-1".into(),
            company_profile: CreatedCompanyProfile {
                domain: "wingtiptoys.onmicrosoft.com".into(),
                ..Default::default()
            },
            user_credentials: UserCredentials { user_name: "admin".into(), password: "Secret!23".into() },
        });
        job
    }

    #[test]
    fn the_password_goes_out_only_when_asked_for() {
        let job = created();
        let detail = value(done_detail(&job, false));
        assert_eq!(detail["customerId"], "c-1");
        assert_eq!(detail["domain"], "wingtiptoys.onmicrosoft.com");
        assert_eq!(detail["adminUser"], "admin@wingtiptoys.onmicrosoft.com");
        assert!(detail.get("password").is_none());
        assert_eq!(value(done_detail(&job, true))["password"], "Secret!23");
    }

    #[test]
    fn finished_stages_are_told_once_with_their_error() {
        let job = created();
        let before = job.stages.clone();
        let mut after = before.clone();
        after[0].status = StageStatus::Done;
        after[1].status = StageStatus::Failed(ApiError::from_status(403, r#"{"code":600006}"#));
        let finished = finished_stages(&before, &after);
        assert_eq!(finished.len(), 2);
        assert!(finished_stages(&after, &after).is_empty());
        let failed = value(stage_detail(&job, finished[1], Some("corr-1")));
        assert_eq!(failed["stage"], "attest-agreement");
        assert_eq!(failed["status"], "failed");
        assert_eq!(failed["error"]["code"], 600006);
        assert_eq!(failed["correlationId"], "corr-1");
    }
}
