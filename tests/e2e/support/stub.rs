//! A Partner-Center-compatible stub endpoint on 127.0.0.1, answering the wizard's calls the way
//! the spec describes them and recording every request, so that tests can assert what the
//! server received. It sits on its own origin, so the browser's CORS checks run as they would
//! against a real endpoint.

use axum::body::{to_bytes, Body};
use axum::extract::Query;
use axum::extract::{Path, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, head, post};
use axum::{Json, Router};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex};

/// The headers a browser may send to the endpoint (answered in the CORS preflight).
const ALLOWED_HEADERS: &str = "Accept, Authorization, Content-Type, MS-CorrelationId, MS-RequestId, X-Locale";

/// The fields of the project's built-in data that are its own additions, not the wire's.
const NOT_ON_THE_WIRE: [&str; 11] = [
    "postalCodeExample",
    "postalCodeName",
    "stateNames",
    "stateLocalNames",
    "addressLanguage",
    "registrationNumberName",
    "addressFormat",
    "stateNameType",
    "cityNameType",
    "phoneNationalPrefix",
    "phoneLengths",
];

/// One request as the stub received it.
#[derive(Clone, Debug)]
pub struct Received {
    /// `GET`, `HEAD`, `POST`…
    pub method: String,
    /// The path, e.g. `/v1/domains/contoso.onmicrosoft.com`.
    pub path: String,
    /// The headers, by lower-case name.
    pub headers: BTreeMap<String, String>,
    /// The JSON body, if any.
    pub body: Option<Value>,
}

impl Received {
    /// Whether this is the address pre-check, which creates nothing.
    pub fn is_address_check(&self) -> bool {
        self.method == "POST" && self.path == "/v1/validations/address"
    }

    /// A header's value, by lower-case name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(&name.to_ascii_lowercase()).map(String::as_str)
    }
}

/// A fault the stub answers instead of the real answer, once.
#[derive(Clone, Debug)]
pub struct Fault {
    /// The HTTP status.
    pub status: u16,
    /// The error envelope's code.
    pub code: i64,
    /// The error envelope's description.
    pub description: String,
    /// The error envelope's data.
    pub data: Vec<String>,
    /// The `Retry-After` header, in seconds, if any.
    pub retry_after: Option<u32>,
}

impl Fault {
    /// A 503 with `description`, as a service that is down for a moment answers.
    pub fn unavailable(description: &str) -> Fault {
        Fault { status: 503, code: 503, description: description.into(), data: Vec::new(), retry_after: None }
    }
}

/// What the stub does to one try of a call, instead of answering it plainly.
#[derive(Clone, Debug)]
pub enum Trouble {
    /// Answers this error, and does nothing.
    Error(Fault),
    /// Does the work, then answers only after this long: longer than the wizard's timeout, the
    /// answer never arrives, as with a slow service.
    Slow(std::time::Duration),
    /// Does the work, then drops the connection without an answer.
    Dropped,
    /// Does the work, then answers its status with a JSON body cut short.
    Malformed,
    /// Does nothing, and answers a proxy's 502 page in HTML.
    HtmlPage,
    /// Lets this try through, so that a later one can be made to fail.
    Pass,
}

/// An answer of the address check: status, suggestions, message.
type AddressAnswer = (String, Vec<Value>, String);

#[derive(Default)]
struct StubState {
    received: Mutex<Vec<Received>>,
    preflights: Mutex<Vec<Received>>,
    taken_domains: Mutex<BTreeSet<String>>,
    country_rules: BTreeMap<String, Value>,
    offers: Vec<Value>,
    customers: Mutex<Vec<Value>>,
    attestations: Mutex<BTreeSet<(String, String)>>,
    /// The orders placed, as their request bodies.
    orders: Mutex<Vec<Value>>,
    troubles: Mutex<Vec<(&'static str, Trouble)>>,
    /// Troubles played on every try of a call until they are cleared.
    lasting_troubles: Mutex<BTreeMap<&'static str, Trouble>>,
    /// The answers of the calls that create something, by path and `MS-RequestId`: a call sent
    /// again with the same id gets the same answer and creates nothing more.
    answered: Mutex<BTreeMap<(String, String), (StatusCode, axum::body::Bytes)>>,
    /// The bearer token every call must carry, where one is required.
    required_token: Mutex<Option<String>>,
    /// The address check's answers by first address line (lower case); others are verified.
    address_answers: Mutex<BTreeMap<String, AddressAnswer>>,
    contract_problems: Mutex<Vec<String>>,
}

/// The recorded US catalog the stub sells, in every country.
fn recorded_offers() -> Vec<Value> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/offers-US.json");
    let file: Value = serde_json::from_str(&std::fs::read_to_string(path).expect("data/offers-US.json")).unwrap();
    file["items"].as_array().unwrap().clone()
}

