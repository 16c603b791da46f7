//! The app's entry points, called by `src/embed.js`: `mount` puts one wizard on a host element
//! and answers its handle; `mount_marked` mounts every `[data-add-customer]` element of the page.

use add_customer::ui::embed::mount::{mount_on_page, AppFiles, MountedWizard};
use wasm_bindgen::prelude::*;

/// A mounted wizard, as the host's JavaScript holds it (the class `Wizard` there).
#[wasm_bindgen(js_name = Wizard)]
pub struct WizardHandle(MountedWizard);

#[wasm_bindgen(js_class = Wizard)]
impl WizardHandle {
    /// Takes new options, merged over the ones it has (see `mount`).
    pub fn update(&mut self, options: JsValue) -> Result<(), JsValue> {
        self.0.update(options)
    }

    /// Removes the wizard and frees all it held.
    pub fn unmount(self) {}
}

/// Mounts a wizard into `host`'s shadow root, configured by `host`'s attributes and `options`;
/// `assets` is the URL of the folder that holds the app's files, `stylesheet` the wizard's
/// stylesheet's (its name is content-hashed in a release).
#[wasm_bindgen]
pub fn mount(
    host: web_sys::HtmlElement,
    options: JsValue,
    assets: String,
    stylesheet: String,
) -> Result<WizardHandle, JsValue> {
    MountedWizard::mount(host, options, &AppFiles { assets, stylesheet }).map(WizardHandle)
}

/// Mounts a wizard, for the life of the page, into each `[data-add-customer]` element.
#[wasm_bindgen]
pub fn mount_marked(assets: String, stylesheet: String) {
    mount_on_page(&AppFiles { assets, stylesheet });
}

fn main() {}
