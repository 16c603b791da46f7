//! The request log as a HAR 1.2 file, for a support ticket. The log's entries are redacted when
//! they are recorded ([`crate::api::redact`]), so the file holds no password nor token.

use crate::api::request_log::LoggedCall;
use crate::domain::common::url_query::{query_of, query_parameters};
use serde::Serialize;

/// A header or query parameter.
#[derive(Serialize)]
struct NameValue<'a> {
    name: &'a str,
    value: &'a str,
}

fn pairs(pairs: &[(String, String)]) -> Vec<NameValue<'_>> {
    pairs.iter().map(|(name, value)| NameValue { name, value }).collect()
}

/// A URL's query parameters, as written.
fn query_string(url: &str) -> Vec<NameValue<'_>> {
    query_parameters(query_of(url)).map(|(name, value)| NameValue { name, value }).collect()
}

/// The `Content-Type` among `headers`, or JSON.
fn mime_type(headers: &[(String, String)]) -> &str {
    headers
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case("content-type"))
        .map_or("application/json", |(_, value)| value.as_str())
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PostData<'a> {
    mime_type: &'a str,
    text: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Request<'a> {
    method: &'a str,
    url: &'a str,
    http_version: &'static str,
    headers: Vec<NameValue<'a>>,
    query_string: Vec<NameValue<'a>>,
    cookies: [(); 0],
    headers_size: i64,
    body_size: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    post_data: Option<PostData<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Content<'a> {
    size: usize,
    mime_type: &'a str,
    text: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Response<'a> {
    /// 0 where no answer came, as browsers export a failed request.
    status: u16,
    status_text: &'static str,
    http_version: &'static str,
    headers: Vec<NameValue<'a>>,
    cookies: [(); 0],
    content: Content<'a>,
    #[serde(rename = "redirectURL")]
    redirect_url: &'static str,
    headers_size: i64,
    body_size: i64,
}

#[derive(Serialize)]
struct Timings {
    send: u32,
    wait: u32,
    receive: u32,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Entry<'a> {
    started_date_time: &'a str,
    time: u32,
    request: Request<'a>,
    response: Response<'a>,
    cache: Cache,
    timings: Timings,
    /// The call's `MS-CorrelationId`, for support (HAR allows custom fields with `_`).
    #[serde(rename = "_correlationId")]
    correlation_id: &'a str,
}

/// HAR's cache object, empty: the wizard's calls are not cached.
#[derive(Serialize)]
struct Cache {}

#[derive(Serialize)]
struct Creator {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct Log<'a> {
    version: &'static str,
    creator: Creator,
    entries: Vec<Entry<'a>>,
}

#[derive(Serialize)]
struct Har<'a> {
    log: Log<'a>,
}

fn entry(call: &LoggedCall) -> Entry<'_> {
    let text = if call.status.is_some() { call.response.as_str() } else { "" };
    Entry {
        started_date_time: &call.started,
        time: call.duration_ms,
        request: Request {
            method: &call.method,
            url: &call.url,
            http_version: "HTTP/1.1",
            headers: pairs(&call.headers),
            query_string: query_string(&call.url),
            cookies: [],
            headers_size: -1,
            body_size: call.body.as_ref().map_or(0, |body| body.len() as i64),
            post_data: call.body.as_deref().map(|text| PostData { mime_type: mime_type(&call.headers), text }),
        },
        response: Response {
            status: call.status.unwrap_or(0),
            status_text: "",
            http_version: "HTTP/1.1",
            headers: pairs(&call.response_headers),
            cookies: [],
            content: Content { size: text.len(), mime_type: mime_type(&call.response_headers), text },
            redirect_url: "",
            headers_size: -1,
            body_size: if call.status.is_some() { text.len() as i64 } else { -1 },
        },
        cache: Cache {},
        timings: Timings { send: 0, wait: call.duration_ms, receive: 0 },
        correlation_id: &call.correlation_id,
    }
}

/// `calls`, oldest first, as the text of a HAR 1.2 file.
pub fn har(calls: &[LoggedCall]) -> String {
    let log = Log {
        version: "1.2",
        creator: Creator { name: "add-customer", version: env!("CARGO_PKG_VERSION") },
        entries: calls.iter().map(entry).collect(),
    };
    serde_json::to_string_pretty(&Har { log }).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn created() -> LoggedCall {
        LoggedCall {
            method: "POST".into(),
            url: "http://127.0.0.1:9/v1/customers?x=1&y".into(),
            headers: vec![("Content-Type".into(), "application/json".into())],
            body: Some(r#"{"companyProfile":{"domain":"a.onmicrosoft.com"}}"#.into()),
            status: Some(201),
            response: r#"{"id":"c1"}"#.into(),
            response_headers: vec![("MS-RequestId".into(), "r1".into())],
            duration_ms: 42,
            correlation_id: "corr".into(),
            started: "2026-12-07T10:00:00.000Z".into(),
            unreadable: None,
        }
    }

    #[test]
    fn a_call_and_a_call_without_answer_as_har_entries() {
        let unanswered = LoggedCall {
            method: "GET".into(),
            url: "http://127.0.0.1:9/v1/offers".into(),
            status: None,
            response: "no answer: offline".into(),
            ..created()
        };
        let har: Value = serde_json::from_str(&har(&[created(), unanswered])).unwrap();
        assert_eq!(har["log"]["version"], "1.2");
        let first = &har["log"]["entries"][0];
        assert_eq!(first["startedDateTime"], "2026-12-07T10:00:00.000Z");
        assert_eq!(first["time"], 42);
        assert_eq!(first["request"]["postData"]["mimeType"], "application/json");
        assert_eq!(
            first["request"]["queryString"],
            serde_json::json!([{"name": "x", "value": "1"}, {"name": "y", "value": ""}])
        );
        assert_eq!(first["response"]["status"], 201);
        assert_eq!(first["response"]["content"]["text"], r#"{"id":"c1"}"#);
        assert_eq!(first["response"]["headers"][0]["name"], "MS-RequestId");
        assert_eq!(first["response"]["redirectURL"], "");
        assert_eq!(first["_correlationId"], "corr");
        let second = &har["log"]["entries"][1];
        assert_eq!(second["response"]["status"], 0);
        assert_eq!(second["response"]["content"]["text"], "");
    }
}
