import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { table } from './table.ts';
import { benchUploadFlood, FLOOD_TARGET_P95_MS, FLOOD_UPLOADS } from './upload-flood.ts';
import { benchScaleOut, RECONNECT_TARGET_P95_MS } from './scale-out.ts';
import { benchLeadBoard, FIRST_PAINT_TARGET_MS, MOVE_TARGET_MS } from './lead-board.ts';
import { benchChat, CHAT_FIRST_TOKEN_TARGET_MS, CHAT_TOKEN_DELAY_TARGET_P95_MS, CHAT_TOOL_TARGET_MS, TOKEN_EVERY_MS } from './chat.ts';
import { closedLoop, HTTP_PHASE_MS, HTTP_WARMUP_MS, latency, type Latency, type Throughput } from './load.ts';
import { openDatabase, APP_ROLE, type Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { dropDatabase, provisionDatabase } from '../db/provision.ts';
import { withTenant } from '../db/scope.ts';
import { connectSocket, damageChoice, type DamageChoice } from '../cases/case-test-support.ts';
import { startServer, type RunningServer } from '../server.ts';
import { createHousingCompany } from '../test/fixtures.ts';
import type { TestClient } from '../test/harness.ts';
import { signInResident, signInStaff } from '../test/sign-in.ts';
import { createWebhookSecret, hookPath, is24Enquiry, postWebhook, signedHeaders } from '../leads/lead-test-support.ts';

/**
 * Benchmarks, printed as tables; nothing is written. Every figure is a ratio against a baseline measured
 * in the same run, so the numbers compare across machines.
 * 1. RLS cost: a tenant-scoped read (20 rows out of 50 tenants × 1000) through withTenant on a table with
 *    FORCE ROW LEVEL SECURITY, against the same transaction on an identical table without RLS.
 * 2. Case filing over HTTP (PostgreSQL): signed-in residents of several housing companies file damage reports
 *    concurrently through the real API; baseline: an authenticated cheap GET by the same clients. Then signed lead
 *    webhooks persisted per second against the tenant-scoped read GET /api/cases/catalogue of the same run.
 * 3. Live status updates (PostgreSQL): a clerk's status change over HTTP until the resident's socket has the
 *    event; baseline: the HTTP round trip of the same PATCH.
 * 4. Upload flood (PostgreSQL): another housing company's case list while one resident uploads 16 photos of 48 MP
 *    at once; baseline: the same case list without the flood.
 * 5. Widget bundle: gzipped loader and widgets.css, and the <tenant-portal> chunk with everything it imports statically.
 * 6. Tenant chat (PostgreSQL, bff/bench/chat.ts): tool-loop overhead per tool call, first token over the model's
 *    own delay, 100 conversations streaming at once. `BENCH_ONLY=chat` runs only this one.
 * 7. Lead board (PostgreSQL and Chromium, bff/bench/lead-board.ts): first paint of `<lead-kanban>` with 1,000 leads on
 *    one listing, and the response to a card move. `BENCH_ONLY=lead-board` runs only this one.
 */

const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TENANTS = 50;
const ROWS_PER_TENANT = 1000;
const PAGE = 20;
const WARMUP = 300;
const ITERATIONS = 3000;
/** Per database: the loop stops early rather than run past this. */
const TIME_BUDGET_MS = 35_000;
const RLS_TARGET = 1.1;
const KB = 1000;
const LOADER_TARGET_KB = 4;
const PORTAL_TARGET_KB = 36;
/** Housing companies of the HTTP benches; each has two residents (resident and neighbour) and a clerk. */
const HTTP_COMPANIES = 6;
const LIVE_WARMUP = 20;
const LIVE_CHANGES = 300;
const LIVE_TARGET_P95_MS = 100;
/** Signed webhooks persisted per second ÷ plain tenant-scoped reads per second, same server and run. */
const WEBHOOK_TARGET = 0.5;

interface Stats {
  median: number;
  p95: number;
}

interface RlsResult {
  database: string;
  iterations: number;
  transaction: { plain: Stats; rls: Stats };
  select: { plain: Stats; rls: Stats };
}

const SETUP = `
  CREATE TABLE bench_plain (
    tenant_id uuid NOT NULL,
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    title text NOT NULL,
    created_at timestamptz NOT NULL
  );
  CREATE TABLE bench_rls (LIKE bench_plain INCLUDING ALL);
  INSERT INTO bench_plain (tenant_id, title, created_at)
    SELECT t.id, 'Vorgang ' || n, now() - n * interval '1 minute'
      FROM (SELECT gen_random_uuid() AS id FROM generate_series(1, ${TENANTS})) t, generate_series(1, ${ROWS_PER_TENANT}) n;
  INSERT INTO bench_rls SELECT * FROM bench_plain;
  CREATE INDEX ON bench_plain (tenant_id, created_at);
  CREATE INDEX ON bench_rls (tenant_id, created_at);
  ALTER TABLE bench_rls ENABLE ROW LEVEL SECURITY;
  ALTER TABLE bench_rls FORCE ROW LEVEL SECURITY;
  CREATE POLICY bench_rls_tenant ON bench_rls FOR SELECT USING (tenant_id = app_tenant());
  GRANT SELECT ON bench_plain, bench_rls TO ${APP_ROLE};
  ANALYZE bench_plain;
  ANALYZE bench_rls;
`;

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((x, y) => x - y);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95) };
}

