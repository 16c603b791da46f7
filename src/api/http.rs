//! The HTTP client of a Partner Center compatible endpoint (gloo-net over `fetch`).

use crate::api::guid::new_guid;
use crate::api::pause::{pause, TimeSlices};
use crate::api::redact::redact_body;
use crate::api::request_log::{LoggedCall, RequestLog, TOKEN_MASK};
use crate::api::retry::retry_delay;
use crate::api::{ApiError, ApiFuture, DomainAvailability, PartnerApi};
use crate::domain::account::address_check::{AddressValidation, PostalAddress};
use crate::domain::account::reseller::{AgreementStatus, Reseller};
use crate::domain::commerce::cart::Cart;
use crate::domain::commerce::catalog::{Availability, Product, Sku};
use crate::domain::commerce::checkout::{CheckoutResult, ValidationStatus};
use crate::domain::commerce::qualification::{CustomerQualification, QualificationRequest};
use crate::domain::common::collection::{Collection, LinkHeader};
use crate::domain::common::decode::decode;
use crate::domain::country::country_rules::CountryRules;
use crate::domain::requests::agreement_request::{
    AgreementAttestation, AgreementTemplate, MICROSOFT_CUSTOMER_AGREEMENT,
};
use crate::domain::requests::customer_request::{CreatedCustomer, NewCustomer};
use crate::domain::requests::relationship_request::RelationshipRequest;
use gloo_net::http::{Method, RequestBuilder};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The answer's headers the request log keeps: what support asks for, and what says how to read
/// the body.
const SUPPORT_HEADERS: [&str; 4] = ["MS-RequestId", "MS-CorrelationId", "Retry-After", "Content-Type"];

/// A bound on the pages of products read, against an endpoint whose paging never ends.
const MAX_PRODUCT_PAGES: usize = 1_000;

/// The code of `GET …/validationStatus` when the customer has no verification status.
const ACCOUNT_STATUS_NOT_FOUND: i64 = 600074;

/// The host's `getAccessToken`: an async function answering the endpoint's bearer token. It is
/// asked before each call and, once, again after a 401 with `{forceRefresh: true}`. The token
/// lives only as long as the call.
#[derive(Clone)]
pub struct AccessToken(js_sys::Function);

impl AccessToken {
    /// Wraps the host's function.
    pub fn new(function: js_sys::Function) -> Self {
        Self(function)
    }

    async fn get(&self, force_refresh: bool) -> Result<String, ApiError> {
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"forceRefresh".into(), &force_refresh.into());
        let failed =
            |error: wasm_bindgen::JsValue| ApiError::SignIn(error.as_string().unwrap_or_else(|| format!("{error:?}")));
        let answer = self.0.call1(&wasm_bindgen::JsValue::NULL, &options).map_err(failed)?;
        let token = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&answer)).await.map_err(failed)?;
        token.as_string().filter(|token| !token.trim().is_empty()).ok_or_else(|| ApiError::SignIn("no token".into()))
    }
}

/// One call as the client sends it: built anew for a retry, and what the request log shows.
struct Call {
    method: Method,
    url: String,
    headers: Vec<(String, String)>,
    body: Option<String>,
}

/// An answer: its status, its body, its `Retry-After` in seconds, and its entry in the request
/// log, where there is a log.
struct Answer {
    status: u16,
    text: String,
    retry_after: Option<u32>,
    /// The headers kept for the request log ([`SUPPORT_HEADERS`]).
    headers: Vec<(String, String)>,
    logged: Option<(RequestLog, usize)>,
}

