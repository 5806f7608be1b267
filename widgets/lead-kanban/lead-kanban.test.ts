import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { FakeBff } from '../testing/fake-bff.ts';
import { fakeLead, fakeLeadId, fakeLeads, FakeLeads, fakeListings, type FakeLeadsOptions } from '../testing/fake-leads.ts';
import { deepText, fill, findButton, findField } from '../testing/e2e-session.ts';
import { LEAD_REJECTION_REASONS, LEAD_SOURCES, LEAD_TRANSITIONS } from '../../bff/contract/enums.ts';
import { leadTransitions } from '../internal/lead-board-api.ts';
import kanbanDe from './i18n/de.ts';
import type { LeadKanban } from './lead-kanban.ts';
import './lead-kanban.ts';

const clerk = { role: 'clerk' as const, displayName: 'Clara Kaiser', tenant: { slug: 'wohnbau-nord', name: 'Wohnbau Nord eG' } };

async function open(options: FakeLeadsOptions = {}, lang = 'de') {
  const fake = new FakeLeads(options);
  const bff = new FakeBff({ session: { state: 'signed_in', user: clerk }, routes: fake.routes });
  const el = await fixture<LeadKanban>(html`<lead-kanban lang=${lang} .client=${bff.client()}></lead-kanban>`);
  await waitUntil(() => el.shadowRoot!.querySelector('.board, .board-pane > .alert'), `board shown: ${deepText(el)}`);
  await el.updateComplete;
  return { fake, bff, el };
}

const root = (el: LeadKanban) => el.shadowRoot!;
const column = (el: LeadKanban, name: string) => root(el).querySelector<HTMLElement>(`.column[data-column="${name}"]`)!;
const cardsIn = (el: LeadKanban, name: string) => [...column(el, name).querySelectorAll<HTMLElement>('.card')];
const namesIn = (el: LeadKanban, name: string) => cardsIn(el, name).map((card) => card.querySelector('.open')!.textContent.trim());
const card = (el: LeadKanban, id: string) => root(el).querySelector<HTMLElement>(`.card[data-id="${id}"]`);
const heading = (el: LeadKanban, name: string) => column(el, name).querySelector('.column-head')!.textContent.trim();
const shows = (el: Element, what: string, timeout = 3000) =>
  waitUntil(() => deepText(el).includes(what), `shows “${what}”: ${deepText(el)}`, { timeout });
const moves = (bff: FakeBff) => bff.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/move'));

