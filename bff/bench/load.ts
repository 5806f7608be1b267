import type { TestClient } from '../test/harness.ts';

/** The HTTP load of the benchmarks: closed loops of signed-in clients and their latency figures. */

export const HTTP_WARMUP_MS = 1_500;
export const HTTP_PHASE_MS = 8_000;

export interface Latency {
  median: number;
  p95: number;
  max: number;
}

export function latency(samples: number[]): Latency {
  const sorted = [...samples].sort((x, y) => x - y);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
}

export interface Throughput {
  what: string;
  requests: number;
  perSecond: number;
  latency: Latency;
}

/**
 * Every client sends one request after the other (a closed loop, one request in flight per client) for
 * `durationMs` after a warm-up; each answer must have `status`.
 */
export async function closedLoop(
  what: string,
  clients: TestClient[],
  status: number,
  send: (client: TestClient, index: number) => Promise<{ status: number }>,
): Promise<Throughput> {
  const samples: number[] = [];
  const run = async (untilMs: number, record: boolean) =>
    Promise.all(
      clients.map(async (client, index) => {
        while (performance.now() < untilMs) {
          const started = performance.now();
          const response = await send(client, index);
          if (response.status !== status) throw new Error(`${what}: ${response.status} statt ${status}`);
          if (record) samples.push(performance.now() - started);
        }
      }),
    );
  await run(performance.now() + HTTP_WARMUP_MS, false);
  const started = performance.now();
  await run(started + HTTP_PHASE_MS, true);
  const elapsed = (performance.now() - started) / 1000;
  return { what, requests: samples.length, perSecond: samples.length / elapsed, latency: latency(samples) };
}
