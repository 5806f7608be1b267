import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { dropDatabase, provisionDatabase, type ProvisionedUrls } from '../db/provision.ts';

/**
 * A real installation on this machine: a throwaway database on the PostgreSQL server, BFF instances as
 * separate processes sharing it and Redis, and HAProxy in front of them (the Debian package). Used by the
 * scale-out drill (`npm run drill`) and the two-instance benchmark.
 */

export const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
export const HAPROXY = process.env.HAPROXY_PATH ?? '/usr/sbin/haproxy';

/** What `npm run serve` runs: each instance is the production command, configured by its environment. */
const ENTRY = fileURLToPath(new URL('../main.ts', import.meta.url));

export interface Instance {
  name: string;
  port: number;
  url: string;
  process: ChildProcess | undefined;
  /** The instance's last lines of output, for the error message when it fails. */
  output: string[];
}

export interface Cluster {
  /** The app-role connection of the drill itself (fixtures, counting rows). */
  db: Database;
  urls: ProvisionedUrls;
  instances: Instance[];
  /** The balancer's address: what a housing company's homepage talks to. */
  url: string;
  /** Kills an instance at once (SIGKILL: a crashed host, not a deploy). */
  kill(instance: Instance): Promise<void>;
  /** Stops an instance as a deploy does (SIGTERM: it finishes what it has and closes). */
  stop(instance: Instance): Promise<void>;
  /** Starts a killed or stopped instance again on its port. */
  start(instance: Instance): Promise<void>;
  close(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what}: nicht bereit nach ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const ready = (url: string) => async () => (await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(1000) })).ok;

/** HAProxy as the documented deployment uses it (docs/operations.md): health checks on /readyz, sticky socket.io. */
function haproxyConfig(port: number, instances: Instance[]): string {
  return [
    'global',
    '  maxconn 2000',
    'defaults',
    '  mode http',
    '  timeout connect 1s',
    '  timeout client 60s',
    '  timeout server 60s',
    '  timeout tunnel 1h',
    '  option redispatch',
    '  retries 2',
    'frontend portal',
    `  bind 127.0.0.1:${port}`,
    '  default_backend bff',
    'backend bff',
    '  balance roundrobin',
    // Browsers open socket.io by long-polling first: those requests must reach the instance that holds the
    // engine.io session, so the balancer pins a browser with its own cookie; a dead instance's browsers move on.
    '  cookie mp_instance insert indirect nocache httponly',
    '  option httpchk GET /readyz',
    '  http-check expect status 200',
    '  default-server inter 300ms fall 2 rise 2',
    ...instances.map((instance) => `  server ${instance.name} 127.0.0.1:${instance.port} check cookie ${instance.name}`),
    '',
  ].join('\n');
}

export async function startCluster(options: { instances?: number; name?: string } = {}): Promise<Cluster> {
  if (!existsSync(HAPROXY)) throw new Error(`HAProxy fehlt (${HAPROXY}): apt-get install haproxy`);
  const database = options.name ?? `mp_drill_${process.pid}`;
  const urls = await provisionDatabase({ adminUrl: ADMIN_URL, database });
  const db = await openDatabase({ ...urls, poolSize: 4 });
  await migrate(db);
  const dir = mkdtempSync(join(tmpdir(), 'mp-drill-'));
  // One secret for all instances: a session cookie signed by one must be valid on the other.
  const shared = {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    DATABASE_URL: urls.url,
    DATABASE_OWNER_URL: urls.ownerUrl,
    REDIS_URL,
    SESSION_SECRET: randomBytes(48).toString('base64url'),
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    // Every drill client signs in from loopback.
    AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    LOG_LEVEL: 'warn',
    OUTBOX_POLL_MS: '200',
  };
  const instances: Instance[] = [];
  for (let i = 0; i < (options.instances ?? 2); i++) {
    const port = await freePort();
    instances.push({ name: `bff${i + 1}`, port, url: `http://127.0.0.1:${port}`, process: undefined, output: [] });
  }

  const start = async (instance: Instance) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
      env: { ...process.env, ...shared, PORT: String(instance.port), DATA_DIR: join(dir, instance.name) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    instance.process = child;
    const keep = (chunk: Buffer) => {
      instance.output.push(...chunk.toString().split('\n').filter(Boolean));
      instance.output.splice(0, Math.max(0, instance.output.length - 40));
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const exited = new Promise<never>((_resolve, reject) =>
      child.once('exit', (code) => reject(new Error(`${instance.name} beendet (${code}):\n${instance.output.join('\n')}`))),
    );
    exited.catch(() => {});
    await Promise.race([waitUntil(instance.name, ready(instance.url), 30_000), exited]);
  };
  const stopProcess = async (instance: Instance, signal: NodeJS.Signals) => {
    const child = instance.process;
    instance.process = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  };

  const balancerPort = await freePort();
  const config = join(dir, 'haproxy.cfg');
  writeFileSync(config, haproxyConfig(balancerPort, instances));
  let balancer: ChildProcess | undefined;
  const close = async () => {
    if (balancer && balancer.exitCode === null) {
      const exited = new Promise((resolve) => balancer!.once('exit', resolve));
      balancer.kill('SIGTERM');
      await exited;
    }
    await Promise.all(instances.map((instance) => stopProcess(instance, 'SIGTERM')));
    await db.close();
    await dropDatabase(ADMIN_URL, database);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await Promise.all(instances.map(start));
    const url = `http://127.0.0.1:${balancerPort}`;
    balancer = spawn(HAPROXY, ['-db', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
    await waitUntil('HAProxy', ready(url), 10_000);
    return {
      db,
      urls,
      instances,
      url,
      kill: (instance) => stopProcess(instance, 'SIGKILL'),
      stop: (instance) => stopProcess(instance, 'SIGTERM'),
      start,
      close,
    };
  } catch (error) {
    await close().catch(() => {});
    throw error;
  }
}
