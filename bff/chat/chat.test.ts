import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningServer } from '../server.ts';
import { closeTestDatabase, startTestServer, type TestClient } from '../test/harness.ts';
import { signInResident, signInStaff } from '../test/sign-in.ts';
import { createHousingCompany, type HousingCompany } from '../test/fixtures.ts';
import { asTenantAdmin } from '../tenants/use-cases.ts';
import { setTenancy } from '../onboarding/use-cases.ts';
import { connectSocket, nextEvent } from '../cases/case-test-support.ts';
import { lastToolResults, parseEventStream, ScriptedChatModel, type StreamedEvent } from './scripted-model-test-support.ts';

/**
 * The tenant chat through the real HTTP API and database, with a scripted model at the edge: what the
 * resident sees streamed, what the model is given, what is stored, and what reaches the case board.
 */
describe('tenant chat', () => {
  let server: RunningServer;
  const model = new ScriptedChatModel();
  before(async () => {
    server = await startTestServer({}, { chatModel: model });
  });
  after(async () => {
    await server.stop();
    await closeTestDatabase();
  });

  async function chatReady(company: HousingCompany, who: 'resident' | 'neighbour' = 'resident') {
    const client = await signInResident(server, company, who);
    const notice = await client.get('/api/chat/notice');
    assert.equal((await client.post('/api/chat/notice/acknowledge', { version: notice.body.version })).status, 200);
    const started = await client.post('/api/chat/conversations');
    assert.equal(started.status, 201, JSON.stringify(started.body));
    return { client, conversationId: started.body.conversation.id as string };
  }

  async function ask(client: TestClient, conversationId: string, text: string): Promise<StreamedEvent[]> {
    const response = await client.post(`/api/chat/conversations/${conversationId}/messages`, { text });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/);
    return parseEventStream(response.body);
  }

  const answerOf = (events: StreamedEvent[]) =>
    events
      .filter((event) => event.type === 'text')
      .map((event) => event.delta)
      .join('');
  const last = (events: StreamedEvent[]) => events.at(-1)!;

  it('shows the Art. 13 notice and accepts no message before it is acknowledged in its current version', async () => {
    const company = await createHousingCompany(server.db, { name: 'Wohnbau Nord eG' });
    const client = await signInResident(server, company);
    const notice = await client.get('/api/chat/notice');
    assert.equal(notice.status, 200);
    assert.equal(notice.body.acknowledgedAt, null);
    assert.match(notice.body.text, /Verantwortlich für die Verarbeitung ist Wohnbau Nord eG/);
    assert.match(notice.body.text, /90 Tage/);
    assert.match(notice.body.text, /keine automatisierte Entscheidung/);
    assert.deepEqual(notice.body.assistant, { id: 'scripted:test', offline: false });

    const { body } = await client.post('/api/chat/conversations');
    const refused = await client.post(`/api/chat/conversations/${body.conversation.id}/messages`, { text: 'Hallo' });
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error.code, 'chat_notice_required');

    const outdated = await client.post('/api/chat/notice/acknowledge', { version: '0.outdated' });
    assert.equal(outdated.status, 409);
    const acknowledged = await client.post('/api/chat/notice/acknowledge', { version: notice.body.version });
    assert.equal(acknowledged.status, 200);
    assert.equal((await client.get('/api/chat/notice')).body.acknowledgedAt, acknowledged.body.acknowledgedAt);

    model.script({ text: 'Guten Tag!' });
    const response = await client.post(`/api/chat/conversations/${body.conversation.id}/messages`, { text: 'Hallo' });
    assert.equal(response.status, 200);
  });

  it('"Wann kommt meine Nebenkostenabrechnung?": the tool computes 31.12.2026 for billing period 2025 and the answer streams', async () => {
    const company = await createHousingCompany(server.db);
    await asTenantAdmin(server.db, company.tenant.id, (tx) =>
      setTenancy(tx, company.tenant.id, company.resident.externalRef, {
        tenancyStart: '2019-04-01',
        coldRent: 612.4,
        advancePayments: [{ label: 'Betriebskosten', amount: 145 }],
        billingPeriodStart: '2025-01-01',
        billingPeriodEnd: '2025-12-31',
      }),
    );
    const { client, conversationId } = await chatReady(company);
    model.script({ toolCalls: [{ name: 'getMieterInfo' }] }, (request) => {
      const [result] = lastToolResults(request);
      const [year, month, day] = result.content.nextUtilityStatementDueBy.split('-');
      return { text: ['Ihre Abrechnung für 2025 ', `kommt spätestens am ${day}.${month}.${year}.`] };
    });
    const events = await ask(client, conversationId, 'Wann kommt meine Nebenkostenabrechnung?');

    assert.deepEqual(
      events.map((event) => event.type),
      ['start', 'tool', 'text', 'text', 'done'],
    );
    assert.deepEqual(events[1], { type: 'tool', name: 'getMieterInfo', label: 'Ich sehe in Ihrem Mietverhältnis nach …' });
    assert.equal(answerOf(events), 'Ihre Abrechnung für 2025 kommt spätestens am 31.12.2026.');
    assert.equal(last(events).status, 'complete');

    // What the model was given: the rules, the resident's language, the tools without any id argument, the tenancy.
    const [first, second] = model.requests;
    assert.match(first.system, /Answer only from the results of your tools/);
    assert.match(first.system, /Answer in German/);
    assert.equal(first.tools.length, 7);
    // No argument names a company, a person or an id (values such as the category `owner_statement` may).
    const argumentNames = (schema: { properties?: Record<string, unknown> }): string[] =>
      Object.entries(schema?.properties ?? {}).flatMap(([name, inner]) => [name, ...argumentNames(inner as typeof schema)]);
    for (const tool of first.tools) {
      for (const name of argumentNames(tool.inputSchema)) {
        assert.ok(!/tenant|resident|owner|account/i.test(name) && !/(^id|Id)$/.test(name), `${tool.name}: ${name}`);
      }
    }
    const [tenancy] = lastToolResults(second);
    assert.equal(tenancy.content.known, true);
    assert.equal(tenancy.content.coldRent, 612.4);
    assert.deepEqual(tenancy.content.billingPeriod, { start: '2025-01-01', end: '2025-12-31' });

    // Stored: the conversation continues after re-login with the question and the answer.
    const detail = await client.get(`/api/chat/conversations/${conversationId}`);
    assert.deepEqual(
      detail.body.messages.map((message: { role: string; text: string }) => [message.role, message.text]),
      [
        ['resident', 'Wann kommt meine Nebenkostenabrechnung?'],
        ['assistant', 'Ihre Abrechnung für 2025 kommt spätestens am 31.12.2026.'],
      ],
    );
    assert.equal(detail.body.conversation.title, 'Wann kommt meine Nebenkostenabrechnung?');
  });

  it('without tenancy data the tool says it knows nothing, and nothing of the neighbour’s tenancy reaches the model', async () => {
    const company = await createHousingCompany(server.db);
    await asTenantAdmin(server.db, company.tenant.id, (tx) =>
      setTenancy(tx, company.tenant.id, company.neighbour.externalRef, {
        billingPeriodStart: '2025-01-01',
        billingPeriodEnd: '2025-12-31',
      }),
    );
    const { client, conversationId } = await chatReady(company);
    model.script({ toolCalls: [{ name: 'getMieterInfo' }] }, { text: 'Dazu liegen mir keine Daten vor. Soll ich eine Anfrage stellen?' });
    await ask(client, conversationId, 'Wann kommt meine Nebenkostenabrechnung?');
    const [tenancy] = lastToolResults(model.requests[1]);
    assert.equal(tenancy.content.known, true);
    assert.equal(tenancy.content.billingPeriod, null);
    assert.equal(tenancy.content.nextUtilityStatementDueBy, null);
  });

  it('a damage report: follow-up questions from the catalogue, a draft card, nothing filed until "absenden", then a chat case on the board', async () => {
    const company = await createHousingCompany(server.db);
    await asTenantAdmin(server.db, company.tenant.id, (tx) =>
      setTenancy(tx, company.tenant.id, company.resident.externalRef, { caretakerArea: 'Nord 2 (Herr Krause)' }),
    );
    const { client, conversationId } = await chatReady(company);
    const clerk = await signInStaff(server, company, 'clerk');
    const admin = await signInStaff(server, company, 'admin');
    const routed = await admin.request('PUT', '/api/staff/case-routing-rules', { caseType: 'damage', assigneeId: company.clerk.id });
    assert.equal(routed.status, 200, JSON.stringify(routed.body));

    model.script(
      { toolCalls: [{ name: 'createSchadensmeldung', input: { location: 'Wohnung', description: 'Die Küchenarmatur tropft.' } }] },
      (request) => {
        const [result] = lastToolResults(request);
        assert.equal(result.content.complete, false);
        assert.deepEqual(result.content.missing, ['category', 'kind', 'urgency']);
        assert.ok(result.content.options.category.includes('Sanitär'), JSON.stringify(result.content.options));
        return { text: 'Welche Kategorie passt: Sanitär, Heizung, …?' };
      },
    );
    const question = await ask(client, conversationId, 'Bei mir tropft die Küchenarmatur');
    assert.equal(answerOf(question), 'Welche Kategorie passt: Sanitär, Heizung, …?');
    assert.ok(!question.some((event) => event.type === 'draft'), 'no card while something is missing');

    model.script(
      {
        toolCalls: [
          {
            name: 'createSchadensmeldung',
            input: {
              location: 'wohnung',
              category: 'Sanitär',
              kind: 'Wasserhahn tropft',
              urgency: 'normal',
              description: 'Die Küchenarmatur tropft.',
            },
          },
        ],
      },
      { text: 'Bitte prüfen Sie den Entwurf und senden Sie ihn ab.' },
    );
    const drafted = await ask(client, conversationId, 'Sanitär, Wasserhahn tropft, nicht dringend');
    const card = drafted.find((event) => event.type === 'draft')!;
    assert.deepEqual(
      { ...card.draft, draftId: undefined },
      {
        kind: 'damage',
        draftId: undefined,
        location: 'Wohnung',
        category: 'Sanitär',
        damageKind: 'Wasserhahn tropft',
        urgency: 'normal',
        description: 'Die Küchenarmatur tropft.',
      },
    );
    assert.equal((await client.get('/api/cases')).body.items.length, 0, 'the tool filed nothing');

    const board = await connectSocket(server, clerk);
    const live = nextEvent(board, 'case:created');
    const confirmed = await client.post(`/api/chat/drafts/${card.draft.draftId}/confirm`, { attachmentIds: [] });
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
    assert.match(confirmed.body.case.caseNumber, /^\d{4}-\d{4,}$/);
    const pushed = await live;
    board.close();
    assert.deepEqual([pushed.case.caseNumber, pushed.case.source], [confirmed.body.case.caseNumber, 'chat'], 'the clerk sees it live');
    assert.deepEqual(
      [confirmed.body.case.type, confirmed.body.case.damage.kind.label, confirmed.body.case.description],
      ['damage', 'Wasserhahn tropft', 'Die Küchenarmatur tropft.'],
    );
    assert.match(
      confirmed.body.nextStep,
      new RegExp(`unter der Nummer ${confirmed.body.case.caseNumber} eingegangen.*bis spätestens \\d{2}\\.\\d{2}\\.\\d{4}`),
    );
    // Who handles it, from the routing rules and the tenancy (the seed's confirmation); never the clerk's name.
    assert.deepEqual([confirmed.body.handledBy, confirmed.body.caretakerArea], ['clerk', 'Nord 2 (Herr Krause)']);
    assert.match(
      confirmed.body.nextStep,
      /Die zuständige Sachbearbeitung und der Hausmeister-Bereich „Nord 2 \(Herr Krause\)“ sind informiert\./,
    );
    assert.doesNotMatch(JSON.stringify(confirmed.body), /Clara Sachbearbeiterin/);
    const fourteenDays = Date.parse(confirmed.body.case.createdAt) + 14 * 86_400_000;
    assert.ok(Math.abs(Date.parse(confirmed.body.firstLookBy) - fourteenDays) < 1000, 'a normal damage report: first look within 14 days');

    const again = await client.post(`/api/chat/drafts/${card.draft.draftId}/confirm`, { attachmentIds: [] });
    assert.equal(again.body.case.caseNumber, confirmed.body.case.caseNumber, 'a second press files nothing new');
    assert.deepEqual(again.body, confirmed.body, 'and says the same');
    const listed = await clerk.get('/api/staff/cases');
    assert.deepEqual(
      listed.body.items.map((item: { caseNumber: string; source: string }) => [item.caseNumber, item.source]),
      [[confirmed.body.case.caseNumber, 'chat']],
    );
    // The card stays with the answer when the conversation is opened again.
    const detail = await client.get(`/api/chat/conversations/${conversationId}`);
    assert.equal(detail.body.messages.at(-1).drafts[0].draftId, card.draft.draftId);
  });

  it('a callback request becomes a contact case with topic and times once sent', async () => {
    const company = await createHousingCompany(server.db);
    const { client, conversationId } = await chatReady(company);
    model.script(
      { toolCalls: [{ name: 'requestRueckruf', input: { topic: 'Frage zur Kaution', preferredTimes: 'werktags ab 17 Uhr' } }] },
      { text: 'Ich habe eine Rückrufbitte vorbereitet.' },
    );
    const events = await ask(client, conversationId, 'Können Sie mich wegen der Kaution zurückrufen?');
    const card = events.find((event) => event.type === 'draft')!;
    assert.deepEqual(
      { ...card.draft, draftId: undefined },
      {
        kind: 'callback',
        draftId: undefined,
        topic: 'Frage zur Kaution',
        preferredTimes: 'werktags ab 17 Uhr',
        phone: null,
      },
    );
    const confirmed = await client.post(`/api/chat/drafts/${card.draft.draftId}/confirm`, { attachmentIds: [] });
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
    assert.equal(confirmed.body.case.type, 'contact');
    assert.equal(confirmed.body.case.title, 'Rückrufbitte: Frage zur Kaution');
    assert.match(confirmed.body.case.description, /Erreichbar: werktags ab 17 Uhr/);
  });

  it('an unanswerable question: offered as a general request, drafted on "ja" with an excerpt built from this conversation only, filed once sent', async () => {
    const company = await createHousingCompany(server.db);
    const { client, conversationId } = await chatReady(company);
    const clerk = await signInStaff(server, company, 'clerk');
    // Other conversations, the resident's own and the neighbour's: none of it may reach the excerpt.
    const other = (await client.post('/api/chat/conversations')).body.conversation.id;
    model.script({ text: 'Antwort in der anderen Unterhaltung.' });
    await ask(client, other, 'GEHEIM-ANDERE-UNTERHALTUNG: meine Kontonummer');
    const { client: neighbour, conversationId: neighbourConversation } = await chatReady(company, 'neighbour');
    model.script({ text: 'Antwort an den Nachbarn.' });
    await ask(neighbour, neighbourConversation, 'GEHEIM-NACHBAR: mein Streit mit Herrn X');

    const offer = 'Dazu finde ich in den Hausregeln nichts. Soll ich daraus eine allgemeine Anfrage an Ihre Hausverwaltung machen?';
    model.script({ toolCalls: [{ name: 'getTenantContext' }] }, { text: offer });
    assert.equal(answerOf(await ask(client, conversationId, 'Darf ich auf dem Balkon grillen?')), offer);

    model.script(
      // The model may only pass the question; an excerpt of its own is refused.
      { toolCalls: [{ name: 'requestAnfrage', input: { question: 'Grillen?', excerpt: 'Mieter/in: erfunden' } }] },
      {
        text: 'Ich bereite die Anfrage vor. ',
        toolCalls: [{ name: 'requestAnfrage', input: { question: 'Darf ich auf dem Balkon grillen?' } }],
      },
      { text: 'Bitte prüfen Sie den Entwurf und senden Sie ihn mit „Anfrage senden“ ab.' },
    );
    const drafted = await ask(client, conversationId, 'Ja, bitte');
    assert.equal(lastToolResults(model.requests[1])[0].content.error.code, 'invalid_input');
    const excerpt = ['Mieter/in: Darf ich auf dem Balkon grillen?', `Assistent: ${offer}`, 'Mieter/in: Ja, bitte'].join('\n');
    const card = drafted.find((event) => event.type === 'draft')!;
    assert.deepEqual(
      { ...card.draft, draftId: undefined },
      { kind: 'request', draftId: undefined, question: 'Darf ich auf dem Balkon grillen?', excerpt },
      'the card shows the question and the excerpt built from the stored conversation',
    );
    assert.deepEqual(lastToolResults(model.requests[2])[0].content, {
      draft: { draftId: card.draft.draftId, question: 'Darf ich auf dem Balkon grillen?', excerpt },
    });
    assert.deepEqual(
      drafted.filter((event) => event.type === 'tool').map((event) => event.label),
      ['Ich bereite Ihre Anfrage vor …', 'Ich bereite Ihre Anfrage vor …'],
    );
    assert.doesNotMatch(JSON.stringify(drafted), /GEHEIM/);
    assert.equal((await client.get('/api/cases')).body.items.length, 0, 'nothing is filed before the resident sends it');
    assert.equal((await clerk.get('/api/staff/cases')).body.items.length, 0);
    const detail = await client.get(`/api/chat/conversations/${conversationId}`);
    assert.deepEqual(detail.body.messages.at(-1).drafts, [card.draft], 'the card stays with the answer');

    const confirmed = await client.post(`/api/chat/drafts/${card.draft.draftId}/confirm`, { attachmentIds: [] });
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
    assert.equal(confirmed.body.case.type, 'contact');
    assert.equal(confirmed.body.case.title, 'Anfrage aus dem Chat: Darf ich auf dem Balkon grillen?');
    const description = `Allgemeine Anfrage aus dem Chat.\nFrage: Darf ich auf dem Balkon grillen?\n\nAuszug aus dem Gespräch:\n${excerpt}`;
    assert.equal(confirmed.body.case.description, description);
    assert.match(confirmed.body.nextStep, new RegExp(`unter der Nummer ${confirmed.body.case.caseNumber} eingegangen`));
    assert.deepEqual([confirmed.body.handledBy, confirmed.body.caretakerArea], ['office', null], 'no routing rule: the office');
    assert.match(confirmed.body.nextStep, /Das Team Ihrer Hausverwaltung ist informiert/);
    const again = await client.post(`/api/chat/drafts/${card.draft.draftId}/confirm`, { attachmentIds: [] });
    assert.equal(again.body.case.id, confirmed.body.case.id, 'a second press answers the same case');

    const board = await clerk.get('/api/staff/cases');
    assert.deepEqual(
      board.body.items.map((item: { caseNumber: string; source: string; description: string }) => [
        item.caseNumber,
        item.source,
        item.description,
      ]),
      [[confirmed.body.case.caseNumber, 'chat', description]],
    );
    // The chat is deleted (Art. 17, as the 90-day purge would); what went into the case stays with the case.
    assert.equal((await client.delete('/api/chat/conversations')).status, 200);
    const kept = await client.get(`/api/cases/${confirmed.body.case.id}`);
    assert.equal(kept.body.case.description, description);
  });

  it('with the offline assistant: "Darf ich einen Hund halten?" is offered as a request, "ja" drafts it, "absenden" files the contact case', async () => {
    const offline = await startTestServer();
    try {
      const company = await createHousingCompany(offline.db);
      const client = await signInResident(offline, company);
      const notice = await client.get('/api/chat/notice');
      await client.post('/api/chat/notice/acknowledge', { version: notice.body.version });
      const { body } = await client.post('/api/chat/conversations');
      const conversationId = body.conversation.id;

      const offered = answerOf(await ask(client, conversationId, 'Darf ich einen Hund halten?'));
      assert.match(offered, /^Das kann ich leider nicht beantworten\. Gern mache ich aus Ihrer Frage eine allgemeine Anfrage .*„Ja“/);

      const drafted = await ask(client, conversationId, 'ja');
      assert.equal(drafted.find((event) => event.type === 'tool')?.name, 'requestAnfrage');
      const card = drafted.find((event) => event.type === 'draft')!;
      assert.deepEqual(
        { ...card.draft, draftId: undefined },
        {
          kind: 'request',
          draftId: undefined,
          question: 'Darf ich einen Hund halten?',
          excerpt: ['Mieter/in: Darf ich einen Hund halten?', `Assistent: ${offered}`, 'Mieter/in: ja'].join('\n'),
        },
      );
      assert.match(answerOf(drafted), /Bitte prüfen Sie ihn und senden Sie ihn mit „Anfrage senden“ ab/);
      assert.equal(last(drafted).status, 'complete');
      assert.equal((await client.get('/api/cases')).body.items.length, 0, 'nothing is filed before the resident sends it');

      const confirmed = await client.post(`/api/chat/drafts/${card.draft.draftId}/confirm`, { attachmentIds: [] });
      assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
      assert.deepEqual(
        [confirmed.body.case.type, confirmed.body.case.title],
        ['contact', 'Anfrage aus dem Chat: Darf ich einen Hund halten?'],
      );
      assert.equal(
        confirmed.body.case.description,
        `Allgemeine Anfrage aus dem Chat.\nFrage: Darf ich einen Hund halten?\n\nAuszug aus dem Gespräch:\n${card.draft.excerpt}`,
      );
      const clerk = await signInStaff(offline, company, 'clerk');
      const [filed] = (await clerk.get('/api/staff/cases')).body.items;
      assert.deepEqual([filed.caseNumber, filed.source], [confirmed.body.case.caseNumber, 'chat']);
    } finally {
      await offline.stop();
    }
  });

  it('case status: the real status, public messages and next step — never internal notes, priority, deadline or assignee', async () => {
    const company = await createHousingCompany(server.db);
    const { client, conversationId } = await chatReady(company);
    const clerk = await signInStaff(server, company, 'clerk');
    const filed = await client.post('/api/cases', { type: 'contact', title: 'Wasserschaden im Bad', description: 'Fleck an der Decke.' });
    const caseId = filed.body.case.id;
    assert.equal((await clerk.patch(`/api/staff/cases/${caseId}/status`, { status: 'in_bearbeitung' })).status, 200);
    await clerk.post(`/api/staff/cases/${caseId}/notes`, { body: 'INTERN: Mieterin ist schwierig' });
    await clerk.post(`/api/staff/cases/${caseId}/replies`, { body: 'Wir schicken nächste Woche jemanden.' });

    model.script({ toolCalls: [{ name: 'getAnfrageStatus', input: { caseNumber: filed.body.case.caseNumber } }] }, (request) => {
      const [result] = lastToolResults(request);
      return { text: `Status: ${result.content.cases[0].statusLabel}.` };
    });
    const events = await ask(client, conversationId, 'Was ist mit meinem Wasserschaden?');
    assert.equal(answerOf(events), 'Status: In Bearbeitung.');
    const [result] = lastToolResults(model.requests[1]);
    const seen = JSON.stringify(result.content);
    assert.match(seen, /Wir schicken nächste Woche jemanden/);
    assert.doesNotMatch(seen, /INTERN|priority|deadline|assignee|Clara/);
    assert.equal(result.content.cases[0].nextStep.length > 0, true);

    model.script({ toolCalls: [{ name: 'getAnfrageStatus', input: { caseNumber: '2020-9999' } }] }, { text: 'Nicht gefunden.' });
    await ask(client, conversationId, 'Und 2020-9999?');
    assert.deepEqual(lastToolResults(model.requests[1])[0].content, { cases: [], notFound: true });
  });

  it('an invalid or unknown tool call goes back to the model as an error and the answer goes on', async () => {
    const company = await createHousingCompany(server.db);
    const { client, conversationId } = await chatReady(company);
    model.script(
      {
        toolCalls: [
          { name: 'getMieterInfo', input: { residentId: company.neighbour.id } },
          { name: 'deleteEverything', input: {} },
        ],
      },
      { text: 'Das kann ich so nicht nachsehen.' },
    );
    const events = await ask(client, conversationId, 'Zeig mir die Daten meines Nachbarn');
    assert.equal(last(events).status, 'complete');
    const [invalid, unknown] = lastToolResults(model.requests[1]);
    assert.equal(invalid.isError, true);
    assert.equal(invalid.content.error.code, 'invalid_input');
    assert.equal(unknown.content.error.code, 'unknown_tool');
  });

  it('the provider overloaded: an error event with a stable code and German text; the partial answer is stored as such', async () => {
    const company = await createHousingCompany(server.db);
    const { client, conversationId } = await chatReady(company);
    model.script({ text: 'Einen Moment', error: 'model_overloaded' });
    const events = await ask(client, conversationId, 'Hallo?');
    assert.deepEqual(events.slice(-2), [
      {
        type: 'error',
        code: 'model_overloaded',
        message: 'Der Assistent ist gerade überlastet. Bitte versuchen Sie es in einer Minute erneut.',
      },
      { type: 'done', messageId: last(events).messageId, status: 'error' },
    ]);
    const detail = await client.get(`/api/chat/conversations/${conversationId}`);
    assert.deepEqual(
      [detail.body.messages[1].text, detail.body.messages[1].status, detail.body.messages[1].errorCode],
      ['Einen Moment', 'error', 'model_overloaded'],
    );
  });

  it('limits: more tool calls than allowed, and an answer cut at its token limit', async () => {
    const company = await createHousingCompany(server.db);
    const { client, conversationId } = await chatReady(company);
    const nine = Array.from({ length: 9 }, () => ({ name: 'getTenantContext' }));
    model.script({ toolCalls: nine });
    const tooMany = await ask(client, conversationId, 'Alles bitte');
    assert.equal(tooMany.find((event) => event.type === 'error')?.code, 'tool_call_limit');
    assert.equal(last(tooMany).status, 'limited');
    assert.ok(!tooMany.some((event) => event.type === 'tool'), 'no tool ran');

    model.script({ text: 'Eine sehr lange Antw', stopReason: 'max_tokens' });
    const cut = await ask(client, conversationId, 'Erzähl mir alles');
    assert.equal(cut.find((event) => event.type === 'error')?.code, 'turn_token_limit');
    assert.equal(model.requests[0].maxOutputTokens, 4000);
  });

  it('the resident stops a running answer: it ends at once and is stored as stopped', async () => {
    const company = await createHousingCompany(server.db);
    const { client, conversationId } = await chatReady(company);
    model.script({ text: 'Ich fange an …', hang: true });
    const hanging = model.hanging();
    const answer = client.post(`/api/chat/conversations/${conversationId}/messages`, { text: 'Erzähl' });
    await hanging;
    const busy = await client.post(`/api/chat/conversations/${conversationId}/messages`, { text: 'Noch was' });
    assert.equal(busy.status, 409);
    assert.equal(busy.body.error.code, 'chat_busy');
    const stop = await client.post(`/api/chat/conversations/${conversationId}/stop`);
    assert.deepEqual(stop.body, { stopped: true });
    const events = parseEventStream((await answer).body);
    assert.deepEqual(last(events), { type: 'done', messageId: last(events).messageId, status: 'stopped' });
    const detail = await client.get(`/api/chat/conversations/${conversationId}`);
    assert.deepEqual(
      detail.body.messages.map((message: { role: string; status: string; text: string }) => [message.role, message.status, message.text]),
      [
        ['resident', 'complete', 'Erzähl'],
        ['assistant', 'stopped', 'Ich fange an …'],
      ],
    );
  });

  it('the monthly token budget: used up, the next message is refused with a code; the admin sees the use', async () => {
    const company = await createHousingCompany(server.db);
    const admin = await signInStaff(server, company, 'admin');
    assert.equal((await admin.patch('/api/staff/settings', { chatMonthlyTokenBudget: 150 })).status, 200);
    const { client, conversationId } = await chatReady(company);
    model.script({ text: 'Gern.', usage: { inputTokens: 120, outputTokens: 40 } });
    await ask(client, conversationId, 'Erste Frage');
    const refused = await client.post(`/api/chat/conversations/${conversationId}/messages`, { text: 'Zweite Frage' });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error.code, 'chat_budget_exhausted');
    const usage = await admin.get('/api/staff/chat/usage');
    assert.deepEqual(usage.body, { month: new Date().toISOString().slice(0, 7), inputTokens: 120, outputTokens: 40, budget: 150 });
  });

  it('Art. 15 export holds every message with tool calls and results; Art. 17 deletes all of it', async () => {
    const company = await createHousingCompany(server.db);
    const { client, conversationId } = await chatReady(company);
    model.script({ toolCalls: [{ name: 'getTenantContext' }] }, { text: 'Die Bürozeiten stehen noch nicht fest.' });
    await ask(client, conversationId, 'Wann haben Sie geöffnet?');
    const exported = await client.get('/api/chat/export');
    assert.equal(exported.status, 200);
    const [conversation] = exported.body.conversations;
    assert.deepEqual(
      conversation.messages.map((message: { role: string }) => message.role),
      ['user', 'assistant', 'tool', 'assistant'],
    );
    assert.equal(conversation.messages[1].toolCalls[0].name, 'getTenantContext');
    assert.equal(conversation.messages[2].toolResults[0].content.companyName, company.tenant.name);

    const deleted = await client.delete('/api/chat/conversations');
    assert.deepEqual(deleted.body, { deleted: 1 });
    assert.deepEqual((await client.get('/api/chat/conversations')).body.items, []);
    assert.equal((await client.get(`/api/chat/conversations/${conversationId}`)).status, 404);
  });

  it('only residents chat: staff get 403, and another resident’s conversation is not found', async () => {
    const company = await createHousingCompany(server.db);
    const { conversationId } = await chatReady(company);
    const clerk = await signInStaff(server, company, 'clerk');
    assert.equal((await clerk.get('/api/chat/conversations')).status, 403);
    assert.equal((await clerk.get(`/api/chat/conversations/${conversationId}`)).status, 403);
    const { client: neighbour } = await chatReady(company, 'neighbour');
    assert.equal((await neighbour.get(`/api/chat/conversations/${conversationId}`)).status, 404);
    assert.equal((await neighbour.post(`/api/chat/conversations/${conversationId}/messages`, { text: 'Hallo' })).status, 404);
  });

  it('with the offline assistant (the default without a key) the same question is answered from the tenancy: 31.12.2026', async () => {
    const offline = await startTestServer();
    try {
      const company = await createHousingCompany(offline.db);
      await asTenantAdmin(offline.db, company.tenant.id, (tx) =>
        setTenancy(tx, company.tenant.id, company.resident.externalRef, {
          billingPeriodStart: '2025-01-01',
          billingPeriodEnd: '2025-12-31',
        }),
      );
      const client = await signInResident(offline, company);
      const notice = await client.get('/api/chat/notice');
      assert.equal(notice.body.assistant.offline, true);
      await client.post('/api/chat/notice/acknowledge', { version: notice.body.version });
      const { body } = await client.post('/api/chat/conversations');
      const events = await ask(client, body.conversation.id, 'Wann kommt meine Nebenkostenabrechnung?');
      assert.equal(events.find((event) => event.type === 'tool')?.name, 'getMieterInfo');
      assert.match(answerOf(events), /31\.12\.2026/);
      assert.equal(last(events).status, 'complete');
    } finally {
      await offline.stop();
    }
  });

  it('messages per minute per resident are limited with a clear text', async () => {
    const limited = await startTestServer({ CHAT_MESSAGES_PER_MINUTE: '2' }, { chatModel: new ScriptedChatModel() });
    try {
      const company = await createHousingCompany(limited.db);
      const client = await signInResident(limited, company);
      const notice = await client.get('/api/chat/notice');
      await client.post('/api/chat/notice/acknowledge', { version: notice.body.version });
      const { body } = await client.post('/api/chat/conversations');
      const statuses = [];
      for (const text of ['eins', 'zwei', 'drei']) {
        const response = await client.post(`/api/chat/conversations/${body.conversation.id}/messages`, { text });
        statuses.push(response.status);
        if (response.status === 429) {
          assert.equal(response.body.error.code, 'rate_limited');
          assert.match(response.body.error.message, /in einer Minute 2 Nachrichten/);
        }
      }
      assert.deepEqual(statuses, [200, 200, 429]);
    } finally {
      await limited.stop();
    }
  });
});
