//! The fault matrix: the whole flow once for every call × fault. The stub plays the fault on
//! every try of the call (the wizard tries a few times on its own, then stops and says what
//! happened), then works again; the user recovers the way the page offers. After each:
//! the right message was shown, the typed values were still there, the flow completed, and the
//! stub holds exactly one customer, one attestation, one cart and one order. The table goes to
//! `target/fault-matrix.md`; the test fails if any cell does.

use crate::support::stub::{Fault, Stub, Trouble};
use crate::Scenario;
use futures::FutureExt;
use serde_json::json;
use std::fmt::Write;
use std::panic::AssertUnwindSafe;
use std::time::{Duration, Instant};

/// The wizard's timeout in the matrix (`?timeout=`), in seconds.
const TIMEOUT_S: u64 = 2;

/// A call of the flow, in the order the flow makes them.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Call {
    CountryRules,
    Domain,
    Products,
    Skus,
    Availabilities,
    CreateCustomer,
    Attest,
    Qualify,
    Cart,
    AccountStatus,
    Checkout,
}

impl Call {
    const ALL: [Call; 11] = [
        Call::CountryRules,
        Call::Domain,
        Call::Products,
        Call::Skus,
        Call::Availabilities,
        Call::CreateCustomer,
        Call::Attest,
        Call::Qualify,
        Call::Cart,
        Call::AccountStatus,
        Call::Checkout,
    ];

    /// The call's name at the stub.
    fn stub_name(self) -> &'static str {
        match self {
            Call::CountryRules => "country rules",
            Call::Domain => "domain",
            Call::Products => "products",
            Call::Skus => "skus",
            Call::Availabilities => "availabilities",
            Call::CreateCustomer => "create customer",
            Call::Attest => "attest",
            Call::Qualify => "qualification",
            Call::Cart => "cart",
            Call::AccountStatus => "validation status",
            Call::Checkout => "checkout",
        }
    }

    /// The call as the table names it.
    fn title(self) -> &'static str {
        match self {
            Call::CountryRules => "country rules `GET …/countryvalidationrules/US`",
            Call::Domain => "domain check `HEAD …/domains/{domain}`",
            Call::Products => "products `GET …/products`",
            Call::Skus => "SKUs `GET …/products/{id}/skus`",
            Call::Availabilities => "availabilities `GET …/skus/{id}/availabilities`",
            Call::CreateCustomer => "create customer `POST …/customers`",
            Call::Attest => "agreement `POST …/agreements`",
            Call::Qualify => "qualification `POST …/qualifications`",
            Call::Cart => "cart `POST …/carts`",
            Call::AccountStatus => "account verification `GET …/validationStatus`",
            Call::Checkout => "checkout `POST …/carts/{id}/checkout`",
        }
    }
}

/// A fault of the matrix.
struct Case {
    /// The column (transport faults) or the business error's name.
    name: &'static str,
    /// What the stub plays on every try until it works again.
    trouble: Trouble,
}

fn error(status: u16, code: i64, description: &str) -> Trouble {
    Trouble::Error(Fault { status, code, description: description.into(), data: Vec::new(), retry_after: None })
}

/// The transport faults: the table's columns.
fn transport_faults() -> Vec<Case> {
    let throttled = Fault { status: 429, code: 429, retry_after: Some(1), ..Fault::unavailable("Too many requests") };
    vec![
        Case { name: "timeout", trouble: Trouble::Slow(Duration::from_secs(TIMEOUT_S + 1)) },
        Case { name: "dropped connection", trouble: Trouble::Dropped },
        Case { name: "429 + Retry-After", trouble: Trouble::Error(throttled) },
        Case { name: "500", trouble: error(500, 500, "Internal error") },
        Case { name: "503", trouble: error(503, 503, "Service unavailable") },
        Case { name: "malformed JSON", trouble: Trouble::Malformed },
        Case { name: "HTML error page", trouble: Trouble::HtmlPage },
    ]
}

