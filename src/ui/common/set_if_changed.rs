//! Setting a signal only when its value changes.

use leptos::prelude::*;

/// Sets `signal` to `value` unless it already holds it. A signal wakes every reader on every
/// set, same value or not: an effect that sets one again on its first run, just after its page
/// is drawn, would work out every reader a second time.
pub fn set_if_changed<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
    if signal.with_untracked(|current| *current != value) {
        signal.set(value);
    }
}
