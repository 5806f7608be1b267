import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { Database } from '../db/database.ts';
import { startServer, type RunningServer } from '../server.ts';
import { closeTestDatabase, mailsTo, TEST_ADMIN_TOKEN, TEST_DATA_ENCRYPTION_KEY, testDatabase, TestClient } from '../test/harness.ts';
import { createHousingCompany } from '../test/fixtures.ts';
import { activateAccount, nextTotpCode, signInResident, TEST_PASSWORD } from '../test/sign-in.ts';

after(closeTestDatabase);

/** The BFF's log as an operator's log collector receives it: one JSON object per line. */
class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _encoding: string, callback: () => void) {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    callback();
  }
  text(): string {
    return this.lines.join('\n');
  }
  entries(): Record<string, any>[] {
    return this.lines.map((line) => JSON.parse(line));
  }
}

describe('request logs leak no secrets', () => {
  let db: Database;
  let server: RunningServer;
  const log = new LogCapture();
  before(async () => {
    db = (await testDatabase()).db;
    server = await startServer({
      db,
      logger: pino({ level: 'info' }, log),
      env: {
        NODE_ENV: 'test',
        PORT: '0',
        DATA_DIR: mkdtempSync(join(tmpdir(), 'mp-test-')),
        ADMIN_API_TOKEN: TEST_ADMIN_TOKEN,
        DATA_ENCRYPTION_KEY: TEST_DATA_ENCRYPTION_KEY,
      },
    });
  });
  after(() => server?.stop());

  it('logs a sign-in with TOTP, a password reset and an admin API call without cookies, tokens, codes or passwords', async () => {
    const hv = await createHousingCompany(db);
    const client = new TestClient(server.url);
    const csrfBefore = await client.csrfToken();
    const credentials = await activateAccount(client, hv, 'resident');
    const sessionCookie = client.cookieHeader().replace(/^mp\.sid=/, '');
    const csrfAfter = await client.csrfToken();
    assert.equal((await client.get('/api/session')).body.state, 'signed_in');

    // A second sign-in with password and a TOTP code.
    const second = new TestClient(server.url);
    const login = await second.post('/api/auth/login', { ...credentials, tenant: hv.tenant.slug });
    assert.equal(login.status, 200);
    second.resetCsrf();
    const totp = await nextTotpCode(credentials);
    assert.equal((await second.post('/api/auth/verify', { code: totp })).status, 200);

    // A password reset: its link is opened on the BFF's own page.
    const reset = await new TestClient(server.url).post('/api/auth/password-reset', { tenant: hv.tenant.slug, email: hv.resident.email });
    assert.equal(reset.status, 202);
    const [mail] = await mailsTo(server, hv.resident.email);
    const link = /https?:\/\/\S+mp-reset=([\w-]+)/.exec(mail.text)!;
    const resetToken = link[1];
    await fetch(link[0]);

    const admin = new TestClient(server.url, { bearer: TEST_ADMIN_TOKEN });
    const reissued = await admin.post(`/api/admin/tenants/${hv.tenant.slug}/activation-codes`, { residentRef: 'M-1002' });
    assert.equal(reissued.status, 201);

    await new Promise((resolve) => setTimeout(resolve, 50));
    const text = log.text();
    assert.ok(text.includes('/api/auth/verify'), 'the requests are logged');
    for (const [what, secret] of Object.entries({
      sessionCookie,
      csrfBefore,
      csrfAfter,
      password: TEST_PASSWORD,
      totpSecret: credentials.totpSecret,
      totpCode: totp,
      resetToken,
      adminToken: TEST_ADMIN_TOKEN,
      activationCode: reissued.body.activationCode,
      residentLetterCode: hv.resident.activationCode,
    })) {
      assert.ok(!text.includes(secret), `${what} appears in the log`);
    }
    const adminLine = log.entries().find((entry) => entry.req?.url?.includes('/activation-codes'));
    assert.equal(adminLine?.req.headers.authorization, '[Redacted]');
    const cookieLine = log.entries().find((entry) => entry.req?.url === '/api/auth/verify');
    assert.equal(cookieLine?.req.headers.cookie, '[Redacted]');
    assert.equal(cookieLine?.res.headers['set-cookie'], '[Redacted]');
    assert.ok(log.entries().some((entry) => entry.req?.url === '/?mp-reset=%5BRedacted%5D'));
  });

  it('logs a chat without what the resident wrote, what the assistant answered or what went into the case', async () => {
    const hv = await createHousingCompany(db);
    const client = await signInResident(server, hv);
    const notice = await client.get('/api/chat/notice');
    assert.equal((await client.post('/api/chat/notice/acknowledge', { version: notice.body.version })).status, 200);
    const { body } = await client.post('/api/chat/conversations');
    const conversation = `/api/chat/conversations/${body.conversation.id}`;
    const question = 'Darf ich meinen Papagei Kasimir-4711 auf dem Balkon halten?';

    // The offline assistant (no model key here) offers a request; "ja" drafts it with the conversation's excerpt.
    const offered = await client.post(`${conversation}/messages`, { text: question });
    assert.equal(offered.status, 200);
    const drafted = await client.post(`${conversation}/messages`, { text: 'ja' });
    const draftId = /"draftId":"([0-9a-f-]{36})"/.exec(String(drafted.body))?.[1];
    assert.ok(draftId, String(drafted.body));
    const confirmed = await client.post(`/api/chat/drafts/${draftId}/confirm`, { attachmentIds: [] });
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
    // Refused input and the Art. 15 export are logged without their content too.
    const tooLong = await client.post(`${conversation}/messages`, { text: `Kasimir-4711 ${'x'.repeat(4100)}` });
    assert.equal(tooLong.status, 400);
    assert.equal((await client.get('/api/chat/export')).status, 200);

    await new Promise((resolve) => setTimeout(resolve, 50));
    const text = log.text();
    assert.ok(text.includes(`${conversation}/messages`), 'the chat requests are logged');
    assert.ok(!text.includes('Kasimir-4711'), 'what the resident wrote appears in the log');
    assert.ok(!text.includes('Papagei'), 'what the resident wrote appears in the log');
    assert.ok(!text.includes('Das kann ich leider nicht beantworten'), 'the assistant’s answer appears in the log');
    assert.ok(!text.includes(confirmed.body.case.title), 'the case filed from the chat appears in the log');
  });

  it('takes a well-formed X-Request-Id, replaces a malformed one with a UUID and echoes it', async () => {
    const given = 'edge-7f3c2a10-request';
    const kept = await fetch(`${server.url}/api/session`, { headers: { 'x-request-id': given } });
    assert.equal(kept.headers.get('x-request-id'), given);
    const malformed = 'x\u0000"injected\nline';
    const replaced = await fetch(`${server.url}/api/session`, { headers: { 'x-request-id': encodeURIComponent(malformed) + ' bad' } });
    assert.match(replaced.headers.get('x-request-id') ?? '', /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const fresh = await fetch(`${server.url}/api/session`);
    assert.match(fresh.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.ok(log.entries().some((entry) => entry.req?.id === given));
    assert.ok(log.entries().some((entry) => entry.req?.id === replaced.headers.get('x-request-id')));
  });
});
