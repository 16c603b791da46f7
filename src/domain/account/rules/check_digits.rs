//! The public check-digit schemes of registration numbers: the Russian INN and the Brazilian
//! CNPJ (numeric, and the alphanumeric form issued since July 2026). A number that has the right
//! shape but wrong check digits was mistyped.

/// The weighted sum of `values` by `weights`.
fn weighted(values: &[u32], weights: &[u32]) -> u32 {
    values.iter().zip(weights).map(|(value, weight)| value * weight).sum()
}

/// Whether `number` (10 or 12 digits, nothing else) is a Russian INN with valid check digits:
/// 10 digits for an organization, 12 for a person or sole trader.
pub fn is_valid_inn(number: &str) -> bool {
    let Some(digits) = number.chars().map(|c| c.to_digit(10)).collect::<Option<Vec<u32>>>() else { return false };
    let check = |weights: &[u32], at: usize| weighted(&digits, weights) % 11 % 10 == digits[at];
    match digits.len() {
        10 => check(&[2, 4, 10, 3, 5, 9, 4, 6, 8], 9),
        12 => check(&[7, 2, 4, 10, 3, 5, 9, 4, 6, 8], 10) && check(&[3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8], 11),
        _ => false,
    }
}

/// Whether `number` is a Brazilian CNPJ with valid check digits, with or without its
/// punctuation (`11.222.333/0001-81`). The first twelve characters may be letters (each counts
/// as its ASCII code minus 48); the last two are digits. Twelve equal characters are refused.
pub fn is_valid_cnpj(number: &str) -> bool {
    let characters: Vec<char> = number.chars().filter(|c| !matches!(c, '.' | '/' | '-' | ' ')).collect();
    if characters.len() != 14 || !characters[12..].iter().all(char::is_ascii_digit) {
        return false;
    }
    let Some(values) = characters
        .iter()
        .map(|c| (c.is_ascii_digit() || c.is_ascii_uppercase()).then(|| *c as u32 - 48))
        .collect::<Option<Vec<u32>>>()
    else {
        return false;
    };
    if values[..12].iter().all(|value| *value == values[0]) {
        return false;
    }
    let digit = |weights: &[u32]| match weighted(&values, weights) % 11 {
        0 | 1 => 0,
        rest => 11 - rest,
    };
    digit(&[5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]) == values[12]
        && digit(&[6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]) == values[13]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inn_check_digits() {
        for valid in ["7707083893", "7736207543", "500100732259"] {
            assert!(is_valid_inn(valid), "{valid}");
        }
        for invalid in ["7707083894", "500100732258", "772053549600", "770708389", "77070838930", "77O7083893", ""] {
            assert!(!is_valid_inn(invalid), "{invalid}");
        }
    }

    #[test]
    fn cnpj_check_digits() {
        for valid in ["11.222.333/0001-81", "11222333000181", "12.ABC.345/01DE-35"] {
            assert!(is_valid_cnpj(valid), "{valid}");
        }
        for invalid in
            ["11.222.333/0001-82", "11222333000180", "00000000000000", "11.222.333/0001", "12.abc.345/01DE-35"]
        {
            assert!(!is_valid_cnpj(invalid), "{invalid}");
        }
    }
}
