import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { withScope, type Scope } from '../db/scope.ts';
import type { RunningServer } from '../server.ts';
import { closeTestDatabase, startTestServer, type JsonResponse, type TestClient } from '../test/harness.ts';
import { signInResident, signInStaff } from '../test/sign-in.ts';
import type { HousingCompany } from '../test/fixtures.ts';
import { createCaseCompany, damageChoice } from '../cases/case-test-support.ts';
import { PDF, png } from '../uploads/upload-test-support.ts';
import { caseOperations } from '../contract/cases.ts';
import { purgeExpiredIdempotencyKeys, requestFingerprint } from './use-cases.ts';

/**
 * Creating requests are safe to retry: the same Idempotency-Key from the same account within 24 hours gets
 * the first answer instead of a second row (docs/cases.md, "Safe to retry"). Two BFF instances racing on
 * one PostgreSQL: two-instances.test.ts.
 */

const fileCase = (client: TestClient, body: unknown, key?: string) =>
  client.request('POST', '/api/cases', body, { headers: key === undefined ? {} : { 'idempotency-key': key } });

/** POST /api/uploads as a browser sends it, with an Idempotency-Key. */
async function uploadWithKey(client: TestClient, content: Buffer, name: string, key: string): Promise<JsonResponse> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(content)]), name);
  const response = await fetch(client.baseUrl + '/api/uploads', {
    method: 'POST',
    headers: {
      accept: 'application/json',
      'x-csrf-token': await client.csrfToken(),
      cookie: client.cookieHeader(),
      'idempotency-key': key,
    },
    body: form,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

const residentScope = (company: HousingCompany, who: 'resident' | 'neighbour' = 'resident'): Scope => ({
  role: 'resident',
  tenantId: company.tenant.id,
  accountId: company[who].accountId,
  residentId: company[who].id,
});

describe('idempotency keys: creating requests are safe to retry', () => {
  let server: RunningServer;
  const casesWith = async (company: HousingCompany, description: string) =>
    (
      await withScope(server.db, residentScope(company), (tx) =>
        tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM cases WHERE description = $1`, [description]),
      )
    ).rows[0].n;
  const damage = async (resident: TestClient, description: string) => ({
    type: 'damage',
    ...(await damageChoice(resident)),
    urgency: 'normal',
    description,
    accessConsent: true,
  });

  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await server.stop();
    await closeTestDatabase();
  });

  it('a double submit with the same key files one case and answers both with the same status and body', async () => {
    const company = await createCaseCompany(server);
    const resident = await signInResident(server, company);
    const body = await damage(resident, 'Heizung im Bad bleibt kalt.');
    const key = randomUUID();

    const first = await fileCase(resident, body, key);
    const second = await fileCase(resident, body, key);
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(second.status, 201);
    assert.deepEqual(second.body, first.body, 'the first answer, case number and all');
    assert.equal(first.headers.get('idempotent-replayed'), null);
    assert.equal(second.headers.get('idempotent-replayed'), 'true');
    assert.equal(await casesWith(company, 'Heizung im Bad bleibt kalt.'), 1, 'one row in the database');
    const list = await resident.get('/api/cases');
    assert.equal(list.body.items.length, 1, 'the resident sees one case');

    // Without a key every submit files (as before): the key is what makes a retry safe.
    await fileCase(resident, body);
    await fileCase(resident, body);
    assert.equal(await casesWith(company, 'Heizung im Bad bleibt kalt.'), 3);
  });

  it('requests racing with the same key on one instance file one case and all get its answer', async () => {
    const company = await createCaseCompany(server);
    const resident = await signInResident(server, company);
    const body = await damage(resident, 'Fenster im Schlafzimmer schließt nicht.');
    const key = randomUUID();
    const answers = await Promise.all([1, 2, 3, 4].map(() => fileCase(resident, body, key)));
    assert.deepEqual(
      answers.map((answer) => answer.status),
      [201, 201, 201, 201],
      JSON.stringify(answers.map((a) => a.body)),
    );
    for (const answer of answers) assert.deepEqual(answer.body, answers[0].body);
    assert.equal(answers.filter((answer) => answer.headers.get('idempotent-replayed') === 'true').length, 3);
    assert.equal(await casesWith(company, 'Fenster im Schlafzimmer schließt nicht.'), 1);
  });

  it('the same key with another body (or for another operation) answers 422 idempotency_key_reused in German and creates nothing', async () => {
    const company = await createCaseCompany(server);
    const resident = await signInResident(server, company);
    const key = randomUUID();
    const first = await fileCase(resident, await damage(resident, 'Klingel defekt.'), key);
    assert.equal(first.status, 201);

    const other = await fileCase(resident, await damage(resident, 'Klingel defekt, auch die Gegensprechanlage.'), key);
    assert.equal(other.status, 422);
    assert.equal(other.body.error.code, 'idempotency_key_reused');
    assert.match(other.body.error.message, /Idempotency-Key wurde schon für eine andere Anfrage verwendet/);
    assert.equal(await casesWith(company, 'Klingel defekt, auch die Gegensprechanlage.'), 0);

    const message = await resident.request(
      'POST',
      `/api/cases/${first.body.case.id}/messages`,
      { body: 'Klingel defekt.' },
      {
        headers: { 'idempotency-key': key },
      },
    );
    assert.equal(message.status, 422, 'a key names one request, not one per operation');
    assert.equal(message.body.error.code, 'idempotency_key_reused');
  });

  it('another account using the same key gets its own result', async () => {
    const company = await createCaseCompany(server);
    const resident = await signInResident(server, company);
    const neighbour = await signInResident(server, company, 'neighbour');
    const key = randomUUID();
    const body = await damage(resident, 'Treppenhauslicht flackert.');
    const mine = await fileCase(resident, body, key);
    const theirs = await fileCase(neighbour, body, key);
    assert.equal(mine.status, 201);
    assert.equal(theirs.status, 201, JSON.stringify(theirs.body));
    assert.equal(theirs.headers.get('idempotent-replayed'), null);
    assert.notEqual(theirs.body.case.caseNumber, mine.body.case.caseNumber, 'a case of their own');
    assert.equal((await neighbour.get('/api/cases')).body.items.length, 1);

    // And a clerk of another housing company with the same key works on its own too.
    const otherCompany = await createCaseCompany(server);
    const otherResident = await signInResident(server, otherCompany);
    const foreign = await fileCase(otherResident, await damage(otherResident, 'Treppenhauslicht flackert.'), key);
    assert.equal(foreign.status, 201);
    assert.equal(foreign.body.case.caseNumber, mine.body.case.caseNumber.replace(/-\d+$/, '-0001'), 'its own company, its own first case');
  });

  it('a malformed key answers 400 idempotency_key_invalid in German; quoted keys (structured-field strings) are accepted', async () => {
    const company = await createCaseCompany(server);
    const resident = await signInResident(server, company);
    const body = await damage(resident, 'Briefkasten klemmt.');
    for (const key of ['kurz', 'mit leerzeichen drin', 'x'.repeat(256), 'ümlaut-schlüssel', '"offen', '']) {
      const answer = await fileCase(resident, body, key);
      assert.equal(answer.status, 400, `${JSON.stringify(key)}: ${JSON.stringify(answer.body)}`);
      assert.equal(answer.body.error.code, 'idempotency_key_invalid');
      assert.match(answer.body.error.message, /Idempotency-Key ist ungültig/);
    }
    assert.equal(await casesWith(company, 'Briefkasten klemmt.'), 0);
    const key = randomUUID();
    const quoted = await fileCase(resident, body, `"${key}"`);
    const bare = await fileCase(resident, body, key);
    assert.equal(quoted.status, 201);
    assert.equal(bare.headers.get('idempotent-replayed'), 'true', '"key" and key are the same key');
    assert.equal(await casesWith(company, 'Briefkasten klemmt.'), 1);
  });

  it('a refused first attempt does not spend the key: after a validation error or a 4xx the same key works', async () => {
    const company = await createCaseCompany(server);
    const resident = await signInResident(server, company);
    const key = randomUUID();
    const invalid = await fileCase(resident, { type: 'damage', description: '' }, key);
    assert.equal(invalid.status, 400);
    assert.equal(invalid.body.error.code, 'validation_failed');
    const body = await damage(resident, 'Rauchmelder piept.');
    const unknownUpload = await fileCase(resident, { ...body, attachmentIds: [randomUUID()] }, key);
    assert.equal(unknownUpload.status, 400);
    assert.equal(unknownUpload.body.error.code, 'unknown_upload');
    const fixed = await fileCase(resident, body, key);
    assert.equal(fixed.status, 201, JSON.stringify(fixed.body));
    assert.equal(fixed.headers.get('idempotent-replayed'), null);

    // A 4xx with the same body: the upload limit is full, the resident removes one and retries with the same key.
    const uploadKey = randomUUID();
    const staged: string[] = [];
    for (let i = 0; i < 20; i++) staged.push((await uploadWithKey(resident, PDF, `Beleg-${i}.pdf`, randomUUID())).body.upload.id);
    const full = await uploadWithKey(resident, PDF, 'Nachtrag.pdf', uploadKey);
    assert.equal(full.status, 429);
    assert.equal(full.body.error.code, 'too_many_uploads');
    assert.equal((await resident.delete(`/api/uploads/${staged[0]}`)).status, 204);
    const retried = await uploadWithKey(resident, PDF, 'Nachtrag.pdf', uploadKey);
    assert.equal(retried.status, 201, JSON.stringify(retried.body));
  });

  it('uploads: the same file name, bytes and fields are the same request; another file with the key is a 422', async () => {
    const company = await createCaseCompany(server);
    const resident = await signInResident(server, company);
    const key = randomUUID();
    const photo = await png();
    const first = await uploadWithKey(resident, photo, 'Wasserfleck.png', key);
    const again = await uploadWithKey(resident, photo, 'Wasserfleck.png', key);
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(again.status, 201);
    assert.deepEqual(again.body, first.body, 'the same staged upload');
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    const staged = await withScope(server.db, residentScope(company), (tx) =>
      tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM staged_uploads`),
    );
    assert.equal(staged.rows[0].n, 1, 'one staged file');

    const otherBytes = await uploadWithKey(resident, PDF, 'Wasserfleck.png', key);
    assert.equal(otherBytes.status, 422);
    assert.equal(otherBytes.body.error.code, 'idempotency_key_reused');
    const otherName = await uploadWithKey(resident, photo, 'Wasserfleck-2.png', key);
    assert.equal(otherName.status, 422);
  });

  it('staff: a reply repeated with its key is posted once', async () => {
    const company = await createCaseCompany(server);
    const resident = await signInResident(server, company);
    const clerk = await signInStaff(server, company, 'clerk');
    const filed = await fileCase(resident, await damage(resident, 'Tür quietscht.'));
    const key = randomUUID();
    const reply = () =>
      clerk.request(
        'POST',
        `/api/staff/cases/${filed.body.case.id}/replies`,
        { body: 'Wir kommen am Montag.' },
        { headers: { 'idempotency-key': key } },
      );
    const [first, second] = [await reply(), await reply()];
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.deepEqual(second.body, first.body);
    const detail = await clerk.get(`/api/staff/cases/${filed.body.case.id}`);
    const replies = detail.body.events.filter((event: { kind: string }) => event.kind === 'public_reply');
    assert.equal(replies.length, 1, JSON.stringify(detail.body.events));
  });

  it('waits for an attempt in progress, answers 409 idempotency_in_progress with Retry-After when it takes too long, and takes over a lapsed key', async () => {
    const impatient = await startTestServer({ IDEMPOTENCY_WAIT_MS: '300' });
    try {
      const company = await createCaseCompany(impatient);
      const resident = await signInResident(impatient, company);
      const body = await damage(resident, 'Aufzug steht.');
      const key = randomUUID();
      // The first attempt's claim, as another instance holds it while it works (the row the claim writes).
      await withScope(impatient.db, residentScope(company), (tx) =>
        tx.query(
          `INSERT INTO idempotency_keys (tenant_id, account_id, key, fingerprint, claim_id, locked_until, expires_at)
           SELECT $1, $2, $3, fingerprint, gen_random_uuid(), now() + interval '1 minute', now() + interval '24 hours'
             FROM (SELECT repeat('0', 64) AS fingerprint) f`,
          [company.tenant.id, company.resident.accountId, key],
        ),
      );
      const wrongFingerprint = await fileCase(resident, body, key);
      assert.equal(wrongFingerprint.status, 422, 'another request under that key is refused at once');
      await withScope(impatient.db, residentScope(company), (tx) =>
        tx.query(`UPDATE idempotency_keys SET fingerprint = $2 WHERE key = $1`, [key, fingerprintOf(body)]),
      );

      const started = Date.now();
      const busy = await fileCase(resident, body, key);
      assert.equal(busy.status, 409, JSON.stringify(busy.body));
      assert.equal(busy.body.error.code, 'idempotency_in_progress');
      assert.match(busy.body.error.message, /gerade schon bearbeitet/);
      assert.equal(busy.headers.get('retry-after'), '2');
      assert.ok(Date.now() - started >= 300, 'it waited for the answer first');
      assert.equal(await casesWith(company, 'Aufzug steht.'), 0);

      // The holder crashed: once its lease lapses, the next attempt runs the request.
      await withScope(impatient.db, residentScope(company), (tx) =>
        tx.query(`UPDATE idempotency_keys SET locked_until = now() WHERE key = $1`, [key]),
      );
      const taken = await fileCase(resident, body, key);
      assert.equal(taken.status, 201, JSON.stringify(taken.body));
      assert.equal(await casesWith(company, 'Aufzug steht.'), 1);
    } finally {
      await impatient.stop();
    }
  });

  it('keys expire after 24 hours: purged by the clean-up, and an expired key runs the request again', async () => {
    const company = await createCaseCompany(server);
    const resident = await signInResident(server, company);
    const body = await damage(resident, 'Keller feucht.');
    const [expired, purged] = [randomUUID(), randomUUID()];
    for (const key of [expired, purged]) assert.equal((await fileCase(resident, body, key)).status, 201);
    const age = (key: string) =>
      withScope(server.db, residentScope(company), (tx) =>
        tx.query(
          `UPDATE idempotency_keys SET created_at = now() - interval '25 hours', expires_at = now() - interval '1 hour' WHERE key = $1`,
          [key],
        ),
      );
    await age(expired);
    await age(purged);

    const again = await fileCase(resident, body, expired);
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), null, 'a new case after 24 hours');
    assert.equal(await casesWith(company, 'Keller feucht.'), 3);

    assert.ok((await purgeExpiredIdempotencyKeys(server.db)) >= 1);
    const keys = await withScope(server.db, residentScope(company), (tx) =>
      tx.query<{ key: string }>(`SELECT key FROM idempotency_keys ORDER BY created_at`),
    );
    assert.deepEqual(
      keys.rows.map((row) => row.key),
      [expired],
      'the purged key is gone; the re-used one is fresh',
    );
  });

  it('the OpenAPI document shows the Idempotency-Key header on every creating operation', async () => {
    const company = await createCaseCompany(server);
    const resident = await signInResident(server, company);
    const document = (await resident.get('/api/openapi.json')).body;
    const withHeader: string[] = [];
    for (const [path, methods] of Object.entries(
      document.paths as Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>,
    )) {
      for (const [method, spec] of Object.entries(methods)) {
        if ((spec.parameters ?? []).some((parameter) => parameter.in === 'header' && parameter.name === 'Idempotency-Key')) {
          withHeader.push(`${method.toUpperCase()} ${path}`);
        }
      }
    }
    assert.deepEqual(withHeader.sort(), [
      'POST /api/cases',
      'POST /api/cases/open-damage-reports/{caseNumber}/join',
      'POST /api/cases/{id}/messages',
      'POST /api/staff/cases/{id}/certificate',
      'POST /api/staff/cases/{id}/documents',
      'POST /api/staff/cases/{id}/notes',
      'POST /api/staff/cases/{id}/replies',
      'POST /api/staff/documents',
      'POST /api/staff/leads',
      'POST /api/staff/leads/{id}/messages',
      'POST /api/staff/leads/{id}/viewings',
      'POST /api/staff/listings',
      'POST /api/uploads',
    ]);
  });
});

/** The fingerprint the BFF computes for a filing (over the contract's parsed body). */
function fingerprintOf(body: unknown): string {
  return requestFingerprint({ operationId: 'fileCase', body: caseOperations.fileCase.body.parse(body) });
}
