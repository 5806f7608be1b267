import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SessionUser } from '../internal/api-client.ts';
import { FakeBff, type FakeBffOptions } from '../testing/fake-bff.ts';
import { FakeStaffCases, fakeBuildings, fakeClerks, type FakeStaffCasesOptions } from '../testing/fake-staff-cases.ts';
import type { StaffCaseDetailView } from '../staff-case-detail/staff-case-detail.ts';
import type { CaseBoard } from './case-board.ts';
import './case-board.ts';
import { expectFocus, press } from '../testing/e2e-session.ts';

const clerk: SessionUser = { role: 'clerk', displayName: 'Clara Kaiser', tenant: { slug: 'wohnbau-nord', name: 'Wohnbau Nord eG' } };

async function board(options: FakeStaffCasesOptions = {}, bffOptions: FakeBffOptions = {}, lang = 'de', urlState = false) {
  const cases = new FakeStaffCases(options);
  const bff = new FakeBff({ session: { state: 'signed_in', user: clerk }, routes: cases.routes, ...bffOptions });
  const el = await fixture<CaseBoard>(html`<case-board lang=${lang} ?url-state=${urlState} .client=${bff.client()}></case-board>`);
  const page = new BoardDriver(el);
  await page.loaded();
  return { el, bff, cases, page };
}

/** Reads and operates the board the way a clerk would. */
class BoardDriver {
  constructor(readonly el: CaseBoard) {}

  get root(): ShadowRoot {
    return this.el.shadowRoot!;
  }

  text(): string {
    return this.root.textContent.replace(/\s+/g, ' ');
  }

  /** Waits until the first page of cases (or why there is none) is shown. */
  async loaded(): Promise<void> {
    await this.el.updateComplete;
    await waitUntil(() => !this.root.querySelector('.loading'), 'board did not load');
    await this.el.updateComplete;
  }

  numbers(): string[] {
    return [...this.root.querySelectorAll('button.case .number')].map((node) => node.textContent.trim());
  }

  caseButton(caseNumber: string): HTMLButtonElement {
    const button = [...this.root.querySelectorAll<HTMLButtonElement>('button.case')].find(
      (candidate) => candidate.querySelector('.number')!.textContent === caseNumber,
    );
    if (!button) throw new Error(`no case ${caseNumber} in ${this.numbers().join(', ')}`);
    return button;
  }

  /** Waits until the board has done what the last step asked for: rendered, and the list read again if it had to be. */
  async settle(): Promise<void> {
    await this.el.updateComplete;
    await waitUntil(() => !this.root.querySelector('.list-pane[aria-busy="true"]'), 'the list was not read again');
    await this.el.updateComplete;
  }

  async choose(name: string, value: string): Promise<void> {
    const select = this.root.querySelector<HTMLSelectElement>(`.filters select[name="${name}"]`)!;
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await this.settle();
  }

  async tick(name: string, value?: string): Promise<void> {
    const selector = value ? `.filters input[name="${name}"][value="${value}"]` : `.filters input[name="${name}"]`;
    this.root.querySelector<HTMLInputElement>(selector)!.click();
    await this.settle();
  }

  async open(caseNumber: string): Promise<void> {
    this.caseButton(caseNumber).click();
    await waitUntil(() => this.detailView?.detail?.case.caseNumber === caseNumber, `case ${caseNumber} did not open`);
    await this.detailView!.updateComplete;
  }

  /** The open case, `<mp-staff-case-detail>`. */
  get detailView(): StaffCaseDetailView | null {
    return this.root.querySelector('mp-staff-case-detail');
  }

  get detail(): ShadowRoot {
    return this.detailView!.shadowRoot!;
  }

  async back(): Promise<void> {
    this.detail.querySelector<HTMLButtonElement>('.back')!.click();
    await this.settle();
  }

  detailText(): string {
    return this.detail.textContent.replace(/\s+/g, ' ');
  }

  form(headingId: string): HTMLFormElement {
    return this.detail.querySelector<HTMLFormElement>(`form[aria-labelledby="${headingId}"]`)!;
  }

  async submit(headingId: string, values: Record<string, string>): Promise<void> {
    const form = this.form(headingId);
    for (const [name, value] of Object.entries(values)) {
      const field = form.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
      field.value = value;
    }
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    // The board marks the action busy right away; the open case learns it with the board's next render.
    await this.el.updateComplete;
    await waitUntil(() => !this.detailView!.busy, 'action did not finish');
    await this.settle();
  }

  alert(): string {
    return this.detail.querySelector('.actions [role="alert"]')?.textContent?.trim() ?? '';
  }

  notice(): string {
    return this.detail.querySelector('.actions [role="status"]')?.textContent?.trim() ?? '';
  }
}

