//! The HTTP client of a Partner Center compatible endpoint (gloo-net over `fetch`).

use super::guid::new_guid;
use super::{ApiError, ApiFuture, DomainAvailability, PartnerApi};
use crate::domain::country_rules::CountryRules;
use gloo_net::http::{Method, RequestBuilder, Response};

/// Talks to the endpoint at `base` (e.g. `https://partner.example.com`); every path starts
/// with `/v1`.
pub struct HttpApi {
    base: String,
    correlation_id: String,
}

impl HttpApi {
    /// A client of the endpoint at `base`. All its calls share one `MS-CorrelationId`, so that
    /// support can find the calls of one wizard together.
    pub fn new(base: &str) -> Self {
        Self {
            base: base.trim_end_matches('/').to_string(),
            correlation_id: new_guid(),
        }
    }

    fn request(&self, method: Method, path: &str) -> RequestBuilder {
        RequestBuilder::new(&format!("{}{path}", self.base))
            .method(method)
            .header("Accept", "application/json")
            .header("MS-CorrelationId", &self.correlation_id)
            .header("MS-RequestId", &new_guid())
    }
}

async fn send(request: RequestBuilder) -> Result<Response, ApiError> {
    request
        .send()
        .await
        .map_err(|error| ApiError::NoAnswer(error.to_string()))
}

async fn error_of(response: Response) -> ApiError {
    let text = response.text().await.unwrap_or_default();
    ApiError::from_status(response.status(), &text)
}

/// Encodes one path segment.
fn segment(value: &str) -> String {
    String::from(js_sys::encode_uri_component(value))
}

impl PartnerApi for HttpApi {
    fn country_rules(&self, iso2: &str) -> ApiFuture<Option<CountryRules>> {
        let request = self.request(
            Method::GET,
            &format!("/v1/countryvalidationrules/{}", segment(iso2)),
        );
        Box::pin(async move {
            let response = send(request).await?;
            match response.status() {
                200 => response
                    .json()
                    .await
                    .map(Some)
                    .map_err(|error| ApiError::Malformed(error.to_string())),
                404 => Ok(None),
                _ => Err(error_of(response).await),
            }
        })
    }

    fn domain_availability(&self, domain: &str) -> ApiFuture<DomainAvailability> {
        let request = self.request(Method::HEAD, &format!("/v1/domains/{}", segment(domain)));
        Box::pin(async move {
            let response = send(request).await?;
            match response.status() {
                200 => Ok(DomainAvailability::Taken),
                404 => Ok(DomainAvailability::Free),
                status => Err(ApiError::Status { status, body: None }),
            }
        })
    }
}
