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
use axum::routing::{get, head, post, put};
use axum::{Json, Router};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex};

/// The headers a browser may send to the endpoint (answered in the CORS preflight).
const ALLOWED_HEADERS: &str =
    "Accept, Authorization, Content-Type, MS-ContinuationToken, MS-CorrelationId, MS-RequestId, X-Locale";

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
    customers: Mutex<Vec<Value>>,
    attestations: Mutex<BTreeSet<(String, String)>>,
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
    /// The recorded new-commerce catalog: products, each with its `skus`, each with its
    /// `availabilities`.
    products: Vec<Value>,
    /// Carts, qualifications, account status and the test controls of new commerce.
    commerce: Mutex<Commerce>,
    /// The price sheet `GET /prices/{file}` answers, and the requests it received.
    prices: Mutex<PriceSheet>,
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
        headers.insert(header::ACCESS_CONTROL_ALLOW_METHODS, HeaderValue::from_static("GET, HEAD, POST, PUT"));
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
        ("POST", ["v1", "customers"]) => "create customer",
        ("GET", ["v1", "agreements"]) => "template",
        ("POST", ["v1", "customers", _, "agreements"]) => "attest",
        ("POST", ["v1", "validations", "address"]) => "address",
        ("GET", ["v1", "products"]) => "products",
        ("GET", ["v1", "products", _, "skus"]) => "skus",
        ("GET", ["v1", "products", _, "skus", _, "availabilities"]) => "availabilities",
        ("POST", ["v1", "customers", _, "qualifications"]) => "qualification",
        ("GET", ["v1", "customers", _, "validationStatus"]) => "validation status",
        ("POST", ["v1", "customers", _, "carts"]) => "cart",
        ("PUT", ["v1", "customers", _, "carts", _]) => "cart update",
        ("POST", ["v1", "customers", _, "carts", _, "checkout"]) => "checkout",
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

/// Answers a call that creates or changes something (customer, attestation, qualification,
/// cart, cart update, checkout, order) sent again with the same `MS-RequestId` with the answer
/// it had, without acting again: the idempotency the spec asks of an endpoint.
async fn replay_by_request_id(State(state): State<Arc<StubState>>, request: Request, next: Next) -> Response {
    let request_id = request.headers().get("ms-requestid").and_then(|value| value.to_str().ok()).map(str::to_string);
    let writes = request.method() == Method::POST || request.method() == Method::PUT;
    let key = match (writes, request_id) {
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

/// Whether `path` is one of `list`: the same, or under an entry `prefix.*` (any member of an
/// object whose keys are free, like a cart line's `provisioningContext`).
fn listed(list: &[&str], path: &str) -> bool {
    list.iter().any(|entry| {
        *entry == path
            || entry
                .strip_suffix(".*")
                .is_some_and(|prefix| path.strip_prefix(prefix).is_some_and(|rest| rest.starts_with('.')))
    })
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
        if !listed(required, path) && !listed(optional, path) {
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

// ---------------------------------------------------------------------------------------------
// New commerce: the catalog (products → SKUs → availabilities), qualifications, the account's
// verification, carts and their checkout.
// ---------------------------------------------------------------------------------------------

/// The recorded new-commerce catalog the stub sells, in every country: `data/products-US.json`,
/// `{"products": [{…, "skus": [{…, "availabilities": […]}]}]}`.
fn recorded_products() -> Vec<Value> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/products-US.json");
    let file: Value = serde_json::from_str(&std::fs::read_to_string(path).expect("data/products-US.json")).unwrap();
    file["products"].as_array().expect("data/products-US.json: products").clone()
}

/// How many products a page of `GET /v1/products` holds.
const PRODUCTS_PAGE: usize = 5;

/// The countries of the EU and EFTA, where a line may name additional partners of record.
const EU_EFTA: [&str; 31] = [
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT",
    "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO", "CH",
];

/// The code of an unknown product or SKU (the stub's; Partner Center's own is unconfirmed).
pub const PRODUCT_NOT_FOUND: i64 = 600089;

/// A cart as the stub keeps it.
struct CartRecord {
    customer_id: String,
    /// The cart as last answered.
    cart: Value,
    /// The orders placed by its checkouts, by order group.
    placed: BTreeMap<usize, Value>,
}

/// New commerce's state and its test controls.
#[derive(Default)]
struct Commerce {
    /// How many times [`Stub::reissue_availabilities`] gave every availability a new id.
    reissues: u32,
    /// The qualifications posted, as `(customer id, body)`.
    qualifications: Vec<(String, Value)>,
    /// Whether education qualifications are approved.
    education_approved: bool,
    /// The account status `validationStatus` answers; `None` answers 404 `600074`.
    account_status: Option<String>,
    carts: Vec<CartRecord>,
    /// Lines the next cart POST/PUT holding them refuses: `(product:sku, code, description)`.
    refused_lines: Vec<(String, i64, String)>,
    /// SKUs (`product:sku`) whose order group the next checkout fails.
    failing_groups: Vec<String>,
    /// Every order placed, once.
    placed_orders: Vec<Value>,
    /// For fresh ids.
    issued: u64,
}

impl Commerce {
    /// A fresh GUID-shaped id.
    fn guid(&mut self) -> String {
        self.issued += 1;
        format!("5c0f0e7a-{:04x}-4000-8000-{:012x}", self.issued % 0xffff, self.issued)
    }
}

/// The time `days` days from now, as ISO 8601 in UTC (`2026-12-07T10:00:00Z`).
fn timestamp(days: u64) -> String {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() + days * 86_400;
    let (day, second) = ((now / 86_400) as i64, now % 86_400);
    // Howard Hinnant's civil_from_days.
    let shifted = day + 719_468;
    let era = shifted.div_euclid(146_097);
    let day_of_era = shifted - era * 146_097;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day_of_month = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 { month_index + 3 } else { month_index - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day_of_month:02}T{:02}:{:02}:{:02}Z", second / 3600, second / 60 % 60, second % 60)
}

/// Records a contract problem of `call`.
fn contract_problem(state: &StubState, call: &str, problem: &str) {
    let problem = format!("{call}: {problem}");
    eprintln!("stub: {problem}");
    state.contract_problems.lock().unwrap().push(problem);
}

/// Checks a call's query parameters: the `required` ones must be there (else a 400, and a
/// contract problem); any other than `required` and `optional` is a contract problem.
fn check_query(
    state: &StubState,
    call: &str,
    query: &BTreeMap<String, String>,
    required: &[&str],
    optional: &[&str],
) -> Option<Response> {
    for name in query.keys() {
        if !required.contains(&name.as_str()) && !optional.contains(&name.as_str()) {
            contract_problem(state, call, &format!("unknown query parameter {name}"));
        }
    }
    let missing: Vec<String> = required
        .iter()
        .filter(|name| query.get(**name).is_none_or(|value| value.trim().is_empty()))
        .map(|name| format!("{name}: Required"))
        .collect();
    if missing.is_empty() {
        return None;
    }
    contract_problem(state, call, &format!("missing {missing:?}"));
    Some(error(StatusCode::BAD_REQUEST, 400, "A required query parameter is missing", &missing))
}

/// The id an availability of the file is answered with after `reissues` reissues.
fn issued_id(id: &str, reissues: u32) -> String {
    if reissues == 0 {
        id.to_string()
    } else {
        format!("{id}R{reissues}")
    }
}

/// `value` with every `"country"` member set to `country`.
fn in_country(mut value: Value, country: &str) -> Value {
    match &mut value {
        Value::Object(map) => {
            for (key, child) in map.iter_mut() {
                if key == "country" && child.is_string() {
                    *child = Value::String(country.to_string());
                } else {
                    *child = in_country(child.take(), country);
                }
            }
        }
        Value::Array(items) => {
            for item in items.iter_mut() {
                *item = in_country(item.take(), country);
            }
        }
        _ => {}
    }
    value
}

/// `value` without its member `name`.
fn without(value: &Value, name: &str) -> Value {
    let mut value = value.clone();
    if let Value::Object(map) = &mut value {
        map.remove(name);
    }
    value
}

fn find_product<'a>(state: &'a StubState, product_id: &str) -> Option<&'a Value> {
    state.products.iter().find(|product| product["id"].as_str() == Some(product_id))
}

fn find_sku<'a>(product: &'a Value, sku_id: &str) -> Option<&'a Value> {
    product["skus"].as_array()?.iter().find(|sku| sku["id"].as_str() == Some(sku_id))
}