/// The Microsoft Customer Agreement template the stub answers.
pub const TEMPLATE_ID: &str = "117a77b0-9360-443b-8795-c6dedc750cf9";

/// The stub's handle: its address and what it received.
#[derive(Clone)]
pub struct Stub {
    state: Arc<StubState>,
    /// `http://127.0.0.1:<port>`
    pub base_url: String,
}

/// The rules of US and PT as `GET /v1/countryvalidationrules` answers them (their data files
/// hold the recorded answers, plus this project's additions, which the wire lacks); other
/// countries answer 404, as Partner Center does for codes it has no rules for.
fn recorded_country_rules() -> BTreeMap<String, Value> {
    ["US", "PT"]
        .into_iter()
        .map(|code| {
            let path = format!("{}/data/countries/{code}.json", env!("CARGO_MANIFEST_DIR"));
            let file: Value = serde_json::from_str(&std::fs::read_to_string(&path).expect(&path)).unwrap();
            let mut rules: Map<String, Value> = file.as_object().unwrap().clone();
            for field in NOT_ON_THE_WIRE {
                rules.remove(field);
            }
            rules.insert("attributes".into(), serde_json::json!({"objectType": "CountryValidationRules"}));
            (code.to_string(), Value::Object(rules))
        })
        .collect()
}

fn cors_headers(headers: &mut HeaderMap, origin: Option<HeaderValue>) {
    headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin.unwrap_or(HeaderValue::from_static("*")));
    headers.insert(header::VARY, HeaderValue::from_static("Origin"));
    // The browser shows a page these headers only when the endpoint lets it: Retry-After for
    // the wait, the ids for the request log.
    headers.insert(
        header::ACCESS_CONTROL_EXPOSE_HEADERS,
        HeaderValue::from_static("Retry-After, MS-RequestId, MS-CorrelationId"),
    );
}

fn record(request_parts: &axum::http::request::Parts, body: &[u8]) -> Received {
    Received {
        method: request_parts.method.to_string(),
        path: request_parts.uri.path().to_string(),
        headers: request_parts
            .headers
            .iter()
            .map(|(name, value)| (name.as_str().to_string(), value.to_str().unwrap_or_default().to_string()))
            .collect(),
        body: serde_json::from_slice(body).ok(),
    }
}

/// Records each request, answers CORS preflights, and adds the CORS headers to every answer.
async fn record_and_allow(State(state): State<Arc<StubState>>, request: Request, next: Next) -> Response {
    let (parts, body) = request.into_parts();
    let bytes = to_bytes(body, 1 << 20).await.unwrap_or_default();
    let origin = parts.headers.get(header::ORIGIN).cloned();
    let received = record(&parts, &bytes);
    if parts.method == Method::OPTIONS {
        state.preflights.lock().unwrap().push(received);
        let mut response = StatusCode::NO_CONTENT.into_response();
        let headers = response.headers_mut();
        cors_headers(headers, origin);
        headers.insert(header::ACCESS_CONTROL_ALLOW_METHODS, HeaderValue::from_static("GET, HEAD, POST"));
        headers.insert(header::ACCESS_CONTROL_ALLOW_HEADERS, HeaderValue::from_static(ALLOWED_HEADERS));
        headers.insert(header::ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static("600"));
        return response;
    }
    state.received.lock().unwrap().push(received);
    let required = state.required_token.lock().unwrap().clone();
    if let Some(token) = required {
        let sent = parts.headers.get(header::AUTHORIZATION).and_then(|value| value.to_str().ok());
        if sent != Some(format!("Bearer {token}").as_str()) {
            let mut response = error(StatusCode::UNAUTHORIZED, 401, "The access token is missing or expired", &[]);
            cors_headers(response.headers_mut(), origin);
            return response;
        }
    }
    // Partner Center answers with the call's ids, which support asks for.
    let ids: Vec<_> = ["ms-requestid", "ms-correlationid"]
        .into_iter()
        .filter_map(|name| parts.headers.get(name).map(|value| (name, value.clone())))
        .collect();
    let mut response = next.run(Request::from_parts(parts, Body::from(bytes))).await;
    cors_headers(response.headers_mut(), origin);
    for (name, value) in ids {
        response.headers_mut().insert(name, value);
    }
    response
}