impl Answer {
    fn ok(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// The error of an answer that is not 2xx.
    fn error(&self) -> ApiError {
        match ApiError::from_status(self.status, &self.text) {
            ApiError::Status { status, body, .. } => ApiError::Status { status, body, retry_after: self.retry_after },
            other => other,
        }
    }

    /// The JSON body of a 2xx answer, or the error.
    /// A body that does not read says which field in the request log.
    fn json<T: DeserializeOwned>(&self) -> Result<T, ApiError> {
        if !self.ok() {
            return Err(self.error());
        }
        decode(&self.text).map_err(|reason| {
            if let Some((log, index)) = &self.logged {
                log.note_unreadable(*index, &reason);
            }
            ApiError::Malformed(reason)
        })
    }

    /// Nothing but a 2xx status.
    fn done(&self) -> Result<(), ApiError> {
        if self.ok() {
            Ok(())
        } else {
            Err(self.error())
        }
    }
}

/// Talks to the endpoint at `base` (e.g. `https://partner.example.com`); every path starts
/// with `/v1`.
#[derive(Clone)]
pub struct HttpApi {
    base: String,
    correlation_id: String,
    token: Option<AccessToken>,
    log: Option<RequestLog>,
    timeout_s: u32,
}

/// Encodes one path segment or query value.
fn encoded(value: &str) -> String {
    String::from(js_sys::encode_uri_component(value))
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Why a fetch failed, in the browser's words. gloo's error is not formatted whole: that would
/// link serde_json's error messages for a variant a fetch never gives.
fn fetch_failure(error: gloo_net::Error) -> String {
    match error {
        gloo_net::Error::JsError(error) => error.to_string(),
        gloo_net::Error::GlooError(text) => text,
        #[allow(unreachable_patterns)]
        _ => "the answer could not be read".into(),
    }
}

/// A moment (`Date.now()`) in ISO 8601, as the request log writes it.
fn iso_time(millis: f64) -> String {
    String::from(js_sys::Date::new(&millis.into()).to_iso_string())
}

/// A fetch's time limit: the signal to give the request, and a timer, started with it, that
/// aborts the fetch after `timeout_s` seconds; dropping it clears the timer.
struct Deadline {
    timeout_s: u32,
    /// When it started (`Date.now()`).
    started: f64,
    controller: Option<web_sys::AbortController>,
    /// What the timer calls: kept as long as the timer may fire.
    _abort: Option<Closure<dyn FnMut()>>,
    timer: Option<i32>,
}

impl Deadline {
    fn new(timeout_s: u32) -> Self {
        let controller = web_sys::AbortController::new().ok();
        let abort = controller.clone().map(|controller| Closure::once(move || controller.abort()));
        let timer = abort.as_ref().and_then(|abort| {
            web_sys::window().and_then(|window| {
                window
                    .set_timeout_with_callback_and_timeout_and_arguments_0(
                        abort.as_ref().unchecked_ref(),
                        (timeout_s * 1000) as i32,
                    )
                    .ok()
            })
        });
        Self { timeout_s, started: now_ms(), controller, _abort: abort, timer }
    }

    /// The signal that aborts the fetch.
    fn signal(&self) -> Option<web_sys::AbortSignal> {
        self.controller.as_ref().map(web_sys::AbortController::signal)
    }

    /// How long since it started, in milliseconds.
    fn elapsed_ms(&self) -> u32 {
        (now_ms() - self.started).max(0.0) as u32
    }

    /// Why a fetch that failed (`reason`, the browser's words) had no answer: the time ran out,
    /// the browser is offline, or the reason.
    fn no_answer(&self, reason: String) -> ApiError {
        if now_ms() - self.started >= f64::from(self.timeout_s) * 1000.0 {
            ApiError::TimedOut(self.timeout_s)
        } else if web_sys::window().is_some_and(|window| !window.navigator().on_line()) {
            ApiError::Offline
        } else {
            ApiError::NoAnswer(reason)
        }
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        if let (Some(window), Some(id)) = (web_sys::window(), self.timer) {
            window.clear_timeout_with_handle(id);
        }
    }
}

/// The text of a plain `GET` of `url` (a static file, no endpoint headers).
pub async fn get_text(url: &str) -> Result<String, ApiError> {
    let request = RequestBuilder::new(url)
        .method(Method::GET)
        .build()
        .map_err(|error| ApiError::Malformed(fetch_failure(error)))?;
    let response = request.send().await.map_err(|error| ApiError::NoAnswer(fetch_failure(error)))?;
    if !response.ok() {
        return Err(ApiError::Status { status: response.status(), body: None, retry_after: None });
    }
    response.text().await.map_err(|error| ApiError::Malformed(fetch_failure(error)))
}

/// A static file's answer as bytes, for the price list: fetched without the endpoint's headers
/// or token (the host serves it, or a proxy of its own).
pub struct FileAnswer {
    /// The status.
    pub status: u16,
    /// The body.
    pub bytes: Vec<u8>,
    /// `Last-Modified`, where the answer has it (CORS lets the page read it).
    pub last_modified: Option<String>,
    /// `Content-Type`.
    pub content_type: Option<String>,
    /// When the request was sent, in ISO 8601.
    pub started: String,
    /// How long the answer took, in milliseconds.
    pub duration_ms: u32,
}

/// Reads a body stream to its end, a chunk at a time as the network delivers it: a body of
/// megabytes read whole (`arrayBuffer()`) is put together on the main thread in one long task.
/// Chunks already there are handed over in microtasks, one after the other with no turn for the
/// browser, so the reading gives the browser its turn every `slice_ms` milliseconds.
async fn read_stream(body: &web_sys::ReadableStream, size: Option<usize>, slice_ms: f64) -> Result<Vec<u8>, String> {
    let failed = |error: wasm_bindgen::JsValue| {
        error
            .dyn_ref::<js_sys::Error>()
            .map_or_else(|| "the answer could not be read".into(), |error| String::from(error.message()))
    };
    let reader = js_sys::Reflect::get(body, &"getReader".into())
        .and_then(|get_reader| get_reader.unchecked_into::<js_sys::Function>().call0(body))
        .map_err(failed)?;
    let read = js_sys::Reflect::get(&reader, &"read".into()).map_err(failed)?.unchecked_into::<js_sys::Function>();
    // The announced size, where there is one (not a compressed body's), within reason.
    let mut bytes = Vec::with_capacity(size.unwrap_or_default().min(1 << 28));
    let mut slices = TimeSlices::new(slice_ms);
    loop {
        if slices.is_over() {
            slices.next().await;
        }
        let promise = read.call0(&reader).map_err(failed)?;
        let chunk = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(promise)).await.map_err(failed)?;
        if js_sys::Reflect::get(&chunk, &"done".into()).map_err(failed)?.is_truthy() {
            return Ok(bytes);
        }
        let value = js_sys::Uint8Array::new(&js_sys::Reflect::get(&chunk, &"value".into()).map_err(failed)?);
        let start = bytes.len();
        bytes.resize(start + value.length() as usize, 0);
        value.copy_to(&mut bytes[start..]);
    }
}

/// A plain `GET` of `url` as bytes, given up after `timeout_s` seconds without a whole answer,
/// read in slices of `slice_ms` milliseconds. A status that is not 2xx is an answer here: the
/// caller words it.
pub async fn get_file(url: &str, timeout_s: u32, slice_ms: f64) -> Result<FileAnswer, ApiError> {
    let deadline = Deadline::new(timeout_s);
    let request = RequestBuilder::new(url)
        .method(Method::GET)
        .abort_signal(deadline.signal().as_ref())
        .build()
        .map_err(|error| ApiError::Malformed(fetch_failure(error)))?;
    let answer = async {
        let response = request.send().await.map_err(fetch_failure)?;
        let size = response.headers().get("content-length").and_then(|length| length.trim().parse().ok());
        let bytes = match response.body() {
            Some(body) => read_stream(&body, size, slice_ms).await?,
            None => response.binary().await.map_err(fetch_failure)?,
        };
        Ok::<_, String>((response, bytes))
    }
    .await;
    match answer {
        Ok((response, bytes)) => Ok(FileAnswer {
            status: response.status(),
            bytes,
            last_modified: response.headers().get("last-modified"),
            content_type: response.headers().get("content-type"),
            started: iso_time(deadline.started),
            duration_ms: deadline.elapsed_ms(),
        }),
        Err(reason) => Err(deadline.no_answer(reason)),
    }
}

impl HttpApi {
    /// A client of the endpoint at `base`. All its calls share one `MS-CorrelationId`, so that
    /// support can find the calls of one wizard together. `token` is the host's
    /// `getAccessToken`; `log` records every call; a call without an answer after `timeout_s`
    /// seconds is given up.
    pub fn new(base: &str, token: Option<AccessToken>, log: Option<RequestLog>, timeout_s: u32) -> Self {
        Self { base: base.trim_end_matches('/').to_string(), correlation_id: new_guid(), token, log, timeout_s }
    }

