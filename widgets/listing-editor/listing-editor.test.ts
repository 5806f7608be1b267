import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { FakeBff } from '../testing/fake-bff.ts';
import { FakeListings, fakeListingRecords, fakeSlot, fakeUnits, type FakeListingsOptions } from '../testing/fake-listings.ts';
import { deepText, fill, findButton, findField, press, expectFocus } from '../testing/e2e-session.ts';
import { berlinInstant, type ListingEditorElement } from './listing-editor.ts';
import './listing-editor.ts';

async function open(options: FakeListingsOptions = {}, lang = 'de') {
  const fake = new FakeListings(options);
  const bff = new FakeBff({
    session: {
      state: 'signed_in',
      user: { role: 'clerk', displayName: 'Clara Kaiser', tenant: { slug: 'wohnbau-nord', name: 'Wohnbau Nord eG' } },
    },
    routes: fake.routes,
  });
  const el = await fixture<ListingEditorElement>(html`<listing-editor lang=${lang} .client=${bff.client()}></listing-editor>`);
  return { fake, bff, el };
}

const text = (el: Element) => deepText(el);
const shows = (el: Element, what: string, timeout = 3000) =>
  waitUntil(() => text(el).includes(what), `shows “${what}”: ${text(el)}`, { timeout });
const field = (el: Element, label: string) => findField<HTMLInputElement | HTMLSelectElement>(el, label)!;
const description = (control: Element) =>
  (control.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => (control.getRootNode() as ShadowRoot).getElementById(id)?.textContent?.trim())
    .join(' ');
const sent = (bff: FakeBff, method: string) => bff.requests.filter((request) => request.method === method);

async function fillNewListing(el: Element, overrides: Record<string, string> = {}) {
  const values: Record<string, string> = {
    'Wohneinheit *': 'Lindenallee 12, Hamburg – EG rechts',
    'Titel *': '2-Zimmer-Wohnung im Erdgeschoss',
    'Zimmer *': '2,5',
    'Wohnfläche (m²) *': '61,3',
    'Kaltmiete (€ im Monat) *': '720',
    'Nebenkosten (€ im Monat) *': '175,50',
    'Frei ab': '2026-06-01',
    'Provision *': 'provisionsfrei',
    ...overrides,
  };
  for (const [label, value] of Object.entries(values)) await fill(el, label, value);
}

