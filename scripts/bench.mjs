// Measures the release build in headless Chromium and writes target/bench/results.{md,json}.
// Run it through scripts/bench.sh, which installs what it needs and builds dist/ first.
//
//   1. Transfer: the initial load's wasm, js and css, raw, gzip -9 and brotli -11; the lazily
//      loaded files (country files, the demo catalog) apart.
//   2. Start: navigation to the Account info page usable (the wizard's add-customer:ready
//      event), at 1× and 4× CPU throttling, median of RUNS cold loads; the same form as static
//      HTML (declarative shadow DOM, no script) is the floor, each app load paired with a floor
//      load; the ratio is the median of the pairs' ratios, with its middle half.
//   3. Typing: 200 keystrokes into fields with live validation, each from its input event to
//      the DOM updated and laid out, p50 and p95.
//   4. Scale: the demo's generated catalog of 1,000, 10,000 and 50,000 offers: Subscriptions
//      rendered, the search filter per keystroke, an offer ticked.
//   5. Memory: JS heap and wasm linear memory after 1, 10 and 50 customers created in one page.
//   6. Price list: a license-based price sheet of 50,000 rows, read while the user types on
//      Account info, at 1× and 4× CPU: the app's own reading time and slices (from its request
//      log), the longest task on the main thread while it loads (PerformanceObserver
//      'longtask'), and the keystrokes' cost meanwhile.
//
//   7. Beside the React wizard (../shared/peers/react-wizard, where it is): the first form field
//      on screen and the page usable, first and repeat visits, at 1× and 4×, loads taken in turn.
//
// BENCH_ONLY=prices (or start, react, typing, scale, memory, network; comma-separated) runs only
// those sections.
// Timings on a shared machine are noisy: they are reported, not asserted.

import { createRequire } from 'node:module';
import { createServer } from 'node:http';
import { readFileSync, writeFileSync, mkdirSync, readdirSync, statSync, existsSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join, extname, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';

// playwright-core lives in the tools folder (scripts/ensure-tools.sh), not in the project.
const { chromium } = createRequire(import.meta.url)(process.env.PLAYWRIGHT_CORE ?? 'playwright-core');
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
/** The JS glue's name in dist/: content-hashed in a release (scripts/hash-names.mjs). */
const glueName = () => readdirSync(DIST).find((name) => /^add-customer(-[0-9a-f]{16})?\.js$/.test(name));
const OUT = join(ROOT, 'target', 'bench');
const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const SCALES = [1000, 10000, 50000];
const WIZARDS = [1, 10, 50];
const BUDGET_KIB = 100;
/** How long after the first visit the repeat visit comes: long enough for the browser to have
 * written its caches (V8 writes a wasm's code cache some time after compiling it). */
const REPEAT_AFTER_MS = Number(process.env.BENCH_REPEAT_AFTER_MS ?? 1500);
/** `rows` lists which of the side-by-side rows to run: `1x,4x,repeat` (all, by default). */
const SIDE_ROWS = (process.env.BENCH_SIDE_ROWS ?? '1x,4x,repeat').split(',');
/** The React + react-hook-form + zod wizard to time beside this one, where it is (a benchmark
 * reference only: without it, the start is measured against the static floor alone). */
const REACT_DIST = process.env.REACT_WIZARD_DIST ?? join(ROOT, '..', 'shared', 'peers', 'react-wizard', 'dist');
const PRICE_ROWS = Number(process.env.BENCH_PRICE_ROWS ?? 50000);
const ONLY = (process.env.BENCH_ONLY ?? '').split(',').map((name) => name.trim()).filter(Boolean);
const runs = (section) => ONLY.length === 0 || ONLY.includes(section);

const TYPES = {
  '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm',
  '.json': 'application/json',
};

// ---------- helpers ----------
const median = (values) => quantile(values, 0.5);
function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}
const ms = (value) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : 'n/a');
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const log = (text) => process.stderr.write(`bench: ${text}\n`);

/** Serves `root` (dist/), and the pages of `extra` by path, on 127.0.0.1, every file cacheable
 * for an hour, as a host's `Cache-Control` makes them for a repeat visit. */
function serve(extra, root = DIST) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    if (extra[path] !== undefined) {
      response.writeHead(200, { 'content-type': path.endsWith('.csv') ? 'text/csv' : 'text/html' });
      return response.end(extra[path]);
    }
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) {
      response.writeHead(404);
      return response.end();
    }
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'max-age=3600',
    });
    response.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// ---------- 1. transfer ----------
