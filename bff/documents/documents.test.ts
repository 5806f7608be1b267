import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { RunningServer } from '../server.ts';
import { closeTestDatabase, startTestServer, type TestClient } from '../test/harness.ts';
import type { HousingCompany } from '../test/fixtures.ts';
import { signInResident, signInStaff } from '../test/sign-in.ts';
import { connectSocket, createCaseCompany, nextEvent, recordEvents } from '../cases/case-test-support.ts';
import { PDF, png, uploadOne } from '../uploads/upload-test-support.ts';
import { downloadFile } from './document-test-support.ts';

describe('documents: publishing and "Meine Dokumente"', () => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await server.stop();
    await closeTestDatabase();
  });

  async function uploaded(clerk: TestClient, content: Buffer = PDF, name = 'Schreiben.pdf'): Promise<string> {
    const response = await uploadOne(clerk, content, name);
    assert.equal(response.status, 201, JSON.stringify(response.body));
    return response.body.upload.id;
  }

  async function publish(
    clerk: TestClient,
    audience: 'resident' | 'unit' | 'building',
    audienceId: string,
    title: string,
    category = 'letter',
  ) {
    const response = await clerk.post('/api/staff/documents', { uploadId: await uploaded(clerk), title, category, audience, audienceId });
    assert.equal(response.status, 201, JSON.stringify(response.body));
    return response.body.document;
  }

  const titles = async (client: TestClient) =>
    ((await client.get('/api/documents')).body.items as Array<{ title: string }>).map((item) => item.title);

  it('reaches exactly the resident, everyone in the unit or everyone in the building, live and in the inbox', async () => {
    const company = await createCaseCompany(server);
    const clerk = await signInStaff(server, company, 'clerk');
    const resident = await signInResident(server, company);
    const neighbour = await signInResident(server, company, 'neighbour');
    const residentSocket = await connectSocket(server, resident);
    const neighbourSocket = await connectSocket(server, neighbour);
    try {
      const residentLive = recordEvents(residentSocket, 'document:published');
      const neighbourLive = recordEvents(neighbourSocket, 'document:published');
      const toBoth = nextEvent(neighbourSocket, 'document:published', (payload) => payload.document.title === 'Hausordnung 2026');

      const personal = await publish(clerk, 'resident', company.resident.id, 'Mieterhöhung', 'letter');
      assert.deepEqual(personal.audience, { type: 'resident', id: company.resident.id, label: 'Erika Mustermann' });
      const unit = await publish(clerk, 'unit', company.units[0].id, 'Zählerablesung EG links', 'other');
      assert.equal(unit.audience.label, 'EG links, Lindenallee 12, 20259 Hamburg');
      const building = await publish(clerk, 'building', company.building.id, 'Hausordnung 2026', 'contract');
      assert.equal(building.audience.label, 'Lindenallee 12, 20259 Hamburg');
      assert.equal(building.audienceSize, 2);
      assert.equal(building.readCount, 0);
      assert.equal(building.publishedBy.name, 'Clara Sachbearbeiterin');

      const live = await toBoth;
      assert.deepEqual(Object.keys(live.document).sort(), [
        'caseNumber',
        'category',
        'contentType',
        'fileName',
        'id',
        'publishedAt',
        'readAt',
        'size',
        'title',
      ]);
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.deepEqual(
        residentLive.map((payload: any) => payload.document.title),
        ['Mieterhöhung', 'Zählerablesung EG links', 'Hausordnung 2026'],
      );
      assert.deepEqual(
        neighbourLive.map((payload: any) => payload.document.title),
        ['Hausordnung 2026'],
      );
    } finally {
      residentSocket.disconnect();
      neighbourSocket.disconnect();
    }

    assert.deepEqual(await titles(resident), ['Hausordnung 2026', 'Zählerablesung EG links', 'Mieterhöhung']);
    assert.deepEqual(await titles(neighbour), ['Hausordnung 2026']);
    const inbox = await resident.get('/api/documents');
    assert.equal(inbox.body.unreadCount, 3);
    const personal = inbox.body.items[2];
    assert.deepEqual(
      { ...personal, id: undefined, publishedAt: undefined },
      {
        id: undefined,
        title: 'Mieterhöhung',
        category: 'letter',
        fileName: 'Schreiben.pdf',
        contentType: 'application/pdf',
        size: PDF.length,
        publishedAt: undefined,
        readAt: null,
        caseNumber: null,
      },
    );

    // The neighbour cannot open the resident's letter, not even by its id.
    assert.equal((await downloadFile(neighbour, `/api/documents/${personal.id}/file`)).status, 404);
    assert.equal((await neighbour.post(`/api/documents/${personal.id}/read`)).status, 404);
    assert.equal((await resident.get('/api/documents/unread-count')).body.unreadCount, 3);
  });

  it('downloads the bytes as published, stores the first read only, and counts reads for staff', async () => {
    const company = await createCaseCompany(server);
    const clerk = await signInStaff(server, company, 'clerk');
    const resident = await signInResident(server, company);
    const neighbour = await signInResident(server, company, 'neighbour');
    const picture = await png();
    const image = await clerk.post('/api/staff/documents', {
      uploadId: await uploaded(clerk, picture, 'Lageplan Müllplatz.png'),
      title: 'Lageplan Müllplatz',
      category: 'other',
      audience: 'building',
      audienceId: company.building.id,
    });
    assert.equal(image.status, 201);
    const id = image.body.document.id;

    const file = await downloadFile(resident, `/api/documents/${id}/file`);
    assert.equal(file.status, 200);
    assert.equal(file.headers.get('content-type'), 'image/png');
    assert.match(file.headers.get('content-disposition') ?? '', /^attachment; filename=/);
    assert.match(file.headers.get('content-disposition') ?? '', /filename\*=UTF-8''Lageplan%20M%C3%BCllplatz\.png/);
    assert.equal(file.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(file.content.subarray(0, 8).toString('latin1'), '\x89PNG\r\n\x1a\n');

    const firstRead = (await resident.get('/api/documents')).body.items[0].readAt;
    assert.ok(firstRead);
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal((await resident.post(`/api/documents/${id}/read`)).status, 204);
    assert.equal((await downloadFile(resident, `/api/documents/${id}/file`)).status, 200);
    assert.equal((await resident.get('/api/documents')).body.items[0].readAt, firstRead, 'the first read counts');

    assert.equal((await neighbour.get('/api/documents/unread-count')).body.unreadCount, 1);
    assert.equal((await neighbour.post(`/api/documents/${id}/read`)).status, 204);
    assert.equal((await neighbour.get('/api/documents/unread-count')).body.unreadCount, 0);

    const staff = await clerk.get(`/api/staff/documents?buildingId=${company.building.id}`);
    assert.equal(staff.status, 200);
    assert.deepEqual(
      staff.body.items.map((item: any) => [item.title, item.readCount, item.audienceSize]),
      [['Lageplan Müllplatz', 2, 2]],
    );
  });

  it('pages newest first; staff filter by resident (all they receive), unit or building', async () => {
    const company = await createCaseCompany(server);
    const clerk = await signInStaff(server, company, 'clerk');
    const resident = await signInResident(server, company);
    await publish(clerk, 'building', company.building.id, 'Eins');
    await publish(clerk, 'resident', company.neighbour.id, 'Zwei (Nachbar)');
    await publish(clerk, 'unit', company.units[0].id, 'Drei');
    await publish(clerk, 'resident', company.resident.id, 'Vier');

    const first = await resident.get('/api/documents?limit=2');
    assert.deepEqual(
      first.body.items.map((item: any) => item.title),
      ['Vier', 'Drei'],
    );
    assert.equal(first.body.unreadCount, 3);
    const second = await resident.get(`/api/documents?limit=2&cursor=${first.body.nextCursor}`);
    assert.deepEqual(
      second.body.items.map((item: any) => item.title),
      ['Eins'],
    );
    assert.equal(second.body.nextCursor, null);

    const list = async (query: string) => (await clerk.get(`/api/staff/documents?${query}`)).body.items.map((item: any) => item.title);
    assert.deepEqual(await list(`residentId=${company.resident.id}`), ['Vier', 'Drei', 'Eins']);
    assert.deepEqual(await list(`residentId=${company.neighbour.id}`), ['Zwei (Nachbar)', 'Eins']);
    assert.deepEqual(await list(`unitId=${company.units[0].id}`), ['Drei']);
    assert.deepEqual(await list(`buildingId=${company.building.id}`), ['Eins']);
    assert.deepEqual(await list('limit=100'), ['Vier', 'Drei', 'Zwei (Nachbar)', 'Eins']);
  });

  it('refuses an audience or an upload that is not the company’s or the clerk’s, and keeps the upload then', async () => {
    const company = await createCaseCompany(server);
    const other = await createCaseCompany(server);
    const clerk = await signInStaff(server, company, 'clerk');
    const admin = await signInStaff(server, company, 'admin');
    const uploadId = await uploaded(clerk);
    const body = { uploadId, title: 'Rundschreiben', category: 'letter' };
    for (const [audience, audienceId] of [
      ['building', other.building.id],
      ['unit', other.units[0].id],
      ['resident', other.resident.id],
      ['resident', company.building.id],
      ['building', randomUUID()],
    ]) {
      const refused = await clerk.post('/api/staff/documents', { ...body, audience, audienceId });
      assert.equal(refused.status, 400, `${audience} ${audienceId}`);
      assert.equal(refused.body.error.code, 'unknown_audience');
    }
    const othersUpload = await admin.post('/api/staff/documents', { ...body, audience: 'building', audienceId: company.building.id });
    assert.equal(othersUpload.status, 400);
    assert.equal(othersUpload.body.error.code, 'unknown_upload');
    const invalid = await clerk.post('/api/staff/documents', {
      ...body,
      category: 'memo',
      audience: 'building',
      audienceId: company.building.id,
    });
    assert.equal(invalid.status, 400);
    assert.equal(invalid.body.error.code, 'validation_failed');

    // The refused requests left the upload staged: it can still be published once, and only once.
    const ok = await clerk.post('/api/staff/documents', { ...body, audience: 'building', audienceId: company.building.id });
    assert.equal(ok.status, 201);
    const again = await clerk.post('/api/staff/documents', { ...body, audience: 'building', audienceId: company.building.id });
    assert.equal(again.body.error.code, 'unknown_upload');

    const resident = await signInResident(server, company);
    assert.equal(
      (await resident.post('/api/staff/documents', { ...body, audience: 'building', audienceId: company.building.id })).status,
      403,
    );
    assert.equal((await resident.get('/api/staff/documents')).status, 403);
    assert.equal((await clerk.get('/api/documents')).status, 403);
  });

  it('a document for a case lands in the case resident’s inbox and the public timeline, live', async () => {
    const company: HousingCompany = await createCaseCompany(server);
    const clerk = await signInStaff(server, company, 'clerk');
    const resident = await signInResident(server, company);
    const neighbour = await signInResident(server, company, 'neighbour');
    const filed = await resident.post('/api/cases', {
      type: 'contact',
      title: 'Nebenkosten',
      description: 'Bitte senden Sie mir die Abrechnung 2025.',
    });
    const caseId = filed.body.case.id;
    const socket = await connectSocket(server, resident);
    try {
      const updated = nextEvent(socket, 'case:updated', (payload) => payload.change === 'document_published');
      const published = nextEvent(socket, 'document:published');
      const response = await clerk.post(`/api/staff/cases/${caseId}/documents`, {
        uploadId: await uploaded(clerk),
        title: 'Betriebskostenabrechnung 2025',
        category: 'utility_statement',
      });
      assert.equal(response.status, 201, JSON.stringify(response.body));
      assert.equal(response.body.case.status, 'eingegangen');
      assert.equal(response.body.document.caseNumber, filed.body.case.caseNumber);
      assert.equal((await updated).case.id, caseId);
      assert.equal((await published).document.caseNumber, filed.body.case.caseNumber);
    } finally {
      socket.disconnect();
    }
    const detail = await resident.get(`/api/cases/${caseId}`);
    const event = detail.body.timeline.find((entry: { kind: string }) => entry.kind === 'document_published');
    assert.equal(event.actor, 'staff');
    assert.equal(event.data.title, 'Betriebskostenabrechnung 2025');
    const inbox = await resident.get('/api/documents');
    assert.deepEqual(
      inbox.body.items.map((item: any) => [item.title, item.category, item.caseNumber]),
      [['Betriebskostenabrechnung 2025', 'utility_statement', filed.body.case.caseNumber]],
    );
    assert.deepEqual(await titles(neighbour), []);

    const defaulted = await clerk.post(`/api/staff/cases/${caseId}/documents`, { uploadId: await uploaded(clerk), title: 'Anlage' });
    assert.equal(defaulted.body.document.category, 'other');
    const missing = await clerk.post(`/api/staff/cases/${randomUUID()}/documents`, { uploadId: await uploaded(clerk), title: 'Anlage' });
    assert.equal(missing.status, 404);
  });
});
