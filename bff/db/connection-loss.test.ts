import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { APP_ROLE, openDatabase, type Database } from './database.ts';
import { migrate } from './migrate.ts';
import { dropDatabase, provisionDatabase } from './provision.ts';
import { startServer, type RunningServer } from '../server.ts';
import { createHousingCompany } from '../test/fixtures.ts';
import { TEST_ADMIN_TOKEN } from '../test/harness.ts';
import { signInResident } from '../test/sign-in.ts';
import { PDF, uploadOne } from '../uploads/upload-test-support.ts';

/**
 * A PostgreSQL connection that dies while a request uses it (failover, pg_terminate_backend, a network
 * blip) must not end the BFF: the request answers 503 with Retry-After and a German message, the pool
 * replaces the connection, and the next request works. Needs a PostgreSQL server (DATABASE_URL as an
 * administrator connection, else the local one of developer machines and CI).
 */
const ADMIN_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

describe('a database connection lost mid-request', () => {
  const name = `mp_test_loss_${process.pid}_${randomBytes(3).toString('hex')}`;
  let db: Database;
  let server: RunningServer;
  let admin: pg.Client;

  before(async () => {
    const urls = await provisionDatabase({ adminUrl: ADMIN_URL, database: name }).catch((error: Error) =>
      assert.fail(`PostgreSQL is not reachable at ${ADMIN_URL} (${error.message}); this test needs it, or set DATABASE_URL.`),
    );
    // An administrator in the test database itself: advisory locks belong to one database.
    const adminInDatabase = new URL(ADMIN_URL);
    adminInDatabase.pathname = `/${name}`;
    admin = new pg.Client({ connectionString: adminInDatabase.href });
    await admin.connect();
    db = await openDatabase({ ...urls, poolSize: 3 });
    await migrate(db);
    server = await startServer({ db, env: { NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent', ADMIN_API_TOKEN: TEST_ADMIN_TOKEN } });
  });
  after(async () => {
    await server?.stop();
    await db?.close();
    await admin?.end();
    await dropDatabase(ADMIN_URL, name);
  });

  it('answers 503 with Retry-After in German, keeps running, and serves the next request on a new connection', async () => {
    const company = await createHousingCompany(db);
    const resident = await signInResident(server, company);
    // Hold the lock an upload takes inside its transaction, so the request waits there on its connection…
    const lockKey = `staged_uploads:${company.resident.accountId}`;
    await admin.query(`SELECT pg_advisory_lock(hashtextextended($1, 0))`, [lockKey]);
    const pending = uploadOne(resident, PDF, 'Mietvertrag.pdf');
    await waitFor(async () => (await appBackendsWaitingOnLock()).length > 0);
    // …and end that connection under it, as a failover or an administrator would.
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid = ANY($1)`, [await appBackendsWaitingOnLock()]);
    await admin.query(`SELECT pg_advisory_unlock(hashtextextended($1, 0))`, [lockKey]);

    const answer = await pending;
    assert.equal(answer.status, 503);
    assert.equal(answer.body.error.code, 'database_unavailable');
    assert.match(answer.body.error.message, /Datenbank/);
    assert.ok(Number(answer.headers.get('retry-after')) > 0, 'Retry-After names when to try again');

    const again = await uploadOne(resident, PDF, 'Mietvertrag.pdf');
    assert.equal(again.status, 201, 'the next request works on a fresh connection');
    assert.equal((await resident.get('/api/cases')).status, 200);
  });

  async function appBackendsWaitingOnLock(): Promise<number[]> {
    const { rows } = await admin.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND usename = $2 AND wait_event_type = 'Lock'`,
      [name, APP_ROLE],
    );
    return rows.map((row) => row.pid);
  }
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
