//! Drives a [`SubmitJob`] over a [`PartnerApi`], stage by stage. A stage that fails for a
//! reason that may pass (no answer, 429, 5xx) is tried again after a backoff, a few times; at a
//! failure that stays, the pipeline stops. Run it again on the same job to retry the failed stage
//! and go on: the stages already done are not repeated.

use crate::api::retry::retry_delay;
use crate::api::{ApiError, DomainAvailability, PartnerApi};
use crate::domain::commerce::cart::RefusedLine;
use crate::domain::commerce::checkout::{purchase_allowed, AccountStatus};
use crate::submit::job::{Hold, Stage, SubmitJob};
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

/// The checkout's error codes that mean Microsoft has not verified the account: under review
/// (`800073`, `800074`) or not approved (`800075`).
const ACCOUNT_NOT_VERIFIED: [i64; 3] = [800073, 800074, 800075];
/// The checkout's error code when the customer has not accepted the agreement.
const AGREEMENT_MISSING: i64 = 13605;

/// Reads every line's availabilities again (their ids are reissued from time to time) and
/// updates its catalog item. A line that can no longer be bought fails the stage at its line.
async fn refresh_lines(api: &dyn PartnerApi, job: &mut SubmitJob) -> Result<(), ApiError> {
    let address = &job.customer_request.billing_profile;
    let (country, locale) = (address.default_address.country.clone(), address.culture.clone());
    let mut gone = Vec::new();
    for index in 0..job.lines.len() {
        let (product_id, sku_id) = (job.lines[index].product_id.clone(), job.lines[index].sku_id.clone());
        let availabilities = api.availabilities(&product_id, &sku_id, &country, &locale).await?;
        match job.lines[index].current_catalog_item(&availabilities) {
            Some(item) if item != job.lines[index].catalog_item_id => {
                job.lines[index].catalog_item_id = item;
                job.cart_stale |= job.cart.is_some();
            }
            Some(_) => {}
            None => gone.push(RefusedLine { line: index, code: LINE_NOT_PURCHASABLE, description: String::new() }),
        }
    }
    if gone.is_empty() {
        Ok(())
    } else {
        Err(ApiError::LinesRefused(gone))
    }
}