async function measureRls(db: Database, database: string): Promise<RlsResult> {
  await db.ownerTransaction((tx) => tx.exec(SETUP));
  const { rows } = await db.ownerTransaction((tx) => tx.query<{ tenant_id: string }>(`SELECT DISTINCT tenant_id FROM bench_plain`));
  const tenants = rows.map((row) => row.tenant_id);
  const samples = { plain: { tx: [] as number[], select: [] as number[] }, rls: { tx: [] as number[], select: [] as number[] } };

  const read = async (table: 'bench_plain' | 'bench_rls', tenantId: string, record: boolean) => {
    let selectMs = 0;
    const started = performance.now();
    const { rowCount } = await withTenant(
      db,
      { tenantId, accountId: randomUUID(), residentId: randomUUID(), role: 'resident' },
      async (tx) => {
        const selectStarted = performance.now();
        const result = await tx.query(
          `SELECT id, title, created_at FROM ${table} WHERE tenant_id = $1 ORDER BY created_at DESC LIMIT ${PAGE}`,
          [tenantId],
        );
        selectMs = performance.now() - selectStarted;
        return result;
      },
    );
    const totalMs = performance.now() - started;
    if (rowCount !== PAGE) throw new Error(`${table}: ${rowCount} Zeilen statt ${PAGE}`);
    if (record) {
      const bucket = table === 'bench_rls' ? samples.rls : samples.plain;
      bucket.tx.push(totalMs);
      bucket.select.push(selectMs);
    }
  };

  const deadline = performance.now() + TIME_BUDGET_MS;
  let iterations = 0;
  for (let i = 0; i < WARMUP + ITERATIONS && performance.now() < deadline; i++) {
    const tenantId = tenants[i % tenants.length];
    const record = i >= WARMUP;
    // Alternate the order so that neither variant always runs on a freshly warmed connection.
    const order: Array<'bench_plain' | 'bench_rls'> = i % 2 ? ['bench_plain', 'bench_rls'] : ['bench_rls', 'bench_plain'];
    for (const table of order) await read(table, tenantId, record);
    if (record) iterations++;
  }
  return {
    database,
    iterations,
    transaction: { plain: stats(samples.plain.tx), rls: stats(samples.rls.tx) },
    select: { plain: stats(samples.plain.select), rls: stats(samples.rls.select) },
  };
}

async function benchPostgres(): Promise<RlsResult | string> {
  const name = `mp_bench_${process.pid}`;
  let urls;
  try {
    urls = await provisionDatabase({ adminUrl: ADMIN_URL, database: name });
  } catch (error) {
    return `nicht erreichbar (${(error as Error).message})`;
  }
  const db = await openDatabase({ ...urls, poolSize: 2 });
  try {
    await migrate(db);
    const [{ version }] = (
      await db.transaction((tx) => tx.query<{ version: string }>(`SELECT current_setting('server_version') AS version`))
    ).rows;
    return await measureRls(db, `PostgreSQL ${version.split(' ')[0]}`);
  } finally {
    await db.close();
    await dropDatabase(ADMIN_URL, name);
  }
}

