//! What can go wrong with a call, and the endpoint's error envelope.

use crate::domain::commerce::cart::RefusedLine;
use crate::domain::commerce::checkout::OrderError;
use crate::domain::common::decode::decode;
use serde::Deserialize;
use std::fmt;

/// The error body of a Partner Center call:
/// `{"code": 600049, "description": "…", "data": [...], "source": "PartnerFD"}`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct ErrorBody {
    /// The numeric error code.
    pub code: Option<i64>,
    /// What went wrong, in the endpoint's words.
    pub description: Option<String>,
    /// Details, e.g. `"state: StateInvalid"`.
    pub data: Vec<serde_json::Value>,
    /// The service that answered.
    pub source: Option<String>,
}

/// A failed call.
#[derive(Clone, Debug, PartialEq)]
pub enum ApiError {
    /// No answer: offline, the address unreachable, or the browser refused it (CORS).
    NoAnswer(String),
    /// An answer with an unexpected status; `body` where it was the error envelope.
    Status {
        /// The HTTP status.
        status: u16,
        /// The parsed error envelope, where there was one.
        body: Option<ErrorBody>,
        /// The answer's `Retry-After`, in seconds, where it gave one.
        retry_after: Option<u32>,
    },
    /// No answer within the time allowed, in seconds.
    TimedOut(u32),
    /// No answer, and the browser says it is offline.
    Offline,
    /// A 2xx answer whose body is not the documented shape.
    Malformed(String),
    /// The host's `getAccessToken` failed or gave no token.
    SignIn(String),
    /// The initial domain (`<prefix>.onmicrosoft.com`) was taken between the page's check and
    /// Submit: found by checking it again before the customer is created, so nothing was made.
    DomainTaken(String),
    /// The cart was made, but the endpoint refused some of its lines: each goes back to its
    /// line on Subscriptions.
    LinesRefused(Vec<RefusedLine>),
    /// The checkout placed some order groups and not these: a retry checks out only them.
    OrderGroupsFailed(Vec<OrderError>),
}

/// The error in a few words, as the request log shows a call that had no answer.
impl fmt::Display for ApiError {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApiError::NoAnswer(reason) => write!(out, "no answer: {reason}"),
            ApiError::Status { status, .. } => write!(out, "HTTP {status}"),
            ApiError::TimedOut(seconds) => write!(out, "no answer within {seconds} s"),
            ApiError::Offline => out.write_str("no answer: the browser is offline"),
            ApiError::Malformed(reason) => write!(out, "unexpected answer: {reason}"),
            ApiError::SignIn(reason) => write!(out, "sign-in failed: {reason}"),
            ApiError::DomainTaken(domain) => write!(out, "{domain} is taken"),
            ApiError::LinesRefused(lines) => write!(out, "{} cart lines refused", lines.len()),
            ApiError::OrderGroupsFailed(groups) => write!(out, "{} order groups not placed", groups.len()),
        }
    }
}

impl ApiError {
    /// An error for `status` with the raw response text, parsing the envelope when it is one.
    pub fn from_status(status: u16, text: &str) -> Self {
        ApiError::Status { status, body: decode(text).ok(), retry_after: None }
    }

    /// Whether the endpoint answered (so that a retry is a new request, with a new
    /// `MS-RequestId`): an error status, or refused lines or order groups.
    pub fn was_answered(&self) -> bool {
        matches!(self, ApiError::Status { .. } | ApiError::LinesRefused(_) | ApiError::OrderGroupsFailed(_))
    }

    /// The envelope's error code, if the answer had one.
    pub fn code(&self) -> Option<i64> {
        match self {
            ApiError::Status { body: Some(body), .. } => body.code,
            _ => None,
        }
    }

    /// The envelope's `data` entries that are text, e.g. `"state: StateInvalid"`.
    pub fn data_texts(&self) -> Vec<&str> {
        match self {
            ApiError::Status { body: Some(body), .. } => body.data.iter().filter_map(|value| value.as_str()).collect(),
            _ => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_error_envelope() {
        let error = ApiError::from_status(
            400,
            r#"{"code":27002,"description":"Invalid property","data":["state: StateInvalid"],"source":"PartnerFD"}"#,
        );
        assert_eq!(error.code(), Some(27002));
        assert_eq!(error.data_texts(), ["state: StateInvalid"]);
        let ApiError::Status { status, body: Some(body), .. } = error else { panic!("not parsed") };
        assert_eq!(status, 400);
        assert_eq!(body.source.as_deref(), Some("PartnerFD"));
    }

    #[test]
    fn keeps_the_status_when_the_body_is_not_json() {
        let error = ApiError::from_status(502, "<html>Bad gateway</html>");
        assert_eq!(error, ApiError::Status { status: 502, body: None, retry_after: None });
        assert_eq!(error.code(), None);
    }
}
