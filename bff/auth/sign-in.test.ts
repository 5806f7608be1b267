import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Database } from '../db/database.ts';
import type { RunningServer } from '../server.ts';
import { closeTestDatabase, startTestServer, testDatabase, TestClient } from '../test/harness.ts';
import { createHousingCompany, type HousingCompany } from '../test/fixtures.ts';
import { activateAccount, nextTotpCode, signInWithPassword, TEST_PASSWORD, totpCode } from '../test/sign-in.ts';

/** A new client that already holds an anonymous session and its CSRF token. */
async function freshClient(server: RunningServer): Promise<TestClient> {
  const client = new TestClient(server.url);
  await client.csrfToken();
  return client;
}

const sessionCookie = (client: TestClient) => /mp\.sid=([^;]+)/.exec(client.cookieHeader())?.[1];

async function sessionState(client: TestClient): Promise<string> {
  return (await client.get('/api/session')).body.state;
}

/** The six-digit code of the newest mail to `to`. */
function mailedCode(server: RunningServer, to: string): string {
  const mail = server.mailer.sent()?.find((sent) => sent.to === to);
  assert.ok(mail, `a mail to ${to}`);
  const code = /^\s+(\d{6})$/m.exec(mail.text)?.[1];
  assert.ok(code, 'the mail contains a six-digit code');
  return code;
}

/** A code that is certainly not the current one. */
const wrongCode = (code: string) => String((Number(code) + 500_000) % 1_000_000).padStart(6, '0');

