//! A two-way binding of an input's text: where to read it and what to do with a new value.

use leptos::prelude::*;

/// Reads and writes one text value. A plain `RwSignal<String>` converts into one; a value kept
/// inside a larger structure (a chosen offer's license count) binds with [`TextBinding::new`].
#[derive(Clone, Copy)]
pub struct TextBinding {
    get: Signal<String>,
    set: Callback<String>,
}

impl TextBinding {
    /// A binding that reads with `get` and writes with `set`.
    pub fn new(get: impl Fn() -> String + Send + Sync + 'static, set: impl Fn(String) + Send + Sync + 'static) -> Self {
        Self { get: Signal::derive(get), set: Callback::new(set) }
    }

    /// The current value, tracked.
    pub fn get(&self) -> String {
        self.get.get()
    }

    /// Whether the current value is `value`, untracked.
    pub fn is_untracked(&self, value: &str) -> bool {
        self.get.with_untracked(|current| current == value)
    }

    /// Writes a new value.
    pub fn set(&self, value: String) {
        self.set.run(value);
    }
}

impl From<RwSignal<String>> for TextBinding {
    fn from(signal: RwSignal<String>) -> Self {
        Self { get: signal.into(), set: Callback::new(move |value| signal.set(value)) }
    }
}
