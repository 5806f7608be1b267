import { expect, fixture, html } from '@open-wc/testing';
import { ApiClient } from './internal/api-client.ts';
import { liveConnected } from './internal/live-updates.ts';
import {
  CLERK_API,
  createCaseCompany,
  deepQueryAll,
  deepText,
  fill,
  findField,
  oneEndToEndFileAtATime,
  press,
  signIn,
  signOut,
  waitFor,
  waitForText,
} from './testing/e2e-session.ts';
import './tenant-portal/tenant-portal.ts';
import './case-board/case-board.ts';

const INTERRUPTED = 'Verbindung unterbrochen – wird wiederhergestellt';

/** How often `text` occurs in what `root` shows. */
const occurrences = (root: Node, text: string) => deepText(root).split(text).length - 1;

/**
 * Issue 8, "realtime that survives a deploy": the real BFF is stopped and a new one started on the same
 * port and database (web-test-runner.config.mjs, `/e2e/restart-bff`) while a resident's portal and a
 * clerk's board are open; what changed meanwhile shows without a reload of the page, and nothing the two
 * had on screen is lost.
 */
describe('live updates across a restart of the BFF', () => {
  oneEndToEndFileAtATime();
  afterEach(async () => {
    await signOut('');
    await signOut(CLERK_API);
  });

  it('open pages reconnect by themselves, show the calm interruption meanwhile, and catch up on what changed without losing what was typed', async function () {
    this.timeout(120_000);
    const company = await createCaseCompany();
    await signIn('', company, company.resident, 'resident');
    await signIn(CLERK_API, company, company.clerk, 'staff');
    const residentClient = new ApiClient('');
    const clerkClient = new ApiClient(CLERK_API);
    // When each side's live updates (the same sockets the elements use) were connected, in page time.
    const connectedAt = { resident: [] as number[], clerk: [] as number[] };
    const stopListening = [
      residentClient.live.subscribe((event) => event === liveConnected && connectedAt.resident.push(Date.now())),
      clerkClient.live.subscribe((event) => event === liveConnected && connectedAt.clerk.push(Date.now())),
    ];
    /** Both sides connected again after `since`; the later of the two times. */
    const bothLiveAfter = (since: number) =>
      waitFor(
        () => {
          const resident = connectedAt.resident.find((time) => time >= since);
          const clerk = connectedAt.clerk.find((time) => time >= since);
          return resident && clerk ? Math.max(resident, clerk) : undefined;
        },
        'the pages did not reconnect',
        20_000,
      );
    try {
      await waitFor(() => connectedAt.resident.length && connectedAt.clerk.length, 'live updates did not connect');
      const title = 'Fahrradkeller-Schlüssel';
      const filed = await residentClient.request<{ case: { id: string; caseNumber: string } }>('POST', '/api/cases', {
        type: 'contact',
        title,
        description: 'Wo bekomme ich einen Schlüssel für den Fahrradkeller?',
      });

      const scroller = await fixture<HTMLElement>(html`
        <div style="height: 480px; overflow: auto">
          <tenant-portal tenant=${company.slug} .client=${residentClient}></tenant-portal>
          <case-board api=${CLERK_API} .client=${clerkClient}></case-board>
        </div>
      `);
      const portal = scroller.querySelector('tenant-portal')!;
      const board = scroller.querySelector('case-board')!;

      // The resident has the case open and is half-way through a message.
      await press(portal, title);
      await waitForText(portal, 'Wo bekomme ich einen Schlüssel für den Fahrradkeller?');
      const residentDraft = 'Ich bin ab 17 Uhr zu Hause und könnte den Schlüssel';
      await fill(portal, 'Ihre Nachricht', residentDraft);

      // The clerk has filtered the board, opened the case and is typing a reply.
      await fill(board, 'Art', 'Allgemeine Kontaktanfrage');
      const entry = await waitFor(
        () => deepQueryAll<HTMLButtonElement>(board, 'button.case').find((button) => deepText(button).includes(filed.case.caseNumber)),
        () => `case not on the board: ${deepText(board).slice(0, 1500)}`,
      );
      entry.click();
      await waitForText(board, 'Wo bekomme ich einen Schlüssel für den Fahrradkeller?');
      const clerkDraft = 'Guten Tag, den Schlüssel erhalten Sie beim Hausmeister, Herrn';
      await fill(board, /^Text \( ?Für den Mieter sichtbar ?\)$/, clerkDraft);
      scroller.scrollTop = 240;
      const scrolledTo = scroller.scrollTop;
      expect(scrolledTo).to.be.greaterThan(0, 'the page scrolls');

      // The pages are cut off, the BFF restarts; while they are cut off the case changes.
      await fetch('/e2e/live/cut-off');
      const restart = await fetch('/e2e/restart-bff');
      expect(restart.status).to.equal(200);
      await waitForText(portal, INTERRUPTED);
      await waitForText(board, INTERRUPTED);
      for (const element of [portal, board]) {
        const status = deepQueryAll(element, '.live-status')[0];
        expect(status.getAttribute('role')).to.equal('status');
        expect(status.getAttribute('aria-live')).to.equal('polite');
      }
      // A second clerk client: the board's own client stays as the board left it.
      const otherClerk = new ApiClient(CLERK_API);
      await otherClerk.request('PATCH', `/api/staff/cases/${filed.case.id}/status`, { status: 'in_bearbeitung' });
      const reply = 'Den Schlüssel für den Fahrradkeller bekommen Sie beim Hausmeister.';
      await otherClerk.request('POST', `/api/staff/cases/${filed.case.id}/replies`, { body: reply });

      const { restoredAt } = (await (await fetch('/e2e/live/restore')).json()) as { restoredAt: number };
      const liveAgainAt = await bothLiveAfter(restoredAt);
      console.log(`live again ${liveAgainAt - restoredAt} ms after the BFF accepted the pages' connections again`);

      // Within 5 s of reconnecting both open case views show the status change and the reply.
      await waitFor(
        () => occurrences(portal, reply) > 0 && deepText(portal).includes('In Bearbeitung'),
        'resident view not caught up',
        5_000,
      );
      await waitFor(() => occurrences(board, reply) > 0 && deepText(board).includes('In Bearbeitung'), 'board not caught up', 5_000);
      await waitFor(() => !deepText(portal).includes(INTERRUPTED) && !deepText(board).includes(INTERRUPTED), 'interruption still shown');

      // Nothing twice, nothing lost.
      expect(occurrences(portal, reply)).to.equal(1, 'the reply once in the portal');
      expect(occurrences(board, reply)).to.equal(1, 'the reply once on the board');
      expect(deepQueryAll(board, 'button.case').filter((button) => deepText(button).includes(filed.case.caseNumber))).to.have.length(1);
      expect(findField<HTMLTextAreaElement>(portal, 'Ihre Nachricht')!.value).to.equal(residentDraft);
      expect(findField<HTMLTextAreaElement>(board, /^Text \( ?Für den Mieter sichtbar ?\)$/)!.value).to.equal(clerkDraft);
      expect(findField<HTMLSelectElement>(board, 'Art')!.value).to.equal('contact');
      expect(scroller.scrollTop).to.equal(scrolledTo);

      // A plain restart without the cut-off: the time from the new BFF listening until both pages are live.
      const { listeningAt } = (await (await fetch('/e2e/restart-bff')).json()) as { listeningAt: number };
      const liveAfterRestartAt = await bothLiveAfter(listeningAt);
      console.log(`live again ${liveAfterRestartAt - listeningAt} ms after the restarted BFF listened`);
      await expect(portal).to.be.accessible();
      await expect(board).to.be.accessible();
    } finally {
      stopListening.forEach((unsubscribe) => unsubscribe());
    }
  });
});
