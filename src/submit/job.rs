//! The submit job: its stages, their states, and what each call sends.
//!
//! Create the customer → attest the agreement → post the qualification (when chosen) → make
//! the cart (re-reading the availabilities first; `PUT` after a correction) → check out, once
//! Microsoft's account verification allows purchases. A checkout that must wait is *held*:
//! the cart is kept, and running the job again checks again.

use crate::api::ApiError;
use crate::domain::account::account_info::{AccountInfo, AgreementMethod};
use crate::domain::commerce::cart::{Cart, Participant};
use crate::domain::commerce::checkout::{AccountStatus, Order, OrderError};
use crate::domain::commerce::lines::{cart_of, PlannedLine};
use crate::domain::commerce::qualification::QualificationRequest;
use crate::domain::requests::agreement_request::AgreementAttestation;
use crate::domain::requests::customer_request::{CreatedCustomer, NewCustomer};
use serde::{Deserialize, Serialize};

/// One stage of the pipeline, saved by name (`"CreateCustomer"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stage {
    /// `POST /v1/customers`.
    CreateCustomer,
    /// `GET /v1/agreements` for the template, then `POST /v1/customers/{id}/agreements`.
    AttestAgreement,
    /// `POST /v1/customers/{id}/qualifications`.
    Qualify,
    /// The availabilities read again, then `POST …/carts` (or `PUT …/carts/{id}`).
    Cart,
    /// `GET …/validationStatus?type=account`, then `POST …/carts/{id}/checkout`.
    Checkout,
}

/// Why the checkout waits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Hold {
    /// Microsoft is verifying the customer's account (or refused it).
    AccountReview(AccountStatus),
    /// The customer has not accepted the Microsoft Customer Agreement yet (admin center).
    AgreementPending,
}

/// Where a stage is.
#[derive(Clone, Debug, PartialEq)]
pub enum StageStatus {
    /// Not started.
    Waiting,
    /// Its call is on the way.
    Running,
    /// Succeeded.
    Done,
    /// Failed; it can be retried.
    Failed(ApiError),
    /// Waits for something outside the wizard; checking again runs it again.
    Held(Hold),
}

/// One stage with its state and the `MS-RequestId` of its logical call.
#[derive(Clone, Debug, PartialEq)]
pub struct StageState {
    /// The stage.
    pub stage: Stage,
    /// Its status.
    pub status: StageStatus,
    /// The request id to use for its call: kept when the last attempt got no answer (so the
    /// server can tell a retry from a new request), renewed after any answer.
    pub request_id: Option<String>,
}

/// The whole submit: the requests to make and how far it has got.
#[derive(Clone, Debug, PartialEq)]
pub struct SubmitJob {
    /// The customer to create.
    pub customer_request: NewCustomer,
    /// The entries the attestation is made from; `None` when the customer accepts in the
    /// admin center.
    pub attestation_source: Option<AccountInfo>,
    /// The qualification to post, if one was chosen.
    pub qualification: Option<QualificationRequest>,
    /// The lines to buy.
    pub lines: Vec<PlannedLine>,
    /// The partners of record on every line (an indirect reseller's customer).
    pub participants: Vec<Participant>,
    /// The stages, in order.
    pub stages: Vec<StageState>,
    /// The created customer, once it exists.
    pub customer: Option<CreatedCustomer>,
    /// The agreement template id, once fetched.
    pub template_id: Option<String>,
    /// The cart as the endpoint last answered it.
    pub cart: Option<Cart>,
    /// Whether the cart no longer holds `lines` (a correction since): it is sent again (`PUT`).
    pub cart_stale: bool,
    /// The orders placed so far.
    pub orders: Vec<Order>,
    /// The order groups the last checkout could not place.
    pub order_errors: Vec<OrderError>,
}

fn waiting(stage: Stage) -> StageState {
    StageState { stage, status: StageStatus::Waiting, request_id: None }
}