async function benchPglite(): Promise<RlsResult> {
  const db = await openDatabase({});
  try {
    await migrate(db);
    const [{ version }] = (
      await db.transaction((tx) => tx.query<{ version: string }>(`SELECT current_setting('server_version') AS version`))
    ).rows;
    return await measureRls(db, `PGlite (PostgreSQL ${version.split(' ')[0]})`);
  } finally {
    await db.close();
  }
}

/** Relative ES imports that load with a file (not `import()`, which loads on demand). */
function staticImports(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  const pattern =
    /\b(?:import|export)\s*(?:\{[^}]*\}|\*\s*as\s+[\w$]+|[\w$]+(?:\s*,\s*\{[^}]*\})?)?\s*(?:from\s*)?["'`](\.{1,2}\/[^"'`]+)["'`]/g;
  return [...code.matchAll(pattern)].map((match) => resolve(dirname(file), match[1]));
}

function closure(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    staticImports(file).forEach(visit);
  };
  visit(entry);
  return [...seen];
}

interface HttpResult {
  database: string;
  residents: number;
  companies: number;
  throughput: { session: Throughput; catalogue: Throughput; filing: Throughput; webhooks: Throughput };
  live: { changes: number; event: Latency; patch: Latency; sockets: number };
}

/** A clerk's status change over HTTP until the resident's socket has it, one change at a time. */
async function measureLiveUpdates(server: RunningServer, cases: Array<{ resident: TestClient; clerk: TestClient; caseId: string }>) {
  const sockets = await Promise.all(cases.map(({ resident }) => connectSocket(server, resident)));
  const event: number[] = [];
  const patch: number[] = [];
  const status = cases.map(() => 'eingegangen');
  try {
    for (let i = 0; i < LIVE_WARMUP + LIVE_CHANGES; i++) {
      const k = i % cases.length;
      const { clerk, caseId } = cases[k];
      // in_bearbeitung ⇄ beauftragt is allowed in both directions, so a case takes any number of changes.
      const next = status[k] === 'in_bearbeitung' ? 'beauftragt' : 'in_bearbeitung';
      const socket = sockets[k];
      const started = performance.now();
      const arrived = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`case:updated ${next} kam nicht an`)), 5_000);
        const listener = (payload: { change: string; case: { id: string; status: string } }) => {
          if (payload.change !== 'status_changed' || payload.case.id !== caseId || payload.case.status !== next) return;
          const at = performance.now();
          clearTimeout(timer);
          socket.off('case:updated', listener);
          resolve(at);
        };
        socket.on('case:updated', listener);
      });
      const response = await clerk.patch(`/api/staff/cases/${caseId}/status`, { status: next });
      const answered = performance.now();
      if (response.status !== 200) throw new Error(`PATCH status: ${response.status} ${JSON.stringify(response.body)}`);
      const arrivedAt = await arrived;
      status[k] = next;
      if (i >= LIVE_WARMUP) {
        patch.push(answered - started);
        event.push(arrivedAt - started);
      }
    }
  } finally {
    for (const socket of sockets) socket.disconnect();
  }
  return { changes: event.length, event: latency(event), patch: latency(patch), sockets: sockets.length };
}

async function benchHttp(): Promise<HttpResult | string> {
  const name = `mp_bench_http_${process.pid}`;
  let urls;
  try {
    urls = await provisionDatabase({ adminUrl: ADMIN_URL, database: name });
  } catch (error) {
    return `nicht erreichbar (${(error as Error).message})`;
  }
  const db = await openDatabase({ ...urls, poolSize: 10 });
  let server: RunningServer | undefined;
  try {
    // NODE_ENV=test only raises the per-IP sign-in limit (all residents sign in from loopback); mail goes to the in-memory outbox.
    server = await startServer({
      db,
      env: {
        NODE_ENV: 'test',
        PORT: '0',
        LOG_LEVEL: 'silent',
        DATA_DIR: mkdtempSync(join(tmpdir(), 'mp-bench-')),
        ADMIN_API_TOKEN: randomUUID() + randomUUID(),
      },
    });
    const residents: Array<{ client: TestClient; clerk: TestClient; damage: DamageChoice; hook: { path: string; secret: string } }> = [];
    for (let i = 0; i < HTTP_COMPANIES; i++) {
      const company = await createHousingCompany(db);
      const clerk = await signInStaff(server, company, 'clerk');
      const hook = {
        path: hookPath(company, 'immoscout24'),
        secret: (await createWebhookSecret(await signInStaff(server, company, 'admin'), 'immoscout24')).value,
      };
      for (const who of ['resident', 'neighbour'] as const) {
        const client = await signInResident(server, company, who);
        residents.push({ client, clerk, damage: await damageChoice(client), hook });
      }
    }
    const clients = residents.map((resident) => resident.client);
    const session = await closedLoop('GET /api/session', clients, 200, (client) => client.get('/api/session'));
    const catalogue = await closedLoop('GET /api/cases/catalogue', clients, 200, (client) => client.get('/api/cases/catalogue'));
    const firstCase = new Map<number, string>();
    const filing = await closedLoop('POST /api/cases (damage)', clients, 201, async (client, index) => {
      const response = await client.post<{ case: { id: string } }>('/api/cases', {
        type: 'damage',
        ...residents[index].damage,
        urgency: 'normal',
        description: 'Der Wasserhahn in der Küche tropft seit Tagen.',
        residentAvailability: 'werktags ab 16 Uhr',
      });
      if (response.status === 201 && !firstCase.has(index)) firstCase.set(index, response.body.case.id);
      return response;
    });
    // A portal's signed enquiries to each company's webhook, one in flight per client: each answer comes after its lead committed.
    const serverUrl = server.url;
    const webhooks = await closedLoop('POST /hooks/…/leads/immoscout24 (signed)', clients, 200, (_client, index) => {
      const { path, secret } = residents[index].hook;
      const raw = JSON.stringify(is24Enquiry(undefined));
      return postWebhook(serverUrl, path, raw, signedHeaders(secret, raw));
    });
    const live = await measureLiveUpdates(
      server,
      residents.map((resident, index) => ({ resident: resident.client, clerk: resident.clerk, caseId: firstCase.get(index)! })),
    );
    const [{ version }] = (
      await db.transaction((tx) => tx.query<{ version: string }>(`SELECT current_setting('server_version') AS version`))
    ).rows;
    return {
      database: `PostgreSQL ${version.split(' ')[0]}`,
      residents: residents.length,
      companies: HTTP_COMPANIES,
      throughput: { session, catalogue, filing, webhooks },
      live,
    };
  } finally {
    await server?.stop();
    await db.close();
    await dropDatabase(ADMIN_URL, name);
  }
}

const gzipped = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

interface BundleLine {
  what: string;
  bytes?: number;
  targetKb?: number;
  files?: string[];
}

function benchBundle(): BundleLine[] {
  const dir = 'dist/widgets';
  const loader = join(dir, 'widgets.js');
  const stylesheet = join(dir, 'widgets.css');
  const chunks = join(dir, 'chunks');
  const portal = existsSync(chunks) ? readdirSync(chunks).find((file) => /^tenant-portal-[\w-]+\.js$/.test(file)) : undefined;
  const lines: BundleLine[] = [
    { what: 'Loader widgets.js', targetKb: LOADER_TARGET_KB },
    { what: '<tenant-portal> + static imports (Lit)', targetKb: PORTAL_TARGET_KB },
    { what: "widgets.css (the portals' reserved room)" },
    { what: 'all together (first visit)' },
  ];
  if (!existsSync(loader) || !existsSync(stylesheet) || !portal) return lines;
  const portalFiles = closure(join(chunks, portal));
  const sum = (files: string[]) => files.reduce((total, file) => total + gzipped(file), 0);
  lines[0].bytes = gzipped(loader);
  lines[1].bytes = sum(portalFiles);
  lines[1].files = portalFiles.map((file) => relative(dir, file));
  lines[2].bytes = gzipped(stylesheet);
  lines[3].bytes = lines[0].bytes + lines[1].bytes + lines[2].bytes;
  return lines;
}

type UploadFloodLatency = Latency & { n: number };
const fixed = (l: Latency) => [l.median.toFixed(2), l.p95.toFixed(2), l.max.toFixed(2)];
const lat = (l: Latency) => fixed(l).join(' / ');
const ms = (s: Stats) => `${s.median.toFixed(3)} / ${s.p95.toFixed(3)}`;
const ratio = (rls: number, plain: number) => rls / plain;

async function printChat() {
  const chat = await benchChat(ADMIN_URL);
  if (typeof chat === 'string') {
    console.log(`Tenant chat: PostgreSQL ${chat}`);
    return;
  }
  console.log(
    `Tenant chat, tool-loop overhead per tool call excluding model time: a turn with ${chat.tools[0].calls} tool calls (one per model step, ` +
      `the model answers at once) against a turn with none, ${chat.tools[0].turns} turns each over HTTP, ${chat.database}, load ${chat.load} (ms)`,
  );
  console.log(
    table(
      ['tool', 'turn without calls', `turn with ${chat.tools[0].calls} calls`, 'per call (median)', 'per call (p95 turn)', 'target'],
      chat.tools.map((line) => [
        line.tool,
        lat(line.without),
        lat(line.withCalls),
        line.perCall.toFixed(2),
        line.perCallP95.toFixed(2),
        `< ${CHAT_TOOL_TARGET_MS} ms ${line.perCallP95 < CHAT_TOOL_TARGET_MS ? 'met' : 'NOT met'}`,
      ]),
    ),
  );
  const { firstToken, concurrent } = chat;
  console.log(
    `  first streamed token at the client over the model's own delay of ${firstToken.delayMs} ms, ${firstToken.turns} turns one at a time (ms): ` +
      `${lat(firstToken.over)} (median / p95 / max), target < ${CHAT_FIRST_TOKEN_TARGET_MS} ms ` +
      `${firstToken.over.p95 < CHAT_FIRST_TOKEN_TARGET_MS ? 'met' : 'NOT met'}`,
  );
  console.log(
    `Tenant chat, ${concurrent.conversations} conversations streaming at once on one instance: the model sends ${concurrent.tokens} tokens, ` +
      `one every ${TOKEN_EVERY_MS} ms; added delay per token = gap between two text events at the client − ${TOKEN_EVERY_MS} ms (ms)`,
  );
  console.log(
    table(
      ['conversations', 'gaps', 'median', 'p95', 'max', 'target'],
      [
        ['1 (baseline)', String(concurrent.alone.n), ...fixed(concurrent.alone), ''],
        [
          String(concurrent.conversations),
          String(concurrent.together.n),
          ...fixed(concurrent.together),
          `p95 < ${CHAT_TOKEN_DELAY_TARGET_P95_MS} ms ${concurrent.together.p95 < CHAT_TOKEN_DELAY_TARGET_P95_MS ? 'met' : 'NOT met'}`,
        ],
      ],
    ),
  );
  console.log(
    `  the last token of the slowest conversation came ${concurrent.lastTokenLateMs.toFixed(1)} ms after its schedule (counted from its first token)`,
  );
}

