//! The browser's Web Locks, through which tabs of one origin agree that only one of them submits
//! a given customer. A lock held by a tab is let go when it is released or the tab closes.

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The page's `navigator.locks`, where the browser has them.
fn lock_manager() -> Option<JsValue> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::get(&navigator, &"locks".into()).ok().filter(|locks| locks.is_object())
}

/// Calls `object.name(arguments…)`.
fn call(object: &JsValue, name: &str, arguments: &[&JsValue]) -> Option<JsValue> {
    let function: js_sys::Function = js_sys::Reflect::get(object, &name.into()).ok()?.dyn_into().ok()?;
    let arguments: js_sys::Array = arguments.iter().copied().collect();
    function.apply(object, &arguments).ok()
}

/// A lock this tab holds until [`HeldLock::release`] (or the tab closes).
pub struct HeldLock(js_sys::Function);

impl HeldLock {
    /// Lets the lock go.
    pub fn release(self) {
        let _ = self.0.call0(&JsValue::NULL);
    }
}

/// What asking for a lock gave.
pub enum LockAttempt {
    /// This tab holds it now.
    Held(HeldLock),
    /// Another tab holds it.
    Busy,
    /// The browser has no Web Locks: nothing to agree with.
    Unsupported,
}

/// Takes the lock `name` if no tab holds it, without waiting.
pub async fn try_lock(name: &str) -> LockAttempt {
    let Some(locks) = lock_manager() else { return LockAttempt::Unsupported };
    // Resolved with whether the lock was granted; the lock is then held until `release` resolves
    // the promise its callback answered.
    let granted: Rc<RefCell<Option<js_sys::Function>>> = Rc::default();
    let release: Rc<RefCell<Option<js_sys::Function>>> = Rc::default();
    let decided = {
        let granted = granted.clone();
        js_sys::Promise::new(&mut move |resolve, _| *granted.borrow_mut() = Some(resolve))
    };
    let callback = {
        let release = release.clone();
        Closure::once_into_js(move |lock: JsValue| -> JsValue {
            let answer = granted.borrow_mut().take();
            if lock.is_null() {
                if let Some(answer) = answer {
                    let _ = answer.call1(&JsValue::NULL, &JsValue::FALSE);
                }
                return JsValue::UNDEFINED;
            }
            let held = js_sys::Promise::new(&mut |resolve, _| *release.borrow_mut() = Some(resolve));
            if let Some(answer) = answer {
                let _ = answer.call1(&JsValue::NULL, &JsValue::TRUE);
            }
            held.into()
        })
    };
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"ifAvailable".into(), &JsValue::TRUE);
    if call(&locks, "request", &[&name.into(), &options, &callback]).is_none() {
        return LockAttempt::Unsupported;
    }
    match JsFuture::from(decided).await {
        Ok(value) if value.is_truthy() => match release.borrow_mut().take() {
            Some(release) => LockAttempt::Held(HeldLock(release)),
            None => LockAttempt::Unsupported,
        },
        _ => LockAttempt::Busy,
    }
}

/// Whether some tab (this one included) holds the lock `name` now.
pub async fn is_held(name: &str) -> bool {
    let Some(snapshot) = lock_manager().and_then(|locks| call(&locks, "query", &[])) else { return false };
    let Ok(snapshot) = JsFuture::from(js_sys::Promise::resolve(&snapshot)).await else { return false };
    let held = js_sys::Reflect::get(&snapshot, &"held".into()).unwrap_or(JsValue::UNDEFINED);
    js_sys::Array::from(&held).iter().any(|lock| {
        js_sys::Reflect::get(&lock, &"name".into()).ok().and_then(|name| name.as_string()).as_deref() == Some(name)
    })
}
