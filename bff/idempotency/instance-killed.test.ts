import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { openDatabase, APP_ROLE, type Database } from '../db/database.ts';
import { createHousingCompany, type HousingCompany } from '../test/fixtures.ts';
import type { TestClient } from '../test/harness.ts';
import { signInResident } from '../test/sign-in.ts';
import { damageChoice } from '../cases/case-test-support.ts';
import { startBffProcess, throwawayDatabase, waitFor, type BffProcess, type ThrowawayDatabase } from '../lifecycle/process-test-support.ts';

/**
 * An instance killed (SIGKILL, an out-of-memory kill, a lost node) while it works on a request with an
 * Idempotency-Key: the widget repeats the request with the same key, the balancer sends it to the other
 * instance. The key, the work and the answer commit together (docs/cases.md, "Safe to retry"), so the
 * repeat neither waits for a dead attempt nor files a second case. The scale-out drill (npm run drill)
 * kills instances under load for the same reason.
 */
describe('idempotency keys when an instance is killed mid-request', () => {
  let database: ThrowawayDatabase;
  let db: Database;
  const processes: BffProcess[] = [];

  before(async () => {
    database = await throwawayDatabase('killed');
    // Two instances as behind a balancer: one session secret and one encryption key.
    const shared = { SESSION_SECRET: randomBytes(32).toString('hex'), DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64') };
    processes.push(await startBffProcess(database.urls, shared));
    processes.push(await startBffProcess(database.urls, shared));
    db = await openDatabase({ ...database.urls, poolSize: 2 });
  });
  after(async () => {
    for (const bff of processes) if (bff.child.exitCode === null && bff.child.signalCode === null) bff.child.kill('SIGKILL');
    await Promise.all(processes.map((bff) => bff.exited));
    await db?.close();
    await database?.drop();
  });

  it('the repeat on the other instance files the case at once, and only once', async () => {
    const [doomed, survivor] = processes;
    const company: HousingCompany = await createHousingCompany(db);
    const resident = await signInResident(doomed, company);
    const description = `Heizung kalt ${randomUUID()}`;
    const body = { type: 'damage', ...(await damageChoice(resident)), urgency: 'normal', description, accessConsent: true };
    const key = randomUUID();
    const file = (bff: BffProcess, client: TestClient) =>
      client.at(bff.url).request<{ case: { id: string } }>('POST', '/api/cases', body, { headers: { 'idempotency-key': key } });

    // Hold back the case's row, so that the instance is killed in the middle of the request's work.
    await database.admin.query('BEGIN');
    await database.admin.query('LOCK TABLE cases IN EXCLUSIVE MODE');
    const lost = file(doomed, resident).catch((error: unknown) => error);
    await waitFor(
      'the filing waiting on the lock',
      async () => {
        await database.admin.query('SELECT pg_stat_clear_snapshot()');
        const waiting = await database.admin.query(
          `SELECT 1 FROM pg_stat_activity WHERE datname = $1 AND usename = $2 AND wait_event_type = 'Lock'`,
          [database.name, APP_ROLE],
        );
        return waiting.rowCount! > 0;
      },
      30_000,
    );
    doomed.child.kill('SIGKILL');
    await doomed.exited;
    await database.admin.query('COMMIT');
    assert.ok((await lost) instanceof Error, 'the killed instance never answered');

    const started = Date.now();
    const repeat = await file(survivor, resident);
    assert.equal(repeat.status, 201, JSON.stringify(repeat.body));
    assert.equal(repeat.headers.get('idempotent-replayed'), null, 'the repeat ran the filing itself');
    assert.ok(Date.now() - started < 5000, `the repeat waited ${Date.now() - started} ms for a dead attempt`);

    const again = await file(survivor, resident);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(again.body, repeat.body);
    const { rows } = await database.admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM cases WHERE description = $1`, [
      description,
    ]);
    assert.equal(rows[0].n, 1, 'one case for one key');
  });
});
