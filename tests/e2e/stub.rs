//! A Partner-Center-compatible stub endpoint on 127.0.0.1, answering the wizard's calls the way
//! the spec describes them and recording every request, so that tests can assert what the
//! server received. It sits on its own origin, so the browser's CORS checks run as they would
//! against a real endpoint.

use axum::body::{to_bytes, Body};
use axum::extract::{Path, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, head};
use axum::{Json, Router};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex};

/// The headers a browser may send to the endpoint (answered in the CORS preflight).
const ALLOWED_HEADERS: &str =
    "Accept, Authorization, Content-Type, MS-CorrelationId, MS-RequestId, X-Locale";

/// The fields of the project's built-in data that are its own additions, not the wire's.
const NOT_ON_THE_WIRE: [&str; 4] = [
    "postalCodeExample",
    "postalCodeName",
    "stateNames",
    "registrationNumberName",
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
    /// A header's value.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .get(&name.to_ascii_lowercase())
            .map(String::as_str)
    }
}

#[derive(Default)]
struct StubState {
    received: Mutex<Vec<Received>>,
    preflights: Mutex<Vec<Received>>,
    taken_domains: Mutex<BTreeSet<String>>,
    country_rules: BTreeMap<String, Value>,
}

/// The stub's handle: its address and what it received.
#[derive(Clone)]
pub struct Stub {
    state: Arc<StubState>,
    /// `http://127.0.0.1:<port>`
    pub base_url: String,
}

/// The recorded rules of US and PT as `GET /v1/countryvalidationrules` answers them; other
/// countries answer 404, as Partner Center does for codes it has no rules for.
fn recorded_country_rules() -> BTreeMap<String, Value> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/country-rules.json");
    let file: Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("data/country-rules.json"))
            .unwrap();
    ["US", "PT"]
        .into_iter()
        .map(|code| {
            let mut rules: Map<String, Value> = file["rules"][code].as_object().unwrap().clone();
            for field in NOT_ON_THE_WIRE {
                rules.remove(field);
            }
            rules.insert(
                "attributes".into(),
                serde_json::json!({"objectType": "CountryValidationRules"}),
            );
            (code.to_string(), Value::Object(rules))
        })
        .collect()
}

fn cors_headers(headers: &mut HeaderMap, origin: Option<HeaderValue>) {
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        origin.unwrap_or(HeaderValue::from_static("*")),
    );
    headers.insert(header::VARY, HeaderValue::from_static("Origin"));
}

fn record(request_parts: &axum::http::request::Parts, body: &[u8]) -> Received {
    Received {
        method: request_parts.method.to_string(),
        path: request_parts.uri.path().to_string(),
        headers: request_parts
            .headers
            .iter()
            .map(|(name, value)| {
                (
                    name.as_str().to_string(),
                    value.to_str().unwrap_or_default().to_string(),
                )
            })
            .collect(),
        body: serde_json::from_slice(body).ok(),
    }
}

/// Records each request, answers CORS preflights, and adds the CORS headers to every answer.
async fn record_and_allow(
    State(state): State<Arc<StubState>>,
    request: Request,
    next: Next,
) -> Response {
    let (parts, body) = request.into_parts();
    let bytes = to_bytes(body, 1 << 20).await.unwrap_or_default();
    let origin = parts.headers.get(header::ORIGIN).cloned();
    let received = record(&parts, &bytes);
    if parts.method == Method::OPTIONS {
        state.preflights.lock().unwrap().push(received);
        let mut response = StatusCode::NO_CONTENT.into_response();
        let headers = response.headers_mut();
        cors_headers(headers, origin);
        headers.insert(
            header::ACCESS_CONTROL_ALLOW_METHODS,
            HeaderValue::from_static("GET, HEAD, POST"),
        );
        headers.insert(
            header::ACCESS_CONTROL_ALLOW_HEADERS,
            HeaderValue::from_static(ALLOWED_HEADERS),
        );
        headers.insert(
            header::ACCESS_CONTROL_MAX_AGE,
            HeaderValue::from_static("600"),
        );
        return response;
    }
    state.received.lock().unwrap().push(received);
    let mut response = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;
    cors_headers(response.headers_mut(), origin);
    response
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
    if state
        .taken_domains
        .lock()
        .unwrap()
        .contains(&domain.to_ascii_lowercase())
    {
        StatusCode::OK
    } else {
        StatusCode::NOT_FOUND
    }
}

impl Stub {
    /// Starts the stub on a free port of 127.0.0.1.
    pub async fn start() -> Self {
        let state = Arc::new(StubState {
            country_rules: recorded_country_rules(),
            ..StubState::default()
        });
        let app = Router::new()
            .route("/v1/countryvalidationrules/{iso2}", get(country_rules))
            .route("/v1/domains/{domain}", head(domain))
            .layer(middleware::from_fn_with_state(
                state.clone(),
                record_and_allow,
            ))
            .with_state(state.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base_url = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        Self { state, base_url }
    }

    /// Marks an initial domain (`<prefix>.onmicrosoft.com`) as taken.
    pub fn take_domain(&self, domain: &str) {
        self.state
            .taken_domains
            .lock()
            .unwrap()
            .insert(domain.to_string());
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
        self.received()
            .into_iter()
            .filter(|call| call.method == method && call.path == path)
            .collect()
    }
}
