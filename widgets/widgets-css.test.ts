import { expect, waitUntil } from '@open-wc/testing';
import { FakeBff } from './testing/fake-bff.ts';

/** Waits for the portal's first real content: the sign-in form. */
const signInShown = (portal: Element) =>
  waitUntil(() => portal.shadowRoot?.querySelector('mp-sign-in-flow')?.shadowRoot?.querySelector('form'), 'sign-in form shown', {
    timeout: 15000,
  });

describe('widgets.css', function () {
  // The portals' code is imported (and transformed) for the first time in this test.
  this.timeout(20000);

  before(async () => {
    const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: new URL('./widgets.css', import.meta.url).href });
    const loaded = new Promise((resolve) => link.addEventListener('load', resolve));
    document.head.append(link);
    await loaded;
  });

  it('keeps the room of the portals from before their code loads to the sign-in form, so the page below does not jump', async () => {
    const page = document.createElement('main');
    page.style.width = '412px';
    page.innerHTML = `
      <tenant-portal tenant="wohnbau-nord"></tenant-portal>
      <staff-portal tenant="wohnbau-nord" style="--mp-font-size: 20px"></staff-portal>
      <p>Fußzeile der Hausverwaltung</p>`;
    document.body.append(page);
    const [resident, staff] = [page.querySelector('tenant-portal')!, page.querySelector('staff-portal')!];
    const footer = page.querySelector('p')!;
    const before = { resident: resident.getBoundingClientRect().height, staff: staff.getBoundingClientRect().height };
    const footerTop = footer.getBoundingClientRect().top;
    expect(customElements.get('tenant-portal')).to.equal(undefined, 'not defined yet');
    expect(before).to.deep.equal({ resident: 27 * 16, staff: 27 * 20 });

    // The portals' default client talks to the page's origin: the fake BFF answers there.
    const pageFetch = window.fetch;
    window.fetch = new FakeBff().fetch;
    try {
      await Promise.all([import('./tenant-portal/tenant-portal.ts'), import('./staff-portal/staff-portal.ts')]);
      await Promise.all([signInShown(resident), signInShown(staff)]);
    } finally {
      window.fetch = pageFetch;
    }
    expect({ resident: resident.getBoundingClientRect().height, staff: staff.getBoundingClientRect().height }).to.deep.equal(before);
    expect(footer.getBoundingClientRect().top).to.equal(footerTop);
    page.remove();
  });
});
