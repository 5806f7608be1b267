import { expect, fixture, html } from '@open-wc/testing';
import { ApiClient } from './internal/api-client.ts';
import {
  CLERK_API,
  createCaseCompany,
  deepQueryAll,
  deepText,
  fill,
  liveConnectedOn,
  mailsTo,
  oneEndToEndFileAtATime,
  press,
  signIn,
  signOut,
  waitFor,
  waitForText,
} from './testing/e2e-session.ts';
import type { TenantPortal } from './tenant-portal/tenant-portal.ts';
import type { CaseBoard } from './case-board/case-board.ts';
import type { ContractorAnswer } from './contractor-answer/contractor-answer.ts';
import './tenant-portal/tenant-portal.ts';
import './case-board/case-board.ts';
import './contractor-answer/contractor-answer.ts';

/** The same test server under another name: the housing company's own site, another origin than this page's. */
const companySite = `http://127.0.0.1:${location.port}`;

const CONTRACTOR = { name: 'Tropfstopp GmbH', trade: 'Sanitär', email: 'auftrag@tropfstopp.example' };

/** `date` as German time shows it: the order mail's „04.12.2026 um 09:30 Uhr“ and the timeline's „04.12.2026, 09:30“. */
function inBerlin(date: Date) {
  const part = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', ...options }).format(date);
  const day = part({ day: '2-digit', month: '2-digit', year: 'numeric' });
  const time = part({ hour: '2-digit', minute: '2-digit' });
  return { mail: `${day} um ${time} Uhr`, timeline: `${day}, ${time}` };
}

/** `YYYY-MM-DDTHH:MM` in the browser's time zone, as a `datetime-local` field takes it. */
function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * The housing company's page in a window of its own origin (widgets/testing/portal-host-page.ts): this page cannot
 * read it, so it asks by message.
 */
class CompanySiteWindow {
  private nextId = 0;

  private constructor(private readonly window: Window) {}

  static open(url: string): CompanySiteWindow {
    const opened = window.open(url, '_blank');
    if (!opened) throw new Error(`window.open(${url}) was refused`);
    return new CompanySiteWindow(opened);
  }

  /** One request; undefined when the page did not answer within `timeout` (still loading). */
  private ask<T>(type: string, extra: object = {}, timeout = 30_000): Promise<T | undefined> {
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        window.removeEventListener('message', listen);
        resolve(undefined);
      }, timeout);
      const listen = (event: MessageEvent<{ id: number; value?: T; error?: string }>) => {
        if (event.origin !== companySite || event.data?.id !== id) return;
        clearTimeout(timer);
        window.removeEventListener('message', listen);
        if (event.data.error) reject(new Error(`company site, ${type}: ${event.data.error}`));
        else resolve(event.data.value);
      };
      window.addEventListener('message', listen);
      this.window.postMessage({ id, type, ...extra }, companySite);
    });
  }

  /** What the page shows (and its address), once its script answers. */
  async shown(): Promise<{ text: string; href: string }> {
    return waitFor(() => this.ask<{ text: string; href: string }>('text', {}, 1000), 'the company site does not answer', 20_000);
  }

  async waitForText(text: string, timeout = 20_000): Promise<void> {
    let last = '';
    await waitFor(
      async () => {
        last = (await this.shown()).text;
        return last.includes(text);
      },
      () => `company site: "${text}" not shown; saw: ${last.slice(0, 1500)}`,
      timeout,
    );
  }

  async signIn(account: { email: string; password: string }): Promise<void> {
    await this.shown();
    // The second factor may wait for the next TOTP period (the resident signed in on this page seconds ago).
    const outcome = await this.ask('sign-in', { email: account.email, password: account.password }, 90_000);
    if (outcome !== 'signed-in') throw new Error(`company site: sign-in did not finish (${String(outcome)})`);
  }

  async close(): Promise<void> {
    if (this.window.closed) return;
    await this.ask('sign-out', {}, 5000).catch(() => undefined);
    this.window.close();
  }
}

