import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { withScope, withTenant, type TenantContext } from '../db/scope.ts';
import type { RunningServer } from '../server.ts';
import { closeTestDatabase, startTestServer, testDatabase } from '../test/harness.ts';
import { createHousingCompany, type HousingCompany } from '../test/fixtures.ts';
import { signInResident, signInStaff } from '../test/sign-in.ts';
import { superuser, type Superuser } from '../isolation/support.ts';
import { HEIC, PDF, hasExif, phoneJpeg, png, upload, uploadOne, webp } from './upload-test-support.ts';
import { purgeExpiredUploads, takeStagedUpload } from './use-cases.ts';

const residentContext = (company: HousingCompany, who: 'resident' | 'neighbour' = 'resident'): TenantContext => ({
  tenantId: company.tenant.id,
  accountId: company[who].accountId,
  role: 'resident',
  residentId: company[who].id,
});

describe('uploads', () => {
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

  const stored = async (id: string) =>
    (
      await su.query<{ content: Buffer | Uint8Array; content_type: string; file_name: string }>(
        `SELECT content, content_type, file_name FROM staged_uploads WHERE id = $1`,
        [id],
      )
    )[0];

  it('stores a phone photo upright and without its EXIF/GPS data, typed by its bytes', async () => {
    const company = await createHousingCompany(server.db);
    const resident = await signInResident(server, company);
    const original = await phoneJpeg();
    assert.ok(hasExif(original), 'the test photo carries EXIF');
    assert.ok((await sharp(original).metadata()).exif, 'the test photo carries EXIF');

    const response = await uploadOne(resident, original, 'IMG_0042.JPG');
    assert.equal(response.status, 201, JSON.stringify(response.body));
    assert.equal(response.body.upload.contentType, 'image/jpeg');
    assert.equal(response.body.upload.fileName, 'IMG_0042.jpg');
    const row = await stored(response.body.upload.id);
    const content = Buffer.from(row.content);
    assert.equal(response.body.upload.size, content.length);
    assert.equal(hasExif(content), false, 'no EXIF block left');
    assert.equal(content.includes(Buffer.from('ProbePhone')), false, 'no camera make left');
    const metadata = await sharp(content).metadata();
    assert.equal(metadata.exif, undefined);
    assert.deepEqual(
      [metadata.width, metadata.height, metadata.orientation],
      [20, 40, undefined],
      'turned upright before the orientation tag was dropped',
    );
  });

  it('accepts PNG, WebP and PDF by their bytes, whatever they are called, and cleans the file name', async () => {
    const company = await createHousingCompany(server.db);
    const resident = await signInResident(server, company);
    const cases = [
      { content: await png(), name: 'Grundriss.png', type: 'image/png', fileName: 'Grundriss.png' },
      { content: await webp(), name: 'schimmel.webp', type: 'image/webp', fileName: 'schimmel.webp' },
      { content: PDF, name: 'Rechnung März.pdf', type: 'application/pdf', fileName: 'Rechnung März.pdf' },
      // Named .jpg, but the bytes are a PNG: stored and served as the PNG it is.
      { content: await png(), name: 'wirklich-ein-foto.jpg', type: 'image/png', fileName: 'wirklich-ein-foto.png' },
      {
        content: PDF,
        name: '..\\..\\C:\\Windows\\system32/../\u202eevil\r\n"name".pdf',
        type: 'application/pdf',
        fileName: 'evil_name_.pdf',
      },
      { content: PDF, name: '.htaccess', type: 'application/pdf', fileName: 'htaccess.pdf' },
    ];
    for (const entry of cases) {
      const response = await uploadOne(resident, entry.content, entry.name);
      assert.equal(response.status, 201, `${entry.name}: ${JSON.stringify(response.body)}`);
      assert.equal(response.body.upload.contentType, entry.type, entry.name);
      assert.equal(response.body.upload.fileName, entry.fileName, entry.name);
      assert.equal((await stored(response.body.upload.id)).content_type, entry.type);
    }
    const malformed = await uploadOne(resident, PDF, 'klingel\u0007.pdf');
    assert.deepEqual(
      [malformed.status, malformed.body.error.code],
      [400, 'invalid_upload'],
      'a raw control character breaks the part header',
    );
    const pdf = await stored((await uploadOne(resident, PDF, 'x.pdf')).body.upload.id);
    assert.deepEqual(Buffer.from(pdf.content), PDF, 'a PDF is stored byte for byte');
  });

  it('refuses what is not a photo or PDF with 415 and a German message, and HEIC with a hint to send JPEG', async () => {
    const company = await createHousingCompany(server.db);
    const resident = await signInResident(server, company);
    const fakes = [
      { content: Buffer.from('#!/bin/sh\nrm -rf /\n'), name: 'urlaub.jpg' },
      { content: Buffer.from('<html><script>alert(1)</script></html>'), name: 'foto.png' },
      { content: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 2, 3]), name: 'kaputt.jpg' },
      { content: Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'), name: 'animiert.gif' },
    ];
    for (const fake of fakes) {
      const response = await uploadOne(resident, fake.content, fake.name);
      assert.equal(response.status, 415, `${fake.name}: ${response.status}`);
      assert.equal(response.body.error.code, 'unsupported_file_type');
      assert.match(response.body.error.message, /Dateityp wird nicht unterstützt|beschädigt/);
    }
    const heic = await uploadOne(resident, HEIC, 'IMG_1234.HEIC');
    assert.equal(heic.status, 415);
    assert.equal(heic.body.error.code, 'unsupported_file_type');
    assert.match(heic.body.error.message, /HEIC.*JPEG/);
    const [{ n }] = await su.query<{ n: number }>(`SELECT count(*)::int AS n FROM staged_uploads WHERE tenant_id = $1`, [
      company.tenant.id,
    ]);
    assert.equal(n, 0, 'nothing was stored');
  });

  it('refuses a file over 10 MB with 413 while it streams, and a missing, empty or second file with 400', async () => {
    const company = await createHousingCompany(server.db);
    const resident = await signInResident(server, company);
    const tooLarge = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    const large = await uploadOne(resident, tooLarge, 'scan.pdf');
    assert.equal(large.status, 413);
    assert.equal(large.body.error.code, 'file_too_large');
    assert.match(large.body.error.message, /höchstens 10 MB/);
    const justFits = await uploadOne(resident, Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024 - PDF.length)]), 'scan.pdf');
    assert.equal(justFits.status, 201, 'exactly 10 MB is allowed');

    const empty = await uploadOne(resident, Buffer.alloc(0), 'leer.jpg');
    assert.deepEqual([empty.status, empty.body.error.code], [400, 'file_empty']);
    const otherField = await upload(resident, [{ content: PDF, name: 'a.pdf', field: 'document' }]);
    assert.equal(otherField.status, 400);
    const two = await upload(resident, [
      { content: PDF, name: 'a.pdf' },
      { content: PDF, name: 'b.pdf' },
    ]);
    assert.deepEqual([two.status, two.body.error.code], [400, 'too_many_files']);
    const json = await resident.post('/api/uploads', { file: 'aGFsbG8=' });
    assert.deepEqual([json.status, json.body.error.code], [400, 'file_missing']);
    assert.match(json.body.error.message, /Bitte wählen Sie eine Datei aus/);

    const [{ n }] = await su.query<{ n: number }>(`SELECT count(*)::int AS n FROM staged_uploads WHERE tenant_id = $1`, [
      company.tenant.id,
    ]);
    assert.equal(n, 1, 'only the file that fits was stored');
    const after = await resident.get('/api/cases');
    assert.equal(after.status, 200, 'the connection and session still work after the refusals');
  });

  it('needs a signed-in user and the CSRF token; staff can upload too', async () => {
    const company = await createHousingCompany(server.db);
    const resident = await signInResident(server, company);
    const signedOut = await fetch(server.url + '/api/uploads', { method: 'POST', body: new FormData() });
    assert.equal(signedOut.status, 403, 'no CSRF token, no upload');
    const form = new FormData();
    form.append('file', new Blob([PDF]), 'a.pdf');
    const withoutToken = await fetch(server.url + '/api/uploads', {
      method: 'POST',
      headers: { cookie: resident.cookieHeader() },
      body: form,
    });
    assert.equal(withoutToken.status, 403);
    const clerk = await signInStaff(server, company, 'clerk');
    const staffUpload = await uploadOne(clerk, PDF, 'Bescheinigung.pdf');
    assert.equal(staffUpload.status, 201);
  });

  it('keeps at most 20 files per account waiting (429), and the resident can remove one to make room', async () => {
    const company = await createHousingCompany(server.db);
    const resident = await signInResident(server, company);
    const neighbour = await signInResident(server, company, 'neighbour');
    const ids: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      const response = await uploadOne(resident, PDF, `seite-${i}.pdf`);
      assert.equal(response.status, 201);
      ids.push(response.body.upload.id);
    }
    const over = await uploadOne(resident, PDF, 'seite-21.pdf');
    assert.equal(over.status, 429);
    assert.equal(over.body.error.code, 'too_many_uploads');
    assert.match(over.body.error.message, /bereits 20 Dateien/);
    assert.equal((await uploadOne(neighbour, PDF, 'eigene.pdf')).status, 201, 'the limit is per account');

    assert.equal((await neighbour.delete(`/api/uploads/${ids[0]}`)).status, 404, "the neighbour cannot remove the resident's file");
    assert.ok(await stored(ids[0]));
    assert.equal((await resident.delete(`/api/uploads/${ids[0]}`)).status, 204);
    assert.equal(await stored(ids[0]), undefined);
    assert.equal((await resident.delete(`/api/uploads/${ids[0]}`)).status, 404, 'already removed');
    assert.equal((await uploadOne(resident, PDF, 'seite-21.pdf')).status, 201, 'room for one more');
  });

  it('concurrent uploads cannot pass the limit of 20 together', async () => {
    const company = await createHousingCompany(server.db);
    const resident = await signInResident(server, company);
    const responses = await Promise.all(Array.from({ length: 24 }, (_, i) => uploadOne(resident, PDF, `gleichzeitig-${i}.pdf`)));
    const statuses = responses.map((response) => response.status).sort();
    assert.deepEqual(statuses, [...Array(20).fill(201), ...Array(4).fill(429)]);
    const [{ n }] = await su.query<{ n: number }>(`SELECT count(*)::int AS n FROM staged_uploads WHERE tenant_id = $1`, [
      company.tenant.id,
    ]);
    assert.equal(n, 20);
  });

  it('takeStagedUpload hands the own file to the caller’s transaction, and refuses anyone else’s', async () => {
    const company = await createHousingCompany(server.db);
    const other = await createHousingCompany(server.db);
    const resident = await signInResident(server, company);
    const neighbour = await signInResident(server, company, 'neighbour');
    const stranger = await signInResident(server, other);
    const own = (await uploadOne(resident, PDF, 'eigen.pdf')).body.upload.id;
    const neighbours = (await uploadOne(neighbour, PDF, 'nachbar.pdf')).body.upload.id;
    const strangers = (await uploadOne(stranger, PDF, 'fremd.pdf')).body.upload.id;

    for (const id of [neighbours, strangers]) {
      await assert.rejects(
        withTenant(server.db, residentContext(company), (tx) => takeStagedUpload(tx, residentContext(company), id)),
        (error: { status?: number; code?: string }) => error.status === 400 && error.code === 'unknown_upload',
      );
    }
    assert.ok(await stored(neighbours), "the neighbour's file is untouched");
    await assert.rejects(
      withTenant(server.db, residentContext(company), async (tx) => {
        await takeStagedUpload(tx, residentContext(company), own);
        throw new Error('the caller fails later');
      }),
      /fails later/,
    );
    assert.ok(await stored(own), 'a rolled-back take leaves the file staged');

    const file = await withTenant(server.db, residentContext(company), (tx) => takeStagedUpload(tx, residentContext(company), own));
    assert.deepEqual(
      { ...file, content: file.content.equals(PDF) },
      { fileName: 'eigen.pdf', contentType: 'application/pdf', size: PDF.length, content: true },
    );
    assert.equal(await stored(own), undefined, 'taken means gone from the staging area');
    await assert.rejects(
      withTenant(server.db, residentContext(company), (tx) => takeStagedUpload(tx, residentContext(company), own)),
      /nicht gefunden, ist abgelaufen oder wurde bereits verwendet/,
    );
  });

  it('the clean-up deletes uploads older than 24 hours, of every housing company, and no younger one', async () => {
    const [a, b] = [await createHousingCompany(server.db), await createHousingCompany(server.db)];
    const residentA = await signInResident(server, a);
    const residentB = await signInResident(server, b);
    const oldA = (await uploadOne(residentA, PDF, 'alt.pdf')).body.upload.id;
    const oldB = (await uploadOne(residentB, PDF, 'alt.pdf')).body.upload.id;
    const fresh = (await uploadOne(residentA, PDF, 'neu.pdf')).body.upload.id;
    const almost = (await uploadOne(residentB, PDF, 'fast.pdf')).body.upload.id;
    await su.query(`UPDATE staged_uploads SET created_at = now() - interval '25 hours' WHERE id = ANY($1)`, [[oldA, oldB]]);
    await su.query(`UPDATE staged_uploads SET created_at = now() - interval '23 hours' WHERE id = $1`, [almost]);

    await assert.rejects(
      withTenant(server.db, residentContext(a), (tx) => takeStagedUpload(tx, residentContext(a), oldA)),
      /abgelaufen/,
      'an expired upload cannot be used even before the clean-up ran',
    );
    assert.ok((await purgeExpiredUploads(server.db)) >= 2);
    assert.equal(await stored(oldA), undefined);
    assert.equal(await stored(oldB), undefined);
    assert.ok(await stored(fresh));
    assert.ok(await stored(almost));
    const visibleToSystem = await withScope(server.db, { role: 'system' }, (tx) => tx.query(`SELECT id FROM staged_uploads`));
    assert.equal(visibleToSystem.rowCount, 0, 'the clean-up sees no upload that is still waiting');
  });
});