describe('sign-in', () => {
  let db: Database;
  let server: RunningServer;
  before(async () => {
    db = (await testDatabase()).db;
    server = await startTestServer();
  });
  after(async () => {
    await server?.stop();
    await closeTestDatabase();
  });

  const company = () => createHousingCompany(db, { allowedOrigins: ['https://www.wohnbau.example'] });

  it('activates with the letter code, enrols TOTP and signs in, rotating the session id at each step', async () => {
    const hv = await company();
    const client = await freshClient(server);
    const anonymousCookie = sessionCookie(client);
    assert.equal(await sessionState(client), 'anonymous');

    // The code is accepted in lower case and without dashes.
    const code = hv.resident.activationCode.toLowerCase().replaceAll('-', ' ');
    const activated = await client.post('/api/auth/activate', {
      tenant: hv.tenant.slug,
      code,
      email: hv.resident.email,
      password: TEST_PASSWORD,
    });
    assert.equal(activated.status, 200, JSON.stringify(activated.body));
    assert.equal(activated.body.state, 'enroll');
    assert.deepEqual(activated.body.enrollOptions, ['totp', 'email']);
    assert.deepEqual(activated.body.user, {
      role: 'resident',
      displayName: 'Erika Mustermann',
      tenant: { slug: hv.tenant.slug, name: hv.tenant.name },
      language: 'de',
    });
    const enrollCookie = sessionCookie(client);
    assert.notEqual(enrollCookie, anonymousCookie, 'session id rotated after the password step');
    client.resetCsrf();

    const enrolment = await client.post('/api/auth/enroll/totp');
    assert.equal(enrolment.status, 200);
    assert.match(enrolment.body.otpauthUrl, /^otpauth:\/\/totp\//);
    assert.match(enrolment.body.qrCodeSvg, /^<svg/);
    assert.match(enrolment.body.secret, /^[A-Z2-7]+$/);

    const confirmed = await client.post('/api/auth/enroll/totp/confirm', { code: await totpCode(enrolment.body.secret) });
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
    assert.equal(confirmed.body.state, 'signed_in');
    assert.notEqual(sessionCookie(client), enrollCookie, 'session id rotated after the second factor');
    client.resetCsrf();
    assert.equal(await sessionState(client), 'signed_in');

    // The superseded session ids carry nothing.
    for (const old of [anonymousCookie, enrollCookie]) {
      const response = await fetch(`${server.url}/api/session`, { headers: { cookie: `mp.sid=${old}` } });
      assert.equal(((await response.json()) as { state: string }).state, 'anonymous');
    }
  });

  it('rejects a used activation code and a staff letter used with another address', async () => {
    const hv = await company();
    await activateAccount(await freshClient(server), hv, 'resident');
    const again = await (
      await freshClient(server)
    ).post('/api/auth/activate', {
      tenant: hv.tenant.slug,
      code: hv.resident.activationCode,
      email: 'someone-else@example.de',
      password: TEST_PASSWORD,
    });
    assert.equal(again.status, 400);
    assert.equal(again.body.error.code, 'invalid_activation_code');

    const wrongAddress = await (
      await freshClient(server)
    ).post('/api/auth/activate', {
      tenant: hv.tenant.slug,
      code: hv.clerk.activationCode,
      email: 'not-the-clerk@example.de',
      password: TEST_PASSWORD,
    });
    assert.equal(wrongAddress.status, 400);
    assert.equal(wrongAddress.body.error.code, 'invalid_activation_code');
    // The failed attempt did not use up the clerk's letter.
    await activateAccount(await freshClient(server), hv, 'clerk');
  });

  it('refuses an e-mail address already used by another account and a too short password', async () => {
    const hv = await company();
    await activateAccount(await freshClient(server), hv, 'resident');
    const taken = await (
      await freshClient(server)
    ).post('/api/auth/activate', {
      tenant: hv.tenant.slug,
      code: hv.neighbour.activationCode,
      email: hv.resident.email.toUpperCase(),
      password: TEST_PASSWORD,
    });
    assert.equal(taken.status, 409);
    assert.equal(taken.body.error.code, 'email_taken');

    const short = await (
      await freshClient(server)
    ).post('/api/auth/activate', {
      tenant: hv.tenant.slug,
      code: hv.neighbour.activationCode,
      email: hv.neighbour.email,
      password: 'kurz',
    });
    assert.equal(short.status, 400);
    assert.equal(short.body.error.code, 'validation_failed');
    assert.deepEqual(short.body.error.details.fields, [
      { path: 'password', code: 'too_small', limit: 10, origin: 'string', message: 'Das Passwort muss mindestens 10 Zeichen lang sein.' },
    ]);
  });

  it('enrols the e-mail factor for a resident and signs in with a mailed code', async () => {
    const hv = await company();
    const client = await freshClient(server);
    const activated = await client.post('/api/auth/activate', {
      tenant: hv.tenant.slug,
      code: hv.resident.activationCode,
      email: hv.resident.email,
      password: TEST_PASSWORD,
    });
    assert.equal(activated.status, 200);
    client.resetCsrf();
    const enrolment = await client.post('/api/auth/enroll/email');
    assert.equal(enrolment.status, 200, JSON.stringify(enrolment.body));
    assert.equal(enrolment.body.state, 'enroll');
    assert.equal(enrolment.body.sentTo, `e***@${hv.resident.email.split('@')[1]}`);
    const confirmed = await client.post('/api/auth/enroll/email/confirm', { code: mailedCode(server, hv.resident.email) });
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
    assert.equal(confirmed.body.state, 'signed_in');

    const second = await freshClient(server);
    const login = await second.post('/api/auth/login', {
      tenant: hv.tenant.slug,
      email: hv.resident.email,
      password: TEST_PASSWORD,
      audience: 'resident',
    });
    assert.equal(login.status, 200);
    assert.equal(login.body.state, 'second_factor');
    assert.equal(login.body.secondFactor, 'email');
    second.resetCsrf();
    assert.equal((await second.get('/api/session')).body.secondFactor, 'email');
    const resent = await second.post('/api/auth/resend-code');
    assert.equal(resent.status, 200);
    const verified = await second.post('/api/auth/verify', { code: mailedCode(server, hv.resident.email) });
    assert.equal(verified.status, 200, JSON.stringify(verified.body));
    assert.equal(verified.body.state, 'signed_in');
  });

  it('drops the pending sign-in after five wrong e-mail codes', async () => {
    const hv = await company();
    const client = await freshClient(server);
    await client.post('/api/auth/activate', {
      tenant: hv.tenant.slug,
      code: hv.resident.activationCode,
      email: hv.resident.email,
      password: TEST_PASSWORD,
    });
    client.resetCsrf();
    await client.post('/api/auth/enroll/email');
    const wrong = wrongCode(mailedCode(server, hv.resident.email));
    for (let attempt = 1; attempt <= 4; attempt++) {
      const response = await client.post('/api/auth/enroll/email/confirm', { code: wrong });
      assert.equal(response.status, 400);
      assert.equal(response.body.error.code, 'invalid_code');
      assert.equal(await sessionState(client), 'enroll');
    }
    const fifth = await client.post('/api/auth/enroll/email/confirm', { code: wrong });
    assert.equal(fifth.status, 400);
    assert.equal(fifth.body.error.code, 'too_many_wrong_codes');
    assert.equal(await sessionState(client), 'anonymous');
    const late = await client.post('/api/auth/enroll/email/confirm', { code: mailedCode(server, hv.resident.email) });
    assert.equal(late.status, 409, 'the right code no longer helps');
  });

  it('rejects a wrong TOTP code and a replayed one', async () => {
    const hv = await company();
    const credentials = await activateAccount(await freshClient(server), hv, 'clerk');

    const client = await freshClient(server);
    const login = await client.post('/api/auth/login', {
      tenant: hv.tenant.slug,
      email: hv.clerk.email,
      password: TEST_PASSWORD,
      audience: 'staff',
    });
    assert.equal(login.status, 200);
    assert.equal(login.body.state, 'second_factor');
    assert.equal(login.body.secondFactor, 'totp');
    client.resetCsrf();
    const nextCode = await nextTotpCode(credentials);
    const wrong = await client.post('/api/auth/verify', { code: wrongCode(nextCode) });
    assert.equal(wrong.status, 400);
    assert.equal(wrong.body.error.code, 'invalid_code');
    const ok = await client.post('/api/auth/verify', { code: nextCode });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));

    const replay = await freshClient(server);
    await replay.post('/api/auth/login', { tenant: hv.tenant.slug, email: hv.clerk.email, password: TEST_PASSWORD, audience: 'staff' });
    replay.resetCsrf();
    const replayed = await replay.post('/api/auth/verify', { code: nextCode });
    assert.equal(replayed.status, 400);
    assert.equal(replayed.body.error.code, 'invalid_code');
    // Nor an older period's code.
    const older = await replay.post('/api/auth/verify', { code: await totpCode(credentials.totpSecret, -1) });
    assert.equal(older.status, 400);
  });

  it('allows staff only the authenticator app', async () => {
    const hv = await company();
    const client = await freshClient(server);
    await client.post('/api/auth/activate', {
      tenant: hv.tenant.slug,
      code: hv.admin.activationCode,
      email: hv.admin.email,
      password: TEST_PASSWORD,
    });
    client.resetCsrf();
    const session = await client.get('/api/session');
    assert.equal(session.body.state, 'enroll');
    assert.deepEqual(session.body.enrollOptions, ['totp']);
    const email = await client.post('/api/auth/enroll/email');
    assert.equal(email.status, 403);
    assert.equal(email.body.error.code, 'second_factor_not_allowed');
    const confirm = await client.post('/api/auth/enroll/email/confirm', { code: '123456' });
    assert.equal(confirm.status, 403);
    assert.equal(
      server.mailer.sent()?.some((mail) => mail.to === hv.admin.email),
      false,
    );
  });

  it('keeps residents out of the staff portal and staff out of the resident portal with the generic answer', async () => {
    const hv = await company();
    await activateAccount(await freshClient(server), hv, 'resident');
    await activateAccount(await freshClient(server), hv, 'clerk');
    const asStaff = await (
      await freshClient(server)
    ).post('/api/auth/login', {
      tenant: hv.tenant.slug,
      email: hv.resident.email,
      password: TEST_PASSWORD,
      audience: 'staff',
    });
    const asResident = await (
      await freshClient(server)
    ).post('/api/auth/login', {
      tenant: hv.tenant.slug,
      email: hv.clerk.email,
      password: TEST_PASSWORD,
      audience: 'resident',
    });
    const wrongPassword = await (
      await freshClient(server)
    ).post('/api/auth/login', {
      tenant: hv.tenant.slug,
      email: hv.resident.email,
      password: 'falsches-passwort',
      audience: 'resident',
    });
    for (const response of [asStaff, asResident, wrongPassword]) {
      assert.equal(response.status, 401);
      assert.deepEqual(response.body, { error: { code: 'invalid_credentials', message: 'E-Mail-Adresse oder Passwort ist falsch.' } });
    }
  });

  it('locks an address after five failures and answers an unknown address exactly the same', async () => {
    const hv = await company();
    await activateAccount(await freshClient(server), hv, 'resident');
    const attempt = (email: string, password: string) =>
      freshClient(server).then((client) =>
        client.post('/api/auth/login', { tenant: hv.tenant.slug, email, password, audience: 'resident' }),
      );
    for (const email of [hv.resident.email, `unbekannt@${hv.tenant.slug}.example`]) {
      for (let failure = 1; failure <= 5; failure++) {
        const response = await attempt(email, 'falsches-passwort');
        assert.equal(response.status, 401, `failure ${failure} for ${email}`);
        assert.equal(response.body.error.message, 'E-Mail-Adresse oder Passwort ist falsch.');
      }
      const lockedOut = await attempt(email, TEST_PASSWORD);
      assert.equal(lockedOut.status, 429, `locked: ${email}`);
      assert.deepEqual(lockedOut.body, {
        error: { code: 'locked', message: 'Zu viele Fehlversuche. Bitte versuchen Sie es in 15 Minuten erneut.' },
      });
    }
    // Another address of the same housing company is unaffected.
    await activateAccount(await freshClient(server), hv, 'neighbour');
  });

  it('does not let parallel guesses outrun the lockout', async () => {
    const hv = await company();
    const clients = await Promise.all(Array.from({ length: 10 }, () => freshClient(server)));
    const responses = await Promise.all(
      clients.map((client) =>
        client.post('/api/auth/login', {
          tenant: hv.tenant.slug,
          email: `raten@${hv.tenant.slug}.example`,
          password: 'geraten-123',
          audience: 'resident',
        }),
      ),
    );
    const statuses = responses.map((response) => response.status).sort();
    assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
  });

  it('ends a pending sign-in once its address is locked, even with the right code', async () => {
    const hv = await company();
    const credentials = await activateAccount(await freshClient(server), hv, 'clerk');
    const pendingClient = await freshClient(server);
    const login = await pendingClient.post('/api/auth/login', {
      tenant: hv.tenant.slug,
      email: hv.clerk.email,
      password: TEST_PASSWORD,
      audience: 'staff',
    });
    assert.equal(login.status, 200);
    pendingClient.resetCsrf();
    for (let failure = 1; failure <= 6; failure++) {
      await (
        await freshClient(server)
      ).post('/api/auth/login', { tenant: hv.tenant.slug, email: hv.clerk.email, password: 'geraten-123', audience: 'staff' });
    }
    const verify = await pendingClient.post('/api/auth/verify', { code: await nextTotpCode(credentials) });
    assert.equal(verify.status, 429);
    assert.equal(verify.body.error.code, 'locked');
    assert.equal(await sessionState(pendingClient), 'anonymous');
  });

  it('signs out', async () => {
    const hv = await company();
    const client = await freshClient(server);
    await activateAccount(client, hv, 'resident');
    const signedInCookie = sessionCookie(client);
    const logout = await client.post('/api/auth/logout');
    assert.equal(logout.status, 204);
    client.resetCsrf();
    assert.equal(await sessionState(client), 'anonymous');
    const reused = await fetch(`${server.url}/api/session`, { headers: { cookie: `mp.sid=${signedInCookie}` } });
    assert.equal(((await reused.json()) as { state: string }).state, 'anonymous', 'the old session id is dead');
  });

  it('signs out everywhere', async () => {
    const hv = await company();
    const first = await freshClient(server);
    const credentials = await activateAccount(first, hv, 'resident');
    const second = await signInWithPassword(server, credentials);
    const neighbour = await freshClient(server);
    await activateAccount(neighbour, hv, 'neighbour');
    assert.equal(await sessionState(second), 'signed_in');

    const everywhere = await first.post('/api/auth/logout-everywhere');
    assert.equal(everywhere.status, 204);
    first.resetCsrf();
    assert.equal(await sessionState(first), 'anonymous');
    assert.equal(await sessionState(second), 'anonymous', "the other device's session ended too");
    assert.equal(await sessionState(neighbour), 'signed_in', 'other accounts keep their sessions');
  });

  it('needs a signed-in session for logout-everywhere', async () => {
    const response = await (await freshClient(server)).post('/api/auth/logout-everywhere');
    assert.equal(response.status, 401);
    assert.equal(response.body.error.code, 'unauthenticated');
  });

  it('resets a password through the mailed link, once, and ends all sessions', async () => {
    const hv = await company();
    const credentials = await activateAccount(await freshClient(server), hv, 'resident');
    const otherDevice = await signInWithPassword(server, credentials);

    const anonymous = await freshClient(server);
    const request = await anonymous.post('/api/auth/password-reset', {
      tenant: hv.tenant.slug,
      email: hv.resident.email.toUpperCase(),
      returnUrl: 'https://www.wohnbau.example/mieterportal?seite=1#anmelden',
    });
    assert.equal(request.status, 202);
    const mail = server.mailer.sent()?.find((sent) => sent.to === hv.resident.email && /Passwort/.test(sent.subject));
    assert.ok(mail, 'reset mail sent');
    const link = /https?:\/\/\S+/.exec(mail.text)?.[0];
    assert.ok(link);
    const url = new URL(link);
    assert.equal(url.origin, 'https://www.wohnbau.example');
    assert.equal(url.pathname, '/mieterportal');
    assert.equal(url.searchParams.get('seite'), '1');
    const token = url.searchParams.get('mp-reset');
    assert.ok(token && token.length >= 43);

    const newPassword = 'Neues-Passwort-2026';
    const complete = await anonymous.post('/api/auth/password-reset/complete', { tenant: hv.tenant.slug, token, password: newPassword });
    assert.equal(complete.status, 204, JSON.stringify(complete.body));
    assert.equal(await sessionState(otherDevice), 'anonymous', 'existing sessions ended');

    const reused = await anonymous.post('/api/auth/password-reset/complete', {
      tenant: hv.tenant.slug,
      token,
      password: 'Noch-ein-Passwort-1',
    });
    assert.equal(reused.status, 400);
    assert.equal(reused.body.error.code, 'invalid_reset_token');

    const oldPassword = await (
      await freshClient(server)
    ).post('/api/auth/login', {
      tenant: hv.tenant.slug,
      email: hv.resident.email,
      password: TEST_PASSWORD,
      audience: 'resident',
    });
    assert.equal(oldPassword.status, 401);
    const withNew = await (
      await freshClient(server)
    ).post('/api/auth/login', {
      tenant: hv.tenant.slug,
      email: hv.resident.email,
      password: newPassword,
      audience: 'resident',
    });
    assert.equal(withNew.status, 200);
    assert.equal(withNew.body.state, 'second_factor', 'the second factor is still required');
  });

  it('answers every reset request alike and never links to a foreign origin', async () => {
    const hv: HousingCompany = await company();
    await activateAccount(await freshClient(server), hv, 'resident');
    const client = await freshClient(server);
    const before = server.mailer.sent()?.length ?? 0;
    const unknown = await client.post('/api/auth/password-reset', { tenant: hv.tenant.slug, email: `niemand@${hv.tenant.slug}.example` });
    const notActivated = await client.post('/api/auth/password-reset', { tenant: hv.tenant.slug, email: hv.clerk.email });
    assert.equal(unknown.status, 202);
    assert.equal(notActivated.status, 202);
    assert.equal(server.mailer.sent()?.length ?? 0, before, 'no mail for unknown or not yet activated addresses');

    const foreign = await client.post('/api/auth/password-reset', {
      tenant: hv.tenant.slug,
      email: hv.resident.email,
      returnUrl: 'https://evil.example/phish',
    });
    assert.equal(foreign.status, 202);
    const mail = server.mailer.sent()?.find((sent) => sent.to === hv.resident.email && /Passwort/.test(sent.subject));
    const link = new URL(/https?:\/\/\S+/.exec(mail!.text)![0]);
    assert.equal(link.origin, new URL(server.url).origin);
    assert.equal(link.pathname, '/');
    assert.ok(link.searchParams.get('mp-reset'));
  });

  it('serves a housing company’s public header data', async () => {
    const hv = await company();
    const response = await new TestClient(server.url).get(`/api/tenants/${hv.tenant.slug}`);
    assert.equal(response.status, 200);
    assert.deepEqual(response.body, { slug: hv.tenant.slug, name: hv.tenant.name, theme: {} });
    const missing = await new TestClient(server.url).get('/api/tenants/gibt-es-nicht');
    assert.equal(missing.status, 404);
  });
});
