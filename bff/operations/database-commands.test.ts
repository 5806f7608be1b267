import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { dropDatabase } from '../db/provision.ts';
import { listMigrations } from '../db/migrate.ts';
import { runAdmin, serveRefusal, startServe, stopServe, type Serving } from './processes-test-support.ts';

/** The administrator connection of the PostgreSQL server these tests provision on (as on CI). */
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

const envLines = (stdout: string) =>
  Object.fromEntries([...stdout.matchAll(/^(DATABASE_(?:OWNER_)?URL)=(\S+)$/gm)].map((m) => [m[1], m[2]]));

describe('npm run admin -- db provision / db migrate on a PostgreSQL server', async () => {
  const reachable = await postgresReachable();
  const database = `mp_ops_${randomBytes(4).toString('hex')}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'mp-ops-db-'));
  after(async () => {
    if (reachable) await dropDatabase(adminUrl, database);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'provisions the roles and the database, prints the URLs to use, and says so again on a second run',
    { skip: !reachable && `no PostgreSQL at ${adminUrl}` },
    async () => {
      const first = await runAdmin(['db', 'provision', '--admin-url', adminUrl, '--database', database], { DATA_DIR: dataDir });
      assert.equal(first.code, 0, first.stderr);
      assert.match(first.stdout, new RegExp(`Datenbank ${database}: angelegt`));
      const urls = envLines(first.stdout);
      assert.match(urls.DATABASE_URL, new RegExp(`^postgres://mieterportal_app(:[^@]+)?@[^/]+/${database}$`));
      assert.match(urls.DATABASE_OWNER_URL, new RegExp(`^postgres://mieterportal_owner(:[^@]+)?@[^/]+/${database}$`));
      assert.match(first.stdout, /Weiter: npm run admin -- db migrate/);

      const again = await runAdmin(['db', 'provision', '--admin-url', adminUrl, '--database', database], { DATA_DIR: dataDir });
      assert.equal(again.code, 0, again.stderr);
      assert.match(again.stdout, new RegExp(`Datenbank ${database}: bestand schon`));
      assert.match(again.stdout, /mieterportal_app \(Server\):\s+bestand schon, Passwort unverändert/);
      const urlsAgain = envLines(again.stdout);
      assert.equal(urlsAgain.DATABASE_URL.replace(/:[^@/]+@/, '@'), urls.DATABASE_URL.replace(/:[^@/]+@/, '@'));

      const env = { ...urls, DATA_DIR: dataDir };
      const migrated = await runAdmin(['db', 'migrate'], env);
      assert.equal(migrated.code, 0, migrated.stderr);
      assert.match(migrated.stdout, new RegExp(`${listMigrations().length} Migration\\(en\\) angewandt: 0001_foundation\\.sql`));
      const nothing = await runAdmin(['db', 'migrate'], env);
      assert.equal(nothing.code, 0, nothing.stderr);
      assert.match(nothing.stdout, /Das Schema ist aktuell \(\d+ Migrationen\), nichts zu tun/);
    },
  );

  it('refuses a bad database name and an --admin-url that is no PostgreSQL URL with a German message', async () => {
    const badName = await runAdmin(['db', 'provision', '--admin-url', adminUrl, '--database', 'Mieter-Portal'], { DATA_DIR: dataDir });
    assert.equal(badName.code, 2);
    assert.match(badName.stderr, /--database: „Mieter-Portal“ ist kein gültiger Name/);
    const badUrl = await runAdmin(['db', 'provision', '--admin-url', 'mysql://root@db/x'], { DATA_DIR: dataDir });
    assert.equal(badUrl.code, 2);
    assert.match(badUrl.stderr, /--admin-url muss eine PostgreSQL-URL sein/);
    const missing = await runAdmin(['db', 'provision'], { DATA_DIR: dataDir });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /Es fehlen Angaben für db provision: --admin-url/);
  });
});

describe('MIGRATE_AT_START=false', () => {
  let dataDir: string;
  let serving: Serving | undefined;
  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'mp-ops-migrate-'));
  });
  after(async () => {
    if (serving) await stopServe(serving.child);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses to serve on a schema that is behind, naming the command; after db migrate it serves', async () => {
    const env = { DATA_DIR: dataDir, MIGRATE_AT_START: 'false' };
    const refused = await serveRefusal(env);
    assert.equal(refused.code, 1, refused.output);
    assert.match(refused.output, /Das Datenbankschema ist nicht aktuell: \d+ Migration\(en\) fehlen \(0001_foundation\.sql/);
    assert.match(refused.output, /zuerst `npm run admin -- db migrate` ausführen/);
    assert.doesNotMatch(refused.output, /\n\s+at /, 'a message, not a stack trace');

    const onboarding = await runAdmin(['list-tenants'], env);
    assert.equal(onboarding.code, 1, 'the admin CLI does not migrate behind the operator’s back either');
    assert.match(onboarding.stderr, /Das Datenbankschema ist nicht aktuell/);

    const migrated = await runAdmin(['db', 'migrate'], env);
    assert.equal(migrated.code, 0, migrated.stderr);
    serving = await startServe(env);
    assert.equal((await fetch(`${serving.url}/readyz`)).status, 200);
  });
});