/// The documented business errors of each call.
fn business_errors(call: Call) -> Vec<Case> {
    let case = |name, trouble| Case { name, trouble };
    match call {
        Call::CountryRules => vec![case("404 no rules", error(404, 404, "No rules for US"))],
        Call::Domain => vec![case("200 taken", error(200, 0, ""))],
        Call::Products => vec![case("400 refused", error(400, 400, "country is not supported"))],
        Call::Skus | Call::Availabilities | Call::AccountStatus => Vec::new(),
        Call::CreateCustomer => vec![
            case("27002 invalid property", error(400, 27002, "Invalid property")),
            case("600051 phone missing", error(400, 600051, "PhoneNumberRequired")),
            case("2007 address not verified", error(400, 2007, "Address validation failed")),
            case("600006 not allowed", error(403, 600006, "Forbidden")),
            case("900124 partner agreement", error(403, 900124, "Partner has not accepted")),
        ],
        Call::Attest => vec![
            case("600006 not allowed", error(403, 600006, "Forbidden")),
            case("600061 already attested", error(400, 600061, "PartnerConfirmedAgreementAlreadyExists")),
        ],
        Call::Qualify => vec![case("600006 not allowed", error(403, 600006, "Forbidden"))],
        Call::Cart => vec![
            case("800064 cart busy", error(409, 800064, "The cart is being updated")),
            case("800016 not a reseller", error(400, 800016, "Not an indirect reseller")),
        ],
        Call::Checkout => vec![
            case("800060 in progress", error(409, 800060, "Order in progress")),
            case("800073 under review", error(403, 800073, "Account under review")),
            case("13605 not attested", error(403, 13605, "Agreement not attested")),
        ],
    }
}

/// What the user must be told after `case` on `call`; `None` where the wizard rightly goes on
/// without a word (the built-in country rules stand in; an agreement that already exists, or
/// an attestation answer the wizard does not read, is attested).
fn expected_message(call: Call, case: &str) -> Option<&'static str> {
    Some(match (call, case) {
        (Call::CountryRules, _) | (Call::Attest, "malformed JSON" | "600061 already attested") => return None,
        (_, "timeout") => "did not answer within 2 seconds",
        (_, "dropped connection") => "did not answer: it may be down",
        (_, "429 + Retry-After") => "busy",
        (_, "500") => "(HTTP 500)",
        (_, "503") => "(HTTP 503)",
        (_, "malformed JSON") => "answered in an unexpected form",
        (_, "HTML error page") => "(HTTP 502)",
        (Call::Domain, _) => "is already taken",
        (Call::Products, _) => "refused the request (HTTP 400)",
        (Call::Checkout, "800073 under review") => "wait for Microsoft's review",
        (Call::Checkout, "13605 not attested") => "wait for the customer to accept the agreement",
        (_, "800064 cart busy") => "refused the request (HTTP 409)",
        (_, "800016 not a reseller") => "refused the request (HTTP 400)",
        (_, "27002 invalid property") => "refused a value",
        (_, "600051 phone missing") => "phone number is missing",
        (_, "2007 address not verified") => "address could not be verified",
        (_, "600006 not allowed") => "not allowed to do this",
        (_, "900124 partner agreement") => "has not accepted the partner agreement",
        (_, "800060 in progress") => "already in progress",
        _ => panic!("no expected message for {call:?} × {case}"),
    })
}

