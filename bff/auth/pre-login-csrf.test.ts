import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningServer } from '../server.ts';
import { superuser, type Superuser } from '../isolation/support.ts';
import { closeTestDatabase, startTestServer, testDatabase, TestClient } from '../test/harness.ts';
import { createHousingCompany, type HousingCompany } from '../test/fixtures.ts';
import { activateAccount } from '../test/sign-in.ts';
import { PRE_LOGIN_COOKIE, preLoginTokens } from './csrf.ts';

const SESSION_SECRET = 'pre-login-csrf-test-secret-0123456789abcdef';
const IDLE_MINUTES = 30;

after(closeTestDatabase);

describe('anonymous visitors', () => {
  let server: RunningServer;
  let su: Superuser;
  let hv: HousingCompany;
  before(async () => {
    const test = await testDatabase();
    server = await startTestServer({ SESSION_SECRET, SESSION_IDLE_MINUTES: String(IDLE_MINUTES) });
    su = await superuser(test);
    hv = await createHousingCompany(test.db);
  });
  after(async () => {
    await su?.close();
    await server?.stop();
  });

  const sessionRows = async () => Number((await su.query<{ n: string }>('SELECT count(*) AS n FROM sessions'))[0].n);
  const preLoginNonce = (client: TestClient) =>
    new Map(
      client
        .cookieHeader()
        .split('; ')
        .map((pair) => pair.split('=') as [string, string]),
    ).get(PRE_LOGIN_COOKIE);
  /** A request before sign-in that changes something and needs no account: asking for a password-reset link. */
  const resetRequest = (client: TestClient, token: string | undefined) =>
    client.request(
      'POST',
      '/api/auth/password-reset',
      { tenant: hv.tenant.slug, email: 'niemand@example.de' },
      {
        csrf: false,
        headers: token === undefined ? {} : { 'x-csrf-token': token },
      },
    );
  const assertRefused = (response: { status: number; body: any }, what: string) => {
    assert.equal(response.status, 403, what);
    assert.equal(response.body.error.code, 'csrf_invalid', what);
    assert.match(response.body.error.message, /Sicherheitstoken fehlt oder ist ungültig/, what);
  };

  it('write no session row when they ask for the session and its CSRF token', async () => {
    const before = await sessionRows();
    for (let visitor = 0; visitor < 5; visitor++) {
      const client = new TestClient(server.url);
      for (let reload = 0; reload < 2; reload++) {
        const answer = await client.get('/api/session');
        assert.equal(answer.status, 200);
        assert.equal(answer.body.state, 'anonymous');
        assert.ok(answer.body.csrfToken, 'a CSRF token for the sign-in requests');
        assert.equal(answer.headers.getSetCookie().filter((cookie) => cookie.startsWith('mp.sid=')).length, 0, 'no session cookie');
      }
    }
    assert.equal(await sessionRows(), before, 'anonymous GET /api/session wrote session rows');
  });

  it('get an httpOnly pre-login cookie once, and every token issued for it works', async () => {
    const client = new TestClient(server.url);
    const first = await client.get('/api/session');
    const cookie = first.headers.getSetCookie().find((header) => header.startsWith(`${PRE_LOGIN_COOKIE}=`));
    assert.ok(cookie, 'the pre-login cookie is set');
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=Lax/i, 'SameSite as the session cookie');
    assert.match(cookie, /Path=\//);
    const second = await client.get('/api/session');
    assert.equal(second.headers.getSetCookie().length, 0, 'a second look keeps the cookie (other widgets hold tokens for it)');
    assert.equal((await resetRequest(client, first.body.csrfToken)).status, 202);
    assert.equal((await resetRequest(client, second.body.csrfToken)).status, 202);
  });

  it('are refused with 403 csrf_invalid without a token, with a forged one, an expired one or one for another cookie', async () => {
    const before = await sessionRows();
    const client = new TestClient(server.url);
    const token: string = (await client.get('/api/session')).body.csrfToken;
    const nonce = preLoginNonce(client)!;
    assertRefused(await resetRequest(client, undefined), 'no token');
    assertRefused(await resetRequest(client, ''), 'an empty token');
    assertRefused(await resetRequest(client, 'x'.repeat(64)), 'a made-up token');
    const [issuedAt, mac] = token.split('.');
    const flipped = mac.slice(0, -1) + (mac.endsWith('A') ? 'B' : 'A');
    assertRefused(await resetRequest(client, `${issuedAt}.${flipped}`), 'a token with a changed signature');
    assertRefused(await resetRequest(client, `${(parseInt(issuedAt, 36) + 1).toString(36)}.${mac}`), 'a token with a changed time');
    const otherSecret = preLoginTokens('another-secret-entirely-0123456789abcdef', IDLE_MINUTES * 60_000);
    assertRefused(await resetRequest(client, otherSecret.issue(nonce)), 'a token signed with another key');
    const longAgo = preLoginTokens(SESSION_SECRET, IDLE_MINUTES * 60_000, () => Date.now() - IDLE_MINUTES * 60_000 - 1000);
    assertRefused(await resetRequest(client, longAgo.issue(nonce)), 'an expired token');
    const sameKeyNow = preLoginTokens(SESSION_SECRET, IDLE_MINUTES * 60_000);
    assert.equal((await resetRequest(client, sameKeyNow.issue(nonce))).status, 202, 'the same construction, in time, is accepted');

    const other = new TestClient(server.url);
    await other.get('/api/session');
    assert.notEqual(preLoginNonce(other), nonce);
    assertRefused(await resetRequest(other, token), "a token issued for another visitor's cookie");
    assertRefused(
      await new TestClient(server.url).request(
        'POST',
        '/api/auth/password-reset',
        { tenant: hv.tenant.slug, email: 'niemand@example.de' },
        { csrf: false, headers: { 'x-csrf-token': token } },
      ),
      'no cookie',
    );
    assert.equal(await sessionRows(), before, 'refused requests write no session row either');
  });

  it('are refused on every sign-in request without a valid token', async () => {
    const client = new TestClient(server.url);
    await client.get('/api/session');
    const body = {
      tenant: hv.tenant.slug,
      email: hv.resident.email,
      password: 'Sommer-Regen-2026!',
      code: 'ABCD-EFGH',
      token: 'x',
      audience: 'resident',
    };
    for (const path of [
      '/api/auth/login',
      '/api/auth/activate',
      '/api/auth/password-reset',
      '/api/auth/password-reset/complete',
      '/api/auth/verify',
    ]) {
      assertRefused(await client.request('POST', path, body, { csrf: false, headers: { 'x-csrf-token': 'forged' } }), path);
    }
  });

  it('sign in with the token from GET /api/session; the session then needs its own token, the pre-login one no longer counts', async () => {
    const before = await sessionRows();
    const client = new TestClient(server.url);
    const preLoginToken: string = (await client.get('/api/session')).body.csrfToken;
    await activateAccount(client, hv, 'resident');
    assert.equal(await sessionRows(), before + 1, 'one row: the signed-in session');
    const session = await client.get('/api/session');
    assert.equal(session.body.state, 'signed_in');
    assert.notEqual(session.body.csrfToken, preLoginToken);
    assert.ok(preLoginNonce(client), 'the pre-login cookie is still there');
    assertRefused(
      await client.request('POST', '/api/auth/logout', {}, { csrf: false, headers: { 'x-csrf-token': preLoginToken } }),
      'the pre-login token in a signed-in session',
    );
    assert.equal((await client.get('/api/session')).body.state, 'signed_in', 'still signed in');
    const loggedOut = await client.request(
      'POST',
      '/api/auth/logout',
      {},
      { csrf: false, headers: { 'x-csrf-token': session.body.csrfToken } },
    );
    assert.equal(loggedOut.status, 204);
    assert.equal(await sessionRows(), before, 'the signed-out session is gone, and nothing took its place');
  });

  it('in a pending sign-in (second factor not yet set up) only the session token counts', async () => {
    const client = new TestClient(server.url);
    const preLoginToken: string = (await client.get('/api/session')).body.csrfToken;
    const activated = await client.post('/api/auth/activate', {
      tenant: hv.tenant.slug,
      code: hv.neighbour.activationCode,
      email: hv.neighbour.email,
      password: 'Sommer-Regen-2026!',
    });
    assert.equal(activated.body.state, 'enroll');
    assertRefused(
      await client.request('POST', '/api/auth/enroll/totp', {}, { csrf: false, headers: { 'x-csrf-token': preLoginToken } }),
      'the pre-login token in a pending sign-in',
    );
    const enrolment = await client.request(
      'POST',
      '/api/auth/enroll/totp',
      {},
      {
        csrf: false,
        headers: { 'x-csrf-token': activated.body.csrfToken },
      },
    );
    assert.equal(enrolment.status, 200, 'the token the activation answered with');
  });
});

describe('the pre-login cookie of a cross-site embed', () => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer({ PUBLIC_URL: 'https://portal.pre-login-test.example', COOKIE_SAMESITE: 'none' });
  });
  after(() => server?.stop());

  it('has the attributes of the session cookie: Secure, SameSite=None, Partitioned', async () => {
    const answer = await new TestClient(server.url).get('/api/session');
    const cookie = answer.headers.getSetCookie().find((header) => header.startsWith(`${PRE_LOGIN_COOKIE}=`));
    assert.ok(cookie);
    assert.match(cookie, /; Secure/i);
    assert.match(cookie, /; SameSite=None/i);
    assert.match(cookie, /; Partitioned/i);
    assert.match(cookie, /; HttpOnly/i);
  });
});
