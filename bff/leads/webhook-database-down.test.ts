import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import pg from 'pg';
import { openDatabase, type Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { dropDatabase, provisionDatabase } from '../db/provision.ts';
import { startServer, type RunningServer } from '../server.ts';
import { createHousingCompany, type HousingCompany } from '../test/fixtures.ts';
import { TEST_ADMIN_TOKEN, TEST_DATA_ENCRYPTION_KEY } from '../test/harness.ts';
import { signInStaff } from '../test/sign-in.ts';
import { createListing, createWebhookSecret, hookPath, is24Enquiry, postWebhook, signedHeaders } from './lead-test-support.ts';

/**
 * The database goes away while a portal delivers an enquiry: the webhook answers 503 with Retry-After (so the
 * portal's retry logic sends it again), stores nothing half, and the retry of the very same signed request
 * within the 5 minutes creates the lead once. The BFF reaches PostgreSQL through a TCP proxy on loopback that
 * the test cuts and restores, as a network partition or a database restart would. Needs a PostgreSQL server
 * (DATABASE_URL as an administrator connection, else the local one of developer machines and CI), on both
 * passes of the suite: an embedded PGlite cannot go away.
 */
const ADMIN_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

/** Forwards TCP connections to PostgreSQL until cut: then every connection is dropped and new ones are refused. */
class DatabaseProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async open(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  async cut(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server!.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }
}

describe('the lead webhook while the database is away', () => {
  const name = `mp_test_down_${process.pid}_${randomBytes(3).toString('hex')}`;
  let proxy: DatabaseProxy;
  let db: Database;
  let server: RunningServer;
  let company: HousingCompany;
  let secret: string;
  let mailSecret: string;
  let providerListingId: string;
  let admin: pg.Client;

  before(async () => {
    const urls = await provisionDatabase({ adminUrl: ADMIN_URL, database: name }).catch((error: Error) =>
      assert.fail(`PostgreSQL is not reachable at ${ADMIN_URL} (${error.message}); this test needs it, or set DATABASE_URL.`),
    );
    const direct = await openDatabase({ ...urls, poolSize: 2 });
    await migrate(direct);
    await direct.close();
    const app = new URL(urls.url);
    proxy = new DatabaseProxy({ host: app.hostname, port: Number(app.port || 5432) });
    await proxy.open();
    const viaProxy = (url: string) => {
      const proxied = new URL(url);
      proxied.hostname = '127.0.0.1';
      proxied.port = String(proxy.port);
      return proxied.href;
    };
    db = await openDatabase({ url: viaProxy(urls.url), ownerUrl: viaProxy(urls.ownerUrl), poolSize: 3 });
    server = await startServer({
      db,
      env: {
        NODE_ENV: 'test',
        PORT: '0',
        LOG_LEVEL: 'silent',
        ADMIN_API_TOKEN: TEST_ADMIN_TOKEN,
        DATA_ENCRYPTION_KEY: TEST_DATA_ENCRYPTION_KEY,
        DATA_DIR: `/tmp/${name}`,
      },
    });
    company = await createHousingCompany(db);
    const clerk = await signInStaff(server, company, 'clerk');
    providerListingId = (await createListing(clerk, company)).portalIds[0].providerListingId;
    const staffAdmin = await signInStaff(server, company, 'admin');
    secret = (await createWebhookSecret(staffAdmin, 'immoscout24')).value;
    mailSecret = (await createWebhookSecret(staffAdmin, 'mail')).value;
    const inDatabase = new URL(ADMIN_URL);
    inDatabase.pathname = `/${name}`;
    admin = new pg.Client({ connectionString: inDatabase.href });
    await admin.connect();
  });
  after(async () => {
    await server?.stop();
    await db?.close();
    await proxy?.cut();
    await admin?.end();
    await dropDatabase(ADMIN_URL, name);
  });

  const leadsOfCompany = async () =>
    Number((await admin.query<{ n: string }>(`SELECT count(*) AS n FROM leads WHERE tenant_id = $1`, [company.tenant.id])).rows[0].n);

  it('answers 503 with Retry-After and stores nothing; the same signed request later creates the lead once', async () => {
    const raw = JSON.stringify(is24Enquiry(providerListingId));
    const headers = signedHeaders(secret, raw);
    const before = await leadsOfCompany();

    await proxy.cut();
    const down = await postWebhook(server.url, hookPath(company, 'immoscout24'), raw, headers);
    assert.equal(down.status, 503, JSON.stringify(down.body));
    assert.equal(down.body.error.code, 'database_unavailable');
    assert.match(down.body.error.message, /Datenbank/);
    assert.ok(Number(down.headers.get('retry-after')) > 0, 'Retry-After names when to try again');
    assert.equal(await leadsOfCompany(), before, 'nothing stored');

    await proxy.open();
    const retried = await postWebhook(server.url, hookPath(company, 'immoscout24'), raw, headers);
    assert.equal(retried.status, 200, JSON.stringify(retried.body));
    assert.equal(retried.body.duplicate, false);
    const again = await postWebhook(server.url, hookPath(company, 'immoscout24'), raw, headers);
    assert.deepEqual(again.body, { leadId: retried.body.leadId, duplicate: true });
    assert.equal(await leadsOfCompany(), before + 1);
  });

  it('a relay’s portal mail: 503 with Retry-After while the database is away, nothing stored; delivered again, one lead', async () => {
    const raw = readFileSync(new URL('./intake/testdata/is24-feedback-attachment.eml', import.meta.url));
    const send = () =>
      fetch(`${server.url}/hooks/${company.tenant.slug}/mail`, {
        method: 'POST',
        headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${mailSecret}` },
        body: raw,
      });
    const before = await leadsOfCompany();
    await proxy.cut();
    const down = await send();
    assert.equal(down.status, 503);
    assert.ok(Number(down.headers.get('retry-after')) > 0);
    assert.equal(((await down.json()) as { error: { code: string } }).error.code, 'database_unavailable');
    await proxy.open();
    assert.equal(await leadsOfCompany(), before, 'nothing stored');
    const retried = await send();
    assert.equal(retried.status, 200);
    const answer = (await retried.json()) as { leads: Array<{ duplicate: boolean }> };
    assert.deepEqual(
      answer.leads.map((lead) => lead.duplicate),
      [false],
    );
    assert.equal(await leadsOfCompany(), before + 1);
  });
});
