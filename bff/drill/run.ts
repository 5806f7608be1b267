import { table } from '../bench/table.ts';
import { startCluster } from './cluster.ts';
import { killUnderLoad, liveAcrossInstances, sessionAcrossInstances, signInPeople } from './scenarios.ts';

/**
 * `npm run drill`: the scale-out drill on this machine with real parts. Two BFF processes behind HAProxy,
 * the PostgreSQL server and Redis (DATABASE_URL / REDIS_URL as administrator URLs, defaults on loopback).
 * 1. A resident signed in through instance 1 keeps working through instance 2.
 * 2. A clerk's status change on instance 1 reaches the resident's socket on instance 2.
 * 3. Instance 1 is killed (SIGKILL) while residents file cases through the balancer: no acknowledged case is
 *    lost or doubled, and every open socket is live on the survivor again (target: p95 < 5 s).
 * Prints what it saw and exits non-zero when a check fails.
 */

const RECONNECT_TARGET_MS = 5000;

interface Check {
  check: string;
  seen: string;
  ok: boolean;
}

const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

async function main(): Promise<boolean> {
  const started = performance.now();
  const cluster = await startCluster({ instances: 2 });
  const checks: Check[] = [];
  try {
    const [first, second] = cluster.instances;
    const direct = await signInPeople(cluster, first.url, 1);
    const across = await sessionAcrossInstances(cluster, direct[0]);
    checks.push({
      check: 'Sitzung gilt auf beiden Instanzen',
      seen: `angemeldet über ${across.signedInOn}, Vorgang gemeldet über ${across.workedOn}`,
      ok: true,
    });
    const liveMs = await liveAcrossInstances(cluster, direct[0]);
    checks.push({
      check: 'Statuswechsel erreicht Socket der anderen Instanz',
      seen: `PATCH über ${first.name}, Ereignis über ${second.name} nach ${liveMs.toFixed(1)} ms`,
      ok: true,
    });

    const people = await signInPeople(cluster, cluster.url, 3);
    const result = await killUnderLoad(cluster, people, first);
    const p95 = percentile(result.reconnectMs, 0.95);
    checks.push(
      {
        check: 'Kein bestätigter Vorgang verloren',
        seen: `${result.acknowledged} bestätigt, ${result.lost} fehlen, ${result.retried} Wiederholungen mit demselben Idempotency-Key; längste Meldung ${(result.longestFilingMs / 1000).toFixed(1)} s`,
        ok: result.acknowledged > 0 && result.lost === 0,
      },
      { check: 'Kein Vorgang doppelt', seen: `${result.duplicated} Schlüssel mit mehr als einem Vorgang`, ok: result.duplicated === 0 },
      {
        check: 'Keine Meldung scheiterte',
        seen: result.failed.length ? result.failed.slice(0, 3).join(' | ') : 'keine',
        ok: !result.failed.length,
      },
      {
        check: `Alle Sockets wieder verbunden, p95 < ${RECONNECT_TARGET_MS} ms`,
        seen: `${result.reconnectMs.length} von ${result.sockets} getrennt, ${result.stranded} ohne Verbindung; Median ${percentile(result.reconnectMs, 0.5).toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, max ${Math.max(...result.reconnectMs).toFixed(0)} ms nach dem Abschuss von ${result.killed}`,
        ok: result.stranded === 0 && result.reconnectMs.length > 0 && p95 < RECONNECT_TARGET_MS,
      },
      {
        check: 'Nach dem Wiederverbinden live',
        seen: result.liveAfter ? 'jeder Mieter sah seinen Statuswechsel' : 'nein',
        ok: result.liveAfter,
      },
    );
  } catch (error) {
    checks.push({ check: 'Drill lief durch', seen: (error as Error).stack ?? String(error), ok: false });
  } finally {
    await cluster.close();
  }
  console.log(
    `Scale-out-Drill: 2 BFF-Prozesse hinter HAProxy, PostgreSQL, Redis (${((performance.now() - started) / 1000).toFixed(1)} s)\n`,
  );
  console.log(
    table(
      ['', 'Prüfung', 'beobachtet'],
      checks.map((c) => [c.ok ? 'ok' : 'FEHLER', c.check, c.seen]),
    ),
  );
  return checks.every((c) => c.ok);
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error: unknown) => {
    console.error('Drill fehlgeschlagen:', error);
    process.exit(1);
  },
);