async function printLeadBoard() {
  const board = await benchLeadBoard(ADMIN_URL);
  if (typeof board === 'string') {
    console.log(`Lead board: ${board}`);
    return;
  }
  console.log(
    `Lead board (<lead-kanban> in <staff-portal>, Chromium headless 1440 × 900, ${board.database}, loopback): ${board.leads} leads on one ` +
      `listing, made by signed webhooks (${board.deliveredPerSecond.toFixed(1)} per s, 8 in flight) (ms)`,
  );
  const statuses = Object.entries(board.moveStatuses)
    .map(([status, count]) => `${count} × ${status}`)
    .join(', ');
  console.log(
    table(
      ['measured', 'median', 'p95', 'max', 'target'],
      [
        ['first paint, cold (code loaded on first use)', board.coldPaint.toFixed(1), '', '', ''],
        [
          'first paint after a reload',
          ...fixed(board.warmPaint),
          `median < ${FIRST_PAINT_TARGET_MS} ms ${board.warmPaint.median < FIRST_PAINT_TARGET_MS ? 'met' : 'NOT met'}`,
        ],
        [
          'card move: painted in the new column',
          ...fixed(board.moveShown),
          `p95 < ${MOVE_TARGET_MS} ms ${board.moveShown.p95 < MOVE_TARGET_MS ? 'met' : 'NOT met'}`,
        ],
        [`card move: the BFF answered (${statuses})`, ...fixed(board.moveAnswered), ''],
      ],
    ),
  );
  if (!board.moveStatuses[200])
    console.log(`  the BFF has no card move yet (POST /api/staff/leads/:id/move): each move was put back after its answer`);
}