fn not_found(what: &str) -> Response {
    error(StatusCode::NOT_FOUND, PRODUCT_NOT_FOUND, &format!("{what} was not found in the catalog"), &[])
}

/// Refuses a catalog call without `MS-RequestId`, `MS-CorrelationId` or (where `locale`)
/// `X-Locale`.
fn check_catalog_headers(state: &StubState, call: &str, headers: &HeaderMap, locale: bool) -> Option<Response> {
    if let Err(refusal) = check_headers(headers) {
        contract_problem(state, call, &refusal.description);
        return Some(refusal.into_response());
    }
    if locale && !header_present(headers, "x-locale") {
        contract_problem(state, call, "X-Locale is required");
        return Some(error(StatusCode::BAD_REQUEST, 400, &format!("X-Locale is required on the {call} call"), &[]));
    }
    None
}

/// `GET /v1/products?country=&targetView=OnlineServices`, in pages of [`PRODUCTS_PAGE`]: the
/// next page is `links.next`, its `MS-ContinuationToken` header the offset it starts at.
async fn products(
    State(state): State<Arc<StubState>>,
    headers: HeaderMap,
    Query(query): Query<BTreeMap<String, String>>,
) -> Response {
    const CALL: &str = "products";
    if let Some(refusal) = check_catalog_headers(&state, CALL, &headers, true) {
        return refusal;
    }
    let optional = ["targetSegment", "seekOperation"];
    if let Some(refusal) = check_query(&state, CALL, &query, &["country", "targetView"], &optional) {
        return refusal;
    }
    if query["targetView"] != "OnlineServices" {
        contract_problem(&state, CALL, &format!("targetView {} (the wizard asks OnlineServices)", query["targetView"]));
        return error(StatusCode::FORBIDDEN, 400036, "The target view is not allowed", &[]);
    }
    let offset = match query.get("seekOperation").map(String::as_str) {
        None => 0,
        Some("Next") => {
            let token = headers.get("ms-continuationtoken").and_then(|value| value.to_str().ok());
            match token.and_then(|token| token.trim().parse::<usize>().ok()) {
                Some(offset) => offset,
                None => {
                    contract_problem(&state, CALL, "seekOperation=Next without the page's MS-ContinuationToken");
                    return error(StatusCode::BAD_REQUEST, 400, "The continuation token is missing or invalid", &[]);
                }
            }
        }
        Some(other) => {
            contract_problem(&state, CALL, &format!("seekOperation={other}"));
            return error(StatusCode::BAD_REQUEST, 400, "seekOperation must be Next", &[]);
        }
    };
    let country = query["country"].clone();
    let items: Vec<Value> = state
        .products
        .iter()
        .skip(offset)
        .take(PRODUCTS_PAGE)
        .map(|product| {
            let mut item = in_country(without(product, "skus"), &country);
            if item.get("links").is_none() {
                let uri = format!("/products/{}/skus?country={country}", product["id"].as_str().unwrap_or_default());
                item["links"] = serde_json::json!({"skus": {"uri": uri, "method": "GET", "headers": []}});
            }
            item
        })
        .collect();
    let mut answer = serde_json::json!({"totalCount": state.products.len(), "items": items,
        "attributes": {"objectType": "Collection"}});
    let next = offset + PRODUCTS_PAGE;
    if next < state.products.len() {
        let segment = query.get("targetSegment").map(|segment| format!("&targetSegment={segment}")).unwrap_or_default();
        answer["links"] = serde_json::json!({"next": {
            "uri": format!("/products?country={country}&targetView=OnlineServices{segment}&seekOperation=Next"),
            "method": "GET",
            "headers": [{"key": "MS-ContinuationToken", "value": next.to_string()}]}});
    }
    Json(answer).into_response()
}

/// `GET /v1/products/{product}/skus?country=`: the product's SKUs, without their availabilities.
async fn skus(
    State(state): State<Arc<StubState>>,
    Path(product_id): Path<String>,
    headers: HeaderMap,
    Query(query): Query<BTreeMap<String, String>>,
) -> Response {
    const CALL: &str = "skus";
    if let Some(refusal) = check_catalog_headers(&state, CALL, &headers, false) {
        return refusal;
    }
    if let Some(refusal) = check_query(&state, CALL, &query, &["country"], &["targetSegment"]) {
        return refusal;
    }
    let Some(product) = find_product(&state, &product_id) else { return not_found(&format!("Product {product_id}")) };
    let items: Vec<Value> = product["skus"]
        .as_array()
        .map(|skus| skus.iter().map(|sku| in_country(without(sku, "availabilities"), &query["country"])).collect())
        .unwrap_or_default();
    Json(serde_json::json!({"totalCount": items.len(), "items": items, "attributes": {"objectType": "Collection"}}))
        .into_response()
}

/// `GET /v1/products/{product}/skus/{sku}/availabilities?country=`: with the ids of the latest
/// reissue ([`Stub::reissue_availabilities`]).
async fn availabilities(
    State(state): State<Arc<StubState>>,
    Path((product_id, sku_id)): Path<(String, String)>,
    headers: HeaderMap,
    Query(query): Query<BTreeMap<String, String>>,
) -> Response {
    const CALL: &str = "availabilities";
    if let Some(refusal) = check_catalog_headers(&state, CALL, &headers, false) {
        return refusal;
    }
    let optional = ["targetSegment", "IncludeLifeCycleState"];
    if let Some(refusal) = check_query(&state, CALL, &query, &["country"], &optional) {
        return refusal;
    }
    let Some(sku) = find_product(&state, &product_id).and_then(|product| find_sku(product, &sku_id)) else {
        return not_found(&format!("SKU {product_id}:{sku_id}"));
    };
    let reissues = state.commerce.lock().unwrap().reissues;
    let segment = query.get("targetSegment").map(|segment| segment.to_ascii_lowercase());
    let items: Vec<Value> = sku["availabilities"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|availability| {
            segment.as_ref().is_none_or(|segment| availability["segment"].as_str().unwrap_or("commercial") == segment)
        })
        .map(|availability| {
            let mut item = in_country(availability.clone(), &query["country"]);
            let id = issued_id(availability["id"].as_str().unwrap_or_default(), reissues);
            item["catalogItemId"] = Value::String(format!("{product_id}:{sku_id}:{id}"));
            item["id"] = Value::String(id);
            item
        })
        .collect();
    Json(serde_json::json!({"totalCount": items.len(), "items": items, "attributes": {"objectType": "Collection"}}))
        .into_response()
}

/// The index of the customer `id` among those created, whose ids the stub made from it.
fn customer_index(state: &StubState, id: &str) -> Option<usize> {
    let count = state.customers.lock().unwrap().len();
    (0..count).find(|index| format!("c501c3c4-d776-40ef-9ecf-{:012x}", index + 1) == id)
}

fn no_customer() -> Response {
    error(StatusCode::NOT_FOUND, 600010, "No such customer", &[])
}