function transfer() {
  const rows = readdirSync(DIST)
    .filter((name) => /\.(wasm|js|css)$/.test(name))
    .sort()
    .map((name) => {
      const bytes = readFileSync(join(DIST, name));
      return {
        file: name,
        raw: bytes.length,
        gzip: gzipSync(bytes, { level: 9 }).length,
        brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
      };
    });
  const total = ['raw', 'gzip', 'brotli'].reduce(
    (sum, key) => ({ ...sum, [key]: rows.reduce((s, row) => s + row[key], 0) }),
    { file: 'initial load' },
  );
  const countries = readdirSync(join(DIST, 'countries')).filter((name) => name.endsWith('.json'));
  const gz = countries.map((name) => gzipSync(readFileSync(join(DIST, 'countries', name)), { level: 9 }).length);
  const lazy = {
    files: countries.length,
    us: gz[countries.indexOf('US.json')],
    largest: Math.max(...gz),
    all: gz.reduce((a, b) => a + b, 0),
    demoCatalog: gzipSync(readFileSync(join(DIST, 'products-US.json')), { level: 9 }).length,
  };
  return { rows, total, lazy };
}

// ---------- browser ----------
const ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
  '--enable-precise-memory-info', '--js-flags=--expose-gc',
];

/** A page in a fresh context, its CPU slowed `throttle` times and, given `network`, its network too. */
async function newPage(browser, throttle = 1, network = null) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  if (network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...network });
  }
  // The ready time comes back through a CDP binding: polling the page for it (waitForFunction)
  // would first run Playwright's own script in it, some 30 ms at 4x CPU, inside the interval
  // measured, which the floor's load time does not pay.
  await cdp.send('Runtime.enable');
  await cdp.send('Runtime.addBinding', { name: 'benchReady' });
  await cdp.send('Runtime.addBinding', { name: 'benchField' });
  await context.addInitScript(() => {
    // The first form field on screen: looked for at each frame, in the page and in the
    // wizard's shadow root (hidden until its stylesheet has loaded).
    const look = () => {
      const host = document.querySelector('[data-add-customer], add-customer-wizard');
      const field = document.querySelector('input, select') ?? host?.shadowRoot?.querySelector('input, select');
      if (field && field.getClientRects().length > 0) {
        window.__field = performance.now();
        window.benchField?.(String(window.__field));
        return;
      }
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
    document.addEventListener('add-customer:ready', () => {
      if (window.__ready !== undefined) return;
      window.__ready = performance.now();
      window.benchReady?.(String(window.__ready));
    }, true);
    // Each sample: from an event's timestamp to its bubbling back up to the window, with a forced
    // layout. By then the app's listener on the element has run and, the event being a trusted
    // one, so have the microtasks of its reactive updates: the script and layout cost of the
    // event, without the wait for the next frame.
    window.__samples = { input: [], click: [] };
    window.__record = true;
    for (const type of ['input', 'click']) {
      window.addEventListener(type, (event) => {
        if (!window.__record) return;
        void document.body.offsetHeight;
        window.__samples[type].push(performance.now() - event.timeStamp);
      });
    }
  });
  return { context, page, cdp };
}

/** Loads `url` in `page`: the time from navigation to the first form field on screen, and, for
 * this wizard, to `add-customer:ready` (the page usable). */
async function fieldAndReady(page, cdp, url, ready) {
  const waitFor = (name) => new Promise((resolve) => {
    const called = (event) => {
      if (event.name !== name) return;
      cdp.off('Runtime.bindingCalled', called);
      resolve(Number(event.payload));
    };
    cdp.on('Runtime.bindingCalled', called);
  });
  const field = waitFor('benchField');
  const usable = ready ? waitFor('benchReady') : field;
  await page.goto(url, { waitUntil: 'load' });
  return { field: await field, ready: await usable };
}

/** Loads `url` in `page`: the time from navigation to the wizard usable (`add-customer:ready`). */
async function readyTime(page, cdp, url) {
  const ready = new Promise((resolve) => {
    const called = (event) => {
      if (event.name !== 'benchReady') return;
      cdp.off('Runtime.bindingCalled', called);
      resolve(Number(event.payload));
    };
    cdp.on('Runtime.bindingCalled', called);
  });
  await page.goto(url, { waitUntil: 'load' });
  return ready;
}