async function printHttp() {
  const http = await benchHttp();
  if (typeof http === 'string') {
    console.log(`HTTP benches: PostgreSQL ${http}`);
  } else {
    const { session, catalogue, filing } = http.throughput;
    console.log(
      `Case filing over HTTP with RLS: ${http.residents} signed-in residents of ${http.companies} housing companies, one request in flight each, ` +
        `${HTTP_PHASE_MS / 1000} s after ${HTTP_WARMUP_MS / 1000} s warm-up, ${http.database}, loopback (latency ms, median / p95 / max)`,
    );
    const line = (t: Throughput, baseline?: Throughput) => [
      t.what,
      String(t.requests),
      t.perSecond.toFixed(1),
      lat(t.latency),
      baseline ? (t.perSecond / baseline.perSecond).toFixed(3) : '',
    ];
    console.log(
      table(
        ['request', 'n', 'per s', 'latency', 'ratio to GET /api/session'],
        [line(session), line(catalogue, session), line(filing, session)],
      ),
    );
    console.log(`  cases created per second: ${filing.perSecond.toFixed(1)}`);
    const webhookRatio = http.throughput.webhooks.perSecond / catalogue.perSecond;
    console.log(
      `  signed webhooks persisted per second (an IS24 enquiry with self-disclosure to minimise, X-Signature, one lead each): ` +
        `${http.throughput.webhooks.perSecond.toFixed(1)} (latency ${lat(http.throughput.webhooks.latency)} ms), ` +
        `${webhookRatio.toFixed(3)} × the tenant-scoped read GET /api/cases/catalogue, target ≥ ${WEBHOOK_TARGET} ` +
        `${webhookRatio >= WEBHOOK_TARGET ? 'met' : 'NOT met'}`,
    );
    console.log();
    const { live } = http;
    console.log(
      `Live status update: PATCH /api/staff/cases/:id/status until the resident's socket has case:updated, ${live.changes} changes one at a time ` +
        `(${LIVE_WARMUP} warm-up), ${live.sockets} resident sockets (socket.io-client, websocket, loopback), ${http.database} (ms)`,
    );
    console.log(
      table(
        ['measured', 'median', 'p95', 'max', 'target'],
        [
          ['PATCH round trip (baseline)', ...fixed(live.patch), ''],
          [
            'status change → socket event',
            ...fixed(live.event),
            `p95 < ${LIVE_TARGET_P95_MS} ms ${live.event.p95 < LIVE_TARGET_P95_MS ? 'met' : 'NOT met'}`,
          ],
          ['ratio event / PATCH', (live.event.median / live.patch.median).toFixed(3), (live.event.p95 / live.patch.p95).toFixed(3), '', ''],
        ],
      ),
    );
  }
}

