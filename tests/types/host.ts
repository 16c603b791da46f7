// A host page's code, type-checked against src/embed.d.ts by the test command (tsc --noEmit):
// what the README shows a host doing must compile, and misuse must not.
import { mount, mountMarked, type LoadErrorDetail, type MountOptions, type WizardHandle } from '../../src/embed.js';

const options: MountOptions = {
  apiBase: 'https://partner.example.com',
  priceSheet: 'https://partner.example.com/prices/{market}.csv',
  locale: 'ru',
  persist: false,
  timeout: 30,
  prefill: { companyName: 'Wingtip Toys', city: 'Redmond' },
  theme: { '--ac-accent': '#c00' },
  getAccessToken: async ({ forceRefresh }) => (forceRefresh ? 'fresh' : 'cached'),
};

async function host(element: HTMLElement): Promise<void> {
  const wizard: WizardHandle = await mount(element, options);
  wizard.update({ locale: 'en' });
  wizard.unmount();
  wizard.unmount();
  await mountMarked();

  const tag = document.createElement('add-customer-wizard');
  tag.options = { prefill: { email: 'gena@wingtiptoys.com' } };
  tag.addEventListener('add-customer:done', (event) => {
    const id: string = event.detail.customerId;
    const orders: string[] = event.detail.orderIds;
    console.log(id, orders);
  });
  tag.addEventListener('add-customer:error', (event) => {
    if (event.detail.stage === 'load') {
      const failure: LoadErrorDetail = event.detail;
      console.log(failure.reason, failure.status);
    } else {
      console.log(event.detail.stage, event.detail.error);
    }
  });
  element.addEventListener('add-customer:step', (event) => console.log(event.detail.step, event.detail.number));
  document.body.append(tag);

  // @ts-expect-error: an unknown option is refused.
  await mount(element, { apiBse: 'https://typo.example.com' });
  // @ts-expect-error: the colour scheme is light or dark.
  wizard.update({ colorScheme: 'blue' });
}

export { host };
