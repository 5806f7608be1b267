import { expect, fixture, html } from '@open-wc/testing';
import { ApiClient } from './internal/api-client.ts';
import {
  CLERK_API,
  createCaseCompany,
  deepQueryAll,
  deepText,
  fill,
  findButton,
  liveConnectedOn,
  oneEndToEndFileAtATime,
  press,
  signIn,
  signOut,
  waitFor,
  waitForText,
} from './testing/e2e-session.ts';
import type { TenantChat } from './tenant-chat/tenant-chat.ts';
import './tenant-chat/tenant-chat.ts';
import './case-board/case-board.ts';

/** The BFF's chat models the flow runs with (web-test-runner.config.mjs, `/e2e/restart-bff?model=`). */
const ASSISTANTS = [
  { model: 'offline', name: 'the offline assistant (no model key)', label: 'Offline-Assistent' },
  {
    model: 'anthropic',
    name: 'the Anthropic adapter talking to a loopback Messages API',
    label: 'KI-Assistent (anthropic:claude-sonnet-5-5)',
  },
] as const;

/**
 * Issue 9, end to end: a resident chats through `<tenant-chat>` with the real BFF, once answered by the offline
 * assistant and once by the real Anthropic adapter (`@anthropic-ai/sdk`) whose Messages API runs on loopback
 * (its decisions are the offline assistant's, in Anthropic's wire format). The clerk's `<case-board>` in the
 * same page sees the case sent from the chat arrive live.
 */
