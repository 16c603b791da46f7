//! When a failed call is tried again, and after how long: only when there was no answer (a
//! timeout, a dropped connection), a 429 or a 5xx, never for a 4xx business error; with
//! exponential backoff and jitter, bounded, and honouring `Retry-After`.

use crate::api::ApiError;

/// How many times a call is made at most, the first included.
pub const MAX_ATTEMPTS: u32 = 3;
/// The first backoff, in milliseconds; it doubles each retry.
const BASE_DELAY_MS: f64 = 500.0;
/// The longest backoff, in milliseconds.
const MAX_DELAY_MS: f64 = 8_000.0;
/// The longest `Retry-After` honoured, in seconds: beyond it the user decides.
const MAX_RETRY_AFTER_S: u32 = 30;

/// Whether `error` may go away by itself: no answer, throttled, or server trouble.
pub fn is_transient(error: &ApiError) -> bool {
    match error {
        ApiError::NoAnswer(_) | ApiError::TimedOut(_) | ApiError::Offline => true,
        ApiError::Status { status, .. } => *status == 429 || (*status >= 500 && *status != 501),
        ApiError::Malformed(_)
        | ApiError::SignIn(_)
        | ApiError::DomainTaken(_)
        | ApiError::LinesRefused(_)
        | ApiError::OrderGroupsFailed(_) => false,
    }
}

/// The wait in milliseconds before making a call again after its `attempt`-th try failed with
/// `error` (attempts count from 1); `None` when it should not be tried again. `jitter` is a
/// random number in `0..1`.
pub fn retry_delay(error: &ApiError, attempt: u32, jitter: f64) -> Option<u32> {
    if attempt >= MAX_ATTEMPTS || !is_transient(error) {
        return None;
    }
    let backoff = (BASE_DELAY_MS * 2f64.powi(attempt as i32 - 1)).min(MAX_DELAY_MS);
    // Full jitter over the upper half, so that many clients do not come back at once.
    let backoff = backoff * (0.5 + 0.5 * jitter.clamp(0.0, 1.0));
    match error {
        ApiError::Status { retry_after: Some(seconds), .. } if *seconds > MAX_RETRY_AFTER_S => None,
        ApiError::Status { retry_after: Some(seconds), .. } => Some((*seconds as f64 * 1000.0).max(backoff) as u32),
        _ => Some(backoff as u32),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(status: u16, retry_after: Option<u32>) -> ApiError {
        ApiError::Status { status, body: None, retry_after }
    }

    #[test]
    fn business_errors_are_not_retried() {
        for code in [400, 401, 403, 404, 409, 501] {
            assert_eq!(retry_delay(&status(code, None), 1, 0.5), None, "{code}");
        }
        assert_eq!(retry_delay(&ApiError::Malformed("x".into()), 1, 0.5), None);
    }

    #[test]
    fn no_answer_throttling_and_server_trouble_back_off_exponentially_and_stop() {
        assert_eq!(retry_delay(&ApiError::NoAnswer("reset".into()), 1, 1.0), Some(500));
        assert_eq!(retry_delay(&ApiError::TimedOut(30), 2, 1.0), Some(1_000));
        assert_eq!(retry_delay(&status(503, None), 1, 0.0), Some(250), "jitter takes up to half");
        assert_eq!(retry_delay(&status(500, None), MAX_ATTEMPTS, 1.0), None, "bounded");
    }

    #[test]
    fn retry_after_is_honoured_up_to_half_a_minute() {
        assert_eq!(retry_delay(&status(429, Some(2)), 1, 1.0), Some(2_000));
        assert_eq!(retry_delay(&status(429, Some(0)), 1, 1.0), Some(500), "never sooner than the backoff");
        assert_eq!(retry_delay(&status(429, Some(600)), 1, 1.0), None, "too long: the user decides");
    }
}