/**
 * Issue 11, contractor orders, end to end with the real BFF (web-test-runner.config.mjs): a clerk commissions a
 * contractor from a resident's damage case; the contractor answers through the signed link of the order mail; the
 * resident follows it live and by e-mail; the e-mail's link opens the case on the housing company's own page.
 */
describe('contractor orders end to end with the real BFF', () => {
  oneEndToEndFileAtATime();
  afterEach(async () => {
    await signOut('');
    await signOut(CLERK_API);
  });

  it('the clerk commissions a contractor, who accepts an appointment through the link: the resident sees it live and by e-mail; the work reported done, the clerk closes the case; the e-mail link opens the case on the company’s own page', async function () {
    this.timeout(240_000);
    const company = await createCaseCompany();
    const portalPage = `${companySite}/widgets/testing/portal-host-page.html?tenant=${encodeURIComponent(company.slug)}`;

    // The admin names the company's portal page (for the links in e-mails); the contractor is created through the
    // staff API, as contractor management has no screen yet (docs/contractors.md).
    await signIn(CLERK_API, company, company.admin, 'staff');
    const admin = new ApiClient(CLERK_API);
    await admin.request('PATCH', '/api/staff/settings', { portalPageUrl: portalPage });
    await admin.request('POST', '/api/staff/contractors', CONTRACTOR);
    await signOut(CLERK_API);

    await signIn('', company, company.resident, 'resident');
    await signIn(CLERK_API, company, company.clerk, 'staff');
    const residentClient = new ApiClient('');
    const clerkClient = new ApiClient(CLERK_API);
    const stopLive = [await liveConnectedOn(residentClient), await liveConnectedOn(clerkClient)];
    let site: CompanySiteWindow | undefined;
    try {
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

      // The resident reports a damage and keeps it open in the portal.
      await press(portal, 'Neues Anliegen');
      await press(portal, 'Schadensmeldung');
      await fill(portal, 'Schadensort', 'Wohnung');
      await fill(portal, 'Schadenskategorie', 'Sanitär');
      await fill(portal, 'Schadensart', 'Wasserhahn tropft');
      await fill(portal, 'Beschreibung', 'Der Wasserhahn im Bad tropft, auch zugedreht.');
      await press(portal, 'Schaden melden');
      const caseNumber = (
        await waitFor(
          () => /Nr\. (\d{4}-\d{4,})/.exec(deepText(portal)),
          () => `no case number in: ${deepText(portal).slice(0, 1500)}`,
        )
      )[1];
      await press(portal, 'Wasserhahn tropft');
      await waitForText(portal, 'Der Wasserhahn im Bad tropft, auch zugedreht.');

      // The clerk opens the case on the board and commissions the contractor in the work order panel.
      const entry = await waitFor(
        () => deepQueryAll<HTMLButtonElement>(board, 'button.case').find((button) => deepText(button).includes(caseNumber)),
        () => `case ${caseNumber} not on the board: ${deepText(board).slice(0, 1500)}`,
      );
      entry.click();
      await waitForText(board, 'Handwerker beauftragen');
      await fill(board, 'Handwerker', `${CONTRACTOR.name} (${CONTRACTOR.trade})`);
      await fill(board, 'Hinweis an den Handwerker', 'Bitte vorher bei Frau Mustermann klingeln.');
      await press(board, 'Beauftragen');
      await waitForText(board, `${CONTRACTOR.name} ist beauftragt; der Auftrag ging an ${CONTRACTOR.email}.`);
      await waitForText(board, 'Beauftragt, noch keine Antwort');
      // The resident's open case shows the new status without a reload.
      await waitForText(portal, 'Wir haben einen Handwerksbetrieb (Sanitär) beauftragt.');

      // The contractor's mail: the order as PDF and the signed link to the answer page.
      const order = await waitFor(
        async () => (await mailsTo(CONTRACTOR.email)).find((mail) => mail.subject.includes(`Auftrag ${caseNumber}`)),
        'no order mail to the contractor',
      );
      expect(order.attachments?.map((file) => file.contentType)).to.deep.equal(['application/pdf']);
      const answerLink = new URL(/https?:\/\/\S+\/auftrag#token=\S+/.exec(order.text)?.[0] ?? 'http://missing.example/');
      expect(answerLink.pathname, order.text).to.equal('/auftrag');
      const token = new URLSearchParams(answerLink.hash.slice(1)).get('token') ?? '';

      // The contractor opens the link: the answer page shows the job, and the contractor accepts with an appointment.
      const answer = await fixture<ContractorAnswer>(
        html`<contractor-answer token=${token} .client=${new ApiClient('')}></contractor-answer>`,
      );
      await waitForText(answer, `Auftrag ${caseNumber}`);
      await waitForText(answer, 'Der Wasserhahn im Bad tropft, auch zugedreht.');
      await waitForText(answer, 'Bitte vorher bei Frau Mustermann klingeln.');
      const appointment = new Date(Date.now() + 9 * 86_400_000);
      appointment.setHours(9, 30, 0, 0);
      const when = inBerlin(appointment);
      await fill(answer, 'Termin (Datum und Uhrzeit)', localInputValue(appointment));
      await press(answer, 'Termin zusagen');
      await waitForText(answer, /Der Termin am .+ ist zugesagt/);
      await expect(answer).to.be.accessible();

      // The resident's open portal shows the appointment live, and an e-mail tells it with the link to the case.
      await waitForText(portal, `Handwerkertermin am ${when.timeline} (${CONTRACTOR.name})`);
      const appointmentMail = await waitFor(
        async () =>
          (await mailsTo(company.resident.email)).find((mail) =>
            mail.text.includes(`Handwerkertermin am ${when.mail} (${CONTRACTOR.name}).`),
          ),
        'no e-mail to the resident about the appointment',
      );
      expect(`${appointmentMail.subject} ${appointmentMail.text}`).to.contain(caseNumber);
      const caseLink = appointmentMail.text.split('\n').find((line) => line.startsWith('http'));
      expect(caseLink, appointmentMail.text).to.match(/[?&]mp-case=/);
      expect(caseLink!.startsWith(`${portalPage}&mp-case=`), `${caseLink} on the company's portal page`).to.equal(true);
      // The clerk's panel has the appointment too.
      await waitForText(board, 'Termin zugesagt');

      // The contractor reports the work done; the clerk sees it and closes the case.
      await fill(answer, 'Was wurde gemacht?', 'Dichtung der Mischbatterie getauscht, dicht.');
      await press(answer, 'Als erledigt melden');
      await waitForText(answer, 'Danke. Die Arbeit ist als erledigt gemeldet.');
      await waitForText(board, 'Als erledigt gemeldet');
      await waitForText(board, 'Dichtung der Mischbatterie getauscht, dicht.');
      await waitForText(board, 'Die Arbeit ist als erledigt gemeldet. Bitte prüfen und den Vorgang auf „Erledigt“ setzen.');
      await waitForText(portal, `${CONTRACTOR.name} hat die Arbeit als erledigt gemeldet`);
      await fill(board, 'Neuer Status', 'Erledigt');
      await fill(board, 'Nachricht an den Mieter', 'Die Reparatur ist abgeschlossen.');
      await press(board, 'Status ändern');
      await waitForText(board, 'Status auf „Erledigt“ geändert.');
      await waitForText(portal, 'Die Reparatur ist abgeschlossen.');
      await expect(board).to.be.accessible();
      await expect(portal).to.be.accessible();

      // The closed case voids the contractor's link.
      await answer.load();
      await waitForText(answer, 'Der Link funktioniert nicht');

      // The resident follows the e-mail's link to the company's own page (another origin, signed out there):
      // after signing in, the portal shows that case.
      site = CompanySiteWindow.open(caseLink!);
      await site.waitForText('Anmelden');
      await site.signIn(company.resident);
      await site.waitForText('Der Wasserhahn im Bad tropft, auch zugedreht.');
      await site.waitForText(`Handwerkertermin am ${when.timeline} (${CONTRACTOR.name})`);
      await site.waitForText('Die Reparatur ist abgeschlossen.');
      expect((await site.shown()).href).to.contain('mp-case=');
    } finally {
      await site?.close();
      stopLive.forEach((unsubscribe) => unsubscribe());
    }
  });
});