/// `POST /v1/customers/{id}/qualifications`.
async fn add_qualification(
    State(state): State<Arc<StubState>>,
    Path(customer_id): Path<String>,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> Response {
    const CALL: &str = "qualification";
    let (required, optional): (&[&str], &[&str]) = match body["qualification"].as_str() {
        Some("Education") => (&["qualification", "educationSegment"], &["website"]),
        Some("StateOwnedEntity") => (&["qualification"], &[]),
        Some("GovernmentCommunityCloud") => (&["qualification", "validationCode"], &[]),
        other => {
            contract_problem(&state, CALL, &format!("qualification {other:?}"));
            let data = ["qualification: Education, StateOwnedEntity or GovernmentCommunityCloud".to_string()];
            return error(StatusCode::BAD_REQUEST, 400, "The qualification is not valid", &data);
        }
    };
    if let Some(answer) = admit(&state, &headers, CALL, &body, required, optional) {
        return answer;
    }
    if body["qualification"] == "Education"
        && !matches!(body["educationSegment"].as_str(), Some("K12" | "HigherEducation"))
    {
        contract_problem(&state, CALL, &format!("educationSegment {}", body["educationSegment"]));
        return error(StatusCode::BAD_REQUEST, 400, "educationSegment must be K12 or HigherEducation", &[]);
    }
    if customer_index(&state, &customer_id).is_none() {
        return no_customer();
    }
    let mut commerce = state.commerce.lock().unwrap();
    commerce.qualifications.push((customer_id, body.clone()));
    let approved = body["qualification"] == "Education" && commerce.education_approved;
    let answer = serde_json::json!({"qualification": body["qualification"],
        "vettingStatus": if approved { "Approved" } else { "InReview" }, "vettingReason": null,
        "vettingCreateDate": timestamp(0)});
    (StatusCode::CREATED, Json(answer)).into_response()
}

/// `GET /v1/customers/{id}/validationStatus?type=account`: the status set with
/// [`Stub::set_account_status`].
async fn validation_status(
    State(state): State<Arc<StubState>>,
    Path(customer_id): Path<String>,
    headers: HeaderMap,
    Query(query): Query<BTreeMap<String, String>>,
) -> Response {
    const CALL: &str = "validation status";
    if let Some(refusal) = check_catalog_headers(&state, CALL, &headers, false) {
        return refusal;
    }
    if let Some(refusal) = check_query(&state, CALL, &query, &["type"], &[]) {
        return refusal;
    }
    if query["type"] != "account" {
        contract_problem(&state, CALL, &format!("type={}", query["type"]));
        return error(StatusCode::BAD_REQUEST, 400, "type must be account", &[]);
    }
    if customer_index(&state, &customer_id).is_none() {
        return no_customer();
    }
    match state.commerce.lock().unwrap().account_status.clone() {
        None => error(StatusCode::NOT_FOUND, 600074, "AccountStatusNotFound", &[]),
        Some(status) => {
            Json(serde_json::json!({"type": "account", "status": status, "lastUpdateDateTime": timestamp(0)}))
                .into_response()
        }
    }
}

const CART_REQUIRED: [&str; 6] = [
    "partnerOnRecordAttestationAccepted",
    "lineItems",
    "lineItems[].id",
    "lineItems[].catalogItemId",
    "lineItems[].quantity",
    "lineItems[].billingCycle",
];

const CART_OPTIONAL: [&str; 6] = [
    "lineItems[].termDuration",
    "lineItems[].provisioningContext",
    "lineItems[].provisioningContext.*",
    "lineItems[].participants",
    "lineItems[].participants[].key",
    "lineItems[].participants[].value",
];

/// What a `PUT` may carry beyond a new cart's fields: the members of the answer it was read from,
/// which the endpoint ignores.
const CART_ANSWER_FIELDS: [&str; 14] = [
    "id",
    "attributes",
    "attributes.objectType",
    "status",
    "creationTimestamp",
    "lastModifiedTimestamp",
    "expirationTimestamp",
    "lastModifiedUser",
    "lineItems[].orderGroup",
    "lineItems[].currencyCode",
    "lineItems[].error",
    "lineItems[].error.errorCode",
    "lineItems[].error.errorDescription",
    "lineItems[].friendlyName",
];

/// Refuses a cart whose members are of the wrong type.
fn check_cart_types(state: &StubState, call: &str, body: &Value) -> Option<Response> {
    let mut wrong = Vec::new();
    if !body["partnerOnRecordAttestationAccepted"].is_boolean() {
        wrong.push("partnerOnRecordAttestationAccepted: a boolean".to_string());
    }
    match body["lineItems"].as_array() {
        Some(lines) if !lines.is_empty() => {
            for (index, line) in lines.iter().enumerate() {
                if !line["id"].is_u64() || !line["quantity"].is_u64() {
                    wrong.push(format!("lineItems[{index}]: id and quantity are whole numbers"));
                }
                if !line["catalogItemId"].is_string() || !line["billingCycle"].is_string() {
                    wrong.push(format!("lineItems[{index}]: catalogItemId and billingCycle are strings"));
                }
            }
        }
        _ => wrong.push("lineItems: at least one line".to_string()),
    }
    if wrong.is_empty() {
        return None;
    }
    contract_problem(state, call, &format!("{wrong:?}"));
    Some(error(StatusCode::BAD_REQUEST, 400, "The cart is not valid", &wrong))
}

/// A billing cycle as compared: lower case, the catalog's `None` (trials) is the cart's
/// `one_time`.
fn cycle(value: &str) -> String {
    match value.trim().to_ascii_lowercase().as_str() {
        "none" | "onetime" => "one_time".to_string(),
        other => other.to_string(),
    }
}

/// The product:sku of a catalog item id.
fn sku_key(catalog_item_id: &str) -> String {
    catalog_item_id.splitn(3, ':').take(2).collect::<Vec<_>>().join(":")
}

/// Checks the participants of a line; what is wrong is a contract problem (and the line's
/// error 10010).
fn check_participants(state: &StubState, call: &str, line: &Value, country: &str) -> bool {
    let Some(participants) = line.get("participants") else { return true };
    let mut problems = Vec::new();
    let Some(participants) = participants.as_array() else {
        contract_problem(state, call, "participants is not a list");
        return false;
    };
    let mut resellers = 0;
    let mut additional = 0;
    for participant in participants {
        let (Some(key), Some(value)) = (participant["key"].as_str(), participant["value"].as_str()) else {
            problems.push(format!("participant {participant}: key and value are strings"));
            continue;
        };
        if value.trim().is_empty() {
            problems.push(format!("participant {key} without a value"));
        }
        match key {
            "transaction_reseller" => resellers += 1,
            "additional_transaction_reseller" => additional += 1,
            other => problems.push(format!("participant key {other}")),
        }
    }
    if resellers != 1 {
        problems.push(format!("{resellers} transaction_reseller (one is expected with participants)"));
    }
    if additional > 5 {
        problems.push(format!("{additional} additional_transaction_reseller (at most 5)"));
    }
    if additional > 0 && !EU_EFTA.contains(&country) {
        problems.push(format!("additional_transaction_reseller for a customer in {country} (EU/EFTA only)"));
    }
    for problem in &problems {
        contract_problem(state, call, problem);
    }
    problems.is_empty()
}

/// The error of one cart line, by Partner Center's rules, if any.
fn line_error(
    state: &StubState,
    commerce: &mut Commerce,
    customer_id: &str,
    line: &Value,
    skus_in_cart: &[String],
) -> Option<(i64, String)> {
    let catalog_item_id = line["catalogItemId"].as_str().unwrap_or_default();
    let key = sku_key(catalog_item_id);
    if let Some(index) = commerce.refused_lines.iter().position(|(refused, _, _)| *refused == key) {
        let (_, code, description) = commerce.refused_lines.remove(index);
        return Some((code, description));
    }
    let unknown = || Some((10001, format!("The catalog item {catalog_item_id} is not valid")));
    let [product_id, sku_id, availability_id] = catalog_item_id.split(':').collect::<Vec<_>>()[..] else {
        return unknown();
    };
    let Some(product) = find_product(state, product_id) else { return unknown() };
    let Some(sku) = find_sku(product, sku_id) else { return unknown() };
    let reissues = commerce.reissues;
    let Some(availability) =
        sku["availabilities"].as_array().into_iter().flatten().find(|availability| {
            issued_id(availability["id"].as_str().unwrap_or_default(), reissues) == availability_id
        })
    else {
        return unknown();
    };
    if availability["isPurchasable"] == false {
        return Some((10006, "The catalog item cannot be purchased".into()));
    }
    if availability["segment"].as_str().is_some_and(|segment| segment.eq_ignore_ascii_case("education")) {
        let qualified = commerce
            .qualifications
            .iter()
            .any(|(customer, body)| customer == customer_id && body["qualification"] == "Education");
        if !(qualified && commerce.education_approved) {
            return Some((10006, "The customer is not approved for the education segment".into()));
        }
    }
    let billing = cycle(line["billingCycle"].as_str().unwrap_or_default());
    let terms: Vec<&Value> = availability["terms"].as_array().into_iter().flatten().collect();
    let plan_fits = match line["termDuration"].as_str() {
        // Usage-based (the Azure plan): no terms, billed once.
        None => terms.is_empty() && billing == "one_time",
        Some(duration) => terms.iter().any(|term| {
            term["duration"].as_str().is_some_and(|term_duration| term_duration.eq_ignore_ascii_case(duration))
                && cycle(term["billingCycle"].as_str().unwrap_or_default()) == billing
        }),
    };
    if !plan_fits {
        return Some((10013, "The billing cycle or term duration is not offered for this item".into()));
    }
    let quantity = line["quantity"].as_u64().unwrap_or_default();
    if sku["maximumQuantity"].as_u64().is_some_and(|maximum| quantity > maximum) {
        return Some((10015, format!("The quantity is more than the maximum of {}", sku["maximumQuantity"])));
    }
    if sku["minimumQuantity"].as_u64().is_some_and(|minimum| quantity < minimum) {
        return Some((10019, format!("The quantity is less than the minimum of {}", sku["minimumQuantity"])));
    }
    let attributes = &sku["dynamicAttributes"];
    if attributes["isAddon"] == true {
        let prerequisites: Vec<&str> =
            attributes["prerequisiteSkus"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
        if !prerequisites.iter().any(|prerequisite| skus_in_cart.iter().any(|key| key == prerequisite)) {
            return Some((10018, "The add-on's base offer is neither owned nor in the cart".into()));
        }
    }
    if sku["attestationProperties"]["enforceAttestation"] == true && line["attestationAccepted"] != true {
        return Some((10012, "The SKU's attestation was not accepted".into()));
    }
    None
}

/// The lines of a cart as answered: each with its `orderGroup` (one per billing cycle, numbered
/// by first appearance) or its `error`.
fn answer_lines(state: &StubState, commerce: &mut Commerce, customer_id: &str, call: &str, body: &Value) -> Vec<Value> {
    let lines = body["lineItems"].as_array().cloned().unwrap_or_default();
    let country = customer_index(state, customer_id)
        .and_then(|index| {
            state.customers.lock().unwrap()[index]["billingProfile"]["defaultAddress"]["country"]
                .as_str()
                .map(str::to_string)
        })
        .unwrap_or_default();
    let skus_in_cart: Vec<String> =
        lines.iter().map(|line| sku_key(line["catalogItemId"].as_str().unwrap_or_default())).collect();
    let mut groups: Vec<String> = Vec::new();
    lines
        .iter()
        .enumerate()
        .map(|(index, line)| {
            if line["id"].as_u64() != Some(index as u64) {
                contract_problem(state, call, &format!("line {index} has id {} (ids run 0..n-1)", line["id"]));
            }
            let billing = line["billingCycle"].as_str().unwrap_or_default();
            if billing != billing.to_ascii_lowercase() {
                contract_problem(state, call, &format!("billingCycle {billing} (lower case is sent)"));
            }
            if line["termDuration"].as_str().is_some_and(|duration| duration.trim().is_empty()) {
                contract_problem(state, call, "an empty termDuration (leave it out where there is none)");
            }
            let participants_fit = check_participants(state, call, line, &country);
            let mut answered = without(&without(&without(line, "orderGroup"), "error"), "currencyCode");
            answered["currencyCode"] = Value::String("USD".into());
            let error = if participants_fit {
                line_error(state, commerce, customer_id, line, &skus_in_cart)
            } else {
                Some((10010, "The participants are not valid".into()))
            };
            match error {
                Some((code, description)) => {
                    answered["error"] = serde_json::json!({"errorCode": code, "errorDescription": description});
                }
                None => {
                    let billing = cycle(billing);
                    let group = match groups.iter().position(|group| *group == billing) {
                        Some(group) => group,
                        None => {
                            groups.push(billing);
                            groups.len() - 1
                        }
                    };
                    answered["orderGroup"] = Value::String(group.to_string());
                }
            }
            answered
        })
        .collect()
}

/// `POST /v1/customers/{id}/carts` → 201, the cart with a new id and its lines checked.
async fn create_cart(
    State(state): State<Arc<StubState>>,
    Path(customer_id): Path<String>,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> Response {
    const CALL: &str = "cart";
    if let Some(answer) = admit(&state, &headers, CALL, &body, &CART_REQUIRED, &CART_OPTIONAL) {
        return answer;
    }
    if let Some(answer) = check_cart_types(&state, CALL, &body) {
        return answer;
    }
    if customer_index(&state, &customer_id).is_none() {
        return no_customer();
    }
    let mut commerce = state.commerce.lock().unwrap();
    let lines = answer_lines(&state, &mut commerce, &customer_id, CALL, &body);
    let now = timestamp(0);
    let cart = serde_json::json!({
        "id": commerce.guid(),
        "creationTimestamp": now,
        "lastModifiedTimestamp": now,
        "expirationTimestamp": timestamp(7),
        "lastModifiedUser": "admin@stub.onmicrosoft.com",
        "status": "Active",
        "partnerOnRecordAttestationAccepted": body["partnerOnRecordAttestationAccepted"],
        "lineItems": lines,
        "attributes": {"objectType": "Cart"}
    });
    commerce.carts.push(CartRecord { customer_id, cart: cart.clone(), placed: BTreeMap::new() });
    (StatusCode::CREATED, Json(cart)).into_response()
}

fn no_cart() -> Response {
    error(StatusCode::NOT_FOUND, 800008, "The cart was not found", &[])
}

/// `PUT /v1/customers/{id}/carts/{cart}` → 200, the same cart with the lines replaced and
/// checked again.
async fn update_cart(
    State(state): State<Arc<StubState>>,
    Path((customer_id, cart_id)): Path<(String, String)>,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> Response {
    const CALL: &str = "cart update";
    let optional: Vec<&str> = CART_OPTIONAL.iter().chain(&CART_ANSWER_FIELDS).copied().collect();
    if let Some(answer) = admit(&state, &headers, CALL, &body, &CART_REQUIRED, &optional) {
        return answer;
    }
    if let Some(answer) = check_cart_types(&state, CALL, &body) {
        return answer;
    }
    if body.get("id").is_some_and(|id| *id != Value::String(cart_id.clone())) {
        contract_problem(&state, CALL, &format!("id {} in the body of cart {cart_id}", body["id"]));
    }
    if customer_index(&state, &customer_id).is_none() {
        return no_customer();
    }
    let mut commerce = state.commerce.lock().unwrap();
    let Some(index) = commerce
        .carts
        .iter()
        .position(|record| record.customer_id == customer_id && record.cart["id"] == Value::String(cart_id.clone()))
    else {
        return no_cart();
    };
    if commerce.carts[index].cart["status"] == "Ordered" || !commerce.carts[index].placed.is_empty() {
        return error(StatusCode::BAD_REQUEST, 800065, "The cart was already submitted", &[]);
    }
    let lines = answer_lines(&state, &mut commerce, &customer_id, CALL, &body);
    let cart = &mut commerce.carts[index].cart;
    cart["lineItems"] = Value::Array(lines);
    cart["partnerOnRecordAttestationAccepted"] = body["partnerOnRecordAttestationAccepted"].clone();
    cart["lastModifiedTimestamp"] = Value::String(timestamp(0));
    Json(cart.clone()).into_response()
}

/// The code a checkout answers for an account that is not allowed to buy (403).
fn blocked_account_code(status: &str) -> i64 {
    match status {
        "UnderReview" => 800073,
        "NotAllowed" => 800075,
        _ => 800074,
    }
}

/// `POST /v1/customers/{id}/carts/{cart}/checkout` (no body) → 201 `{orders, orderErrors}`: one
/// order per order group not yet placed; a repeat answers the orders placed so far and tries
/// the rest.
async fn checkout(
    State(state): State<Arc<StubState>>,
    Path((customer_id, cart_id)): Path<(String, String)>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    const CALL: &str = "checkout";
    if let Err(refusal) = check_headers(&headers) {
        return refusal.into_response();
    }
    if !body.iter().all(u8::is_ascii_whitespace) {
        contract_problem(&state, CALL, "a body (the checkout takes none)");
    }
    if customer_index(&state, &customer_id).is_none() {
        return no_customer();
    }
    // Attested here, or the endpoint itself answered that the agreement exists (600061): the
    // agreement is in place either way.
    let agreements_path = format!("/v1/customers/{customer_id}/agreements");
    let attested = state.attestations.lock().unwrap().iter().any(|(customer, _)| *customer == customer_id)
        || state.received.lock().unwrap().iter().any(|call| call.method == "POST" && call.path == agreements_path);
    let mut commerce = state.commerce.lock().unwrap();
    let account_status = commerce.account_status.clone();
    let Some(index) = commerce
        .carts
        .iter()
        .position(|record| record.customer_id == customer_id && record.cart["id"] == Value::String(cart_id.clone()))
    else {
        return no_cart();
    };
    let placed_so_far =
        |commerce: &Commerce| -> Vec<Value> { commerce.carts[index].placed.values().cloned().collect() };
    if commerce.carts[index].cart["status"] == "Ordered" {
        let answer = serde_json::json!({"orders": placed_so_far(&commerce), "orderErrors": []});
        return (StatusCode::CREATED, Json(answer)).into_response();
    }
    let lines: Vec<Value> = commerce.carts[index].cart["lineItems"].as_array().cloned().unwrap_or_default();
    if lines.iter().any(|line| line.get("error").is_some()) {
        return error(StatusCode::BAD_REQUEST, 800009, "The cart has line items with errors", &[]);
    }
    if !attested {
        return error(
            StatusCode::FORBIDDEN,
            13605,
            "The customer has not accepted the Microsoft Customer Agreement",
            &[],
        );
    }
    if let Some(status) = account_status.filter(|status| status != "Allowed") {
        let code = blocked_account_code(&status);
        return error(StatusCode::FORBIDDEN, code, &format!("The customer's account is {status}: purchases wait"), &[]);
    }
    let mut groups: BTreeMap<usize, Vec<Value>> = BTreeMap::new();
    for line in lines {
        let group = line["orderGroup"].as_str().and_then(|group| group.parse().ok()).unwrap_or_default();
        groups.entry(group).or_default().push(line);
    }
    let mut order_errors = Vec::new();
    for (&group, lines) in &groups {
        if commerce.carts[index].placed.contains_key(&group) {
            continue;
        }
        let keys: Vec<String> =
            lines.iter().map(|line| sku_key(line["catalogItemId"].as_str().unwrap_or_default())).collect();
        if let Some(failing) = commerce.failing_groups.iter().position(|key| keys.contains(key)) {
            commerce.failing_groups.remove(failing);
            order_errors.push(serde_json::json!({"orderGroupId": group.to_string(), "code": 800002,
                "description": "The order could not be placed; try again"}));
            continue;
        }
        let mut order_lines = Vec::new();
        for (number, line) in lines.iter().enumerate() {
            let catalog_item_id = line["catalogItemId"].as_str().unwrap_or_default();
            let key = sku_key(catalog_item_id);
            let (product_id, sku_id) = key.split_once(':').unwrap_or_default();
            let title = find_product(&state, product_id)
                .and_then(|product| find_sku(product, sku_id))
                .map(|sku| sku["title"].clone())
                .unwrap_or(Value::Null);
            let reseller = line["participants"]
                .as_array()
                .into_iter()
                .flatten()
                .find(|participant| participant["key"] == "transaction_reseller")
                .map(|participant| participant["value"].clone())
                .unwrap_or(Value::Null);
            let mut order_line = serde_json::json!({"lineItemNumber": number, "offerId": catalog_item_id,
                "subscriptionId": commerce.guid(), "friendlyName": title, "quantity": line["quantity"],
                "partnerIdOnRecord": reseller});
            if let Some(duration) = line.get("termDuration") {
                order_line["termDuration"] = duration.clone();
            }
            order_lines.push(order_line);
        }
        let order = serde_json::json!({
            "id": commerce.guid(),
            "referenceCustomerId": customer_id,
            "billingCycle": lines[0]["billingCycle"],
            "currencyCode": "USD",
            "lineItems": order_lines,
            "creationDate": timestamp(0),
            "status": "completed",
            "attributes": {"objectType": "Order"}
        });
        commerce.placed_orders.push(order.clone());
        commerce.carts[index].placed.insert(group, order);
    }
    if commerce.carts[index].placed.len() == groups.len() {
        commerce.carts[index].cart["status"] = Value::String("Ordered".into());
    }
    let answer = serde_json::json!({"orders": placed_so_far(&commerce), "orderErrors": order_errors});
    (StatusCode::CREATED, Json(answer)).into_response()
}

// ---------------------------------------------------------------------------------------------
// The partner's price list: `GET /prices/{file}`, a static file as a partner's web server (or a
// storage bucket) would serve it, beside the endpoint but no part of Partner Center's API.
// ---------------------------------------------------------------------------------------------

/// The `Last-Modified` of the stub's price sheet: the pages say "price list of December 2026".
pub const PRICE_SHEET_LAST_MODIFIED: &str = "Tue, 01 Dec 2026 08:00:00 GMT";

/// The stub's price sheet for its catalog: the price list of `data/products-US.json` in Partner
/// Center's license-based price sheet format (US prices, ended 2025 rows and Canadian rows).
pub const CATALOG_PRICE_SHEET: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/prices-US.csv"));

/// What `GET /prices/{file}` answers, and what it received.
struct PriceSheet {
    status: u16,
    body: String,
    /// Every request to `/prices/…`, CORS preflights included, in order.
    requests: Vec<Received>,
}

impl Default for PriceSheet {
    fn default() -> Self {
        Self { status: 200, body: CATALOG_PRICE_SHEET.to_string(), requests: Vec::new() }
    }
}

/// `GET /prices/{file}` (any file: `US.csv`, `DE.csv`…): the price sheet set with
/// [`Stub::set_price_sheet`], as a static host serves a file to any origin: CORS `*`,
/// `text/csv`, a `Last-Modified`. No token or Partner Center header is asked for, and none is
/// expected: a preflight (an `OPTIONS`, which a request with such headers would need) is
/// recorded and answered without allowing any header, so that such a fetch fails.
async fn price_sheet(State(state): State<Arc<StubState>>, request: Request) -> Response {
    let (parts, _) = request.into_parts();
    let mut prices = state.prices.lock().unwrap();
    prices.requests.push(record(&parts, &[]));
    let cors = (header::ACCESS_CONTROL_ALLOW_ORIGIN, "*");
    if parts.method == Method::OPTIONS {
        return (StatusCode::NO_CONTENT, [cors]).into_response();
    }
    let status = StatusCode::from_u16(prices.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let content_type = if status.is_success() { "text/csv; charset=utf-8" } else { "text/plain; charset=utf-8" };
    let headers = [cors, (header::CONTENT_TYPE, content_type), (header::LAST_MODIFIED, PRICE_SHEET_LAST_MODIFIED)];
    (status, headers, prices.body.clone()).into_response()
}

impl Stub {
    /// Starts the stub on a free port of 127.0.0.1.
    pub async fn start() -> Self {
        let state = Arc::new(StubState {
            country_rules: recorded_country_rules(),
            products: recorded_products(),
            commerce: Mutex::new(Commerce { account_status: Some("Allowed".into()), ..Commerce::default() }),
            ..StubState::default()
        });
        let app = Router::new()
            .route("/v1/countryvalidationrules/{iso2}", get(country_rules))
            .route("/v1/domains/{domain}", head(domain))
            .route("/v1/customers", post(create_customer))
            .route("/v1/agreements", get(agreement_templates))
            .route("/v1/customers/{id}/agreements", post(attest))
            .route("/v1/relationships", get(relationships))
            .route("/v1/compliance/csp/agreementstatus", get(agreement_status))
            .route("/v1/customers/relationshiprequests", get(relationship_request))
            .route("/v1/validations/address", post(validate_address))
            .route("/v1/products", get(products))
            .route("/v1/products/{product}/skus", get(skus))
            .route("/v1/products/{product}/skus/{sku}/availabilities", get(availabilities))
            .route("/v1/customers/{id}/qualifications", post(add_qualification))
            .route("/v1/customers/{id}/validationStatus", get(validation_status))
            .route("/v1/customers/{id}/carts", post(create_cart))
            .route("/v1/customers/{id}/carts/{cart}", put(update_cart))
            .route("/v1/customers/{id}/carts/{cart}/checkout", post(checkout))
            .layer(middleware::from_fn_with_state(state.clone(), replay_by_request_id))
            .layer(middleware::from_fn_with_state(state.clone(), make_trouble))
            .layer(middleware::from_fn_with_state(state.clone(), record_and_allow))
            // Added after the layers, so outside them: a static file, which records its own
            // requests, asks for no token and answers CORS for any origin.
            .route("/prices/{file}", get(price_sheet).options(price_sheet))
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

    /// Answers the next `call` ("create customer", "attest", "products",
    /// "skus", "availabilities", "qualification", "validation status", "cart", "cart update",
    /// "checkout", …; see [`call_name`]) with `fault` instead, once.
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

    /// What the stub found against the contract: unknown or missing fields.
    pub fn contract_problems(&self) -> Vec<String> {
        self.state.contract_problems.lock().unwrap().clone()
    }

    /// Every request received so far, CORS preflights aside, in order.
    pub fn received(&self) -> Vec<Received> {
        self.state.received.lock().unwrap().clone()
    }

    /// Waits until the requests received so far satisfy `done`, for up to 20 seconds; then
    /// panics with `what` (what the test waited for).
    pub async fn wait_until(&self, what: &str, done: impl Fn(&[Received]) -> bool) {
        let started = std::time::Instant::now();
        while !done(&self.received()) {
            assert!(started.elapsed() < std::time::Duration::from_secs(20), "{what}");
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
    }

    /// Waits until a request that `matches` has been received, for up to 20 seconds; then
    /// panics with `what`.
    pub async fn wait_for_call(&self, what: &str, matches: impl Fn(&Received) -> bool) {
        self.wait_until(what, |calls| calls.iter().any(&matches)).await;
    }

    /// The CORS preflights received so far.
    pub fn preflights(&self) -> Vec<Received> {
        self.state.preflights.lock().unwrap().clone()
    }

    /// The requests received for `method` and `path`.
    pub fn calls(&self, method: &str, path: &str) -> Vec<Received> {
        self.received().into_iter().filter(|call| call.method == method && call.path == path).collect()
    }

    /// Gives every availability of the catalog a new id from now on (Partner Center reissues
    /// them): the availabilities call answers the new ids, and a cart line naming an old one
    /// gets the line error 10001. Each call reissues them again.
    pub fn reissue_availabilities(&self) {
        self.state.commerce.lock().unwrap().reissues += 1;
    }

    /// The qualifications posted, as `(customer id, request body)`, in order.
    pub fn qualifications(&self) -> Vec<(String, Value)> {
        self.state.commerce.lock().unwrap().qualifications.clone()
    }

    /// Whether Microsoft's vetting approves education qualifications (not by default): when it
    /// does, a customer with one may buy education-segment items (else their cart lines get
    /// 10006), and the qualification call answers `Approved` instead of `InReview`.
    pub fn approve_education(&self, approved: bool) {
        self.state.commerce.lock().unwrap().education_approved = approved;
    }

    /// The status `GET …/validationStatus?type=account` answers from now on, for every
    /// customer (`Allowed` by default): `UnderReview`, `NotAllowed`, `Unknown`; `None` answers
    /// 404 `600074` (no status). A checkout is refused with 403 unless it is `Allowed` or
    /// `None`: `800073` under review, `800075` not allowed, `800074` any other.
    pub fn set_account_status(&self, status: Option<&str>) {
        self.state.commerce.lock().unwrap().account_status = status.map(str::to_string);
    }

    /// Makes the next cart `POST` or `PUT` with a line of `sku_key` (`"CFQ7TTC0LFLZ:0001"`,
    /// product and SKU) refuse that line with `code` and `description`, once.
    pub fn refuse_line_once(&self, sku_key: &str, code: i64, description: &str) {
        let refusal = (sku_key.to_string(), code, description.to_string());
        self.state.commerce.lock().unwrap().refused_lines.push(refusal);
    }

    /// Makes the next checkout holding `sku_key` (`"CFQ7TTC0LFLZ:0001"`) fail that line's order
    /// group, once, with an `orderErrors` entry (code `800002`); the other groups are placed.
    pub fn fail_order_group_once(&self, sku_key: &str) {
        self.state.commerce.lock().unwrap().failing_groups.push(sku_key.to_string());
    }

    /// Every order the checkouts placed, each once, in order.
    pub fn placed_orders(&self) -> Vec<Value> {
        self.state.commerce.lock().unwrap().placed_orders.clone()
    }

    /// Every cart created, as its latest answer (lines, `status` `Ordered` once every order
    /// group is placed), in the order they were made.
    pub fn carts(&self) -> Vec<Value> {
        self.state.commerce.lock().unwrap().carts.iter().map(|record| record.cart.clone()).collect()
    }
    /// Answers `GET /prices/{file}` with `status` and `body` from now on (by default 200 and
    /// [`CATALOG_PRICE_SHEET`]).
    pub fn set_price_sheet(&self, status: u16, body: String) {
        let mut prices = self.state.prices.lock().unwrap();
        (prices.status, prices.body) = (status, body);
    }

    /// The requests to `/prices/…` received so far (the page's price list fetches, and any
    /// preflight), with their headers, in order. They are not in [`Stub::received`].
    pub fn price_sheet_requests(&self) -> Vec<Received> {
        self.state.prices.lock().unwrap().requests.clone()
    }
}

#[cfg(test)]
mod tests {
    //! The stub's new-commerce calls, over plain HTTP: no browser, no built app.

    use super::*;
    use serde_json::json;
    use std::io::{Read, Write};
    use std::sync::atomic::{AtomicU64, Ordering};

    static REQUESTS: AtomicU64 = AtomicU64::new(0);

    /// Sends one call to `stub` (with its ids, and a fresh `MS-RequestId` unless `headers`
    /// name one) and reads the status and JSON answer.
    async fn send(
        stub: &Stub,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<Value>,
    ) -> (u16, Value) {
        let address = stub.base_url.trim_start_matches("http://").to_string();
        let body = body.map(|body| body.to_string()).unwrap_or_default();
        let mut request = format!(
            "{method} {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\nMS-CorrelationId: test\r\nContent-Length: {}\r\n",
            body.len()
        );
        if !headers.iter().any(|(name, _)| name.eq_ignore_ascii_case("ms-requestid")) {
            request += &format!("MS-RequestId: request-{}\r\n", REQUESTS.fetch_add(1, Ordering::Relaxed));
        }
        if !body.is_empty() {
            request += "Content-Type: application/json\r\n";
        }
        for (name, value) in headers {
            request += &format!("{name}: {value}\r\n");
        }
        request += &format!("\r\n{body}");
        tokio::task::spawn_blocking(move || {
            let mut stream = std::net::TcpStream::connect(&address).unwrap();
            stream.write_all(request.as_bytes()).unwrap();
            let mut answer = String::new();
            // A dropped connection answers nothing: status 0.
            let _ = stream.read_to_string(&mut answer);
            let Some((head, body)) = answer.split_once("\r\n\r\n") else { return (0, Value::Null) };
            let status = head.split(' ').nth(1).unwrap().parse().unwrap();
            (status, serde_json::from_str(body.trim()).unwrap_or(Value::Null))
        })
        .await
        .unwrap()
    }

    /// A customer created and attested on `stub`: its id.
    async fn customer(stub: &Stub, country: &str) -> String {
        let body = json!({"companyProfile": {"domain": format!("{country}-test.onmicrosoft.com")},
            "billingProfile": {"firstName": "Gena", "lastName": "Soto", "email": "gena@wingtiptoys.com", "culture": "en-US",
            "language": "en", "companyName": "Wingtip Toys", "defaultAddress": {"addressLine1": "One Microsoft Way", "country": country}}});
        let (status, created) = send(stub, "POST", "/v1/customers", &[], Some(body)).await;
        assert_eq!(status, 201);
        let id = created["id"].as_str().unwrap().to_string();
        let attestation = json!({"primaryContact": {"firstName": "Gena", "lastName": "Soto", "email": "gena@wingtiptoys.com"},
            "templateId": TEMPLATE_ID, "dateAgreed": "2026-11-20T00:00:00Z", "type": "MicrosoftCustomerAgreement"});
        assert_eq!(send(stub, "POST", &format!("/v1/customers/{id}/agreements"), &[], Some(attestation)).await.0, 201);
        id
    }

    fn line(id: u32, catalog_item_id: &str, quantity: u64, term: Option<&str>, billing: &str) -> Value {
        let mut line = json!({"id": id, "catalogItemId": catalog_item_id, "quantity": quantity, "billingCycle": billing,
            "provisioningContext": {}});
        if let Some(term) = term {
            line["termDuration"] = json!(term);
        }
        line
    }

    fn cart(lines: Vec<Value>) -> Value {
        json!({"partnerOnRecordAttestationAccepted": true, "lineItems": lines})
    }

    fn errors(cart: &Value) -> Vec<Value> {
        cart["lineItems"].as_array().unwrap().iter().map(|line| line["error"]["errorCode"].clone()).collect()
    }

    /// Sends `GET path` to `stub` as a browser on another origin would, with no header of the
    /// endpoint's, and answers the head of the answer (lower case) and its body.
    async fn get_plainly(stub: &Stub, path: &str) -> (String, String) {
        let address = stub.base_url.trim_start_matches("http://").to_string();
        let request = format!(
            "GET {path} HTTP/1.1\r\nHost: {address}\r\nOrigin: http://127.0.0.1:1\r\nConnection: close\r\n\r\n"
        );
        tokio::task::spawn_blocking(move || {
            let mut stream = std::net::TcpStream::connect(&address).unwrap();
            stream.write_all(request.as_bytes()).unwrap();
            let mut answer = String::new();
            stream.read_to_string(&mut answer).unwrap();
            let (head, body) = answer.split_once("\r\n\r\n").unwrap();
            (head.to_ascii_lowercase(), body.to_string())
        })
        .await
        .unwrap()
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn the_price_sheet_is_a_static_file_for_any_origin_that_asks_for_no_token() {
        let stub = Stub::start().await;
        stub.require_token("secret");
        let (head, body) = get_plainly(&stub, "/prices/US.csv").await;
        assert!(head.starts_with("http/1.1 200"), "{head}");
        for header in ["access-control-allow-origin: *", "content-type: text/csv", "last-modified: tue, 01 dec 2026"] {
            assert!(head.contains(header), "{header}: {head}");
        }
        assert!(body.starts_with("ProductTitle,ProductId,SkuId,"), "the catalog's price sheet");
        stub.set_price_sheet(404, "Not Found".into());
        let (head, body) = get_plainly(&stub, "/prices/DE.csv").await;
        assert!(head.starts_with("http/1.1 404") && head.contains("access-control-allow-origin: *"), "{head}");
        assert_eq!(body, "Not Found");
        let requests: Vec<String> = stub.price_sheet_requests().iter().map(|request| request.path.clone()).collect();
        assert_eq!(requests, ["/prices/US.csv", "/prices/DE.csv"]);
        assert_eq!(stub.price_sheet_requests()[0].header("origin"), Some("http://127.0.0.1:1"));
        assert!(stub.received().is_empty(), "no call of the endpoint's");
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn the_catalog_pages_by_continuation_token_and_reissues_availabilities() {
        let stub = Stub::start().await;
        let locale = [("X-Locale", "en-US")];
        let first = "/v1/products?country=PT&targetView=OnlineServices";
        let (status, page) = send(&stub, "GET", first, &locale, None).await;
        assert_eq!((status, page["items"].as_array().unwrap().len()), (200, PRODUCTS_PAGE));
        assert!(page["items"][0].get("skus").is_none());
        let mut seen = page["items"].as_array().unwrap().len();
        let mut next = page["links"]["next"].clone();
        while !next.is_null() {
            assert_eq!(next["headers"][0]["key"], "MS-ContinuationToken");
            let token = next["headers"][0]["value"].as_str().unwrap().to_string();
            let path = format!("/v1{}", next["uri"].as_str().unwrap());
            let (status, page) =
                send(&stub, "GET", &path, &[("X-Locale", "en-US"), ("MS-ContinuationToken", &token)], None).await;
            assert_eq!(status, 200);
            seen += page["items"].as_array().unwrap().len();
            next = page["links"]["next"].clone();
        }
        assert_eq!(
            (seen as u64, page["totalCount"].as_u64().unwrap()),
            (stub.state.products.len() as u64, seen as u64)
        );
        assert_eq!(send(&stub, "GET", first, &[], None).await.0, 400, "X-Locale is required");
        let view = "/v1/products?country=US&targetView=Azure";
        assert_eq!(send(&stub, "GET", view, &locale, None).await.1["code"], 400036);

        let (status, skus) = send(&stub, "GET", "/v1/products/CFQ7TTC0LFLZ/skus?country=PT", &locale, None).await;
        assert_eq!((status, skus["items"][0]["id"].as_str()), (200, Some("0001")));
        assert!(skus["items"][0].get("availabilities").is_none());
        let (status, missing) = send(&stub, "GET", "/v1/products/NOPE/skus?country=PT", &locale, None).await;
        assert_eq!((status, missing["code"].as_i64()), (404, Some(PRODUCT_NOT_FOUND)));
        let path = "/v1/products/CFQ7TTC0LFLZ/skus/0001/availabilities?country=PT";
        let (_, before) = send(&stub, "GET", path, &locale, None).await;
        assert_eq!(before["items"][0]["country"], "PT");
        stub.reissue_availabilities();
        let (_, after) = send(&stub, "GET", path, &locale, None).await;
        assert_ne!(before["items"][0]["id"], after["items"][0]["id"]);
        assert!(after["items"][0]["catalogItemId"]
            .as_str()
            .unwrap()
            .ends_with(after["items"][0]["id"].as_str().unwrap()));
        assert_eq!(
            stub.contract_problems().len(),
            2,
            "the missing X-Locale and the Azure view: {:?}",
            stub.contract_problems()
        );
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn a_cart_checks_its_lines_and_checks_out_by_order_group() {
        let stub = Stub::start().await;
        let id = customer(&stub, "US").await;
        let carts = format!("/v1/customers/{id}/carts");
        let good = cart(vec![
            line(0, "CFQ7TTC0LFLZ:0001:CFQ7TTC0PTGG", 5, Some("P1Y"), "annual"),
            line(1, "CFQ7TTC0LH18:0001:CFQ7TTC0K971", 2, Some("P1Y"), "monthly"),
            line(2, "DZH318Z0BPS6:0001:DZH318Z0BNDW", 1, None, "one_time"),
            line(3, "CFQ7TTC0LHSV:0001:CFQ7TTC095GB", 5, Some("P1M"), "monthly"),
            line(4, "CFQ7TTC0LCHC:0001:CFQ7TTC0R6EC", 25, Some("P1M"), "one_time"),
        ]);
        let (status, made) = send(&stub, "POST", &carts, &[], Some(good)).await;
        assert_eq!(status, 201);
        assert_eq!(errors(&made), vec![Value::Null; 5], "{made}");
        let groups: Vec<&str> =
            made["lineItems"].as_array().unwrap().iter().map(|line| line["orderGroup"].as_str().unwrap()).collect();
        assert_eq!(groups, ["0", "1", "2", "1", "2"]);
        assert_eq!(made["status"], "Active");

        let bad = cart(vec![
            line(0, "CFQ7TTC0RM8K:0001:GONE", 5, Some("P1Y"), "annual"),
            line(1, "CFQ7TTC0RM8K:0001:CFQ7TTC0HVLM", 2, Some("P3Y"), "triennial"),
            line(2, "CFQ7TTC0RM8K:0001:CFQ7TTC0HVLM", 301, Some("P1Y"), "annual"),
            line(3, "CFQ7TTC0LHSV:0001:CFQ7TTC095GB", 5, Some("P1M"), "monthly"),
            line(4, "CFQ7TTC0LFM4:0001:CFQ7TTC0BM0L", 5, Some("P1Y"), "annual"),
            line(5, "CFQ7TTC0LCHC:0001:CFQ7TTC0R6EC", 5, Some("P1M"), "one_time"),
        ]);
        let (_, refused) = send(&stub, "POST", &carts, &[], Some(bad)).await;
        assert_eq!(
            errors(&refused),
            [json!(10001), json!(10013), json!(10015), json!(10018), json!(10006), json!(10019)]
        );
        let cart_id = refused["id"].as_str().unwrap().to_string();
        let checkout = format!("{carts}/{cart_id}/checkout");
        assert_eq!(send(&stub, "POST", &checkout, &[], None).await.1["code"], 800009);

        // Corrected with a PUT, and that PUT sent again with its id is answered the same.
        stub.refuse_line_once("CFQ7TTC0LH18:0001", 10003, "No inventory");
        let corrected = cart(vec![line(0, "CFQ7TTC0LH18:0001:CFQ7TTC0K971", 2, Some("P1Y"), "annual")]);
        let again = [("MS-RequestId", "put-1")];
        let (status, updated) =
            send(&stub, "PUT", &format!("{carts}/{cart_id}"), &again, Some(corrected.clone())).await;
        assert_eq!((status, errors(&updated)), (200, vec![json!(10003)]));
        let (_, replayed) = send(&stub, "PUT", &format!("{carts}/{cart_id}"), &again, Some(corrected.clone())).await;
        assert_eq!(replayed, updated);
        let (_, updated) = send(&stub, "PUT", &format!("{carts}/{cart_id}"), &[], Some(updated)).await;
        assert_eq!((updated["id"].as_str(), errors(&updated)), (Some(cart_id.as_str()), vec![Value::Null]));

        // The first cart: a group fails once, the repeat places only it.
        let first = made["id"].as_str().unwrap();
        let checkout = format!("{carts}/{first}/checkout");
        stub.set_account_status(Some("UnderReview"));
        assert_eq!(send(&stub, "POST", &checkout, &[], None).await.1["code"], 800073);
        stub.set_account_status(None);
        stub.fail_order_group_once("CFQ7TTC0LFLZ:0001");
        let (status, partial) = send(&stub, "POST", &checkout, &[], None).await;
        assert_eq!((status, partial["orders"].as_array().unwrap().len()), (201, 2));
        assert_eq!(partial["orderErrors"][0]["orderGroupId"], "0");
        assert_eq!(partial["orders"][1]["lineItems"][1]["termDuration"], "P1M");
        assert!(partial["orders"][1]["lineItems"][0].get("termDuration").is_none(), "the Azure plan has no term");
        let (_, whole) = send(&stub, "POST", &checkout, &[], None).await;
        assert_eq!((whole["orders"].as_array().unwrap().len(), whole["orderErrors"].as_array().unwrap().len()), (3, 0));
        let (_, repeat) = send(&stub, "POST", &checkout, &[], None).await;
        assert_eq!(repeat, whole);
        assert_eq!(stub.placed_orders().len(), 3, "each order placed once");
        assert_eq!(stub.carts()[0]["status"], "Ordered");
        let (status, late) = send(&stub, "PUT", &format!("{carts}/{first}"), &[], Some(corrected)).await;
        assert_eq!((status, late["code"].as_i64()), (400, Some(800065)));
        assert_eq!(send(&stub, "POST", &format!("{carts}/nope/checkout"), &[], None).await.1["code"], 800008);
        assert_eq!(stub.contract_problems(), Vec::<String>::new());
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn qualifications_account_status_and_participants() {
        let stub = Stub::start().await;
        let id = customer(&stub, "US").await;
        let status = format!("/v1/customers/{id}/validationStatus?type=account");
        assert_eq!(send(&stub, "GET", &status, &[], None).await.1["status"], "Allowed");
        stub.set_account_status(None);
        let (code, missing) = send(&stub, "GET", &status, &[], None).await;
        assert_eq!((code, missing["code"].as_i64()), (404, Some(600074)));

        let education = json!({"qualification": "Education", "educationSegment": "K12", "website": "contoso.edu"});
        let (code, answer) =
            send(&stub, "POST", &format!("/v1/customers/{id}/qualifications"), &[], Some(education)).await;
        assert_eq!((code, answer["vettingStatus"].as_str()), (201, Some("InReview")));
        assert_eq!(stub.qualifications()[0].0, id);
        let carts = format!("/v1/customers/{id}/carts");
        let a3 = || cart(vec![line(0, "CFQ7TTC0LFM4:0001:CFQ7TTC0BM0L", 5, Some("P1Y"), "annual")]);
        assert_eq!(errors(&send(&stub, "POST", &carts, &[], Some(a3())).await.1), [json!(10006)]);
        stub.approve_education(true);
        assert_eq!(errors(&send(&stub, "POST", &carts, &[], Some(a3())).await.1), [Value::Null]);

        let mut indirect = line(0, "CFQ7TTC0LH18:0001:CFQ7TTC0K971", 2, Some("P1Y"), "annual");
        indirect["participants"] = json!([{"key": "transaction_reseller", "value": "4847383"}]);
        let (_, made) = send(&stub, "POST", &carts, &[], Some(cart(vec![indirect.clone()]))).await;
        let (_, placed) =
            send(&stub, "POST", &format!("{carts}/{}/checkout", made["id"].as_str().unwrap()), &[], None).await;
        assert_eq!(placed["orders"][0]["lineItems"][0]["partnerIdOnRecord"], "4847383");
        assert_eq!(stub.contract_problems(), Vec::<String>::new());
        indirect["participants"] = json!([{"key": "transaction_reseller", "value": "4847383"},
            {"key": "additional_transaction_reseller", "value": "5120871"}]);
        let (_, refused) = send(&stub, "POST", &carts, &[], Some(cart(vec![indirect]))).await;
        assert_eq!(errors(&refused), [json!(10010)]);
        assert_eq!(stub.contract_problems().len(), 1, "additional resellers outside the EU/EFTA");
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn every_new_call_has_its_trouble_and_a_dropped_one_acts_once() {
        let stub = Stub::start().await;
        let id = customer(&stub, "US").await;
        let carts = format!("/v1/customers/{id}/carts");
        let basic = || cart(vec![line(0, "CFQ7TTC0LH18:0001:CFQ7TTC0K971", 2, Some("P1Y"), "annual")]);
        let (_, made) = send(&stub, "POST", &carts, &[], Some(basic())).await;
        let cart_id = made["id"].as_str().unwrap().to_string();
        let calls: [(&'static str, &str, String, Option<Value>); 8] = [
            ("products", "GET", "/v1/products?country=US&targetView=OnlineServices".into(), None),
            ("skus", "GET", "/v1/products/CFQ7TTC0LH18/skus?country=US".into(), None),
            ("availabilities", "GET", "/v1/products/CFQ7TTC0LH18/skus/0001/availabilities?country=US".into(), None),
            (
                "qualification",
                "POST",
                format!("/v1/customers/{id}/qualifications"),
                Some(json!({"qualification": "StateOwnedEntity"})),
            ),
            ("validation status", "GET", format!("/v1/customers/{id}/validationStatus?type=account"), None),
            ("cart", "POST", carts.clone(), Some(basic())),
            ("cart update", "PUT", format!("{carts}/{cart_id}"), Some(basic())),
            ("checkout", "POST", format!("{carts}/{cart_id}/checkout"), None),
        ];
        for (call, method, path, body) in calls {
            stub.fail_next(call, Fault::unavailable("down"));
            let (status, _) = send(&stub, method, &path, &[("X-Locale", "en-US")], body.clone()).await;
            assert_eq!(status, 503, "{call}");
            stub.trouble_next(call, Trouble::HtmlPage);
            assert_eq!(send(&stub, method, &path, &[("X-Locale", "en-US")], body).await.0, 502, "{call}");
        }
        assert_eq!(stub.carts().len(), 1, "a refused try makes nothing");

        stub.trouble_next("cart", Trouble::Dropped);
        let same = [("MS-RequestId", "cart-1")];
        assert_eq!(send(&stub, "POST", &carts, &same, Some(basic())).await.0, 0);
        let (status, resent) = send(&stub, "POST", &carts, &same, Some(basic())).await;
        assert_eq!((status, stub.carts().len()), (201, 2));
        assert_eq!(resent["id"], stub.carts()[1]["id"]);
        let checkout = format!("{carts}/{}/checkout", resent["id"].as_str().unwrap());
        stub.trouble_next("checkout", Trouble::Malformed);
        let same = [("MS-RequestId", "checkout-1")];
        assert_eq!(send(&stub, "POST", &checkout, &same, None).await.1, Value::Null, "cut short");
        let (status, placed) = send(&stub, "POST", &checkout, &same, None).await;
        assert_eq!((status, placed["orders"].as_array().unwrap().len(), stub.placed_orders().len()), (201, 1, 1));
    }
}
