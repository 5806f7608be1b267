/**
 * The one script a housing company pastes. It stays tiny: it only watches the page for Mieterportal
 * elements and imports an element's code the first time its tag appears.
 */
import type { LoaderState } from './internal/loader-state.ts';

// The same key as `loaderStateKey`, spelled out: importing it would make every element chunk import the loader.
const loaderStateKey = Symbol.for('mieterportal.loader');

const elements: Record<string, () => Promise<unknown>> = {
  'tenant-portal': () => import('./tenant-portal/tenant-portal.ts'),
  'staff-portal': () => import('./staff-portal/staff-portal.ts'),
  'damage-report-form': () => import('./damage-report-form/damage-report-form.ts'),
  'case-board': () => import('./case-board/case-board.ts'),
  'tenant-chat': () => import('./tenant-chat/tenant-chat.ts'),
  'viewing-booking': () => import('./viewing-booking/viewing-booking.ts'),
  'credit-check-consent': () => import('./credit-check-consent/credit-check-consent.ts'),
  'lead-credit-check': () => import('./lead-credit-check/lead-credit-check.ts'),
  'contractor-answer': () => import('./contractor-answer/contractor-answer.ts'),
};

const page = globalThis as { [loaderStateKey]?: LoaderState };

// Pasted twice (or once per CMS block): only the first copy does anything.
if (!page[loaderStateKey]) {
  page[loaderStateKey] = { apiBase: new URL(import.meta.url).origin };

  const requested = new Set<string>();
  const loadPresentElements = (root: Document | Element) => {
    for (const [tag, load] of Object.entries(elements)) {
      if (requested.has(tag) || customElements.get(tag)) continue;
      if (!(root instanceof Element && root.matches(tag)) && !root.querySelector(tag)) continue;
      requested.add(tag);
      load().catch((error: unknown) => {
        requested.delete(tag);
        console.error(`Mieterportal: <${tag}> could not be loaded`, error);
      });
    }
  };

  // `<iframe data-mp-autosize src="…portal page…">`: the iframe grows with the portal inside (frame/frame-host.ts).
  const sizeFrames = (root: Document | Element) => {
    const selector = 'iframe[data-mp-autosize]';
    if ((root instanceof Element && root.matches(selector)) || root.querySelector(selector))
      import('./frame/frame-host.ts').then(
        (frames) => frames.autosizeFrames(root),
        () => {},
      );
  };

  loadPresentElements(document);
  sizeFrames(document);
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      for (const node of mutation.addedNodes) {
        if (node instanceof Element) {
          loadPresentElements(node);
          sizeFrames(node);
        }
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });

  // The portal's own page inside such an iframe tells the framing page its height (frame/frame-child.ts).
  if (window.parent !== window)
    import('./frame/frame-child.ts').then(
      (frame) => frame.startFrameChild(),
      () => {},
    );
}