// ---------- 2. start ----------
async function staticFloorPage(browser, base) {
  const { context, page } = await newPage(browser);
  await page.goto(`${base}/index.html`);
  await page.waitForFunction(() => window.__ready);
  const markup = await page.evaluate(() => document.querySelector('[data-add-customer]').shadowRoot.innerHTML);
  await context.close();
  const index = readFileSync(join(DIST, 'index.html'), 'utf8')
    .replace(/<script[^>]*><\/script>/g, '')
    .replace(/<link rel="modulepreload"[^>]*>/g, '')
    // Nor does it fetch the wasm: the floor is the form without its program.
    .replace(/<link rel="preload"[^>]*\.wasm"[^>]*>/g, '')
    .replace(/<p class="loading">[\s\S]*?<\/noscript>/, `<template shadowrootmode="open">${markup}</template>`);
  return index;
}

async function startTimes(browser, base, throttle) {
  const app = [];
  const floor = [];
  for (let run = 0; run < RUNS; run += 1) {
    for (const [kind, url] of [['app', `${base}/index.html`], ['floor', `${base}/static-form.html`]]) {
      const { context, page, cdp } = await newPage(browser, throttle);
      if (kind === 'app') {
        app.push(await readyTime(page, cdp, url));
      } else {
        await page.goto(url, { waitUntil: 'load' });
        floor.push(await page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd));
      }
      await context.close();
    }
  }
  // Each app load is paired with the floor load next to it, so that the ratio of a pair is
  // measured under the same machine load; the spread of those ratios shows the noise.
  const ratios = app.map((time, run) => time / floor[run]);
  return {
    app: median(app),
    floor: median(floor),
    ratio: median(ratios),
    ratioP25: quantile(ratios, 0.25),
    ratioP75: quantile(ratios, 0.75),
    runs: RUNS,
  };
}

/**
 * The first field on screen and the page usable, this wizard beside the React wizard and the
 * static floor, loads taken in turn: cold (a fresh browser context each time) and repeat (a
 * context that loaded the page once, its files in the HTTP cache and V8's code cache).
 */
async function sideBySide(browser, base, reactBase, throttle, repeat) {
  const kinds = [['app', `${base}/index.html`, true], ['floor', `${base}/static-form.html`, false]];
  if (reactBase) kinds.push(['react', `${reactBase}/`, false]);
  const times = Object.fromEntries(kinds.map(([kind]) => [kind, { field: [], ready: [] }]));
  for (let run = 0; run < RUNS; run += 1) {
    for (const [kind, url, ready] of kinds) {
      const { context, page, cdp } = await newPage(browser, repeat ? 1 : throttle);
      let measured = page;
      let session = cdp;
      if (repeat) {
        // The first visit fills the caches; the second, in a new tab of the same profile, is measured.
        await page.goto(url, { waitUntil: 'load' });
        await page.waitForTimeout(REPEAT_AFTER_MS);
        measured = await context.newPage();
        session = await context.newCDPSession(measured);
        await session.send('Emulation.setCPUThrottlingRate', { rate: throttle });
        await session.send('Runtime.enable');
        await session.send('Runtime.addBinding', { name: 'benchReady' });
        await session.send('Runtime.addBinding', { name: 'benchField' });
      }
      const time = await fieldAndReady(measured, session, url, ready);
      times[kind].field.push(time.field);
      times[kind].ready.push(time.ready);
      await context.close();
    }
  }
  const summary = (values) => ({ median: median(values), p25: quantile(values, 0.25), p75: quantile(values, 0.75) });
  const result = { throttle: `${throttle}x`, repeat, runs: RUNS };
  for (const [kind] of kinds) result[kind] = { field: summary(times[kind].field), ready: summary(times[kind].ready) };
  if (reactBase) {
    // Each load of this wizard beside the React wizard's next to it, under the same machine load.
    const pairs = (key) => times.app[key].map((time, run) => time / times.react.field[run]);
    result.ratioField = summary(pairs('field'));
    result.ratioReady = summary(pairs('ready'));
  }
  return result;
}

