//! The HTTP client of a Partner Center compatible endpoint (gloo-net over `fetch`).

use super::guid::new_guid;
use super::{ApiError, ApiFuture, DomainAvailability, PartnerApi};
use crate::domain::address_check::{AddressValidation, PostalAddress};
use crate::domain::agreement_request::{AgreementAttestation, AgreementTemplate, MICROSOFT_CUSTOMER_AGREEMENT};
use crate::domain::country_rules::CountryRules;
use crate::domain::customer_request::{CreatedCustomer, NewCustomer};
use crate::domain::offer::{Collection, Offer, OfferCategory};
use crate::domain::order_plan::{OrderRequest, PlacedOrder};
use crate::domain::relationship_request::RelationshipRequest;
use crate::domain::reseller::{AgreementStatus, Reseller};
use gloo_net::http::{Method, Request, RequestBuilder, Response};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// How many offers one page of `GET /v1/offers` asks for.
const OFFER_PAGE_SIZE: usize = 200;
/// A bound on the pages read, against an endpoint whose paging never ends.
const MAX_OFFER_PAGES: usize = 1_000;

/// Talks to the endpoint at `base` (e.g. `https://partner.example.com`); every path starts
/// with `/v1`.
#[derive(Clone)]
pub struct HttpApi {
    base: String,
    correlation_id: String,
}

/// Encodes one path segment or query value.
fn encoded(value: &str) -> String {
    String::from(js_sys::encode_uri_component(value))
}

async fn send(request: Request) -> Result<Response, ApiError> {
    request.send().await.map_err(|error| ApiError::NoAnswer(error.to_string()))
}

async fn error_of(response: Response) -> ApiError {
    let text = response.text().await.unwrap_or_default();
    ApiError::from_status(response.status(), &text)
}

/// The JSON body of a 2xx answer, or the error.
async fn json_of<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    if !response.ok() {
        return Err(error_of(response).await);
    }
    response.json().await.map_err(|error| ApiError::Malformed(error.to_string()))
}

/// The text of a plain `GET` of `url` (a static file, no endpoint headers).
pub async fn get_text(url: &str) -> Result<String, ApiError> {
    let response = send(built(RequestBuilder::new(url).method(Method::GET))?).await?;
    if !response.ok() {
        return Err(ApiError::Status { status: response.status(), body: None });
    }
    response.text().await.map_err(|error| ApiError::Malformed(error.to_string()))
}

fn built(request: RequestBuilder) -> Result<Request, ApiError> {
    request.build().map_err(|error| ApiError::Malformed(error.to_string()))
}

fn with_body(request: RequestBuilder, body: &impl Serialize) -> Result<Request, ApiError> {
    request.json(body).map_err(|error| ApiError::Malformed(error.to_string()))
}

impl HttpApi {
    /// A client of the endpoint at `base`. All its calls share one `MS-CorrelationId`, so that
    /// support can find the calls of one wizard together.
    pub fn new(base: &str) -> Self {
        Self { base: base.trim_end_matches('/').to_string(), correlation_id: new_guid() }
    }

    /// A request with the headers every call carries. `request_id` is the call's
    /// `MS-RequestId`: given for calls that change something, new otherwise.
    fn request(&self, method: Method, path: &str, request_id: Option<&str>) -> RequestBuilder {
        let request_id = request_id.map_or_else(new_guid, str::to_string);
        RequestBuilder::new(&format!("{}{path}", self.base))
            .method(method)
            .header("Accept", "application/json")
            .header("MS-CorrelationId", &self.correlation_id)
            .header("MS-RequestId", &request_id)
    }

    fn get(&self, path: &str) -> RequestBuilder {
        self.request(Method::GET, path, None)
    }
}

impl PartnerApi for HttpApi {
    fn country_rules(&self, iso2: &str) -> ApiFuture<Option<CountryRules>> {
        let request = built(self.get(&format!("/v1/countryvalidationrules/{}", encoded(iso2))));
        Box::pin(async move {
            let response = send(request?).await?;
            match response.status() {
                404 => Ok(None),
                _ => json_of(response).await.map(Some),
            }
        })
    }

