//! Reactive primitives over boxed closures: one instance of Leptos's generic code for all of
//! them, instead of one per closure.

use leptos::prelude::*;

/// An effect that runs `body` now and whenever what it reads changes.
pub fn effect(body: impl FnMut() + 'static) {
    let mut body: Box<dyn FnMut()> = Box::new(body);
    Effect::new(move |_| body());
}
