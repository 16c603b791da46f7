//! Money as a price list writes it, kept exact: an amount in millionths of the currency's unit.
//! A price sheet's `UnitPrice` has a few decimals at most; a monthly share of a yearly price
//! (`UnitPrice / 12`) is rounded to the millionth, and only the display rounds to the currency's
//! own digits (through the browser's `Intl.NumberFormat`).

/// Millionths in one unit of a currency.
const MICROS: i64 = 1_000_000;

/// An amount of money, in millionths of its currency's unit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Amount(i64);

impl Amount {
    /// Nothing.
    pub const ZERO: Amount = Amount(0);

    /// Reads a decimal as a price sheet writes it (`12.5`, `1320`, `-0.75`, `.5`), without
    /// thousands separators or a currency sign. Digits past the sixth decimal are rounded.
    /// `None` for anything else.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text.strip_prefix('+').unwrap_or(text)),
        };
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
        let all_digits = |part: &str| part.bytes().all(|byte| byte.is_ascii_digit());
        if (whole.is_empty() && fraction.is_empty()) || !all_digits(whole) || !all_digits(fraction) || whole.len() > 12
        {
            return None;
        }
        let mut micros: i64 = if whole.is_empty() { 0 } else { whole.parse::<i64>().ok()? * MICROS };
        let mut scale = MICROS / 10;
        for (place, digit) in fraction.bytes().map(|byte| i64::from(byte - b'0')).enumerate() {
            if place < 6 {
                micros += digit * scale;
                scale /= 10;
            } else {
                if place == 6 && digit >= 5 {
                    micros += 1;
                }
                break;
            }
        }
        Some(Self(if negative { -micros } else { micros }))
    }

    /// One of `parts` equal shares, rounded to the millionth (half away from zero).
    pub fn share(self, parts: u32) -> Self {
        let parts = i64::from(parts.max(1));
        let half = if self.0 < 0 { -(parts / 2) } else { parts / 2 };
        Self((self.0 + half) / parts)
    }

    /// The amount `count` times over.
    pub fn times(self, count: u64) -> Self {
        Self(self.0.saturating_mul(i64::try_from(count).unwrap_or(i64::MAX)))
    }

    /// The sum of both.
    pub fn plus(self, other: Self) -> Self {
        Self(self.0.saturating_add(other.0))
    }

    /// The amount in units, for the browser's number formatting.
    pub fn as_units(self) -> f64 {
        self.0 as f64 / MICROS as f64
    }

    /// The amount in millionths.
    pub fn micros(self) -> i64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_price_sheets_decimals_exactly() {
        assert_eq!(Amount::parse("12.5"), Some(Amount(12_500_000)));
        assert_eq!(Amount::parse(" 1320 "), Some(Amount(1_320_000_000)));
        assert_eq!(Amount::parse("0.000001"), Some(Amount(1)));
        assert_eq!(Amount::parse("0.0000005"), Some(Amount(1)));
        assert_eq!(Amount::parse("0.00000049"), Some(Amount(0)));
        assert_eq!(Amount::parse(".5"), Some(Amount(500_000)));
        assert_eq!(Amount::parse("-0.75"), Some(Amount(-750_000)));
        for bad in ["", ".", "12,50", "1,320.00", "$12", "12.5.1", "abc", "1e3", "- 1", "9999999999999"] {
            assert_eq!(Amount::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn shares_round_half_away_from_zero() {
        let yearly = Amount::parse("100").unwrap();
        assert_eq!(yearly.share(12), Amount(8_333_333));
        assert_eq!(Amount::parse("0.000018").unwrap().share(12), Amount(2));
        assert_eq!(Amount::parse("144").unwrap().share(12), Amount::parse("12").unwrap());
        assert_eq!(Amount::parse("-100").unwrap().share(12), Amount(-8_333_333));
        assert_eq!(yearly.share(0), yearly);
        assert_eq!(Amount::parse("12.5").unwrap().times(10).plus(Amount::parse("0.5").unwrap()).as_units(), 125.5);
    }
}
