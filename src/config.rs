//! The host's configuration of the wizard. Each option has a name; the host gives it as an
//! attribute of `<add-customer-wizard>` (`api-base`), as a `data-` attribute of a marked element
//! (`data-api-base`), or as a property of `mount()`'s options object (`apiBase`):
//!
//! | option | meaning |
//! |---|---|
//! | `api-base` | the endpoint's base URL; none: the built-in demo back end |
//! | `allow-url-config` | the page also takes `?api=`, `?demo-offers=`, `?demo-review=`, `?indirect=`, `?lang=`, `?price-sheet=`, `?timeout=` and `?log` from its own URL (the demo page and the tests) |
//! | `indirect` | the partner is an indirect provider: it picks the reseller the customer is for |
//! | `partner-id` | the partner's tenant id, for the relationship request's invitation link |
//! | `partner-mpn-id` | the partner's own MPN id, never accepted as a partner of record |
//! | `partner-name` | the partner's name, for the invitation email |
//! | `demo-offers` | the demo back end sells a generated catalog of this many products instead of the recorded US one |
//! | `demo-review` | the demo back end puts each new customer's account under Microsoft's review at first, to show the wait and Check again |
//! | `price-sheet` | the URL of the partner's price list (Partner Center's license-based price sheet, CSV); `{market}` in it stands for the customer's country; none: no prices, except on the demo back end, which has its own |
//! | `countries` | the partner's market: the country codes offered, comma-separated; none: all 248 |
//! | `country` | the country preselected |
//! | `partner-domains` | the partner's own email domains, comma-separated, refused as the customer's |
//! | `locale` | the UI language, `en` or `ru`; none: the page's `lang`, else the browser's language |
//! | `standalone` | the wizard is the page: it sets the page title on each step (else a live region says it) |
//! | `log` | show the request log |
//! | `expose-password` | the `done` event carries the one-time password |
//! | `color-scheme` | `light` or `dark`; none: the user's preference |
//! | `persist` | `false` keeps no draft of the entries in sessionStorage; on by default |
//! | `history` | Back and Forward move between the wizard's pages; on when standalone |
//! | `timeout` | how long a call may go without an answer, in seconds (1 to 300); 30 by default |
//!
//! A flag (`indirect`, `standalone`, …) is on when present, unless it is `false`. The options
//! object of `mount()` also takes `prefill`, `theme` and `getAccessToken` (see `ui::mount`).

/// The wizard's configuration.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {
    /// The endpoint's base URL, without a trailing slash; `None` runs the demo back end.
    pub api_base: Option<String>,
    /// The country codes offered; empty offers every country.
    pub countries: Vec<String>,
    /// The country preselected, if any.
    pub country: Option<String>,
    /// The partner's own email domains.
    pub partner_domains: Vec<String>,
    /// The size of the demo's generated catalog; `None` sells the recorded US catalog.
    pub demo_offers: Option<usize>,
    /// Whether the demo puts new customers' accounts under review at first.
    pub demo_review: bool,
    /// Whether the partner is an indirect provider.
    pub indirect: bool,
    /// The URL of the partner's price list, `{market}` standing for the customer's country.
    pub price_sheet: Option<String>,
    /// The partner's tenant id.
    pub partner_id: Option<String>,
    /// The partner's own MPN id.
    pub partner_mpn_id: Option<String>,
    /// The partner's name.
    pub partner_name: Option<String>,
    /// The UI language's tag, as the host gave it (`ru`, `en-GB`); `None`: the page decides.
    pub locale: Option<String>,
    /// The wizard is the page (the demo page): it sets the page's title on each step.
    pub standalone: bool,
    /// The request log panel is shown.
    pub request_log: bool,
    /// The `done` event carries the one-time password.
    pub expose_password: bool,
    /// `light` or `dark`; `None` follows the user's preference.
    pub color_scheme: Option<String>,
    /// Values to start the form with, by field key (`company-name`, `city`, …).
    pub prefill: Vec<(String, String)>,
    /// The entries are kept as a draft in the tab's sessionStorage.
    pub persist: bool,
    /// What tells this wizard's draft from another's on the same site (the host element's id).
    pub draft_key: String,
    /// How long a call may go without an answer, in seconds.
    pub timeout_s: u32,
    /// Browser Back and Forward move between the wizard's pages.
    pub history: bool,
}

/// How long a call may go without an answer, unless the host says otherwise, in seconds.
pub const DEFAULT_TIMEOUT_S: u32 = 30;

/// The largest generated demo catalog.
pub const MAX_DEMO_OFFERS: usize = 100_000;

/// What the page's own URL may say, where the host allows it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UrlParameters {
    /// `?api=`
    pub api: Option<String>,
    /// `?demo-offers=`
    pub demo_offers: Option<String>,
    /// `?demo-review=` (`1`, `true` or `yes`)
    pub demo_review: Option<String>,
    /// `?indirect=` (`1`, `true` or `yes`)
    pub indirect: Option<String>,
    /// `?lang=`
    pub locale: Option<String>,
    /// `?price-sheet=`
    pub price_sheet: Option<String>,
    /// `?log`: show the request log.
    pub log: bool,
    /// `?timeout=` in seconds: how long a call may go without an answer.
    pub timeout: Option<String>,
}

