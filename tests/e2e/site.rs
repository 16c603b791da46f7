//! Serves the built `dist/` on 127.0.0.1, as any static host would.

use axum::http::{header, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use std::path::PathBuf;

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
        _ => "application/octet-stream",
    }
}

/// The file of `dist/` at `path` (relative to where dist/ is mounted); `index.html` for the
/// directory itself.
async fn file(path: &str) -> Response {
    let path = if path.is_empty() { "index.html" } else { path };
    if path.split('/').any(|part| part == "..") {
        return StatusCode::NOT_FOUND.into_response();
    }
    match tokio::fs::read(dist().join(path)).await {
        Ok(bytes) => ([(header::CONTENT_TYPE, content_type(path))], bytes).into_response(),
        Err(_) => StatusCode::NOT_FOUND.into_response(),
    }
}

/// Starts a static server of `dist/` and answers its base URL.
pub async fn serve_dist() -> String {
    serve_dist_under("").await
}

/// Starts a static server with `dist/` copied under `prefix` (e.g. `/tools/add-customer`), as a
/// partner's web server would host it, and answers the page's URL.
pub async fn serve_dist_under(prefix: &'static str) -> String {
    assert!(
        dist().join("index.html").exists() && dist().join("add-customer_bg.wasm").exists(),
        "dist/ is not built: run scripts/test.sh (or `trunk build --release`) first"
    );
    // Like a plain static host: dist/ is a folder at `prefix/`, nothing else is there.
    let serve = move |uri: Uri| async move {
        match uri.path().strip_prefix(prefix).and_then(|rest| rest.strip_prefix('/')) {
            Some(rest) => file(rest).await,
            None => StatusCode::NOT_FOUND.into_response(),
        }
    };
    let app = Router::new().route("/", get(serve)).route("/{*path}", get(serve));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base_url = format!("http://{}{prefix}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    base_url
}
