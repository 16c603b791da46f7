//! A page's `<h1>`, which takes focus when the wizard arrives on the page.

use crate::ui::common::effect::effect;
use leptos::html::H1;
use leptos::prelude::*;

/// The heading of a wizard page. With `focus`, it takes focus once mounted, so that a screen
/// reader announces the new page and Tab goes on from its top.
#[component]
pub fn PageHeading(#[prop(into)] text: Signal<String>, focus: bool) -> impl IntoView {
    let heading = NodeRef::<H1>::new();
    effect(move || {
        if let (true, Some(heading)) = (focus, heading.get()) {
            let _ = heading.focus();
        }
    });
    view! { <h1 class="page-heading" part="heading" tabindex="-1" node_ref=heading>{text}</h1> }
}
