import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Database } from '../db/database.ts';
import type { RunningServer } from '../server.ts';
import { closeTestDatabase, mailsTo, startTestServer, testDatabase, TestClient } from '../test/harness.ts';
import { createHousingCompany, type HousingCompany } from '../test/fixtures.ts';
import { nextTotpCode, signInWithPassword, TEST_PASSWORD, type Credentials } from '../test/sign-in.ts';
import { describeDevice } from './account-use-cases.ts';
import { withScope } from '../db/scope.ts';
import { io as connect, type Socket } from 'socket.io-client';

/** A live-update socket of the client's session (websocket only, no retries), once connected. */
function liveSocket(server: RunningServer, client: TestClient): Promise<Socket> {
  const socket = connect(server.url, {
    transports: ['websocket'],
    extraHeaders: { cookie: client.cookieHeader() },
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
const NEW_PASSWORD = 'Herbst-Wind-2027?';

/** Activates an account through the API like activateAccount, but keeps the recovery codes shown at enrolment. */
async function activate(
  server: RunningServer,
  company: HousingCompany,
  who: 'resident' | 'neighbour' | 'clerk' = 'resident',
): Promise<{ client: TestClient; credentials: Credentials; recoveryCodes: string[] }> {
  const client = new TestClient(server.url);
  const account = company[who];
  const activated = await client.post('/api/auth/activate', {
    tenant: company.tenant.slug,
    code: account.activationCode,
    email: account.email,
    password: TEST_PASSWORD,
  });
  assert.equal(activated.status, 200);
  client.resetCsrf();
  const enrolment = await client.post('/api/auth/enroll/totp');
  const credentials: Credentials = {
    tenant: company.tenant.slug,
    email: account.email,
    password: TEST_PASSWORD,
    audience: who === 'clerk' ? 'staff' : 'resident',
    totpSecret: enrolment.body.secret,
    lastTotpStep: -1,
  };
  const confirmed = await client.post('/api/auth/enroll/totp/confirm', { code: await nextTotpCode(credentials) });
  assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
  client.resetCsrf();
  return { client, credentials, recoveryCodes: confirmed.body.recoveryCodes };
}

async function login(server: RunningServer, credentials: Credentials, userAgent?: string): Promise<TestClient> {
  if (!userAgent) return signInWithPassword(server, credentials);
  const client = new TestClient(server.url);
  const headers = { 'user-agent': userAgent };
  const { tenant, email, password, audience } = credentials;
  assert.equal((await client.request('POST', '/api/auth/login', { tenant, email, password, audience }, { headers })).status, 200);
  client.resetCsrf();
  const verified = await client.request('POST', '/api/auth/verify', { code: await nextTotpCode(credentials) }, { headers });
  assert.equal(verified.status, 200);
  client.resetCsrf();
  return client;
}

describe('account self-service', () => {
  let db: Database;
  /** The resident's own view of a table (row-level security applies). */
  const asResident = <T extends object>(company: HousingCompany, sql: string) =>
    withScope(
      db,
      { role: 'resident', tenantId: company.tenant.id, accountId: company.resident.accountId, residentId: company.resident.id },
      (tx) => tx.query<T>(sql),
    );
  let server: RunningServer;
  before(async () => {
    db = (await testDatabase()).db;
    server = await startTestServer();
  });
  after(async () => {
    await server.stop();
    await closeTestDatabase();
  });

  describe('sessions', () => {
    it('lists the own signed-in sessions with device and current flag; ends one, then all others', async () => {
      const company = await createHousingCompany(db);
      const { client: first, credentials } = await activate(server, company);
      const second = await login(server, credentials, FIREFOX);
      const third = await signInWithPassword(server, credentials);

      const listed = await second.get('/api/account/sessions');
      assert.equal(listed.status, 200);
      assert.equal(listed.body.sessions.length, 3);
      const current = listed.body.sessions.filter((s: { current: boolean }) => s.current);
      assert.equal(current.length, 1);
      assert.equal(current[0].device, 'Firefox unter Windows');
      assert.ok(Date.parse(current[0].lastSeenAt) >= Date.parse(current[0].createdAt));

      const firstId = (await first.get('/api/account/sessions')).body.sessions.find((s: { current: boolean }) => s.current).id;
      assert.equal((await second.delete(`/api/account/sessions/${firstId}`)).status, 204);
      assert.equal((await first.get('/api/account/sessions')).status, 401, 'the ended session is signed out');
      assert.equal((await second.get('/api/account/sessions')).body.sessions.length, 2);

      const others = await second.delete('/api/account/sessions');
      assert.deepEqual([others.status, others.body.ended], [200, 1]);
      assert.equal((await third.get('/api/account/sessions')).status, 401);
      const left = (await second.get('/api/account/sessions')).body.sessions;
      assert.deepEqual(
        left.map((s: { current: boolean }) => s.current),
        [true],
      );
    });

    it("ending a session disconnects that session's live-update socket at once; the others stay connected", async () => {
      const company = await createHousingCompany(db);
      const { client: here, credentials } = await activate(server, company);
      const phone = await signInWithPassword(server, credentials);
      const [hereSocket, phoneSocket] = [await liveSocket(server, here), await liveSocket(server, phone)];
      try {
        const disconnected = new Promise<string>((resolve) => phoneSocket.once('disconnect', resolve));
        const phoneId = (await phone.get('/api/account/sessions')).body.sessions.find((s: { current: boolean }) => s.current).id;
        assert.equal((await here.delete(`/api/account/sessions/${phoneId}`)).status, 204);
        assert.equal(await disconnected, 'io server disconnect');
        assert.equal(hereSocket.connected, true);
      } finally {
        hereSocket.close();
        phoneSocket.close();
      }
    });

    it('ending the current session by its id signs it out', async () => {
      const company = await createHousingCompany(db);
      const { client } = await activate(server, company);
      const [own] = (await client.get('/api/account/sessions')).body.sessions;
      assert.equal((await client.delete(`/api/account/sessions/${own.id}`)).status, 204);
      assert.equal((await client.get('/api/session')).body.state, 'anonymous');
    });

    it("one person cannot end another's session, in the same housing company or another one", async () => {
      const company = await createHousingCompany(db);
      const other = await createHousingCompany(db);
      const { client: resident } = await activate(server, company);
      const { client: neighbour } = await activate(server, company, 'neighbour');
      const { client: clerk } = await activate(server, company, 'clerk');
      const { client: foreign } = await activate(server, other);
      const neighbourSession = (await neighbour.get('/api/account/sessions')).body.sessions[0].id;
      const foreignSession = (await foreign.get('/api/account/sessions')).body.sessions[0].id;

      for (const [attacker, id] of [
        [resident, neighbourSession],
        [clerk, neighbourSession],
        [resident, foreignSession],
      ] as const) {
        const refused = await attacker.delete(`/api/account/sessions/${id}`);
        assert.deepEqual([refused.status, refused.body.error.code], [404, 'not_found']);
      }
      assert.equal((await neighbour.get('/api/account/sessions')).status, 200, 'the neighbour is still signed in');
      assert.equal((await foreign.get('/api/account/sessions')).status, 200, 'so is the other company’s resident');
      assert.equal((await new TestClient(server.url).delete(`/api/account/sessions/${neighbourSession}`)).status, 401);
    });

    it('names browsers and systems briefly', () => {
      assert.equal(describeDevice(null), 'Unbekanntes Gerät');
      assert.equal(
        describeDevice('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile Safari/604.1'),
        'Safari unter iOS',
      );
      assert.equal(
        describeDevice('Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36'),
        'Chrome unter Android',
      );
      assert.equal(describeDevice('curl/8.0'), 'Unbekannter Browser');
    });
  });

  describe('password', () => {
    it('changes the password: other sessions end, a notice is mailed, the new password signs in', async () => {
      const company = await createHousingCompany(db);
      const { client, credentials } = await activate(server, company);
      const other = await signInWithPassword(server, credentials);

      const changed = await client.post('/api/account/password', { current: TEST_PASSWORD, new: NEW_PASSWORD });
      assert.equal(changed.status, 204, JSON.stringify(changed.body));
      assert.equal((await other.get('/api/account/sessions')).status, 401, 'the other session ended');
      assert.equal((await client.get('/api/account/sessions')).status, 200, 'this one stays');
      const [notice] = await mailsTo(server, company.resident.email);
      assert.equal(notice.subject, 'Ihr Passwort wurde geändert');

      const old = await new TestClient(server.url).post('/api/auth/login', { ...credentials, tenant: company.tenant.slug });
      assert.equal(old.body.error.code, 'invalid_credentials');
      await signInWithPassword(server, { ...credentials, password: NEW_PASSWORD });
    });

    it('refuses a wrong current password in German, a too short new one, and locks like a login', async () => {
      const company = await createHousingCompany(db);
      const { client } = await activate(server, company);
      const wrong = await client.post('/api/account/password', { current: 'falsch-falsch', new: NEW_PASSWORD });
      assert.deepEqual(
        [wrong.status, wrong.body.error.code, wrong.body.error.message],
        [400, 'wrong_password', 'Das aktuelle Passwort ist falsch.'],
      );
      const short = await client.post('/api/account/password', { current: TEST_PASSWORD, new: 'kurz' });
      assert.deepEqual([short.status, short.body.error.code, short.body.error.details.fields[0].path], [400, 'validation_failed', 'new']);
      for (let attempt = 0; attempt < 4; attempt++)
        await client.post('/api/account/password', { current: 'falsch-falsch', new: NEW_PASSWORD });
      const locked = await client.post('/api/account/password', { current: TEST_PASSWORD, new: NEW_PASSWORD });
      assert.deepEqual([locked.status, locked.body.error.code], [429, 'locked']);
    });
  });

  describe('second factor and recovery codes', () => {
    it('shows ten recovery codes at enrolment; each signs in once instead of a TOTP code', async () => {
      const company = await createHousingCompany(db);
      const { credentials, recoveryCodes } = await activate(server, company);
      assert.equal(recoveryCodes.length, 10);
      assert.equal(new Set(recoveryCodes).size, 10);
      for (const code of recoveryCodes) assert.match(code, /^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
      const stored = await asResident<{ code_hash: string }>(company, `SELECT code_hash FROM recovery_codes`);
      assert.equal(stored.rows.length, 10);
      assert.ok(stored.rows.every((row) => !recoveryCodes.some((code) => row.code_hash.includes(code.replace(/-/g, '')))));

      const withRecovery = async (code: string) => {
        const client = new TestClient(server.url);
        const { tenant, email, password, audience } = credentials;
        assert.equal((await client.post('/api/auth/login', { tenant, email, password, audience })).status, 200);
        client.resetCsrf();
        return client.post('/api/auth/verify', { code });
      };
      const typed = recoveryCodes[0].toLowerCase().replace(/-/g, ' ');
      assert.equal((await withRecovery(typed)).body.state, 'signed_in');
      const again = await withRecovery(recoveryCodes[0]);
      assert.deepEqual([again.status, again.body.error.code], [400, 'invalid_code']);

      const client = await signInWithPassword(server, credentials);
      assert.equal((await client.get('/api/account')).body.recoveryCodesLeft, 9);
    });

    it('regenerates the codes after the password or an app code; the old ones stop working', async () => {
      const company = await createHousingCompany(db);
      const { client, credentials, recoveryCodes } = await activate(server, company);
      const refused = await client.post('/api/account/recovery-codes', { password: 'falsch-falsch' });
      assert.equal(refused.body.error.code, 'wrong_password');
      const none = await client.post('/api/account/recovery-codes', {});
      assert.equal(none.body.error.code, 'validation_failed');
      const byPassword = await client.post('/api/account/recovery-codes', { password: TEST_PASSWORD });
      assert.equal(byPassword.status, 200);
      assert.equal(byPassword.body.recoveryCodes.length, 10);
      const byCode = await client.post('/api/account/recovery-codes', { code: await nextTotpCode(credentials) });
      assert.equal(byCode.status, 200);
      const stale = await asResident(company, `SELECT 1 FROM recovery_codes WHERE used_at IS NULL`);
      assert.equal(stale.rows.length, 10);

      const login = new TestClient(server.url);
      const { tenant, email, password, audience } = credentials;
      await login.post('/api/auth/login', { tenant, email, password, audience });
      login.resetCsrf();
      for (const old of [recoveryCodes[1], byPassword.body.recoveryCodes[0]]) {
        assert.equal((await login.post('/api/auth/verify', { code: old })).body.error.code, 'invalid_code');
      }
      assert.equal((await login.post('/api/auth/verify', { code: byCode.body.recoveryCodes[0] })).body.state, 'signed_in');
    });

    it('re-enrols the authenticator app while signed in: confirmed by the new app, the old secret stops working', async () => {
      const company = await createHousingCompany(db);
      const { client, credentials } = await activate(server, company, 'clerk');
      assert.equal((await client.post('/api/account/second-factor/totp', { password: 'falsch-falsch' })).body.error.code, 'wrong_password');
      const early = await client.post('/api/account/second-factor/totp/confirm', { code: '123456' });
      assert.equal(early.body.error.code, 'enrolment_not_started');
      const started = await client.post('/api/account/second-factor/totp', { password: TEST_PASSWORD });
      assert.equal(started.status, 200);
      assert.match(started.body.otpauthUrl, /^otpauth:\/\/totp\//);
      const renewed: Credentials = { ...credentials, totpSecret: started.body.secret, lastTotpStep: -1 };
      const wrong = await client.post('/api/account/second-factor/totp/confirm', { code: await nextTotpCode({ ...credentials }) });
      assert.equal(wrong.body.error.code, 'invalid_code', 'a code of the old app does not confirm the new one');
      const confirmed = await client.post('/api/account/second-factor/totp/confirm', { code: await nextTotpCode(renewed) });
      assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
      assert.equal(confirmed.body.recoveryCodes.length, 10);

      const oldApp = new TestClient(server.url);
      const { tenant, email, password, audience } = credentials;
      await oldApp.post('/api/auth/login', { tenant, email, password, audience });
      oldApp.resetCsrf();
      const oldCode = await nextTotpCode(credentials);
      assert.equal((await oldApp.post('/api/auth/verify', { code: oldCode })).body.error.code, 'invalid_code');
      await signInWithPassword(server, renewed);
    });
  });

  describe('e-mail address', () => {
    it('changes the address only when the link mailed to the new one is opened; the old one gets a notice', async () => {
      const company = await createHousingCompany(db);
      const { client, credentials } = await activate(server, company);
      const newAddress = `neu@${company.tenant.slug}.example`;
      const wrong = await client.post('/api/account/email', { new: newAddress, password: 'falsch-falsch' });
      assert.equal(wrong.body.error.code, 'wrong_password');
      const taken = await client.post('/api/account/email', { new: company.clerk.email, password: TEST_PASSWORD });
      assert.deepEqual([taken.status, taken.body.error.code], [409, 'email_taken']);

      const requested = await client.post('/api/account/email', { new: newAddress, password: TEST_PASSWORD });
      assert.deepEqual([requested.status, requested.body.sentTo], [202, `n***@${company.tenant.slug}.example`]);
      const overview = (await client.get('/api/account')).body;
      assert.deepEqual([overview.email, overview.pendingEmail], [company.resident.email, newAddress]);
      const [confirmation] = await mailsTo(server, newAddress);
      const token = /[?&]mp-email-change=([^&\s]+)/.exec(confirmation.text)?.[1];
      assert.ok(token, confirmation.text);

      const anonymous = new TestClient(server.url);
      const bad = await anonymous.post('/api/account/email/confirm', { tenant: company.tenant.slug, token: 'x'.repeat(43) });
      assert.deepEqual([bad.status, bad.body.error.code], [400, 'invalid_email_change_token']);
      const foreign = await createHousingCompany(db);
      const elsewhere = await anonymous.post('/api/account/email/confirm', { tenant: foreign.tenant.slug, token });
      assert.equal(elsewhere.body.error.code, 'invalid_email_change_token', 'the link works only at its housing company');
      assert.equal((await anonymous.post('/api/account/email/confirm', { tenant: company.tenant.slug, token })).status, 204);
      const reused = await anonymous.post('/api/account/email/confirm', { tenant: company.tenant.slug, token });
      assert.equal(reused.body.error.code, 'invalid_email_change_token');

      const [notice] = await mailsTo(server, company.resident.email);
      assert.equal(notice.subject, 'Ihre E-Mail-Adresse wurde geändert');
      assert.match(notice.text, new RegExp(newAddress));
      assert.equal((await client.get('/api/account')).body.email, newAddress);
      await signInWithPassword(server, { ...credentials, email: newAddress });
    });
  });
});
