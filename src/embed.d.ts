// Types of embed.js, the one stable entry of add-customer for host pages. Checked by the test
// command with `tsc --noEmit` over tests/types/host.ts.

/** An option given as an attribute may also be given as a string here. */
type Flag = boolean | 'true' | 'false' | '';

/** The form's starting values, by field. */
export interface Prefill {
  country?: string;
  companyName?: string;
  domainPrefix?: string;
  addressLine1?: string;
  addressLine2?: string;
  city?: string;
  state?: string;
  postalCode?: string;
  phone?: string;
  registrationNumber?: string;
  language?: string;
  culture?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  agreementDate?: string;
  signerFirstName?: string;
  signerLastName?: string;
  signerEmail?: string;
  signerPhone?: string;
}

/** The options of `mount()`; each attribute of the element in camel case, and what attributes cannot carry. */
export interface MountOptions {
  /** The endpoint's base URL; none: the built-in demo back end. */
  apiBase?: string;
  /** `en` or `ru`. */
  locale?: string;
  /** The countries offered, ISO 3166 alpha-2, comma-separated. */
  countries?: string;
  /** The country chosen at first. */
  country?: string;
  /** An indirect provider, who creates customers for its resellers. */
  indirect?: Flag;
  partnerId?: string;
  partnerMpnId?: string;
  partnerName?: string;
  /** The partner's own e-mail domains, comma-separated: not accepted for the customer. */
  partnerDomains?: string;
  /** The URL of the partner's price list (Partner Center's license-based price sheet, CSV); `{market}` stands for the customer's country. */
  priceSheet?: string;
  /** The demo back end's generated catalog size. */
  demoOffers?: string | number;
  /** Shows the request log. */
  log?: Flag;
  /** Puts the one-time password in `add-customer:done`. */
  exposePassword?: Flag;
  colorScheme?: 'light' | 'dark';
  /** Seconds before a call without answer is given up (read at mount). */
  timeout?: string | number;
  /** Follows the tab's history (read at mount). */
  history?: Flag;
  /** Keeps a draft in the tab's sessionStorage (read at mount). */
  persist?: Flag;
  /** The wizard is the page: it sets the title (read at mount). */
  standalone?: Flag;
  /** The starting values. */
  prefill?: Prefill;
  /** CSS custom properties for the host element, e.g. `{'--ac-accent': '#c00'}`. */
  theme?: Record<string, string>;
  /** The endpoint's bearer token, asked before the calls and again after a 401. */
  getAccessToken?: (request: { forceRefresh: boolean }) => string | Promise<string>;
}

/** A mounted wizard. */
export interface WizardHandle {
  /** New options, merged over the ones it has. */
  update(options: MountOptions): void;
  /** Removes the wizard and frees all it held; calling it again does nothing. */
  unmount(): void;
}

/** Mounts a wizard on `element` (into its shadow root). Rejects, after an `add-customer:error` event on the element, when the app's files cannot be loaded. */
export function mount(element: HTMLElement, options?: MountOptions): Promise<WizardHandle>;

/** Mounts a wizard on every `[data-add-customer]` element of the page. */
export function mountMarked(): Promise<void>;

/** The steps, as events name them. */
export type StepKey = 'account-info' | 'subscriptions' | 'review' | 'done';

/** A failed call, in `add-customer:stage` and `add-customer:error`. */
export type CallError =
  | { kind: 'status'; status: number; code: number | null; description: string | null }
  | { kind: 'no-answer' | 'malformed' | 'sign-in'; description: string }
  | { kind: 'timeout'; seconds: number }
  | { kind: 'offline' }
  | { kind: 'domain-taken'; domain: string }
  | { kind: 'lines-refused'; lines: { line: number; code: number; description: string }[] }
  | { kind: 'order-groups-failed'; orderGroups: { orderGroupId: string; code: number; description: string }[] };

/** A submit stage that ended. */
export interface StageDetail {
  stage: 'create-customer' | 'attest-agreement' | 'add-qualification' | 'create-cart' | 'checkout';
  /** `held`: the checkout waits for Microsoft's review or the customer's acceptance. */
  status: 'done' | 'failed' | 'held';
  requestId: string | null;
  /** The cart's id (`create-cart`). */
  cartId?: string | null;
  /** The orders placed so far (`checkout`). */
  orderIds?: string[];
  /** Why a held checkout waits. */
  held?: { reason: 'account-review'; accountStatus: 'Unknown' | 'UnderReview' | 'Allowed' | 'NotAllowed' } | { reason: 'agreement-pending' };
  error?: CallError;
  correlationId?: string | null;
  customerId?: string;
}

/** The app's files could not be loaded. */
export interface LoadErrorDetail {
  stage: 'load';
  reason: 'not-found' | 'blocked' | 'offline' | 'unsupported' | 'failed';
  message: string;
  /** The file that failed, where known. */
  url?: string;
  /** Its HTTP status, for `not-found`. */
  status?: number;
}

/** The detail of each event, by name. */
export interface AddCustomerEventMap {
  'add-customer:ready': CustomEvent<Record<string, never>>;
  'add-customer:step': CustomEvent<{ step: StepKey; number: number }>;
  'add-customer:invalid': CustomEvent<{ step: StepKey; fields?: string[]; products?: (string | null)[] }>;
  'add-customer:submit': CustomEvent<{ lines: number }>;
  'add-customer:stage': CustomEvent<StageDetail>;
  'add-customer:error': CustomEvent<StageDetail | LoadErrorDetail>;
  'add-customer:done': CustomEvent<{
    customerId: string;
    domain: string;
    adminUser: string;
    orderIds: string[];
    cartId: string | null;
    password?: string;
  }>;
}

/** `<add-customer-wizard>`: mounted while connected. */
export interface AddCustomerWizardElement extends HTMLElement {
  /** Options beyond the attributes: prefill, theme, getAccessToken. */
  options: MountOptions;
  addEventListener<K extends keyof AddCustomerEventMap>(
    type: K,
    listener: (this: AddCustomerWizardElement, event: AddCustomerEventMap[K]) => void,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'add-customer-wizard': AddCustomerWizardElement;
  }
  interface HTMLElementEventMap extends AddCustomerEventMap {}
}