/// The name of the call a request makes, as [`Stub::trouble_next`] takes it.
fn call_name(method: &Method, path: &str) -> Option<&'static str> {
    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    Some(match (method.as_str(), segments.as_slice()) {
        ("GET", ["v1", "countryvalidationrules", _]) => "country rules",
        ("HEAD", ["v1", "domains", _]) => "domain",
        ("GET", ["v1", "offers"]) => "offers",
        ("POST", ["v1", "customers"]) => "create customer",
        ("GET", ["v1", "agreements"]) => "template",
        ("POST", ["v1", "customers", _, "agreements"]) => "attest",
        ("POST", ["v1", "customers", _, "orders"]) => "order",
        ("POST", ["v1", "validations", "address"]) => "address",
        _ => return None,
    })
}

/// The error envelope of `fault`, with its `Retry-After`.
fn fault_answer(fault: &Fault) -> Response {
    let mut response = error(StatusCode::from_u16(fault.status).unwrap(), fault.code, &fault.description, &fault.data);
    if let Some(seconds) = fault.retry_after {
        response.headers_mut().insert(header::RETRY_AFTER, seconds.into());
    }
    response
}

/// Plays the trouble queued for a call's try, if any: see [`Trouble`].
async fn make_trouble(State(state): State<Arc<StubState>>, request: Request, next: Next) -> Response {
    let trouble = call_name(request.method(), request.uri().path()).and_then(|call| {
        let mut troubles = state.troubles.lock().unwrap();
        match troubles.iter().position(|(name, _)| *name == call) {
            Some(index) => Some(troubles.remove(index).1),
            None => state.lasting_troubles.lock().unwrap().get(call).cloned(),
        }
    });
    match trouble {
        None | Some(Trouble::Pass) => next.run(request).await,
        Some(Trouble::Error(fault)) => fault_answer(&fault),
        Some(Trouble::HtmlPage) => {
            let page = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr><p>nginx</p></body></html>";
            (StatusCode::BAD_GATEWAY, [(header::CONTENT_TYPE, "text/html")], page).into_response()
        }
        Some(Trouble::Slow(delay)) => {
            let response = next.run(request).await;
            tokio::time::sleep(delay).await;
            response
        }
        Some(Trouble::Dropped) => {
            let _done = next.run(request).await;
            // Ends the connection's task: the browser gets no answer at all. `resume_unwind`
            // does not run the panic hook, so nothing is printed.
            std::panic::resume_unwind(Box::new("the stub drops the connection"))
        }
        Some(Trouble::Malformed) => {
            let (parts, body) = next.run(request).await.into_parts();
            let bytes = to_bytes(body, 1 << 20).await.unwrap_or_default();
            let cut = bytes.slice(..bytes.len() / 2);
            let mut response = Response::from_parts(parts, Body::from(cut));
            response.headers_mut().remove(header::CONTENT_LENGTH);
            response
        }
    }
}

