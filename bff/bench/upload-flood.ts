import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { openDatabase } from '../db/database.ts';
import { dropDatabase, provisionDatabase } from '../db/provision.ts';
import { startServer, type RunningServer } from '../server.ts';
import { createHousingCompany } from '../test/fixtures.ts';
import type { TestClient } from '../test/harness.ts';
import { signInResident } from '../test/sign-in.ts';
import { uploadOne } from '../uploads/upload-test-support.ts';
import { latency, type Latency } from './load.ts';

/**
 * Upload flood: one resident sends 16 photos of 7000 × 7000 pixels (a 48 MP phone photo, WebP) at once, while a
 * resident of another housing company reads their case list in a closed loop. Baseline: the same loop without
 * the flood. Not a test: the figures depend on the machine.
 */

export const FLOOD_UPLOADS = 16;
export const FLOOD_TARGET_P95_MS = 500;
const QUIET_MS = 5_000;
/** The case list is measured during at most this much of the flood; the rest of the flood is waited for unmeasured. */
const FLOOD_MAX_MS = 30_000;

export interface UploadFloodResult {
  database: string;
  quiet: Latency & { n: number };
  flooded: Latency & { n: number };
  floodMs: number;
  accepted: number;
  /** Files still queued when the measurement ended. */
  cut: number;
  cpuSeconds: number;
  peakRssMb: number;
}

async function caseListLoop(client: TestClient, until: () => boolean): Promise<number[]> {
  const samples: number[] = [];
  while (!until()) {
    const started = performance.now();
    const response = await client.get('/api/cases');
    if (response.status !== 200) throw new Error(`GET /api/cases: ${response.status}`);
    samples.push(performance.now() - started);
  }
  return samples;
}

export async function benchUploadFlood(adminUrl: string): Promise<UploadFloodResult | string> {
  const name = `mp_bench_uploads_${process.pid}`;
  let urls;
  try {
    urls = await provisionDatabase({ adminUrl, database: name });
  } catch (error) {
    return `nicht erreichbar (${(error as Error).message})`;
  }
  const db = await openDatabase({ ...urls, poolSize: 10 });
  let server: RunningServer | undefined;
  try {
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
    const hostile = await signInResident(server, await createHousingCompany(db));
    const reader = await signInResident(server, await createHousingCompany(db));
    const photo = await sharp({ create: { width: 7000, height: 7000, channels: 3, background: '#7a8b6c' } })
      .webp({ quality: 80 })
      .toBuffer();

    let quietUntil = performance.now() + QUIET_MS;
    const quiet = await caseListLoop(reader, () => performance.now() > quietUntil);

    let peakRss = process.memoryUsage().rss;
    const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    let pending = FLOOD_UPLOADS;
    let accepted = 0;
    const flood = Array.from({ length: FLOOD_UPLOADS }, () =>
      uploadOne(hostile, photo, 'flut.webp')
        .then((response) => {
          if (response.status === 201) accepted++;
        })
        .catch(() => undefined)
        .finally(() => pending--),
    );
    quietUntil = started + FLOOD_MAX_MS;
    const flooded = await caseListLoop(reader, () => pending === 0 || performance.now() > quietUntil);
    const floodMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    clearInterval(rssTimer);
    const cut = pending;
    await Promise.all(flood);
    const [{ version }] = (
      await db.transaction((tx) => tx.query<{ version: string }>(`SELECT current_setting('server_version') AS version`))
    ).rows;
    return {
      database: `PostgreSQL ${version.split(' ')[0]}`,
      quiet: { ...latency(quiet), n: quiet.length },
      flooded: { ...latency(flooded), n: flooded.length },
      floodMs,
      accepted,
      cut,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      peakRssMb: peakRss / 1024 / 1024,
    };
  } finally {
    await server?.stop();
    await db.close();
    await dropDatabase(adminUrl, name);
  }
}