/// Waits, up to 30 seconds, until `xpath` finds an element; answers its text.
async fn wait_long(scenario: &Scenario, xpath: &str) -> Result<String, String> {
    let started = Instant::now();
    loop {
        if let Some(element) = scenario.browser.find_deep(xpath).await {
            return Ok(element.text().await.unwrap_or_default());
        }
        if started.elapsed() > Duration::from_secs(30) {
            return Err(format!("nothing matches {xpath}"));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The message must show where `xpath_of` says, then the stub works again.
async fn told_then_cleared(
    scenario: &Scenario,
    expected: Option<&str>,
    xpath_of: impl Fn(&str) -> String,
) -> Result<(), String> {
    if let Some(text) = expected {
        wait_long(scenario, &xpath_of(text)).await?;
    }
    scenario.stub.clear_troubles();
    Ok(())
}

/// Every typed value must still be on the page.
async fn still_typed(scenario: &Scenario) -> Result<(), String> {
    let text = scenario.browser.page_text().await;
    for typed in ["Wingtip Toys", "wingtiptoys.onmicrosoft.com", "One Microsoft Way", "Redmond", "Gena Soto"] {
        if !text.contains(typed) {
            return Err(format!("{typed:?} is no longer shown:\n{text}"));
        }
    }
    Ok(())
}

/// One cell: the flow with `case` played on `call`.
async fn run_cell(scenario: &Scenario, call: Call, case: &Case) -> Result<(), String> {
    let expected = expected_message(call, case.name);
    let page = &scenario.browser;
    scenario.stub.trouble_until_cleared(call.stub_name(), case.trouble.clone());
    page.open(&format!("{}/?api={}&timeout={TIMEOUT_S}", scenario.site, scenario.stub.base_url)).await;
    scenario.fill_us_customer("wingtiptoys").await;
    if call == Call::Qualify {
        // The qualification is posted only when one is chosen.
        page.tick("State-owned entity").await;
    }
    if call == Call::Domain {
        told_then_cleared(scenario, expected, |text| {
            format!("//*[contains(@class,'domain-status')][contains(., \"{text}\")]")
        })
        .await?;
        let company = page.field("Company name").await.prop("value").await.unwrap();
        if company.as_deref() != Some("Wingtip Toys") {
            return Err(format!("the company name became {company:?}"));
        }
    }
    page.press("Next: Subscriptions").await;
    page.wait_for_heading("Subscriptions").await;
    if call == Call::Products {
        told_then_cleared(scenario, expected, |text| format!("//div[@role='alert'][contains(., \"{text}\")]")).await?;
        if expected.is_some() {
            page.press("Try again").await;
        }
    }
    const E3: &str = "Microsoft 365 E3";
    if matches!(call, Call::Skus | Call::Availabilities) {
        // The product's plans and terms load when it is chosen: the message is at its row.
        page.tick(E3).await;
        told_then_cleared(scenario, expected, |text| format!("//div[@role='alert'][contains(., \"{text}\")]")).await?;
        if expected.is_some() {
            page.press("Try again").await;
        }
        page.fill_offer(E3, "Number of licenses", "10").await;
    } else {
        scenario.choose_offer(E3, "10").await;
    }
    scenario.choose_offer("Microsoft Teams Audio Conferencing with dial-out to USA/CAN", "10").await;
    page.press("Next: Review").await;
    page.wait_for_heading("Review").await;
    page.press("Submit").await;
    let held = matches!(case.name, "800073 under review" | "13605 not attested");
    if held {
        // Not a failure: the checkout waits, with the cart kept, until Check again.
        wait_long(scenario, "//h1[normalize-space(.)='Customer created']").await?;
        told_then_cleared(scenario, expected, |text| format!("//div[@role='region'][contains(., \"{text}\")]")).await?;
        page.press("Check again").await;
        wait_long(scenario, "//td[normalize-space(.)='completed']").await?;
    } else if matches!(
        call,
        Call::CreateCustomer | Call::Attest | Call::Qualify | Call::Cart | Call::AccountStatus | Call::Checkout
    ) && expected.is_some()
    {
        told_then_cleared(scenario, expected, |text| {
            format!("//div[@role='alert'][contains(., 'failed')][contains(., \"{text}\")]")
        })
        .await?;
        still_typed(scenario).await?;
        page.press_starting("Retry").await;
    }
    wait_long(scenario, "//h1[normalize-space(.)='Customer created']").await?;
    // Where the endpoint said the agreement exists already, this stub holds none of its own.
    let attestations = if case.name == "600061 already attested" { 0 } else { 1 };
    done_once(&scenario.stub, attestations)?;
    let qualifications = scenario.stub.qualifications().len();
    let expected_qualifications = usize::from(call == Call::Qualify);
    if qualifications != expected_qualifications {
        return Err(format!("{qualifications} qualifications at the stub"));
    }
    Ok(())
}

/// Exactly one customer, with every typed value, `attestations` attestations, one cart and one
/// order.
fn done_once(stub: &Stub, attestations_expected: usize) -> Result<(), String> {
    let customers = stub.customers();
    if customers.len() != 1 {
        return Err(format!("{} customers at the stub", customers.len()));
    }
    let address = &customers[0]["billingProfile"]["defaultAddress"];
    let sent = json!({
        "company": customers[0]["billingProfile"]["companyName"], "domain": customers[0]["companyProfile"]["domain"],
        "line1": address["addressLine1"], "city": address["city"], "state": address["state"],
        "postalCode": address["postalCode"], "phone": address["phoneNumber"],
        "email": customers[0]["billingProfile"]["email"],
    });
    let typed = json!({
        "company": "Wingtip Toys", "domain": "wingtiptoys.onmicrosoft.com", "line1": "One Microsoft Way",
        "city": "Redmond", "state": "WA", "postalCode": "98052", "phone": "4255550101",
        "email": "gena@wingtiptoys.com",
    });
    if sent != typed {
        return Err(format!("the stub received {sent}, not what was typed"));
    }
    let (attestations, carts, orders) = (stub.attestations().len(), stub.carts().len(), stub.placed_orders().len());
    if (attestations, carts, orders) != (attestations_expected, 1, 1) {
        return Err(format!("{attestations} attestations, {carts} carts and {orders} orders at the stub"));
    }
    Ok(())
}

#[tokio::test]
async fn every_call_survives_every_fault_with_one_customer() {
    let mut scenario = Scenario::start().await;
    let transport = transport_faults();
    let mut table = String::from("| call |");
    for case in &transport {
        write!(table, " {} |", case.name).unwrap();
    }
    writeln!(table, " business errors |").unwrap();
    table.push_str(&"|---".repeat(transport.len() + 2));
    table.push_str("|\n");
    let (mut passed, mut failures) = (0, Vec::new());
    let started = Instant::now();
    for call in Call::ALL {
        write!(table, "| {} |", call.title()).unwrap();
        let business = business_errors(call);
        for (index, case) in transport.iter().chain(&business).enumerate() {
            if index == transport.len() {
                table.push(' ');
            }
            if call == Call::Domain && case.name == "malformed JSON" {
                // A HEAD answer has no body to be malformed.
                table.push_str(" — |");
                continue;
            }
            scenario.stub = Stub::start().await;
            let outcome = AssertUnwindSafe(run_cell(&scenario, call, case)).catch_unwind().await;
            let outcome = outcome.unwrap_or_else(|panic| {
                Err(panic.downcast_ref::<String>().cloned().unwrap_or_else(|| "panicked".to_string()))
            });
            let mark = match outcome {
                Ok(()) => {
                    passed += 1;
                    "pass"
                }
                Err(problem) => {
                    scenario.browser.screenshot(&format!("fault-matrix-{}-{}", call.stub_name(), case.name)).await;
                    failures.push(format!("{} × {}: {problem}", call.stub_name(), case.name));
                    "**FAIL**"
                }
            };
            if index < transport.len() {
                write!(table, " {mark} |").unwrap();
            } else {
                write!(table, " {}: {mark};", case.name).unwrap();
            }
        }
        table.push_str(" |\n");
    }
    let total = passed + failures.len();
    writeln!(table, "\n{passed} of {total} cells pass, in {} s.", started.elapsed().as_secs()).unwrap();
    for failure in &failures {
        writeln!(table, "- {failure}").unwrap();
    }
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/target/fault-matrix.md");
    std::fs::write(path, &table).unwrap();
    println!("{table}");
    assert!(failures.is_empty(), "{table}");
}