/// Answers a call that creates something (customer, attestation, order) sent again with the
/// same `MS-RequestId` with the answer it had, without creating it again: the idempotency the
/// spec asks of an endpoint.
async fn replay_by_request_id(State(state): State<Arc<StubState>>, request: Request, next: Next) -> Response {
    let request_id = request.headers().get("ms-requestid").and_then(|value| value.to_str().ok()).map(str::to_string);
    let key = match (request.method() == Method::POST, request_id) {
        (true, Some(id)) if !request.uri().path().starts_with("/v1/validations") => {
            (request.uri().path().to_string(), id)
        }
        _ => return next.run(request).await,
    };
    let answered = state.answered.lock().unwrap().get(&key).cloned();
    if let Some((status, body)) = answered {
        return (status, [(header::CONTENT_TYPE, "application/json")], body).into_response();
    }
    let (parts, body) = next.run(request).await.into_parts();
    let bytes = to_bytes(body, 1 << 20).await.unwrap_or_default();
    if parts.status.is_success() {
        state.answered.lock().unwrap().insert(key, (parts.status, bytes.clone()));
    }
    Response::from_parts(parts, Body::from(bytes))
}

async fn country_rules(State(state): State<Arc<StubState>>, Path(iso2): Path<String>) -> Response {
    match state.country_rules.get(&iso2) {
        Some(rules) => Json(rules.clone()).into_response(),
        None => (
            StatusCode::NOT_FOUND,
            Json(serde_json::json!({"code": 404, "description": format!("No rules for {iso2}"), "data": [], "source": "Stub"})),
        )
            .into_response(),
    }
}

async fn domain(State(state): State<Arc<StubState>>, Path(domain): Path<String>) -> StatusCode {
    if state.taken_domains.lock().unwrap().contains(&domain.to_ascii_lowercase()) {
        StatusCode::OK
    } else {
        StatusCode::NOT_FOUND
    }
}

fn error(status: StatusCode, code: i64, description: &str, data: &[String]) -> Response {
    (status, Json(serde_json::json!({"code": code, "description": description, "data": data, "source": "Stub"})))
        .into_response()
}

/// A request the stub refuses, answered as the error envelope.
struct Refusal {
    code: i64,
    description: String,
    data: Vec<String>,
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        error(StatusCode::BAD_REQUEST, self.code, &self.description, &self.data)
    }
}

/// Checks a JSON body against the contract: the `required` paths must be there (else the
/// answer is a 400 naming them); fields neither required nor `optional` are logged as contract
/// problems.
fn check_body(
    state: &StubState,
    call: &str,
    body: &Value,
    required: &[&str],
    optional: &[&str],
) -> Result<(), Refusal> {
    fn paths(value: &Value, prefix: &str, out: &mut Vec<String>) {
        if let Value::Object(map) = value {
            for (key, child) in map {
                let path = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
                out.push(path.clone());
                paths(child, &path, out);
            }
        }
        if let Value::Array(items) = value {
            for item in items {
                paths(item, &format!("{prefix}[]"), out);
            }
        }
    }
    let mut present = Vec::new();
    paths(body, "", &mut present);
    for path in &present {
        if !required.contains(&path.as_str()) && !optional.contains(&path.as_str()) {
            let problem = format!("{call}: unknown field {path}");
            eprintln!("stub: {problem}");
            state.contract_problems.lock().unwrap().push(problem);
        }
    }
    let missing: Vec<String> = required
        .iter()
        .filter(|path| !present.iter().any(|present| present == *path))
        .map(|path| format!("{path}: Required"))
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        state.contract_problems.lock().unwrap().push(format!("{call}: missing {missing:?}"));
        Err(Refusal { code: 27002, description: "A required property is missing".into(), data: missing })
    }
}

fn header_present(headers: &HeaderMap, name: &str) -> bool {
    headers.get(name).and_then(|value| value.to_str().ok()).is_some_and(|value| !value.trim().is_empty())
}

/// Every call must carry `MS-RequestId` and `MS-CorrelationId`.
fn check_headers(headers: &HeaderMap) -> Result<(), Refusal> {
    for name in ["ms-requestid", "ms-correlationid"] {
        if !header_present(headers, name) {
            return Err(Refusal { code: 400, description: format!("The {name} header is required"), data: Vec::new() });
        }
    }
    Ok(())
}

/// Admits a call with a body: its headers and body must meet the contract. `Some` is the
/// refusal to answer instead of the real answer.
fn admit(
    state: &StubState,
    headers: &HeaderMap,
    call: &'static str,
    body: &Value,
    required: &[&str],
    optional: &[&str],
) -> Option<Response> {
    check_headers(headers)
        .and_then(|_| check_body(state, call, body, required, optional))
        .err()
        .map(IntoResponse::into_response)
}

