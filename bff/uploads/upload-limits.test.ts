import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import sharp from 'sharp';
import type { RunningServer } from '../server.ts';
import { closeTestDatabase, startTestServer, testDatabase, type TestClient } from '../test/harness.ts';
import { createHousingCompany } from '../test/fixtures.ts';
import { signInResident } from '../test/sign-in.ts';
import { PDF, png, uploadOne } from './upload-test-support.ts';

after(closeTestDatabase);

/** A photo of noise (it compresses badly and costs a real decode), as a JPEG of the given size. */
const noiseJpeg = (width: number, height: number) =>
  sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();

/** A small, valid PDF made by pdf-lib; `extend` adds what a hostile PDF carries; saved with compressed object streams. */
async function pdfWith(extend: (doc: PDFDocument) => void | Promise<void>, useObjectStreams = true): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]).drawText('Nebenkostenabrechnung', { x: 20, y: 100, size: 12 });
  await extend(doc);
  return Buffer.from(await doc.save({ useObjectStreams }));
}

const openAction = (doc: PDFDocument, action: Record<string, unknown>) =>
  doc.catalog.set(PDFName.of('OpenAction'), doc.context.register(doc.context.obj(action as never)));

describe('upload limits', () => {
  let server: RunningServer;
  let a: TestClient;
  let b: TestClient;
  let otherCompany: TestClient;
  before(async () => {
    const { db } = await testDatabase();
    server = await startTestServer({ UPLOAD_MAX_MEGAPIXELS: '2' });
    const company = await createHousingCompany(db);
    a = await signInResident(server, company);
    b = await signInResident(server, company, 'neighbour');
    otherCompany = await signInResident(server, await createHousingCompany(db));
  });
  after(() => server?.stop());

  it('refuses an image with more pixels than allowed from its header, with 413 image_too_large in German', async () => {
    // 2 000 × 1 100 = 2.2 megapixels of one colour: a few kB, but 8.8 MB once decoded.
    const big = await sharp({ create: { width: 2000, height: 1100, channels: 4, background: '#336699' } })
      .png()
      .toBuffer();
    const refused = await uploadOne(a, big, 'riesig.png');
    assert.equal(refused.status, 413, JSON.stringify(refused.body));
    assert.equal(refused.body.error.code, 'image_too_large');
    assert.match(refused.body.error.message, /höchstens 2 Megapixel/);
    const fits = await sharp({ create: { width: 1000, height: 1000, channels: 3, background: '#336699' } })
      .jpeg()
      .toBuffer();
    assert.equal((await uploadOne(a, fits, 'passt.jpg')).status, 201);
  });

  it('refuses PDFs with JavaScript, launch actions or embedded files with 415 pdf_active_content, also when hidden', async () => {
    const hostile = {
      'JavaScript (OpenAction, in a compressed object stream)': await pdfWith((doc) =>
        openAction(doc, { Type: 'Action', S: 'JavaScript', JS: PDFString.of('app.alert("hallo")') }),
      ),
      'Launch action': await pdfWith((doc) => openAction(doc, { Type: 'Action', S: 'Launch', F: PDFString.of('cmd.exe') }), false),
      'embedded file': await pdfWith(async (doc) => {
        await doc.attach(Buffer.from('MZ'), 'rechnung.exe', { mimeType: 'application/octet-stream' });
      }),
      'JavaScript with an escaped name, written by hand': Buffer.from(
        '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R /OpenAction 3 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n' +
          '3 0 obj << /S /J#61vaScript /JS (app.alert\\(1\\)) >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
      ),
    };
    for (const [what, content] of Object.entries(hostile)) {
      const response = await uploadOne(b, content, 'abrechnung.pdf');
      assert.equal(response.status, 415, `${what}: ${JSON.stringify(response.body)}`);
      assert.equal(response.body.error.code, 'pdf_active_content', what);
      assert.match(response.body.error.message, /PDF/, what);
    }
    assert.equal((await uploadOne(b, await pdfWith(() => undefined), 'abrechnung.pdf')).status, 201, 'a plain pdf-lib PDF');
    assert.equal((await uploadOne(b, PDF, 'minimal.pdf')).status, 201, 'a minimal PDF');
  });

  it('one account flooding uploads does not hold up another account’s upload or another company’s case list', async () => {
    const photo = await noiseJpeg(600, 600);
    const small = await png();
    const started = Date.now();
    const floodDone: number[] = [];
    const flood = Array.from({ length: 6 }, () =>
      uploadOne(otherCompany, photo, 'flut.jpg').then((response) => {
        floodDone.push(Date.now() - started);
        return response.status;
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 150));
    const other = uploadOne(b, small, 'klein.png').then((response) => ({ status: response.status, at: Date.now() - started }));
    const list = await a.get('/api/cases');
    const listAt = Date.now() - started;
    const served = await other;
    const floodStatuses = await Promise.all(flood);
    assert.equal(list.status, 200);
    assert.equal(served.status, 201);
    assert.deepEqual(floodStatuses, Array(6).fill(201));
    floodDone.sort((x, y) => x - y);
    // Served beside the flood, not behind it: before the flood's second file is through (times relative,
    // since the machine's speed varies).
    const flooded = `the flood's files were through at ${floodDone.join(', ')} ms`;
    assert.ok(served.at < floodDone[1], `the other account's upload was through at ${served.at} ms; ${flooded}`);
    assert.ok(listAt < floodDone[1], `the other company's case list came at ${listAt} ms; ${flooded}`);
  });
});

describe('upload rate limit', () => {
  let server: RunningServer;
  let company: Awaited<ReturnType<typeof createHousingCompany>>;
  before(async () => {
    server = await startTestServer({ UPLOAD_RATE_LIMIT_PER_MINUTE: '3' });
    company = await createHousingCompany((await testDatabase()).db);
  });
  after(() => server?.stop());

  it('limits uploads per account and minute (429 rate_limited in German), not the next account', async () => {
    const [resident, neighbour] = [await signInResident(server, company), await signInResident(server, company, 'neighbour')];
    const small = await png();
    const responses = [];
    for (let i = 0; i < 5; i++) responses.push(await uploadOne(resident, small, `bild-${i}.png`));
    assert.deepEqual(
      responses.map((response) => response.status),
      [201, 201, 201, 429, 429],
    );
    assert.equal(responses[3].body.error.code, 'rate_limited');
    assert.match(responses[3].body.error.message, /Bitte warten Sie eine Minute/);
    assert.ok(responses[3].headers.get('ratelimit'), 'says when to try again');
    assert.equal((await uploadOne(neighbour, small, 'nachbar.png')).status, 201, 'another account still uploads');
  });
});
