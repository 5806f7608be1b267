import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const main = fileURLToPath(new URL('../main.ts', import.meta.url));

interface Started {
  child: ChildProcess;
  url: string;
  output: string;
}

/** Every BFF this file started and has not stopped: a failed assertion must not leave one running (the run would hang). */
const running = new Set<ChildProcess>();

/** Starts bff/main.ts (what `npm start` runs after the build) and waits for the demo-logins table. */
function startMain(dataDir: string): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', main, '--demo'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      DATABASE_OWNER_URL: '',
      PORT: '0',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not come up:\n${output}`)), 180_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Mieterportal läuft: (http:\/\/\S+)/.exec(output)?.[1];
      if (url && output.includes('Beenden mit Strg+C')) {
        clearTimeout(timer);
        resolve({ child, url, output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
}

/** The shell blocks of docs/leads.md's "Try it" after the one that sets URL and SECRET: X-Signature, Standard Webhooks. */
function tryItBlocks(): string[] {
  const doc = readFileSync(new URL('../../docs/leads.md', import.meta.url), 'utf8');
  const section = doc.slice(doc.indexOf('### Try it'), doc.indexOf('## Listings'));
  const blocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1]);
  assert.match(blocks[0], /^URL=.*\nSECRET=/, 'the first block sets URL and SECRET');
  return blocks.slice(1);
}

function runShell(script: string, env: Record<string, string>): string {
  return execFileSync('bash', ['-euo', 'pipefail', '-c', script], { env: { ...process.env, ...env }, encoding: 'utf8' }).trim();
}

function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', (code) => resolve(code));
    child.kill(signal);
  });
}

describe('npm start (bff/main.ts) with the embedded database', () => {
  let dataDir: string;
  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'mp-start-'));
  });
  after(() => {
    for (const child of running) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('seeds two housing companies, prints the demo logins, stops on SIGTERM and keeps the data for the next start', async () => {
    const first = await startMain(dataDir);
    assert.match(first.output, /Demo-Website\s+http:\/\/127\.0\.0\.1:\d+\//);
    assert.match(first.output, /Mitarbeiterseite\s+http:\/\/127\.0\.0\.1:\d+\/staff\.html/);
    assert.match(first.output, /Postausgang \(Mails\)\s+http:\/\/127\.0\.0\.1:\d+\/dev\/outbox/);
    assert.match(first.output, /wohnbau-nord\s+Mieter\s+erika\.mustermann@wohnbau-nord\.example\s+Demo-Mieter-2026\s+[A-Z2-7]{32}/);
    assert.match(first.output, /stadthaus-sued\s+Verwaltung\s+alois\.verwalter@stadthaus-sued\.example/);
    const firstCode = /max\.nachbar@wohnbau-nord\.example.*?([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})/.exec(first.output)?.[1];
    assert.ok(firstCode, first.output);

    // The printed lead webhook and its secret work with docs/leads.md's curl + openssl example, as pasted.
    const hook = /wohnbau-nord\s+immoscout24\s+(http:\/\/\S+)\s+(whsec_\S+)/.exec(first.output);
    assert.ok(hook, first.output);
    const [xSignature, standardWebhooks] = tryItBlocks();
    const sent = runShell(xSignature, { URL: hook[1], SECRET: hook[2] });
    assert.match(sent, /^\{"leadId":"[0-9a-f-]{36}","duplicate":false\}$/, sent);
    const resent = runShell(`${xSignature}\n${standardWebhooks}`, { URL: hook[1], SECRET: hook[2] });
    assert.match(resent, /"duplicate":true\}\{"leadId":"[0-9a-f-]{36}","duplicate":true\}$/, resent);

    type DemoLogins = { logins: { email: string }[] };
    const demoLogins = (await (await fetch(`${first.url}/dev/demo-logins.json`)).json()) as DemoLogins;
    // Per company a resident, clerk and admin, Max's activation code, and Wohnbau Nord's owner (docs/owners.md).
    assert.equal(demoLogins.logins.length, 9);
    assert.ok(existsSync(join(dataDir, 'pglite.lock')), 'the embedded database is locked while the server runs');
    assert.equal(await stop(first.child, 'SIGTERM'), 0);
    assert.equal(existsSync(join(dataDir, 'pglite.lock')), false, 'the lock is released on shutdown');

    const second = await startMain(dataDir);
    const secondCode = /max\.nachbar@wohnbau-nord\.example.*?([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})/.exec(second.output)?.[1];
    assert.ok(secondCode && secondCode !== firstCode, 'a fresh activation code at every start');
    const again = (await (await fetch(`${second.url}/dev/demo-logins.json`)).json()) as DemoLogins;
    const emails = (body: DemoLogins) => body.logins.map((login) => login.email);
    assert.deepEqual(emails(again), emails(demoLogins));
    assert.equal(await stop(second.child, 'SIGINT'), 0);
  });
});