#[derive(serde::Deserialize)]
struct OffersQuery {
    country: Option<String>,
    offset: Option<usize>,
    size: Option<usize>,
}

async fn offers(State(state): State<Arc<StubState>>, headers: HeaderMap, Query(query): Query<OffersQuery>) -> Response {
    if let Err(refusal) = check_headers(&headers) {
        return refusal.into_response();
    }
    if !header_present(&headers, "x-locale") {
        return error(StatusCode::BAD_REQUEST, 400, "X-Locale is required on the offers call", &[]);
    }
    if query.country.is_none() {
        return error(StatusCode::BAD_REQUEST, 400, "country is required", &[]);
    }
    let (offset, size) = (query.offset.unwrap_or(0), query.size.unwrap_or(10).min(10));
    let items: Vec<Value> = state.offers.iter().skip(offset).take(size).cloned().collect();
    Json(serde_json::json!({"totalCount": state.offers.len(), "items": items, "attributes": {"objectType": "Collection"}}))
        .into_response()
}

async fn offer_categories(State(state): State<Arc<StubState>>) -> Response {
    let mut categories: Vec<Value> = Vec::new();
    for offer in &state.offers {
        let category = &offer["category"];
        if category["id"].as_str().is_some_and(|id| !id.is_empty()) && !categories.contains(category) {
            categories.push(category.clone());
        }
    }
    Json(serde_json::json!({"totalCount": categories.len(), "items": categories})).into_response()
}

const CUSTOMER_REQUIRED: [&str; 10] = [
    "companyProfile.domain",
    "billingProfile.firstName",
    "billingProfile.lastName",
    "billingProfile.email",
    "billingProfile.culture",
    "billingProfile.language",
    "billingProfile.companyName",
    "billingProfile.defaultAddress.addressLine1",
    "billingProfile.defaultAddress.country",
    "billingProfile.defaultAddress",
];

const CUSTOMER_OPTIONAL: [&str; 12] = [
    "enableGDAPByDefault",
    "associatedPartnerId",
    "companyProfile",
    "companyProfile.organizationRegistrationNumber",
    "billingProfile",
    "billingProfile.defaultAddress.firstName",
    "billingProfile.defaultAddress.lastName",
    "billingProfile.defaultAddress.addressLine2",
    "billingProfile.defaultAddress.city",
    "billingProfile.defaultAddress.state",
    "billingProfile.defaultAddress.postalCode",
    "billingProfile.defaultAddress.phoneNumber",
];

