//! Drives a [`SubmitJob`] over a [`PartnerApi`], stage by stage. A stage that fails for a
//! reason that may pass (no answer, 429, 5xx) is tried again after a backoff, a few times; at a
//! failure that stays, the pipeline stops. Run it again on the same job to retry the failed stage
//! and go on: the stages already done are not repeated.

use crate::api::retry::retry_delay;
use crate::api::{ApiError, DomainAvailability, PartnerApi};
use crate::submit::job::{Stage, SubmitJob};
use std::future::Future;
use std::pin::Pin;

/// Waits the given milliseconds (the browser's timer in the app; nothing in the unit tests).
pub type Pause<'a> = &'a dyn Fn(u32) -> Pin<Box<dyn Future<Output = ()>>>;

/// Attesting an agreement that already exists answers this code: on a retry, that is success.
pub const AGREEMENT_ALREADY_EXISTS: i64 = 600061;

/// Before the customer is first sent for creation, its initial domain is checked again: taken
/// since the page checked it, nothing is created and the job stops at the domain. A check that
/// gets no answer lets the creation go on (the endpoint refuses a taken domain itself). A
/// resend after no answer is not checked: the first send may have taken the domain itself.
async fn check_before(api: &dyn PartnerApi, job: &SubmitJob, stage: Stage, first_send: bool) -> Result<(), ApiError> {
    if stage != Stage::CreateCustomer || !first_send {
        return Ok(());
    }
    let domain = &job.customer_request.company_profile.domain;
    match api.domain_availability(domain).await {
        Ok(DomainAvailability::Taken) => Err(ApiError::DomainTaken(domain.clone())),
        _ => Ok(()),
    }
}

async fn run_stage(api: &dyn PartnerApi, job: &mut SubmitJob, stage: Stage, request_id: &str) -> Result<(), ApiError> {
    let customer_id = || {
        job.customer
            .as_ref()
            .map(|customer| customer.id.clone())
            .ok_or_else(|| ApiError::Malformed("no customer id".into()))
    };
    match stage {
        Stage::CreateCustomer => {
            let customer = api.create_customer(&job.customer_request, request_id).await?;
            if customer.id.is_empty() {
                return Err(ApiError::Malformed("the created customer has no id".into()));
            }
            job.customer_created(customer);
        }
        Stage::AttestAgreement => {
            let customer_id = customer_id()?;
            if job.template_id.is_none() {
                job.template_id = Some(api.agreement_template().await?);
            }
            let attestation = job.attestation().ok_or_else(|| ApiError::Malformed("no attestation to send".into()))?;
            match api.attest_agreement(&customer_id, &attestation, request_id).await {
                Err(error) if error.code() != Some(AGREEMENT_ALREADY_EXISTS) => return Err(error),
                _ => job.succeed(stage),
            }
        }
        Stage::PlaceOrder(index) => {
            let customer_id = customer_id()?;
            let Some(order) = job.orders.get(index) else { return Err(ApiError::Malformed("no such order".into())) };
            let placed = api.place_order(&customer_id, &order.request(&customer_id), request_id).await?;
            job.order_placed(index, placed);
        }
    }
    Ok(())
}

