//! The request log panel (the host's `log` option, the demo page's `?log`): every call the
//! wizard made, newest first, each with its headers (the token masked), bodies (secrets
//! redacted), status, the answer's support headers, duration and correlation id, "Copy as curl",
//! and "Export HAR" for all of them.

use crate::api::har::har;
use crate::api::request_log::{LoggedCall, RequestLog};
use crate::ui::common::browser::{copy_to_clipboard, save_file};
use crate::ui::i18n::{use_i18n, Text};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// One logged call, folded to its summary line.
fn entry(call: LoggedCall, number: usize, status: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let answer = move || match call.status {
        Some(code) => code.to_string(),
        None => i18n.messages().text(Text::NoAnswer).to_string(),
    };
    let summary = format!("{} {}", call.method, call.url);
    let lines = |pairs: &[(String, String)]| {
        pairs.iter().map(|(name, value)| format!("{name}: {value}")).collect::<Vec<_>>().join("\n")
    };
    let headers = lines(&call.headers);
    let response_headers = (!call.response_headers.is_empty()).then(|| lines(&call.response_headers));
    let curl = call.curl();
    let shown_curl = curl.clone();
    let copy = move |_| {
        let curl = curl.clone();
        spawn_local(async move {
            let copied = copy_to_clipboard(curl).await;
            let messages = i18n.0.get_untracked().messages();
            status.try_set(messages.copied(messages.text(Text::CopyAsCurl), copied));
        });
    };
    let problem = !call.status.is_some_and(|code| (200..300).contains(&code) || code == 404);
    view! {
        <li class="log-entry">
            <details>
                <summary class="log-summary">
                    <span class="log-status" class:log-status-problem=problem>{answer}</span>
                    " "
                    <span class="log-call">{summary}</span>
                    " "
                    <span class="log-duration">{format!("{} ms", call.duration_ms)}</span>
                </summary>
                <dl class="log-details">
                    <dt>"MS-CorrelationId"</dt>
                    <dd><code>{call.correlation_id}</code></dd>
                    <dt>{i18n.text(Text::RequestHeaders)}</dt>
                    <dd><pre class="log-text">{headers}</pre></dd>
                    {call.body.map(|body| view! {
                        <dt>{i18n.text(Text::RequestBody)}</dt>
                        <dd><pre class="log-text">{body}</pre></dd>
                    })}
                    {response_headers.map(|headers| view! {
                        <dt>{i18n.text(Text::ResponseHeaders)}</dt>
                        <dd><pre class="log-text">{headers}</pre></dd>
                    })}
                    <dt>{i18n.text(Text::ResponseBody)}</dt>
                    <dd><pre class="log-text">{call.response}</pre></dd>
                    {call.unreadable.map(|reason| view! {
                        <dt>{i18n.text(Text::ResponseUnreadable)}</dt>
                        <dd><pre class="log-text">{reason}</pre></dd>
                    })}
                    <dt>"curl"</dt>
                    <dd><pre class="log-text log-curl">{shown_curl}</pre></dd>
                </dl>
                <button type="button" class="button button-secondary" part="button button-secondary" on:click=copy>
                    {i18n.text(Text::CopyAsCurl)}
                    <span class="visually-hidden">{format!(" {number}")}</span>
                </button>
            </details>
        </li>
    }
}

/// The request log.
#[component]
pub fn RequestLogPanel(log: RequestLog) -> impl IntoView {
    let i18n = use_i18n();
    let status = RwSignal::new(String::new());
    let calls = {
        let log = log.clone();
        move || {
            let calls = log.calls();
            if calls.is_empty() {
                return view! { <p class="hint">{i18n.text(Text::NoCallsYet)}</p> }.into_any();
            }
            view! {
                <ol class="log-entries" reversed>
                    {calls.into_iter().enumerate().rev().map(|(index, call)| entry(call, index + 1, status)).collect_view()}
                </ol>
            }
            .into_any()
        }
    };
    let export = {
        let log = log.clone();
        move |_| {
            let stamp = String::from(js_sys::Date::new_0().to_iso_string()).replace([':', '.'], "-");
            if save_file(&format!("add-customer-{stamp}.har"), "application/json", &har(&log.calls())) {
                status.set(i18n.messages().text(Text::HarExported).to_string());
            }
        }
    };
    view! {
        <section class="request-log" part="request-log" aria-labelledby="request-log-title">
            <h2 id="request-log-title" class="section-title">{i18n.text(Text::RequestLog)}</h2>
            <p class="hint">{i18n.text(Text::RequestLogHint)}</p>
            {calls}
            <div class="actions">
                <button type="button" class="button button-secondary" part="button button-secondary" on:click=export>
                    {i18n.text(Text::ExportHar)}
                </button>
                <button type="button" class="button button-secondary" part="button button-secondary" on:click=move |_| log.clear()>
                    {i18n.text(Text::ClearLog)}
                </button>
                <span class="copy-status" role="status">{move || status.get()}</span>
            </div>
        </section>
    }
}
