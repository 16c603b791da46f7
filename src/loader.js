// The demo page's loader: an external module (not Trunk's inline loader), so that the page runs
// under a strict CSP, mounting the page's [data-add-customer] element through embed.js.
import { mountMarked } from './embed.js';

await mountMarked();
