import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { connect, createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { dropDatabase, provisionDatabase, type ProvisionedUrls } from '../db/provision.ts';

/**
 * The BFF as an operator runs it: `bff/main.ts` as a child process against a throwaway database on the
 * local PostgreSQL server (DATABASE_URL as an administrator connection, else the one of developer machines
 * and CI), with an administrator connection inside that database to pull the rug.
 */
export const ADMIN_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

const root = fileURLToPath(new URL('../../', import.meta.url));
const main = fileURLToPath(new URL('../main.ts', import.meta.url));

export interface ThrowawayDatabase {
  name: string;
  urls: ProvisionedUrls;
  /** A superuser connection inside the database. */
  admin: pg.Client;
  drop(): Promise<void>;
}

export async function throwawayDatabase(prefix: string): Promise<ThrowawayDatabase> {
  const name = `mp_test_${prefix}_${process.pid}_${randomBytes(3).toString('hex')}`;
  const urls = await provisionDatabase({ adminUrl: ADMIN_URL, database: name }).catch((error: Error) => {
    throw new Error(`PostgreSQL is not reachable at ${ADMIN_URL} (${error.message}); this test needs it, or set DATABASE_URL.`);
  });
  const inDatabase = new URL(ADMIN_URL);
  inDatabase.pathname = `/${name}`;
  const admin = new pg.Client({ connectionString: inDatabase.href });
  await admin.connect();
  return {
    name,
    urls,
    admin,
    async drop() {
      await admin.end().catch(() => undefined);
      await dropDatabase(ADMIN_URL, name);
    },
  };
}

export interface BffProcess {
  child: ChildProcess;
  url: string;
  /** Everything the process wrote so far (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string | null>;
}

/** Starts `bff/main.ts` in production mode (no demo data) and waits until it serves. */
export function startBffProcess(urls: ProvisionedUrls, env: Record<string, string> = {}): Promise<BffProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      SESSION_SECRET: randomBytes(32).toString('hex'),
      DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      DATA_DIR: mkdtempSync(join(tmpdir(), 'mp-process-')),
      DATABASE_URL: urls.url,
      DATABASE_OWNER_URL: urls.ownerUrl,
      REDIS_URL: '',
      PORT: '0',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the BFF did not come up:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Mieterportal läuft: (http:\/\/\S+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url, output: () => output, exited });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => reject(new Error(`the BFF exited with ${code}:\n${output}`)));
  });
}

/** Connections of one role to one database, as PostgreSQL lists them. */
export async function connectionsOf(admin: pg.Client, database: string, role: string): Promise<Array<{ pid: number; state: string }>> {
  const { rows } = await admin.query<{ pid: number; state: string }>(
    `SELECT pid, state FROM pg_stat_activity WHERE datname = $1 AND usename = $2`,
    [database, role],
  );
  return rows;
}

export async function waitFor(what: string, probe: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * A network path to PostgreSQL that can be cut like a partition: until `cut()` it forwards bytes both
 * ways; afterwards nothing passes and new connections are accepted but never answered (no reset, no
 * error: what a dead router or a failed-over host looks like to the BFF).
 */
export interface PartitionableLink {
  /** `url` with its host and port replaced by the link's. */
  route(url: string): string;
  cut(): void;
  close(): Promise<void>;
}

export async function partitionableLink(
  target = { host: '127.0.0.1', port: Number(new URL(ADMIN_URL).port || 5432) },
): Promise<PartitionableLink> {
  let isCut = false;
  const sockets = new Set<Socket>();
  const server = createNetServer((client) => {
    sockets.add(client);
    client.on('error', () => undefined);
    client.on('close', () => sockets.delete(client));
    if (isCut) return;
    const upstream = connect(target.port, target.host);
    sockets.add(upstream);
    upstream.on('error', () => client.destroy());
    upstream.on('close', () => sockets.delete(upstream));
    client.on('data', (chunk) => void (isCut || upstream.write(chunk)));
    upstream.on('data', (chunk) => void (isCut || client.write(chunk)));
    client.on('end', () => upstream.end());
    upstream.on('end', () => isCut || client.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    route(url) {
      const parsed = new URL(url);
      parsed.hostname = '127.0.0.1';
      parsed.port = String(port);
      return parsed.toString();
    },
    cut() {
      isCut = true;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