impl SubmitJob {
    /// A job for the entries and the lines. With the "accept in the admin center" choice there
    /// is no attestation: the checkout then waits until the customer has accepted.
    pub fn new(
        info: &AccountInfo,
        customer_request: NewCustomer,
        qualification: Option<QualificationRequest>,
        lines: Vec<PlannedLine>,
        participants: Vec<Participant>,
    ) -> Self {
        let attest = info.agreement.method == AgreementMethod::AttestNow;
        let mut stages = vec![waiting(Stage::CreateCustomer)];
        if attest {
            stages.push(waiting(Stage::AttestAgreement));
        }
        if qualification.is_some() {
            stages.push(waiting(Stage::Qualify));
        }
        stages.extend([waiting(Stage::Cart), waiting(Stage::Checkout)]);
        Self {
            customer_request,
            attestation_source: attest.then(|| info.clone()),
            qualification,
            lines,
            participants,
            stages,
            customer: None,
            template_id: None,
            cart: None,
            cart_stale: false,
            orders: Vec::new(),
            order_errors: Vec::new(),
        }
    }

    /// The first stage not done yet; `None` when the job is complete.
    pub fn next_stage(&self) -> Option<Stage> {
        self.stages.iter().find(|state| state.status != StageStatus::Done).map(|state| state.stage)
    }

    /// Whether every stage is done.
    pub fn is_complete(&self) -> bool {
        self.next_stage().is_none()
    }

    /// The failed stage and its error, if the job stopped on one.
    pub fn failure(&self) -> Option<(Stage, &ApiError)> {
        self.stages.iter().find_map(|state| match &state.status {
            StageStatus::Failed(error) => Some((state.stage, error)),
            _ => None,
        })
    }

    /// Why the checkout waits, if it does.
    pub fn hold(&self) -> Option<Hold> {
        self.stages.iter().find_map(|state| match state.status {
            StageStatus::Held(hold) => Some(hold),
            _ => None,
        })
    }

    fn state_mut(&mut self, stage: Stage) -> Option<&mut StageState> {
        self.stages.iter_mut().find(|state| state.stage == stage)
    }

    /// The status of a stage.
    pub fn status(&self, stage: Stage) -> Option<&StageStatus> {
        self.stages.iter().find(|state| state.stage == stage).map(|state| &state.status)
    }

    /// Marks `stage` running and answers the `MS-RequestId` for its call: the kept one after a
    /// no-answer failure, else a new one from `new_id`.
    pub fn start(&mut self, stage: Stage, new_id: &mut dyn FnMut() -> String) -> String {
        let Some(state) = self.state_mut(stage) else { return new_id() };
        state.status = StageStatus::Running;
        state.request_id.get_or_insert_with(new_id).clone()
    }

    /// Records the customer the endpoint created.
    pub fn customer_created(&mut self, customer: CreatedCustomer) {
        self.customer = Some(customer);
        self.succeed(Stage::CreateCustomer);
    }

    /// The cart to send: the lines with their partners of record.
    pub fn cart_request(&self) -> Cart {
        cart_of(&self.lines, &self.participants)
    }

    /// Records the cart as answered; refused lines fail the stage (the cart is kept, so that
    /// the correction updates it rather than making another).
    pub fn cart_answered(&mut self, cart: Cart) -> Result<(), ApiError> {
        let refused = cart.refused();
        self.cart = Some(cart);
        self.cart_stale = false;
        if refused.is_empty() {
            self.succeed(Stage::Cart);
            Ok(())
        } else {
            Err(ApiError::LinesRefused(refused))
        }
    }

    /// Records a checkout: its orders join those placed before (each once), and the groups it
    /// could not place fail the stage.
    pub fn checked_out(&mut self, orders: Vec<Order>, errors: Vec<OrderError>) -> Result<(), ApiError> {
        for order in orders {
            if !self.orders.iter().any(|placed| placed.id == order.id) {
                self.orders.push(order);
            }
        }
        self.order_errors = errors.clone();
        if errors.is_empty() {
            self.succeed(Stage::Checkout);
            Ok(())
        } else {
            Err(ApiError::OrderGroupsFailed(errors))
        }
    }

