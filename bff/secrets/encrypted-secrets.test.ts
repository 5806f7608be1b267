import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { withScope } from '../db/scope.ts';
import type { RunningServer } from '../server.ts';
import { asTenantAdmin } from '../tenants/use-cases.ts';
import {
  closeTestDatabase,
  startTestServer,
  TEST_ADMIN_TOKEN,
  TEST_DATA_ENCRYPTION_KEY,
  testDatabase,
  TestClient,
} from '../test/harness.ts';
import { createHousingCompany } from '../test/fixtures.ts';
import { activateAccount, nextTotpCode, signInWithPassword, TEST_PASSWORD } from '../test/sign-in.ts';
import { FakeVorgangApi } from '../case-backend-http/vorgang-api-test-support.ts';
import { newTotpSecret } from '../auth/totp.ts';

after(closeTestDatabase);

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('stored secrets are encrypted at rest', () => {
  let db: Database;
  let server: RunningServer;
  before(async () => {
    db = (await testDatabase()).db;
    server = await startTestServer();
  });
  after(() => server?.stop());

  const storedTotpSecret = async (tenantId: string, email: string) =>
    (
      await withScope(db, { role: 'auth', tenantId }, (tx) =>
        tx.query<{ totp_secret: string }>(`SELECT totp_secret FROM accounts WHERE email = $1`, [email]),
      )
    ).rows[0].totp_secret;
  const storedConnection = async (tenantId: string) =>
    (
      await asTenantAdmin(db, tenantId, (tx) =>
        tx.query<{ api_token: string; webhook_secret: string }>(`SELECT api_token, webhook_secret FROM case_backend_connections`),
      )
    ).rows[0];

  it('keeps no TOTP secret and no Vorgang API credential in plaintext, and sign-in and delivery still work', async () => {
    const hv = await createHousingCompany(db);
    const credentials = await activateAccount(new TestClient(server.url), hv, 'resident');
    const stored = await storedTotpSecret(hv.tenant.id, hv.resident.email);
    assert.ok(!stored.includes(credentials.totpSecret), `the TOTP secret is stored as it is: ${stored}`);
    assert.match(stored, /^v1:[0-9a-f]{12}:/);
    const resident = await signInWithPassword(server, credentials);
    assert.equal((await resident.get('/api/session')).body.state, 'signed_in');

    const api = new FakeVorgangApi(`token-${randomBytes(12).toString('hex')}`);
    await api.start();
    try {
      const webhookSecret = randomBytes(32).toString('hex');
      const platform = new TestClient(server.url, { bearer: TEST_ADMIN_TOKEN });
      const connected = await platform.request('PUT', `/api/admin/tenants/${hv.tenant.slug}/case-backend`, {
        baseUrl: api.baseUrl,
        apiToken: api.token,
        webhookSecret,
      });
      assert.equal(connected.status, 200, JSON.stringify(connected.body));
      const row = await storedConnection(hv.tenant.id);
      for (const value of Object.values(row)) {
        assert.ok(!value.includes(api.token) && !value.includes(webhookSecret), `a credential is stored as it is: ${value}`);
      }
      const filed = await resident.post('/api/cases', { type: 'contact', title: 'Frage', description: 'Geht das an die Vorgangs-API?' });
      assert.equal(filed.status, 201);
      const request = await waitFor('the case at the Vorgang API', () => api.received[0]);
      assert.equal(request.authorization, `Bearer ${api.token}`);
      assert.equal(request.body.case.caseNumber, filed.body.case.caseNumber);
    } finally {
      await api.stop();
    }
  });

  it('keeps the secret of an enrolment under way sealed in the session row, and the enrolment still completes', async () => {
    const hv = await createHousingCompany(db);
    const client = new TestClient(server.url);
    const activated = await client.post('/api/auth/activate', {
      tenant: hv.tenant.slug,
      code: hv.resident.activationCode,
      email: hv.resident.email,
      password: TEST_PASSWORD,
    });
    assert.equal(activated.status, 200, JSON.stringify(activated.body));
    client.resetCsrf();
    const enrolment = await client.post('/api/auth/enroll/totp');
    assert.equal(enrolment.status, 200, JSON.stringify(enrolment.body));
    const secret: string = enrolment.body.secret;
    const { rows } = await withScope(
      db,
      { role: 'resident', tenantId: hv.tenant.id, accountId: hv.resident.accountId, residentId: hv.resident.id },
      (tx) => tx.query<{ data: string }>(`SELECT data::text AS data FROM sessions WHERE account_id = $1`, [hv.resident.accountId]),
    );
    assert.equal(rows.length, 1, 'the session of the enrolment');
    assert.ok(!rows[0].data.includes(secret), `the session row holds the TOTP secret as it is: ${rows[0].data}`);

    const confirmed = await client.post('/api/auth/enroll/totp/confirm', {
      code: await nextTotpCode({
        tenant: hv.tenant.slug,
        email: hv.resident.email,
        password: TEST_PASSWORD,
        audience: 'resident',
        totpSecret: secret,
        lastTotpStep: -1,
      }),
    });
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
    assert.equal((await client.get('/api/session')).body.state, 'signed_in');
  });

  it('encrypts the plaintext secrets stored before, when it starts, and they keep working', async () => {
    const hv = await createHousingCompany(db);
    const credentials = await activateAccount(new TestClient(server.url), hv, 'clerk');
    // As a row from before migration 0017: the TOTP secret and the connection stored as given.
    const legacySecret = newTotpSecret();
    await withScope(db, { role: 'auth', tenantId: hv.tenant.id }, (tx) =>
      tx.query(`UPDATE accounts SET totp_secret = $2, totp_last_step = NULL WHERE email = $1`, [hv.clerk.email, legacySecret]),
    );
    await asTenantAdmin(db, hv.tenant.id, (tx) =>
      tx.query(
        `INSERT INTO case_backend_connections (tenant_id, base_url, api_token, webhook_secret) VALUES ($1, 'http://127.0.0.1:9/alt', $2, $3)`,
        [hv.tenant.id, 'legacy-api-token-0123456789', 'legacy-webhook-secret-0123456789abcdef'],
      ),
    );

    const restarted = await startTestServer();
    try {
      const stored = await storedTotpSecret(hv.tenant.id, hv.clerk.email);
      assert.notEqual(stored, legacySecret, 'the plaintext TOTP secret is still there after the start');
      assert.match(stored, /^v1:/);
      const row = await storedConnection(hv.tenant.id);
      assert.match(row.api_token, /^v1:/);
      assert.match(row.webhook_secret, /^v1:/);
      assert.ok(!JSON.stringify(row).includes('legacy-'));
      const clerk = await signInWithPassword(restarted, { ...credentials, totpSecret: legacySecret, lastTotpStep: -1 });
      assert.equal((await clerk.get('/api/session')).body.user.role, 'clerk');
    } finally {
      await restarted.stop();
    }
  });

  it('refuses to start with a key that does not open the stored secrets, and rotates to a new key that names the old one', async () => {
    const hv = await createHousingCompany(db);
    const credentials = await activateAccount(new TestClient(server.url), hv, 'resident');
    const otherKey = randomBytes(32).toString('base64');
    await assert.rejects(
      startTestServer({ DATA_ENCRYPTION_KEY: otherKey }),
      /DATA_ENCRYPTION_KEY passt nicht zu den gespeicherten Geheimnissen/,
    );
    await assert.rejects(startTestServer({ DATA_ENCRYPTION_KEY: 'zu-kurz' }), /DATA_ENCRYPTION_KEY muss genau 32 Bytes lang sein/);
    assert.throws(
      () => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) }),
      /DATA_ENCRYPTION_KEY: DATA_ENCRYPTION_KEY ist in Produktion Pflicht/,
    );

    // Rotation: the new key with the old one to read; afterwards everything is sealed with the new key.
    const before = await storedTotpSecret(hv.tenant.id, hv.resident.email);
    const rotated = await startTestServer({ DATA_ENCRYPTION_KEY: otherKey, DATA_ENCRYPTION_PREVIOUS_KEYS: TEST_DATA_ENCRYPTION_KEY });
    try {
      const after = await storedTotpSecret(hv.tenant.id, hv.resident.email);
      assert.notEqual(after.split(':')[1], before.split(':')[1], 'sealed with the new key');
      const resident = await signInWithPassword(rotated, credentials);
      assert.equal((await resident.get('/api/session')).body.state, 'signed_in');
    } finally {
      await rotated.stop();
    }
    // And back, so that the other tests of this process keep their key.
    await (await startTestServer({ DATA_ENCRYPTION_PREVIOUS_KEYS: otherKey })).stop();
  });
});
