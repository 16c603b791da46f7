//! The request log, for QA engineers checking an endpoint from the browser: every call the
//! wizard made, as sent and as answered, with a `curl` command to send it again. The bearer
//! token is never kept: the log holds a mask in its place; passwords, secrets and tokens in a
//! body are redacted before an entry is recorded ([`crate::api::redact`]).

use leptos::prelude::*;

/// What stands in the log for a bearer token.
pub const TOKEN_MASK: &str = "Bearer ••••••";

/// One call, as sent and as answered.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LoggedCall {
    /// `GET`, `POST`, `HEAD`.
    pub method: String,
    /// The whole URL.
    pub url: String,
    /// The request's headers as sent, the token masked.
    pub headers: Vec<(String, String)>,
    /// The request's body, if any.
    pub body: Option<String>,
    /// The answer's status; `None` without an answer.
    pub status: Option<u16>,
    /// The answer's body, or why there was none.
    pub response: String,
    /// The answer's headers that matter for support: `MS-RequestId`, `MS-CorrelationId`,
    /// `Retry-After`, `Content-Type`.
    pub response_headers: Vec<(String, String)>,
    /// When the call started, in ISO 8601.
    pub started: String,
    /// How long the call took, in milliseconds.
    pub duration_ms: u32,
    /// The call's `MS-CorrelationId`.
    pub correlation_id: String,
    /// Why the answer's body could not be read, naming the field (`items[3].quantity: …`).
    pub unreadable: Option<String>,
}

/// Quotes `text` for a POSIX shell.
fn shell_quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

impl LoggedCall {
    /// The call as a `curl` command. The bearer token is not in the log, so the command takes it
    /// from `$ACCESS_TOKEN`.
    pub fn curl(&self) -> String {
        let mut parts = vec!["curl".to_string()];
        match self.method.as_str() {
            "GET" => {}
            "HEAD" => parts.push("--head".into()),
            method => parts.push(format!("-X {method}")),
        }
        parts.push(shell_quoted(&self.url));
        for (name, value) in &self.headers {
            if value == TOKEN_MASK {
                parts.push(format!("-H \"{name}: Bearer $ACCESS_TOKEN\""));
            } else {
                parts.push(format!("-H {}", shell_quoted(&format!("{name}: {value}"))));
            }
        }
        if let Some(body) = &self.body {
            parts.push(format!("--data-raw {}", shell_quoted(body)));
        }
        parts.join(" \\\n  ")
    }
}

/// The calls of one wizard, newest last. Cheap to clone; clones share the list.
#[derive(Clone, Default)]
pub struct RequestLog(ArcRwSignal<Vec<LoggedCall>>);

impl RequestLog {
    /// Adds a call; answers its place in the log.
    pub fn record(&self, call: LoggedCall) -> usize {
        let mut index = 0;
        self.0.update(|calls| {
            index = calls.len();
            calls.push(call);
        });
        index
    }

    /// Notes on the call at `index` why its answer could not be read.
    pub fn note_unreadable(&self, index: usize, reason: &str) {
        self.0.update(|calls| {
            if let Some(call) = calls.get_mut(index) {
                call.unreadable = Some(reason.to_string());
            }
        });
    }

    /// Every call so far (tracked).
    pub fn calls(&self) -> Vec<LoggedCall> {
        self.0.get()
    }

    /// Forgets every call.
    pub fn clear(&self) {
        self.0.set(Vec::new());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_post_as_curl_with_the_token_from_the_environment() {
        let call = LoggedCall {
            method: "POST".into(),
            url: "https://partner.example.com/v1/customers".into(),
            headers: vec![
                ("Content-Type".into(), "application/json".into()),
                ("Authorization".into(), TOKEN_MASK.into()),
            ],
            body: Some(r#"{"companyName":"O'Brien & Co"}"#.into()),
            ..LoggedCall::default()
        };
        assert_eq!(
            call.curl(),
            "curl \\\n  -X POST \\\n  'https://partner.example.com/v1/customers' \\\n  -H 'Content-Type: application/json' \\\n  \
             -H \"Authorization: Bearer $ACCESS_TOKEN\" \\\n  --data-raw '{\"companyName\":\"O'\\''Brien & Co\"}'"
        );
    }

    #[test]
    fn a_head_as_curl() {
        let call =
            LoggedCall { method: "HEAD".into(), url: "http://127.0.0.1/v1/domains/x".into(), ..LoggedCall::default() };
        assert_eq!(call.curl(), "curl \\\n  --head \\\n  'http://127.0.0.1/v1/domains/x'");
    }
}
