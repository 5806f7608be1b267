import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Database } from '../db/database.ts';
import type { RunningServer } from '../server.ts';
import { closeTestDatabase, mailsTo, startTestServer, TEST_ADMIN_TOKEN, testDatabase, TestClient } from '../test/harness.ts';
import { createHousingCompany } from '../test/fixtures.ts';
import { activateAccount, nextTotpCode, TEST_PASSWORD } from '../test/sign-in.ts';

after(closeTestDatabase);

const CODE = /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/;

describe('activation letters and re-admission', () => {
  let db: Database;
  let server: RunningServer;
  let admin: TestClient;
  before(async () => {
    db = (await testDatabase()).db;
    server = await startTestServer();
    admin = new TestClient(server.url, { bearer: TEST_ADMIN_TOKEN });
  });
  after(() => server?.stop());

  it('never issues an activation code for an activated account, so nobody can take it over with a new letter', async () => {
    const hv = await createHousingCompany(db);
    const erika = new TestClient(server.url);
    await activateAccount(erika, hv, 'resident');
    const clara = new TestClient(server.url);
    await activateAccount(clara, hv, 'clerk');

    for (const who of [{ residentRef: 'M-1001' }, { email: hv.clerk.email }]) {
      const reissued = await admin.post(`/api/admin/tenants/${hv.tenant.slug}/activation-codes`, who);
      assert.equal(reissued.status, 409, JSON.stringify(reissued.body));
      assert.equal(reissued.body.error.code, 'account_already_active');
      assert.match(reissued.body.error.message, /bereits aktiviert/);
      // Whoever holds such a letter cannot set a new password: nothing was issued.
      if (reissued.body.activationCode) {
        const takeover = await new TestClient(server.url).post('/api/auth/activate', {
          tenant: hv.tenant.slug,
          code: reissued.body.activationCode,
          email: who.email ?? 'dieb@example.org',
          password: 'Uebernahme-2026!',
        });
        assert.notEqual(takeover.status, 200, 'the holder of the new letter took over the account');
      }
    }
    assert.equal((await erika.get('/api/session')).body.state, 'signed_in');
    assert.equal((await clara.get('/api/session')).body.state, 'signed_in');

    // An account that has not activated yet still gets a replacement letter.
    const neighbour = await admin.post(`/api/admin/tenants/${hv.tenant.slug}/activation-codes`, { residentRef: 'M-1002' });
    assert.equal(neighbour.status, 201);
  });

  it('re-admits a resident: sessions end, password and second factor reset, the e-mail address is told, a new letter works', async () => {
    const hv = await createHousingCompany(db);
    const phone = new TestClient(server.url);
    const credentials = await activateAccount(phone, hv, 'resident');
    const laptop = new TestClient(server.url);
    const login = await laptop.post('/api/auth/login', credentials);
    assert.equal(login.status, 200);
    laptop.resetCsrf();
    assert.equal((await laptop.post('/api/auth/verify', { code: await nextTotpCode(credentials) })).status, 200);

    const readmitted = await admin.post(`/api/admin/tenants/${hv.tenant.slug}/readmissions`, { residentRef: 'M-1001' });
    assert.equal(readmitted.status, 201, JSON.stringify(readmitted.body));
    assert.match(readmitted.body.activationCode, CODE);
    assert.equal(readmitted.body.sessionsEnded, 2);
    assert.equal(readmitted.body.notified, `e***@${hv.tenant.slug}.example`);

    for (const client of [phone, laptop]) assert.equal((await client.get('/api/session')).body.state, 'anonymous');
    const oldPassword = await new TestClient(server.url).post('/api/auth/login', credentials);
    assert.equal(oldPassword.status, 401);
    assert.equal(oldPassword.body.error.code, 'invalid_credentials');

    const [notice] = await mailsTo(server, hv.resident.email);
    assert.match(notice.subject, /Zugang zum Mieterportal .* wurde zurückgesetzt/);
    assert.match(notice.text, /auf allen Geräten abgemeldet/);
    assert.doesNotMatch(notice.text, new RegExp(readmitted.body.activationCode));

    // The new letter: a new password and a new authenticator.
    const back = new TestClient(server.url);
    const activated = await back.post('/api/auth/activate', {
      tenant: hv.tenant.slug,
      code: readmitted.body.activationCode,
      email: hv.resident.email,
      password: 'Neues-Telefon-2026!',
    });
    assert.equal(activated.status, 200);
    assert.equal(activated.body.state, 'enroll');
    back.resetCsrf();
    const enrolment = await back.post('/api/auth/enroll/totp');
    assert.equal(enrolment.status, 200);
    assert.notEqual(enrolment.body.secret, credentials.totpSecret);
    const confirmed = await back.post('/api/auth/enroll/totp/confirm', {
      code: await nextTotpCode({ ...credentials, totpSecret: enrolment.body.secret, lastTotpStep: -1 }),
    });
    assert.equal(confirmed.body.state, 'signed_in');
    // Once activated again, the account is out of reach of letters until the next re-admission.
    const again = await admin.post(`/api/admin/tenants/${hv.tenant.slug}/activation-codes`, { residentRef: 'M-1001' });
    assert.equal(again.body.error.code, 'account_already_active');
  });

  it('re-admits a staff member, whose new letter works only with their own address', async () => {
    const hv = await createHousingCompany(db);
    const clara = new TestClient(server.url);
    const credentials = await activateAccount(clara, hv, 'clerk');
    const readmitted = await admin.post(`/api/admin/tenants/${hv.tenant.slug}/readmissions`, { email: hv.clerk.email.toUpperCase() });
    assert.equal(readmitted.status, 201);
    assert.equal(readmitted.body.sessionsEnded, 1);
    assert.equal((await clara.get('/api/session')).body.state, 'anonymous');
    assert.equal((await new TestClient(server.url).post('/api/auth/login', credentials)).status, 401);
    assert.equal((await mailsTo(server, hv.clerk.email)).length, 1);

    const body = { tenant: hv.tenant.slug, code: readmitted.body.activationCode, password: TEST_PASSWORD };
    const otherAddress = await new TestClient(server.url).post('/api/auth/activate', { ...body, email: 'fremd@example.org' });
    assert.equal(otherAddress.body.error.code, 'invalid_activation_code');
    const own = await new TestClient(server.url).post('/api/auth/activate', { ...body, email: hv.clerk.email });
    assert.equal(own.status, 200);
    assert.equal(own.body.state, 'enroll');
  });

  it('answers an unknown account with 404 and needs the platform token', async () => {
    const hv = await createHousingCompany(db);
    const unknown = await admin.post(`/api/admin/tenants/${hv.tenant.slug}/readmissions`, { residentRef: 'M-404' });
    assert.equal(unknown.status, 404);
    const anonymous = await new TestClient(server.url).post(`/api/admin/tenants/${hv.tenant.slug}/readmissions`, { residentRef: 'M-1001' });
    assert.equal(anonymous.status, 401);
  });
});
