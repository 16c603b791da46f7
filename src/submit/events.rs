//! What the host hears of Submit: the details of the `add-customer:stage`, `add-customer:done`
//! and `add-customer:error` events, as plain JSON. The password goes out only where the host
//! asked for it.

use crate::api::ApiError;
use crate::submit::job::{Hold, Stage, StageState, StageStatus, SubmitJob};
use serde_json::{json, Value};

/// A stage's name in events: `create-customer`, `attest-agreement`, `add-qualification`,
/// `create-cart`, `checkout`.
fn stage_key(stage: Stage) -> &'static str {
    match stage {
        Stage::CreateCustomer => "create-customer",
        Stage::AttestAgreement => "attest-agreement",
        Stage::Qualify => "add-qualification",
        Stage::Cart => "create-cart",
        Stage::Checkout => "checkout",
    }
}

/// Why a checkout waits, in events: `account-review` (with the status) or `agreement-pending`.
fn hold_detail(hold: Hold) -> Value {
    match hold {
        Hold::AccountReview(status) => json!({"reason": "account-review", "accountStatus": status}),
        Hold::AgreementPending => json!({"reason": "agreement-pending"}),
    }
}

/// A failed call in JSON: its HTTP status and error code where it had an answer.
fn error_detail(error: &ApiError) -> Value {
    match error {
        ApiError::Status { status, body, .. } => json!({
            "kind": "status",
            "status": status,
            "code": body.as_ref().and_then(|body| body.code),
            "description": body.as_ref().and_then(|body| body.description.clone()),
        }),
        ApiError::NoAnswer(reason) => json!({"kind": "no-answer", "description": reason}),
        ApiError::Malformed(reason) => json!({"kind": "malformed", "description": reason}),
        ApiError::SignIn(reason) => json!({"kind": "sign-in", "description": reason}),
        ApiError::DomainTaken(domain) => json!({"kind": "domain-taken", "domain": domain}),
        ApiError::TimedOut(seconds) => json!({"kind": "timeout", "seconds": seconds}),
        ApiError::Offline => json!({"kind": "offline"}),
        ApiError::LinesRefused(lines) => json!({
            "kind": "lines-refused",
            "lines": lines.iter().map(|line| json!({"line": line.line, "code": line.code, "description": line.description})).collect::<Vec<_>>(),
        }),
        ApiError::OrderGroupsFailed(groups) => json!({
            "kind": "order-groups-failed",
            "orderGroups": groups.iter().map(|group| json!({"orderGroupId": group.order_group_id, "code": group.code, "description": group.description})).collect::<Vec<_>>(),
        }),
    }
}

/// The stages that became done, failed or held between `before` and `after`, in order.
pub fn finished_stages<'a>(before: &[StageState], after: &'a [StageState]) -> Vec<&'a StageState> {
    after
        .iter()
        .filter(|state| matches!(state.status, StageStatus::Done | StageStatus::Failed(_) | StageStatus::Held(_)))
        .filter(|state| !before.iter().any(|old| old.stage == state.stage && old.status == state.status))
        .collect()
}

/// The detail of `add-customer:stage` for a finished stage of `job`.
pub fn stage_detail(job: &SubmitJob, state: &StageState, correlation_id: Option<&str>) -> Value {
    let mut detail = json!({"stage": stage_key(state.stage), "requestId": state.request_id});
    match state.stage {
        Stage::Cart => detail["cartId"] = json!(job.cart.as_ref().map(|cart| &cart.id)),
        Stage::Checkout => {
            detail["orderIds"] = json!(job.orders.iter().map(|order| &order.id).collect::<Vec<_>>());
        }
        _ => {}
    }
    match &state.status {
        StageStatus::Failed(error) => {
            detail["status"] = json!("failed");
            detail["error"] = error_detail(error);
            detail["correlationId"] = json!(correlation_id);
        }
        StageStatus::Held(hold) => {
            detail["status"] = json!("held");
            detail["held"] = hold_detail(*hold);
        }
        _ => detail["status"] = json!("done"),
    }
    if let Some(customer) = &job.customer {
        detail["customerId"] = json!(customer.id);
    }
    detail
}

/// The detail of `add-customer:done`: the customer id, its domain and admin user, the orders
/// placed, and the one-time password only where `with_password`.
pub fn done_detail(job: &SubmitJob, with_password: bool) -> Value {
    let customer = job.customer.clone().unwrap_or_default();
    let order_ids: Vec<&str> = job.orders.iter().map(|order| order.id.as_str()).collect();
    let mut detail = json!({
        "customerId": customer.id,
        "domain": customer.company_profile.domain,
        "adminUser": customer.admin_user(),
        "orderIds": order_ids,
        "cartId": job.cart.as_ref().map(|cart| &cart.id),
    });
    if with_password {
        detail["password"] = json!(customer.user_credentials.password);
    }
    detail
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::requests::customer_request::{CreatedCompanyProfile, CreatedCustomer, UserCredentials};

    fn created() -> SubmitJob {
        let info = crate::domain::fixtures::wingtip();
        let request = crate::domain::requests::customer_request::NewCustomer::from_account(
            &info,
            &crate::domain::fixtures::country_rules("US"),
        );
        let mut job = SubmitJob::new(&info, request, None, Vec::new(), Vec::new());
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
        let detail = done_detail(&job, false);
        assert_eq!(detail["customerId"], "c-1");
        assert_eq!(detail["domain"], "wingtiptoys.onmicrosoft.com");
        assert_eq!(detail["adminUser"], "admin@wingtiptoys.onmicrosoft.com");
        assert!(detail.get("password").is_none());
        assert_eq!(done_detail(&job, true)["password"], "Secret!23");
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
        let failed = stage_detail(&job, finished[1], Some("corr-1"));
        assert_eq!(failed["stage"], "attest-agreement");
        assert_eq!(failed["status"], "failed");
        assert_eq!(failed["error"]["code"], 600006);
        assert_eq!(failed["correlationId"], "corr-1");
    }
}