describe('<case-board>', function () {
  // Each test drives a whole board through many requests; the shared CI machine can be slow.
  this.timeout(20000);

  it('lists cases by deadline, soonest first, with overdue ones highlighted and priority shown', async () => {
    const { el, cases, page } = await board();
    await expect(el).to.be.accessible();
    const expected = cases.cases.slice(0, 20).map((item) => item.caseNumber);
    expect(page.numbers()).to.deep.equal(expected);
    const overdue = cases.cases.find((item) => item.overdue)!;
    const button = page.caseButton(overdue.caseNumber);
    expect(button.classList.contains('overdue')).to.be.true;
    expect(button.textContent).to.contain('Überfällig seit');
    const critical = cases.cases.find((item) => item.priority === 'critical')!;
    expect(page.caseButton(critical.caseNumber).textContent).to.contain('Priorität: Kritisch');
    expect(cases.listQueries[0].toString()).to.equal('limit=20');
  });

  it('downloads the list as CSV or Excel file with the filters in use', async () => {
    const { el, page } = await board();
    const link = (format: string) => page.root.querySelector<HTMLAnchorElement>(`.export a[href*="format=${format}"]`)!;
    expect(new URL(link('csv').href).search).to.equal('?format=csv');
    await page.choose('type', 'damage');
    await page.tick('status', 'eingegangen');
    await page.tick('overdue');
    const csv = new URL(link('csv').href);
    expect(csv.pathname).to.equal('/api/staff/case-export');
    expect(csv.search).to.equal('?type=damage&status=eingegangen&overdue=true&format=csv');
    expect(new URL(link('xlsx').href).search).to.equal('?type=damage&status=eingegangen&overdue=true&format=xlsx');
    expect(link('xlsx').getAttribute('aria-label')).to.equal('Gefilterte Vorgangsliste als Excel-Datei (XLSX) herunterladen');
    await expect(el).to.be.accessible();
  });

  it('loads the next page with "Weitere laden" and keeps the order', async () => {
    const { cases, page } = await board({ count: 30 });
    const more = page.root.querySelector<HTMLButtonElement>('.load-more')!;
    expect(more.textContent.trim()).to.equal('Weitere laden');
    more.click();
    await waitUntil(() => page.numbers().length === 30);
    expect(page.numbers()).to.deep.equal(cases.cases.map((item) => item.caseNumber));
    expect(cases.listQueries[1].get('cursor')).to.equal(cases.cases[19].id);
    expect(page.root.querySelector('.load-more')).to.equal(null);
  });

  it('sends the filters as the list query and keeps them while a case is opened and closed', async () => {
    const { el, cases, page } = await board();
    await page.choose('type', 'damage');
    expect(cases.listQueries.at(-1)!.get('type')).to.equal('damage');
    await page.tick('status', 'in_bearbeitung');
    await page.tick('status', 'eingegangen');
    expect(cases.listQueries.at(-1)!.get('status')).to.equal('eingegangen,in_bearbeitung', 'in workflow order');
    await page.choose('assignee', 'none');
    expect(cases.listQueries.at(-1)!.get('assignee')).to.equal('none');
    await page.choose('assignee', fakeClerks[1].id);
    expect(cases.listQueries.at(-1)!.get('assignee')).to.equal(fakeClerks[1].id);
    await page.choose('assignee', 'me');
    await page.choose('building', fakeBuildings[1].id);
    await page.tick('overdue');
    const query = cases.listQueries.at(-1)!;
    expect(Object.fromEntries(query)).to.deep.equal({
      type: 'damage',
      status: 'eingegangen,in_bearbeitung',
      assignee: 'me',
      building: fakeBuildings[1].id,
      overdue: 'true',
      limit: '20',
    });

    await page.choose('assignee', '');
    await page.choose('building', '');
    await page.tick('overdue');
    const shown = page.numbers();
    expect(shown.length).to.be.greaterThan(0);
    for (const number of shown) {
      const item = cases.cases.find((candidate) => candidate.caseNumber === number)!;
      expect(item.type).to.equal('damage');
      expect(['eingegangen', 'in_bearbeitung']).to.include(item.status);
    }
    await page.open(shown[0]);
    await page.back();
    expect(el.filters.types).to.deep.equal(['damage']);
    expect(page.root.querySelector<HTMLSelectElement>('select[name="type"]')!.value).to.equal('damage');
    expect(page.numbers()).to.deep.equal(shown);

    page.root.querySelector<HTMLButtonElement>('.filters button.link')!.click();
    await page.settle();
    expect(cases.listQueries.at(-1)!.toString()).to.equal('limit=20');
    expect(page.text()).to.not.contain('Keine Vorgänge für diese Filter.');
  });

  it('shows everything about a case: resident, unit, damage, access, attachments and a German activity log', async () => {
    const { el, cases, page } = await board();
    const damage = cases.cases.find((item) => item.type === 'damage' && item.status === 'in_bearbeitung' && item.assignee)!;
    const stored = cases.store.get(damage.id)!;
    stored.events.push(
      {
        id: 'e0000000-0000-4000-8000-0000000000a1',
        kind: 'assigned',
        public: false,
        actor: 'staff',
        actorName: 'Petra Lindner',
        data: { from: null, to: fakeClerks[1].id },
        createdAt: new Date().toISOString(),
      },
      {
        id: 'e0000000-0000-4000-8000-0000000000a2',
        kind: 'document_published',
        public: true,
        actor: 'staff',
        actorName: 'Petra Lindner',
        data: { documentId: 'd1', title: 'Terminbestätigung Installateur' },
        createdAt: new Date().toISOString(),
      },
    );
    await page.open(damage.caseNumber);
    await expect(el).to.be.accessible();
    const text = page.detailText();
    expect(text).to.contain(`Vorgang ${damage.caseNumber}: ${damage.title}`);
    expect(text).to.contain(damage.resident!.name!);
    expect(text).to.contain(damage.unitLabel!);
    expect(page.detail.textContent, 'the floor stays with its number').to.match(/\d\.\u00A0OG/);
    expect(text).to.contain(damage.building.address!);
    expect(text).to.contain(`Schadensort${damage.damage!.location.label}`);
    expect(text).to.contain(`Schadenskategorie${damage.damage!.category.label}`);
    expect(text).to.contain(`Schadensart${damage.damage!.kind.label}`);
    expect(text).to.contain(`Zutritt in Abwesenheit${damage.accessConsent ? 'Ja, erlaubt' : 'Nein'}`);
    if (damage.residentAvailability) expect(text).to.contain(damage.residentAvailability);
    expect(text).to.contain(`Betroffene Mieter (mit Meldendem)${stored.affectedResidents}`);
    expect(text).to.contain('Eingang überMieterportal');
    const links = [...page.detail.querySelectorAll<HTMLAnchorElement>('.attachments a')];
    expect(links.map((link) => link.textContent.trim())).to.deep.equal(stored.attachments.map((attachment) => attachment.fileName));
    expect(links[0].href).to.equal(new URL(`/api/staff/cases/${damage.id}/attachments/${stored.attachments[0].id}`, location.href).href);

    const entries = [...page.detail.querySelectorAll('.timeline .entry strong')].map((node) => node.textContent.trim());
    expect(entries).to.include.members([
      'Vorgang eingegangen über Mieterportal',
      `Automatisch zugewiesen an ${damage.assignee!.label}`,
      'Ein Anhang hinzugefügt',
      'Status geändert: Eingegangen → In Bearbeitung',
      'Interne Notiz',
      'Öffentliche Antwort an den Mieter',
      `Zugewiesen an ${fakeClerks[1].label}`,
      'Dokument „Terminbestätigung Installateur“ an den Mieter freigegeben',
    ]);
    const note = page.detail.querySelector('.timeline .entry.internal.has-message')!;
    expect(note.textContent).to.contain('Intern – für den Mieter nicht sichtbar');
    expect(note.textContent).to.contain('Hausmeister Herr Krüger informiert');
    const reply = page.detail.querySelector('.timeline .entry.public.has-message')!;
    expect(reply.textContent).to.contain('Für den Mieter sichtbar');
    expect(reply.textContent).to.contain('Vielen Dank für Ihre Meldung');
  });

  it('offers only the status changes the workflow allows, and none on a closed case', async () => {
    const { cases, page } = await board();
    await page.tick('status', 'beauftragt');
    const commissioned = cases.cases.find((item) => item.status === 'beauftragt')!;
    await page.open(commissioned.caseNumber);
    const options = [...page.form('status-heading').querySelectorAll('option')].map((option) => option.value).filter(Boolean);
    expect(options).to.deep.equal(['in_bearbeitung', 'erledigt', 'abgelehnt']);

    await page.back();
    await page.tick('status', 'beauftragt');
    await page.tick('status', 'erledigt');
    const done = cases.cases.find((item) => item.status === 'erledigt')!;
    await page.open(done.caseNumber);
    expect(page.form('status-heading').querySelector('select')).to.equal(null);
    expect(page.form('status-heading').textContent).to.contain('Der Vorgang ist abgeschlossen');
  });

  it('changes the status with a public message, and the list follows', async () => {
    const { bff, cases, page } = await board();
    const received = cases.cases.find((item) => item.status === 'eingegangen')!;
    await page.open(received.caseNumber);
    await page.submit('status-heading', { status: 'beauftragt', message: 'Die Firma Meier kommt am Dienstag zwischen 8 und 12 Uhr.' });
    const patch = bff.requests.find((request) => request.method === 'PATCH' && request.path.endsWith('/status'))!;
    expect(patch.path).to.equal(`/api/staff/cases/${received.id}/status`);
    expect(patch.body).to.deep.equal({ status: 'beauftragt', message: 'Die Firma Meier kommt am Dienstag zwischen 8 und 12 Uhr.' });
    expect(page.notice()).to.equal('Status auf „Beauftragt“ geändert.');
    expect(page.caseButton(received.caseNumber).textContent).to.contain('Beauftragt');
    expect(page.detailText()).to.contain('Die Firma Meier kommt am Dienstag');
    expect(page.detailText()).to.contain('Status geändert: Eingegangen → Beauftragt');
  });

  it('reloads a case another clerk changed meanwhile and says so (409 case_changed)', async () => {
    const { page, cases } = await board({ conflictOnStatus: true });
    const received = cases.cases.find((item) => item.status === 'eingegangen')!;
    await page.open(received.caseNumber);
    await page.submit('status-heading', { status: 'erledigt' });
    expect(page.alert()).to.equal(
      'Jemand anderes hat diesen Vorgang gerade geändert. Er ist neu geladen – bitte prüfen Sie ihn und versuchen Sie es erneut.',
    );
    const now = cases.store.get(received.id)!.case.status;
    expect(now).to.not.equal('eingegangen');
    await waitUntil(() => page.detailText().includes(`Status${page.el.msg.caseStatusLabels[now]}`), 'detail not reloaded');
    expect(page.detailText()).to.contain('Jonas Becker');
  });

  it('assigns a case to a clerk from the clerks list', async () => {
    const { bff, cases, page } = await board();
    const unassigned = cases.cases.find((item) => !item.assignee)!;
    await page.open(unassigned.caseNumber);
    expect(bff.calls).to.include('GET /api/staff/clerks');
    const options = [...page.form('assign-heading').querySelectorAll('option')].map((option) => option.textContent.trim());
    expect(options).to.deep.equal(['Nicht zugewiesen', ...fakeClerks.map((clerk) => clerk.label)]);
    await page.submit('assign-heading', { assignee: fakeClerks[1].id });
    expect(bff.requests.find((request) => request.path.endsWith('/assignee'))!.body).to.deep.equal({ assigneeId: fakeClerks[1].id });
    expect(page.notice()).to.equal('Zugewiesen an Jonas Becker.');
    expect(page.caseButton(unassigned.caseNumber).textContent).to.contain('Jonas Becker');
  });

  it('sends a public reply and an internal note to different places and marks them apart', async () => {
    const { bff, cases, page } = await board();
    const item = cases.cases[0];
    await page.open(item.caseNumber);
    await page.submit('message-heading', { body: 'Wir haben den Installateur beauftragt.' });
    expect(bff.requests.at(-2)).to.include({ method: 'POST', path: `/api/staff/cases/${item.id}/replies` });
    expect(page.notice()).to.equal('Antwort an den Mieter gesendet.');

    page.form('message-heading').querySelector<HTMLInputElement>('input[value="note"]')!.click();
    await page.settle();
    expect(page.form('message-heading').querySelector('button[type="submit"]')!.textContent.trim()).to.equal('Notiz speichern');
    await page.submit('message-heading', { body: 'Mieter telefonisch schwer erreichbar.' });
    const note = bff.requests.find((request) => request.path.endsWith('/notes'))!;
    expect(note.body).to.deep.equal({ body: 'Mieter telefonisch schwer erreichbar.' });
    expect(page.notice()).to.equal('Interne Notiz gespeichert.');

    const messages = [...page.detail.querySelectorAll('.timeline .entry.has-message')];
    const reply = messages.find((entry) => entry.textContent.includes('Wir haben den Installateur beauftragt.'))!;
    const internal = messages.find((entry) => entry.textContent.includes('Mieter telefonisch schwer erreichbar.'))!;
    expect(reply.classList.contains('public')).to.be.true;
    expect(reply.textContent).to.contain('Für den Mieter sichtbar');
    expect(internal.classList.contains('internal')).to.be.true;
    expect(internal.textContent).to.contain('Intern – für den Mieter nicht sichtbar');
  });

  it('uploads a document and publishes it to the resident, or says the function is not there yet', async () => {
    const missing = await board({ documents: false });
    await missing.page.open(missing.cases.cases[0].caseNumber);
    await publish(missing.page);
    expect(missing.page.alert()).to.equal('Diese Funktion steht noch nicht zur Verfügung.');

    const { bff, cases, page } = await board();
    const item = cases.cases[0];
    await page.open(item.caseNumber);
    await publish(page);
    expect(page.notice()).to.equal('Das Dokument liegt jetzt in „Meine Dokumente“ des Mieters.');
    expect(bff.calls).to.include('POST /api/uploads');
    const published = bff.requests.find((request) => request.path === `/api/staff/cases/${item.id}/documents`)!;
    expect(published.body).to.deep.include({ title: 'Terminbestätigung', category: 'letter' });
    expect(published.body!.uploadId).to.be.a('string');
    expect(page.detailText()).to.contain('Dokument „Terminbestätigung“ an den Mieter freigegeben');
  });

  /** Opens a request for a Mieterbescheinigung that is still open. */
  async function openCertificateRequest(page: BoardDriver, cases: FakeStaffCases) {
    const request = cases.cases.find((item) => item.documentType?.label === 'Mieterbescheinigung' && item.status !== 'erledigt')!;
    await page.choose('type', 'document_request');
    page.caseButton(request.caseNumber).click();
    await waitUntil(() => page.detailView?.detail?.case.id === request.id);
    await page.detailView!.updateComplete;
    return request;
  }

  /** Presses "Bescheinigung prüfen und freigeben" and waits for the preview. */
  async function openPreview(page: BoardDriver): Promise<HTMLElement> {
    page.detail.querySelector<HTMLButtonElement>('button.certificate')!.click();
    await waitUntil(() => page.detail.querySelector('[part="certificate-preview"]'), 'no preview');
    return page.detail.querySelector<HTMLElement>('[part="certificate-preview"]')!;
  }

  it('previews the Mieterbescheinigung of its document request and releases it only after the clerk confirmed it', async () => {
    const { bff, cases, page } = await board();
    const other = cases.cases.find((item) => item.type === 'damage')!;
    await page.open(other.caseNumber);
    expect(page.detailText()).to.not.contain('Bescheinigung prüfen und freigeben');
    const request = await openCertificateRequest(page, cases);
    const preview = await openPreview(page);
    expect(bff.calls).to.include(`GET /api/staff/cases/${request.id}/certificate/preview`);
    expect(
      bff.calls.filter((call) => call.startsWith('POST')),
      'nothing released by looking',
    ).to.deep.equal([]);
    expect(preview.textContent).to.contain(request.resident!.name!).and.contain(`Vorgangsnummer${request.caseNumber}`);
    expect(preview.querySelector('iframe')!.src).to.match(/^blob:/);
    await expectFocus(page.detail, page.detail.querySelector('#certificate-preview-heading'), 'the preview heading');

    preview.querySelector<HTMLButtonElement>('button.release')!.click();
    await waitUntil(() => page.notice() !== '');
    const released = bff.requests.find(
      (request_) => request_.method === 'POST' && request_.path === `/api/staff/cases/${request.id}/certificate`,
    )!;
    expect(released.body).to.deep.equal({ digest: cases.certificatePreview(cases.store.get(request.id)!).digest });
    expect(page.notice()).to.equal('Die Mieterbescheinigung wurde erstellt und freigegeben; der Vorgang ist erledigt.');
    await waitUntil(() => page.caseButton(request.caseNumber).textContent.includes('Erledigt'));
    expect(Boolean(page.detail.querySelector('[part="certificate-preview"]'))).to.equal(false);
    expect(Boolean(page.detail.querySelector('button.certificate'))).to.equal(false);
  });

  it('"Abbrechen" releases nothing: the request stays open and the button offers the preview again', async () => {
    const { bff, cases, page } = await board();
    const request = await openCertificateRequest(page, cases);
    const preview = await openPreview(page);
    preview.querySelector<HTMLButtonElement>('button.cancel')!.click();
    await waitUntil(() => !page.detail.querySelector('[part="certificate-preview"]'));
    await expectFocus(page.detail, page.detail.querySelector('button.certificate'), 'back on the button');
    expect(bff.calls).to.not.include(`POST /api/staff/cases/${request.id}/certificate`);
    expect(page.caseButton(request.caseNumber).textContent).to.not.contain('Erledigt');
  });

  it('when the data changed since the preview, says so in the preview and shows the certificate as it now is; released after a second look', async () => {
    const { bff, cases, page } = await board({ certificateChangesAfterPreview: true });
    const request = await openCertificateRequest(page, cases);
    const first = await openPreview(page);
    expect(first.textContent).to.contain('Mietbeginnlaut Mietvertrag');
    first.querySelector<HTMLButtonElement>('button.release')!.click();
    await waitUntil(() => page.detail.querySelector('[part="certificate-preview"] [role="alert"]')!.textContent !== '', 'no error');
    await waitUntil(() => !page.detailView!.busy);
    const preview = page.detail.querySelector<HTMLElement>('[part="certificate-preview"]')!;
    expect(preview.querySelector('[role="alert"]')!.textContent).to.equal(
      'Die Angaben haben sich seit der Vorschau geändert. Bitte prüfen Sie die Vorschau erneut.',
    );
    expect(preview.textContent).to.contain('Mietbeginn01.04.2019');
    expect(page.caseButton(request.caseNumber).textContent).to.not.contain('Erledigt');
    expect(bff.calls.filter((call) => call === `GET /api/staff/cases/${request.id}/certificate/preview`).length).to.equal(2);

    preview.querySelector<HTMLButtonElement>('button.release')!.click();
    await waitUntil(() => page.notice() !== '');
    expect(page.notice()).to.equal('Die Mieterbescheinigung wurde erstellt und freigegeben; der Vorgang ist erledigt.');
    expect(page.alert()).to.equal('');
  });

  it('says so beside the button when the BFF cannot preview a certificate yet', async () => {
    const { cases, page } = await board({ documents: false });
    await openCertificateRequest(page, cases);
    page.detail.querySelector<HTMLButtonElement>('button.certificate')!.click();
    await waitUntil(() => page.alert() !== '');
    expect(page.alert()).to.equal('Diese Funktion steht noch nicht zur Verfügung.');
    expect(Boolean(page.detail.querySelector('[part="certificate-preview"]'))).to.equal(false);
  });

  it('leaves the cases as they are when a rental lead arrives live in the same staff room', async () => {
    const { el, bff, page } = await board({ count: 3 });
    const before = page.numbers();
    const now = new Date().toISOString();
    bff.live.emit('lead:created', {
      lead: {
        id: 'a0000000-0000-4000-8000-000000000001',
        listing: null,
        status: 'offen',
        column: 'nicht_zugeordnet',
        source: 'immoscout24',
        channel: 'webhook',
        provider: 'immoscout24',
        name: 'Jana Beispiel',
        email: 'jana@example.org',
        owner: null,
        desiredMoveIn: null,
        householdSize: null,
        householdType: null,
        pets: null,
        selfDisclosureOffered: false,
        duplicate: false,
        version: 1,
        createdAt: now,
        updatedAt: now,
        statusChangedAt: now,
      },
      duplicateOf: [],
    });
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(page.numbers()).to.deep.equal(before);
    expect(page.root.querySelector('[aria-live="polite"]')!.textContent.trim()).to.equal('');
  });

  it('shows the clerk’s own notifications live: a case given to them, a resident’s message; opens and hides them', async () => {
    const { el, bff, cases, page } = await board({ count: 3 });
    const given = cases.cases[1];
    bff.live.emit('case:notification', { reason: 'assigned', accountId: fakeClerks[0].id, case: given });
    await el.updateComplete;
    const shown = () => [...page.root.querySelectorAll('[part="notification"] span')].map((span) => span.textContent.trim());
    expect(shown()).to.deep.equal([`Ihnen zugewiesen: Vorgang ${given.caseNumber} „${given.title}“`]);
    expect(page.root.querySelector('[aria-live="polite"]')!.textContent.trim()).to.equal(shown()[0]);
    bff.live.emit('case:notification', { reason: 'resident_message', accountId: fakeClerks[0].id, case: cases.cases[2] });
    await el.updateComplete;
    expect(shown()[0]).to.equal(
      `Neue Nachricht der Mieterin/des Mieters zu Vorgang ${cases.cases[2].caseNumber} „${cases.cases[2].title}“`,
    );
    expect(shown()).to.have.length(2);
    await expect(el).to.be.accessible();

    await press(page.root, `Vorgang ${given.caseNumber} öffnen`);
    await waitUntil(() => page.detailView?.detail?.case.caseNumber === given.caseNumber, 'the notified case opens');
    expect(shown(), 'an opened notification goes').to.have.length(1);
    await press(page.root, `Benachrichtigung zu Vorgang ${cases.cases[2].caseNumber} ausblenden`);
    await el.updateComplete;
    expect(page.root.querySelector('[part="notifications"]')).to.equal(null);
  });

  it('adds a new case live, announces it politely and marks it new; updates a listed and an open case', async () => {
    const { el, bff, cases, page } = await board({ count: 5 });
    const fresh = cases.add(
      cases.created({
        title: 'Rohrbruch im Keller',
        deadlineAt: new Date(Date.now() + 3_600_000).toISOString(),
        priority: 'critical',
        source: 'chat',
      }),
    );
    bff.live.emit('case:created', { change: 'created', case: fresh });
    await el.updateComplete;
    expect(page.numbers()).to.deep.equal(
      cases.cases.map((item) => item.caseNumber),
      'in deadline order',
    );
    expect(page.numbers()).to.include('2026-0042');
    expect(page.caseButton('2026-0042').textContent).to.contain('Neu').and.contain('Chat-Assistent');
    const live = page.root.querySelector('[aria-live="polite"]')!;
    expect(live.textContent.trim()).to.equal('Neuer Vorgang 2026-0042');
    await expect(el).to.be.accessible();

    const open = cases.cases[2];
    await page.open(open.caseNumber);
    const changed = cases.update(open.id, { status: 'abgelehnt', overdue: false });
    cases.store.get(open.id)!.events.push({
      id: 'e0000000-0000-4000-8000-0000000000a3',
      kind: 'status_changed',
      public: true,
      actor: 'staff',
      actorName: 'Jonas Becker',
      data: { from: open.status, to: 'abgelehnt' },
      createdAt: new Date().toISOString(),
    });
    bff.live.emit('case:updated', { change: 'status_changed', case: changed });
    await waitUntil(() => page.detailText().includes('Jonas Becker') && page.detailText().includes('→ Abgelehnt'), 'open case not updated');
    expect(page.caseButton(open.caseNumber).textContent).to.contain('Abgelehnt');

    const before = cases.listQueries.length;
    bff.live.emit('live:connected');
    await waitUntil(() => cases.listQueries.length > before, 'no reload after reconnect');
  });

  it('says calmly in a polite live region that the connection is being restored, without moving the list, and reloads once back', async () => {
    const { el, bff, cases, page } = await board({ count: 5 });
    const status = () => page.root.querySelector('.live-status[role="status"][aria-live="polite"]')!;
    expect(status().textContent.trim()).to.equal('');
    const listTop = page.caseButton(cases.cases[0].caseNumber).getBoundingClientRect().top;

    bff.live.emit('live:interrupted');
    await el.updateComplete;
    expect(status().textContent.trim()).to.equal('Verbindung unterbrochen – wird wiederhergestellt');
    expect(page.caseButton(cases.cases[0].caseNumber).getBoundingClientRect().top).to.equal(listTop, 'the list did not move');
    await expect(el).to.be.accessible();

    const before = cases.listQueries.length;
    bff.live.emit('live:connected');
    await el.updateComplete;
    expect(status().textContent.trim()).to.equal('');
    await waitUntil(() => cases.listQueries.length > before, 'no reload after reconnect');
  });

  it('finds out at once when the BFF ended the live connection because the clerk signed out elsewhere', async () => {
    const { bff, cases, page } = await board({ count: 3 });
    cases.listError = { status: 401, code: 'unauthenticated', message: 'Bitte melden Sie sich an.' };
    bff.live.emit('live:ended');
    await waitUntil(() => page.text().includes('Bitte melden Sie sich als Mitarbeiterin oder Mitarbeiter an'), 'still shows the cases');
  });

  it('works by keyboard: filters, opening a case, Escape back to the same entry', async () => {
    const { el, cases, page } = await board();
    const overdue = page.root.querySelector<HTMLInputElement>('input[name="overdue"]')!;
    overdue.focus();
    await sendKeys({ press: 'Space' });
    await page.settle();
    expect(cases.listQueries.at(-1)!.get('overdue')).to.equal('true');
    const first = page.root.querySelector<HTMLButtonElement>('button.case')!;
    const number = first.querySelector('.number')!.textContent;
    first.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => page.detailView?.detail?.case.caseNumber === number);
    await page.detailView!.updateComplete;
    await expectFocus(page.root, page.detailView);
    expect(page.detail.activeElement?.id).to.equal('detail-heading');
    await sendKeys({ press: 'Escape' });
    await page.settle();
    expect(el.caseId).to.equal(undefined);
    await expectFocus(page.root, page.caseButton(number));
  });

  it('shows an empty board, a failing list with retry, and a hint when nobody is signed in', async () => {
    const empty = await board({ count: 0 });
    expect(empty.page.text()).to.contain('Keine offenen Vorgänge.');
    await expect(empty.el).to.be.accessible();

    const failing = await board({ listError: { status: 503, code: 'service_unavailable', message: 'Dienst weg.' } });
    expect(failing.page.root.querySelector('[role="alert"]')!.textContent).to.contain('Der Dienst ist vorübergehend nicht verfügbar.');
    expect(failing.page.text()).to.contain('Erneut versuchen');

    const signedOut = await board({ listError: { status: 401, code: 'unauthenticated', message: 'Bitte melden Sie sich an.' } });
    expect(signedOut.page.text()).to.contain('Bitte melden Sie sich als Mitarbeiterin oder Mitarbeiter an');
  });

  it('fits a 320 px phone without sideways scrolling, list and open case alike', async () => {
    const cases = new FakeStaffCases({ longTexts: true, count: 6 });
    const bff = new FakeBff({ session: { state: 'signed_in', user: clerk }, routes: cases.routes });
    // The board itself is the 320 px box (a plain wrapper would make fixture() wait for an animation frame).
    const el = await fixture<CaseBoard>(html`<case-board style="width: 320px" .client=${bff.client()}></case-board>`);
    const holder = el;
    const page = new BoardDriver(el);
    await page.loaded();
    const overflowing = () =>
      [...el.shadowRoot!.querySelectorAll<HTMLElement>('*'), ...(page.detailView?.shadowRoot!.querySelectorAll<HTMLElement>('*') ?? [])]
        .filter((node) => node.getBoundingClientRect().right > holder.getBoundingClientRect().right + 1)
        .map((node) => `${node.className || node.tagName} ${Math.round(node.getBoundingClientRect().right)}`);
    expect(overflowing()).to.deep.equal([]);
    const toggle = el.shadowRoot!.querySelector<HTMLButtonElement>('.filters-toggle')!;
    const filters = el.shadowRoot!.querySelector<HTMLElement>('.filters')!;
    expect(filters.getBoundingClientRect().height).to.equal(0, 'filters folded away');
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(filters.getBoundingClientRect().height).to.be.greaterThan(0);
    await page.choose('type', 'damage');
    expect(toggle.textContent.trim()).to.equal('Filter (1 aktiv)');
    expect(overflowing()).to.deep.equal([]);
    await page.open(page.numbers()[0]);
    expect(el.shadowRoot!.querySelector('.list-pane')!.getBoundingClientRect().height).to.equal(0, 'the open case replaces the list');
    expect(overflowing()).to.deep.equal([]);
  });

  it('on a staff page waits for the sign-in in <staff-portal>, then shows the cases', async () => {
    const { el, cases, page } = await board({ listError: { status: 401, code: 'unauthenticated', message: 'Bitte melden Sie sich an.' } });
    expect(page.text()).to.contain('Bitte melden Sie sich als Mitarbeiterin oder Mitarbeiter an');
    cases.listError = undefined;
    document.body.dispatchEvent(new CustomEvent('mp-signed-in', { bubbles: true, composed: true, detail: { user: clerk } }));
    await waitUntil(() => page.numbers().length === 20, 'no reload after sign-in');
    document.body.dispatchEvent(new CustomEvent('mp-signed-out', { bubbles: true, composed: true, detail: { everywhere: false } }));
    await el.updateComplete;
    expect(page.numbers()).to.deep.equal([]);
    expect(page.text()).to.contain('Bitte melden Sie sich als Mitarbeiterin oder Mitarbeiter an');
  });

  describe('with url-state', () => {
    const pageUrl = location.href;
    afterEach(() => history.replaceState(null, '', pageUrl));

    /** The board's parameters in the page URL. */
    const parameters = () => Object.fromEntries([...new URLSearchParams(location.search)].filter(([name]) => name.startsWith('mp-')));

    it('puts the open case and the filters into the URL, shows them again after a reload and closes the case on Back', async () => {
      const first = await board({}, {}, 'de', true);
      await first.page.choose('type', 'damage');
      await first.page.tick('status', 'in_bearbeitung');
      expect(parameters()).to.deep.equal({ 'mp-type': 'damage', 'mp-status': 'in_bearbeitung' });
      const length = history.length;
      const number = first.page.numbers()[0];
      const item = first.cases.cases.find((candidate) => candidate.caseNumber === number)!;
      await first.page.open(number);
      expect(parameters()).to.deep.equal({ 'mp-type': 'damage', 'mp-status': 'in_bearbeitung', 'mp-case': item.id });
      expect(history.length).to.equal(length + 1, 'opening a case is a step Back can undo; filtering is not');

      first.el.remove();
      const reloaded = await board({}, {}, 'de', true);
      await waitUntil(() => reloaded.page.detailView?.detail?.case.id === item.id, 'the same case open after reload');
      expect(Object.fromEntries(reloaded.cases.listQueries[0])).to.deep.include({ type: 'damage', status: 'in_bearbeitung' });
      expect(reloaded.page.root.querySelector<HTMLSelectElement>('select[name="type"]')!.value).to.equal('damage');

      history.back();
      await waitUntil(() => !reloaded.page.detailView, 'case closed on Back');
      await reloaded.el.updateComplete;
      expect(parameters()).to.deep.equal({ 'mp-type': 'damage', 'mp-status': 'in_bearbeitung' });
      await expectFocus(reloaded.page.root, reloaded.page.caseButton(number));
    });

    it('opens a linked case once the clerk has signed in, even one not on the first page', async () => {
      const cases = new FakeStaffCases({ listError: { status: 401, code: 'unauthenticated', message: 'Bitte melden Sie sich an.' } });
      const linked = cases.cases[25];
      history.replaceState(null, '', `?mp-case=${linked.id}`);
      const bff = new FakeBff({ session: { state: 'signed_in', user: clerk }, routes: cases.routes });
      const el = await fixture<CaseBoard>(html`<case-board url-state .client=${bff.client()}></case-board>`);
      const page = new BoardDriver(el);
      await page.loaded();
      expect(page.text()).to.contain('Bitte melden Sie sich als Mitarbeiterin oder Mitarbeiter an');
      expect(page.detailView).to.equal(null);
      cases.listError = undefined;
      document.body.dispatchEvent(new CustomEvent('mp-signed-in', { bubbles: true, composed: true, detail: { user: clerk } }));
      await waitUntil(() => page.detailView?.detail?.case.id === linked.id, 'linked case open');
      expect(parameters()).to.deep.equal({ 'mp-case': linked.id });
    });
  });

  it('speaks English with lang="en"', async () => {
    const { el, cases, page } = await board({}, {}, 'en');
    expect(page.text()).to.contain('Load more');
    expect(page.text()).to.contain('All types');
    const overdue = cases.cases.find((item) => item.overdue)!;
    expect(page.caseButton(overdue.caseNumber).textContent).to.contain('Overdue since');
    await page.open(overdue.caseNumber);
    expect(page.detailText()).to.contain(`Case ${overdue.caseNumber}`);
    expect(page.detailText()).to.contain('Case received');
    expect(page.detailText()).to.contain('Change status');
    await expect(el).to.be.accessible();
  });
});

async function publish(page: BoardDriver): Promise<void> {
  const form = page.form('document-heading');
  const input = form.querySelector<HTMLInputElement>('input[type="file"]')!;
  const transfer = new DataTransfer();
  transfer.items.add(new File(['%PDF-1.4 Termin'], 'termin.pdf', { type: 'application/pdf' }));
  input.files = transfer.files;
  await page.submit('document-heading', { title: 'Terminbestätigung', category: 'letter' });
}