describe('tenant chat end to end with the real BFF', () => {
  oneEndToEndFileAtATime();
  afterEach(async () => {
    await signOut('');
    await signOut(CLERK_API);
  });

  /** The texts of the messages shown, in order. */
  const messages = (el: TenantChat) => deepQueryAll(el, '[part="message"]').map((message) => deepText(message));

  /** Types a message, sends it with "Senden" and waits until the answer has ended; returns the answer's text. */
  async function ask(el: TenantChat, question: string): Promise<string> {
    const before = messages(el).length;
    await fill(el, 'Ihre Nachricht', question);
    await press(el, 'Senden');
    await waitFor(
      () => messages(el).length >= before + 2 && !findButton(el, 'Stopp') && findButton(el, 'Senden'),
      () => `no complete answer to “${question}”: ${deepText(el)}`,
      20_000,
    );
    return messages(el).at(-1)!;
  }

  /** The chat after the resident acknowledged the notice, which names the assistant that answers. */
  async function acknowledgedChat(el: TenantChat, label: string): Promise<void> {
    await waitForText(el, 'Datenschutzhinweis zum Assistenten', 20_000);
    const assistant = deepText(deepQueryAll(el, '[part="assistant"]')[0]);
    expect(assistant).to.contain(label);
    if (label !== 'Offline-Assistent') expect(deepText(el)).not.to.contain('Offline-Assistent');
    expect(findButton(el, 'Senden'), 'nothing can be sent before the notice is acknowledged').to.equal(undefined);
    await press(el, 'Verstanden');
    await waitFor(() => findButton(el, 'Senden'), 'the message field after "Verstanden"');
  }

  /** Presses the draft card's send button and returns the case number the confirmation shows. */
  async function sendDraft(el: TenantChat, button: string): Promise<string> {
    await press(el, button);
    const sent = await waitFor(
      () => deepQueryAll(el, '[part="draft-sent"]')[0],
      () => `no confirmation: ${deepText(el)}`,
      20_000,
    );
    const caseNumber = /Gesendet als Anliegen (\d{4}-\d+)\./.exec(deepText(sent))?.[1];
    expect(caseNumber, deepText(sent)).to.be.a('string');
    return caseNumber!;
  }

  for (const assistant of ASSISTANTS) {
    describe(`answered by ${assistant.name}`, () => {
      if (assistant.model !== 'offline') {
        before(async function () {
          this.timeout(60_000);
          const restart = await fetch(`/e2e/restart-bff?model=${assistant.model}`);
          expect(restart.status, await restart.text()).to.equal(200);
        });
        // Back to the default for the files after this one (the next lease would restore it too).
        after(async function () {
          this.timeout(60_000);
          await fetch('/e2e/restart-bff');
        });
      }

      it('answers from the resident’s data, reports a dripping tap as a draft the resident sends, and the case arrives live on the clerk’s board marked as from the chat', async function () {
        this.timeout(120_000);
        const started = performance.now();
        const company = await createCaseCompany({ tenancy: '2025' });
        await signIn('', company, company.resident, 'resident');
        await signIn(CLERK_API, company, company.clerk, 'staff');

        // A request of the resident that the clerk has taken up: its real status is "In Bearbeitung".
        const resident = new ApiClient('');
        const clerk = new ApiClient(CLERK_API);
        const filed = await resident.request<{ case: { id: string; caseNumber: string } }>(
          'POST',
          '/api/cases',
          { type: 'contact', title: 'Frage zum Fahrradkeller', description: 'Wann wird der Fahrradkeller wieder geöffnet?' },
          { idempotent: true },
        );
        await clerk.request('PATCH', `/api/staff/cases/${filed.case.id}/status`, { status: 'in_bearbeitung' });

        // The resident's chat and the clerk's board side by side, the board's live updates connected.
        const stopLive = await liveConnectedOn(clerk);
        try {
          const page = await fixture<HTMLElement>(html`
            <div>
              <tenant-chat lang="de"></tenant-chat>
              <case-board api=${CLERK_API} .client=${clerk}></case-board>
            </div>
          `);
          const el = page.querySelector<TenantChat>('tenant-chat')!;
          const board = page.querySelector<HTMLElement>('case-board')!;
          const boardEntry = (caseNumber: string) =>
            deepQueryAll<HTMLButtonElement>(board, 'button.case').find((button) => deepText(button).includes(caseNumber));
          await waitFor(
            () => boardEntry(filed.case.caseNumber),
            () => `the board did not load: ${deepText(board).slice(0, 1500)}`,
          );

          await acknowledgedChat(el, assistant.label);

          const status = await ask(el, `Wie ist der Stand von ${filed.case.caseNumber}?`);
          expect(status).to.contain(filed.case.caseNumber).and.contain('„In Bearbeitung“');

          const utility = await ask(el, 'Wann kommt meine Nebenkostenabrechnung?');
          expect(utility).to.contain('spätestens am 31.12.2026');

          // The assistant asks for what the catalogue still needs, one field at a time, until the draft is ready.
          let answer = await ask(el, 'Bei mir tropft die Küchenarmatur');
          const followUps: string[] = [];
          for (let turn = 0; turn < 6 && !deepQueryAll(el, '[part="draft"]').length; turn++) {
            followUps.push(answer);
            const reply = /Wo ist der Schaden/.test(answer)
              ? 'Wohnung'
              : /Welcher Bereich/.test(answer)
                ? 'Sanitär'
                : /Was genau/.test(answer)
                  ? 'Wasserhahn tropft'
                  : /Wie dringend/.test(answer)
                    ? 'normal'
                    : 'Die Armatur in der Küche tropft seit gestern ununterbrochen.';
            answer = await ask(el, reply);
          }
          expect(followUps.length, 'at least one follow-up question').to.be.greaterThan(0);
          expect(followUps.join(' ')).to.match(/\?/);
          const [draft] = deepQueryAll(el, '[part="draft"]');
          expect(draft, `a draft card; the chat showed: ${deepText(el)}`).to.exist;
          expect(deepText(draft)).to.contain('Entwurf: Schadensmeldung').and.contain('Wasserhahn tropft');
          expect(answer).to.contain('Bitte prüfen Sie den Entwurf');
          expect(deepQueryAll(board, 'button.case'), 'nothing is filed before the resident sends the draft').to.have.length(1);

          const caseNumber = await sendDraft(el, 'Schadensmeldung absenden');

          // The clerk's board shows it without a reload: marked new (it arrived live) and as coming from the chat.
          const entry = await waitFor(
            () => boardEntry(caseNumber),
            () => `case ${caseNumber} not on the board: ${deepText(board).slice(0, 1500)}`,
          );
          expect(deepText(entry)).to.contain('Neu').and.contain('Schadensmeldung · Chat-Assistent');
          await expect(el).to.be.accessible();
          await expect(board).to.be.accessible();
          console.log(`${assistant.model}: the chat flow took ${Math.round(performance.now() - started)} ms`);
        } finally {
          stopLive();
        }
      });

      it('without tenancy data does not know when the utility statement comes, offers a request, and sends it as a contact case', async function () {
        this.timeout(60_000);
        const started = performance.now();
        const company = await createCaseCompany();
        await signIn('', company, company.resident, 'resident');
        const el = await fixture<TenantChat>(html`<tenant-chat lang="de"></tenant-chat>`);
        await acknowledgedChat(el, assistant.label);

        const question = 'Wann kommt meine Nebenkostenabrechnung?';
        const answer = await ask(el, question);
        expect(answer).to.contain('Das weiß ich leider nicht').and.contain('allgemeine Anfrage').and.not.contain('spätestens');

        await ask(el, 'Ja');
        const [draft] = deepQueryAll(el, '[part="draft"]');
        expect(draft, `a request draft; the chat showed: ${deepText(el)}`).to.exist;
        expect(deepText(draft)).to.contain('Entwurf: Anfrage an Ihre Hausverwaltung').and.contain(question);

        const caseNumber = await sendDraft(el, 'Anfrage senden');
        const own = await new ApiClient('').request<{ items: Array<{ caseNumber: string; type: string }> }>('GET', '/api/cases');
        expect(own.items.find((item) => item.caseNumber === caseNumber)).to.include({ type: 'contact' });
        await expect(el).to.be.accessible();
        console.log(`${assistant.model}: the request flow took ${Math.round(performance.now() - started)} ms`);
      });
    });
  }
});
