//! Waiting on the browser: the demo's latency, the backoff between retries, a pause in long work.

use wasm_bindgen::JsCast;

/// Waits `millis` milliseconds.
pub async fn pause(millis: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, millis as i32);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Lets the browser paint and handle input before going on: `scheduler.yield()` where the
/// browser has it (it resumes ahead of other tasks, with no timer's clamping), else a timer of 0.
pub async fn yield_to_browser() {
    let scheduler = web_sys::window()
        .and_then(|window| js_sys::Reflect::get(&window, &"scheduler".into()).ok())
        .filter(|scheduler| scheduler.is_object());
    let yield_function = scheduler.as_ref().and_then(|scheduler| {
        js_sys::Reflect::get(scheduler, &"yield".into())
            .ok()
            .and_then(|function| function.dyn_into::<js_sys::Function>().ok())
    });
    match (scheduler, yield_function) {
        (Some(scheduler), Some(function)) => match function.call0(&scheduler) {
            Ok(promise) => {
                let _ = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&promise)).await;
            }
            Err(_) => pause(0).await,
        },
        _ => pause(0).await,
    }
}

/// Long work cut into slices of about `length_ms` milliseconds, the browser's turn between them
/// ([`yield_to_browser`]): how many slices it took and the longest, which is what typing waited
/// for at worst.
pub struct TimeSlices {
    length_ms: f64,
    started: f64,
    /// The slices ended so far.
    pub count: u32,
    /// The longest of them, in milliseconds.
    pub longest_ms: f64,
}

impl TimeSlices {
    /// The first slice, starting now.
    pub fn new(length_ms: f64) -> Self {
        Self { length_ms, started: js_sys::Date::now(), count: 0, longest_ms: 0.0 }
    }

    /// Whether the current slice has had its time.
    pub fn is_over(&self) -> bool {
        js_sys::Date::now() - self.started >= self.length_ms
    }

    /// Ends the current slice (counted, with its length).
    pub fn end(&mut self) {
        self.count += 1;
        self.longest_ms = self.longest_ms.max(js_sys::Date::now() - self.started);
    }

    /// Ends the current slice, gives the browser its turn, and starts the next.
    pub async fn next(&mut self) {
        self.end();
        yield_to_browser().await;
        self.started = js_sys::Date::now();
    }
}