/// Runs the job's remaining stages in order. `new_id` makes `MS-RequestId`s; `on_change` sees
/// the job after every change (a stage started, done or failed); `pause` waits between the
/// tries of a stage, `jitter` gives a random number in `0..1` for the backoff. Stops at the
/// first failure that stays, recorded on its stage.
pub async fn run_pipeline(
    api: &dyn PartnerApi,
    job: &mut SubmitJob,
    new_id: &mut dyn FnMut() -> String,
    on_change: &mut dyn FnMut(&SubmitJob),
    pause: Pause<'_>,
    jitter: &mut dyn FnMut() -> f64,
) {
    let mut tries = (None, 0);
    while let Some(stage) = job.next_stage() {
        tries = if tries.0 == Some(stage) { (Some(stage), tries.1 + 1) } else { (Some(stage), 1) };
        // A call never sent before: nothing of it can exist on the endpoint yet.
        let first_send = job.stages.iter().any(|state| state.stage == stage && state.request_id.is_none());
        let request_id = job.start(stage, new_id);
        on_change(job);
        let outcome = match check_before(api, job, stage, first_send).await {
            Ok(()) => run_stage(api, job, stage, &request_id).await,
            Err(error) => Err(error),
        };
        if let Err(error) = outcome {
            let delay = retry_delay(&error, tries.1, jitter());
            job.fail(stage, error);
            on_change(job);
            match delay {
                Some(delay) => pause(delay).await,
                None => return,
            }
            continue;
        }
        on_change(job);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::ApiFuture;
    use crate::domain::account::account_info::{AccountInfo, AgreementMethod};
    use crate::domain::account::address_check::{AddressValidation, PostalAddress};
    use crate::domain::catalog::offer::{Offer, OfferCategory};
    use crate::domain::catalog::order_plan::{OrderRequest, PlacedOrder, PlannedOrder};
    use crate::domain::country::country_rules::CountryRules;
    use crate::domain::requests::agreement_request::AgreementAttestation;
    use crate::domain::requests::customer_request::{
        CreatedCompanyProfile, CreatedCustomer, NewCustomer, UserCredentials,
    };
    use crate::submit::job::StageStatus;
    use std::cell::RefCell;
    use std::future::Future;
    use std::task::{Context, Poll, Waker};

    /// Runs a future whose every step is ready (the fake answers at once).
    fn block_on<F: Future>(future: F) -> F::Output {
        let mut future = std::pin::pin!(future);
        let mut context = Context::from_waker(Waker::noop());
        loop {
            if let Poll::Ready(value) = future.as_mut().poll(&mut context) {
                return value;
            }
        }
    }

    /// An endpoint that records each call with its request id, and fails the attempts it is
    /// told to: `(call, n, error)` fails the n-th call of that name.
    #[derive(Default)]
    struct FakeApi {
        calls: RefCell<Vec<(String, String)>>,
        failures: RefCell<Vec<(&'static str, usize, ApiError)>>,
        /// Whether the customer's domain is taken.
        domain_taken: std::cell::Cell<bool>,
    }

    impl FakeApi {
        fn answer<T: 'static>(&self, call: &str, request_id: &str, value: T) -> ApiFuture<T> {
            self.calls.borrow_mut().push((call.to_string(), request_id.to_string()));
            let attempt = self.calls.borrow().iter().filter(|(name, _)| name == call).count();
            let mut failures = self.failures.borrow_mut();
            let failure = failures
                .iter()
                .position(|(name, nth, _)| *name == call && *nth == attempt)
                .map(|index| failures.remove(index).2);
            Box::pin(async move { failure.map_or(Ok(value), Err) })
        }

        fn fail(&self, call: &'static str, nth: usize, error: ApiError) {
            self.failures.borrow_mut().push((call, nth, error));
        }

        fn names(&self) -> Vec<String> {
            self.calls.borrow().iter().map(|(name, _)| name.clone()).collect()
        }

        fn request_ids(&self, call: &str) -> Vec<String> {
            self.calls.borrow().iter().filter(|(name, _)| name == call).map(|(_, id)| id.clone()).collect()
        }
    }

    impl PartnerApi for FakeApi {
        fn country_rules(&self, _: &str) -> ApiFuture<Option<CountryRules>> {
            self.answer("rules", "", None)
        }
        fn domain_availability(&self, _: &str) -> ApiFuture<DomainAvailability> {
            let taken = self.domain_taken.get();
            self.answer("domain", "", if taken { DomainAvailability::Taken } else { DomainAvailability::Free })
        }
        fn offers(&self, _: &str, _: &str) -> ApiFuture<Vec<Offer>> {
            self.answer("offers", "", Vec::new())
        }
        fn offer_categories(&self, _: &str, _: &str) -> ApiFuture<Vec<OfferCategory>> {
            self.answer("categories", "", Vec::new())
        }
        fn create_customer(&self, _: &NewCustomer, request_id: &str) -> ApiFuture<CreatedCustomer> {
            let customer = CreatedCustomer {
                id: "tenant-1".into(),
                company_profile: CreatedCompanyProfile {
                    tenant_id: "tenant-1".into(),
                    domain: "wingtiptoys.onmicrosoft.com".into(),
                },
                user_credentials: UserCredentials { user_name: "admin".into(), password: "secret".into() },
            };
            self.answer("create", request_id, customer)
        }
        fn agreement_template(&self) -> ApiFuture<String> {
            self.answer("template", "", "117a77b0-9360-443b-8795-c6dedc750cf9".to_string())
        }
        fn attest_agreement(&self, customer_id: &str, _: &AgreementAttestation, request_id: &str) -> ApiFuture<()> {
            assert_eq!(customer_id, "tenant-1");
            self.answer("attest", request_id, ())
        }
        fn resellers(&self) -> ApiFuture<Vec<crate::domain::account::reseller::Reseller>> {
            self.answer("resellers", "", Vec::new())
        }
        fn reseller_agreement_signed(&self, _: &str) -> ApiFuture<bool> {
            self.answer("agreement status", "", true)
        }
        fn relationship_request(&self) -> ApiFuture<Option<String>> {
            self.answer("relationship request", "", None)
        }
        fn correlation_id(&self) -> Option<String> {
            None
        }
        fn validate_address(&self, _: &PostalAddress) -> ApiFuture<Option<AddressValidation>> {
            unreachable!("submit never checks the address")
        }
        fn place_order(&self, customer_id: &str, order: &OrderRequest, request_id: &str) -> ApiFuture<PlacedOrder> {
            assert_eq!(order.reference_customer_id, customer_id);
            let placed = PlacedOrder {
                id: format!("order-{}", order.line_items[0].offer_id),
                status: "completed".into(),
                ..PlacedOrder::default()
            };
            self.answer("order", request_id, placed)
        }
    }

    fn planned(offer_id: &str) -> PlannedOrder {
        crate::domain::fixtures::planned_order(offer_id, 10)
    }

    fn job(method: AgreementMethod) -> SubmitJob {
        let mut info = AccountInfo {
            first_name: "Gena".into(),
            last_name: "Soto".into(),
            email: "gena@wingtiptoys.com".into(),
            ..AccountInfo::default()
        };
        info.agreement.method = method;
        info.agreement.date = "2026-11-20".into();
        let request = NewCustomer::from_account(&info, &CountryRules::default());
        SubmitJob::new(&info, request, vec![planned("E3"), planned("AZURE")])
    }

    thread_local! {
        /// The pauses the pipeline asked for, in milliseconds.
        static PAUSES: RefCell<Vec<u32>> = const { RefCell::new(Vec::new()) };
    }

    fn no_wait(millis: u32) -> Pin<Box<dyn Future<Output = ()>>> {
        PAUSES.with(|pauses| pauses.borrow_mut().push(millis));
        Box::pin(async {})
    }

    /// The pauses asked for since the last call.
    fn pauses() -> Vec<u32> {
        PAUSES.with(|pauses| pauses.take())
    }

    fn run(api: &FakeApi, job: &mut SubmitJob) -> Vec<SubmitJob> {
        let counter = std::cell::Cell::new(0);
        let mut new_id = || {
            counter.set(counter.get() + 1);
            format!("request-{}-{}", counter.get(), job_marker())
        };
        let mut seen = Vec::new();
        block_on(run_pipeline(api, job, &mut new_id, &mut |job| seen.push(job.clone()), &no_wait, &mut || 1.0));
        seen
    }

    /// Tells request ids of separate runs apart.
    fn job_marker() -> usize {
        thread_local!(static RUNS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) });
        RUNS.with(|runs| {
            runs.set(runs.get() + 1);
            runs.get()
        })
    }

    #[test]
    fn runs_every_stage_in_the_spec_order() {
        let api = FakeApi::default();
        let mut job = job(AgreementMethod::AttestNow);
        let seen = run(&api, &mut job);
        assert_eq!(api.names(), ["domain", "create", "template", "attest", "order", "order"]);
        assert!(job.is_complete());
        assert_eq!(job.customer.as_ref().unwrap().user_credentials.password, "secret");
        assert_eq!(
            job.placed.iter().flatten().map(|order| order.id.as_str()).collect::<Vec<_>>(),
            ["order-E3", "order-AZURE"]
        );
        assert!(
            seen.iter().any(|job| job.status(Stage::CreateCustomer) == Some(&StageStatus::Running)),
            "progress is reported"
        );
        let ids: std::collections::BTreeSet<_> = api
            .calls
            .borrow()
            .iter()
            .filter(|(name, _)| name != "template" && name != "domain")
            .map(|(_, id)| id.clone())
            .collect();
        assert_eq!(ids.len(), 4, "each logical call has its own request id");
    }

    #[test]
    fn a_call_without_an_answer_is_retried_after_a_pause_with_the_same_request_id() {
        let api = FakeApi::default();
        let mut job = job(AgreementMethod::AttestNow);
        pauses();
        api.fail("create", 1, ApiError::NoAnswer("offline".into()));
        api.fail("create", 2, ApiError::TimedOut(30));
        run(&api, &mut job);
        let creates = api.request_ids("create");
        assert_eq!(creates.len(), 3);
        assert!(creates[0] == creates[1] && creates[1] == creates[2], "the same MS-RequestId: {creates:?}");
        assert_eq!(pauses(), [500, 1_000], "exponential backoff");
        assert!(job.is_complete());
    }

    #[test]
    fn a_domain_taken_since_the_page_checked_it_stops_before_anything_is_created() {
        let api = FakeApi::default();
        api.domain_taken.set(true);
        let mut job = job(AgreementMethod::AttestNow);
        run(&api, &mut job);
        assert_eq!(api.names(), ["domain"], "nothing created");
        assert!(
            matches!(job.failure(), Some((Stage::CreateCustomer, ApiError::DomainTaken(domain))) if domain.ends_with(".onmicrosoft.com"))
        );
    }

    #[test]
    fn a_resend_after_no_answer_does_not_check_the_domain_the_first_send_may_have_taken() {
        let api = FakeApi::default();
        let mut job = job(AgreementMethod::AttestNow);
        api.fail("create", 1, ApiError::Malformed("cut short".into()));
        run(&api, &mut job);
        api.domain_taken.set(true);
        run(&api, &mut job);
        assert_eq!(
            api.names().iter().filter(|name| *name == "domain").count(),
            1,
            "checked before the first send only"
        );
        assert!(job.is_complete());
    }

    #[test]
    fn a_created_customer_whose_answer_could_not_be_read_is_retried_with_the_same_request_id() {
        let api = FakeApi::default();
        let mut job = job(AgreementMethod::AttestNow);
        api.fail("create", 1, ApiError::Malformed("expected value at line 1".into()));
        run(&api, &mut job);
        assert_eq!(job.failure().map(|(stage, _)| stage), Some(Stage::CreateCustomer), "not retried on its own");
        run(&api, &mut job);
        let creates = api.request_ids("create");
        assert_eq!(creates[0], creates[1], "the endpoint may have created it: the same MS-RequestId");
        assert!(job.is_complete());
    }

    #[test]
    fn throttling_waits_as_told_and_business_errors_are_not_retried() {
        let api = FakeApi::default();
        let mut job = job(AgreementMethod::AttestNow);
        pauses();
        let throttled = ApiError::Status { status: 429, body: None, retry_after: Some(3) };
        api.fail("create", 1, throttled);
        api.fail("attest", 1, ApiError::from_status(400, r#"{"code":27002,"description":"bad"}"#));
        run(&api, &mut job);
        assert_eq!(pauses(), [3_000], "Retry-After, and no pause for the 400");
        let creates = api.request_ids("create");
        assert_ne!(creates[0], creates[1], "after an answer, a new MS-RequestId");
        assert_eq!(job.failure().map(|(stage, _)| stage), Some(Stage::AttestAgreement));
        assert_eq!(api.names().iter().filter(|name| *name == "attest").count(), 1);
    }

    /// A job whose second order failed with a 500 at every try.
    fn job_with_failing_second_order(api: &FakeApi) -> SubmitJob {
        let mut job = job(AgreementMethod::AttestNow);
        for nth in 2..=4 {
            api.fail("order", nth, ApiError::from_status(500, r#"{"code":500,"description":"busy"}"#));
        }
        run(api, &mut job);
        job
    }

    #[test]
    fn a_failed_order_is_retried_without_creating_the_customer_again() {
        let api = FakeApi::default();
        let mut job = job_with_failing_second_order(&api);
        assert_eq!(job.failure().map(|(stage, _)| stage), Some(Stage::PlaceOrder(1)));
        assert_eq!(job.status(Stage::PlaceOrder(0)), Some(&StageStatus::Done));
        assert_eq!(job.customer.as_ref().unwrap().id, "tenant-1", "the customer id is kept");
        assert_eq!(api.names().iter().filter(|name| *name == "order").count(), 4, "one, then three tries");
        run(&api, &mut job);
        assert_eq!(api.names().iter().filter(|name| *name == "create").count(), 1);
        let orders = api.request_ids("order");
        assert_eq!(orders.len(), 5);
        let distinct: std::collections::BTreeSet<_> = orders.iter().collect();
        assert_eq!(distinct.len(), 5, "after an answer, each try is a new request");
        assert!(job.is_complete());
    }

    #[test]
    fn an_agreement_that_already_exists_counts_as_attested() {
        let api = FakeApi::default();
        let mut job = job(AgreementMethod::AttestNow);
        api.fail(
            "attest",
            1,
            ApiError::from_status(400, r#"{"code":600061,"description":"PartnerConfirmedAgreementAlreadyExists"}"#),
        );
        run(&api, &mut job);
        assert!(job.is_complete(), "{:?}", job.failure());
        let api = FakeApi::default();
        let mut job = self::job(AgreementMethod::AttestNow);
        api.fail("attest", 1, ApiError::from_status(403, r#"{"code":600006,"description":"not allowed"}"#));
        run(&api, &mut job);
        assert_eq!(job.failure().map(|(stage, _)| stage), Some(Stage::AttestAgreement));
        assert_eq!(api.names(), ["domain", "create", "template", "attest"], "no order before the attestation");
    }

    #[test]
    fn accepting_in_the_admin_center_creates_the_customer_alone() {
        let api = FakeApi::default();
        let mut job = job(AgreementMethod::AdminCenter);
        run(&api, &mut job);
        assert_eq!(api.names(), ["domain", "create"]);
        assert!(job.is_complete());
        assert_eq!(job.waiting_orders.len(), 2, "the orders wait for the customer's acceptance");
    }

    #[test]
    fn clearing_a_failure_lets_the_job_go_on_from_that_stage() {
        let api = FakeApi::default();
        let mut job = job_with_failing_second_order(&api);
        job.clear_failure();
        assert!(job.failure().is_none());
        assert_eq!(job.next_stage(), Some(Stage::PlaceOrder(1)));
        assert_eq!(job.status(Stage::PlaceOrder(1)), Some(&StageStatus::Waiting));
    }

    #[test]
    fn retrying_an_order_that_got_no_answer_keeps_its_request_id() {
        let api = FakeApi::default();
        let mut job = job(AgreementMethod::AttestNow);
        for nth in 1..=3 {
            api.fail("order", nth, ApiError::TimedOut(30));
        }
        run(&api, &mut job);
        assert_eq!(job.failure().map(|(stage, _)| stage), Some(Stage::PlaceOrder(0)));
        // Retry replans from the entries, which have not changed.
        job.replan_orders(vec![planned("E3"), planned("AZURE")]);
        run(&api, &mut job);
        let orders = api.request_ids("order");
        assert!(orders[..4].iter().all(|id| *id == orders[0]), "one MS-RequestId for the first order: {orders:?}");
        assert_ne!(orders[4], orders[0], "the second order has its own");
        assert!(job.is_complete());
    }

    #[test]
    fn replanning_keeps_placed_orders_and_the_customer() {
        let api = FakeApi::default();
        let mut job = job_with_failing_second_order(&api);
        job.replan_orders(vec![planned("E3"), planned("POWERBI")]);
        assert_eq!(job.status(Stage::PlaceOrder(0)), Some(&StageStatus::Done));
        assert_eq!(job.next_stage(), Some(Stage::PlaceOrder(1)));
        run(&api, &mut job);
        assert!(job.is_complete());
        assert_eq!(job.placed[1].as_ref().unwrap().id, "order-POWERBI");
        assert_eq!(api.names().iter().filter(|name| *name == "create").count(), 1);
    }
}