describe('<listing-editor>', () => {
  it('lists the company’s listings with address, figures, status, portal ids and number of leads', async () => {
    const { el } = await open();
    await shows(el, '2-Zimmer-Wohnung, Lindenallee 12, 2. OG links');
    const page = text(el);
    expect(page).to.contain('Lindenallee 12, 20259 Hamburg · 2. OG links');
    expect(page).to.contain('2 Zimmer · 58,4 m² · 690,00 € kalt · frei ab 01.05.2026');
    expect(page).to.contain('Portale: immoscout24 158963214, immowelt IW-2Z-77');
    expect(page).to.contain('12 Interessenten');
    expect([...el.shadowRoot!.querySelectorAll('[part="status"]')].map((badge) => badge.textContent.trim())).to.deep.equal([
      'aktiv',
      'vermietet',
    ]);
    await expect(el).to.be.accessible();
  });

  it('says so when there are no listings yet', async () => {
    const { el } = await open({ listings: [] });
    await shows(el, 'Noch keine Inserate.');
    expect(findButton(el, 'Neues Inserat')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('shows a failed load in German with a retry that reads again', async () => {
    const { el, fake } = await open({ failing: ['listings'] });
    await shows(el, 'Die Inserate konnten nicht geladen werden.');
    expect(text(el)).to.contain('vorübergehend nicht verfügbar');
    fake.failing.clear();
    await press(el, 'Erneut versuchen');
    await shows(el, '3-Zimmer-Wohnung mit Balkon');
  });

  it('creates a listing with a portal id: the button shows progress, the answer goes to the top of the list', async () => {
    const { el, bff, fake } = await open({ latency: 120 });
    await press(el, 'Neues Inserat');
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'form-heading', 'focus on the form’s heading');
    const commission = field(el, 'Provision *');
    expect(description(commission)).to.contain('Pflichtangabe nach § 2 Abs. 1a WoVermittG');
    expect(commission.getAttribute('aria-required')).to.equal('true');
    await fillNewListing(el);
    await press(el, 'Portal hinzufügen');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.id, 'the new row has focus').to.equal('portalIds-0-provider');
    await fill(el, 'Portal', 'immoscout24');
    await fill(el, 'Kennung beim Portal', 'IS24-4711');
    await expect(el).to.be.accessible();

    const save = findButton(el, 'Inserat anlegen')!;
    save.click();
    await el.updateComplete;
    expect(save.textContent.trim()).to.equal('Wird gespeichert …');
    expect(save.getAttribute('aria-busy')).to.equal('true');
    save.click();
    await shows(el, 'Inserat angelegt.');
    const posts = sent(bff, 'POST');
    expect(posts).to.have.length(1);
    expect(posts[0].idempotencyKey).to.be.a('string');
    expect(posts[0].body).to.deep.equal({
      unitId: fakeUnits[1].id,
      title: '2-Zimmer-Wohnung im Erdgeschoss',
      rooms: 2.5,
      livingArea: 61.3,
      coldRent: 720,
      serviceCharges: 175.5,
      availableFrom: '2026-06-01',
      commission: 'provisionsfrei',
      status: 'aktiv',
      portalIds: [{ provider: 'immoscout24', providerListingId: 'IS24-4711' }],
    });
    expect(fake.listings[0].title).to.equal('2-Zimmer-Wohnung im Erdgeschoss');
    // Now being edited: the viewing slots of the new listing are offered.
    await shows(el, 'Noch keine Termine angeboten.');
    await press(el, 'Zurück zur Liste');
    await shows(el, 'Portale: immoscout24 IS24-4711');
    const titles = [...el.shadowRoot!.querySelectorAll('.listing-title')].map((title) => title.textContent.trim());
    expect(titles[0]).to.equal('2-Zimmer-Wohnung im Erdgeschoss');
  });

  it('shows the BFF’s messages at the fields, a missing commission with why it is needed, and keeps what was typed', async () => {
    const { el, bff } = await open();
    await press(el, 'Neues Inserat');
    await fillNewListing(el, { 'Zimmer *': '2,3', 'Kaltmiete (€ im Monat) *': '-5', 'Provision *': ' ' });
    await press(el, 'Inserat anlegen');
    await shows(el, 'Bitte korrigieren Sie die 3 markierten Angaben.');
    const commission = field(el, 'Provision *');
    expect(commission.getAttribute('aria-invalid')).to.equal('true');
    expect(description(commission)).to.contain('Bitte die Provision angeben, z. B. „provisionsfrei“');
    expect(description(field(el, 'Zimmer *'))).to.contain('Zimmer in halben Schritten');
    expect(description(field(el, 'Kaltmiete (€ im Monat) *'))).to.contain('Der Betrag darf nicht negativ sein.');
    expect(field(el, 'Zimmer *').value, 'typed value stays').to.equal('2,3');
    await expectFocus(el.shadowRoot!, field(el, 'Zimmer *'), 'focus on the first wrong field');
    await expect(el).to.be.accessible();

    // Editing a field takes its message away; the others stay until the next save.
    await fill(el, 'Zimmer *', '2');
    expect(field(el, 'Zimmer *').getAttribute('aria-invalid')).to.equal('false');
    expect(commission.getAttribute('aria-invalid')).to.equal('true');
    expect(sent(bff, 'POST')).to.have.length(1);
  });

  it('says in German when a portal id belongs to another listing (409) and when the server fails', async () => {
    const { el, fake } = await open();
    await press(el, 'Neues Inserat');
    await fillNewListing(el);
    await press(el, 'Portal hinzufügen');
    await fill(el, 'Portal', 'immowelt');
    await fill(el, 'Kennung beim Portal', 'IW-2Z-77');
    await press(el, 'Inserat anlegen');
    await shows(el, 'Diese Kennung beim Portal gehört schon zu einem anderen Inserat.');
    fake.failing.add('save');
    await fill(el, 'Kennung beim Portal', 'IW-NEU');
    await press(el, 'Inserat anlegen');
    await shows(el, 'vorübergehend nicht verfügbar');
    expect(fake.listings).to.have.length(2);
  });

  it('editing sends only the changed fields; the portal ids go as a whole list', async () => {
    const { el, bff, fake } = await open();
    await press(el, 'Inserat „2-Zimmer-Wohnung, Lindenallee 12, 2. OG links“ bearbeiten');
    await waitUntil(() => findField(el, 'Kaltmiete (€ im Monat) *'), 'form shown');
    expect(field(el, 'Zimmer *').value).to.equal('2');
    expect(field(el, 'Wohnfläche (m²) *').value).to.equal('58,4');
    await press(el, 'Speichern');
    await shows(el, 'Es gibt keine Änderungen zu speichern.');
    expect(sent(bff, 'PATCH')).to.have.length(0);

    await fill(el, 'Kaltmiete (€ im Monat) *', '710');
    await fill(el, 'Status', 'vermietet');
    await press(el, 'Portal 2 entfernen');
    await press(el, 'Speichern');
    await shows(el, 'Gespeichert.');
    expect(sent(bff, 'PATCH')[0].body).to.deep.equal({
      coldRent: 710,
      status: 'vermietet',
      portalIds: [{ provider: 'immoscout24', providerListingId: '158963214' }],
    });
    expect(fake.listings[0]).to.include({ coldRent: 710, status: 'vermietet' });
    await shows(el, 'Für ein vermietetes Inserat gibt es keine Besichtigungstermine.');
  });

  it('lists a listing’s viewing slots with booked and waitlist numbers, offers a group slot and withdraws one', async () => {
    const listing = fakeListingRecords()[0];
    const full = fakeSlot(listing.id, 1, { capacity: 2, booked: 2, waitlisted: 1 });
    const free = fakeSlot(listing.id, 2, { capacity: 6 });
    const { el, bff, fake } = await open({ slots: { [listing.id]: [full, free] } });
    await press(el, `Inserat „${listing.title}“ bearbeiten`);
    await shows(el, 'Besichtigungstermine');
    await waitUntil(() => el.shadowRoot!.querySelector('.slots table'), 'slots shown');
    const rows = [...el.shadowRoot!.querySelectorAll('.slots tbody tr')].map((row) =>
      [...row.querySelectorAll('td.num')].map((cell) => cell.textContent.trim()),
    );
    expect(rows).to.deep.equal([
      ['2', '2', '1'],
      ['6', '0', '0'],
    ]);
    expect(text(el)).to.contain('Gebucht: Lena Schneider, Ahmet Yılmaz');
    expect(text(el)).to.contain('Treffpunkt vor dem Haus');
    await expect(el).to.be.accessible();

    // A slot with bookings cannot be withdrawn: the BFF's reason in German.
    findButton(el, /^Termin .* absagen$/)!.click();
    await shows(el, 'Für diesen Termin gibt es Buchungen oder eine Warteliste.');

    // Offer a group viewing.
    await press(el, 'Termin anbieten');
    await shows(el, 'Bitte Datum und Uhrzeit angeben.');
    await fill(el, 'Datum *', '2026-07-02');
    await fill(el, 'Uhrzeit *', '17:30');
    await fill(el, 'Plätze', '8');
    await fill(el, 'Hinweis für die Interessenten', 'Bitte bei „Verwaltung“ klingeln.');
    await press(el, 'Termin anbieten');
    await shows(el, 'Termin angeboten.');
    const posted = sent(bff, 'POST').at(-1)!;
    expect(posted.path).to.equal(`/api/staff/listings/${listing.id}/viewing-slots`);
    expect(posted.body).to.deep.equal({
      startsAt: '2026-07-02T15:30:00.000Z',
      durationMinutes: 30,
      capacity: 8,
      note: 'Bitte bei „Verwaltung“ klingeln.',
    });
    expect(fake.slots[listing.id]).to.have.length(3);

    // The free slot goes.
    const cancel = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.slots tbody button')][1];
    cancel.click();
    await shows(el, 'Termin abgesagt.');
    expect(fake.slots[listing.id].map((slot) => slot.id)).to.not.include(free.id);
    expect(el.shadowRoot!.querySelectorAll('.slots tbody tr')).to.have.length(2);
  });

  it('shows the BFF’s message at the slot field it names', async () => {
    const listing = fakeListingRecords()[0];
    const { el } = await open();
    await press(el, `Inserat „${listing.title}“ bearbeiten`);
    await waitUntil(() => findField(el, 'Datum *'), 'slot form');
    await fill(el, 'Datum *', '2026-07-02');
    await fill(el, 'Uhrzeit *', '17:30');
    await fill(el, 'Plätze', '0');
    await press(el, 'Termin anbieten');
    await shows(el, 'Mindestens ein Platz.');
    expect(field(el, 'Plätze').getAttribute('aria-invalid')).to.equal('true');
  });

  it('takes a time in Berlin, summer and winter, whatever the device’s zone', () => {
    expect(berlinInstant('2026-07-02', '17:30')).to.equal('2026-07-02T15:30:00.000Z');
    expect(berlinInstant('2026-01-15', '09:00')).to.equal('2026-01-15T08:00:00.000Z');
  });

  it('speaks English for English staff', async () => {
    const { el } = await open({}, 'en');
    await shows(el, '12 prospective tenants');
    await press(el, 'New listing');
    await shows(el, 'Required by § 2 (1a) WoVermittG');
  });
});
