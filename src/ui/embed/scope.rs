//! Where one wizard lives in the page: the element it is mounted in (inside its shadow root when
//! embedded). Ids are looked up there, never in the document, so that several wizards on a page
//! do not find each other's fields; events go to the host element, across the shadow boundary.

use leptos::prelude::*;
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};

/// The wizard's mount element, shared through context.
#[derive(Clone, Copy)]
pub struct Scope(StoredValue<web_sys::HtmlElement, LocalStorage>);

impl Scope {
    /// The scope of a wizard mounted in `root`.
    pub fn new(root: web_sys::HtmlElement) -> Self {
        Self(StoredValue::new_local(root))
    }

    /// The element with `id` in this wizard, if it is there.
    fn find(&self, id: &str) -> Option<web_sys::HtmlElement> {
        self.0.try_with_value(|root| element_with_id(root, id)).flatten()
    }

    /// Moves focus to the element with `id` in this wizard.
    pub fn focus(&self, id: &str) {
        if let Some(element) = self.find(id) {
            let _ = element.focus();
        }
    }

    /// Moves focus to `id` once the current update has rendered, and the wizard is shown: it
    /// stays hidden until its stylesheet has loaded, and nothing hidden can take focus.
    pub fn focus_soon(self, id: impl Into<String>) {
        let id = id.into();
        request_animation_frame(move || self.once_shown(move || self.focus(&id)));
    }

    /// Runs `work` once the wizard is on screen and that frame has been painted: for what the
    /// first paint does not need (a long list of options), so that it does not delay it.
    pub fn after_shown(self, work: impl FnOnce() + 'static) {
        self.once_shown(move || request_animation_frame(move || set_timeout(work, std::time::Duration::ZERO)));
    }

    /// Runs `work` now if the wizard is shown, else when it is (`add-customer:ready`).
    fn once_shown(self, work: impl FnOnce() + 'static) {
        let shown = self.0.try_with_value(|root| !root.hidden()).unwrap_or(true);
        match self.host() {
            Some(host) if !shown => {
                let options = web_sys::AddEventListenerOptions::new();
                options.set_once(true);
                let work = wasm_bindgen::closure::Closure::once_into_js(work);
                let _ = host.add_event_listener_with_callback_and_add_event_listener_options(
                    "add-customer:ready",
                    work.unchecked_ref(),
                    &options,
                );
            }
            _ => work(),
        }
    }

    /// The element that receives the wizard's events: the shadow root's host, or the mount
    /// element itself where there is no shadow root.
    fn host(&self) -> Option<web_sys::HtmlElement> {
        self.0.try_with_value(|root| {
            let top = root.get_root_node();
            match top.dyn_ref::<web_sys::ShadowRoot>() {
                Some(shadow) => shadow.host().dyn_into().ok(),
                None => Some(root.clone()),
            }
        })?
    }

    /// Dispatches `add-customer:<name>` on the host (see [`emit_on`]).
    pub fn emit(&self, name: &str, detail: &Value) {
        if let Some(host) = self.host() {
            emit_on(&host, name, detail);
        }
    }
}

/// The element with `id` inside `root` (looked up there, not in the document, where another
/// wizard may have the same ids).
pub fn element_with_id(root: &web_sys::Element, id: &str) -> Option<web_sys::HtmlElement> {
    let selector = format!("[id=\"{}\"]", id.replace(['"', '\\'], ""));
    root.query_selector(&selector).ok().flatten()?.dyn_into().ok()
}

/// Dispatches `add-customer:<name>` on `host`: a `CustomEvent` that bubbles and crosses shadow
/// boundaries, with `detail` as a plain object.
pub fn emit_on(host: &web_sys::HtmlElement, name: &str, detail: &Value) {
    let detail = plain_object(detail);
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(&format!("add-customer:{name}"), &init) {
        let _ = host.dispatch_event(&event);
    }
}

/// `value` as the plain JavaScript value `JSON.parse` would make of it, built directly.
fn plain_object(value: &Value) -> JsValue {
    match value {
        Value::Null => JsValue::NULL,
        Value::Bool(flag) => JsValue::from_bool(*flag),
        Value::Number(number) => number.as_f64().map_or(JsValue::NULL, JsValue::from_f64),
        Value::String(text) => JsValue::from_str(text),
        Value::Array(items) => items.iter().map(plain_object).collect::<js_sys::Array>().into(),
        Value::Object(members) => {
            let object = js_sys::Object::new();
            for (name, member) in members {
                let _ = js_sys::Reflect::set(&object, &JsValue::from_str(name), &plain_object(member));
            }
            object.into()
        }
    }
}

/// The wizard's scope, from context.
pub fn use_scope() -> Scope {
    expect_context::<Scope>()
}
