// Starts the wizard: loads the wasm-bindgen glue and the wasm next to this file. An external
// module (not Trunk's inline loader), so that pages under a strict CSP can run it, and relative
// to its own URL, so that dist/ works under any sub-path: the app fetches its country data from
// the same folder.
import init, { start } from './add-customer.js';

await init({ module_or_path: new URL('./add-customer_bg.wasm', import.meta.url) });
start(new URL('./', import.meta.url).href);