    /// A call with the headers every call carries. `request_id` is the call's `MS-RequestId`:
    /// given for calls that change something, new otherwise.
    fn call(&self, method: Method, path: &str, request_id: Option<&str>) -> Call {
        let request_id = request_id.map_or_else(new_guid, str::to_string);
        let headers = vec![
            ("Accept".to_string(), "application/json".to_string()),
            ("MS-CorrelationId".to_string(), self.correlation_id.clone()),
            ("MS-RequestId".to_string(), request_id),
        ];
        Call { method, url: format!("{}{path}", self.base), headers, body: None }
    }

    fn get(&self, path: &str) -> Call {
        self.call(Method::GET, path, None)
    }

    /// A catalog call: a `GET` in the UI's `locale` (`X-Locale`), as the catalog's texts are.
    fn catalog_get(&self, path: &str, locale: &str) -> Call {
        let mut call = self.get(path);
        call.headers.push(("X-Locale".into(), locale.to_string()));
        call
    }

    /// A call that sends `body` as JSON.
    fn with_body(&self, path: &str, request_id: Option<&str>, body: &impl Serialize) -> Call {
        let mut call = self.call(Method::POST, path, request_id);
        call.body = serde_json::to_string(body).ok();
        call.headers.push(("Content-Type".into(), "application/json".into()));
        call
    }

