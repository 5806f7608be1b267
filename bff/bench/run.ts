import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { openDatabase, APP_ROLE, type Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { dropDatabase, provisionDatabase } from '../db/provision.ts';
import { withTenant } from '../db/scope.ts';

/**
 * Benchmarks, printed as tables; nothing is written. Every figure is a ratio against a baseline measured
 * in the same run, so the numbers compare across machines.
 * 1. RLS cost: a tenant-scoped read (20 rows out of 50 tenants × 1000) through withTenant on a table with
 *    FORCE ROW LEVEL SECURITY, against the same transaction on an identical table without RLS.
 * 2. Widget bundle: gzipped loader, and the <tenant-portal> chunk with everything it imports statically.
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
const PORTAL_TARGET_KB = 45;

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
    const { rowCount } = await withTenant(db, { tenantId, accountId: randomUUID(), residentId: randomUUID(), role: 'resident' }, async (tx) => {
      const selectStarted = performance.now();
      const result = await tx.query(`SELECT id, title, created_at FROM ${table} WHERE tenant_id = $1 ORDER BY created_at DESC LIMIT ${PAGE}`, [tenantId]);
      selectMs = performance.now() - selectStarted;
      return result;
    });
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
    const [{ version }] = (await db.transaction((tx) => tx.query<{ version: string }>(`SELECT current_setting('server_version') AS version`))).rows;
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
    const [{ version }] = (await db.transaction((tx) => tx.query<{ version: string }>(`SELECT current_setting('server_version') AS version`))).rows;
    return await measureRls(db, `PGlite (PostgreSQL ${version.split(' ')[0]})`);
  } finally {
    await db.close();
  }
}

/** Relative ES imports that load with a file (not `import()`, which loads on demand). */
function staticImports(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  const pattern = /\b(?:import|export)\s*(?:\{[^}]*\}|\*\s*as\s+[\w$]+|[\w$]+(?:\s*,\s*\{[^}]*\})?)?\s*(?:from\s*)?["'`](\.{1,2}\/[^"'`]+)["'`]/g;
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
  const chunks = join(dir, 'chunks');
  const portal = existsSync(chunks) ? readdirSync(chunks).find((file) => /^tenant-portal-[\w-]+\.js$/.test(file)) : undefined;
  const lines: BundleLine[] = [{ what: 'Loader widgets.js', targetKb: LOADER_TARGET_KB }, { what: '<tenant-portal> + static imports (Lit)', targetKb: PORTAL_TARGET_KB }, { what: 'both together (first visit)' }];
  if (!existsSync(loader) || !portal) return lines;
  const portalFiles = closure(join(chunks, portal));
  const sum = (files: string[]) => files.reduce((total, file) => total + gzipped(file), 0);
  lines[0].bytes = gzipped(loader);
  lines[1].bytes = sum(portalFiles);
  lines[1].files = portalFiles.map((file) => relative(dir, file));
  lines[2].bytes = lines[0].bytes + lines[1].bytes;
  return lines;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const ms = (s: Stats) => `${s.median.toFixed(3)} / ${s.p95.toFixed(3)}`;
const ratio = (rls: number, plain: number) => rls / plain;

async function main() {
  const started = performance.now();
  console.log(`Mieterportal benchmarks — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} cores`);
  console.log();
  const results: Array<RlsResult | string> = [await benchPostgres(), await benchPglite()];
  console.log(`RLS cost: withTenant + SELECT of ${PAGE} rows by tenant from ${TENANTS} × ${ROWS_PER_TENANT} rows, ${WARMUP} warm-up rounds, up to ${ITERATIONS} measured (ms, median / p95)`);
  const rows: string[][] = [];
  for (const result of results) {
    if (typeof result === 'string') {
      rows.push(['PostgreSQL', '–', result, '', '', '', '', '']);
      continue;
    }
    for (const [what, pair] of [['transaction', result.transaction], ['SELECT only', result.select]] as const) {
      const median = ratio(pair.rls.median, pair.plain.median);
      const p95 = ratio(pair.rls.p95, pair.plain.p95);
      rows.push([
        result.database, what, String(result.iterations), ms(pair.plain), ms(pair.rls),
        median.toFixed(3), p95.toFixed(3), what === 'transaction' ? (median <= RLS_TARGET ? `≤ ${RLS_TARGET} met` : `≤ ${RLS_TARGET} NOT met`) : '',
      ]);
    }
  }
  console.log(table(['database', 'measured', 'n', 'without RLS', 'with RLS', 'ratio median', 'ratio p95', 'target'], rows));
  console.log();

  console.log('Widget bundle (gzip -9, 1 kB = 1000 bytes; dist/widgets from `npm run build`)');
  const bundle = benchBundle();
  console.log(
    table(
      ['what', 'gzip', 'target'],
      bundle.map((line) => [
        line.what,
        line.bytes === undefined ? 'nicht gebaut' : `${(line.bytes / KB).toFixed(2)} kB`,
        line.targetKb === undefined ? '' : line.bytes === undefined ? `≤ ${line.targetKb} kB` : `≤ ${line.targetKb} kB ${line.bytes / KB <= line.targetKb ? 'met' : 'NOT met'}`,
      ]),
    ),
  );
  const files = bundle[1].files;
  if (files) console.log(`  <tenant-portal> files: ${files.join(', ')}`);
  console.log();
  console.log(`finished in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

await main();
