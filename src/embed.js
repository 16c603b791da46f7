// add-customer, for host pages. One stable URL (embed.js); everything else is found next to it,
// so it works from any folder and any origin (serve the files with CORS, the wasm as
// application/wasm).
//
//   <script type="module" src="https://cdn.example.com/add-customer/embed.js"></script>
//   <add-customer-wizard api-base="https://partner.example.com" locale="ru"></add-customer-wizard>
//
// or, from a module:
//
//   import { mount } from 'https://cdn.example.com/add-customer/embed.js';
//   const wizard = await mount(element, { apiBase: '…', getAccessToken: async () => token });
//   wizard.update({ locale: 'ru' });
//   wizard.unmount();
const assets = new URL('./', import.meta.url).href;
let ready;
const load = () => (ready ??= start());

// The first mount fetches the glue, the wasm and the stylesheet side by side, not each after
// the one that asks for it: a round trip each on the host's network.
async function start() {
  preload(new URL('./main.css', import.meta.url).href);
  const compiled = compile(new URL('./add-customer_bg.wasm', import.meta.url));
  const loading = import('./add-customer.js');
  // Meanwhile the main thread waits on the network. The first Intl.DisplayNames of a page loads
  // the browser's names of regions (25 to 50 ms on a fast machine), which the wizard needs first
  // thing for its country list: made now, in the wait, later ones are instant.
  if (Intl.DisplayNames) new Intl.DisplayNames('en', { type: 'region' });
  const glue = await loading;
  await glue.default({ module_or_path: compiled });
  return glue;
}

// A wasm still on its way is compiled as it arrives. One that a preload has already brought in
// whole is not streamed: the stream would hand the whole module to the main thread at once to
// decode (some 25 ms at 4x CPU slowdown), where WebAssembly.compile decodes it on another thread.
function compile(wasm) {
  const arrived = performance.getEntriesByName(wasm.href).length > 0;
  const compiling = arrived || !WebAssembly.compileStreaming
    ? fetch(wasm).then((response) => response.arrayBuffer()).then((bytes) => WebAssembly.compile(bytes))
    : WebAssembly.compileStreaming(fetch(wasm));
  // Where that fails (another type, a failed fetch), the glue fetches it and says why.
  return compiling.catch(() => wasm);
}

function preload(href) {
  if ([...document.querySelectorAll('link[rel=preload]')].some((link) => link.href === href)) return;
  const link = Object.assign(document.createElement('link'), { rel: 'preload', as: 'style', href });
  (document.head ?? document.documentElement).append(link);
}

/** Mounts a wizard on `element` (into its shadow root) and answers its handle. */
export async function mount(element, options = {}) {
  const glue = await load();
  return glue.mount(element, options, assets);
}

/** Mounts a wizard, for the life of the page, on every `[data-add-customer]` element. */
export async function mountMarked() {
  const glue = await load();
  glue.mount_marked(assets);
}

/** The option attributes of <add-customer-wizard>; a change re-reads them. */
const ATTRIBUTES = [
  'api-base', 'locale', 'countries', 'country', 'indirect', 'partner-id', 'partner-mpn-id',
  'partner-name', 'partner-domains', 'demo-offers', 'log', 'expose-password', 'color-scheme',
];

/** <add-customer-wizard>: mounted while connected; `options` adds what attributes cannot say. */
class AddCustomerWizard extends HTMLElement {
  static observedAttributes = ATTRIBUTES;
  #wizard = null;
  #pending = null;
  #options = {};

  /** Options beyond the attributes: prefill, theme, getAccessToken. */
  get options() {
    return this.#options;
  }

  set options(options) {
    this.#options = options ?? {};
    this.#wizard?.update(this.#options);
  }

  connectedCallback() {
    if (this.#wizard || this.#pending) return;
    this.#pending = mount(this, this.#options).then((wizard) => {
      this.#pending = null;
      if (this.isConnected) this.#wizard = wizard;
      else wizard.unmount();
    });
  }

  disconnectedCallback() {
    this.#wizard?.unmount();
    this.#wizard = null;
  }

  attributeChangedCallback() {
    this.#wizard?.update({});
  }
}

if (!customElements.get('add-customer-wizard')) {
  customElements.define('add-customer-wizard', AddCustomerWizard);
}