    /// Sends `call` once, with `token` where there is one, and logs it.
    async fn send_once(&self, call: &Call, token: Option<&str>) -> Result<Answer, ApiError> {
        let mut request = RequestBuilder::new(&call.url).method(call.method.clone());
        for (name, value) in &call.headers {
            request = request.header(name, value);
        }
        if let Some(token) = token {
            request = request.header("Authorization", &format!("Bearer {token}"));
        }
        let deadline = Deadline::new(self.timeout_s);
        let request = request.abort_signal(deadline.signal().as_ref());
        let request = match &call.body {
            Some(body) => request.body(body.clone()),
            None => request.build(),
        }
        .map_err(|error| ApiError::Malformed(fetch_failure(error)))?;
        let answer = match request.send().await {
            Ok(response) => {
                let retry_after = response.headers().get("retry-after").and_then(|value| value.trim().parse().ok());
                let headers = SUPPORT_HEADERS
                    .iter()
                    .filter_map(|name| response.headers().get(name).map(|value| (name.to_string(), value)))
                    .collect();
                let text = response.text().await.unwrap_or_default();
                Ok(Answer { status: response.status(), text, retry_after, headers, logged: None })
            }
            Err(error) => Err(deadline.no_answer(fetch_failure(error))),
        };
        let (started, duration_ms) = (deadline.started, deadline.elapsed_ms());
        drop(deadline);
        let mut answer = answer;
        if let Some(log) = &self.log {
            let mut headers = call.headers.clone();
            if token.is_some() {
                headers.push(("Authorization".into(), TOKEN_MASK.into()));
            }
            let index = log.record(LoggedCall {
                method: call.method.to_string(),
                url: call.url.clone(),
                headers,
                body: call.body.as_deref().map(redact_body),
                status: answer.as_ref().ok().map(|answer| answer.status),
                response: match &answer {
                    Ok(answer) => redact_body(&answer.text),
                    Err(error) => error.to_string(),
                },
                response_headers: answer.as_ref().map(|answer| answer.headers.clone()).unwrap_or_default(),
                started: iso_time(started),
                duration_ms,
                correlation_id: self.correlation_id.clone(),
                unreadable: None,
            });
            if let Ok(answer) = &mut answer {
                answer.logged = Some((log.clone(), index));
            }
        }
        answer
    }

    /// Sends `call`, and again after no answer, a 429 or a 5xx where it only reads (`GET`,
    /// `HEAD`), as [`retry_delay`] says; calls that change something are retried by the submit
    /// pipeline, which keeps their `MS-RequestId`s.
    async fn send(&self, call: Call) -> Result<Answer, ApiError> {
        let reads = matches!(call.method, Method::GET | Method::HEAD);
        let mut attempt = 1;
        loop {
            let outcome = self.send_authorized(&call).await;
            let error = match &outcome {
                Ok(answer) if !answer.ok() => answer.error(),
                Err(error) => error.clone(),
                Ok(_) => return outcome,
            };
            match retry_delay(&error, attempt, js_sys::Math::random()) {
                Some(delay) if reads => pause(delay).await,
                _ => return outcome,
            }
            attempt += 1;
        }
    }

