// The partner page's script: loads the wizard from the add-customer origin (?embed=) and puts it
// on the page as ?scenario= says. It records what a host sees: the wizard's events, console
// errors, CSP violations and the page's own listeners.
const query = new URLSearchParams(location.search);
const embed = query.get('embed');
const api = query.get('api');

window.wizardEvents = [];
window.pageErrors = [];
window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
window.addEventListener('error', (event) => window.pageErrors.push(String(event.message)));
const consoleError = console.error;
console.error = (...args) => {
  window.pageErrors.push(args.map(String).join(' '));
  consoleError(...args);
};

for (const name of ['step', 'invalid', 'submit', 'stage', 'done', 'error']) {
  document.addEventListener(`add-customer:${name}`, (event) => {
    window.wizardEvents.push({ type: event.type, detail: event.detail, target: event.target.id });
  });
}

// Listeners on window and document that are still attached, added after this point.
window.liveListeners = 0;
for (const target of [window, document]) {
  const add = target.addEventListener.bind(target);
  const remove = target.removeEventListener.bind(target);
  target.addEventListener = (...args) => {
    window.liveListeners += 1;
    add(...args);
  };
  target.removeEventListener = (...args) => {
    window.liveListeners -= 1;
    remove(...args);
  };
}
const baseline = window.liveListeners;
window.listenersAdded = () => window.liveListeners - baseline;

const wizards = document.getElementById('wizards');
const { mount } = await import(embed);
window.mountWizard = mount;

const element = (id, attributes) => {
  const wizard = document.createElement('add-customer-wizard');
  wizard.id = id;
  for (const [name, value] of Object.entries(attributes)) wizard.setAttribute(name, value);
  wizards.append(wizard);
  return wizard;
};

switch (query.get('scenario')) {
  case 'element':
    element('wizard', { 'api-base': api, locale: 'en', 'partner-domains': 'contoso.com' });
    break;
  case 'two':
    element('first', { 'api-base': api, locale: 'en' });
    element('second', { 'api-base': api, locale: 'ru', 'color-scheme': 'dark' });
    break;
  case 'api': {
    const host = document.createElement('div');
    host.id = 'wizard';
    wizards.append(host);
    window.tokenRequests = [];
    window.wizard = await mount(host, {
      apiBase: api,
      locale: 'en',
      log: true,
      persist: false,
      theme: { '--ac-accent': '#8a1538' },
      // ?priced: the endpoint's price list, which a static host beside it serves.
      priceSheet: query.has('priced') ? `${api}/prices/{market}.csv` : undefined,
      prefill: { companyName: 'Prefilled Trading Ltd', city: 'Redmond' },
      getAccessToken: async ({ forceRefresh }) => {
        window.tokenRequests.push(forceRefresh);
        return forceRefresh ? 'fresh-token' : 'stale-token';
      },
    });
    break;
  }
  default:
    break;
}
window.partnerReady = true;