/** A host page with nothing but embed.js and the element: what a partner's page starts from. */
const EMBED_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A partner page</title>
<script type="module" src="./embed.js"></script></head>
<body><h1>A partner page</h1><add-customer-wizard></add-customer-wizard></body></html>`;
/** The network of the slow-network start: round trip and download speed. */
const NETWORK = { latency: 100, downloadThroughput: 5e6, uploadThroughput: 1e6 };

/**
 * The start over a network with round trips (1× CPU): the demo page, whose head asks for the
 * glue, wasm and stylesheet while it is read, against a host page that only loads embed.js,
 * alternately.
 */
async function networkStart(browser, base) {
  const times = { demo: [], embed: [] };
  for (let run = 0; run < RUNS; run += 1) {
    for (const [kind, path] of [['demo', '/index.html'], ['embed', '/embed-page.html']]) {
      const { context, page, cdp } = await newPage(browser, 1, NETWORK);
      times[kind].push(await readyTime(page, cdp, `${base}${path}`));
      await context.close();
    }
  }
  return { demo: median(times.demo), embed: median(times.embed), runs: RUNS, ...NETWORK };
}

// ---------- the wizard ----------
async function fillAccountInfo(page, prefix) {
  await page.selectOption('#country', 'US');
  await page.waitForSelector('#state option[value="WA"]', { state: 'attached' });
  await page.fill('#company-name', 'Wingtip Toys');
  await page.fill('#domain-prefix', prefix);
  await page.fill('#address-line1', 'One Microsoft Way');
  await page.fill('#city', 'Redmond');
  await page.selectOption('#state', 'WA');
  await page.fill('#postal-code', '98052');
  await page.fill('#phone', '425-555-0101');
  await page.fill('#first-name', 'Gena');
  await page.fill('#last-name', 'Soto');
  await page.fill('#email', 'gena@wingtiptoys.com');
  await page.check('#agreement-attested');
  await page.fill('#agreement-date', '2025-01-15');
}

const heading = (page, text) => page.waitForSelector(`h1:text-is("${text}")`);

async function toSubscriptions(page, prefix) {
  await fillAccountInfo(page, prefix);
  await page.getByRole('button', { name: 'Next: Subscriptions' }).click();
  await heading(page, 'Subscriptions');
  await page.waitForSelector('li.offer input[type="checkbox"]');
}

async function chooseFirstOffer(page) {
  const box = page.locator('li.offer input[type="checkbox"]').first();
  await box.check();
  const id = (await box.getAttribute('id')).replace(/^offer-/, '');
  // Its plans and terms load when it is ticked; then it asks for a count, or fixes one.
  const row = page.locator('li.offer', { has: page.locator(`#offer-${id}`) });
  await row.locator(`#quantity-${id}, .offer-fixed`).first().waitFor();
  const quantity = page.locator(`#quantity-${id}`);
  if (await quantity.count()) await quantity.fill('5');
}

async function samples(page, type) {
  return page.evaluate((kind) => window.__samples[kind].splice(0), type);
}

// ---------- 3. typing ----------
async function typing(browser, base) {
  const { context, page } = await newPage(browser);
  await page.goto(`${base}/index.html`);
  await page.waitForFunction(() => window.__ready);
  await page.selectOption('#country', 'US');
  await page.waitForSelector('#state option[value="WA"]', { state: 'attached' });
  // Errors show once Next was pressed; from then on every keystroke re-validates its field.
  await page.getByRole('button', { name: 'Next: Subscriptions' }).click();
  await page.waitForSelector('.error-summary');
  await samples(page, 'input');
  await samples(page, 'click');
  const texts = [
    ['#company-name', 'Wingtip Toys International Holdings'],
    ['#domain-prefix', 'wingtiptoysinternational'],
    ['#address-line1', 'One Microsoft Way, Building 92'],
    ['#city', 'Redmond'],
    ['#postal-code', '98052-6399'],
    ['#phone', '+1 (425) 555-0101'],
    ['#first-name', 'Gena'],
    ['#last-name', 'Soto-Ramirez'],
    ['#email', 'gena.soto-ramirez@wingtiptoys.com'],
  ];
  let typed = 0;
  while (typed < 200) {
    for (const [selector, text] of texts) {
      const rest = Math.min(text.length, 200 - typed);
      if (rest <= 0) break;
      await page.fill(selector, '');
      await page.focus(selector);
      await page.keyboard.type(text.slice(0, rest));
      typed += rest;
    }
  }
  const values = (await samples(page, 'input')).slice(-200);
  await context.close();
  return { keystrokes: values.length, p50: quantile(values, 0.5), p95: quantile(values, 0.95) };
}