async fn create_customer(State(state): State<Arc<StubState>>, headers: HeaderMap, Json(body): Json<Value>) -> Response {
    if let Some(answer) = admit(&state, &headers, "create customer", &body, &CUSTOMER_REQUIRED, &CUSTOMER_OPTIONAL) {
        return answer;
    }
    let domain = body["companyProfile"]["domain"].as_str().unwrap_or_default().to_ascii_lowercase();
    if !state.taken_domains.lock().unwrap().insert(domain.clone()) {
        return error(StatusCode::BAD_REQUEST, 27002, "The domain is already taken", &["domain: DomainInUse".into()]);
    }
    let mut customers = state.customers.lock().unwrap();
    let id = format!("c501c3c4-d776-40ef-9ecf-{:012x}", customers.len() + 1);
    customers.push(body.clone());
    let answer = serde_json::json!({
        "id": id,
        "companyProfile": {"tenantId": id, "domain": domain, "companyName": body["billingProfile"]["companyName"]},
        "billingProfile": body["billingProfile"],
        "relationshipToPartner": "reseller",
        "userCredentials": {"userName": "admin", "password": "Stub!Pass-0042"},
        "attributes": {"objectType": "Customer"}
    });
    (StatusCode::CREATED, Json(answer)).into_response()
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct AgreementsQuery {
    agreement_type: Option<String>,
}

async fn agreement_templates(Query(query): Query<AgreementsQuery>) -> Response {
    if query.agreement_type.as_deref() != Some("MicrosoftCustomerAgreement") {
        // Without the type, Partner Center answers the old Microsoft Cloud Agreement.
        return Json(serde_json::json!({"totalCount": 1, "items": [{"templateId": "998b88de-aa99-4388-a42c-1b3517d49490", "agreementType": "MicrosoftCloudAgreement"}]})).into_response();
    }
    Json(serde_json::json!({"totalCount": 1, "items": [{"templateId": TEMPLATE_ID, "agreementType": "MicrosoftCustomerAgreement"}]}))
        .into_response()
}

const ATTESTATION_REQUIRED: [&str; 7] = [
    "primaryContact",
    "primaryContact.firstName",
    "primaryContact.lastName",
    "primaryContact.email",
    "templateId",
    "dateAgreed",
    "type",
];

const ATTESTATION_OPTIONAL: [&str; 1] = ["primaryContact.phoneNumber"];

async fn attest(
    State(state): State<Arc<StubState>>,
    Path(customer_id): Path<String>,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> Response {
    if let Some(answer) = admit(&state, &headers, "attest", &body, &ATTESTATION_REQUIRED, &ATTESTATION_OPTIONAL) {
        return answer;
    }
    let email = body["primaryContact"]["email"].as_str().unwrap_or_default().to_string();
    if !state.attestations.lock().unwrap().insert((customer_id, email)) {
        return error(StatusCode::BAD_REQUEST, 600061, "PartnerConfirmedAgreementAlreadyExists", &[]);
    }
    (StatusCode::CREATED, Json(body)).into_response()
}

const ORDER_REQUIRED: [&str; 7] = [
    "referenceCustomerId",
    "billingCycle",
    "lineItems",
    "lineItems[].lineItemNumber",
    "lineItems[].offerId",
    "lineItems[].friendlyName",
    "lineItems[].quantity",
];

const ORDER_OPTIONAL: [&str; 2] = ["lineItems[].partnerIdOnRecord", "lineItems[].additionalPartnerIdsOnRecord"];

async fn place_order(
    State(state): State<Arc<StubState>>,
    Path(customer_id): Path<String>,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> Response {
    if let Some(answer) = admit(&state, &headers, "order", &body, &ORDER_REQUIRED, &ORDER_OPTIONAL) {
        return answer;
    }
    let known_customer = state.customers.lock().unwrap().len();
    if known_customer == 0 || body["referenceCustomerId"] != Value::String(customer_id.clone()) {
        return error(StatusCode::NOT_FOUND, 600010, "No such customer", &[]);
    }
    let line_items: Vec<Value> = body["lineItems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|line| {
            let mut line = line.clone();
            line["subscriptionId"] = Value::String(format!("sub-{}", line["offerId"].as_str().unwrap_or_default()));
            line
        })
        .collect();
    state.orders.lock().unwrap().push(body.clone());
    let answer = serde_json::json!({
        "id": format!("order-{}", state.received.lock().unwrap().len()),
        "referenceCustomerId": customer_id,
        "billingCycle": body["billingCycle"],
        "lineItems": line_items,
        "creationDate": "2026-11-23T12:00:00Z",
        "status": "completed",
        "attributes": {"objectType": "Order"}
    });
    (StatusCode::CREATED, Json(answer)).into_response()
}

/// The stub's resellers: `(tenant id, name, MPN id, country, signed the partner agreement)`.
pub const RESELLERS: [(&str, &str, &str, &str, bool); 9] = [
    ("484e548c-f5f3-4528-93a9-c16c6373cb59", "First Up Consultants", "4847383", "US", true),
    ("b01b1487-b36e-4e6d-9b5e-0b58974c4b28", "ReleCloud", "4847433", "BR", true),
    ("00000000-0000-4000-8000-00000000e001", "Fourth Coffee IT", "5120871", "DE", true),
    ("00000000-0000-4000-8000-00000000e002", "Nordlys Cloud AB", "5120872", "SE", true),
    ("00000000-0000-4000-8000-00000000e003", "Alpenblick Informatik", "5120873", "CH", true),
    ("00000000-0000-4000-8000-00000000e004", "Lucerne Publishing Services", "5120874", "FR", true),
    ("00000000-0000-4000-8000-00000000e005", "Trey Research Polska", "5120875", "PL", true),
    ("00000000-0000-4000-8000-00000000e006", "Coho Systems Iberia", "5120876", "ES", true),
    ("00000000-0000-4000-8000-00000000e007", "Tailwind Traders Reseller", "5120877", "GB", false),
];

/// The invitation link the stub answers (Partner Center's form, the stub's partner id).
pub const INVITATION: &str = "https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=5a1b2c3d-0000-4000-8000-00000000aaaa&msppId=0&DAP=true#/BillingAccounts/partner-invitation";

async fn relationships(headers: HeaderMap, Query(query): Query<BTreeMap<String, String>>) -> Response {
    if let Err(refusal) = check_headers(&headers) {
        return refusal.into_response();
    }
    if query.get("relationship_type").map(String::as_str) != Some("IsIndirectCloudSolutionProviderOf") {
        return error(StatusCode::BAD_REQUEST, 400, "relationship_type is required", &[]);
    }
    let items: Vec<Value> = RESELLERS
        .iter()
        .map(|(id, name, mpn_id, location, _)| {
            serde_json::json!({"id": id, "name": name, "relationshipType": "IsIndirectCloudSolutionProviderOf",
                "state": "Active", "mpnId": mpn_id, "location": location, "attributes": {"objectType": "PartnerRelationship"}})
        })
        .collect();
    Json(serde_json::json!({"totalCount": items.len(), "items": items})).into_response()
}

async fn agreement_status(headers: HeaderMap, Query(query): Query<BTreeMap<String, String>>) -> Response {
    if let Err(refusal) = check_headers(&headers) {
        return refusal.into_response();
    }
    if query.keys().any(|name| name != "mpnId") {
        return error(StatusCode::BAD_REQUEST, 400, "only mpnId is taken", &[]);
    }
    let Some(mpn_id) = query.get("mpnId").filter(|id| !id.trim().is_empty()) else {
        return error(StatusCode::BAD_REQUEST, 400, "mpnId is required", &[]);
    };
    let signed = RESELLERS.iter().any(|(_, _, id, _, signed)| id == mpn_id && *signed);
    Json(serde_json::json!({"isAgreementSigned": signed})).into_response()
}

/// `POST /v1/validations/address`: the answers set with [`Stub::answer_address`], else
/// `Verified`.
async fn validate_address(
    State(state): State<Arc<StubState>>,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> Response {
    let optional = ["addressLine2", "city", "state", "postalCode"];
    if let Some(answer) = admit(&state, &headers, "address", &body, &["addressLine1", "country"], &optional) {
        return answer;
    }
    let line = body["addressLine1"].as_str().unwrap_or_default().trim().to_lowercase();
    let (status, suggestions, message) = state.address_answers.lock().unwrap().get(&line).cloned().unwrap_or((
        "Verified".into(),
        Vec::new(),
        String::new(),
    ));
    Json(serde_json::json!({"originalAddress": body, "suggestedAddresses": suggestions, "status": status,
        "validationMessage": message}))
    .into_response()
}

async fn relationship_request(headers: HeaderMap, Query(query): Query<BTreeMap<String, String>>) -> Response {
    if let Err(refusal) = check_headers(&headers) {
        return refusal.into_response();
    }
    if !query.is_empty() {
        return error(StatusCode::BAD_REQUEST, 400, "no query is taken", &[]);
    }
    Json(serde_json::json!({"url": INVITATION, "attributes": {"objectType": "RelationshipRequest"}})).into_response()
}

impl Stub {
    /// Starts the stub on a free port of 127.0.0.1.
    pub async fn start() -> Self {
        let state = Arc::new(StubState {
            country_rules: recorded_country_rules(),
            offers: recorded_offers(),
            ..StubState::default()
        });
        let app = Router::new()
            .route("/v1/countryvalidationrules/{iso2}", get(country_rules))
            .route("/v1/domains/{domain}", head(domain))
            .route("/v1/offers", get(offers))
            .route("/v1/offercategories", get(offer_categories))
            .route("/v1/customers", post(create_customer))
            .route("/v1/agreements", get(agreement_templates))
            .route("/v1/customers/{id}/agreements", post(attest))
            .route("/v1/customers/{id}/orders", post(place_order))
            .route("/v1/relationships", get(relationships))
            .route("/v1/compliance/csp/agreementstatus", get(agreement_status))
            .route("/v1/customers/relationshiprequests", get(relationship_request))
            .route("/v1/validations/address", post(validate_address))
            .layer(middleware::from_fn_with_state(state.clone(), replay_by_request_id))
            .layer(middleware::from_fn_with_state(state.clone(), make_trouble))
            .layer(middleware::from_fn_with_state(state.clone(), record_and_allow))
            .with_state(state.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base_url = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        Self { state, base_url }
    }

    /// Marks an initial domain (`<prefix>.onmicrosoft.com`) as taken.
    pub fn take_domain(&self, domain: &str) {
        self.state.taken_domains.lock().unwrap().insert(domain.to_string());
    }

    /// Answers the next `call` ("create customer", "attest", "order", "offers", …; see
    /// [`call_name`]) with `fault` instead, once.
    pub fn fail_next(&self, call: &'static str, fault: Fault) {
        self.trouble_next(call, Trouble::Error(fault));
    }

    /// Plays `trouble` on the next try of `call` that has none queued yet.
    pub fn trouble_next(&self, call: &'static str, trouble: Trouble) {
        self.state.troubles.lock().unwrap().push((call, trouble));
    }

    /// Plays `trouble` on every try of `call` from now until [`Stub::clear_troubles`].
    pub fn trouble_until_cleared(&self, call: &'static str, trouble: Trouble) {
        self.state.lasting_troubles.lock().unwrap().insert(call, trouble);
    }

    /// Drops the troubles still queued or lasting: the endpoint works again.
    pub fn clear_troubles(&self) {
        self.state.troubles.lock().unwrap().clear();
        self.state.lasting_troubles.lock().unwrap().clear();
    }

    /// Answers the address check of addresses whose first line is `line` with `status`, these
    /// `suggestions` and `message`.
    pub fn answer_address(&self, line: &str, status: &str, suggestions: Vec<Value>, message: &str) {
        let answer = (status.to_string(), suggestions, message.to_string());
        self.state.address_answers.lock().unwrap().insert(line.to_lowercase(), answer);
    }

    /// Answers 401 to every call without `Authorization: Bearer <token>`.
    pub fn require_token(&self, token: &str) {
        *self.state.required_token.lock().unwrap() = Some(token.to_string());
    }

    /// Answers the next `times` tries of `call` with `fault`: as many as the wizard makes on its
    /// own (3) and it stops and says what failed.
    pub fn fail_times(&self, call: &'static str, times: usize, fault: Fault) {
        for _ in 0..times {
            self.fail_next(call, fault.clone());
        }
    }

    /// The customers created, as their request bodies.
    pub fn customers(&self) -> Vec<Value> {
        self.state.customers.lock().unwrap().clone()
    }

    /// The agreements attested, as `(customer id, contact email)`.
    pub fn attestations(&self) -> Vec<(String, String)> {
        self.state.attestations.lock().unwrap().iter().cloned().collect()
    }

    /// The orders placed, as their request bodies.
    pub fn orders(&self) -> Vec<Value> {
        self.state.orders.lock().unwrap().clone()
    }

    /// What the stub found against the contract: unknown or missing fields.
    pub fn contract_problems(&self) -> Vec<String> {
        self.state.contract_problems.lock().unwrap().clone()
    }

    /// Every request received so far, CORS preflights aside, in order.
    pub fn received(&self) -> Vec<Received> {
        self.state.received.lock().unwrap().clone()
    }

    /// The CORS preflights received so far.
    pub fn preflights(&self) -> Vec<Received> {
        self.state.preflights.lock().unwrap().clone()
    }

    /// The requests received for `method` and `path`.
    pub fn calls(&self, method: &str, path: &str) -> Vec<Received> {
        self.received().into_iter().filter(|call| call.method == method && call.path == path).collect()
    }
}
