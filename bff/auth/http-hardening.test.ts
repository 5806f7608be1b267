import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Database } from '../db/database.ts';
import type { RunningServer } from '../server.ts';
import { closeTestDatabase, startTestServer, testDatabase, TestClient } from '../test/harness.ts';
import { createHousingCompany } from '../test/fixtures.ts';
import { activateAccount, TEST_PASSWORD } from '../test/sign-in.ts';

after(closeTestDatabase);

describe('sign-in API hardening', () => {
  let db: Database;
  let server: RunningServer;
  before(async () => {
    db = (await testDatabase()).db;
    server = await startTestServer();
  });
  after(() => server?.stop());

  async function freshClient(): Promise<TestClient> {
    const client = new TestClient(server.url);
    await client.csrfToken();
    return client;
  }

  it('refuses a state change without the CSRF header and changes nothing', async () => {
    const hv = await createHousingCompany(db);
    const client = await freshClient();
    const body = { tenant: hv.tenant.slug, code: hv.resident.activationCode, email: hv.resident.email, password: TEST_PASSWORD };
    const refused = await client.request('POST', '/api/auth/activate', body, { csrf: false });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error.code, 'csrf_invalid');
    const wrongToken = await client.request('POST', '/api/auth/activate', body, {
      csrf: false,
      headers: { 'x-csrf-token': 'x'.repeat(64) },
    });
    assert.equal(wrongToken.status, 403);
    assert.equal((await client.get('/api/session')).body.state, 'anonymous');
    // The letter's code is still unused.
    await activateAccount(await freshClient(), hv, 'resident');
  });

  it('answers malformed JSON with 400 invalid_json', async () => {
    const response = await (await freshClient()).request('POST', '/api/auth/login', undefined, { raw: '{"tenant": "hv-x",' });
    assert.equal(response.status, 400);
    assert.equal(response.body.error.code, 'invalid_json');
  });

  it('answers an oversize body with 413', async () => {
    const raw = JSON.stringify({ tenant: 'hv-x', email: 'a@b.de', password: 'x'.repeat(120 * 1024), audience: 'resident' });
    const response = await (await freshClient()).request('POST', '/api/auth/login', undefined, { raw });
    assert.equal(response.status, 413);
    assert.equal(response.body.error.code, 'payload_too_large');
  });

  it('answers wrong types with 400 validation_failed and the field paths', async () => {
    const response = await (
      await freshClient()
    ).post('/api/auth/login', { tenant: 'hv-x', email: 42, password: ['x'], audience: 'landlord' });
    assert.equal(response.status, 400);
    assert.equal(response.body.error.code, 'validation_failed');
    const paths = response.body.error.details.fields.map((field: { path: string }) => field.path).sort();
    assert.deepEqual(paths, ['audience', 'email', 'password']);
    for (const field of response.body.error.details.fields) assert.equal(typeof field.message, 'string');
  });

  it('answers an unknown route with 404', async () => {
    const response = await new TestClient(server.url).get('/api/auth/nothing-here');
    assert.equal(response.status, 404);
    assert.equal(response.body.error.code, 'route_not_found');
  });

  it('answers a code check without a pending sign-in with 409', async () => {
    const response = await (await freshClient()).post('/api/auth/verify', { code: '123456' });
    assert.equal(response.status, 409);
    assert.equal(response.body.error.code, 'invalid_state');
  });

  it('documents the sign-in routes in the OpenAPI document', async () => {
    const response = await new TestClient(server.url).get('/api/openapi.json');
    assert.equal(response.status, 200);
    for (const path of [
      '/api/session',
      '/api/tenants/{slug}',
      '/api/auth/login',
      '/api/auth/verify',
      '/api/auth/password-reset/complete',
    ]) {
      assert.ok(response.body.paths[path], path);
    }
  });
});

describe('sign-in rate limit', () => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer({ AUTH_RATE_LIMIT_PER_MINUTE: '3' });
  });
  after(() => server?.stop());

  it('answers 429 rate_limited with standard headers once an address exceeds the limit', async () => {
    const client = new TestClient(server.url);
    await client.csrfToken();
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await client.post('/api/auth/verify', { code: '123456' })).status);
    assert.deepEqual(statuses, [409, 409, 409]);
    const limited = await client.post('/api/auth/login', { tenant: 'hv-x', email: 'a@b.de', password: 'irgendwas', audience: 'resident' });
    assert.equal(limited.status, 429);
    assert.equal(limited.body.error.code, 'rate_limited');
    assert.match(limited.body.error.message, /Zu viele Anfragen/);
    assert.ok(limited.headers.get('ratelimit-policy'), 'RateLimit-Policy header');
    assert.ok(limited.headers.get('ratelimit'), 'RateLimit header');
    // Reading the session is not limited.
    assert.equal((await client.get('/api/session')).status, 200);
  });
});