// ---------- 4. scale ----------
async function scale(browser, base, count) {
  const { context, page } = await newPage(browser);
  await page.goto(`${base}/index.html?demo-offers=${count}`);
  await page.waitForFunction(() => window.__ready);
  await toSubscriptions(page, `scale${count}`);
  const rows = await page.locator('li.offer').count();
  await chooseFirstOffer(page);
  // Render: from Review's "Update subscriptions" to the list rendered and laid out.
  const renders = [];
  for (let run = 0; run < 5; run += 1) {
    await page.getByRole('button', { name: 'Next: Review' }).click();
    await heading(page, 'Review');
    await samples(page, 'click');
    await page.getByRole('button', { name: /^Update\s*subscriptions/ }).first().click();
    await page.waitForSelector('li.offer');
    await page.waitForTimeout(50);
    renders.push(...(await samples(page, 'click')));
  }
  // Filter: each keystroke into the search box, over the whole catalog.
  await samples(page, 'input');
  for (let round = 0; round < 3; round += 1) {
    await page.fill('#offer-search', '');
    await page.focus('#offer-search');
    await page.keyboard.type('northwind secure plus');
  }
  await page.waitForTimeout(50);
  const filter = await samples(page, 'input');
  await page.fill('#offer-search', '');
  // Toggle: ticking and unticking the second offer shown.
  await page.waitForTimeout(50);
  await samples(page, 'click');
  const second = page.locator('li.offer input[type="checkbox"]').nth(1);
  for (let run = 0; run < 10; run += 1) await second.click();
  await page.waitForTimeout(50);
  const toggles = await samples(page, 'click');
  await context.close();
  return {
    offers: count,
    rows,
    render: median(renders),
    filterP50: quantile(filter, 0.5),
    filterP95: quantile(filter, 0.95),
    toggleP50: quantile(toggles, 0.5),
    toggleP95: quantile(toggles, 0.95),
  };
}