/// A base URL as the client uses it: `http(s)://host[:port][/path]` without a trailing slash;
/// `None` for anything else (a relative path, `javascript:`, an empty value).
pub fn normalize_api_base(value: &str) -> Option<String> {
    let value = value.trim().trim_end_matches('/');
    let rest = value.strip_prefix("https://").or_else(|| value.strip_prefix("http://"))?;
    let host = rest.split('/').next().unwrap_or_default();
    let valid_host = !host.is_empty()
        && host.chars().all(|c| c.is_ascii_alphanumeric() || ".-:[]_".contains(c))
        && !rest.contains(['?', '#', ' ', '@']);
    valid_host.then(|| value.to_string())
}

fn list(value: Option<String>) -> Vec<String> {
    value.unwrap_or_default().split(',').map(str::trim).filter(|item| !item.is_empty()).map(str::to_string).collect()
}

impl Config {
    /// The configuration from the host's options (`option` reads one by name, e.g. `api-base`)
    /// and the page URL's parameters, which count only where `allow-url-config` is set.
    pub fn from_options(option: impl Fn(&str) -> Option<String>, url: UrlParameters) -> Self {
        let url = if option("allow-url-config").is_some() { url } else { UrlParameters::default() };
        let text = |name: &str| option(name).map(|value| value.trim().to_string()).filter(|value| !value.is_empty());
        let flag = |name: &str| option(name).is_some_and(|value| value.trim() != "false");
        let indirect =
            flag("indirect") || url.indirect.is_some_and(|value| matches!(value.as_str(), "1" | "true" | "yes"));
        let api_base = url.api.or_else(|| option("api-base")).as_deref().and_then(normalize_api_base);
        let demo_offers = url
            .demo_offers
            .or_else(|| option("demo-offers"))
            .and_then(|count| count.trim().parse::<usize>().ok())
            .filter(|count| (1..=MAX_DEMO_OFFERS).contains(count));
        let demo_review =
            flag("demo-review") || url.demo_review.is_some_and(|value| matches!(value.as_str(), "1" | "true" | "yes"));
        let countries: Vec<String> =
            list(option("countries")).into_iter().map(|code| code.to_ascii_uppercase()).collect();
        let country = option("country")
            .map(|code| code.trim().to_ascii_uppercase())
            .filter(|code| !code.is_empty())
            .or_else(|| (countries.len() == 1).then(|| countries[0].clone()));
        Self {
            api_base,
            countries,
            country,
            partner_domains: list(option("partner-domains")),
            demo_offers,
            demo_review,
            indirect,
            price_sheet: url
                .price_sheet
                .or_else(|| option("price-sheet"))
                .map(|url| url.trim().to_string())
                .filter(|url| !url.is_empty()),
            partner_id: text("partner-id"),
            partner_mpn_id: text("partner-mpn-id"),
            partner_name: text("partner-name"),
            locale: url.locale.or_else(|| text("locale")),
            standalone: flag("standalone"),
            request_log: flag("log") || url.log,
            expose_password: flag("expose-password"),
            color_scheme: text("color-scheme").filter(|scheme| scheme == "light" || scheme == "dark"),
            prefill: Vec::new(),
            persist: option("persist").is_none_or(|value| value.trim() != "false"),
            draft_key: String::new(),
            history: option("history").map_or(flag("standalone"), |value| value.trim() != "false"),
            timeout_s: url
                .timeout
                .or_else(|| option("timeout"))
                .and_then(|seconds| seconds.trim().parse::<u32>().ok())
                .filter(|seconds| (1..=300).contains(seconds))
                .unwrap_or(DEFAULT_TIMEOUT_S),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(attributes: &[(&str, &str)], url_api: Option<&str>) -> Config {
        let map: HashMap<String, String> = attributes.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        let url = UrlParameters { api: url_api.map(str::to_string), ..UrlParameters::default() };
        Config::from_options(|name| map.get(name).cloned(), url)
    }

    #[test]
    fn no_configuration_runs_the_demo_and_keeps_a_draft() {
        assert_eq!(config(&[], None), Config { persist: true, timeout_s: DEFAULT_TIMEOUT_S, ..Config::default() });
        assert_eq!(config(&[("timeout", "5")], None).timeout_s, 5);
        assert_eq!(config(&[("timeout", "0")], None).timeout_s, DEFAULT_TIMEOUT_S);
        assert!(!config(&[("persist", "false")], None).persist);
    }

    #[test]
    fn reads_the_attributes() {
        let config = config(
            &[
                ("api-base", "https://partner.example.com/"),
                ("countries", "us, ca"),
                ("partner-domains", "contoso.com, contoso.onmicrosoft.com"),
            ],
            None,
        );
        assert_eq!(config.api_base.as_deref(), Some("https://partner.example.com"));
        assert_eq!(config.countries, ["US", "CA"]);
        assert_eq!(config.country, None);
        assert_eq!(config.partner_domains, ["contoso.com", "contoso.onmicrosoft.com"]);
    }

    #[test]
    fn a_single_market_country_is_preselected() {
        assert_eq!(config(&[("countries", "ru")], None).country.as_deref(), Some("RU"));
        assert_eq!(config(&[("country", "pt")], None).country.as_deref(), Some("PT"));
    }

    #[test]
    fn the_url_parameter_counts_only_where_the_host_allows_it() {
        let denied = config(&[("api-base", "https://a.example")], Some("http://127.0.0.1:9000"));
        assert_eq!(denied.api_base.as_deref(), Some("https://a.example"));
        let allowed = config(&[("allow-url-config", "")], Some("http://127.0.0.1:9000"));
        assert_eq!(allowed.api_base.as_deref(), Some("http://127.0.0.1:9000"));
    }

    #[test]
    fn the_demo_catalog_size() {
        assert_eq!(config(&[("demo-offers", "10000")], None).demo_offers, Some(10_000));
        assert_eq!(config(&[("demo-offers", "0")], None).demo_offers, None);
        assert_eq!(config(&[("demo-offers", "lots")], None).demo_offers, None);
        assert_eq!(config(&[("demo-offers", "1000001")], None).demo_offers, None);
        let map: HashMap<String, String> = [("allow-url-config".to_string(), String::new())].into();
        assert!(config(&[("demo-review", "")], None).demo_review);
        assert_eq!(
            config(&[("price-sheet", " https://partner.example.com/prices/{market}.csv ")], None)
                .price_sheet
                .as_deref(),
            Some("https://partner.example.com/prices/{market}.csv")
        );
        assert_eq!(config(&[("price-sheet", " ")], None).price_sheet, None);
        let url = UrlParameters { demo_offers: Some("50000".into()), ..UrlParameters::default() };
        assert_eq!(Config::from_options(|name| map.get(name).cloned(), url).demo_offers, Some(50_000));
        let url = UrlParameters { timeout: Some("2".into()), ..UrlParameters::default() };
        assert_eq!(Config::from_options(|name| map.get(name).cloned(), url).timeout_s, 2);
    }

    #[test]
    fn the_locale_from_the_host_or_the_demo_url() {
        assert_eq!(config(&[("locale", " ru ")], None).locale.as_deref(), Some("ru"));
        assert_eq!(config(&[], None).locale, None);
        let map: HashMap<String, String> = [("allow-url-config".to_string(), String::new())].into();
        let url = UrlParameters { locale: Some("ru".into()), ..UrlParameters::default() };
        assert_eq!(Config::from_options(|name| map.get(name).cloned(), url).locale.as_deref(), Some("ru"));
    }

    #[test]
    fn flags_and_the_colour_scheme() {
        let set = config(
            &[("standalone", ""), ("log", "true"), ("expose-password", "false"), ("color-scheme", "dark")],
            None,
        );
        assert!(set.standalone && set.request_log && !set.expose_password);
        assert!(set.history, "standalone, Back and Forward move between pages");
        assert!(!config(&[("standalone", ""), ("history", "false")], None).history);
        assert!(config(&[("history", "")], None).history);
        assert_eq!(set.color_scheme.as_deref(), Some("dark"));
        assert_eq!(config(&[("color-scheme", "purple")], None).color_scheme, None);
    }

    #[test]
    fn an_indirect_provider() {
        assert!(!config(&[], None).indirect);
        let indirect = config(&[("indirect", ""), ("partner-id", " abc "), ("partner-mpn-id", "123")], None);
        assert!(indirect.indirect);
        assert_eq!(indirect.partner_id.as_deref(), Some("abc"));
        assert_eq!(indirect.partner_mpn_id.as_deref(), Some("123"));
        assert!(!config(&[("indirect", "false")], None).indirect);
        let map: HashMap<String, String> = [("allow-url-config".to_string(), String::new())].into();
        let url = UrlParameters { indirect: Some("1".into()), ..UrlParameters::default() };
        assert!(Config::from_options(|name| map.get(name).cloned(), url).indirect);
    }

    #[test]
    fn refuses_what_is_not_an_http_base_url() {
        assert_eq!(normalize_api_base("http://127.0.0.1:9000/"), Some("http://127.0.0.1:9000".into()));
        assert_eq!(normalize_api_base("https://partner.example.com/pc"), Some("https://partner.example.com/pc".into()));
        for bad in ["", "/v1", "javascript:alert(1)", "ftp://x", "https://", "https://user@evil.example", "https://a b"]
        {
            assert_eq!(normalize_api_base(bad), None, "{bad}");
        }
    }
}
