//! The reseller relationship request (spec §5): for a customer that already exists, the partner
//! sends an invitation link instead of creating anything.

use crate::domain::common::url_query::query_parameters;
use serde::Deserialize;

/// The answer of `GET /v1/customers/relationshiprequests`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct RelationshipRequest {
    /// The invitation link.
    pub url: String,
}

/// The invitation link of a partner (its tenant id), built as Partner Center builds it, for an
/// endpoint that lacks the call.
pub fn invitation_link(partner_tenant_id: &str) -> String {
    format!(
        "https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId={partner_tenant_id}&msppId=0&DAP=true#/BillingAccounts/partner-invitation"
    )
}

/// `link` with its `msppId` (the indirect reseller's MPN id, `0` for none) and `DAP` (whether
/// delegated admin is requested) set, keeping every other part as it was.
pub fn with_choices(link: &str, mspp_id: Option<&str>, delegated_admin: bool) -> String {
    let (before_fragment, fragment) = match link.split_once('#') {
        Some((before, fragment)) => (before, Some(fragment)),
        None => (link, None),
    };
    let (path, query) = before_fragment.split_once('?').unwrap_or((before_fragment, ""));
    let mut parameters: Vec<(String, String)> =
        query_parameters(query).map(|(key, value)| (key.to_string(), value.to_string())).collect();
    let mut set =
        |key: &str, value: String| match parameters.iter_mut().find(|(name, _)| name.eq_ignore_ascii_case(key)) {
            Some(pair) => pair.1 = value,
            None => parameters.push((key.to_string(), value)),
        };
    set("msppId", mspp_id.unwrap_or("0").to_string());
    set("DAP", delegated_admin.to_string());
    let query = parameters.iter().map(|(key, value)| format!("{key}={value}")).collect::<Vec<_>>().join("&");
    match fragment {
        Some(fragment) => format!("{path}?{query}#{fragment}"),
        None => format!("{path}?{query}"),
    }
}

/// The language of an invitation email.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmailLanguage {
    /// English.
    English,
    /// Russian.
    Russian,
}

/// The invitation email, ready to send: what accepting grants, and the link.
pub fn invitation_email(language: EmailLanguage, partner_name: &str, link: &str, delegated_admin: bool) -> String {
    match language {
        EmailLanguage::English => {
            let admin = if delegated_admin {
                "It also gives us delegated administration rights, so that we can manage your subscriptions and help your users. You can remove these rights at any time in the Microsoft 365 admin center."
            } else {
                "It does not give us any administration rights in your organization."
            };
            format!(
                "Hello,\n\n{partner_name} would like to become your Microsoft Cloud Solution Provider, so that we can sell you Microsoft subscriptions and support you directly.\n\nPlease ask a global administrator of your organization to open the link below, sign in, and accept the invitation. Accepting makes {partner_name} a reseller of your Microsoft subscriptions. {admin}\n\n{link}\n\nYour existing subscriptions and data stay as they are.\n\nKind regards,\n{partner_name}"
            )
        }
        EmailLanguage::Russian => {
            let admin = if delegated_admin {
                "Кроме того, вы предоставите нам права делегированного администрирования, чтобы мы могли управлять вашими подписками и помогать вашим пользователям. Эти права можно отозвать в любой момент в Центре администрирования Microsoft 365."
            } else {
                "Никаких административных прав в вашей организации мы при этом не получим."
            };
            format!(
                "Здравствуйте!\n\nКомпания {partner_name} предлагает стать вашим поставщиком облачных решений Microsoft (CSP), чтобы продавать вам подписки Microsoft и поддерживать вас напрямую.\n\nПопросите глобального администратора вашей организации открыть ссылку ниже, войти в систему и принять приглашение. После этого {partner_name} станет реселлером ваших подписок Microsoft. {admin}\n\n{link}\n\nВаши текущие подписки и данные останутся без изменений.\n\nС уважением,\n{partner_name}"
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_the_link_from_the_partner_id() {
        let link = with_choices(&invitation_link("f4c3a5d7-0000-4000-8000-000000000001"), Some("4847383"), false);
        assert_eq!(
            link,
            "https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=f4c3a5d7-0000-4000-8000-000000000001&msppId=4847383&DAP=false#/BillingAccounts/partner-invitation"
        );
    }

    #[test]
    fn sets_the_choices_on_an_endpoints_link() {
        let answered = "https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=abc&msppId=0&DAP=true#/BillingAccounts/partner-invitation";
        assert_eq!(with_choices(answered, None, true), answered);
        assert!(with_choices(answered, Some("4847433"), false).contains("partnerId=abc&msppId=4847433&DAP=false#/"));
        assert_eq!(
            with_choices("https://x.example/invite?partnerId=abc", None, true),
            "https://x.example/invite?partnerId=abc&msppId=0&DAP=true"
        );
    }

    #[test]
    fn the_email_says_what_accepting_grants_in_both_languages() {
        let english = invitation_email(EmailLanguage::English, "Contoso", "https://link", true);
        assert!(english.contains("delegated administration rights") && english.contains("https://link"));
        let english = invitation_email(EmailLanguage::English, "Contoso", "https://link", false);
        assert!(english.contains("does not give us any administration rights"));
        let russian = invitation_email(EmailLanguage::Russian, "Contoso", "https://link", true);
        assert!(russian.contains("делегированного администрирования") && russian.contains("https://link"));
    }
}
