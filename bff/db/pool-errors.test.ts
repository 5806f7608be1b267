import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { keepRunningOnIdleErrors } from './database.ts';

/**
 * A connection that dies in the same network read that completed its start-up (an administrator's
 * pg_terminate_backend or a failover just as the BFF connects): the pool hands the new connection out and
 * stops listening for its errors before the unit of work starts to. The `error` event in between must not
 * end the process (CI saw it once: "Unhandled 'error' event" with 57P01 while the database was taken away).
 * Needs a PostgreSQL server (DATABASE_URL, else the local one of developer machines and CI).
 */
const ADMIN_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

describe('the pool of a PostgreSQL server', () => {
  it('keeps running when a new connection reports an error between being handed out and being used', async () => {
    const pool = keepRunningOnIdleErrors(new pg.Pool({ connectionString: ADMIN_URL, max: 1 }));
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.prependListener('uncaughtException', onUncaught);
    try {
      // The server's FATAL message arrives in the read that finished the start-up: after the pool stopped
      // listening, before the caller of connect() runs again.
      pool.once('acquire', (client) =>
        process.nextTick(() => client.emit('error', new Error('terminating connection due to administrator command'))),
      );
      const client = await pool.connect();
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(uncaught, [], 'the error event ended up as an uncaught exception');
      client.release(true);
    } finally {
      process.removeListener('uncaughtException', onUncaught);
      await pool.end();
    }
  });
});
