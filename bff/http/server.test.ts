import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningServer } from '../server.ts';
import { loadConfig, ConfigError } from '../config.ts';
import { closeTestDatabase, startTestServer, testDatabase, TestClient } from '../test/harness.ts';
import { createHousingCompany, type HousingCompany } from '../test/fixtures.ts';
import { signInResident } from '../test/sign-in.ts';

const ORIGIN_A = 'https://www.wohnbau-a.example';
const ORIGIN_B = 'https://www.wohnbau-b.example';

after(closeTestDatabase);

describe('configuration', () => {
  it('stops with a German message naming the bad variable', () => {
    assert.throws(
      () => loadConfig({ PORT: 'achtzig' }),
      (error: Error) =>
        error instanceof ConfigError && /Ungültige Konfiguration:\n {2}- PORT: muss eine Portnummer sein/.test(error.message),
    );
    assert.throws(
      () => loadConfig({ DATABASE_URL: 'postgres://app@db/x', COOKIE_SAMESITE: 'none', PUBLIC_URL: 'http://portal.example' }),
      (error: Error) =>
        /DATABASE_OWNER_URL ist nötig/.test(error.message) && /SameSite=None verlangt eine https-PUBLIC_URL/.test(error.message),
    );
  });

  it('requires a session secret in production and treats empty variables as unset', () => {
    assert.throws(() => loadConfig({ NODE_ENV: 'production' }), /SESSION_SECRET ist in Produktion Pflicht/);
    assert.equal(loadConfig({ REDIS_URL: '', PORT: '' }).REDIS_URL, undefined);
    assert.equal(loadConfig({ PORT: '' }).PORT, 3000);
  });
});

describe('BFF server', () => {
  let server: RunningServer;
  let a: HousingCompany;
  let b: HousingCompany;
  before(async () => {
    const { db } = await testDatabase();
    server = await startTestServer();
    a = await createHousingCompany(db, { allowedOrigins: [ORIGIN_A] });
    b = await createHousingCompany(db, { allowedOrigins: [ORIGIN_B] });
  });
  after(() => server?.stop());

  it('answers liveness and readiness (the database as the app role)', async () => {
    const client = new TestClient(server.url);
    assert.deepEqual((await client.get('/healthz')).body, { status: 'ok' });
    const ready = await client.get('/readyz');
    assert.equal(ready.status, 200);
    assert.equal(ready.body.status, 'ready');
  });

  it('admits only registered embed origins through CORS', async () => {
    const preflight = (origin: string) =>
      fetch(`${server.url}/api/session`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-csrf-token' },
      });
    const registered = await preflight(ORIGIN_A);
    assert.equal(registered.headers.get('access-control-allow-origin'), ORIGIN_A);
    assert.equal(registered.headers.get('access-control-allow-credentials'), 'true');
    const stranger = await preflight('https://evil.example');
    assert.equal(stranger.headers.get('access-control-allow-origin'), null);
  });

  it("holds a signed-in session to its own housing company's origins", async () => {
    const resident = await signInResident(server, a);
    const ownPage = await resident.request('GET', '/api/session', undefined, { headers: { origin: ORIGIN_A } });
    assert.equal(ownPage.status, 200);
    assert.equal(ownPage.body.state, 'signed_in');
    const otherCompanysPage = await resident.request('GET', '/api/session', undefined, { headers: { origin: ORIGIN_B } });
    assert.equal(otherCompanysPage.status, 403);
    assert.equal(otherCompanysPage.body.error.code, 'origin_not_allowed');
    assert.doesNotMatch(JSON.stringify(otherCompanysPage.body), new RegExp(a.resident.email));
    assert.ok(b.tenant.id);
  });

  it('serves the loader with a short cache and hashed chunks as immutable', async () => {
    const loader = await fetch(`${server.url}/widgets/widgets.js`);
    if (loader.status === 404) return assert.fail('dist/widgets is missing: run `npm run build` before the BFF tests');
    assert.equal(loader.headers.get('cache-control'), 'public, max-age=300');
    const source = await loader.text();
    const chunk = source.match(/chunks\/[\w-]+\.js/)?.[0];
    assert.ok(chunk, 'the loader imports hashed chunks');
    const chunkResponse = await fetch(`${server.url}/widgets/${chunk}`);
    assert.equal(chunkResponse.status, 200);
    assert.equal(chunkResponse.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  });
});
