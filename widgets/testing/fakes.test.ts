import { expect } from '@open-wc/testing';
import { residentEvents } from '../../bff/contract/realtime.ts';
import { ApiError, type ApiClient } from '../internal/api-client.ts';
import { FakeBff, fakeCodes } from './fake-bff.ts';
import { FakeCaseFiling } from './fake-case-filing.ts';
import { FakeResidentCases } from './fake-resident-cases.ts';
import { FakeStaffCases } from './fake-staff-cases.ts';
import { FakeChat } from './fake-chat.ts';
import { ChatApi } from '../internal/chat-api.ts';

/**
 * The fakes that tests and stories use in place of the BFF answer only what the contract (bff/contract/)
 * allows the real BFF to answer. Every answer of a `FakeBff` is checked (a violation fails the test that
 * made the request); this file makes each fake answer every operation it knows, successes and errors.
 */

const signedIn = (role: 'resident' | 'clerk') =>
  ({ state: 'signed_in', user: { role, displayName: 'Anna Müller', tenant: { slug: 'wohnbau-nord', name: 'Wohnbau Nord eG' } } }) as const;

/** Runs the requests, expecting the error codes named; returns what the contract found. */
async function exercise(
  bff: FakeBff,
  requests: Array<[method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown]>,
) {
  const client: ApiClient = bff.client();
  for (const [method, path, body] of requests) {
    await client.request(method, path, body).catch((error: unknown) => {
      if (!(error instanceof ApiError) || error.status === 0) throw error;
    });
  }
  return bff.contractViolations;
}

