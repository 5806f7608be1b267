import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { dropDatabase } from '../db/provision.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const DOC_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const adminUrl = process.env.DATABASE_URL ?? DOC_ADMIN_URL;

/** The shell block between the walk-through markers of docs/operations.md, one command a line. */
function walkthrough(): string[] {
  const doc = readFileSync(join(root, 'docs/operations.md'), 'utf8');
  const block = /<!-- walkthrough:start -->\n```sh\n([\s\S]*?)```\n<!-- walkthrough:end -->/.exec(doc)?.[1];
  assert.ok(block, 'docs/operations.md has the walk-through block');
  return block.trim().split('\n');
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

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

describe('docs/operations.md, word for word, from a clean state against the local PostgreSQL', async () => {
  const reachable = await postgresReachable();
  const database = `mp_walk_${randomBytes(4).toString('hex')}`;
  const dir = mkdtempSync(join(tmpdir(), 'mp-walk-'));
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !['NODE_ENV', 'DEMO_MODE', 'MIGRATE_AT_START', 'DATABASE_URL', 'DATABASE_OWNER_URL', 'REDIS_URL'].includes(name),
    ),
  );
  const env = { ...inherited, DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'warn' };
  let server: ChildProcess | undefined;
  after(async () => {
    if (server && server.exitCode === null) {
      await new Promise((resolve) => {
        server!.once('exit', resolve);
        process.kill(-server!.pid!, 'SIGTERM');
      });
    }
    if (reachable) await dropDatabase(adminUrl, database);
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'provisions, migrates, serves, answers /readyz and creates a housing company with the documented commands',
    { skip: !reachable && `no PostgreSQL at ${adminUrl}`, timeout: 300_000 },
    async () => {
      const port = await freePort();
      const lines = walkthrough();
      assert.equal(lines[0], 'npm ci && npm run build', 'the first step installs and builds (done by the suite already, skipped here)');
      // The only replacements: a fresh database, a free port, temporary files, and the server's administrator URL.
      const commands = lines
        .slice(1)
        .map((line) =>
          line
            .replaceAll(DOC_ADMIN_URL, adminUrl)
            .replaceAll('--database mieterportal', `--database ${database}`)
            .replaceAll('provision.txt', join(dir, 'provision.txt'))
            .replaceAll('mieterportal.env', join(dir, 'mieterportal.env'))
            .replaceAll(':3000/', `:${port}/`)
            .replaceAll('PORT=3000', `PORT=${port}`),
        );
      const outputs: string[] = [];
      for (const command of commands) {
        if (command.includes('npm run serve')) {
          server = spawn('bash', ['-c', command], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
          let output = '';
          await new Promise<void>((resolve, reject) => {
            const onData = (chunk: Buffer) => {
              output += chunk.toString();
              if (output.includes('Mieterportal läuft')) resolve();
            };
            server!.stdout!.on('data', onData);
            server!.stderr!.on('data', onData);
            server!.once('exit', (code) => reject(new Error(`${command}\nexited with ${code}:\n${output}`)));
          });
          outputs.push(output);
          continue;
        }
        const result = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
          execFile('bash', ['-c', command], { cwd: root, env, timeout: 120_000 }, (error, stdout, stderr) =>
            resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
          );
        });
        assert.equal(result.code, 0, `${command}\n${result.stdout}\n${result.stderr}`);
        outputs.push(result.stdout);
      }
      const provision = readFileSync(join(dir, 'provision.txt'), 'utf8');
      assert.match(provision, new RegExp(`Datenbank ${database}: angelegt`));
      assert.match(readFileSync(join(dir, 'mieterportal.env'), 'utf8'), /^DATABASE_URL=postgres:\/\/mieterportal_app/m);
      assert.match(outputs.join('\n'), /\d+ Migration\(en\) angewandt/);
      assert.doesNotMatch(outputs.join('\n'), /Demo-Zugänge/, 'npm run serve publishes no demo logins');
      const ready = JSON.parse(outputs.find((output) => output.includes('"status"'))!) as { status: string };
      assert.equal(ready.status, 'ready');
      assert.match(outputs.at(-1)!, /Hausverwaltung angelegt: Wohnbau-Nord-eG \(wohnbau-nord\)/);
    },
  );
});