    /// The lines the endpoint put in the order group `group` (the cart's answer says each
    /// line's group), in cart order.
    pub fn lines_of_group(&self, group: &str) -> Vec<&PlannedLine> {
        let Some(cart) = &self.cart else { return Vec::new() };
        cart.line_items
            .iter()
            .filter(|line| line.order_group.as_deref() == Some(group))
            .filter_map(|line| self.lines.get(line.id as usize))
            .collect()
    }

    /// Marks `stage` done.
    pub fn succeed(&mut self, stage: Stage) {
        if let Some(state) = self.state_mut(stage) {
            state.status = StageStatus::Done;
            state.request_id = None;
        }
    }

    /// Holds `stage` (the checkout) for `hold`; the endpoint answered, so the next check is a
    /// new request.
    pub fn hold_stage(&mut self, stage: Stage, hold: Hold) {
        if let Some(state) = self.state_mut(stage) {
            state.status = StageStatus::Held(hold);
            state.request_id = None;
        }
    }

    /// Marks `stage` failed. Its request id is renewed only after an answer that says what the
    /// endpoint did (an error status, refused lines or order groups); it is kept after no
    /// answer, and after a 2xx whose body could not be read, where the call may well have
    /// acted: the same id lets the endpoint recognise a retry.
    pub fn fail(&mut self, stage: Stage, error: ApiError) {
        if let Some(state) = self.state_mut(stage) {
            if error.was_answered() {
                state.request_id = None;
            }
            state.status = StageStatus::Failed(error);
        }
    }

    /// Puts a failed stage back to waiting, after the user changed what it sends; the stages
    /// done stay done.
    pub fn clear_failure(&mut self) {
        for state in &mut self.stages {
            if matches!(state.status, StageStatus::Failed(_)) {
                state.status = StageStatus::Waiting;
            }
        }
    }

    /// The attestation to send, once the template id is known.
    pub fn attestation(&self) -> Option<AgreementAttestation> {
        let template_id = self.template_id.as_deref()?;
        AgreementAttestation::from_account(self.attestation_source.as_ref()?, template_id)
    }

