// The demo page's loader: an external module (not Trunk's inline loader), so that the page runs
// under a strict CSP, mounting the page's [data-add-customer] element through embed.js. The page
// runs it async: as soon as it is in, while the page is still read and its pre-rendered first
// page painted, so that the app's files are fetched and compiled meanwhile.
import { mountMarked } from './embed.js';

// A failed load is reported on the element (a message inside, an add-customer:error event).
await mountMarked().catch(() => {});
