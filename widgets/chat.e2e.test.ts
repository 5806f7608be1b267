import { expect, fixture, html } from '@open-wc/testing';
import { ApiClient } from './internal/api-client.ts';
import {
  CLERK_API,
  createCaseCompany,
  deepQueryAll,
  deepText,
  fill,
  findButton,
  oneEndToEndFileAtATime,
  press,
  signIn,
  signOut,
  waitFor,
  waitForText,
} from './testing/e2e-session.ts';
import type { TenantChat } from './tenant-chat/tenant-chat.ts';
import './tenant-chat/tenant-chat.ts';

/**
 * Issue 9, end to end: a resident with a tenancy (billing period 2025) chats with the offline assistant of the
 * real BFF (no model key is set) through `<tenant-chat>`, and the clerk's side sees the case sent from the chat.
 */
describe('tenant chat end to end with the real BFF and the offline assistant', () => {
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

  it('answers from the resident’s data, reports a dripping tap as a draft the resident sends, and the clerk sees the case from the chat', async function () {
    this.timeout(120_000);
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

    const el = await fixture<TenantChat>(html`<tenant-chat lang="de"></tenant-chat>`);
    await waitForText(el, 'Datenschutzhinweis zum Assistenten', 20_000);
    expect(deepText(el)).to.contain('Offline-Assistent');
    expect(findButton(el, 'Senden'), 'nothing can be sent before the notice is acknowledged').to.equal(undefined);
    await press(el, 'Verstanden');
    await waitFor(() => findButton(el, 'Senden'), 'the message field after "Verstanden"');

    const status = await ask(el, `Wie ist der Stand von ${filed.case.caseNumber}?`);
    expect(status).to.contain(filed.case.caseNumber).and.contain('„In Bearbeitung“');

    const utility = await ask(el, 'Wann kommt meine Nebenkostenabrechnung?');
    expect(utility).to.contain('spätestens am 31.12.2026');

    // The offline assistant asks for what the catalogue still needs, one field at a time, until the draft is ready.
    let answer = await ask(el, 'Bei mir tropft die Küchenarmatur');
    for (let turn = 0; turn < 6 && !deepQueryAll(el, '[part="draft"]').length; turn++) {
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
    const [draft] = deepQueryAll(el, '[part="draft"]');
    expect(draft, `a draft card; the chat showed: ${deepText(el)}`).to.exist;
    expect(deepText(draft)).to.contain('Entwurf: Schadensmeldung').and.contain('Wasserhahn tropft');
    expect(answer).to.contain('Bitte prüfen Sie den Entwurf');

    await press(el, 'Schadensmeldung absenden');
    await waitFor(
      () => deepQueryAll(el, '[part="draft-sent"]')[0],
      () => `no confirmation: ${deepText(el)}`,
      20_000,
    );
    const sent = deepText(deepQueryAll(el, '[part="draft-sent"]')[0]);
    const caseNumber = /Gesendet als Anliegen (\d{4}-\d+)\./.exec(sent)?.[1];
    expect(caseNumber, sent).to.be.a('string');

    // The clerk's board lists the new case, marked as coming from the chat.
    const board = await clerk.request<{ items: Array<{ caseNumber: string; source: string; type: string }> }>(
      'GET',
      '/api/staff/cases?limit=50',
    );
    const fromChat = board.items.find((item) => item.caseNumber === caseNumber);
    expect(fromChat, `case ${caseNumber} on the board`).to.include({ source: 'chat', type: 'damage' });
    await expect(el).to.be.accessible();
  });
});
