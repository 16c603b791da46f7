//! Serves the built `dist/` on 127.0.0.1, as any static host would.

use axum::http::{header, HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

fn dist() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dist")
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next() {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css",
        Some("json") => "application/json",
        Some("csv") => "text/csv; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// The compressed copies a host may have beside a file: their encoding and suffix, preferred
/// first.
const COPIES: [(&str, &str); 2] = [("br", "br"), ("gzip", "gz")];

/// The file at `path` under `folder`; `index.html` for the folder itself. Served with
/// `Access-Control-Allow-Origin: *`, as a host must serve the app for other origins to embed it.
/// Where the browser's `accept_encoding` takes the encoding of a compressed copy beside the
/// file (the release build's `.br` and `.gz`), that copy goes instead, with its
/// `Content-Encoding`, as a host that serves them does (nginx's `brotli_static` and
/// `gzip_static`, Caddy's `precompressed br gzip`); a plain host passes "".
async fn file_in(folder: PathBuf, path: &str, accept_encoding: &str) -> Response {
    let path = if path.is_empty() { "index.html" } else { path };
    if path.split('/').any(|part| part == "..") {
        return StatusCode::NOT_FOUND.into_response();
    }
    let accepts =
        |encoding: &str| accept_encoding.split(',').any(|token| token.split(';').next().unwrap().trim() == encoding);
    for (encoding, suffix) in COPIES.into_iter().filter(|(encoding, _)| accepts(encoding)) {
        if let Ok(bytes) = tokio::fs::read(folder.join(format!("{path}.{suffix}"))).await {
            let headers = [
                (header::CONTENT_TYPE, content_type(path)),
                (header::CONTENT_ENCODING, encoding),
                (header::VARY, "Accept-Encoding"),
                (header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"),
            ];
            return (headers, bytes).into_response();
        }
    }
    match tokio::fs::read(folder.join(path)).await {
        Ok(bytes) => ([(header::CONTENT_TYPE, content_type(path)), (header::ACCESS_CONTROL_ALLOW_ORIGIN, "*")], bytes)
            .into_response(),
        Err(_) => StatusCode::NOT_FOUND.into_response(),
    }
}

/// Starts a partner's site on its own origin: the pages of `tests/e2e/partner/`, under a strict
/// CSP that admits scripts and styles from `app` (the add-customer origin) and calls to `app`
/// and `endpoint`. Answers its base URL.
pub async fn serve_partner_site(app: String, endpoint: String) -> String {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/e2e/partner");
    let policy = format!(
        "default-src 'self'; script-src 'self' {app} 'wasm-unsafe-eval'; style-src 'self' {app}; \
         connect-src 'self' {app} {endpoint}; img-src 'self' data:; base-uri 'none'; object-src 'none'"
    );
    let serve = move |uri: Uri| {
        let (folder, policy) = (folder.clone(), policy.clone());
        async move {
            let mut response = file_in(folder, uri.path().trim_start_matches('/'), "").await;
            response.headers_mut().insert(header::CONTENT_SECURITY_POLICY, policy.parse().unwrap());
            response
        }
    };
    listen(Router::new().route("/", get(serve.clone())).route("/{*path}", get(serve))).await
}

/// Files of `dist/` a test hides from the app's host (answered 404 while listed), to see the
/// wizard fail to load and try again.
pub type HiddenFiles = Arc<Mutex<BTreeSet<String>>>;

/// Starts a static server of `dist/` that serves its compressed copies, and answers its base URL.
pub async fn serve_dist() -> String {
    serve_dist_hiding(HiddenFiles::default()).await
}

/// [`serve_dist`], with the files `hidden` names answered 404 while they are named there.
pub async fn serve_dist_hiding(hidden: HiddenFiles) -> String {
    serve_dist_guarded(hidden, None).await
}

/// Holds back the wasm's responses while it has no permits (`Semaphore::new(0)`); adding them
/// lets the wasm go, so that a test can act on the page before the wizard has started.
pub type WasmGate = Arc<tokio::sync::Semaphore>;

/// [`serve_dist`], with every `.wasm` answered only once `gate` lets it through.
pub async fn serve_dist_holding_wasm(gate: WasmGate) -> String {
    serve_dist_guarded(HiddenFiles::default(), Some(gate)).await
}

/// [`serve_dist`], with the files `hidden` names answered 404, and the wasm held back by `gate`
/// where there is one.
async fn serve_dist_guarded(hidden: HiddenFiles, gate: Option<WasmGate>) -> String {
    assert_built();
    let serve = move |uri: Uri, headers: HeaderMap| {
        let (hidden, gate) = (hidden.clone(), gate.clone());
        async move {
            let path = uri.path().trim_start_matches('/').to_string();
            if hidden.lock().unwrap().contains(&path) {
                // As a host that serves the app to other origins answers a missing file.
                return (StatusCode::NOT_FOUND, [(header::ACCESS_CONTROL_ALLOW_ORIGIN, "*")]).into_response();
            }
            if let Some(gate) = gate.filter(|_| path.ends_with(".wasm")) {
                drop(gate.acquire().await.unwrap());
            }
            let accept_encoding = headers.get(header::ACCEPT_ENCODING).and_then(|value| value.to_str().ok());
            file_in(dist(), &path, accept_encoding.unwrap_or_default()).await
        }
    };
    listen(Router::new().route("/", get(serve.clone())).route("/{*path}", get(serve))).await
}

/// The CSP violation reports a page sent (`report-uri`), as their JSON text.
pub type CspReports = Arc<Mutex<Vec<String>>>;

/// Starts a static server of `dist/` that sends `policy` as the `Content-Security-Policy` of
/// every file, with a `report-uri` whose reports land in `reports`; answers its base URL.
pub async fn serve_dist_with_policy(policy: &str, reports: CspReports) -> String {
    assert_built();
    let policy = format!("{policy}; report-uri /csp-report");
    let serve = move |uri: Uri| {
        let policy = policy.clone();
        async move {
            let mut response = file_in(dist(), uri.path().trim_start_matches('/'), "").await;
            response.headers_mut().insert(header::CONTENT_SECURITY_POLICY, policy.parse().unwrap());
            response
        }
    };
    let report = move |body: String| {
        reports.lock().unwrap().push(body);
        async { StatusCode::NO_CONTENT }
    };
    listen(
        Router::new()
            .route("/", get(serve.clone()))
            .route("/csp-report", axum::routing::post(report))
            .route("/{*path}", get(serve)),
    )
    .await
}

/// Serves `app` on a free port of 127.0.0.1 and answers its base URL.
async fn listen(app: Router) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base_url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    base_url
}

/// The name in `dist/` of the app's file `name` (`add-customer_bg.wasm`, `add-customer.js`,
/// `main.css`): a release build content-hashes it (`add-customer_bg-<hash>.wasm`).
pub fn dist_name(name: &str) -> String {
    let (stem, ext) = name.rsplit_once('.').unwrap();
    let hashed = |file: &str| {
        file.strip_prefix(stem)
            .and_then(|rest| rest.strip_prefix('-'))
            .and_then(|rest| rest.strip_suffix(&format!(".{ext}")))
            .is_some_and(|hash| hash.len() == 16 && hash.chars().all(|c| c.is_ascii_hexdigit()))
    };
    std::fs::read_dir(dist())
        .into_iter()
        .flatten()
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .find(|file| file == name || hashed(file))
        .unwrap_or_else(|| name.to_string())
}

fn assert_built() {
    assert!(
        dist().join("index.html").exists() && dist().join(dist_name("add-customer_bg.wasm")).exists(),
        "dist/ is not built: run scripts/test.sh (or `trunk build --release`) first"
    );
}

/// Starts a static server with `dist/` copied under `prefix` (e.g. `/tools/add-customer`), as a
/// partner's web server would host it, and answers the page's URL.
pub async fn serve_dist_under(prefix: &'static str) -> String {
    assert_built();
    // Like a plain static host: dist/ is a folder at `prefix/`, nothing else is there, and the
    // files go as they are.
    let serve = move |uri: Uri| async move {
        match uri.path().strip_prefix(prefix).and_then(|rest| rest.strip_prefix('/')) {
            Some(rest) => file_in(dist(), rest, "").await,
            None => StatusCode::NOT_FOUND.into_response(),
        }
    };
    let base_url = listen(Router::new().route("/", get(serve)).route("/{*path}", get(serve))).await;
    format!("{base_url}{prefix}")
}