describe('<lead-kanban>', () => {
  it('shows the columns offen → kontaktiert → besichtigt → akzeptiert, abgelehnt and nicht zugeordnet with their counts', async () => {
    const { el } = await open({
      leads: [...fakeLeads(16), fakeLead({ id: fakeLeadId(900), name: 'Ohne Inserat', listing: null })],
    });
    const headings = [...root(el).querySelectorAll('.column-head')].map((node) => node.textContent.trim());
    expect(headings).to.deep.equal([
      'Offen (6)',
      'Kontaktiert (4)',
      'Besichtigt (2)',
      'Akzeptiert (2)',
      'Abgelehnt (2)',
      'Nicht zugeordnet (1)',
    ]);
    expect(namesIn(el, 'nicht_zugeordnet')).to.deep.equal(['Ohne Inserat']);
    expect(column(el, 'offen').querySelector('.column-head')!.getAttribute('role')).to.equal('heading');
    await expect(el).to.be.accessible();
  });

  it('says so when there are no leads yet', async () => {
    const { el } = await open();
    expect(deepText(el)).to.contain('Noch keine Interessenten.');
    expect(heading(el, 'offen')).to.equal('Offen (0)');
    await expect(el).to.be.accessible();
  });

  it('marks duplicates and leads whose portal offered self-disclosure data on their cards', async () => {
    const { el } = await open({ leads: fakeLeads(14, { status: 'offen' }) });
    const duplicate = card(el, fakeLeadId(7))!;
    expect(duplicate.querySelector('.badge.duplicate')!.textContent.trim()).to.equal('Dublette');
    expect(card(el, fakeLeadId(6))!.querySelector('.badge.duplicate')).to.equal(null);
    expect(card(el, fakeLeadId(5))!.textContent).to.contain('Selbstauskunft angeboten');
    expect(card(el, fakeLeadId(6))!.textContent).to.not.contain('Selbstauskunft angeboten');
  });

  it('renders only the first page of a column with 1,000 leads and loads the next on "Mehr laden"', async () => {
    const { el, bff } = await open({ leads: fakeLeads(1000, { status: 'offen' }) });
    expect(heading(el, 'offen')).to.equal('Offen (1000)');
    expect(cardsIn(el, 'offen')).to.have.length(30);
    expect(column(el, 'offen').textContent).to.contain('30 von 1000 angezeigt');
    findButton(column(el, 'offen'), 'Mehr laden')!.click();
    await waitUntil(() => cardsIn(el, 'offen').length === 60, 'second page');
    expect(new Set(cardsIn(el, 'offen').map((node) => node.dataset.id)).size, 'no card twice').to.equal(60);
    const pages = bff.requests.filter((request) => request.path === '/api/staff/leads');
    expect(pages.length).to.equal(7, 'one first page per column, then one more page');
  });

  it('loads the next page when a clerk scrolls to the end of a column', async () => {
    const { el } = await open({ leads: fakeLeads(100, { status: 'kontaktiert' }) });
    const list = column(el, 'kontaktiert').querySelector<HTMLElement>('.cards')!;
    list.style.maxHeight = '200px';
    list.scrollTop = list.scrollHeight;
    await waitUntil(() => cardsIn(el, 'kontaktiert').length === 60, 'second page after scrolling', { timeout: 3000 });
  });

  it('filters by listing, source and owner, and searches across listings after a pause in typing', async () => {
    const leads = [
      ...fakeLeads(10, { listing: fakeListings[0] }),
      fakeLead({ id: fakeLeadId(500), name: 'Greta Hafen', email: 'greta@example.org', listing: fakeListings[1], source: 'immowelt' }),
    ];
    const { el, bff } = await open({ leads });
    await fill(el, 'Inserat', fakeListings[1].title);
    await waitUntil(() => heading(el, 'offen') === 'Offen (1)', `listing filter: ${heading(el, 'offen')}`);
    expect(namesIn(el, 'offen')).to.deep.equal(['Greta Hafen']);
    expect(bff.requests.at(-1)!.path).to.match(/^\/api\/staff\/leads/);
    expect(bff.requests.some((request) => request.path === '/api/staff/leads/counts')).to.equal(true);

    findButton(el, 'Filter zurücksetzen')!.click();
    await waitUntil(() => heading(el, 'offen') !== 'Offen (1)', 'all again');
    await fill(el, 'Quelle', 'Immowelt');
    const shown = () => [...root(el).querySelectorAll('.card .meta')].map((meta) => meta.textContent);
    await waitUntil(
      () => shown().length === 3 && shown().every((meta) => meta.includes('Immowelt')),
      `source filter: ${shown().join('|')}`,
    );
    await fill(el, 'Quelle', 'Alle Quellen');
    await fill(el, 'Zuständig', 'Niemand');
    await waitUntil(() => shown().length > 0 && cardsIn(el, 'kontaktiert').length === 0, 'owner filter: nobody owns a contacted lead');

    await fill(el, 'Zuständig', 'Alle');
    await waitUntil(() => cardsIn(el, 'kontaktiert').length > 0, 'all owners again');
    const search = findField<HTMLInputElement>(el, /Suche/)!;
    const counted = () => bff.requests.filter((request) => request.path === '/api/staff/leads/counts').length;
    const countedBefore = counted();
    const before = bff.requests.length;
    search.focus();
    await sendKeys({ type: 'greta' });
    await el.updateComplete;
    expect(bff.requests.length, 'nothing sent while typing').to.equal(before);
    await waitUntil(() => heading(el, 'offen') === 'Offen (1)', 'search result');
    expect(namesIn(el, 'offen')).to.deep.equal(['Greta Hafen']);
    expect(counted(), 'one search for the whole word').to.equal(countedBefore + 1);
    await expect(el).to.be.accessible();
  });

  it('moves a card by keyboard with "Verschieben nach …", offering only the lifecycle’s next steps, and shows it in the new column at once', async () => {
    const leads = fakeLeads(3, { status: 'kontaktiert' });
    const { el, fake, bff } = await open({ leads, moveLatency: 200 });
    const target = card(el, leads[0].id)!;
    findButton(target, 'Verschieben nach …')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const menu = target.querySelector('[role="menu"]')!;
    expect([...menu.querySelectorAll('[role="menuitem"]')].map((item) => item.textContent.trim())).to.deep.equal([
      'Besichtigt',
      'Abgelehnt',
      'Abbrechen',
    ]);
    expect(root(el).activeElement!.textContent.trim(), 'focus on the first choice').to.equal('Besichtigt');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(namesIn(el, 'besichtigt'), 'moved before the BFF answered').to.include(leads[0].name);
    expect(heading(el, 'besichtigt')).to.equal('Besichtigt (1)');
    expect(heading(el, 'kontaktiert')).to.equal('Kontaktiert (2)');
    expect(card(el, leads[0].id)!.getAttribute('aria-busy')).to.equal('true');
    await shows(el, `${leads[0].name} ist jetzt in „Besichtigt“.`);
    expect(moves(bff)[0].body).to.deep.equal({ to: 'besichtigt', version: 1 });
    expect(fake.card(leads[0].id).status).to.equal('besichtigt');
    expect(root(el).activeElement!.closest('.card')!.getAttribute('data-id'), 'focus stays with the card').to.equal(leads[0].id);
  });

  it('closes the move menu with Escape and returns focus to its button', async () => {
    const leads = fakeLeads(1, { status: 'offen' });
    const { el, bff } = await open({ leads });
    findButton(card(el, leads[0].id)!, 'Verschieben nach …')!.click();
    await el.updateComplete;
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(card(el, leads[0].id)!.querySelector('[role="menu"]')).to.equal(null);
    expect(root(el).activeElement!.textContent.trim()).to.equal('Verschieben nach …');
    expect(moves(bff)).to.have.length(0);
  });

  it('asks for the contact message before "Kontaktiert", shows the stage gate’s words at the card, and moves once a channel is verified', async () => {
    const leads = fakeLeads(1, { status: 'offen' });
    const { el, fake, bff } = await open({ leads });
    const id = leads[0].id;
    findButton(card(el, id)!, 'Verschieben nach …')!.click();
    await el.updateComplete;
    findButton(card(el, id)!, 'Kontaktiert')!.click();
    await el.updateComplete;
    expect(root(el).activeElement!.getAttribute('name'), 'focus in the form').to.equal('contactMessage');
    expect(findField<HTMLInputElement>(card(el, id)!, 'Vollständiger Name')!.value).to.equal(leads[0].name);
    await expect(el).to.be.accessible();
    findButton(card(el, id)!, 'Nach „Kontaktiert“ verschieben')!.click();
    await el.updateComplete;
    expect(card(el, id)!.textContent).to.contain('Bitte die Kontaktnachricht eingeben.');
    expect(moves(bff), 'nothing sent without the message').to.have.length(0);

    await sendKeys({ type: 'Per E-Mail einen Besichtigungstermin angeboten.' });
    findButton(card(el, id)!, 'Nach „Kontaktiert“ verschieben')!.click();
    await waitUntil(() => card(el, id)?.querySelector('.move-form [role="alert"]'), 'the gate refused');
    expect(namesIn(el, 'offen'), 'put back').to.deep.equal([leads[0].name]);
    expect(card(el, id)!.querySelector('.move-form [role="alert"]')!.textContent).to.contain(
      'Für „kontaktiert“ fehlt noch: ein bestätigter Kontaktweg.',
    );
    expect(findField<HTMLTextAreaElement>(card(el, id)!, 'Kontaktnachricht')!.value, 'nothing typed is lost').to.equal(
      'Per E-Mail einen Besichtigungstermin angeboten.',
    );

    await fill(card(el, id)!, 'E-Mail – die Person hat von dort geantwortet', 'true');
    findButton(card(el, id)!, 'Nach „Kontaktiert“ verschieben')!.click();
    await waitUntil(() => fake.card(id).status === 'kontaktiert', 'moved');
    expect(bff.calls.filter((call) => call.endsWith('/contact-verifications'))).to.have.length(1);
    expect(moves(bff).at(-1)!.body).to.deep.equal({
      to: 'kontaktiert',
      version: 2,
      contactMessage: 'Per E-Mail einen Besichtigungstermin angeboten.',
    });
    await waitUntil(() => namesIn(el, 'kontaktiert').includes(leads[0].name), 'shown in "Kontaktiert"');
  });

  it('asks for a reason before rejecting, warns about § 19 AGG in the text, and rejects with a reason of the catalogue', async () => {
    const leads = fakeLeads(1, { status: 'besichtigt' });
    const { el, fake } = await open({ leads });
    const id = leads[0].id;
    findButton(card(el, id)!, 'Verschieben nach …')!.click();
    await el.updateComplete;
    findButton(card(el, id)!, 'Abgelehnt')!.click();
    await el.updateComplete;
    expect(root(el).activeElement!.getAttribute('name')).to.equal('reasonCode');
    findButton(card(el, id)!, 'Ablehnen')!.click();
    await el.updateComplete;
    expect(card(el, id)!.textContent).to.contain('Bitte einen Grund wählen oder eine Begründung eingeben.');
    expect(fake.moves).to.have.length(0);

    await fill(card(el, id)!, 'Begründung', 'Trägt ein Kopftuch');
    findButton(card(el, id)!, 'Ablehnen')!.click();
    await waitUntil(() => card(el, id)?.querySelector('.move-form [role="alert"]'), 'the AGG warning');
    expect(card(el, id)!.textContent).to.contain('berührt ein nach § 19 AGG geschütztes Merkmal');
    expect(findField(card(el, id)!, 'Ich habe den Hinweis gelesen und lehne trotzdem ab.')).to.not.equal(undefined);
    expect(namesIn(el, 'besichtigt'), 'not rejected').to.deep.equal([leads[0].name]);

    await fill(card(el, id)!, 'Begründung', '');
    await fill(card(el, id)!, 'Grund der Ablehnung', 'Unterlagen trotz Nachfrage unvollständig');
    findButton(card(el, id)!, 'Ablehnen')!.click();
    await waitUntil(() => fake.card(id).status === 'abgelehnt', 'rejected');
    expect(fake.moves.at(-1)).to.deep.include({ to: 'abgelehnt', reasonCode: 'unterlagen_unvollstaendig' });
    expect(fake.moves.at(-1)).to.not.have.property('reasonText');
    await waitUntil(() => namesIn(el, 'abgelehnt').includes(leads[0].name), 'shown in "Abgelehnt"');
  });

  it('rolls the card back and says another clerk was faster when the move conflicts, then shows their move', async () => {
    const leads = fakeLeads(2, { status: 'offen' });
    const { el, fake } = await open({ leads, moveLatency: 100 });
    // Another clerk moves it on after this board read it.
    fake.moveElsewhere(leads[0].id, 'kontaktiert');
    fake.moveElsewhere(leads[0].id, 'besichtigt');
    await el.move(leads[0].id, 'abgelehnt', { reasonCode: 'interesse_zurueckgezogen' });
    expect(root(el).querySelector('.move-error')!.textContent).to.contain(
      `${leads[0].name} wurde inzwischen von jemand anderem verschoben.`,
    );
    await waitUntil(() => namesIn(el, 'besichtigt').includes(leads[0].name), 'the other clerk’s move shows');
    expect(namesIn(el, 'abgelehnt')).to.deep.equal([]);
    expect(heading(el, 'abgelehnt')).to.equal('Abgelehnt (0)');
    expect(heading(el, 'offen')).to.equal('Offen (1)');
    expect(card(el, leads[0].id)!.querySelector('.card-error')!.textContent).to.contain('wurde inzwischen von jemand anderem verschoben');
    expect(fake.card(leads[0].id).status, 'no lost update').to.equal('besichtigt');
    await expect(el).to.be.accessible();
  });

  it('puts a card back with the stage gate’s reason at the card when the BFF refuses the move', async () => {
    const leads = fakeLeads(1, { status: 'offen' });
    const { el, fake } = await open({ leads, verifiedContacts: true });
    fake.refuseNextMove('Für „kontaktiert“ fehlt noch: Haushalt, gewünschter Einzug.');
    await el.move(leads[0].id, 'kontaktiert', { contactMessage: 'Angerufen.' });
    expect(namesIn(el, 'offen')).to.deep.equal([leads[0].name]);
    expect(heading(el, 'kontaktiert')).to.equal('Kontaktiert (0)');
    expect(card(el, leads[0].id)!.querySelector('[role="alert"]')!.textContent).to.contain(
      'konnte nicht verschoben werden: Für „kontaktiert“ fehlt noch: Haushalt',
    );
  });

  it('knows the lifecycle’s moves and rejection reasons as the contract has them', () => {
    expect(leadTransitions).to.deep.equal(LEAD_TRANSITIONS);
    expect(kanbanDe.rejectionReasons).to.deep.equal(LEAD_REJECTION_REASONS);
    expect(Object.keys(kanbanDe.sourceLabels)).to.deep.equal([...LEAD_SOURCES]);
  });

  it('moves a card by drag and drop onto another column', async () => {
    const leads = fakeLeads(2, { status: 'kontaktiert' });
    const { el, fake } = await open({ leads });
    const data = new DataTransfer();
    card(el, leads[1].id)!.dispatchEvent(new DragEvent('dragstart', { dataTransfer: data, bubbles: true, composed: true }));
    await el.updateComplete;
    expect(column(el, 'besichtigt').classList.contains('droppable')).to.equal(true);
    expect(column(el, 'nicht_zugeordnet').classList.contains('droppable'), 'no drop onto "nicht zugeordnet"').to.equal(false);
    expect(column(el, 'akzeptiert').classList.contains('droppable'), 'no stage skipped').to.equal(false);
    const refused = new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true, composed: true });
    column(el, 'akzeptiert').dispatchEvent(refused);
    expect(refused.defaultPrevented).to.equal(false);
    const over = new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true, composed: true });
    column(el, 'besichtigt').dispatchEvent(over);
    expect(over.defaultPrevented, 'the column accepts the card').to.equal(true);
    column(el, 'besichtigt').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true, composed: true }));
    await el.updateComplete;
    expect(namesIn(el, 'besichtigt')).to.deep.equal([leads[1].name]);
    await waitUntil(() => fake.card(leads[1].id).status === 'besichtigt', 'stored');
  });

  it('shows a new lead and another clerk’s move live, with the counts', async () => {
    const leads = fakeLeads(3, { status: 'offen' });
    const { el, fake, bff } = await open({ leads });
    const arrived = fake.add(
      fakeLead({ id: fakeLeadId(777), name: 'Neu Ankommend', createdAt: '2026-03-11T08:00:00.000Z', duplicate: true }),
    );
    bff.live.emit('lead:created', { lead: arrived, duplicateOf: [leads[0].id] });
    await el.updateComplete;
    expect(namesIn(el, 'offen')[0]).to.equal('Neu Ankommend');
    expect(card(el, arrived.id)!.textContent).to.contain('Neu').and.contain('Dublette');
    expect(heading(el, 'offen')).to.equal('Offen (4)');
    expect(root(el).querySelector('.live')!.textContent).to.contain('Neuer Interessent: Neu Ankommend');

    const moved = fake.moveElsewhere(leads[1].id, 'kontaktiert');
    bff.live.emit('lead:changed', { change: 'status_changed', lead: moved });
    await el.updateComplete;
    expect(namesIn(el, 'kontaktiert')).to.deep.equal([leads[1].name]);
    await waitUntil(() => heading(el, 'kontaktiert') === 'Kontaktiert (1)' && heading(el, 'offen') === 'Offen (3)', 'counts follow');
  });

  it('keeps a lead that arrives live while the board is being read again (the read may predate it)', async () => {
    const leads = fakeLeads(2, { status: 'offen' });
    const { el, bff } = await open({ leads, latency: 150 });
    // The connection comes back: the board reads everything again; the new lead is committed after that read.
    bff.live.emit('live:connected');
    const arrived = fakeLead({ id: fakeLeadId(888), name: 'Während Des Lesens', listing: null, createdAt: '2026-03-11T09:00:00.000Z' });
    bff.live.emit('lead:created', { lead: arrived, duplicateOf: [] });
    await el.updateComplete;
    expect(namesIn(el, 'nicht_zugeordnet')).to.deep.equal(['Während Des Lesens']);
    await waitUntil(() => !root(el).querySelector('.board-pane[aria-busy="true"]'), 'read again');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(namesIn(el, 'nicht_zugeordnet'), 'still there after the read').to.deep.equal(['Während Des Lesens']);
  });

  it('opens a lead with its fields, duplicates and audit trail; phone and address stay hidden without the letting permission', async () => {
    const leads = fakeLeads(8, { status: 'offen' });
    // The 6th and the 7th share an e-mail address.
    const lead = leads[5];
    lead.phone = '0151 2345678';
    lead.address = 'Lindenallee 3, 20259 Hamburg';
    const { el } = await open({ leads });
    findButton(card(el, lead.id)!, lead.name)!.click();
    await shows(el, 'Verlauf');
    expect(root(el).activeElement!.id, 'focus on the heading').to.equal('detail-heading');
    // The lead's fields are `<lead-detail>`'s, in its own shadow root inside the pane.
    const detail = root(el).querySelector('.detail')!;
    expect(deepText(detail)).to.contain('Mögliche Dubletten').and.contain('gleiche E-Mail-Adresse');
    expect(deepText(detail)).to.contain('Eingegangen').and.contain('vom System');
    expect(deepText(detail)).to.not.contain('0151 2345678');
    expect(deepText(detail)).to.not.contain('Lindenallee 3');
    expect(deepText(detail)).to.contain('Telefon und Anschrift sehen nur Mitarbeitende mit dem Recht „Vermietung“.');
    expect(deepText(detail)).to.not.contain('Zugriffsprotokoll');
    await expect(el).to.be.accessible();
    findButton(detail, 'Zurück zum Board')!.click();
    await el.updateComplete;
    expect(root(el).activeElement!.closest('.card')!.getAttribute('data-id')).to.equal(lead.id);
  });

  it('shows phone, address and the access log to staff with the letting permission', async () => {
    const leads = fakeLeads(1, { status: 'offen' });
    leads[0].phone = '0151 2345678';
    leads[0].address = 'Lindenallee 3, 20259 Hamburg';
    const { el } = await open({ leads, letting: true });
    findButton(card(el, leads[0].id)!, leads[0].name)!.click();
    await shows(el, 'Zugriffsprotokoll');
    const detail = root(el).querySelector('.detail')!;
    expect(deepText(detail)).to.contain('0151 2345678').and.contain('Lindenallee 3, 20259 Hamburg');
    expect(deepText(detail)).to.contain('Clara Kaiser sah Telefon und Anschrift (Ansicht)');
    expect(deepText(detail)).to.contain('Jeder Blick auf Telefon und Anschrift wird protokolliert.');
  });

  it('says so when the board cannot be loaded, and loads it on "Erneut versuchen"', async () => {
    const { el, fake } = await open({ leads: fakeLeads(2), failing: ['counts'] });
    await shows(el, 'Die Interessenten konnten nicht geladen werden.');
    fake.failing.clear();
    findButton(el, 'Erneut versuchen')!.click();
    await waitUntil(() => root(el).querySelector('.column'), 'board after retry');
  });

  it('speaks English', async () => {
    const { el } = await open({ leads: fakeLeads(3, { status: 'offen' }) }, 'en');
    await shows(el, 'Open (3)');
    expect(deepText(el)).to.contain('Move to …');
  });
});