    /// Replaces the lines with `lines` (after the user corrected Subscriptions following a
    /// refused line, or on a retry). Nothing changes once orders are placed; the customer is
    /// never created again; a cart already made is updated (`PUT`), not made again. The same
    /// lines leave the job as it is, so a retry keeps its request ids.
    pub fn replan_lines(&mut self, lines: Vec<PlannedLine>) {
        if lines == self.lines || !self.orders.is_empty() {
            return;
        }
        self.lines = lines;
        self.cart_stale = self.cart.is_some();
        for stage in [Stage::Cart, Stage::Checkout] {
            if let Some(state) = self.state_mut(stage) {
                *state = waiting(stage);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::commerce::cart::{CartLine, CartLineError};
    use crate::domain::fixtures::wingtip;

    fn line(product_id: &str) -> PlannedLine {
        PlannedLine {
            product_id: product_id.into(),
            sku_id: "0001".into(),
            catalog_item_id: format!("{product_id}:0001:A"),
            quantity: 5,
            term: "P1Y".into(),
            billing: "monthly".into(),
            ..PlannedLine::default()
        }
    }

    fn job(method: AgreementMethod, qualification: bool) -> SubmitJob {
        let mut info = wingtip();
        info.agreement.method = method;
        let request = NewCustomer::from_account(&info, &crate::domain::fixtures::country_rules("US"));
        let qualification = qualification.then(|| QualificationRequest {
            qualification: "StateOwnedEntity".into(),
            education_segment: None,
            website: None,
            validation_code: None,
        });
        SubmitJob::new(&info, request, qualification, vec![line("E3")], Vec::new())
    }

    fn stages(job: &SubmitJob) -> Vec<Stage> {
        job.stages.iter().map(|state| state.stage).collect()
    }

    #[test]
    fn the_stages_follow_the_choices() {
        use Stage::*;
        assert_eq!(stages(&job(AgreementMethod::AttestNow, false)), [CreateCustomer, AttestAgreement, Cart, Checkout]);
        assert_eq!(
            stages(&job(AgreementMethod::AttestNow, true)),
            [CreateCustomer, AttestAgreement, Qualify, Cart, Checkout]
        );
        assert_eq!(stages(&job(AgreementMethod::AdminCenter, false)), [CreateCustomer, Cart, Checkout]);
    }

    #[test]
    fn a_refused_line_keeps_the_cart_and_a_correction_updates_it() {
        let mut job = job(AgreementMethod::AttestNow, false);
        let mut answer = job.cart_request();
        answer.id = "cart-1".into();
        answer.line_items[0].error =
            Some(CartLineError { error_code: 10015, error_description: "Too many seats".into() });
        let refused = job.cart_answered(answer).unwrap_err();
        assert_eq!(
            refused,
            ApiError::LinesRefused(vec![crate::domain::commerce::cart::RefusedLine {
                line: 0,
                code: 10015,
                description: "Too many seats".into()
            }])
        );
        job.fail(Stage::Cart, refused);
        let mut fewer = line("E3");
        fewer.quantity = 3;
        job.replan_lines(vec![fewer]);
        assert!(job.cart_stale, "the cart is sent again");
        assert_eq!(job.cart.as_ref().map(|cart| cart.id.as_str()), Some("cart-1"), "the same cart");
        assert_eq!(job.status(Stage::Cart), Some(&StageStatus::Waiting));
        let _ = CartLine::default();
    }

    #[test]
    fn a_partial_checkout_keeps_what_was_placed_and_a_retry_adds_the_rest() {
        let mut job = job(AgreementMethod::AttestNow, false);
        let order = |id: &str| Order { id: id.into(), ..Order::default() };
        let failed = OrderError { order_group_id: "1".into(), code: 800002, description: "busy".into() };
        let error = job.checked_out(vec![order("o-1")], vec![failed]).unwrap_err();
        assert!(matches!(error, ApiError::OrderGroupsFailed(ref groups) if groups[0].order_group_id == "1"));
        let mut answer = job.cart_request();
        answer.id = "cart-1".into();
        answer.line_items[0].order_group = Some("1".into());
        job.cart_answered(answer).unwrap();
        let in_group: Vec<&str> = job.lines_of_group("1").iter().map(|line| line.product_id.as_str()).collect();
        assert_eq!(in_group, ["E3"], "the failed group's lines");
        assert!(job.lines_of_group("0").is_empty());
        assert!(job.checked_out(vec![order("o-1"), order("o-2")], Vec::new()).is_ok());
        assert_eq!(job.orders.iter().map(|order| order.id.as_str()).collect::<Vec<_>>(), ["o-1", "o-2"]);
        assert!(job.order_errors.is_empty());
        job.replan_lines(vec![line("E5")]);
        assert_eq!(job.lines[0].product_id, "E3", "nothing changes once orders are placed");
    }

    #[test]
    fn a_held_checkout_is_what_runs_next() {
        let mut job = job(AgreementMethod::AttestNow, false);
        for stage in [Stage::CreateCustomer, Stage::AttestAgreement, Stage::Cart] {
            job.succeed(stage);
        }
        job.hold_stage(Stage::Checkout, Hold::AccountReview(AccountStatus::UnderReview));
        assert_eq!(job.hold(), Some(Hold::AccountReview(AccountStatus::UnderReview)));
        assert_eq!(job.next_stage(), Some(Stage::Checkout));
        assert!(!job.is_complete());
        assert!(job.failure().is_none());
    }
}
