import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { APP_ROLE, OWNER_ROLE } from '../db/database.ts';
import {
  connectionsOf,
  partitionableLink,
  startBffProcess,
  throwawayDatabase,
  waitFor,
  type ThrowawayDatabase,
} from './process-test-support.ts';

/**
 * What an orchestrator sees when it stops or restarts the BFF (a deploy, a node drained): SIGTERM lets
 * requests under way finish and ends the process within its grace period (10 s is the tightest common
 * default), even when the database has gone away at the same time.
 */
describe('the BFF process on SIGTERM', () => {
  let database: ThrowawayDatabase;

  before(async () => {
    database = await throwawayDatabase('shutdown');
  });
  after(async () => {
    await database?.drop();
  });

  it('answers a request that is under way, refuses new connections, and exits with 0', async () => {
    const bff = await startBffProcess(database.urls);
    try {
      // Hold a lock the request needs, so it is still waiting in the database when SIGTERM arrives.
      await database.admin.query('BEGIN');
      await database.admin.query('LOCK TABLE tenants IN ACCESS EXCLUSIVE MODE');
      const inFlight = fetch(`${bff.url}/api/tenants/wohnbau-nord`);
      await waitFor(
        'the request waiting on the lock',
        async () => {
          // Inside the lock's transaction pg_stat_activity is a snapshot taken at its first read: drop it each time.
          await database.admin.query('SELECT pg_stat_clear_snapshot()');
          const waiting = await database.admin.query(`SELECT 1 FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'`, [
            database.name,
          ]);
          return waiting.rowCount! > 0;
        },
        30_000,
      );
      bff.child.kill('SIGTERM');
      await waitFor('the listener to close', () =>
        fetch(`${bff.url}/healthz`).then(
          () => false,
          () => true,
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      await database.admin.query('COMMIT');

      const answer = await inFlight;
      assert.equal(answer.status, 404, 'the request under way got its answer');
      assert.equal(((await answer.json()) as { error: { code: string } }).error.code, 'tenant_not_found');
      assert.equal(await bff.exited, 0);
    } finally {
      await database.admin.query('ROLLBACK').catch(() => undefined);
      bff.child.kill('SIGKILL');
    }
  });

  it('exits within 10 s when the database is gone', async () => {
    const bff = await startBffProcess(database.urls, { OUTBOX_POLL_MS: '200' });
    try {
      await waitFor(
        'the BFF at work on the database',
        async () => (await connectionsOf(database.admin, database.name, APP_ROLE)).length > 0,
        30_000,
      );
      await database.admin.query(`REVOKE CONNECT ON DATABASE ${database.name} FROM PUBLIC, ${APP_ROLE}, ${OWNER_ROLE}`);
      await database.admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND usename IN ($2, $3)`, [
        database.name,
        APP_ROLE,
        OWNER_ROLE,
      ]);
      await new Promise((resolve) => setTimeout(resolve, 1000));

      const sent = Date.now();
      bff.child.kill('SIGTERM');
      const code = await Promise.race([bff.exited, new Promise((resolve) => setTimeout(() => resolve('still running'), 10_000))]);
      const took = Date.now() - sent;
      assert.notEqual(code, 'still running', `the BFF was still running 10 s after SIGTERM:\n${bff.output()}`);
      assert.ok(took < 10_000, `exited after ${took} ms`);
      assert.equal(code, 0, `a clean exit, not the last-resort one:\n${bff.output()}`);
      console.log(`exited ${took} ms after SIGTERM`);
    } finally {
      bff.child.kill('SIGKILL');
      await database.admin.query(`GRANT CONNECT ON DATABASE ${database.name} TO ${APP_ROLE}, ${OWNER_ROLE}`);
    }
  });

  it('exits within 10 s when the database stops answering (a network partition)', async () => {
    const link = await partitionableLink();
    const bff = await startBffProcess(
      { url: link.route(database.urls.url), ownerUrl: link.route(database.urls.ownerUrl) },
      { OUTBOX_POLL_MS: '200' },
    );
    try {
      await waitFor(
        'the BFF at work on the database',
        async () => (await connectionsOf(database.admin, database.name, APP_ROLE)).length > 0,
        30_000,
      );
      link.cut();
      // A request now waits for a database that never answers; the worker's next poll does too.
      const stuck = fetch(`${bff.url}/api/tenants/wohnbau-nord`).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 1000));

      const sent = Date.now();
      bff.child.kill('SIGTERM');
      const code = await Promise.race([bff.exited, new Promise((resolve) => setTimeout(() => resolve('still running'), 10_000))]);
      const took = Date.now() - sent;
      assert.notEqual(code, 'still running', `the BFF was still running 10 s after SIGTERM:\n${bff.output()}`);
      assert.ok(took < 10_000, `exited after ${took} ms`);
      assert.equal(code, 0, `a clean exit, not the last-resort one:\n${bff.output()}`);
      console.log(`exited ${took} ms after SIGTERM`);
      await stuck;
    } finally {
      bff.child.kill('SIGKILL');
      await link.close();
    }
  });
});
