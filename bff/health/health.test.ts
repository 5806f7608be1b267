import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { RunningServer } from '../server.ts';
import { closeTestDatabase, startTestServer, TestClient } from '../test/harness.ts';
import { signInResident } from '../test/sign-in.ts';
import { connectSocket, createCaseCompany } from '../cases/case-test-support.ts';

/**
 * What a load balancer and a monitoring system ask the BFF: /readyz (is this instance fit to take traffic:
 * database and, with REDIS_URL, Redis) and /metrics (Prometheus).
 */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** A real Redis server of our own on a free port, which the test can stop and start again. */
class OwnRedis {
  private child: ChildProcess | undefined;
  constructor(readonly port: number) {}
  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }
  async start(): Promise<void> {
    const child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) resolve();
      });
      child.once('error', (error) => reject(new Error(`redis-server is needed for this test: ${error.message}`)));
      child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${output}`)));
    });
  }
  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGKILL');
    });
  }
}

async function waitFor(what: string, probe: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('/readyz with REDIS_URL', () => {
  let redis: OwnRedis;
  let server: RunningServer;
  before(async () => {
    redis = new OwnRedis(await freePort());
    await redis.start();
    server = await startTestServer({ REDIS_URL: redis.url });
  });
  after(async () => {
    await server?.stop();
    await redis?.stop();
    await closeTestDatabase();
  });

  it('is ready while Redis answers, 503 while Redis is down, and ready again once it is back', async () => {
    const probe = new TestClient(server.url);
    const ready = await probe.get('/readyz');
    assert.equal(ready.status, 200, JSON.stringify(ready.body));
    assert.deepEqual(ready.body.checks, { database: 'ok', redis: 'ok' });

    await redis.stop();
    let down = await probe.get('/readyz');
    await waitFor('readyz to notice', async () => (down = await probe.get('/readyz')).status === 503);
    assert.deepEqual(down.body.checks, { database: 'ok', redis: 'unavailable' });
    assert.equal(down.body.error.code, 'service_unavailable');
    assert.match(down.body.error.message, /Redis nicht erreichbar/);

    await redis.start();
    await waitFor('readyz ready again', async () => (await probe.get('/readyz')).status === 200);
  });
});

describe('/metrics', () => {
  const METRICS_TOKEN = 'metrics-token-0123456789abcdef';
  let server: RunningServer;
  before(async () => {
    server = await startTestServer({ METRICS_TOKEN });
  });
  after(async () => {
    await server?.stop();
    await closeTestDatabase();
  });

  it('answers only the bearer of METRICS_TOKEN, in German otherwise; without the token set there is no route', async () => {
    const anonymous = await new TestClient(server.url).get('/metrics');
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.body.error.code, 'unauthenticated');
    assert.match(anonymous.body.error.message, /Metrik-Token/);
    assert.equal((await new TestClient(server.url, { bearer: 'metrics-token-0123456789abcdeX' }).get('/metrics')).status, 401);

    const withoutToken = await startTestServer();
    try {
      const answer = await new TestClient(withoutToken.url, { bearer: METRICS_TOKEN }).get('/metrics');
      assert.equal(answer.status, 404);
      assert.equal(answer.body.error.code, 'route_not_found');
    } finally {
      await withoutToken.stop();
    }
  });

  it('counts requests by route template (never an id) and status, times them, and shows the outbox backlog and connected sockets', async () => {
    const company = await createCaseCompany(server);
    const resident = await signInResident(server, company);
    const socket = await connectSocket(server, resident);
    const secretSlug = `kein-label-${Date.now()}`;
    try {
      assert.equal((await resident.get(`/api/tenants/${secretSlug}`)).status, 404);
      assert.equal((await resident.get('/api/cases')).status, 200);

      const scrape = await new TestClient(server.url, { bearer: METRICS_TOKEN }).get('/metrics');
      assert.equal(scrape.status, 200);
      assert.match(scrape.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
      const text = scrape.body as string;
      assert.match(text, /mieterportal_http_requests_total\{method="GET",route="\/api\/tenants\/:slug",status="404"\} 1/);
      assert.match(text, /mieterportal_http_requests_total\{method="GET",route="\/api\/cases",status="200"\} 1/);
      assert.match(
        text,
        /mieterportal_http_request_duration_seconds_bucket\{le="0\.1",method="GET",route="\/api\/cases",status="200"\} \d/,
      );
      assert.ok(!text.includes(secretSlug), 'no concrete path in a label');
      assert.match(text, /mieterportal_outbox_entries\{status="pending"\} \d+/);
      assert.match(text, /mieterportal_outbox_entries\{status="dead"\} \d+/);
      assert.match(text, /mieterportal_realtime_connected_sockets 1/);
      if (server.db.kind === 'postgres') assert.match(text, /mieterportal_db_pool_connections\{state="total"\} [1-9]/);
      assert.match(text, /mieterportal_process_cpu_seconds_total/);
    } finally {
      socket.disconnect();
    }
  });
});