    /// Sends `call` once: with the host's token where it gives one, and once more with a fresh
    /// token after a 401.
    async fn send_authorized(&self, call: &Call) -> Result<Answer, ApiError> {
        let Some(source) = &self.token else { return self.send_once(call, None).await };
        let answer = self.send_once(call, Some(&source.get(false).await?)).await?;
        if answer.status != 401 {
            return Ok(answer);
        }
        self.send_once(call, Some(&source.get(true).await?)).await
    }
}

impl PartnerApi for HttpApi {
    fn correlation_id(&self) -> Option<String> {
        Some(self.correlation_id.clone())
    }

    fn country_rules(&self, iso2: &str) -> ApiFuture<Option<CountryRules>> {
        let (client, call) = (self.clone(), self.get(&format!("/v1/countryvalidationrules/{}", encoded(iso2))));
        Box::pin(async move {
            let answer = client.send(call).await?;
            match answer.status {
                404 => Ok(None),
                _ => answer.json().map(Some),
            }
        })
    }

    fn validate_address(&self, address: &PostalAddress) -> ApiFuture<Option<AddressValidation>> {
        let (client, call) = (self.clone(), self.with_body("/v1/validations/address", None, address));
        Box::pin(async move {
            let answer = client.send(call).await?;
            match answer.status {
                404 | 405 | 501 => Ok(None),
                _ => answer.json().map(Some),
            }
        })
    }

    fn domain_availability(&self, domain: &str) -> ApiFuture<DomainAvailability> {
        let (client, call) = (self.clone(), self.call(Method::HEAD, &format!("/v1/domains/{}", encoded(domain)), None));
        Box::pin(async move {
            match client.send(call).await?.status {
                200 => Ok(DomainAvailability::Taken),
                404 => Ok(DomainAvailability::Free),
                status => Err(ApiError::Status { status, body: None, retry_after: None }),
            }
        })
    }

    fn products(&self, country: &str, locale: &str) -> ApiFuture<Vec<Product>> {
        let (client, locale) = (self.clone(), locale.to_string());
        let first = format!("/v1/products?country={}&targetView=OnlineServices", encoded(country));
        Box::pin(async move {
            let mut products: Vec<Product> = Vec::new();
            let mut next = Some((first, Vec::new()));
            // Page by `links.next`, carrying its headers (the continuation token).
            for _ in 0..MAX_PRODUCT_PAGES {
                let Some((path, headers)) = next.take() else { break };
                let mut call = client.catalog_get(&path, &locale);
                call.headers.extend(headers.into_iter().map(|header: LinkHeader| (header.key, header.value)));
                let page: Collection<Product> = client.send(call).await?.json()?;
                let empty = page.items.is_empty();
                products.extend(page.items.into_iter().filter(Product::is_sold_here));
                next = page.links.next_page().filter(|_| !empty);
            }
            Ok(products)
        })
    }

    fn skus(&self, product_id: &str, country: &str, locale: &str) -> ApiFuture<Vec<Sku>> {
        let path = format!("/v1/products/{}/skus?country={}", encoded(product_id), encoded(country));
        let (client, call) = (self.clone(), self.catalog_get(&path, locale));
        Box::pin(async move {
            let skus: Collection<Sku> = client.send(call).await?.json()?;
            Ok(skus.items)
        })
    }

    fn availabilities(
        &self,
        product_id: &str,
        sku_id: &str,
        country: &str,
        locale: &str,
    ) -> ApiFuture<Vec<Availability>> {
        let path = format!(
            "/v1/products/{}/skus/{}/availabilities?country={}",
            encoded(product_id),
            encoded(sku_id),
            encoded(country)
        );
        let (client, call) = (self.clone(), self.catalog_get(&path, locale));
        Box::pin(async move {
            let availabilities: Collection<Availability> = client.send(call).await?.json()?;
            Ok(availabilities.items)
        })
    }

    fn add_qualification(
        &self,
        customer_id: &str,
        qualification: &QualificationRequest,
        request_id: &str,
    ) -> ApiFuture<CustomerQualification> {
        let path = format!("/v1/customers/{}/qualifications", encoded(customer_id));
        let (client, call) = (self.clone(), self.with_body(&path, Some(request_id), qualification));
        Box::pin(async move { client.send(call).await?.json() })
    }

