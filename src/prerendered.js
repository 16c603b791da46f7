// The demo page's pre-rendered first page (index.html: Account info as static HTML in each
// [data-add-customer] element's declarative shadow root) is the wizard as it starts on this page
// with no URL parameters and nothing kept in the tab, in the page's language. Anything else starts
// it elsewhere: another language or endpoint (?lang=, ?api= and the others), the step of a draft
// or of a submission kept in sessionStorage. There, this marks the page (<html
// data-prerendered="off">) and demo.css hides the pre-rendered page before the first paint; the
// element's own "Loading…" line shows until the wizard is mounted.
//
// A button pressed on the pre-rendered page (Next, a language, …) is marked (data-pressed) and
// does nothing now, since a form sent now would leave the page; the wizard presses it again when
// it takes the page over (src/ui/embed/prerendered.rs). Clicks cross the shadow root, so one
// listener on the document hears them from the first paint on.
//
// A classic script in the head, so that it has run before anything is painted; an external
// file, so that the page keeps a strict CSP.
document.addEventListener(
  'click',
  (event) => {
    const button = event.composedPath()[0]?.closest?.('[data-prerendered] button');
    if (!button) return;
    event.preventDefault();
    button.getRootNode().querySelectorAll('button[data-pressed]').forEach((pressed) => pressed.removeAttribute('data-pressed'));
    button.setAttribute('data-pressed', '');
  },
  true,
);
(() => {
  let kept = false;
  try {
    kept = Object.keys(sessionStorage).some((key) => key.startsWith('add-customer:'));
  } catch {
    // No storage (blocked): nothing can have been kept either.
  }
  if (kept || location.search.length > 1) document.documentElement.dataset.prerendered = 'off';
})();
