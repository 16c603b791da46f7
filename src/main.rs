//! The page entry point. The loader (`src/loader.js`) calls [`start`] with the URL of the folder
//! it was loaded from, so that the app finds its data files wherever `dist/` is served.

use wasm_bindgen::prelude::wasm_bindgen;

/// Mounts the wizard into the host page's mount element; `assets` is the URL of the folder that
/// holds the app's files.
#[wasm_bindgen]
pub fn start(assets: String) {
    add_customer::ui::mount::mount_on_page(&assets);
}

fn main() {}
