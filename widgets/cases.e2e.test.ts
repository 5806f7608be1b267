import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { io } from 'socket.io-client';
import { ApiClient } from './internal/api-client.ts';
import { liveConnected } from './internal/live-updates.ts';
import {
  CLERK_API,
  chooseFiles,
  createCaseCompany,
  deepQueryAll,
  deepText,
  fill,
  findButton,
  liveConnectedOn,
  mailsTo,
  oneEndToEndFileAtATime,
  press,
  sessionOf,
  signIn,
  signOut,
  testPhoto,
  waitFor,
  waitForText,
  type CaseCompany,
} from './testing/e2e-session.ts';
import type { TenantPortal } from './tenant-portal/tenant-portal.ts';
import type { CaseBoard } from './case-board/case-board.ts';
import './tenant-portal/tenant-portal.ts';
import './case-board/case-board.ts';

/**
 * Issue "cases", end to end: a resident and a clerk of one housing company, each with their own session
 * in this one page, against the real BFF (web-test-runner.config.mjs: the resident through `/api`, the
 * clerk through `/clerk/api`).
 */
describe('cases end to end with the real BFF', () => {
  oneEndToEndFileAtATime();
  // The page's cookie jar outlives this file: the next test file on this page starts signed out.
  afterEach(async () => {
    await signOut('');
    await signOut(CLERK_API);
  });

  it('keeps the resident and the clerk signed in side by side and carries live updates to each over their own session', async function () {
    this.timeout(60_000);
    const company = await createCaseCompany();
    await signIn('', company, company.resident, 'resident');
    await signIn(CLERK_API, company, company.clerk, 'staff');
    expect((await sessionOf('')).user).to.include({ role: 'resident', displayName: 'Erika Mustermann' });
    expect((await sessionOf(CLERK_API)).user).to.include({ role: 'clerk', displayName: company.clerk.name });

    // Live updates as the widgets get them (socket.io, polling first, then upgraded to a WebSocket).
    const resident = new ApiClient('');
    const clerk = new ApiClient(CLERK_API);
    const heard = { resident: [] as Array<[string, any]>, clerk: [] as Array<[string, any]> };
    const stop = [
      resident.live.subscribe((event, payload) => heard.resident.push([event, payload])),
      clerk.live.subscribe((event, payload) => heard.clerk.push([event, payload])),
    ];
    // A WebSocket-only client through the clerk's prefix: the upgrade itself goes through the test server.
    const socket = io(location.origin, { path: `${CLERK_API}/socket.io`, transports: ['websocket'], reconnection: false });
    const socketHeard: string[] = [];
    socket.onAny((event: string) => socketHeard.push(event));
    try {
      await waitUntil(
        () =>
          heard.resident.some(([event]) => event === liveConnected) &&
          heard.clerk.some(([event]) => event === liveConnected) &&
          socket.connected,
        'live updates did not connect',
        { timeout: 10_000 },
      );

      const filed = await resident.request<{ case: { id: string; caseNumber: string } }>('POST', '/api/cases', {
        type: 'contact',
        title: 'Frage zur Hausordnung',
        description: 'Darf ich im Hof grillen?',
      });
      await waitUntil(
        () => heard.clerk.some(([event, payload]) => event === 'case:created' && payload.case.caseNumber === filed.case.caseNumber),
        'the clerk did not hear of the new case',
        { timeout: 10_000 },
      );
      await waitUntil(() => socketHeard.includes('case:created'), 'the WebSocket-only client did not hear of the new case', {
        timeout: 10_000,
      });

      await clerk.request('PATCH', `/api/staff/cases/${filed.case.id}/status`, { status: 'in_bearbeitung', message: 'Wir prüfen das.' });
      await waitUntil(
        () =>
          heard.resident.some(
            ([event, payload]) =>
              event === 'case:updated' && payload.change === 'status_changed' && payload.case.status === 'in_bearbeitung',
          ),
        'the resident did not hear of the status change',
        { timeout: 10_000 },
      );
      await waitUntil(
        async () => (await mailsTo(company.resident.email)).some((mail) => mail.text.includes('Wir prüfen das.')),
        'no status e-mail',
        {
          timeout: 10_000,
        },
      );
      // The clerk's session never reached the resident's side, nor the other way round.
      expect(heard.resident.some(([event]) => event === 'case:created')).to.equal(false);
      expect((await sessionOf('')).user?.role).to.equal('resident');
    } finally {
      stop.forEach((unsubscribe) => unsubscribe());
      socket.disconnect();
    }
  });

  /** One page: the resident's portal and the clerk's board, each signed in with its own session and live updates connected. */
  async function residentAndClerk(company: CaseCompany) {
    await signIn('', company, company.resident, 'resident');
    await signIn(CLERK_API, company, company.clerk, 'staff');
    // Fresh clients per test: their sockets carry this test's sessions.
    const residentClient = new ApiClient('');
    const clerkClient = new ApiClient(CLERK_API);
    const stopLive = [await liveConnectedOn(residentClient), await liveConnectedOn(clerkClient)];
    const page = await fixture<HTMLElement>(html`
      <div>
        <tenant-portal tenant=${company.slug} .client=${residentClient}></tenant-portal>
        <case-board api=${CLERK_API} .client=${clerkClient}></case-board>
      </div>
    `);
    const portal = page.querySelector<TenantPortal>('tenant-portal')!;
    const board = page.querySelector<CaseBoard>('case-board')!;
    await waitForText(portal, 'Sie haben noch keine Anliegen.');
    await waitForText(board, 'Keine offenen Vorgänge.');
    return { portal, board, stop: () => stopLive.forEach((unsubscribe) => unsubscribe()) };
  }

  /** The case number the portal shows for the newest case ("Nr. 2026-0001"). */
  async function newestCaseNumber(portal: HTMLElement): Promise<string> {
    const match = await waitFor(
      () => /Nr\. (\d{4}-\d{4,})/.exec(deepText(portal)),
      () => `no case number in: ${deepText(portal).slice(0, 1500)}`,
    );
    return match[1];
  }

  /** The board's entry of a case (the button opening it). */
  function boardEntry(board: HTMLElement, caseNumber: string): HTMLButtonElement | undefined {
    return deepQueryAll<HTMLButtonElement>(board, 'button.case').find((button) => deepText(button).includes(caseNumber));
  }

  it('a damage report with two photos reaches the clerk live, already assigned; "beauftragt" with a message reaches the resident live and by e-mail', async function () {
    this.timeout(120_000);
    const company = await createCaseCompany();
    const { portal, board, stop } = await residentAndClerk(company);
    try {
      // The resident reports the damage in the portal, with two photos.
      await press(portal, 'Neues Anliegen');
      await press(portal, 'Schadensmeldung');
      await fill(portal, 'Schadensort', 'Wohnung');
      await fill(portal, 'Schadenskategorie', 'Sanitär');
      await fill(portal, 'Schadensart', 'Wasserhahn tropft');
      await fill(portal, 'Beschreibung', 'Der Wasserhahn in der Küche tropft seit Montag ununterbrochen.');
      const photos = [await testPhoto('kueche-1.jpg', '#2a6f97'), await testPhoto('kueche-2.jpg', '#a23b72')];
      const fileInput = await waitFor(
        () =>
          deepQueryAll<HTMLInputElement>(portal, 'mp-attachment-picker')[0]?.shadowRoot?.querySelector<HTMLInputElement>(
            'input[type="file"]',
          ),
        'no attachment picker in the damage report form',
      );
      chooseFiles(fileInput, photos);
      await waitFor(
        () => deepText(portal).split('Hochgeladen').length - 1 === 2,
        () => `photos not uploaded: ${deepText(portal).slice(0, 2000)}`,
        20_000,
      );
      await press(portal, 'Schaden melden');
      const caseNumber = await newestCaseNumber(portal);
      await waitForText(portal, 'Eingegangen');

      // The clerk sees it arrive on the board, marked new and already assigned by the routing rule.
      const entry = await waitFor(
        () => boardEntry(board, caseNumber),
        () => `case ${caseNumber} not on the board: ${deepText(board).slice(0, 1500)}`,
      );
      expect(deepText(entry)).to.contain('Neu');
      expect(deepText(entry)).to.contain(company.clerk.name);
      expect(deepText(entry)).to.contain('Eingegangen');
      entry.click();
      await waitForText(board, 'Der Wasserhahn in der Küche tropft seit Montag ununterbrochen.');
      await waitForText(board, 'kueche-1.jpg');
      await waitForText(board, 'kueche-2.jpg');
      // The photo the clerk downloads (through the clerk's own session) is a JPEG.
      const photoLink = deepQueryAll<HTMLAnchorElement>(board, 'a[download="kueche-1.jpg"]')[0];
      expect(new URL(photoLink.href).pathname).to.match(/^\/clerk\/api\/staff\/cases\//);
      const photo = new Uint8Array(await (await fetch(photoLink.href)).arrayBuffer());
      expect([...photo.slice(0, 3)]).to.deep.equal([0xff, 0xd8, 0xff]);

      // The resident keeps the case open in the portal.
      await press(portal, 'Wasserhahn tropft');
      await waitForText(portal, 'kueche-2.jpg');

      // The clerk commissions the repair with a message to the resident.
      const message = 'Die Firma Tropfstopp kommt am Donnerstag zwischen 8 und 12 Uhr.';
      await fill(board, 'Neuer Status', 'Beauftragt');
      await fill(board, 'Nachricht an den Mieter', message);
      await press(board, 'Status ändern');
      await waitForText(board, 'Status auf „Beauftragt“ geändert.');

      // The resident's open portal shows it without a reload, and an e-mail went out.
      await waitForText(portal, message);
      await waitForText(portal, 'Beauftragt');
      const mail = await waitFor(
        async () => (await mailsTo(company.resident.email)).find((candidate) => candidate.text.includes(message)),
        'no e-mail to the resident with the message',
      );
      expect(`${mail.subject} ${mail.text}`).to.contain(caseNumber);
      await expect(portal).to.be.accessible();
      await expect(board).to.be.accessible();
    } finally {
      stop();
    }
  });

  it('a Mieterbescheinigung requested in the portal reaches the clerk live; the clerk checks its preview and releases it; it lands in "Meine Dokumente" live, with an e-mail', async function () {
    this.timeout(120_000);
    const company = await createCaseCompany();
    const { portal, board, stop } = await residentAndClerk(company);
    try {
      // The resident requests a Mieterbescheinigung in the portal.
      await press(portal, 'Neues Anliegen');
      await press(portal, 'Dokumentenanforderung');
      await fill(portal, 'Gewünschtes Dokument', 'Mieterbescheinigung');
      await fill(portal, 'Anmerkung', 'Für die Anmeldung beim Bürgeramt.');
      await press(portal, 'Anliegen senden');
      const caseNumber = await newestCaseNumber(portal);

      // The clerk sees it arrive, assigned by the routing rule, checks the certificate's preview and releases it.
      const entry = await waitFor(
        () => boardEntry(board, caseNumber),
        () => `case ${caseNumber} not on the board: ${deepText(board).slice(0, 1500)}`,
      );
      expect(deepText(entry)).to.contain('Neu');
      expect(deepText(entry)).to.contain(company.clerk.name);
      entry.click();
      await waitForText(board, 'Für die Anmeldung beim Bürgeramt.');
      await press(board, 'Bescheinigung prüfen und freigeben');
      await waitForText(board, 'Vorschau der Mieterbescheinigung');
      expect(deepText(board)).to.contain(company.resident.name).and.contain('Mietbeginn').and.contain(`Vorgangsnummer ${caseNumber}`);
      const frame = deepQueryAll<HTMLIFrameElement>(board, 'iframe[part="certificate-pdf"]')[0];
      const previewed = await fetch(frame.src);
      expect(new TextDecoder().decode((await previewed.arrayBuffer()).slice(0, 5))).to.equal('%PDF-');
      // Looking released nothing: the resident's case is still open and nothing waits in "Meine Dokumente".
      expect(deepText(portal)).to.not.contain('Erledigt');
      expect(Boolean(findButton(portal, /^Meine Dokumente\b.*\bungelesen$/))).to.equal(false, 'no unread document yet');
      await expect(board).to.be.accessible();
      await press(board, 'Bescheinigung freigeben');
      await waitForText(board, 'Die Mieterbescheinigung wurde erstellt und freigegeben; der Vorgang ist erledigt.');

      // The resident's open portal shows the case done and the new document without a reload.
      await waitForText(portal, 'Erledigt');
      await waitFor(
        () => findButton(portal, /^Meine Dokumente\b.*\b1 ungelesen$/),
        () => `no unread document in the navigation: ${deepText(portal).slice(0, 1500)}`,
      );
      await press(portal, 'Meine Dokumente');
      await waitForText(portal, `zu Anliegen ${caseNumber}`);
      await waitForText(portal, 'Mieterbescheinigung');
      const link = await waitFor(
        () => deepQueryAll<HTMLAnchorElement>(portal, 'a[href*="/api/documents/"]')[0],
        () => `no download link in "Meine Dokumente": ${deepText(portal).slice(0, 1500)}`,
      );
      const pdf = await fetch(link.href);
      expect(pdf.status).to.equal(200);
      expect(pdf.headers.get('content-type')).to.contain('application/pdf');
      expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).to.equal('%PDF-');

      const mail = await waitFor(
        async () =>
          (await mailsTo(company.resident.email)).find(
            (candidate) => candidate.text.includes('Meine Dokumente') && `${candidate.subject} ${candidate.text}`.includes(caseNumber),
          ),
        'no e-mail to the resident about the certificate',
      );
      expect(mail.text).to.contain('Erledigt');
      await expect(portal).to.be.accessible();
      await expect(board).to.be.accessible();
    } finally {
      stop();
    }
  });

  it('the owner and the tenant of the same rented-out flat each see only the documents meant for them', async function () {
    this.timeout(120_000);
    const company = await createCaseCompany({ owner: true });
    const documentsOf = async (account: CaseCompany['resident']) => {
      await signIn('', company, account, 'resident');
      const portal = await fixture<TenantPortal>(html`<tenant-portal tenant=${company.slug} .client=${new ApiClient('')}></tenant-portal>`);
      await press(portal, 'Meine Dokumente');
      await waitForText(portal, 'Wartung der Rauchmelder');
      await expect(portal).to.be.accessible();
      const text = deepText(portal);
      await signOut('');
      return text;
    };
    const tenantSees = await documentsOf(company.resident);
    expect(tenantSees).to.contain('Ablesung der Wasserzähler');
    expect(tenantSees).not.to.contain('Hausgeldabrechnung 2025');
    expect(tenantSees).not.to.contain('Protokoll der Eigentümerversammlung 2026');

    const ownerSees = await documentsOf(company.owner!);
    expect(ownerSees).to.contain('Hausgeldabrechnung 2025');
    expect(ownerSees).to.contain('Protokoll der Eigentümerversammlung');
    expect(ownerSees).to.contain('Hausgeldabrechnung', 'the category label');
    expect(ownerSees).not.to.contain('Ablesung der Wasserzähler');
  });
});
