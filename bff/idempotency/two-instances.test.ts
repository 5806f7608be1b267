import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { APP_ROLE } from '../db/database.ts';
import { dropDatabase, provisionDatabase } from '../db/provision.ts';
import { startServer, type RunningServer } from '../server.ts';
import { createHousingCompany, type HousingCompany } from '../test/fixtures.ts';
import { TEST_ADMIN_TOKEN, type JsonResponse, type TestClient } from '../test/harness.ts';
import { signInResident } from '../test/sign-in.ts';
import { damageChoice } from '../cases/case-test-support.ts';
import { PDF } from '../uploads/upload-test-support.ts';

/**
 * Two BFF instances behind a load balancer, each with its own connection pool, on one PostgreSQL: the same
 * request with the same Idempotency-Key reaching both at the same moment files one case, and both answer
 * with it. Needs a PostgreSQL server (DATABASE_URL as an administrator connection, else the local one of
 * developer machines and CI).
 */
const ADMIN_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

describe('idempotency keys on two BFF instances sharing one PostgreSQL', () => {
  const name = `mp_test_idem_${process.pid}_${randomBytes(3).toString('hex')}`;
  let instances: RunningServer[] = [];
  let admin: pg.Client;

  before(async () => {
    const urls = await provisionDatabase({ adminUrl: ADMIN_URL, database: name }).catch((error: Error) =>
      assert.fail(`PostgreSQL is not reachable at ${ADMIN_URL} (${error.message}); this test needs it, or set DATABASE_URL.`),
    );
    const adminInDatabase = new URL(ADMIN_URL);
    adminInDatabase.pathname = `/${name}`;
    admin = new pg.Client({ connectionString: adminInDatabase.href });
    await admin.connect();
    const env = {
      NODE_ENV: 'test',
      PORT: '0',
      LOG_LEVEL: 'silent',
      ADMIN_API_TOKEN: TEST_ADMIN_TOKEN,
      DATABASE_URL: urls.url,
      DATABASE_OWNER_URL: urls.ownerUrl,
      // One session works on both instances, as behind a load balancer.
      SESSION_SECRET: randomBytes(32).toString('hex'),
    };
    for (let i = 0; i < 2; i++) instances.push(await startServer({ env: { ...env, DATA_DIR: mkdtempSync(join(tmpdir(), 'mp-idem-')) } }));
  });
  after(async () => {
    for (const instance of instances) await instance.stop();
    instances = [];
    await admin?.end();
    await dropDatabase(ADMIN_URL, name);
  });

  it('the same filing with one key on both instances at the same moment: one case, both get its answer', async () => {
    const [first, second] = instances;
    const company = await createHousingCompany(first.db);
    const resident = await signInResident(first, company);
    const body = { type: 'damage', ...(await damageChoice(resident)), urgency: 'normal', description: 'Wasser läuft die Wand herunter.' };
    // A first filing creates the company's case-number counter; holding its row lock makes the winner wait
    // inside its transaction (with its key claimed), so the second request surely arrives while the first is in progress.
    assert.equal((await resident.post('/api/cases', { ...body, description: 'Erste Meldung.' })).status, 201);
    await admin.query('BEGIN');
    const key = randomUUID();
    let racing: Promise<JsonResponse>[];
    try {
      await admin.query('SELECT * FROM case_number_counters WHERE tenant_id = $1 FOR UPDATE', [company.tenant.id]);
      racing = [post(first, resident, '/api/cases', body, key), post(second, resident, '/api/cases', body, key)];
      await waitFor(async () => (await backendsWaitingOnLock()) > 0);
      await new Promise((resolve) => setTimeout(resolve, 300));
      // One waits on the counter inside its transaction, the other on the first one's key row until it commits.
      assert.equal(await backendsWaitingOnLock(), 2, 'the second request waits in the database for the first');
    } finally {
      await admin.query('COMMIT');
    }

    const answers = await Promise.all(racing);
    assert.deepEqual(
      answers.map((answer) => answer.status),
      [201, 201],
      JSON.stringify(answers.map((answer) => answer.body)),
    );
    assert.deepEqual(answers[1].body, answers[0].body, 'the same case number, the same answer');
    assert.deepEqual(answers.map((answer) => answer.headers.get('idempotent-replayed')).sort(), ['true', null].sort());
    assert.equal(await rowCount(company, 'cases', 'description = $2', [body.description]), 1);
    assert.equal(await rowCount(company, 'idempotency_keys', 'key = $2', [key]), 1);
  });

  it('many racing repeats spread over both instances still file one case', async () => {
    const company = await createHousingCompany(instances[0].db);
    const resident = await signInResident(instances[0], company);
    const body = { type: 'contact', title: 'Nebenkosten', description: 'Wann kommt die Abrechnung?' };
    const key = randomUUID();
    const answers = await Promise.all([0, 1, 0, 1, 0, 1].map((i) => post(instances[i], resident, '/api/cases', body, key)));
    assert.deepEqual(new Set(answers.map((answer) => answer.status)), new Set([201]));
    for (const answer of answers) assert.deepEqual(answer.body, answers[0].body);
    assert.equal(await rowCount(company, 'cases', 'title = $2', [body.title]), 1);
  });

  it('a first attempt that dies with its database connection (503) gives the key back: the retry on the other instance stages the file', async () => {
    const [first, second] = instances;
    const company = await createHousingCompany(first.db);
    const resident = await signInResident(first, company);
    const key = randomUUID();
    // Hold the lock an upload takes inside its transaction, then end the waiting connection under it.
    const lockKey = `staged_uploads:${company.resident.accountId}`;
    await admin.query(`SELECT pg_advisory_lock(hashtextextended($1, 0))`, [lockKey]);
    const pending = postFile(first, resident, PDF, 'Mietvertrag.pdf', key);
    await waitFor(async () => (await backendsWaitingOnLock()) === 1);
    await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND usename = $2 AND wait_event_type = 'Lock'`,
      [name, APP_ROLE],
    );
    await admin.query(`SELECT pg_advisory_unlock(hashtextextended($1, 0))`, [lockKey]);
    const failed = await pending;
    assert.equal(failed.status, 503);
    assert.equal(failed.body.error.code, 'database_unavailable');

    const retried = await postFile(second, resident, PDF, 'Mietvertrag.pdf', key);
    assert.equal(retried.status, 201, JSON.stringify(retried.body));
    assert.equal(retried.headers.get('idempotent-replayed'), null, 'the retry ran, it did not wait for a dead attempt');
    assert.equal(await rowCount(company, 'staged_uploads'), 1);
  });

  async function backendsWaitingOnLock(): Promise<number> {
    const { rows } = await admin.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND usename = $2 AND wait_event_type = 'Lock'`,
      [name, APP_ROLE],
    );
    return rows[0].n;
  }

  /** Rows of the company as the database holds them (administrator, outside row-level security). */
  async function rowCount(
    company: HousingCompany,
    table: 'cases' | 'idempotency_keys' | 'staged_uploads',
    where = 'true',
    params: unknown[] = [],
  ) {
    const { rows } = await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1 AND (${where})`, [
      company.tenant.id,
      ...params,
    ]);
    return rows[0].n;
  }
});

/** A JSON POST with the resident's session (cookie and CSRF token) to one instance. */
async function post(instance: RunningServer, client: TestClient, path: string, body: unknown, key: string): Promise<JsonResponse> {
  const response = await fetch(instance.url + path, {
    method: 'POST',
    headers: {
      accept: 'application/json',
      'content-type': 'application/json',
      'x-csrf-token': await client.csrfToken(),
      cookie: client.cookieHeader(),
      'idempotency-key': key,
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

async function postFile(instance: RunningServer, client: TestClient, content: Buffer, name: string, key: string): Promise<JsonResponse> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(content)]), name);
  const response = await fetch(instance.url + '/api/uploads', {
    method: 'POST',
    headers: {
      accept: 'application/json',
      'x-csrf-token': await client.csrfToken(),
      cookie: client.cookieHeader(),
      'idempotency-key': key,
    },
    body: form,
  });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
