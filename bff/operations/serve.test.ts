import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config.ts';
import { groupAlive, runAdmin, startServe, stopServe, type Serving } from './processes-test-support.ts';

describe('npm run serve (production command) without NODE_ENV and without demo mode', () => {
  let dataDir: string;
  let serving: Serving | undefined;
  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'mp-serve-'));
  });
  after(async () => {
    if (serving) await stopServe(serving.child);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('publishes no demo logins, no mailbox with reset links and no demo pages, and seeds no housing company', async () => {
    serving = await startServe({ DATA_DIR: dataDir });
    const { url } = serving;
    assert.equal((await fetch(`${url}/dev/demo-logins.json`)).status, 404, 'no TOTP codes and passwords for everyone');
    assert.equal((await fetch(`${url}/dev/demo-logins`)).status, 404);
    assert.equal((await fetch(`${url}/dev/outbox.json`)).status, 404, 'no activation and reset links for everyone');
    assert.equal((await fetch(`${url}/dev/outbox`)).status, 404);
    assert.equal((await fetch(`${url}/staff.html`)).status, 404, 'the demo site belongs to the demo');
    assert.doesNotMatch(serving.output(), /Demo-Zugänge|Demo-Mieter-2026|Aktivierungscode/);
    assert.equal((await fetch(`${url}/readyz`)).status, 200);
    const stopped = await stopServe(serving.child);
    assert.ok(stopped.code === 0 || stopped.signal === 'SIGTERM', `SIGTERM stops it (${JSON.stringify(stopped)})`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(groupAlive(serving.child), false, 'no process is left behind');
    serving = undefined;

    const tenants = await runAdmin(['list-tenants'], { DATA_DIR: dataDir });
    assert.equal(tenants.code, 0, tenants.stderr);
    assert.match(tenants.stdout, /Noch keine Hausverwaltungen angelegt/, 'no demo housing company was seeded');
  });
});

describe('demo mode', () => {
  it('refuses to start with NODE_ENV=production, naming the variable', () => {
    const production = {
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(32),
      DATA_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
    };
    assert.equal(loadConfig(production).DEMO_MODE, false);
    assert.throws(() => loadConfig({ ...production, DEMO_MODE: 'true' }), /DEMO_MODE: Der Demo-Modus ist in Produktion nicht erlaubt/);
  });
});