// ---------- 5. memory ----------
// Driven from inside the page with untrusted events: Chromium keeps the form controls that got
// trusted input (from the DevTools protocol) alive after they are removed, which would count
// the automation's memory, not the app's.
async function wizardInPage(page, prefix) {
  await page.evaluate(async (prefix) => {
    const root = document.querySelector('[data-add-customer]').shadowRoot;
    const until = async (test) => {
      for (let waited = 0; !test(); waited += 10) {
        if (waited > 10000) throw new Error(`timed out at ${root.querySelector('h1')?.textContent}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    const heading = (text) => until(() => root.querySelector('h1')?.textContent.trim() === text);
    const press = (name) => [...root.querySelectorAll('button')].find((b) => b.textContent.trim() === name).click();
    const set = (id, value) => {
      const element = root.getElementById(id);
      element.value = value;
      element.dispatchEvent(new Event(element.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
    };
    set('country', 'US');
    await until(() => root.querySelector('#state option[value="WA"]'));
    for (const [id, value] of [
      ['company-name', 'Wingtip Toys'], ['domain-prefix', prefix], ['address-line1', 'One Microsoft Way'],
      ['city', 'Redmond'], ['state', 'WA'], ['postal-code', '98052'], ['phone', '425-555-0101'],
      ['first-name', 'Gena'], ['last-name', 'Soto'], ['email', 'gena@wingtiptoys.com'], ['agreement-date', '2025-01-15'],
    ]) set(id, value);
    root.getElementById('agreement-attested').click();
    press('Next: Subscriptions');
    await heading('Subscriptions');
    await until(() => root.querySelector('li.offer input[type="checkbox"]'));
    const box = root.querySelector('li.offer input[type="checkbox"]');
    box.click();
    await until(() => root.getElementById(`quantity-${box.id.replace(/^offer-/, '')}`));
    set(`quantity-${box.id.replace(/^offer-/, '')}`, '5');
    press('Next: Review');
    await heading('Review');
    press('Submit');
    await heading('Customer created');
    press('Done');
    await heading('Account info');
  }, prefix);
}

async function memory(browser, base) {
  const { context, page, cdp } = await newPage(browser);
  await page.goto(`${base}/index.html`);
  await page.waitForFunction(() => window.__ready);
  await page.evaluate(() => { window.__record = false; });
  const points = [];
  let done = 0;
  for (const target of WIZARDS) {
    while (done < target) {
      await wizardInPage(page, `memory${done}`);
      done += 1;
    }
    await cdp.send('HeapProfiler.collectGarbage');
    await page.waitForTimeout(200);
    await cdp.send('HeapProfiler.collectGarbage');
    const measured = await page.evaluate(async (glueFile) => {
      const glue = await import(`./${glueFile}`);
      const wasm = await glue.default();
      return { heap: performance.memory.usedJSHeapSize, wasm: wasm.memory.buffer.byteLength };
    }, glueName());
    points.push({ wizards: target, ...measured });
    log(`memory after ${target} wizards: heap ${kib(measured.heap)}, wasm ${kib(measured.wasm)}`);
  }
  await context.close();
  return points;
}

// ---------- 6. price list ----------
/** A license-based price sheet of `rows` rows: the demo catalog's own (dist/prices-US.csv), then
 * made-up products of the US market in effect, as a real sheet's tens of thousands of rows. */
function bigPriceSheet(rows) {
  const lines = readFileSync(join(DIST, 'prices-US.csv'), 'utf8').trimEnd().split(/\r?\n/);
  for (let n = lines.length - 1; n < rows; n += 1) {
    const price = ((n % 997) + 0.5).toFixed(2);
    lines.push(`Contoso Product ${n},CFQ7TTC${String(n).padStart(5, '0')},0001,Contoso Product ${n} Standard,Contoso,`
      + `"A made-up product, for the benchmark",Licenses,P1Y,Monthly,US,USD,${price},,,2026-01-01T00:00:00Z,`
      + `9999-12-31T00:00:00Z,,${price}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The price sheet read while the user types: the app's reading time and slices, the longest
 * main-thread task meanwhile, the keystrokes' cost meanwhile. Without `sheet`, the same steps
 * with no price list: what choosing the country and typing cost by themselves. */
async function priceList(browser, base, throttle, sheet = true) {
  const readings = [];
  for (let run = 0; run < 5; run += 1) {
    const { context, page } = await newPage(browser, throttle);
    await page.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    const url = encodeURIComponent(`${base}/bench-prices.csv`);
    // Without a sheet, a URL on a server that never answers: the demo's own list stays out.
    await page.goto(`${base}/index.html?price-sheet=${sheet ? url : 'http://127.0.0.1:9/none.csv'}&log`);
    await page.waitForFunction(() => window.__ready);
    await page.evaluate(() => { window.__longTasks = []; });
    await samples(page, 'input');
    // Choosing the country starts the price list's fetch; the user goes on typing meanwhile.
    await page.selectOption('#country', 'US');
    await page.focus('#company-name');
    const entry = page.locator('pre.log-text', { hasText: sheet ? 'slices, the longest' : 'no answer' }).first();
    let typed = 0;
    while ((!(await entry.count()) || typed < 80) && typed < 400) {
      await page.keyboard.type('Wingtip ');
      typed += 8;
    }
    await entry.waitFor({ state: 'attached', timeout: 120000 });
    const text = sheet ? await entry.textContent() : '';
    const match = /: (\d+) rows, (\d+) in effect.*read in (\d+) ms, (\d+) slices, the longest (\d+) ms/.exec(text);
    const typing = await samples(page, 'input');
    const longTasks = await page.evaluate(() => window.__longTasks);
    readings.push({
      rows: Number(match?.[1]),
      kept: Number(match?.[2]),
      read: Number(match?.[3]),
      slices: Number(match?.[4]),
      longestSlice: Number(match?.[5]),
      longestTask: Math.max(0, ...longTasks),
      typingP95: quantile(typing, 0.95),
      keystrokes: typing.length,
    });
    await context.close();
  }
  const pick = (key) => median(readings.map((reading) => reading[key]));
  return {
    throttle: `${throttle}x`,
    sheet,
    runs: readings.length,
    rows: readings[0].rows,
    kept: readings[0].kept,
    read: pick('read'),
    readMax: Math.max(...readings.map((reading) => reading.read)),
    slices: pick('slices'),
    longestSlice: Math.max(...readings.map((reading) => reading.longestSlice)),
    longestTask: Math.max(...readings.map((reading) => reading.longestTask)),
    typingP95: pick('typingP95'),
    keystrokes: pick('keystrokes'),
  };
}

// ---------- report ----------
function machine() {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} × ${cpu.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}`;
}

function sideBySideMarkdown(rows) {
  const react = rows[0].react !== undefined;
  const lines = [`**Beside the React wizard** (React 19 + react-hook-form + zod, \`../shared/peers/react-wizard\`; first form field on screen and, for this wizard, \`add-customer:ready\`; median of ${rows[0].runs} loads taken in turn, with the middle half; "repeat": a second visit in the same profile, files from the HTTP cache)`, ''];
  lines.push('| visit | CPU | this wizard: field | this wizard: ready | React wizard | static floor | ratio field (goal ≤ 1.0) | ratio ready (goal ≤ 1.0) |', '|---|---|---:|---:|---:|---:|---:|---:|');
  const spread = (s) => `${ms(s.median)} (${s.p25.toFixed(0)}–${s.p75.toFixed(0)})`;
  const ratio = (s) => (s ? `${s.median.toFixed(2)} (${s.p25.toFixed(2)}–${s.p75.toFixed(2)})` : 'n/a');
  for (const row of rows) {
    lines.push(`| ${row.repeat ? 'repeat' : 'first'} | ${row.throttle} | ${spread(row.app.field)} | ${spread(row.app.ready)} | ${react ? spread(row.react.field) : 'n/a'} | ${spread(row.floor.field)} | ${ratio(row.ratioField)} | ${ratio(row.ratioReady)} |`);
  }
  return lines.join('\n');
}

function priceMarkdown(prices) {
  const read = prices.find((row) => row.sheet);
  const lines = [`**Price list** (a license-based price sheet of ${read.rows.toLocaleString('en')} rows, ${read.kept.toLocaleString('en')} of them in effect for the US, read while typing on Account info; median of ${read.runs}, the longest over all runs; "none": the same steps without a price list)`, ''];
  lines.push('| CPU | price list | read (budget ≤ 300 ms at 1×) | slowest run | slices | longest slice | longest main-thread task | typing p95 meanwhile |', '|---|---|---:|---:|---:|---:|---:|---:|');
  for (const row of prices) {
    const list = row.sheet ? `${row.rows.toLocaleString('en')} rows` : 'none';
    const reading = row.sheet ? [ms(row.read), ms(row.readMax), row.slices, ms(row.longestSlice)] : ['', '', '', ''];
    lines.push(`| ${row.throttle} | ${list} | ${reading.join(' | ')} | ${ms(row.longestTask)} | ${ms(row.typingP95)} |`);
  }
  return lines.join('\n');
}

function markdown(result) {
  const { transfer: t, start, typing: k, scale: s, memory: m } = result;
  const lines = [];
  lines.push(`Measured ${result.date} on ${result.machine}, ${result.browser}.`, '');
  if (!start || !k || !s || !m) {
    // A partial run (BENCH_ONLY): what was measured.
    if (result.sideBySide) lines.push(sideBySideMarkdown(result.sideBySide), '');
    if (result.prices) lines.push(priceMarkdown(result.prices));
    return lines.join('\n');
  }
  lines.push(`**Transfer** (initial load; the budget is gzip ≤ ${result.budgetKiB} KiB)`, '');
  lines.push('| file | raw | gzip | brotli |', '|---|---:|---:|---:|');
  for (const row of [...t.rows, t.total]) {
    lines.push(`| ${row.file} | ${kib(row.raw)} | ${kib(row.gzip)} | ${kib(row.brotli)} |`);
  }
  lines.push('', `Lazily loaded: ${t.lazy.files} country files, one at a time (US ${t.lazy.us} B gzipped, the largest ${t.lazy.largest} B); the demo back end's recorded catalog, products-US.json (${t.lazy.demoCatalog} B gzipped), when a country is first chosen.`, '');
  lines.push(`**Start** (navigation to Account info usable, median of ${start['1x'].runs} cold loads, each paired with a load of the floor)`, '');
  lines.push('| CPU | app | static HTML floor | ratio (budget ≤ 1.5 at 4×) | ratio, middle half of the pairs |', '|---|---:|---:|---:|---:|');
  for (const rate of ['1x', '4x']) {
    const row = start[rate];
    lines.push(`| ${rate} | ${ms(row.app)} | ${ms(row.floor)} | ${row.ratio.toFixed(2)} | ${row.ratioP25.toFixed(2)} to ${row.ratioP75.toFixed(2)} |`);
  }
  const n = result.networkStart;
  lines.push('', `**Start over a slow network** (${n.latency} ms round trips, ${n.downloadThroughput / 1e6} MB/s, 1× CPU, median of ${n.runs}): the demo page, which asks for the glue, wasm and stylesheet in its head, ${ms(n.demo)}; a host page with only embed.js and the element, ${ms(n.embed)}`);
  lines.push('', `**Typing** (${k.keystrokes} keystrokes with live validation, input event to DOM laid out): p50 ${ms(k.p50)}, p95 ${ms(k.p95)} (budget p95 ≤ 4 ms)`, '');
  lines.push(`**Scale** (demo catalog; Subscriptions shows ${s[0].rows} offers at a time)`, '');
  lines.push('| offers | render Subscriptions | filter p50 | filter p95 (budget ≤ 16 ms at 10,000) | toggle p50 | toggle p95 |', '|---:|---:|---:|---:|---:|---:|');
  for (const row of s) {
    lines.push(`| ${row.offers.toLocaleString('en')} | ${ms(row.render)} | ${ms(row.filterP50)} | ${ms(row.filterP95)} | ${ms(row.toggleP50)} | ${ms(row.toggleP95)} |`);
  }
  lines.push('', '**Memory** (after N customers created in one page, after garbage collection)', '');
  lines.push('| wizards | JS heap | wasm memory |', '|---:|---:|---:|');
  for (const row of m) lines.push(`| ${row.wizards} | ${kib(row.heap)} | ${kib(row.wasm)} |`);
  const ten = m.find((row) => row.wizards === 10);
  const fifty = m.find((row) => row.wizards === 50);
  const growth = (fifty.heap + fifty.wasm) / (ten.heap + ten.wasm);
  lines.push('', `After 50 wizards, heap + wasm is ${growth.toFixed(2)}× that after 10 (budget ≤ 1.1).`);
  if (result.sideBySide) lines.push('', sideBySideMarkdown(result.sideBySide));
  if (result.prices) lines.push('', priceMarkdown(result.prices));
  return lines.join('\n');
}

// ---------- main ----------
const sizes = transfer();
const pages = {};
const server = await serve(pages);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS });
try {
  let start;
  if (runs('start')) {
    log('capturing the static floor page');
    pages['/static-form.html'] = await staticFloorPage(browser, base);
    log(`start, ${RUNS} runs at 1× and 4×`);
    start = { '1x': await startTimes(browser, base, 1), '4x': await startTimes(browser, base, 4) };
  }
  let compared;
  if (runs('react')) {
    if (!pages['/static-form.html']) pages['/static-form.html'] = await staticFloorPage(browser, base);
    const reactServer = existsSync(join(REACT_DIST, 'index.html')) ? await serve({}, REACT_DIST) : null;
    const reactBase = reactServer ? `http://127.0.0.1:${reactServer.address().port}` : null;
    log(`beside the React wizard${reactBase ? '' : ' (not found: the floor alone)'}, ${RUNS} runs, first and repeat visits`);
    compared = [];
    const rows = [[1, false, '1x'], [4, false, '4x'], [4, true, 'repeat']].filter(([, , name]) => SIDE_ROWS.includes(name));
    for (const [throttle, repeat] of rows) {
      compared.push(await sideBySide(browser, base, reactBase, throttle, repeat));
    }
    reactServer?.close();
  }
  let networked;
  if (runs('network')) {
    log('start over a slow network');
    pages['/embed-page.html'] = EMBED_PAGE;
    networked = await networkStart(browser, base);
  }
  let typed;
  if (runs('typing')) {
    log('typing');
    typed = await typing(browser, base);
  }
  let scaled;
  if (runs('scale')) {
    scaled = [];
    for (const count of SCALES) {
      log(`scale: ${count} offers`);
      scaled.push(await scale(browser, base, count));
    }
  }
  let memoryPoints;
  if (runs('memory')) {
    log('memory');
    memoryPoints = await memory(browser, base);
  }
  let prices;
  if (runs('prices')) {
    log(`price list: ${PRICE_ROWS} rows at 1× and 4×`);
    pages['/bench-prices.csv'] = bigPriceSheet(PRICE_ROWS);
    prices = [];
    for (const throttle of [1, 4]) {
      prices.push(await priceList(browser, base, throttle, false), await priceList(browser, base, throttle, true));
    }
  }
  const result = {
    date: new Date().toISOString().slice(0, 10),
    machine: machine(),
    browser: `Chromium ${browser.version()}`,
    transfer: sizes,
    start,
    networkStart: networked,
    typing: typed,
    scale: scaled,
    memory: memoryPoints,
    prices,
    sideBySide: compared,
    budgetKiB: BUDGET_KIB,
  };
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'results.json'), `${JSON.stringify(result, null, 2)}\n`);
  const text = markdown(result);
  writeFileSync(join(OUT, 'results.md'), `${text}\n`);
  process.stdout.write(`${text}\n`);
} finally {
  await browser.close();
  server.close();
}
