import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { APP_ROLE, OWNER_ROLE } from './database.ts';
import { startServer, type RunningServer } from '../server.ts';
import { TEST_ADMIN_TOKEN, TestClient } from '../test/harness.ts';
import { connectionsOf, throwawayDatabase, waitFor, type ThrowawayDatabase } from '../lifecycle/process-test-support.ts';

/**
 * The owner role can skip row-level security (it owns the tables), so the BFF uses it for migrations and
 * start-up checks only: once it serves, PostgreSQL lists no connection of the owner role, only the app role's.
 */
describe('the owner connection', () => {
  let database: ThrowawayDatabase;
  let server: RunningServer;

  before(async () => {
    database = await throwawayDatabase('owner');
    server = await startServer({
      env: {
        NODE_ENV: 'test',
        PORT: '0',
        LOG_LEVEL: 'silent',
        ADMIN_API_TOKEN: TEST_ADMIN_TOKEN,
        DATABASE_URL: database.urls.url,
        DATABASE_OWNER_URL: database.urls.ownerUrl,
        OUTBOX_POLL_MS: '100',
      },
    });
  });
  after(async () => {
    await server?.stop();
    await database?.drop();
  });

  it('is closed before the BFF serves: the running BFF holds connections as the app role only', async () => {
    assert.deepEqual(await connectionsOf(database.admin, database.name, OWNER_ROLE), [], 'no owner connection once serving');
    const platform = new TestClient(server.url, { bearer: TEST_ADMIN_TOKEN });
    const created = await platform.post('/api/admin/tenants', { slug: 'owner-probe', name: 'Owner Probe GmbH' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal((await new TestClient(server.url).get('/readyz')).status, 200);
    await waitFor('the app role at work', async () => (await connectionsOf(database.admin, database.name, APP_ROLE)).length > 0);
    assert.deepEqual(await connectionsOf(database.admin, database.name, OWNER_ROLE), [], 'none while it works either');
  });
});
