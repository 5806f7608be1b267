import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { FakeVorgangApi } from '../case-backend-http/vorgang-api-test-support.ts';
import { asTenantAdmin } from '../tenants/use-cases.ts';
import type { RunningServer } from '../server.ts';
import { closeTestDatabase, mailsAbout, startTestServer, TestClient, TEST_ADMIN_TOKEN } from '../test/harness.ts';
import { signInResident, signInStaff } from '../test/sign-in.ts';
import { connectSocket, createCaseCompany, documentTypeId, nextEvent } from '../cases/case-test-support.ts';
import { downloadFile } from './document-test-support.ts';

/** The text of every page of a PDF, as a reader would copy it. */
async function pdfText(content: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(content), disableFontFace: true, useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const text = await (await pdf.getPage(number)).getTextContent();
    pages.push(text.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await pdf.destroy();
  return pages.join('\n').replace(/\s+/g, ' ');
}

describe('documents: Mieterbescheinigung', () => {
  let server: RunningServer;
  before(async () => {
    // A fast outbox, for the housing company whose Vorgang API hears of the closed request.
    server = await startTestServer({ OUTBOX_POLL_MS: '50', OUTBOX_RETRY_BASE_MS: '100', OUTBOX_RETRY_MAX_MS: '300' });
  });
  after(async () => {
    await server.stop();
    await closeTestDatabase();
  });

  async function requestCertificate(resident: TestClient, label = 'Mieterbescheinigung') {
    const filed = await resident.post('/api/cases', {
      type: 'document_request',
      documentTypeId: await documentTypeId(resident, label),
      description: 'Für das Wohngeldamt',
    });
    assert.equal(filed.status, 201);
    return filed.body.case as { id: string; caseNumber: string };
  }

  /** The clerk's two steps: the preview, then the release with its digest. */
  async function previewAndIssue(clerk: TestClient, caseId: string) {
    const preview = await clerk.get(`/api/staff/cases/${caseId}/certificate/preview`);
    assert.equal(preview.status, 200, JSON.stringify(preview.body));
    return clerk.post(`/api/staff/cases/${caseId}/certificate`, { digest: preview.body.digest });
  }

  it('generates the PDF from the tenancy, publishes it to the resident, closes the case and tells the resident', async () => {
    const company = await createCaseCompany(server, { name: 'Wohnungsgenossenschaft Grüner Weg eG' });
    await asTenantAdmin(server.db, company.tenant.id, (tx) =>
      tx.query(`UPDATE tenancies SET tenancy_start = '2019-04-01' WHERE resident_id = $1`, [company.resident.id]),
    );
    const resident = await signInResident(server, company);
    const clerk = await signInStaff(server, company, 'clerk');
    const requested = await requestCertificate(resident);
    const staffView = await clerk.get(`/api/staff/cases/${requested.id}`);
    assert.deepEqual(staffView.body.case.documentType, {
      id: staffView.body.case.documentType.id,
      label: 'Mieterbescheinigung',
      key: 'tenant_certificate',
    });
    const socket = await connectSocket(server, resident);
    try {
      const published = nextEvent(socket, 'document:published');
      const closed = nextEvent(socket, 'case:updated', (payload) => payload.change === 'status_changed');

      const issued = await previewAndIssue(clerk, requested.id);
      assert.equal(issued.status, 201, JSON.stringify(issued.body));
      assert.equal(issued.body.case.status, 'erledigt');
      assert.equal(issued.body.document.title, 'Mieterbescheinigung');
      assert.equal(issued.body.document.category, 'certificate');
      assert.equal(issued.body.document.caseNumber, requested.caseNumber);
      assert.deepEqual(issued.body.document.audience, { type: 'resident', id: company.resident.id, label: 'Erika Mustermann' });

      const live = await published;
      assert.equal(live.document.id, issued.body.document.id);
      assert.equal(live.document.readAt, null);
      assert.equal((await closed).case.status, 'erledigt');
    } finally {
      socket.disconnect();
    }

    const inbox = await resident.get('/api/documents');
    assert.equal(inbox.status, 200);
    assert.equal(inbox.body.unreadCount, 1);
    assert.equal(inbox.body.items.length, 1);
    const [document] = inbox.body.items;
    assert.equal(document.caseNumber, requested.caseNumber);
    assert.equal(document.fileName, `Mieterbescheinigung-${requested.caseNumber}.pdf`);
    assert.equal(document.contentType, 'application/pdf');
    assert.equal(document.readAt, null);
    assert.equal((await resident.get('/api/documents/unread-count')).body.unreadCount, 1);

    const file = await downloadFile(resident, `/api/documents/${document.id}/file`);
    assert.equal(file.status, 200);
    assert.equal(file.headers.get('content-type'), 'application/pdf');
    assert.match(
      file.headers.get('content-disposition') ?? '',
      /^attachment; filename="Mieterbescheinigung-\d{4}-\d{4,}\.pdf"; filename\*=UTF-8''Mieterbescheinigung-\d{4}-\d{4,}\.pdf$/,
    );
    assert.equal(file.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(file.headers.get('content-security-policy'), "default-src 'none'; sandbox");
    assert.equal(file.content.length, document.size);
    assert.equal(file.content.subarray(0, 5).toString('latin1'), '%PDF-');
    const text = await pdfText(file.content);
    for (const expected of [
      'Mieterbescheinigung',
      'Erika Mustermann',
      'Wohnungsgenossenschaft Grüner Weg eG',
      'EG links',
      'Lindenallee 12, 20259 Hamburg',
      'Mietbeginn: 01.04.2019',
      `Vorgangsnummer: ${requested.caseNumber}`,
      'Mit freundlichen Grüßen',
    ]) {
      assert.ok(text.includes(expected), `PDF text lacks "${expected}": ${text}`);
    }

    assert.equal((await resident.get('/api/documents/unread-count')).body.unreadCount, 0);
    const afterRead = await resident.get('/api/documents');
    assert.equal(afterRead.body.unreadCount, 0);
    assert.ok(afterRead.body.items[0].readAt, 'the download is the read receipt');

    const detail = await resident.get(`/api/cases/${requested.id}`);
    assert.equal(detail.body.case.status, 'erledigt');
    const kinds = detail.body.timeline.map((event: { kind: string }) => event.kind);
    assert.deepEqual(kinds, ['created', 'document_published', 'status_changed', 'public_reply']);
    assert.deepEqual(detail.body.timeline[1].data, { documentId: document.id, title: 'Mieterbescheinigung' });
    assert.deepEqual(
      detail.body.messages.map((message: { body: string }) => message.body),
      ['Ihre Mieterbescheinigung liegt unter „Meine Dokumente“ bereit.'],
    );

    const mails = await mailsAbout(server, company.resident.email, /^Ihr Anliegen/);
    assert.equal(mails.length, 1);
    assert.equal(mails[0].subject, `Ihr Anliegen ${requested.caseNumber}: Erledigt`);
    assert.match(mails[0].text, /Ihre Mieterbescheinigung liegt unter „Meine Dokumente“ bereit\./);

    const staffList = await clerk.get(`/api/staff/documents?residentId=${company.resident.id}`);
    assert.equal(staffList.body.items[0].readCount, 1);
    assert.equal(staffList.body.items[0].audienceSize, 1);
  });

  it('without a known tenancy start the certificate says so instead of inventing a date', async () => {
    const company = await createCaseCompany(server);
    const resident = await signInResident(server, company);
    const clerk = await signInStaff(server, company, 'clerk');
    const requested = await requestCertificate(resident);
    const issued = await previewAndIssue(clerk, requested.id);
    assert.equal(issued.status, 201);
    const file = await downloadFile(resident, `/api/documents/${issued.body.document.id}/file`);
    const text = await pdfText(file.content);
    assert.ok(text.includes('Mietbeginn: laut Mietvertrag'), text);
  });

  it('is refused with 409 for other requests, other case types and a closed request, and publishes nothing then', async () => {
    const company = await createCaseCompany(server);
    const resident = await signInResident(server, company);
    const clerk = await signInStaff(server, company, 'clerk');
    const houseRules = await requestCertificate(resident, 'Hausordnung');
    assert.equal((await resident.get(`/api/cases/${houseRules.id}`)).body.case.documentType.key, 'house_rules');
    const contact = (await resident.post('/api/cases', { type: 'contact', title: 'Frage', description: 'Wann kommt der Hausmeister?' }))
      .body.case;
    for (const id of [houseRules.id, contact.id]) {
      for (const refused of [
        await clerk.get(`/api/staff/cases/${id}/certificate/preview`),
        await clerk.post(`/api/staff/cases/${id}/certificate`, { digest: 'a'.repeat(64) }),
      ]) {
        assert.equal(refused.status, 409);
        assert.equal(refused.body.error.code, 'not_a_certificate_request');
        assert.equal(refused.body.error.message, 'Dieser Vorgang ist keine Anforderung einer Mieterbescheinigung.');
      }
    }
    assert.equal((await resident.get(`/api/cases/${houseRules.id}`)).body.case.status, 'eingegangen');

    const rejected = await requestCertificate(resident);
    assert.equal((await clerk.patch(`/api/staff/cases/${rejected.id}/status`, { status: 'abgelehnt' })).status, 200);
    for (const onClosed of [
      await clerk.get(`/api/staff/cases/${rejected.id}/certificate/preview`),
      await clerk.post(`/api/staff/cases/${rejected.id}/certificate`, { digest: 'a'.repeat(64) }),
    ]) {
      assert.equal(onClosed.status, 409);
      assert.equal(onClosed.body.error.code, 'case_closed');
      assert.match(onClosed.body.error.message, /bereits abgeschlossen/);
    }

    const inbox = await resident.get('/api/documents');
    assert.deepEqual(inbox.body, { items: [], nextCursor: null, unreadCount: 0 });
  });

  it('the preview shows the certificate as it would be issued and publishes nothing: no document, no e-mail, the case stays open', async () => {
    const company = await createCaseCompany(server, { name: 'Bauverein Süd eG' });
    await asTenantAdmin(server.db, company.tenant.id, (tx) =>
      tx.query(`UPDATE tenancies SET tenancy_start = '2021-10-15' WHERE resident_id = $1`, [company.resident.id]),
    );
    const resident = await signInResident(server, company);
    const clerk = await signInStaff(server, company, 'clerk');
    const requested = await requestCertificate(resident);

    const preview = await clerk.get(`/api/staff/cases/${requested.id}/certificate/preview`);
    assert.equal(preview.status, 200, JSON.stringify(preview.body));
    assert.match(preview.body.digest, /^[0-9a-f]{64}$/);
    assert.deepEqual(preview.body.certificate, {
      residentName: 'Erika Mustermann',
      unitLabel: 'EG links',
      address: 'Lindenallee 12, 20259 Hamburg',
      tenancyStart: '2021-10-15',
      companyName: 'Bauverein Süd eG',
      caseNumber: requested.caseNumber,
      issuedOn: new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date()),
    });
    assert.equal(preview.body.fileName, `Mieterbescheinigung-${requested.caseNumber}.pdf`);
    const text = await pdfText(Buffer.from(preview.body.pdf, 'base64'));
    for (const expected of [
      'Mieterbescheinigung',
      'Erika Mustermann',
      'Lindenallee 12, 20259 Hamburg',
      'Mietbeginn: 15.10.2021',
      requested.caseNumber,
    ]) {
      assert.ok(text.includes(expected), `preview lacks "${expected}": ${text}`);
    }
    const again = await clerk.get(`/api/staff/cases/${requested.id}/certificate/preview`);
    assert.equal(again.body.digest, preview.body.digest, 'the same data gives the same digest');

    assert.deepEqual((await resident.get('/api/documents')).body, { items: [], nextCursor: null, unreadCount: 0 });
    assert.deepEqual((await clerk.get(`/api/staff/documents?residentId=${company.resident.id}`)).body.items, []);
    const detail = await resident.get(`/api/cases/${requested.id}`);
    assert.equal(detail.body.case.status, 'eingegangen');
    assert.deepEqual(
      detail.body.timeline.map((event: { kind: string }) => event.kind),
      ['created'],
    );
    assert.deepEqual(
      await mailsAbout(server, company.resident.email, /: Erledigt$/, 1, 1000),
      [],
      'no e-mail about a released certificate',
    );
  });

  it('is not released without the confirmed preview, nor after the data changed since the preview; with the current digest it is', async () => {
    const company = await createCaseCompany(server);
    const resident = await signInResident(server, company);
    const clerk = await signInStaff(server, company, 'clerk');
    const requested = await requestCertificate(resident);
    const path = `/api/staff/cases/${requested.id}/certificate`;

    for (const body of [undefined, {}, { digest: '' }]) {
      const unconfirmed = await clerk.post(path, body);
      assert.equal(unconfirmed.status, 422, JSON.stringify(unconfirmed.body));
      assert.equal(unconfirmed.body.error.code, 'certificate_preview_required');
      assert.equal(
        unconfirmed.body.error.message,
        'Bitte sehen Sie sich zuerst die Vorschau der Mieterbescheinigung an und geben Sie sie dann frei.',
      );
    }

    const seen = (await clerk.get(`${path}/preview`)).body;
    // Meanwhile the ERP import brings the Mietbeginn: the certificate would now say something the clerk has not seen.
    await asTenantAdmin(server.db, company.tenant.id, (tx) =>
      tx.query(`UPDATE tenancies SET tenancy_start = '2018-02-01' WHERE resident_id = $1`, [company.resident.id]),
    );
    for (const digest of [seen.digest, 'f'.repeat(64)]) {
      const stale = await clerk.post(path, { digest });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.code, 'certificate_changed');
      assert.equal(stale.body.error.message, 'Die Angaben haben sich seit der Vorschau geändert. Bitte prüfen Sie die Vorschau erneut.');
    }
    assert.deepEqual((await resident.get('/api/documents')).body.items, []);
    assert.equal((await resident.get(`/api/cases/${requested.id}`)).body.case.status, 'eingegangen');

    const current = (await clerk.get(`${path}/preview`)).body;
    assert.notEqual(current.digest, seen.digest);
    assert.equal(current.certificate.tenancyStart, '2018-02-01');
    const issued = await clerk.post(path, { digest: current.digest });
    assert.equal(issued.status, 201, JSON.stringify(issued.body));
    assert.equal(issued.body.case.status, 'erledigt');
    const file = await downloadFile(resident, `/api/documents/${issued.body.document.id}/file`);
    assert.ok((await pdfText(file.content)).includes('Mietbeginn: 01.02.2018'));
  });

  it('a housing company with its own Vorgang API hears that the request was closed, with the public message', async () => {
    const company = await createCaseCompany(server);
    const api = new FakeVorgangApi(`token-${randomBytes(12).toString('hex')}`);
    await api.start();
    try {
      const platform = new TestClient(server.url, { bearer: TEST_ADMIN_TOKEN });
      const connected = await platform.request('PUT', `/api/admin/tenants/${company.tenant.slug}/case-backend`, {
        baseUrl: api.baseUrl,
        apiToken: api.token,
        webhookSecret: randomBytes(32).toString('hex'),
      });
      assert.equal(connected.status, 200, JSON.stringify(connected.body));
      const resident = await signInResident(server, company);
      const clerk = await signInStaff(server, company, 'clerk');
      const requested = await requestCertificate(resident);
      assert.equal((await previewAndIssue(clerk, requested.id)).status, 201);
      const deadline = Date.now() + 10_000;
      const closedUpstream = () =>
        api.processedBodies().find((body) => body.event === 'case.status_changed' && body.caseId === requested.id);
      while (!closedUpstream() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      assert.deepEqual(
        { ...closedUpstream(), changedAt: undefined },
        {
          event: 'case.status_changed',
          caseId: requested.id,
          caseNumber: requested.caseNumber,
          from: 'eingegangen',
          to: 'erledigt',
          message: 'Ihre Mieterbescheinigung liegt unter „Meine Dokumente“ bereit.',
          changedAt: undefined,
        },
      );
    } finally {
      await api.stop();
    }
  });

  it('works only for staff of the case’s own housing company', async () => {
    const company = await createCaseCompany(server);
    const other = await createCaseCompany(server);
    const resident = await signInResident(server, company);
    const requested = await requestCertificate(resident);
    const foreignClerk = await signInStaff(server, other, 'clerk');
    const ownClerk = await signInStaff(server, company, 'clerk');
    const { digest } = (await ownClerk.get(`/api/staff/cases/${requested.id}/certificate/preview`)).body;
    const foreignPreview = await foreignClerk.get(`/api/staff/cases/${requested.id}/certificate/preview`);
    assert.equal(foreignPreview.status, 404);
    assert.ok(!JSON.stringify(foreignPreview.body).includes('Mustermann'), 'no data of the other company in the refusal');
    assert.equal((await foreignClerk.post(`/api/staff/cases/${requested.id}/certificate`, { digest })).status, 404);
    assert.equal((await resident.get(`/api/staff/cases/${requested.id}/certificate/preview`)).status, 403);
    assert.equal((await resident.post(`/api/staff/cases/${requested.id}/certificate`, { digest })).status, 403);
    assert.equal((await resident.get(`/api/cases/${requested.id}`)).body.case.status, 'eingegangen');
  });
});
