//! Serves the built `dist/` on 127.0.0.1, as any static host would.

use axum::extract::Path;
use axum::http::{header, StatusCode};
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

async fn file(path: Option<Path<String>>) -> Response {
    let path = path.map(|Path(path)| path).unwrap_or_else(|| "index.html".into());
    if path.split('/').any(|part| part == "..") {
        return StatusCode::NOT_FOUND.into_response();
    }
    match tokio::fs::read(dist().join(&path)).await {
        Ok(bytes) => ([(header::CONTENT_TYPE, content_type(&path))], bytes).into_response(),
        Err(_) => StatusCode::NOT_FOUND.into_response(),
    }
}

/// Starts a static server of `dist/` and answers its base URL.
pub async fn serve_dist() -> String {
    assert!(
        dist().join("index.html").exists() && dist().join("add-customer_bg.wasm").exists(),
        "dist/ is not built: run scripts/test.sh (or `trunk build --release`) first"
    );
    let app = Router::new().route("/", get(|| file(None))).route("/{*path}", get(|path| file(Some(path))));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base_url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    base_url
}