    fn account_status(&self, customer_id: &str) -> ApiFuture<Option<ValidationStatus>> {
        let path = format!("/v1/customers/{}/validationStatus?type=account", encoded(customer_id));
        let (client, call) = (self.clone(), self.get(&path));
        Box::pin(async move {
            let answer = client.send(call).await?;
            if answer.status == 404 && answer.error().code() == Some(ACCOUNT_STATUS_NOT_FOUND) {
                return Ok(None);
            }
            answer.json().map(Some)
        })
    }

    fn create_cart(&self, customer_id: &str, cart: &Cart, request_id: &str) -> ApiFuture<Cart> {
        let path = format!("/v1/customers/{}/carts", encoded(customer_id));
        let (client, call) = (self.clone(), self.with_body(&path, Some(request_id), cart));
        Box::pin(async move { client.send(call).await?.json() })
    }

    fn update_cart(&self, customer_id: &str, cart_id: &str, cart: &Cart, request_id: &str) -> ApiFuture<Cart> {
        let path = format!("/v1/customers/{}/carts/{}", encoded(customer_id), encoded(cart_id));
        let mut call = self.with_body(&path, Some(request_id), cart);
        call.method = Method::PUT;
        let client = self.clone();
        Box::pin(async move { client.send(call).await?.json() })
    }

    fn checkout(&self, customer_id: &str, cart_id: &str, request_id: &str) -> ApiFuture<CheckoutResult> {
        let path = format!("/v1/customers/{}/carts/{}/checkout", encoded(customer_id), encoded(cart_id));
        let (client, call) = (self.clone(), self.call(Method::POST, &path, Some(request_id)));
        Box::pin(async move { client.send(call).await?.json() })
    }

    fn create_customer(&self, customer: &NewCustomer, request_id: &str) -> ApiFuture<CreatedCustomer> {
        let (client, call) = (self.clone(), self.with_body("/v1/customers", Some(request_id), customer));
        Box::pin(async move { client.send(call).await?.json() })
    }

    fn agreement_template(&self) -> ApiFuture<String> {
        let client = self.clone();
        let call = self.get(&format!("/v1/agreements?agreementType={MICROSOFT_CUSTOMER_AGREEMENT}"));
        Box::pin(async move {
            let templates: Collection<AgreementTemplate> = client.send(call).await?.json()?;
            templates
                .items
                .into_iter()
                .map(|template| template.template_id)
                .find(|id| !id.is_empty())
                .ok_or_else(|| ApiError::Malformed("no agreement template".into()))
        })
    }

    fn attest_agreement(
        &self,
        customer_id: &str,
        attestation: &AgreementAttestation,
        request_id: &str,
    ) -> ApiFuture<()> {
        let path = format!("/v1/customers/{}/agreements", encoded(customer_id));
        let (client, call) = (self.clone(), self.with_body(&path, Some(request_id), attestation));
        Box::pin(async move { client.send(call).await?.done() })
    }

    fn resellers(&self) -> ApiFuture<Vec<Reseller>> {
        let (client, call) =
            (self.clone(), self.get("/v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf"));
        Box::pin(async move {
            let resellers: Collection<Reseller> = client.send(call).await?.json()?;
            Ok(resellers.items)
        })
    }

    fn reseller_agreement_signed(&self, mpn_id: &str) -> ApiFuture<bool> {
        let client = self.clone();
        let call = self.get(&format!("/v1/compliance/csp/agreementstatus?mpnId={}", encoded(mpn_id)));
        Box::pin(async move {
            let status: AgreementStatus = client.send(call).await?.json()?;
            Ok(status.is_agreement_signed)
        })
    }

    fn relationship_request(&self) -> ApiFuture<Option<String>> {
        let (client, call) = (self.clone(), self.get("/v1/customers/relationshiprequests"));
        Box::pin(async move {
            let answer = client.send(call).await?;
            match answer.status {
                404 | 405 | 501 => Ok(None),
                _ => {
                    let request: RelationshipRequest = answer.json()?;
                    Ok(Some(request.url).filter(|url| !url.is_empty()))
                }
            }
        })
    }
}
