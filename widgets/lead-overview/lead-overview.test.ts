import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { FakeBff } from '../testing/fake-bff.ts';
import { emptyLeadOverview, FakeListings, type FakeListingsOptions } from '../testing/fake-listings.ts';
import { deepText, findButton, press } from '../testing/e2e-session.ts';
import type { LeadOverviewElement } from './lead-overview.ts';
import './lead-overview.ts';

async function open(options: FakeListingsOptions = {}, lang = 'de') {
  const fake = new FakeListings(options);
  const bff = new FakeBff({
    session: {
      state: 'signed_in',
      user: { role: 'clerk', displayName: 'Clara Kaiser', tenant: { slug: 'wohnbau-nord', name: 'Wohnbau Nord eG' } },
    },
    routes: fake.routes,
  });
  const el = await fixture<LeadOverviewElement>(html`<lead-overview lang=${lang} .client=${bff.client()}></lead-overview>`);
  return { fake, bff, el };
}

const text = (el: Element) => deepText(el);
const shows = (el: Element, what: string, timeout = 3000) => waitUntil(() => text(el).includes(what), `shows “${what}”`, { timeout });
/** Each table's rows as their cells' text. */
const rows = (el: LeadOverviewElement, id: string) =>
  [...el.shadowRoot!.querySelectorAll(`table[aria-labelledby="${id}-heading"] tbody tr`)].map((row) =>
    [...row.querySelectorAll('th, td')].map((cell) => deepText(cell)),
  );

describe('<lead-overview>', () => {
  it('shows leads per stage with time in stage, per listing and per source, as tables', async () => {
    const { el } = await open();
    await shows(el, '47 Interessenten insgesamt');
    expect(text(el)).to.contain('Letzte 24 Stunden: 9 neue Interessenten, 4 Verschiebungen.');
    expect(text(el)).to.contain('Stand: 16.03.2026, 08:30');
    expect(rows(el, 'stages')).to.deep.equal([
      ['Nicht zugeordnet', '3', '6 %', '10 Stunden', '2,1 Tage'],
      ['Offen', '21', '45 %', '1,5 Tage', '4 Tage'],
      ['Kontaktiert', '11', '23 %', '2,2 Tage', '6,5 Tage'],
      ['Besichtigt', '4', '9 %', '1 Tag', '3 Tage'],
      ['Akzeptiert', '1', '2 %', '2 Stunden', '2 Stunden'],
      ['Abgelehnt', '7', '15 %', '3,4 Tage', '12 Tage'],
    ]);
    expect(rows(el, 'listings')).to.deep.equal([
      ['2-Zimmer-Wohnung, Lindenallee 12, 2. OG links', '28', '22', ''],
      ['3-Zimmer-Wohnung mit Balkon, Hafenstraße 3 (vermietet)', '16', '14', ''],
      ['Nicht zugeordnet (ohne Inserat)', '3', '3', ''],
    ]);
    expect(rows(el, 'sources')).to.deep.equal([
      ['ImmoScout24', '28', '60 %'],
      ['Immowelt', '14', '30 %'],
      ['OpenImmo (Ordner)', '5', '11 %'],
    ]);
    await expect(el).to.be.accessible();
  });

  it('says so when there are no leads yet', async () => {
    const { el } = await open({ overview: emptyLeadOverview() });
    await shows(el, 'Noch keine Interessenten.');
    expect(el.shadowRoot!.querySelector('table')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows a failed load in German with a retry', async () => {
    const { el, fake } = await open({ failing: ['overview'] });
    await shows(el, 'Die Übersicht konnte nicht geladen werden.');
    fake.failing.clear();
    await press(el, 'Erneut versuchen');
    await shows(el, '47 Interessenten insgesamt');
  });

  it('reloads on request, keeping the figures on screen while busy; a failed reload keeps them too', async () => {
    const { el, fake, bff } = await open({ latency: 150 });
    await shows(el, '47 Interessenten insgesamt');
    fake.overview = { ...fake.overview, total: 48, last24Hours: { newLeads: 10, moves: 4 } };
    await press(el, 'Neu laden');
    await el.updateComplete;
    const section = el.shadowRoot!.querySelector('[part="base"]')!;
    expect(section.getAttribute('aria-busy')).to.equal('true');
    expect(findButton(el, 'Wird neu geladen …')).to.exist;
    expect(text(el), 'old figures stay while busy').to.contain('47 Interessenten insgesamt');
    await shows(el, '48 Interessenten insgesamt');
    expect(section.getAttribute('aria-busy')).to.equal('false');
    expect(bff.calls.filter((call) => call === 'GET /api/staff/leads/overview')).to.have.length(2);

    fake.failing.add('overview');
    await press(el, 'Neu laden');
    await shows(el, 'Die Übersicht konnte nicht geladen werden.');
    expect(text(el)).to.contain('48 Interessenten insgesamt');
  });

  it('speaks English for English staff', async () => {
    const { el } = await open({}, 'en');
    await shows(el, '47 prospective tenants in total');
    expect(text(el)).to.contain('Per stage');
  });
});
