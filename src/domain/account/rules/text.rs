//! Checks shared by the text rules.

use crate::domain::account::field_error::FieldError;

/// The value with surrounding white space removed; the value that is validated and sent.
pub fn clean(value: &str) -> &str {
    value.trim()
}

/// Missing when blank (empty or only white space).
pub fn require(value: &str) -> Result<&str, FieldError> {
    let value = clean(value);
    if value.is_empty() {
        Err(FieldError::Missing)
    } else {
        Ok(value)
    }
}

/// Whether a character can be sent as typed: not a control character (NUL, tab, line breaks and
/// the rest of C0 and C1) and not U+FFFD, which stands where the browser found half of a
/// character (a lone surrogate from a paste) and would send something else than what was typed.
fn sendable(c: char) -> bool {
    !c.is_control() && c != char::REPLACEMENT_CHARACTER
}

/// Too long when it has more than `max` characters (not bytes); unsendable when it holds a
/// character that cannot be sent as typed.
pub fn at_most(value: &str, max: usize) -> Result<(), FieldError> {
    let length = value.chars().count();
    if length > max {
        Err(FieldError::TooLong { max, length })
    } else if !value.chars().all(sendable) {
        Err(FieldError::Unsendable)
    } else {
        Ok(())
    }
}

/// Whether the character is neither a letter nor a digit (punctuation, symbols, spaces, emoji).
pub fn is_punctuation_or_space(c: char) -> bool {
    !c.is_alphanumeric()
}

/// Only punctuation, symbols or spaces.
pub fn only_punctuation(value: &str) -> bool {
    value.chars().all(is_punctuation_or_space)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn require_trims_and_rejects_blank() {
        assert_eq!(require("  Contoso "), Ok("Contoso"));
        assert_eq!(require("   "), Err(FieldError::Missing));
        assert_eq!(require("\t\n"), Err(FieldError::Missing));
    }

    #[test]
    fn at_most_counts_characters() {
        assert_eq!(at_most("Ёлка", 4), Ok(()));
        assert_eq!(at_most("Ёлка!", 4), Err(FieldError::TooLong { max: 4, length: 5 }));
    }

    #[test]
    fn control_and_broken_characters_cannot_be_sent() {
        for bad in ["Wing\0tip", "Wing\ttip", "Wing\u{1b}tip", "Wing\u{85}tip", "Wing\u{fffd}tip"] {
            assert_eq!(at_most(bad, 100), Err(FieldError::Unsendable), "{bad:?}");
        }
        for good in ["Wing\u{202e}tip", "Wing\u{200b}tip", "Ẅ̴ingtip 🏢", "<script>"] {
            assert_eq!(at_most(good, 100), Ok(()), "{good:?}");
        }
    }

    #[test]
    fn punctuation_only() {
        assert!(only_punctuation("-- . !!"));
        assert!(only_punctuation("🙂🙂"));
        assert!(!only_punctuation("a."));
    }
}
