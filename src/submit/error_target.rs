//! Where a failed call's error belongs: a field of Account info, the lines of Subscriptions, or
//! the page (spec §2's error table).

use crate::api::ApiError;
use crate::domain::account::field::Field;
use crate::domain::commerce::lines::PlannedLine;

/// The place to show an error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ErrorTarget {
    /// A field of the Account info page.
    Field(Field),
    /// Lines of the Subscriptions page the cart refused.
    Lines(Vec<RefusedProduct>),
    /// The page as a whole.
    Page,
}

/// A product whose cart line the endpoint refused, with the line error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefusedProduct {
    /// The product.
    pub product_id: String,
    /// The line error code.
    pub code: i64,
    /// The endpoint's words.
    pub description: String,
}

/// The field a property name of a `27002` answer (`"state: StateInvalid"`) stands for.
fn field_of_property(property: &str) -> Option<Field> {
    let property = property.rsplit('.').next().unwrap_or(property).to_ascii_lowercase();
    Some(match property.as_str() {
        "companyname" => Field::CompanyName,
        "domain" => Field::DomainPrefix,
        "addressline1" => Field::AddressLine1,
        "addressline2" => Field::AddressLine2,
        "city" => Field::City,
        "state" => Field::State,
        "postalcode" => Field::PostalCode,
        "country" => Field::Country,
        "phonenumber" => Field::Phone,
        "organizationregistrationnumber" => Field::RegistrationNumber,
        "language" => Field::Language,
        "culture" => Field::Culture,
        "firstname" => Field::FirstName,
        "lastname" => Field::LastName,
        "email" => Field::Email,
        _ => return None,
    })
}

/// Where `error` belongs: a field for the codes that name one (spec §2's table), the refused
/// cart lines' products (`lines` are the job's, in cart order), else the page.
pub fn locate(error: &ApiError, lines: &[PlannedLine]) -> ErrorTarget {
    match error {
        ApiError::DomainTaken(_) => return ErrorTarget::Field(Field::DomainPrefix),
        ApiError::LinesRefused(refused) => {
            let products = refused
                .iter()
                .filter_map(|refused| {
                    let line = lines.get(refused.line)?;
                    Some(RefusedProduct {
                        product_id: line.product_id.clone(),
                        code: refused.code,
                        description: refused.description.clone(),
                    })
                })
                .collect::<Vec<_>>();
            return if products.is_empty() { ErrorTarget::Page } else { ErrorTarget::Lines(products) };
        }
        _ => {}
    }
    match error.code() {
        Some(600049 | 600050 | 600002) => ErrorTarget::Field(Field::RegistrationNumber),
        Some(600051) => ErrorTarget::Field(Field::Phone),
        Some(27002) => error
            .data_texts()
            .iter()
            .find_map(|text| field_of_property(text.split(':').next().unwrap_or_default().trim()))
            .map_or(ErrorTarget::Page, ErrorTarget::Field),
        Some(2007) => ErrorTarget::Field(Field::AddressLine1),
        _ => ErrorTarget::Page,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::commerce::cart::RefusedLine;

    fn error(code: i64, description: &str, data: &[&str]) -> ApiError {
        ApiError::from_status(
            400,
            &serde_json::json!({"code": code, "description": description, "data": data, "source": "PartnerFD"})
                .to_string(),
        )
    }

    #[test]
    fn registration_and_phone_codes_go_to_their_fields() {
        assert_eq!(locate(&error(600049, "missing", &[]), &[]), ErrorTarget::Field(Field::RegistrationNumber));
        assert_eq!(locate(&error(600050, "^\\d{10}$", &[]), &[]), ErrorTarget::Field(Field::RegistrationNumber));
        assert_eq!(locate(&error(600002, "", &[]), &[]), ErrorTarget::Field(Field::RegistrationNumber));
        assert_eq!(locate(&error(600051, "", &[]), &[]), ErrorTarget::Field(Field::Phone));
    }

    #[test]
    fn an_invalid_property_names_its_field() {
        assert_eq!(locate(&error(27002, "", &["state: StateInvalid"]), &[]), ErrorTarget::Field(Field::State));
        assert_eq!(
            locate(&error(27002, "", &["billingProfile.defaultAddress.postalCode: Invalid"]), &[]),
            ErrorTarget::Field(Field::PostalCode)
        );
        assert_eq!(locate(&error(27002, "", &["something: odd"]), &[]), ErrorTarget::Page);
        assert_eq!(
            locate(&ApiError::DomainTaken("a.onmicrosoft.com".into()), &[]),
            ErrorTarget::Field(Field::DomainPrefix),
            "taken since the page checked it"
        );
    }

    #[test]
    fn refused_cart_lines_go_to_their_products() {
        let line = |product_id: &str| PlannedLine { product_id: product_id.into(), ..PlannedLine::default() };
        let lines = [line("AAA"), line("BBB")];
        let refused = ApiError::LinesRefused(vec![RefusedLine { line: 1, code: 10018, description: "base".into() }]);
        assert_eq!(
            locate(&refused, &lines),
            ErrorTarget::Lines(vec![RefusedProduct {
                product_id: "BBB".into(),
                code: 10018,
                description: "base".into()
            }])
        );
        let unknown = ApiError::LinesRefused(vec![RefusedLine { line: 7, code: 10001, description: String::new() }]);
        assert_eq!(locate(&unknown, &lines), ErrorTarget::Page);
    }

    #[test]
    fn everything_else_is_the_pages() {
        assert_eq!(locate(&error(600006, "", &[]), &[]), ErrorTarget::Page);
        assert_eq!(locate(&ApiError::NoAnswer("offline".into()), &[]), ErrorTarget::Page);
    }
}
