// The demo page's pre-rendered first page (index.html: Account info as static HTML in each
// [data-add-customer] element's declarative shadow root) is the wizard as it starts on this page
// with no URL parameters and nothing kept in the tab, in the page's language. Anything else starts
// it elsewhere: another language or endpoint (?lang=, ?api= and the others), the step of a draft
// or of a submission kept in sessionStorage. There, this marks the page (<html
// data-prerendered="off">) and demo.css hides the pre-rendered page before the first paint; the
// element's own "Loading…" line shows until the wizard is mounted.
//
// A classic script in the head, so that it has run before anything is painted; an external
// file, so that the page keeps a strict CSP.
(() => {
  let kept = false;
  try {
    kept = Object.keys(sessionStorage).some((key) => key.startsWith('add-customer:'));
  } catch {
    // No storage (blocked): nothing can have been kept either.
  }
  if (kept || location.search.length > 1) document.documentElement.dataset.prerendered = 'off';
})();
