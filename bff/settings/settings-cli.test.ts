import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeTestDatabase, testDatabase } from '../test/harness.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = fileURLToPath(new URL('../onboarding/cli.ts', import.meta.url));

/** Runs `npm run admin -- …` as the operator does, as a separate process (PostgreSQL with DATABASE_URL, else PGlite). */
describe('admin CLI: settings', () => {
  let dataDir: string;
  let env: Record<string, string>;
  const admin = (...args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', cli, ...args],
        { cwd: root, env: { ...process.env, NODE_ENV: 'development', ...env }, timeout: 120_000 },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'mp-cli-settings-'));
    env = { DATA_DIR: dataDir, DATABASE_URL: '', DATABASE_OWNER_URL: '' };
    if (process.env.DATABASE_URL) {
      const { urls } = await testDatabase();
      env = { DATA_DIR: dataDir, DATABASE_URL: urls!.url, DATABASE_OWNER_URL: urls!.ownerUrl };
    }
  });
  after(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await closeTestDatabase();
  });

  it('shows, changes (with validation) and lists the changes of a company’s settings', async () => {
    const slug = `cli-settings-${process.pid}`;
    assert.equal((await admin('create-tenant', '--slug', slug, '--name', 'Wohnen am See eG')).code, 0);

    const changed = await admin(
      'settings',
      '--tenant',
      slug,
      '--set',
      JSON.stringify({ emergencyNumbers: [{ label: 'Notdienst', phone: '040 123 456' }], chatHistoryDays: 30 }),
      '--history',
    );
    assert.equal(changed.code, 0, changed.stderr);
    assert.match(changed.stdout, /Einstellungen von Wohnen am See eG geändert/);
    assert.match(changed.stdout, /Notrufnummern \(Bezeichnung und Telefonnummer\)\s+emergencyNumbers\s+Notdienst: 040 123 456/);
    assert.match(changed.stdout, /Aufbewahrung der Chatverläufe \(Tage\)\s+chatHistoryDays\s+30/);
    assert.match(changed.stdout, /Plattform\s+chatHistoryDays\s+90 → 30/);

    const bad = await admin('settings', '--tenant', slug, '--set', '{"chatHistoryDays": 0, "portalPageUrl": "ftp://x"}');
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /Aufbewahrung der Chatverläufe \(Tage\) \(chatHistoryDays\): Mindestens 1 Tag/);
    assert.match(bad.stderr, /\(portalPageUrl\): Bitte eine vollständige Adresse mit http/);
    const shown = await admin('settings', '--tenant', slug);
    assert.match(shown.stdout, /chatHistoryDays\s+30/, 'the refused change changed nothing');
  });
});
