import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import type { RunningServer } from '../server.ts';
import { closeTestDatabase, startTestServer, testDatabase, type TestClient } from '../test/harness.ts';
import { createHousingCompany, type HousingCompany } from '../test/fixtures.ts';
import { signInResident, signInStaff } from '../test/sign-in.ts';
import { superuser, type Superuser } from '../isolation/support.ts';
import { connectSocket, damageChoice, nextEvent } from '../cases/case-test-support.ts';
import { PDF, download, hasExif, phoneJpeg, uploadOne } from '../uploads/upload-test-support.ts';

describe('case attachments', () => {
  let server: RunningServer;
  let su: Superuser;
  before(async () => {
    server = await startTestServer();
    su = await superuser(await testDatabase());
  });
  after(async () => {
    await server.stop();
    await su.close();
    await closeTestDatabase();
  });

  const stagedCount = async (company: HousingCompany) =>
    (await su.query<{ n: number }>(`SELECT count(*)::int AS n FROM staged_uploads WHERE tenant_id = $1`, [company.tenant.id]))[0].n;
  const uploadIds = async (client: TestClient, count: number, name = 'seite.pdf') => {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const response = await uploadOne(client, PDF, name);
      assert.equal(response.status, 201, JSON.stringify(response.body));
      ids.push(response.body.upload.id);
    }
    return ids;
  };
  const contactCase = (attachmentIds: string[]) => ({ type: 'contact', title: 'Frage', description: 'Siehe Anhang.', attachmentIds });

  it('a damage report with a phone photo and a PDF: listed for resident and staff, downloadable without GPS data', async () => {
    const company = await createHousingCompany(server.db);
    const resident = await signInResident(server, company);
    const clerk = await signInStaff(server, company, 'clerk');
    const photo = (await uploadOne(resident, await phoneJpeg(), 'Wasserschaden Küche.JPG')).body.upload;
    const pdf = (await uploadOne(resident, PDF, 'Rechnung.pdf')).body.upload;

    const filed = await resident.post('/api/cases', {
      type: 'damage',
      ...(await damageChoice(resident)),
      description: 'Wasser tropft von der Decke.',
      attachmentIds: [photo.id, pdf.id],
    });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    const caseId = filed.body.case.id;
    assert.equal(await stagedCount(company), 0, 'the uploads moved into the case');

    const detail = await resident.get(`/api/cases/${caseId}`);
    assert.equal(detail.status, 200);
    assert.deepEqual(
      detail.body.attachments.map((a: Record<string, unknown>) => [a.fileName, a.contentType, a.size, a.uploadedBy]),
      [
        ['Wasserschaden Küche.jpg', 'image/jpeg', photo.size, 'resident'],
        ['Rechnung.pdf', 'application/pdf', PDF.length, 'resident'],
      ],
    );
    assert.deepEqual(
      detail.body.timeline.map((event: { kind: string; data: unknown }) => [event.kind, event.data]),
      [
        ['created', { caseNumber: filed.body.case.caseNumber, source: 'portal' }],
        ['attachments_added', { count: 2 }],
      ],
    );
    const staffDetail = await clerk.get(`/api/staff/cases/${caseId}`);
    assert.deepEqual(
      staffDetail.body.attachments.map((a: { id: string }) => a.id),
      detail.body.attachments.map((a: { id: string }) => a.id),
    );

    const [photoAttachment, pdfAttachment] = detail.body.attachments;
    for (const [client, path] of [
      [resident, `/api/cases/${caseId}/attachments/${photoAttachment.id}`],
      [clerk, `/api/staff/cases/${caseId}/attachments/${photoAttachment.id}`],
    ] as const) {
      const file = await download(client, path);
      assert.equal(file.status, 200);
      assert.equal(file.headers.get('content-type'), 'image/jpeg');
      assert.equal(file.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(
        file.headers.get('content-disposition'),
        `attachment; filename="Wasserschaden K_che.jpg"; filename*=UTF-8''Wasserschaden%20K%C3%BCche.jpg`,
      );
      assert.equal(file.content.length, photo.size);
      assert.equal(hasExif(file.content), false, 'no EXIF block in the downloaded photo');
      assert.equal(file.content.includes(Buffer.from('GPS-Test')), false);
      const metadata = await sharp(file.content).metadata();
      assert.equal(metadata.exif, undefined, 'no GPS position');
      assert.deepEqual([metadata.width, metadata.height], [20, 40], 'upright');
    }
    const pdfFile = await download(resident, `/api/cases/${caseId}/attachments/${pdfAttachment.id}`);
    assert.equal(pdfFile.headers.get('content-type'), 'application/pdf');
    assert.ok(pdfFile.content.equals(PDF));
  });

  it('a photo as a thumbnail: at most 320 px, WebP, for the resident and the clerk only; none for a PDF', async () => {
    const company = await createHousingCompany(server.db);
    const resident = await signInResident(server, company);
    const neighbour = await signInResident(server, company, 'neighbour');
    const clerk = await signInStaff(server, company, 'clerk');
    const large = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#3a6ea5' } })
      .jpeg()
      .toBuffer();
    const photo = (await uploadOne(resident, large, 'Schimmel Schlafzimmer.jpg')).body.upload;
    const pdf = (await uploadOne(resident, PDF, 'Rechnung.pdf')).body.upload;
    const filed = await resident.post('/api/cases', contactCase([photo.id, pdf.id]));
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    const caseId = filed.body.case.id;
    const [photoAttachment, pdfAttachment] = (await resident.get(`/api/cases/${caseId}`)).body.attachments;

    for (const [client, path] of [
      [resident, `/api/cases/${caseId}/attachments/${photoAttachment.id}?size=thumbnail`],
      [clerk, `/api/staff/cases/${caseId}/attachments/${photoAttachment.id}?size=thumbnail`],
    ] as const) {
      const thumbnail = await download(client, path);
      assert.equal(thumbnail.status, 200, path);
      assert.equal(thumbnail.headers.get('content-type'), 'image/webp');
      assert.equal(thumbnail.headers.get('cache-control'), 'private, no-store');
      const { width, height, format } = await sharp(thumbnail.content).metadata();
      assert.deepEqual([format, width, height], ['webp', 320, 240]);
      assert.ok(thumbnail.content.length < photo.size / 4, `${thumbnail.content.length} bytes for ${photo.size}`);
    }
    const neighbours = await download(neighbour, `/api/cases/${caseId}/attachments/${photoAttachment.id}?size=thumbnail`);
    assert.equal(neighbours.status, 404, 'another resident gets no thumbnail of the case');
    const ofPdf = await resident.get(`/api/cases/${caseId}/attachments/${pdfAttachment.id}?size=thumbnail`);
    assert.deepEqual([ofPdf.status, ofPdf.body.error.code], [404, 'not_found']);
    const unknownSize = await resident.get(`/api/cases/${caseId}/attachments/${photoAttachment.id}?size=huge`);
    assert.deepEqual([unknownSize.status, unknownSize.body.error.code], [400, 'validation_failed']);
  });

  it('an unknown, foreign or used upload files no case and leaves the own uploads staged for another try', async () => {
    const company = await createHousingCompany(server.db);
    const other = await createHousingCompany(server.db);
    const resident = await signInResident(server, company);
    const neighbour = await signInResident(server, company, 'neighbour');
    const stranger = await signInResident(server, other);
    const [own] = await uploadIds(resident, 1);
    const [neighbours] = await uploadIds(neighbour, 1);
    const [strangers] = await uploadIds(stranger, 1);
    const [used] = await uploadIds(resident, 1);
    assert.equal((await resident.post('/api/cases', contactCase([used]))).status, 201);
    const casesBefore = (await resident.get('/api/cases')).body.items.length;

    for (const [what, foreign] of [
      ['the neighbour’s upload', neighbours],
      ['another housing company’s upload', strangers],
      ['an upload already used', used],
      ['an id that never existed', randomUUID()],
    ]) {
      const response = await resident.post('/api/cases', contactCase([own, foreign]));
      assert.equal(response.status, 400, what);
      assert.equal(response.body.error.code, 'unknown_upload', what);
      assert.match(response.body.error.message, /erneut hoch/);
    }
    assert.equal((await resident.get('/api/cases')).body.items.length, casesBefore, 'no case was filed');
    assert.equal(await stagedCount(company), 2, 'the own upload and the neighbour’s are still staged');

    const twice = await resident.post('/api/cases', contactCase([own, own]));
    assert.deepEqual([twice.status, twice.body.error.code], [400, 'validation_failed']);
    const eleven = await resident.post('/api/cases', contactCase(Array.from({ length: 11 }, () => randomUUID())));
    assert.deepEqual([eleven.status, eleven.body.error.code], [400, 'validation_failed']);
    assert.match(JSON.stringify(eleven.body.error.details), /höchstens 10 Dateien/);

    const retry = await resident.post('/api/cases', contactCase([own]));
    assert.equal(retry.status, 201, 'the retry with the own upload works');
    const numbers = (await resident.get('/api/cases')).body.items.map((item: { caseNumber: string }) => item.caseNumber);
    assert.deepEqual(
      numbers.map((n: string) => n.slice(5)),
      ['0002', '0001'],
      'refused filings used no case number',
    );
  });

  it('a message can be files only; it is logged and pushed live as attachments_added', async () => {
    const company = await createHousingCompany(server.db);
    const resident = await signInResident(server, company);
    const clerk = await signInStaff(server, company, 'clerk');
    const caseId = (await resident.post('/api/cases', contactCase([]))).body.case.id;
    const residentSocket = await connectSocket(server, resident);
    const staffSocket = await connectSocket(server, clerk);
    try {
      const ids = await uploadIds(resident, 2, 'foto.pdf');
      const residentPush = nextEvent(residentSocket, 'case:updated', (p) => p.change === 'attachments_added');
      const staffPush = nextEvent(staffSocket, 'case:updated', (p) => p.change === 'attachments_added');
      const sent = await resident.post(`/api/cases/${caseId}/messages`, { attachmentIds: ids });
      assert.equal(sent.status, 201, JSON.stringify(sent.body));
      assert.equal((await residentPush).case.id, caseId);
      assert.equal((await staffPush).case.id, caseId);

      const detail = await resident.get(`/api/cases/${caseId}`);
      assert.deepEqual(detail.body.messages, [], 'no empty text message');
      assert.deepEqual(detail.body.timeline.at(-1).data, { count: 2 });
      assert.equal(detail.body.timeline.at(-1).kind, 'attachments_added');
      assert.equal(detail.body.attachments.length, 2);

      const [third] = await uploadIds(resident, 1);
      const both = await resident.post(`/api/cases/${caseId}/messages`, { body: 'Noch ein Foto.', attachmentIds: [third] });
      assert.equal(both.status, 201);
      const after = await resident.get(`/api/cases/${caseId}`);
      assert.deepEqual(
        after.body.messages.map((m: { body: string }) => m.body),
        ['Noch ein Foto.'],
      );
      assert.deepEqual(
        after.body.timeline.slice(-2).map((e: { kind: string }) => e.kind),
        ['resident_message', 'attachments_added'],
      );

      const nothing = await resident.post(`/api/cases/${caseId}/messages`, { attachmentIds: [] });
      assert.deepEqual([nothing.status, nothing.body.error.code], [400, 'validation_failed']);
      assert.match(JSON.stringify(nothing.body.error.details), /Nachricht oder hängen Sie eine Datei an/);

      const [kept] = await uploadIds(resident, 1);
      const refused = await resident.post(`/api/cases/${caseId}/messages`, {
        body: 'Mit fremder Datei',
        attachmentIds: [kept, randomUUID()],
      });
      assert.deepEqual([refused.status, refused.body.error.code], [400, 'unknown_upload']);
      const unchanged = await resident.get(`/api/cases/${caseId}`);
      assert.deepEqual(
        unchanged.body.messages.map((m: { body: string }) => m.body),
        ['Noch ein Foto.'],
        'no message was written',
      );
      assert.equal(unchanged.body.attachments.length, 3);
      assert.equal(await stagedCount(company), 1, 'the upload stays staged');
    } finally {
      residentSocket.disconnect();
      staffSocket.disconnect();
    }
  });

  it('a case holds at most 20 files, and a closed case takes none', async () => {
    const company = await createHousingCompany(server.db);
    const resident = await signInResident(server, company);
    const clerk = await signInStaff(server, company, 'clerk');
    const caseId = (await resident.post('/api/cases', contactCase(await uploadIds(resident, 10)))).body.case.id;
    assert.equal((await resident.post(`/api/cases/${caseId}/messages`, { attachmentIds: await uploadIds(resident, 9) })).status, 201);
    const [twentieth, twentyFirst] = await uploadIds(resident, 2);
    const over = await resident.post(`/api/cases/${caseId}/messages`, { body: 'Zwei noch', attachmentIds: [twentieth, twentyFirst] });
    assert.deepEqual([over.status, over.body.error.code], [400, 'too_many_attachments']);
    assert.match(over.body.error.message, /höchstens 20 Dateien.*noch 1/);
    assert.equal((await resident.post(`/api/cases/${caseId}/messages`, { attachmentIds: [twentieth] })).status, 201);
    const full = await resident.post(`/api/cases/${caseId}/messages`, { attachmentIds: [twentyFirst] });
    assert.deepEqual([full.status, full.body.error.code], [400, 'too_many_attachments']);
    assert.equal((await resident.get(`/api/cases/${caseId}`)).body.attachments.length, 20);

    const otherCase = (await resident.post('/api/cases', contactCase([]))).body.case.id;
    assert.equal((await clerk.patch(`/api/staff/cases/${otherCase}/status`, { status: 'erledigt' })).status, 200);
    const closed = await resident.post(`/api/cases/${otherCase}/messages`, { attachmentIds: [twentyFirst] });
    assert.deepEqual([closed.status, closed.body.error.code], [409, 'case_closed']);
    assert.equal(await stagedCount(company), 1, 'the refused file is still staged');
  });

  it('concurrent messages cannot pass the limit of 20 files per case together', async () => {
    const company = await createHousingCompany(server.db);
    const resident = await signInResident(server, company);
    const caseId = (await resident.post('/api/cases', contactCase(await uploadIds(resident, 10)))).body.case.id;
    const batches = [await uploadIds(resident, 4), await uploadIds(resident, 4), await uploadIds(resident, 4)];
    const responses = await Promise.all(batches.map((ids) => resident.post(`/api/cases/${caseId}/messages`, { attachmentIds: ids })));
    assert.deepEqual(responses.map((response) => response.status).sort(), [201, 201, 400]);
    assert.equal((await resident.get(`/api/cases/${caseId}`)).body.attachments.length, 18);
  });

  it('downloads: only the own case for a resident, only the own housing company for staff, never across cases', async () => {
    const company = await createHousingCompany(server.db);
    const other = await createHousingCompany(server.db);
    const resident = await signInResident(server, company);
    const neighbour = await signInResident(server, company, 'neighbour');
    const foreignClerk = await signInStaff(server, other, 'clerk');
    const caseId = (await resident.post('/api/cases', contactCase(await uploadIds(resident, 1)))).body.case.id;
    const secondCase = (await resident.post('/api/cases', contactCase([]))).body.case.id;
    const [attachment] = (await resident.get(`/api/cases/${caseId}`)).body.attachments;
    const path = `/api/cases/${caseId}/attachments/${attachment.id}`;
    assert.equal((await download(resident, path)).status, 200);

    const refused = [
      [neighbour, path, 404],
      [resident, `/api/cases/${secondCase}/attachments/${attachment.id}`, 404],
      [resident, `/api/cases/${caseId}/attachments/${randomUUID()}`, 404],
      [foreignClerk, `/api/staff/cases/${caseId}/attachments/${attachment.id}`, 404],
      [resident, `/api/staff/cases/${caseId}/attachments/${attachment.id}`, 403],
    ] as const;
    for (const [client, target, status] of refused) {
      const response = await download(client, target);
      assert.equal(response.status, status, target);
      assert.equal(response.content.includes(PDF.subarray(0, 8)), false, 'no bytes of the file');
    }
    const missing = await neighbour.get(path);
    assert.equal(missing.body.error.message, 'Datei nicht gefunden.');
  });
});
