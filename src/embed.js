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
//
// When the app's files cannot be loaded, the element (or the mounted one) gets an
// `add-customer:error` event with `detail.stage === 'load'` and a `reason` (`not-found`,
// `blocked`, `offline`, `unsupported`, `failed`), and shows a message inside; the element tries
// again when it is inserted again. Types: embed.d.ts.
const assets = new URL('./', import.meta.url).href;
// The files the app starts from. A release build gives them content-hashed names and writes
// those here (scripts/hash-names.mjs): this file is the one stable entry, and the only one a host
// should cache briefly; the hashed ones never change.
const GLUE = './add-customer.js';
const WASM = './add-customer_bg.wasm';
const STYLESHEET = './main.css';
let ready;
// A failed load is forgotten, so that the next mount tries again.
const load = () =>
  (ready ??= start().catch((error) => {
    ready = undefined;
    throw error;
  }));

// The first mount fetches the glue, the wasm and the stylesheet side by side, not each after
// the one that asks for it: a round trip each on the host's network.
async function start() {
  preload(new URL(STYLESHEET, import.meta.url).href);
  const compiled = compile(new URL(WASM, import.meta.url));
  const glue = await import(GLUE);
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

/** Why the app's files did not load: the detail of the `add-customer:error` event. */
async function loadFailure(error) {
  if (typeof WebAssembly !== 'object') {
    return { stage: 'load', reason: 'unsupported', message: 'This browser cannot run WebAssembly.' };
  }
  if (!navigator.onLine) return { stage: 'load', reason: 'offline', message: 'The browser is offline.' };
  for (const file of [GLUE, WASM]) {
    const url = new URL(file, assets).href;
    try {
      const response = await fetch(url, { method: 'HEAD', cache: 'no-store' });
      if (!response.ok) {
        const message = `${file} answered HTTP ${response.status}.`;
        return { stage: 'load', reason: 'not-found', url, status: response.status, message };
      }
    } catch {
      const message = `The browser refused to fetch ${file} (Content-Security-Policy, CORS or the network).`;
      return { stage: 'load', reason: 'blocked', url, message };
    }
  }
  return { stage: 'load', reason: 'failed', message: String(error?.message ?? error) };
}

/** The visible message of a failed load, in the element's language. */
const FAILED = {
  en: 'The Add customer wizard could not be loaded. Check the connection, then reload the page.',
  ru: 'Не удалось загрузить мастер добавления клиента. Проверьте подключение и перезагрузите страницу.',
};

/** Tells the host and the user that the app could not be loaded on `element`. */
function reportFailure(element, failure) {
  const language = element.getAttribute('locale') ?? element.dataset.locale ?? document.documentElement.lang;
  const notice = document.createElement('div');
  notice.setAttribute('role', 'alert');
  notice.setAttribute('part', 'load-error');
  const message = document.createElement('p');
  message.textContent = FAILED[language?.startsWith('ru') ? 'ru' : 'en'];
  notice.append(message);
  (element.shadowRoot ?? element.attachShadow({ mode: 'open' })).replaceChildren(notice);
  element.dispatchEvent(new CustomEvent('add-customer:error', { bubbles: true, composed: true, detail: failure }));
}

/** The app's glue from `loading`, or the failure reported on `elements` and thrown. */
async function glueFor(elements, loading = load()) {
  try {
    return await loading;
  } catch (error) {
    const failure = await loadFailure(error);
    elements.forEach((element) => reportFailure(element, failure));
    throw Object.assign(new Error(failure.message), { reason: failure.reason });
  }
}

/** A mounted wizard's handle; `unmount()` may be called more than once. */
function handle(wizard) {
  let live = wizard;
  return {
    update(options) {
      live?.update(options);
    },
    unmount() {
      live?.unmount();
      live = null;
    },
  };
}

/** Mounts a wizard on `element` (into its shadow root) and answers its handle. */
export async function mount(element, options = {}) {
  const glue = await glueFor([element]);
  return handle(glue.mount(element, options, assets, new URL(STYLESHEET, assets).href));
}

/** Mounts a wizard, for the life of the page, on every `[data-add-customer]` element. Called
 * while the page is still being read, it starts loading the app at once and mounts once the
 * page is all there: the wasm compiles while the browser reads and paints the page. */
export async function mountMarked() {
  const loading = load();
  // Handled below, once the page is read; not an unhandled rejection meanwhile.
  loading.catch(() => {});
  if (document.readyState === 'loading') {
    await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
  }
  const glue = await glueFor([...document.querySelectorAll('[data-add-customer]')], loading);
  glue.mount_marked(assets, new URL(STYLESHEET, assets).href);
}

/** The option attributes of <add-customer-wizard>; a change re-reads them. */
const ATTRIBUTES = [
  'api-base', 'locale', 'countries', 'country', 'indirect', 'partner-id', 'partner-mpn-id',
  'partner-name', 'partner-domains', 'demo-offers', 'log', 'expose-password', 'color-scheme',
  'price-sheet',
];
/** The attributes read when a wizard is mounted: a change mounts it again (a draft brings the
 * entries back where `persist` keeps one). */
const MOUNT_ATTRIBUTES = ['timeout', 'history', 'persist', 'standalone', 'allow-url-config'];

/** <add-customer-wizard>: mounted while connected; `options` adds what attributes cannot say. */
class AddCustomerWizard extends HTMLElement {
  static observedAttributes = [...ATTRIBUTES, ...MOUNT_ATTRIBUTES];
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
    this.#pending = mount(this, this.#options).then(
      (wizard) => {
        this.#pending = null;
        if (this.isConnected) this.#wizard = wizard;
        else wizard.unmount();
      },
      // Reported on the element by mount(); inserted again, it tries again.
      () => {
        this.#pending = null;
      },
    );
  }

  disconnectedCallback() {
    this.#wizard?.unmount();
    this.#wizard = null;
  }

  attributeChangedCallback(name, before, now) {
    if (before === now || !this.#wizard) return;
    if (MOUNT_ATTRIBUTES.includes(name)) {
      this.#wizard.unmount();
      this.#wizard = null;
      this.connectedCallback();
    } else {
      this.#wizard.update({});
    }
  }
}

if (!customElements.get('add-customer-wizard')) {
  customElements.define('add-customer-wizard', AddCustomerWizard);
}