/// The line error code of a catalog item that cannot be bought (10001), also used when the
/// re-read availabilities no longer offer a line.
const LINE_NOT_PURCHASABLE: i64 = 10001;

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
        Stage::Qualify => {
            let customer_id = customer_id()?;
            let Some(qualification) = job.qualification.clone() else {
                job.succeed(stage);
                return Ok(());
            };
            api.add_qualification(&customer_id, &qualification, request_id).await?;
            job.succeed(stage);
        }
        Stage::Cart => {
            let customer_id = customer_id()?;
            refresh_lines(api, job).await?;
            let answer = match job.cart.as_ref().map(|cart| cart.id.clone()) {
                None => api.create_cart(&customer_id, &job.cart_request(), request_id).await?,
                Some(cart_id) if job.cart_stale => {
                    api.update_cart(&customer_id, &cart_id, &job.cart_request(), request_id).await?
                }
                Some(_) => {
                    job.succeed(stage);
                    return Ok(());
                }
            };
            if answer.id.is_empty() {
                return Err(ApiError::Malformed("the cart has no id".into()));
            }
            job.cart_answered(answer)?;
        }
        Stage::Checkout => {
            let customer_id = customer_id()?;
            let cart_id = job.cart.as_ref().map(|cart| cart.id.clone()).unwrap_or_default();
            let status = api.account_status(&customer_id).await?;
            if !purchase_allowed(status.as_ref()) {
                let status = status.map(|status| status.status).unwrap_or_default();
                job.hold_stage(stage, Hold::AccountReview(status));
                return Ok(());
            }
            match api.checkout(&customer_id, &cart_id, request_id).await {
                Ok(result) => job.checked_out(result.orders, result.order_errors)?,
                Err(error) if error.code() == Some(AGREEMENT_MISSING) => job.hold_stage(stage, Hold::AgreementPending),
                Err(error) if error.code().is_some_and(|code| ACCOUNT_NOT_VERIFIED.contains(&code)) => {
                    let status = if error.code() == Some(800075) {
                        AccountStatus::NotAllowed
                    } else {
                        AccountStatus::UnderReview
                    };
                    job.hold_stage(stage, Hold::AccountReview(status));
                }
                Err(error) => return Err(error),
            }
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
        if job.hold().is_some() {
            // Waits for Microsoft or the customer: the user checks again.
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::ApiFuture;
    use crate::domain::account::account_info::{AccountInfo, AgreementMethod};
    use crate::domain::account::address_check::{AddressValidation, PostalAddress};
    use crate::domain::commerce::cart::{Cart, CartLineError};
    use crate::domain::commerce::catalog::{Availability, Product, Sku};
    use crate::domain::commerce::checkout::{CheckoutResult, Order, OrderError, ValidationStatus};
    use crate::domain::commerce::lines::PlannedLine;
    use crate::domain::commerce::qualification::{CustomerQualification, QualificationRequest};
    use crate::domain::country::country_rules::CountryRules;
    use crate::domain::requests::agreement_request::AgreementAttestation;
    use crate::domain::requests::customer_request::{
        CreatedCompanyProfile, CreatedCustomer, NewCustomer, UserCredentials,
    };
    use crate::submit::job::StageStatus;
    use std::cell::{Cell, RefCell};
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
        domain_taken: Cell<bool>,
        /// The account status answered; `None` answers "no status".
        status: RefCell<Option<AccountStatus>>,
        /// Whether an agreement was attested (else the checkout answers 13605).
        attested: Cell<bool>,
        /// The availability id answered (reissued when changed).
        availability_id: RefCell<String>,
        /// Line errors the next cart answer carries, by line.
        refuse: RefCell<Vec<(u32, i64)>>,
        /// Order groups the next checkout fails.
        fail_groups: RefCell<Vec<String>>,
        /// The orders placed, by group.
        placed: RefCell<Vec<String>>,
        /// The carts made and updated, as sent.
        carts: RefCell<Vec<Cart>>,
    }

    impl FakeApi {
        fn new() -> Self {
            let api = FakeApi::default();
            *api.status.borrow_mut() = Some(AccountStatus::Allowed);
            *api.availability_id.borrow_mut() = "A".into();
            api
        }

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

        fn count(&self, call: &str) -> usize {
            self.names().iter().filter(|name| *name == call).count()
        }

        fn request_ids(&self, call: &str) -> Vec<String> {
            self.calls.borrow().iter().filter(|(name, _)| name == call).map(|(_, id)| id.clone()).collect()
        }

        /// The cart answer: an id, each line in the group of its billing cycle, or refused.
        fn cart_answer(&self, cart: &Cart) -> Cart {
            self.carts.borrow_mut().push(cart.clone());
            let mut answer = cart.clone();
            answer.id = "cart-1".into();
            let refuse = self.refuse.take();
            for line in &mut answer.line_items {
                match refuse.iter().find(|(id, _)| *id == line.id) {
                    Some((_, code)) => {
                        line.error = Some(CartLineError { error_code: *code, error_description: "refused".into() })
                    }
                    None => line.order_group = Some(line.billing_cycle.clone()),
                }
            }
            answer
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
        fn products(&self, _: &str, _: &str) -> ApiFuture<Vec<Product>> {
            unreachable!("submit never reads the catalog")
        }
        fn skus(&self, _: &str, _: &str, _: &str) -> ApiFuture<Vec<Sku>> {
            unreachable!("submit never reads the SKUs")
        }
        fn availabilities(&self, product_id: &str, sku_id: &str, _: &str, _: &str) -> ApiFuture<Vec<Availability>> {
            let id = self.availability_id.borrow().clone();
            let availability: Availability = serde_json::from_value(serde_json::json!({
                "id": id, "catalogItemId": format!("{product_id}:{sku_id}:{id}"), "isPurchasable": true,
                "terms": [{"id": "t", "duration": "P1Y", "billingCycle": "Monthly"},
                          {"id": "u", "duration": "P1Y", "billingCycle": "Annual"}]}))
            .unwrap();
            self.answer("availabilities", "", vec![availability])
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
            self.attested.set(true);
            self.answer("attest", request_id, ())
        }
        fn add_qualification(
            &self,
            _: &str,
            qualification: &QualificationRequest,
            request_id: &str,
        ) -> ApiFuture<CustomerQualification> {
            let answer = CustomerQualification {
                qualification: qualification.qualification.clone(),
                vetting_status: "InReview".into(),
            };
            self.answer("qualification", request_id, answer)
        }
        fn account_status(&self, _: &str) -> ApiFuture<Option<ValidationStatus>> {
            let status = self.status.borrow().map(|status| ValidationStatus { status, ..ValidationStatus::default() });
            self.answer("status", "", status)
        }
        fn create_cart(&self, customer_id: &str, cart: &Cart, request_id: &str) -> ApiFuture<Cart> {
            assert_eq!(customer_id, "tenant-1");
            let answer = self.cart_answer(cart);
            self.answer("cart", request_id, answer)
        }
        fn update_cart(&self, _: &str, cart_id: &str, cart: &Cart, request_id: &str) -> ApiFuture<Cart> {
            assert_eq!(cart_id, "cart-1");
            let answer = self.cart_answer(cart);
            self.answer("cart update", request_id, answer)
        }
        fn checkout(&self, _: &str, cart_id: &str, request_id: &str) -> ApiFuture<CheckoutResult> {
            assert_eq!(cart_id, "cart-1");
            if !self.attested.get() {
                return self
                    .answer("checkout", request_id, CheckoutResult::default())
                    .and_fail(ApiError::from_status(403, r#"{"code":13605,"description":"agreement missing"}"#));
            }
            let groups: Vec<String> = {
                let carts = self.carts.borrow();
                let mut groups: Vec<String> = Vec::new();
                for line in &carts.last().unwrap().line_items {
                    if !groups.contains(&line.billing_cycle) {
                        groups.push(line.billing_cycle.clone());
                    }
                }
                groups
            };
            let failing = self.fail_groups.take();
            let mut result = CheckoutResult::default();
            for group in groups {
                if failing.contains(&group) {
                    result.order_errors.push(OrderError {
                        order_group_id: group,
                        code: 800002,
                        description: "busy".into(),
                    });
                    continue;
                }
                if !self.placed.borrow().contains(&group) {
                    self.placed.borrow_mut().push(group.clone());
                }
                result.orders.push(Order { id: format!("order-{group}"), billing_cycle: group, ..Order::default() });
            }
            self.answer("checkout", request_id, result)
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
    }

    /// Replaces a future's answer with an error (the fake's refusals).
    trait AndFail<T> {
        fn and_fail(self, error: ApiError) -> ApiFuture<T>;
    }

    impl<T: 'static> AndFail<T> for ApiFuture<T> {
        fn and_fail(self, error: ApiError) -> ApiFuture<T> {
            Box::pin(async move {
                let _ = self.await;
                Err(error)
            })
        }
    }

    fn line(product_id: &str, billing: &str) -> PlannedLine {
        PlannedLine {
            product_id: product_id.into(),
            sku_id: "0001".into(),
            catalog_item_id: format!("{product_id}:0001:A"),
            quantity: 10,
            term: "P1Y".into(),
            billing: billing.into(),
            ..PlannedLine::default()
        }
    }

    fn job_with(method: AgreementMethod, lines: Vec<PlannedLine>) -> SubmitJob {
        let mut info = AccountInfo {
            first_name: "Gena".into(),
            last_name: "Soto".into(),
            email: "gena@wingtiptoys.com".into(),
            ..AccountInfo::default()
        };
        info.agreement.method = method;
        info.agreement.date = "2026-11-20".into();
        let request = NewCustomer::from_account(&info, &CountryRules::default());
        SubmitJob::new(&info, request, None, lines, Vec::new())
    }

    fn job(method: AgreementMethod) -> SubmitJob {
        job_with(method, vec![line("E3", "monthly"), line("AUDIO", "monthly")])
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
        let counter = Cell::new(0);
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
        thread_local!(static RUNS: Cell<usize> = const { Cell::new(0) });
        RUNS.with(|runs| {
            runs.set(runs.get() + 1);
            runs.get()
        })
    }

    #[test]
    fn runs_every_stage_in_the_spec_order() {
        let api = FakeApi::new();
        let mut job = job(AgreementMethod::AttestNow);
        let seen = run(&api, &mut job);
        assert_eq!(
            api.names(),
            [
                "domain",
                "create",
                "template",
                "attest",
                "availabilities",
                "availabilities",
                "cart",
                "status",
                "checkout"
            ]
        );
        assert!(job.is_complete());
        assert_eq!(job.customer.as_ref().unwrap().user_credentials.password, "secret");
        assert_eq!(job.orders.iter().map(|order| order.id.as_str()).collect::<Vec<_>>(), ["order-monthly"]);
        assert!(
            seen.iter().any(|job| job.status(Stage::CreateCustomer) == Some(&StageStatus::Running)),
            "progress is reported"
        );
        let ids: std::collections::BTreeSet<_> =
            api.calls.borrow().iter().filter(|(_, id)| !id.is_empty()).map(|(_, id)| id.clone()).collect();
        assert_eq!(ids.len(), 4, "each logical call has its own request id");
    }

    #[test]
    fn a_qualification_is_posted_after_the_agreement() {
        let api = FakeApi::new();
        let mut job = job(AgreementMethod::AttestNow);
        job = SubmitJob::new(
            &job.attestation_source.clone().unwrap(),
            job.customer_request.clone(),
            crate::domain::commerce::qualification::QualificationChoice::StateOwnedEntity.request(),
            job.lines.clone(),
            Vec::new(),
        );
        run(&api, &mut job);
        assert_eq!(&api.names()[..5], ["domain", "create", "template", "attest", "qualification"]);
        assert!(job.is_complete());
    }

    #[test]
    fn a_call_without_an_answer_is_retried_after_a_pause_with_the_same_request_id() {
        let api = FakeApi::new();
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
        let api = FakeApi::new();
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
        let api = FakeApi::new();
        let mut job = job(AgreementMethod::AttestNow);
        api.fail("create", 1, ApiError::Malformed("cut short".into()));
        run(&api, &mut job);
        api.domain_taken.set(true);
        run(&api, &mut job);
        assert_eq!(api.count("domain"), 1, "checked before the first send only");
        assert!(job.is_complete());
    }

    #[test]
    fn a_created_customer_whose_answer_could_not_be_read_is_retried_with_the_same_request_id() {
        let api = FakeApi::new();
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
        let api = FakeApi::new();
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
        assert_eq!(api.count("attest"), 1);
    }

    #[test]
    fn an_agreement_that_already_exists_counts_as_attested() {
        let api = FakeApi::new();
        let mut job = job(AgreementMethod::AttestNow);
        api.fail(
            "attest",
            1,
            ApiError::from_status(400, r#"{"code":600061,"description":"PartnerConfirmedAgreementAlreadyExists"}"#),
        );
        run(&api, &mut job);
        assert!(job.is_complete(), "{:?}", job.failure());
        let api = FakeApi::new();
        let mut job = self::job(AgreementMethod::AttestNow);
        api.fail("attest", 1, ApiError::from_status(403, r#"{"code":600006,"description":"not allowed"}"#));
        run(&api, &mut job);
        assert_eq!(job.failure().map(|(stage, _)| stage), Some(Stage::AttestAgreement));
        assert_eq!(api.names(), ["domain", "create", "template", "attest"], "no cart before the attestation");
    }

    #[test]
    fn a_customer_under_review_waits_with_the_cart_and_checks_out_once_allowed() {
        let api = FakeApi::new();
        *api.status.borrow_mut() = Some(AccountStatus::UnderReview);
        let mut job = job(AgreementMethod::AttestNow);
        run(&api, &mut job);
        assert_eq!(job.hold(), Some(Hold::AccountReview(AccountStatus::UnderReview)));
        assert_eq!(api.count("cart"), 1, "the cart is made and kept");
        assert_eq!(api.count("checkout"), 0);
        run(&api, &mut job);
        assert_eq!(api.count("checkout"), 0, "checking again while under review checks out nothing");
        *api.status.borrow_mut() = Some(AccountStatus::Allowed);
        run(&api, &mut job);
        assert!(job.is_complete());
        assert_eq!((api.count("cart"), api.count("checkout")), (1, 1), "one cart, one checkout");
        *api.status.borrow_mut() = None;
        let api_without_status = FakeApi::new();
        *api_without_status.status.borrow_mut() = None;
        let mut other = self::job(AgreementMethod::AttestNow);
        run(&api_without_status, &mut other);
        assert!(other.is_complete(), "no status at all does not block");
    }

    #[test]
    fn accepting_in_the_admin_center_keeps_the_cart_until_the_customer_has_accepted() {
        let api = FakeApi::new();
        let mut job = job(AgreementMethod::AdminCenter);
        run(&api, &mut job);
        assert_eq!(api.names(), ["domain", "create", "availabilities", "availabilities", "cart", "status", "checkout"]);
        assert_eq!(job.hold(), Some(Hold::AgreementPending));
        assert!(api.placed.borrow().is_empty());
        api.attested.set(true);
        run(&api, &mut job);
        assert!(job.is_complete());
        assert_eq!(api.count("cart"), 1);
    }

    #[test]
    fn a_refused_line_is_corrected_and_the_same_cart_updated() {
        let api = FakeApi::new();
        api.refuse.borrow_mut().push((1, 10019));
        let mut job = job(AgreementMethod::AttestNow);
        run(&api, &mut job);
        let Some((Stage::Cart, ApiError::LinesRefused(lines))) = job.failure() else { panic!("{:?}", job.failure()) };
        assert_eq!((lines[0].line, lines[0].code), (1, 10019));
        let mut fixed = job.lines.clone();
        fixed[1].quantity = 20;
        job.replan_lines(fixed);
        run(&api, &mut job);
        assert!(job.is_complete(), "{:?}", job.failure());
        assert_eq!((api.count("cart"), api.count("cart update")), (1, 1), "the same cart, updated");
        assert_eq!(api.carts.borrow()[1].line_items[1].quantity, 20);
    }

    #[test]
    fn a_partial_checkout_is_retried_for_the_failed_groups_only() {
        let api = FakeApi::new();
        api.fail_groups.borrow_mut().push("annual".into());
        let mut job = job_with(AgreementMethod::AttestNow, vec![line("E3", "monthly"), line("E5", "annual")]);
        run(&api, &mut job);
        let Some((Stage::Checkout, ApiError::OrderGroupsFailed(groups))) = job.failure() else {
            panic!("{:?} {:?}", job.failure(), api.names())
        };
        assert_eq!(groups[0].order_group_id, "annual");
        assert_eq!(job.orders.len(), 1, "the monthly order was placed");
        run(&api, &mut job);
        assert!(job.is_complete());
        assert_eq!(job.orders.len(), 2);
        assert_eq!(api.count("cart"), 1);
        assert_eq!(*api.placed.borrow(), ["monthly", "annual"], "each group placed once");
    }

    #[test]
    fn a_reissued_availability_goes_in_the_cart() {
        let api = FakeApi::new();
        *api.availability_id.borrow_mut() = "B".into();
        let mut job = job(AgreementMethod::AttestNow);
        run(&api, &mut job);
        assert!(job.is_complete());
        let carts = api.carts.borrow();
        assert_eq!(carts[0].line_items[0].catalog_item_id, "E3:0001:B");
    }

    #[test]
    fn a_failed_checkout_is_retried_without_creating_the_customer_again() {
        let api = FakeApi::new();
        let mut job = job(AgreementMethod::AttestNow);
        for nth in 1..=3 {
            api.fail("checkout", nth, ApiError::from_status(500, r#"{"code":500,"description":"busy"}"#));
        }
        run(&api, &mut job);
        assert_eq!(job.failure().map(|(stage, _)| stage), Some(Stage::Checkout));
        assert_eq!(job.customer.as_ref().unwrap().id, "tenant-1", "the customer id is kept");
        run(&api, &mut job);
        assert!(job.is_complete());
        assert_eq!((api.count("create"), api.count("cart"), api.count("checkout")), (1, 1, 4));
    }

    #[test]
    fn clearing_a_failure_lets_the_job_go_on_from_that_stage() {
        let api = FakeApi::new();
        let mut job = job(AgreementMethod::AttestNow);
        api.fail("attest", 1, ApiError::from_status(400, r#"{"code":27002,"description":"bad"}"#));
        run(&api, &mut job);
        job.clear_failure();
        assert!(job.failure().is_none());
        assert_eq!(job.next_stage(), Some(Stage::AttestAgreement));
    }
}
