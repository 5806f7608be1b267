import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { FakeVorgangApi } from '../case-backend-http/vorgang-api-test-support.ts';
import { connectSocket, createCaseCompany, damageChoice, nextEvent } from '../cases/case-test-support.ts';
import type { RunningServer } from '../server.ts';
import { closeTestDatabase, mailsTo, startTestServer, TestClient, TEST_ADMIN_TOKEN, type JsonResponse } from '../test/harness.ts';
import type { HousingCompany } from '../test/fixtures.ts';
import { signInResident, signInStaff } from '../test/sign-in.ts';
import { phoneJpeg, uploadOne } from '../uploads/upload-test-support.ts';
import { invite, insertLead } from '../viewings/viewing-test-support.ts';
import { createListing } from '../leads/lead-test-support.ts';

/**
 * Contractor orders over HTTP: a clerk orders a contractor from a damage case (PDF by mail, signed link, case
 * `beauftragt` with its log), the contractor answers through the link without an account (accept, decline, done),
 * the resident hears of the appointment live and by mail, and a connected Vorgang API gets every step.
 */

async function pdfText(content: Buffer): Promise<{ text: string; pages: number }> {
  const pdf = await getDocument({ data: new Uint8Array(content), disableFontFace: true, useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const text = await (await pdf.getPage(number)).getTextContent();
    pages.push(text.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await pdf.destroy();
  return { text: pages.join('\n').replace(/\s+/g, ' '), pages: pages.length };
}

const inDays = (days: number, hour = 9) => {
  const date = new Date(Date.now() + days * 86_400_000);
  date.setUTCHours(hour, 0, 0, 0);
  return date.toISOString();
};

/** The contractor's requests: the token in X-Link-Token, no session. */
function asContractor(client: TestClient, token: string | undefined) {
  const headers: Record<string, string> = token === undefined ? {} : { 'x-link-token': token };
  return {
    view: (): Promise<JsonResponse> => client.request('GET', '/api/contractor-answer', undefined, { headers }),
    answer: (body: unknown): Promise<JsonResponse> => client.request('POST', '/api/contractor-answer', body, { headers }),
  };
}

const tokenOf = (url: string) => url.slice(url.indexOf('#token=') + 7);

describe('contractor orders from a damage case', () => {
  let server: RunningServer;
  let company: HousingCompany;
  let clerk: TestClient;
  let resident: TestClient;
  let offsetMs = 0;
  const clock = { now: () => new Date(Date.now() + offsetMs) };
  const visitor = () => new TestClient(server.url);

  before(async () => {
    server = await startTestServer({ OUTBOX_POLL_MS: '50', OUTBOX_RETRY_BASE_MS: '100', OUTBOX_RETRY_MAX_MS: '300' }, { clock });
    company = await createCaseCompany(server, { name: 'Wohnbau Nord eG' });
    clerk = await signInStaff(server, company, 'clerk');
    resident = await signInResident(server, company);
  });
  after(async () => {
    await server.stop();
    await closeTestDatabase();
  });

  async function addContractor(client = clerk, body: Record<string, unknown> = {}) {
    const email = `handwerk-${randomBytes(4).toString('hex')}@example.org`;
    const created = await client.post('/api/staff/contractors', { name: 'Rohr & Co. GmbH', trade: 'Sanitär', email, ...body });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    return created.body as { id: string; email: string; name: string };
  }

  async function damageCase(client = resident, extra: Record<string, unknown> = {}) {
    const filed = await client.post('/api/cases', {
      type: 'damage',
      ...(await damageChoice(client)),
      description: 'Der Wasserhahn im Bad tropft seit Tagen.',
      residentAvailability: 'Werktags ab 16 Uhr',
      accessConsent: true,
      ...extra,
    });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    return filed.body.case as { id: string; caseNumber: string };
  }

  async function commission(caseId: string, contractorId: string, note = '') {
    const ordered = await clerk.post(`/api/staff/cases/${caseId}/work-orders`, { contractorId, note });
    assert.equal(ordered.status, 201, JSON.stringify(ordered.body));
    return {
      ...(ordered.body as { url: string; sentTo: string; workOrder: { id: string; status: string } }),
      token: tokenOf(ordered.body.url),
    };
  }

  it('contractors are managed per company; bad input is refused field by field in German; residents have no access', async () => {
    const contractor = await addContractor(clerk, { phone: '040 555 12', buildingIds: [company.building.id] });
    const listed = await clerk.get('/api/staff/contractors');
    assert.deepEqual(
      listed.body.items.find((item: { id: string }) => item.id === contractor.id),
      {
        id: contractor.id,
        name: 'Rohr & Co. GmbH',
        trade: 'Sanitär',
        email: contractor.email,
        phone: '040 555 12',
        buildingIds: [company.building.id],
        active: true,
      },
    );
    const bad = await clerk.post('/api/staff/contractors', { name: '', trade: 'Sanitär', email: 'kein-mail' });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.error.details.fields.map((field: { path: string }) => field.path).sort(), ['email', 'name']);
    const unknown = await clerk.post('/api/staff/contractors', {
      name: 'X',
      trade: 'Elektro',
      email: 'x@example.org',
      buildingIds: [randomUUID()],
    });
    assert.equal(unknown.body.error.code, 'unknown_building');
    const patched = await clerk.patch(`/api/staff/contractors/${contractor.id}`, { active: false });
    assert.equal(patched.status, 200);
    assert.equal(patched.body.active, false);
    assert.equal(patched.body.phone, '040 555 12', 'untouched fields stay');
    assert.equal((await resident.get('/api/staff/contractors')).status, 403);
  });

  it('ordering mails the contractor the order as PDF with the photos and the link; the case is `beauftragt`, its log names the contractor, the resident is told', async () => {
    const contractor = await addContractor();
    const photo = await uploadOne(resident, await phoneJpeg(), 'tropfen.jpg');
    assert.equal(photo.status, 201, JSON.stringify(photo.body));
    const filed = await damageCase(resident, { attachmentIds: [photo.body.upload.id] });
    const ordered = await commission(filed.id, contractor.id, 'Schlüssel beim Hausmeister, Klingel „Hausmeister“.');
    assert.equal(ordered.sentTo, contractor.email);
    assert.equal(ordered.workOrder.status, 'ordered');
    assert.match(ordered.url, /\/auftrag#token=v1\./);

    const [mail] = await mailsTo(server, contractor.email);
    assert.ok(mail, 'the order is mailed');
    assert.equal(mail.subject, `Auftrag ${filed.caseNumber} von Wohnbau Nord eG`);
    assert.ok(mail.text.includes(ordered.url), 'the mail carries the link');
    assert.equal(mail.attachments?.length, 1);
    const [attachment] = mail.attachments;
    assert.equal(attachment.filename, `Auftrag-${filed.caseNumber}.pdf`);
    assert.equal(attachment.contentType, 'application/pdf');
    const pdf = await pdfText(Buffer.from(attachment.content, 'base64'));
    assert.match(pdf.text, new RegExp(`Auftrag zu Vorgang ${filed.caseNumber}`));
    assert.match(pdf.text, /Lindenallee 12, 20259 Hamburg/);
    assert.match(pdf.text, /EG links/);
    assert.match(pdf.text, /Wasserhahn im Bad tropft/);
    assert.match(pdf.text, /Werktags ab 16 Uhr/);
    assert.match(pdf.text, /auch in Abwesenheit betreten/);
    assert.match(pdf.text, /Schlüssel beim Hausmeister/);
    assert.ok(!pdf.text.includes('Mustermann'), 'no name of the resident');
    assert.equal(pdf.pages, 2, 'the photo on a page of its own');

    const detail = (await clerk.get(`/api/staff/cases/${filed.id}`)).body;
    assert.equal(detail.case.status, 'beauftragt');
    const logged = detail.events.find((event: { kind: string }) => event.kind === 'work_order');
    assert.equal(logged.data.action, 'ordered');
    assert.equal(logged.data.contractor, 'Rohr & Co. GmbH');
    assert.equal(logged.actorName, 'Clara Sachbearbeiterin');
    const [statusMail] = await mailsTo(server, company.resident.email);
    assert.match(statusMail.text, /Handwerksbetrieb \(Sanitär\) beauftragt/);

    const orders = await clerk.get(`/api/staff/cases/${filed.id}/work-orders`);
    assert.equal(orders.body.items.length, 1);
    assert.equal(orders.body.items[0].contractor.name, 'Rohr & Co. GmbH');
    const again = await clerk.post(`/api/staff/cases/${filed.id}/work-orders`, { contractorId: contractor.id });
    assert.deepEqual([again.status, again.body.error.code], [409, 'work_order_open']);
  });

  it('the contractor sees the job without an account; accepting sends the resident „Handwerkertermin am …“ live and by mail', async () => {
    const contractor = await addContractor();
    const filed = await damageCase();
    const { token } = await commission(filed.id, contractor.id);
    const view = await asContractor(visitor(), token).view();
    assert.equal(view.status, 200, JSON.stringify(view.body));
    assert.equal(view.body.caseNumber, filed.caseNumber);
    assert.deepEqual(view.body.location, { address: 'Lindenallee 12, 20259 Hamburg', unit: 'EG links' });
    assert.equal(view.body.residentAvailability, 'Werktags ab 16 Uhr');
    assert.equal(view.body.accessConsent, true);
    assert.equal(view.body.company.name, 'Wohnbau Nord eG');
    assert.ok(!JSON.stringify(view.body).includes('Mustermann'), 'no contact of the resident: none was allowed');

    const mailsBefore = (await mailsTo(server, company.resident.email, 1)).length;
    const portal = await connectSocket(server, resident);
    try {
      const live = nextEvent(portal, 'case:updated', (payload) => payload.change === 'work_order' && payload.case.id === filed.id);
      const past = await asContractor(visitor(), token).answer({ answer: 'accept', appointmentAt: '2020-01-01T09:00:00+01:00' });
      assert.equal(past.status, 400);
      assert.equal(past.body.error.details.fields[0].message, 'Der Termin muss in der Zukunft liegen.');
      const appointmentAt = inDays(3, 8);
      const accepted = await asContractor(visitor(), token).answer({ answer: 'accept', appointmentAt });
      assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
      assert.equal(accepted.body.status, 'accepted');
      assert.equal(accepted.body.appointmentAt, appointmentAt);
      await live;
    } finally {
      portal.disconnect();
    }
    const mails = await mailsTo(server, company.resident.email, mailsBefore + 1);
    assert.match(mails[0].text, /Handwerkertermin am \d\d\.\d\d\.\d{4} um \d\d:00 Uhr \(Rohr & Co\. GmbH\)/);
    const timeline = (await resident.get(`/api/cases/${filed.id}`)).body.timeline;
    const entry = timeline.find((event: { kind: string }) => event.kind === 'work_order');
    assert.equal(entry.data.action, 'accepted');
    const staffEvents = (await clerk.get(`/api/staff/cases/${filed.id}`)).body.events;
    assert.equal(staffEvents.filter((event: { kind: string }) => event.kind === 'work_order').length, 2, 'ordered and accepted');
  });

  it('declining frees the case for another contractor; done puts it before the clerk, who closes it, and the link stops working', async () => {
    const first = await addContractor();
    const second = await addContractor(clerk, { name: 'Klempnerei Wasser' });
    const filed = await damageCase();
    const declined = await commission(filed.id, first.id);
    const board = await connectSocket(server, clerk);
    try {
      const live = nextEvent(board, 'case:updated', (payload) => payload.change === 'work_order' && payload.case.id === filed.id);
      const noReason = await asContractor(visitor(), declined.token).answer({ answer: 'decline' });
      assert.equal(noReason.status, 400);
      const answer = await asContractor(visitor(), declined.token).answer({ answer: 'decline', reason: 'Keine Kapazität diese Woche' });
      assert.equal(answer.body.status, 'declined');
      await live;
    } finally {
      board.disconnect();
    }
    const late = await asContractor(visitor(), declined.token).answer({ answer: 'accept', appointmentAt: inDays(2) });
    assert.deepEqual([late.status, late.body.error.code], [409, 'work_order_answered']);

    const done = await commission(filed.id, second.id);
    assert.equal((await clerk.get(`/api/staff/cases/${filed.id}`)).body.case.status, 'beauftragt', 'still beauftragt');
    const reported = await asContractor(visitor(), done.token).answer({ answer: 'done', note: 'Dichtung getauscht.' });
    assert.equal(reported.body.status, 'done');
    const orders = (await clerk.get(`/api/staff/cases/${filed.id}/work-orders`)).body.items;
    assert.deepEqual(
      orders.map((order: { status: string; answerNote: string }) => [order.status, order.answerNote]),
      [
        ['done', 'Dichtung getauscht.'],
        ['declined', 'Keine Kapazität diese Woche'],
      ],
    );
    const actions = (await clerk.get(`/api/staff/cases/${filed.id}`)).body.events
      .filter((event: { kind: string }) => event.kind === 'work_order')
      .map((event: { data: { action: string }; actor: string }) => `${event.data.action}:${event.actor}`);
    assert.deepEqual(actions, ['ordered:staff', 'declined:system', 'ordered:staff', 'done:system']);
    assert.equal((await clerk.patch(`/api/staff/cases/${filed.id}/status`, { status: 'erledigt' })).status, 200);
    assert.deepEqual((await asContractor(visitor(), done.token).view()).body.error.code, 'link_revoked');
  });

  it('only open damage cases, only active contractors of the building', async () => {
    const contractor = await addContractor();
    const contact = await resident.post('/api/cases', { type: 'contact', title: 'Frage', description: 'Wann kommt der Schornsteinfeger?' });
    const refused = await clerk.post(`/api/staff/cases/${contact.body.case.id}/work-orders`, { contractorId: contractor.id });
    assert.deepEqual([refused.status, refused.body.error.code], [409, 'not_a_damage_case']);
    assert.equal(refused.body.error.message, 'Handwerker werden nur für Schadensmeldungen beauftragt.');
    const filed = await damageCase();
    const inactive = await addContractor(clerk, { active: false });
    assert.equal(
      (await clerk.post(`/api/staff/cases/${filed.id}/work-orders`, { contractorId: inactive.id })).body.error.code,
      'contractor_unavailable',
    );
    const elsewhere = await addContractor(clerk, { buildingIds: [] });
    assert.equal(
      (await clerk.post(`/api/staff/cases/${filed.id}/work-orders`, { contractorId: elsewhere.id })).status,
      201,
      'all buildings',
    );
    const closed = await damageCase();
    assert.equal((await clerk.patch(`/api/staff/cases/${closed.id}/status`, { status: 'abgelehnt' })).status, 200);
    const late = await clerk.post(`/api/staff/cases/${closed.id}/work-orders`, { contractorId: contractor.id });
    assert.deepEqual([late.status, late.body.error.code], [409, 'case_closed']);
    assert.equal((await clerk.post(`/api/staff/cases/${randomUUID()}/work-orders`, { contractorId: contractor.id })).status, 404);
  });

  it('an expired link, a link of another purpose, an altered one and a missing one are refused with their codes', async () => {
    const contractor = await addContractor();
    const filed = await damageCase();
    const { token } = await commission(filed.id, contractor.id);
    const listing = await createListing(clerk, company, { title: 'Wohnung' });
    const lead = await insertLead(server.db, company, listing.id);
    const viewing = await invite(clerk, lead.id);
    const refusal = async (response: Promise<JsonResponse>) => {
      const answer = await response;
      return [answer.status, answer.body.error.code];
    };
    assert.deepEqual(await refusal(asContractor(visitor(), viewing.token).view()), [403, 'link_wrong_purpose']);
    const [version, payload, signature] = token.split('.');
    const altered = [version, payload, signature.slice(0, -2) + (signature.endsWith('AA') ? 'BB' : 'AA')].join('.');
    assert.deepEqual(await refusal(asContractor(visitor(), altered).answer({ answer: 'done', note: 'x' })), [401, 'link_invalid']);
    assert.deepEqual(await refusal(asContractor(visitor(), undefined).view()), [401, 'link_missing']);
    offsetMs = 31 * 86_400_000;
    try {
      assert.deepEqual(await refusal(asContractor(visitor(), token).view()), [410, 'link_expired']);
    } finally {
      offsetMs = 0;
    }
    assert.equal((await asContractor(visitor(), token).view()).status, 200, 'untouched by the refusals');
  });

  it("another company's clerk reaches neither the case nor the contractor; a link rewritten to name that company is invalid", async () => {
    const other = await createCaseCompany(server);
    const otherClerk = await signInStaff(server, other, 'clerk');
    const contractor = await addContractor();
    const filed = await damageCase();
    const { token } = await commission(filed.id, contractor.id);
    const own = await addContractor(otherClerk);
    assert.equal((await otherClerk.post(`/api/staff/cases/${filed.id}/work-orders`, { contractorId: own.id })).status, 404);
    assert.equal((await otherClerk.get(`/api/staff/cases/${filed.id}/work-orders`)).status, 404);
    assert.equal((await otherClerk.patch(`/api/staff/contractors/${contractor.id}`, { active: false })).status, 404);
    const second = await damageCase();
    const foreign = await clerk.post(`/api/staff/cases/${second.id}/work-orders`, { contractorId: own.id });
    assert.equal(foreign.status, 404, "the other company's contractor is unknown here");
    assert.ok(!(await otherClerk.get('/api/staff/contractors')).body.items.some((item: { id: string }) => item.id === contractor.id));
    const [version, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const forged = [version, Buffer.from(JSON.stringify({ ...claims, t: other.tenant.id })).toString('base64url'), signature].join('.');
    assert.equal((await asContractor(visitor(), forged).view()).body.error.code, 'link_invalid');
  });

  it('the order mail links to the public page: <contractor-answer> alone, under the pages’ policy, sending no Referer', async () => {
    const page = await fetch(`${server.url}/auftrag`);
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('referrer-policy'), 'no-referrer');
    assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    assert.match(await page.text(), /<contractor-answer><\/contractor-answer>/);
  });

  it('with the http case backend, the order and every answer are forwarded to the Vorgang API', async () => {
    const connected = await createCaseCompany(server);
    const api = new FakeVorgangApi(`token-${randomBytes(12).toString('hex')}`);
    await api.start();
    try {
      const platform = new TestClient(server.url, { bearer: TEST_ADMIN_TOKEN });
      const connection = await platform.request('PUT', `/api/admin/tenants/${connected.tenant.slug}/case-backend`, {
        baseUrl: api.baseUrl,
        apiToken: api.token,
        webhookSecret: randomBytes(32).toString('hex'),
      });
      assert.equal(connection.status, 200, JSON.stringify(connection.body));
      const connectedClerk = await signInStaff(server, connected, 'clerk');
      const connectedResident = await signInResident(server, connected);
      const filed = await damageCase(connectedResident);
      const contractor = await addContractor(connectedClerk);
      const ordered = await connectedClerk.post(`/api/staff/cases/${filed.id}/work-orders`, { contractorId: contractor.id });
      assert.equal(ordered.status, 201);
      const token = tokenOf(ordered.body.url);
      const appointmentAt = inDays(2);
      assert.equal((await asContractor(visitor(), token).answer({ answer: 'accept', appointmentAt })).status, 200);
      assert.equal((await asContractor(visitor(), token).answer({ answer: 'done', note: 'Erledigt.' })).status, 200);
      const deadline = Date.now() + 10_000;
      const events = () => api.received.filter((request) => request.body?.event === 'case.work_order' && request.status === 201);
      while (events().length < 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      assert.deepEqual(
        events().map((request) => [request.path, request.body.action, request.body.appointmentAt]),
        [
          [`/cases/${filed.id}/work-orders`, 'ordered', null],
          [`/cases/${filed.id}/work-orders`, 'accepted', appointmentAt],
          [`/cases/${filed.id}/work-orders`, 'done', null],
        ],
      );
      assert.equal(events()[0].body.contractor.name, 'Rohr & Co. GmbH');
      assert.ok(
        api.received.some((request) => request.body?.event === 'case.status_changed' && request.body.to === 'beauftragt'),
        'the status change as well',
      );
    } finally {
      await api.stop();
    }
  });
});
