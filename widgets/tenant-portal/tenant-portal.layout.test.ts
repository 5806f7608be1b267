import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { FakeBff } from '../testing/fake-bff.ts';
import { FakeCaseFiling } from '../testing/fake-case-filing.ts';
import { FakeResidentCases, sampleCases } from '../testing/fake-resident-cases.ts';
import type { TenantPortal } from './tenant-portal.ts';
import './tenant-portal.ts';

const until: typeof waitUntil = (predicate, message, options = {}) => waitUntil(predicate, message, { timeout: 5000, ...options });

const user = { role: 'resident' as const, displayName: 'Anna Müller', tenant: { slug: 'wohnbau-nord', name: 'Wohnbau Nord eG' } };

/** Every element in the portal and the views inside it whose box reaches past the window's right edge. */
function overflowing(root: ShadowRoot): string[] {
  const edge = document.documentElement.clientWidth;
  const found: string[] = [];
  const walk = (current: ShadowRoot) => {
    for (const node of current.querySelectorAll<HTMLElement>('*')) {
      const box = node.getBoundingClientRect();
      if (box.width && box.right > edge + 0.5) found.push(`${node.localName}.${node.className}: ${node.textContent.trim().slice(0, 40)}`);
      if (node.shadowRoot) walk(node.shadowRoot);
    }
  };
  walk(root);
  return found;
}

/** Long German compounds, as residents and housing companies write them. */
const longCases = sampleCases().map((item, index) =>
  index === 0 ? { ...item, title: 'Schadensmeldungsübersicht Treppenhausbeleuchtungsinstandsetzung' } : item,
);

describe('<tenant-portal> with long German words', function () {
  this.timeout(20_000);

  for (const width of [320, 1280]) {
    it(`fits the request-type cards, a case and a document at ${width} px without sideways scrolling`, async () => {
      await setViewport({ width, height: 800 });
      const resident = new FakeResidentCases({ cases: longCases, long: true });
      const bff = new FakeBff({ session: { state: 'signed_in', user }, routes: [...resident.routes, ...new FakeCaseFiling().routes] });
      const el = await fixture<TenantPortal>(html`<tenant-portal tenant="wohnbau-nord" lang="de" .client=${bff.client()}></tenant-portal>`);
      const root = el.shadowRoot!;
      const list = () => root.querySelector('mp-case-list');
      await until(() => list()?.shadowRoot?.querySelector('button.open'), 'case list shown');
      expect(overflowing(root)).to.deep.equal([]);

      [...root.querySelectorAll<HTMLButtonElement>('nav button')].find((button) => button.textContent.includes('Neues Anliegen'))!.click();
      await until(() => root.querySelector('button.type'), 'type cards shown');
      const cards = [...root.querySelectorAll<HTMLElement>('button.type')];
      expect(cards.map((card) => card.textContent.replace(/\s+/g, ' ').trim())).to.have.length(4);
      expect(overflowing(root)).to.deep.equal([]);
      // Side by side when there is room, one below the other on a phone.
      const tops = new Set(cards.map((card) => Math.round(card.getBoundingClientRect().top)));
      expect(tops.size).to.equal(width === 320 ? 4 : 2);
      for (const card of cards) expect(card.scrollWidth).to.be.at.most(card.clientWidth);

      [...root.querySelectorAll<HTMLButtonElement>('nav button')].find((button) => button.textContent.includes('Meine Dokumente'))!.click();
      await until(
        () => root.querySelector('mp-document-inbox')?.shadowRoot?.textContent?.includes('Wohnungsgeberbestätigung'),
        'documents shown',
      );
      expect(overflowing(root)).to.deep.equal([]);
      expect(document.documentElement.scrollWidth).to.be.at.most(width);
      await expect(el).to.be.accessible();
    });
  }
});