    fn validate_address(&self, address: &PostalAddress) -> ApiFuture<Option<AddressValidation>> {
        let request = with_body(self.request(Method::POST, "/v1/validations/address", None), address);
        Box::pin(async move {
            let response = send(request?).await?;
            match response.status() {
                404 | 405 | 501 => Ok(None),
                _ => json_of(response).await.map(Some),
            }
        })
    }

    fn domain_availability(&self, domain: &str) -> ApiFuture<DomainAvailability> {
        let request = built(self.request(Method::HEAD, &format!("/v1/domains/{}", encoded(domain)), None));
        Box::pin(async move {
            let response = send(request?).await?;
            match response.status() {
                200 => Ok(DomainAvailability::Taken),
                404 => Ok(DomainAvailability::Free),
                status => Err(ApiError::Status { status, body: None }),
            }
        })
    }

    fn offers(&self, country: &str, locale: &str) -> ApiFuture<Vec<Offer>> {
        let (client, country, locale) = (self.clone(), encoded(country), locale.to_string());
        Box::pin(async move {
            let mut offers: Vec<Offer> = Vec::new();
            // Page by what has arrived: an endpoint may answer fewer offers than asked for.
            for _ in 0..MAX_OFFER_PAGES {
                let path = format!("/v1/offers?country={country}&offset={}&size={OFFER_PAGE_SIZE}", offers.len());
                let request = built(client.get(&path).header("X-Locale", &locale))?;
                let page: Collection<Offer> = json_of(send(request).await?).await?;
                if page.items.is_empty() {
                    break;
                }
                offers.extend(page.items);
                if offers.len() as u64 >= page.total_count {
                    break;
                }
            }
            Ok(offers)
        })
    }

    fn offer_categories(&self, country: &str, locale: &str) -> ApiFuture<Vec<OfferCategory>> {
        let request =
            built(self.get(&format!("/v1/offercategories?country={}", encoded(country))).header("X-Locale", locale));
        Box::pin(async move {
            let categories: Collection<OfferCategory> = json_of(send(request?).await?).await?;
            Ok(categories.items)
        })
    }

    fn create_customer(&self, customer: &NewCustomer, request_id: &str) -> ApiFuture<CreatedCustomer> {
        let request = with_body(self.request(Method::POST, "/v1/customers", Some(request_id)), customer);
        Box::pin(async move { json_of(send(request?).await?).await })
    }

    fn agreement_template(&self) -> ApiFuture<String> {
        let request = built(self.get(&format!("/v1/agreements?agreementType={MICROSOFT_CUSTOMER_AGREEMENT}")));
        Box::pin(async move {
            let templates: Collection<AgreementTemplate> = json_of(send(request?).await?).await?;
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
        let request = with_body(self.request(Method::POST, &path, Some(request_id)), attestation);
        Box::pin(async move {
            let response = send(request?).await?;
            if response.ok() {
                Ok(())
            } else {
                Err(error_of(response).await)
            }
        })
    }

    fn place_order(&self, customer_id: &str, order: &OrderRequest, request_id: &str) -> ApiFuture<PlacedOrder> {
        let path = format!("/v1/customers/{}/orders", encoded(customer_id));
        let request = with_body(self.request(Method::POST, &path, Some(request_id)), order);
        Box::pin(async move { json_of(send(request?).await?).await })
    }

    fn resellers(&self) -> ApiFuture<Vec<Reseller>> {
        let request = built(self.get("/v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf"));
        Box::pin(async move {
            let resellers: Collection<Reseller> = json_of(send(request?).await?).await?;
            Ok(resellers.items)
        })
    }

    fn reseller_agreement_signed(&self, mpn_id: &str) -> ApiFuture<bool> {
        let request = built(self.get(&format!("/v1/compliance/csp/agreementstatus?mpnId={}", encoded(mpn_id))));
        Box::pin(async move {
            let status: AgreementStatus = json_of(send(request?).await?).await?;
            Ok(status.is_agreement_signed)
        })
    }

    fn relationship_request(&self) -> ApiFuture<Option<String>> {
        let request = built(self.get("/v1/customers/relationshiprequests"));
        Box::pin(async move {
            let response = send(request?).await?;
            match response.status() {
                404 | 405 | 501 => Ok(None),
                _ => {
                    let answer: RelationshipRequest = json_of(response).await?;
                    Ok(Some(answer.url).filter(|url| !url.is_empty()))
                }
            }
        })
    }
}
