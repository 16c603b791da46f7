//! A collection answer of Partner Center: `{"totalCount": n, "items": [...], "links": {...}}`,
//! where `links.next` (when present) says how to ask for the next page.

use serde::Deserialize;

/// A header the next page's request must carry (`MS-ContinuationToken`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct LinkHeader {
    /// The header's name.
    pub key: String,
    /// Its value.
    pub value: String,
}

/// A link to another page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Link {
    /// Its URI, relative to the endpoint (`/v1/products?...` or `products?...`).
    pub uri: String,
    /// Headers to send with it.
    pub headers: Vec<LinkHeader>,
}

/// The links of a page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Links {
    /// The next page, if there is one.
    pub next: Option<Link>,
}

/// A page of a collection answer.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Collection<T> {
    /// How many items the whole collection has.
    #[serde(default)]
    pub total_count: u64,
    /// This page's items.
    #[serde(default = "Vec::new")]
    pub items: Vec<T>,
    /// Where the next page is.
    #[serde(default)]
    pub links: Links,
}

impl Links {
    /// The path (under the endpoint's base, starting `/v1/`) and headers of the next page.
    pub fn next_page(&self) -> Option<(String, Vec<LinkHeader>)> {
        let next = self.next.as_ref().filter(|next| !next.uri.trim().is_empty())?;
        let uri = next.uri.trim();
        let path =
            if uri.starts_with("/v1/") { uri.to_string() } else { format!("/v1/{}", uri.trim_start_matches('/')) };
        Some((path, next.headers.clone()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::common::decode::decode;

    #[test]
    fn the_next_page_is_under_v1_whatever_the_uri_looks_like() {
        let page: Collection<u32> = decode(
            r#"{"totalCount": 30, "items": [1, 2], "links": {"next": {"uri": "/products?country=US&seekOperation=Next",
               "method": "GET", "headers": [{"key": "MS-ContinuationToken", "value": "abc"}]}}}"#,
        )
        .unwrap();
        let (path, headers) = page.links.next_page().unwrap();
        assert_eq!(path, "/v1/products?country=US&seekOperation=Next");
        assert_eq!(headers[0].key, "MS-ContinuationToken");
        let page: Collection<u32> =
            decode(r#"{"items": [], "links": {"next": {"uri": "/v1/products?offset=10"}}}"#).unwrap();
        assert_eq!(page.links.next_page().unwrap().0, "/v1/products?offset=10");
        let last: Collection<u32> = decode(r#"{"totalCount": 2, "items": [1, 2]}"#).unwrap();
        assert_eq!(last.links.next_page(), None);
    }
}
