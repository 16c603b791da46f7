// The demo page's pre-rendered first page, on every build (run by post-build.mjs before the
// names are hashed): the marker comment in index.html's [data-add-customer] element becomes a
// declarative shadow root holding the wizard's stylesheet and Account info as the wizard first
// draws it, from src/ui/pages/account_info/prerendered.html. The browser paints it as soon as the
// page and the stylesheet are in, before the wasm has been compiled; the wizard takes it over
// when it mounts (src/ui/embed/prerendered.rs). The end-to-end test `prerendered.rs` checks that
// the file is what the wizard draws, and writes the new one when it is not.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The comment in index.html that the pre-rendered page replaces. */
const MARKER = '<!-- the pre-rendered first page (scripts/prerender.mjs) -->';
/** The page, relative to the project's root. */
const PAGE = 'src/ui/pages/account_info/prerendered.html';

/**
 * Puts the pre-rendered page into `dir`'s index.html; answers its size in bytes. The page's root
 * stays `hidden` until the stylesheet applies (main.css shows it), so that it is never seen
 * unstyled: a stylesheet in a shadow root does not hold the first paint back.
 */
export function insertPrerendered(dir, root) {
  const page = readFileSync(join(root, PAGE), 'utf8').trim();
  const path = join(dir, 'index.html');
  const html = readFileSync(path, 'utf8');
  if (!html.includes(MARKER)) throw new Error(`prerender: index.html has no ${MARKER}`);
  const template =
    '<template shadowrootmode="open">' +
    '<link rel="stylesheet" href="./main.css" data-prerendered />' +
    // The element's own content ("Loading…"), until the stylesheet applies and hides it.
    '<slot data-prerendered part="prerendered-loading"></slot>' +
    `<div class="mount" data-prerendered part="prerendered" hidden>${page}</div>` +
    '</template>';
  writeFileSync(path, html.replace(MARKER, template));
  return template.length;
}
