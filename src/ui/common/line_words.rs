//! A bought line in words, as Review, the Submit panel and Done show it: its title, its term
//! and billing frequency, and the one-line summary "Microsoft 365 E3 × 10 (1 year, Monthly)".

use crate::domain::commerce::lines::PlannedLine;
use crate::domain::commerce::terms::{BillingFrequency, TermDuration};
use crate::ui::common::intl::format_number;
use crate::ui::i18n::Locale;

/// A line's product, with its plan where the plan's title says more than the product's.
pub fn line_title(line: &PlannedLine) -> String {
    if line.sku_title.is_empty() || line.sku_title == line.product_title {
        line.product_title.clone()
    } else {
        format!("{} — {}", line.product_title, line.sku_title)
    }
}

/// A term (`P1Y`) and a billing frequency (`monthly`) in words; "—" for no term (usage).
pub fn term_and_billing(term: &str, billing: &str, locale: Locale) -> (String, String) {
    let messages = locale.messages();
    let term = TermDuration::parse(term).map_or_else(|| "—".to_string(), |term| messages.term_name(term).to_string());
    let billing = BillingFrequency::parse(billing)
        .map_or_else(|| billing.to_string(), |billing| messages.billing_name(billing).to_string());
    (term, billing)
}

/// "<title> × <quantity> (<term>, <billing>)", the term left out where there is none.
pub fn line_summary(title: &str, quantity: u64, term: &str, billing: &str, locale: Locale) -> String {
    let (term_words, billing_words) = term_and_billing(term, billing, locale);
    let terms =
        if TermDuration::parse(term).is_some() { format!("{term_words}, {billing_words}") } else { billing_words };
    format!("{title} × {} ({terms})", format_number(quantity, locale))
}

/// The summary of a planned line.
pub fn planned_summary(line: &PlannedLine, locale: Locale) -> String {
    line_summary(&line_title(line), line.quantity, &line.term, &line.billing, locale)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lines_title_term_and_billing_in_words() {
        // (The summary's number goes through the browser's Intl: tested end to end.)
        assert_eq!(term_and_billing("P1Y", "monthly", Locale::En), ("1 year".to_string(), "Monthly".to_string()));
        assert_eq!(term_and_billing("", "one_time", Locale::En), ("—".to_string(), "One time".to_string()));
        assert_eq!(
            term_and_billing("P3Y", "Triennial", Locale::Ru),
            ("3 года".to_string(), "Раз в три года".to_string())
        );
        let trial = PlannedLine {
            product_title: "Microsoft 365 Business Premium".into(),
            sku_title: "Microsoft 365 Business Premium Trial".into(),
            ..PlannedLine::default()
        };
        assert_eq!(line_title(&trial), "Microsoft 365 Business Premium — Microsoft 365 Business Premium Trial");
    }
}