describe('fakes answer as the contract says', () => {
  it('sign-in: every step, right and wrong', async () => {
    const bff = new FakeBff();
    const violations = await exercise(bff, [
      ['GET', '/api/session'],
      ['GET', '/api/tenants/wohnbau-nord'],
      ['POST', '/api/auth/login', { tenant: 'wohnbau-nord', email: 'anna.mueller@example.org', password: 'falsch', audience: 'resident' }],
      [
        'POST',
        '/api/auth/login',
        { tenant: 'wohnbau-nord', email: 'anna.mueller@example.org', password: 'richtig-geheim', audience: 'resident' },
      ],
      ['POST', '/api/auth/verify', { code: '000000' }],
      ['POST', '/api/auth/verify', { code: fakeCodes.totp }],
      ['POST', '/api/auth/logout', {}],
      ['POST', '/api/auth/activate', { tenant: 'wohnbau-nord', code: 'FALSCH', email: 'neu@example.org', password: 'lang-genug-1' }],
      ['POST', '/api/auth/activate', { tenant: 'wohnbau-nord', code: fakeCodes.activation, email: 'neu@example.org', password: 'kurz' }],
      [
        'POST',
        '/api/auth/activate',
        { tenant: 'wohnbau-nord', code: fakeCodes.activation, email: 'neu@example.org', password: 'lang-genug-1' },
      ],
      ['POST', '/api/auth/enroll/totp', {}],
      ['POST', '/api/auth/enroll/totp/confirm', { code: fakeCodes.totp }],
      ['POST', '/api/auth/password-reset', { tenant: 'wohnbau-nord', email: 'anna.mueller@example.org' }],
      ['POST', '/api/auth/password-reset/complete', { tenant: 'wohnbau-nord', token: 'falsch', password: 'lang-genug-1' }],
      ['POST', '/api/auth/password-reset/complete', { tenant: 'wohnbau-nord', token: fakeCodes.resetToken, password: 'lang-genug-1' }],
    ]);
    expect(violations).to.deep.equal([]);
  });

  it("the resident's cases, documents and joined incidents, and their failures", async () => {
    const resident = new FakeResidentCases({ long: true });
    const bff = new FakeBff({ session: signedIn('resident'), routes: resident.routes });
    const requests: Parameters<typeof exercise>[1] = [
      ['GET', '/api/cases?limit=2'],
      ['GET', '/api/cases/joined'],
      ['GET', '/api/documents'],
      ['GET', '/api/documents/unread-count'],
      ['POST', `/api/documents/${resident.documents[0].id}/read`, {}],
      ['GET', `/api/cases/${crypto.randomUUID()}`],
    ];
    for (const item of resident.cases) {
      requests.push(['GET', `/api/cases/${item.id}`], ['POST', `/api/cases/${item.id}/messages`, { body: 'Noch eine Frage.' }]);
    }
    expect(await exercise(bff, requests)).to.deep.equal([]);

    for (const endpoint of ['cases', 'detail', 'message', 'documents', 'unread', 'read', 'joined'] as const) resident.failing.add(endpoint);
    expect(await exercise(bff, requests)).to.deep.equal([]);
  });

  it('live payloads a fake pushes to a resident fit the realtime contract', () => {
    const resident = new FakeResidentCases();
    const open = resident.cases.find((item) => item.status !== 'erledigt' && item.status !== 'abgelehnt')!;
    expect(residentEvents['case:updated'].safeParse(resident.setStatus(open.id, 'beauftragt', 'Termin folgt.')).success).to.equal(true);
    expect(residentEvents['case:updated'].safeParse(resident.reply(open.id, 'Danke.')).success).to.equal(true);
    expect(residentEvents['document:published'].safeParse(resident.publish({ title: 'Hausordnung' })).success).to.equal(true);
  });

  it('filing: catalogue, "Bereits gemeldet?", uploads and every kind of case, and their failures', async () => {
    const filing = new FakeCaseFiling();
    const bff = new FakeBff({ session: signedIn('resident'), routes: filing.routes });
    const { catalogue } = filing;
    const location = catalogue.damageLocations[0];
    const category = location.categories[0];
    const form = new FormData();
    form.append('file', new File([new Uint8Array(100)], 'foto.jpg', { type: 'image/jpeg' }));
    const upload = await bff.client().upload<{ upload: { id: string } }>('/api/uploads', form);
    const requests: Parameters<typeof exercise>[1] = [
      ['GET', '/api/cases/catalogue'],
      ['GET', '/api/tenants/wohnbau-nord/contact'],
      ['GET', `/api/cases/open-damage-reports?categoryId=${category.id}`],
      ['POST', '/api/cases/open-damage-reports/2026-0100/join', {}],
      ['DELETE', `/api/uploads/${upload.upload.id}`],
      ['POST', '/api/cases', { type: 'contact', title: 'Frage', description: 'Wann wird gestrichen?' }],
      ['POST', '/api/cases', { type: 'complaint', title: 'Lärm', description: 'Nachts laut.', urgency: 'urgent' }],
      [
        'POST',
        '/api/cases',
        {
          type: 'damage',
          damageLocationId: location.id,
          damageCategoryId: category.id,
          damageKindId: category.kinds[0].id,
          description: 'Tropft.',
        },
      ],
      ['POST', '/api/cases', { type: 'document_request', documentTypeId: catalogue.documentTypes[0].id }],
    ];
    expect(await exercise(bff, requests)).to.deep.equal([]);

    for (const endpoint of ['catalogue', 'open-reports', 'join', 'upload', 'delete-upload', 'file', 'contact'] as const) {
      filing.failing.add(endpoint);
    }
    expect(await exercise(bff, requests)).to.deep.equal([]);
  });

  it("the clerks' board: list, filters, every action on every case, and failures", async () => {
    const cases = new FakeStaffCases();
    const bff = new FakeBff({ session: signedIn('clerk'), routes: cases.routes });
    const requests: Parameters<typeof exercise>[1] = [
      ['GET', '/api/staff/cases?limit=5'],
      ['GET', '/api/staff/cases?status=eingegangen,beauftragt&type=damage&assignee=none&overdue=true&limit=20'],
      ['GET', '/api/staff/cases?status=unbekannt&limit=20'],
      ['GET', '/api/staff/clerks'],
    ];
    for (const item of cases.cases) {
      const path = `/api/staff/cases/${item.id}`;
      requests.push(
        ['GET', path],
        ['PATCH', `${path}/assignee`, { assigneeId: null }],
        ['POST', `${path}/replies`, { body: 'Wir kümmern uns.' }],
        ['POST', `${path}/notes`, { body: '' }],
        ['POST', `${path}/notes`, { body: 'Intern.' }],
        ['POST', `${path}/documents`, { uploadId: crypto.randomUUID(), title: 'Rechnung', category: 'letter' }],
        ['GET', `${path}/certificate/preview`],
        ['POST', `${path}/certificate`, {}],
        ['POST', `${path}/certificate`, { digest: 'f'.repeat(64) }],
        ['POST', `${path}/certificate`, { digest: '0'.repeat(8) + 'c'.repeat(56) }],
        ['PATCH', `${path}/status`, { status: 'erledigt', message: 'Erledigt.' }],
      );
    }
    expect(await exercise(bff, requests)).to.deep.equal([]);
  });

  it('the chat: notice, conversations, every kind of streamed answer, refusals, drafts, export and deletion', async () => {
    const chat = new FakeChat({ conversations: 'long', tokenDelay: 0, toolDelay: 0 });
    const bff = new FakeBff({ session: signedIn('resident'), routes: chat.routes });
    const api = new ChatApi(bff.client());
    const refused = await exercise(bff, [
      ['GET', '/api/chat/notice'],
      ['POST', '/api/chat/notice/acknowledge', { version: 'veraltet' }],
      ['POST', '/api/chat/notice/acknowledge', { version: chat.notice.version }],
      ['GET', '/api/chat/conversations'],
      ['GET', `/api/chat/conversations/${chat.conversations[0].summary.id}`],
      ['GET', `/api/chat/conversations/${crypto.randomUUID()}`],
    ]);
    expect(refused).to.deep.equal([]);

    const conversation = await api.startConversation();
    const drafts: string[] = [];
    const questions = ['Nebenkostenabrechnung?', 'Stand?', 'Es tropft.', 'Rückruf bitte', 'Dokumente?', 'Hallo'];
    for (const question of questions) {
      for await (const event of api.send(conversation.id, question)) if (event.type === 'draft') drafts.push(event.draft.draftId);
    }
    chat.options.streamError = 'model_overloaded';
    for await (const event of api.send(conversation.id, 'Stand?')) expect(event.type).to.be.oneOf(['start', 'error', 'done']);
    chat.options.streamError = undefined;
    for (const refusal of ['chat_busy', 'chat_budget_exhausted', 'rate_limited', 'chat_notice_required'] as const) {
      chat.options.refuse = refusal;
      const error = await api
        .send(conversation.id, 'Hallo')
        .next()
        .catch((caught: unknown) => caught);
      expect(error).to.be.instanceOf(ApiError);
    }
    chat.options.refuse = undefined;
    expect(drafts).to.have.length(2);
    const more = await exercise(bff, [
      ['POST', `/api/chat/conversations/${conversation.id}/stop`, {}],
      ...drafts.map((draftId): [method: 'POST', path: string, body: unknown] => [
        'POST',
        `/api/chat/drafts/${draftId}/confirm`,
        { attachmentIds: [] },
      ]),
      ['POST', `/api/chat/drafts/${crypto.randomUUID()}/confirm`, { attachmentIds: [] }],
      ['GET', '/api/chat/export'],
      ['DELETE', `/api/chat/conversations/${conversation.id}`],
      ['DELETE', '/api/chat/conversations'],
    ]);
    // Streams are checked while the widget reads them: give the last check its turn.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(more).to.deep.equal([]);
    expect(bff.contractViolations).to.deep.equal([]);
  });
});