async function main() {
  const started = performance.now();
  console.log(`Mieterportal benchmarks — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} cores`);
  console.log();
  if (process.env.BENCH_ONLY === 'http') {
    await printHttp();
    console.log();
    console.log(`finished in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return;
  }
  if (process.env.BENCH_ONLY === 'lead-board') {
    await printLeadBoard();
    console.log();
    console.log(`finished in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return;
  }
  if (process.env.BENCH_ONLY === 'chat') {
    await printChat();
    console.log();
    console.log(`finished in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return;
  }
  const results: Array<RlsResult | string> = [await benchPostgres(), await benchPglite()];
  console.log(
    `RLS cost: withTenant + SELECT of ${PAGE} rows by tenant from ${TENANTS} × ${ROWS_PER_TENANT} rows, ${WARMUP} warm-up rounds, up to ${ITERATIONS} measured (ms, median / p95)`,
  );
  const rows: string[][] = [];
  for (const result of results) {
    if (typeof result === 'string') {
      rows.push(['PostgreSQL', '–', result, '', '', '', '', '']);
      continue;
    }
    for (const [what, pair] of [
      ['transaction', result.transaction],
      ['SELECT only', result.select],
    ] as const) {
      const median = ratio(pair.rls.median, pair.plain.median);
      const p95 = ratio(pair.rls.p95, pair.plain.p95);
      rows.push([
        result.database,
        what,
        String(result.iterations),
        ms(pair.plain),
        ms(pair.rls),
        median.toFixed(3),
        p95.toFixed(3),
        what === 'transaction' ? (median <= RLS_TARGET ? `≤ ${RLS_TARGET} met` : `≤ ${RLS_TARGET} NOT met`) : '',
      ]);
    }
  }
  console.log(table(['database', 'measured', 'n', 'without RLS', 'with RLS', 'ratio median', 'ratio p95', 'target'], rows));
  console.log();

  await printHttp();
  console.log();

  const scale = await benchScaleOut();
  if (typeof scale === 'string') {
    console.log(`Scale-out: ${scale}`);
  } else {
    console.log(
      `Scale-out: ${scale.residents} residents file damage reports through HAProxy (one request in flight each, ` +
        `${HTTP_PHASE_MS / 1000} s after ${HTTP_WARMUP_MS / 1000} s warm-up), BFF processes on PostgreSQL and Redis, same machine (latency ms)`,
    );
    console.log(
      table(
        ['instances', 'n', 'cases per s', 'latency', 'ratio to 1 instance'],
        [
          ['1', String(scale.one.requests), scale.one.perSecond.toFixed(1), lat(scale.one.latency), '1.000'],
          [
            '2',
            String(scale.two.requests),
            scale.two.perSecond.toFixed(1),
            lat(scale.two.latency),
            (scale.two.perSecond / scale.one.perSecond).toFixed(3),
          ],
        ],
      ),
    );
    const { kill } = scale;
    console.log(
      `  one instance killed under load: ${kill.cutOff} of ${kill.sockets} sockets cut off, ${kill.stranded} not back; ` +
        `live again after ${lat(kill.reconnect)} ms (median / p95 / max), target p95 < ${RECONNECT_TARGET_P95_MS} ms ` +
        `${kill.stranded === 0 && kill.reconnect.p95 < RECONNECT_TARGET_P95_MS ? 'met' : 'NOT met'}; ` +
        `${kill.acknowledged} cases acknowledged, ${kill.lost} lost`,
    );
  }
  console.log();

  const uploads = await benchUploadFlood(ADMIN_URL);
  if (typeof uploads === 'string') {
    console.log(`Upload flood: PostgreSQL ${uploads}`);
  } else {
    console.log(
      `Upload flood: one resident uploads ${FLOOD_UPLOADS} photos of 7000 × 7000 (WebP) at once; a resident of another housing ` +
        `company reads GET /api/cases in a loop meanwhile, ${uploads.database}, loopback (latency ms)`,
    );
    const row = (what: string, l: UploadFloodLatency, target: string) => [what, String(l.n), ...fixed(l), target];
    const met = uploads.flooded.p95 < FLOOD_TARGET_P95_MS ? 'met' : 'NOT met';
    console.log(
      table(
        ['GET /api/cases of another company', 'n', 'median', 'p95', 'max', 'target'],
        [row('without the flood', uploads.quiet, ''), row('during the flood', uploads.flooded, `p95 < ${FLOOD_TARGET_P95_MS} ms ${met}`)],
      ),
    );
    console.log(
      `  flood: ${uploads.accepted} of ${FLOOD_UPLOADS} stored in ${(uploads.floodMs / 1000).toFixed(1)} s` +
        `${uploads.cut ? ` (${uploads.cut} still queued when the case list measurement ended)` : ''}, ` +
        `${uploads.cpuSeconds.toFixed(1)} s CPU, peak RSS ${uploads.peakRssMb.toFixed(0)} MB`,
    );
  }
  console.log();

  console.log('Widget bundle (gzip -9, 1 kB = 1000 bytes; dist/widgets from `npm run build`)');
  const bundle = benchBundle();
  console.log(
    table(
      ['what', 'gzip', 'target'],
      bundle.map((line) => [
        line.what,
        line.bytes === undefined ? 'nicht gebaut' : `${(line.bytes / KB).toFixed(2)} kB`,
        line.targetKb === undefined
          ? ''
          : line.bytes === undefined
            ? `≤ ${line.targetKb} kB`
            : `≤ ${line.targetKb} kB ${line.bytes / KB <= line.targetKb ? 'met' : 'NOT met'}`,
      ]),
    ),
  );
  const files = bundle[1].files;
  if (files) console.log(`  <tenant-portal> files: ${files.join(', ')}`);
  console.log();

  await printChat();
  console.log();
  await printLeadBoard();
  console.log();
  console.log(`finished in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

await main();
