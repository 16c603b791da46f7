//! The submit job: its stages, their states, and what each call sends.

use crate::api::ApiError;
use crate::domain::account::account_info::{AccountInfo, AgreementMethod};
use crate::domain::catalog::order_plan::{PlacedOrder, PlannedOrder};
use crate::domain::requests::agreement_request::AgreementAttestation;
use crate::domain::requests::customer_request::{CreatedCustomer, NewCustomer};
use serde::{Deserialize, Serialize};

/// One stage of the pipeline, saved as `"CreateCustomer"`, `"AttestAgreement"`, `{"PlaceOrder": 0}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stage {
    /// `POST /v1/customers`.
    CreateCustomer,
    /// `GET /v1/agreements` for the template, then `POST /v1/customers/{id}/agreements`.
    AttestAgreement,
    /// `POST /v1/customers/{id}/orders` for the planned order at this index.
    PlaceOrder(usize),
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
    /// The orders to place.
    pub orders: Vec<PlannedOrder>,
    /// Orders that wait until the customer accepts the agreement in the admin center.
    pub waiting_orders: Vec<PlannedOrder>,
    /// The stages, in order.
    pub stages: Vec<StageState>,
    /// The created customer, once it exists.
    pub customer: Option<CreatedCustomer>,
    /// The agreement template id, once fetched.
    pub template_id: Option<String>,
    /// The placed orders, by planned order index.
    pub placed: Vec<Option<PlacedOrder>>,
}

fn waiting(stage: Stage) -> StageState {
    StageState { stage, status: StageStatus::Waiting, request_id: None }
}

impl SubmitJob {
    /// A job for the entries and the planned orders. With the "accept in the admin center"
    /// choice there is no attestation, and no order can be placed yet: the customer is created
    /// alone and the orders wait.
    pub fn new(info: &AccountInfo, customer_request: NewCustomer, orders: Vec<PlannedOrder>) -> Self {
        let attest = info.agreement.method == AgreementMethod::AttestNow;
        let (orders, waiting_orders) = if attest { (orders, Vec::new()) } else { (Vec::new(), orders) };
        let mut stages = vec![waiting(Stage::CreateCustomer)];
        if attest {
            stages.push(waiting(Stage::AttestAgreement));
        }
        stages.extend((0..orders.len()).map(|index| waiting(Stage::PlaceOrder(index))));
        Self {
            customer_request,
            attestation_source: attest.then(|| info.clone()),
            placed: vec![None; orders.len()],
            orders,
            waiting_orders,
            stages,
            customer: None,
            template_id: None,
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

    /// Records a placed order.
    pub fn order_placed(&mut self, index: usize, order: PlacedOrder) {
        if let Some(slot) = self.placed.get_mut(index) {
            *slot = Some(order);
        }
        self.succeed(Stage::PlaceOrder(index));
    }

    /// Marks `stage` done.
    pub fn succeed(&mut self, stage: Stage) {
        if let Some(state) = self.state_mut(stage) {
            state.status = StageStatus::Done;
            state.request_id = None;
        }
    }

    /// Marks `stage` failed. Its request id is renewed only after an error answer (the endpoint
    /// said it did nothing); it is kept after no answer, and after a 2xx whose body could not be
    /// read, where the call may well have acted: the same id lets the endpoint recognise a retry.
    pub fn fail(&mut self, stage: Stage, error: ApiError) {
        if let Some(state) = self.state_mut(stage) {
            if matches!(error, ApiError::Status { .. }) {
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

    /// Replaces the orders not placed yet with `orders` (after the user changed the
    /// subscriptions following a refused order, or on a retry). Orders already placed stay
    /// placed; the customer is never created again; an order that is still the same keeps the
    /// request id of its call that got no answer, so that the endpoint can tell the retry.
    pub fn replan_orders(&mut self, orders: Vec<PlannedOrder>) {
        let placed: Vec<(PlannedOrder, PlacedOrder)> = self
            .orders
            .iter()
            .zip(&self.placed)
            .filter_map(|(planned, placed)| placed.clone().map(|placed| (planned.clone(), placed)))
            .collect();
        let request_ids: Vec<(PlannedOrder, String)> = self
            .orders
            .iter()
            .enumerate()
            .filter_map(|(index, planned)| {
                let state = self.stages.iter().find(|state| state.stage == Stage::PlaceOrder(index))?;
                Some((planned.clone(), state.request_id.clone()?))
            })
            .collect();
        let pending: Vec<PlannedOrder> =
            orders.into_iter().filter(|order| !placed.iter().any(|(done, _)| done == order)).collect();
        self.stages.retain(|state| !matches!(state.stage, Stage::PlaceOrder(_)));
        self.orders = placed.iter().map(|(planned, _)| planned.clone()).chain(pending).collect();
        self.placed = placed.into_iter().map(|(_, order)| Some(order)).collect();
        self.placed.resize(self.orders.len(), None);
        for (index, planned) in self.orders.iter().enumerate() {
            let mut state = waiting(Stage::PlaceOrder(index));
            if self.placed[index].is_some() {
                state.status = StageStatus::Done;
            } else {
                state.request_id =
                    request_ids.iter().find(|(order, _)| order == planned).map(|(_, request_id)| request_id.clone());
            }
            self.stages.push(state);
        }
    }
}
