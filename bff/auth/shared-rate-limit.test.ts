import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { RunningServer } from '../server.ts';
import { closeTestDatabase, startTestServer, TestClient } from '../test/harness.ts';

after(closeTestDatabase);

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

/** Behind a load balancer every instance must count the same attempts: the counters live in Redis. */
describe('rate limits across two BFF instances sharing Redis', () => {
  const servers: RunningServer[] = [];
  after(() => Promise.all(servers.map((server) => server.stop())));

  it('sign-in attempts spread over both instances meet one limit', async () => {
    // One deployment: the same Redis, the same key prefix, the same session secret.
    const env = {
      REDIS_URL,
      RATE_LIMIT_PREFIX: `mp-test-${randomBytes(6).toString('hex')}:`,
      SESSION_SECRET: randomBytes(32).toString('hex'),
      AUTH_RATE_LIMIT_PER_MINUTE: '4',
    };
    servers.push(await startTestServer(env), await startTestServer(env));
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const client = new TestClient(servers[i % 2].url);
      const response = await client.post('/api/auth/login', {
        tenant: 'hv-nirgends',
        email: 'a@b.de',
        password: 'geraten-123',
        audience: 'resident',
      });
      statuses.push(response.status);
    }
    assert.deepEqual(statuses, [404, 404, 404, 404, 429, 429]);
  });
});
