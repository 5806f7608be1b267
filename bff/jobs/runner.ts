import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { Database } from '../db/database.ts';
import { withScope } from '../db/scope.ts';
import { claimJob, finishJob, registerJob, releaseJob } from './repository.ts';

/**
 * Periodic jobs that must run once per period however many BFF instances there are (purges, retention,
 * polling a mailbox, reminders). Each instance's runner looks every `pollMs` for due jobs and runs a job only
 * after claiming its row in `scheduled_jobs` with one UPDATE. Why a table and not advisory locks: a lock
 * only keeps two runs apart in time, while the row also remembers when the job ran last, so a second
 * instance (or a restart) does not run it again within the period; it works on a pooled connection and
 * on PGlite alike (session-level advisory locks do neither well), and an operator can read
 * `last_error` in the table.
 */
export interface ScheduledJob {
  /** Unique across the BFF: the row's key (lower case, digits, `-`, `_`, `.`). */
  name: string;
  /** Due again this long after a run started, whether it succeeded or failed. */
  everyMs: number;
  /** Longest a run may take before another instance may run the job again; default the period, at most 10 min. */
  leaseMs?: number;
  /** What the job does; a returned value (e.g. how many rows it purged) is logged. */
  run(context: JobContext): Promise<unknown>;
}

export interface JobContext {
  /** The runner's clock when the run started. */
  now: Date;
  /** Aborted when the BFF stops: a long job should end early (its run is then not counted). */
  signal: AbortSignal;
}

/** Where the runner reads the time; tests move it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface JobRunnerOptions {
  db: Database;
  logger: Logger;
  jobs: ScheduledJob[];
  /** How often this instance looks for due jobs. */
  pollMs: number;
  clock?: Clock;
  /** How long stop() waits for a job under way after aborting it. */
  stopTimeoutMs?: number;
}

export interface JobRunner {
  /** Aborts the job under way, waits for it at most `stopTimeoutMs` and stops looking for due jobs. */
  stop(): Promise<void>;
}

const MAX_DEFAULT_LEASE_MS = 10 * 60_000;

export function startJobRunner(options: JobRunnerOptions): JobRunner {
  const { db, logger, jobs } = options;
  const duplicate = jobs.find((job, index) => jobs.findIndex((other) => other.name === job.name) !== index);
  if (duplicate) throw new Error(`scheduled job ${duplicate.name} registered twice`);
  const clock = options.clock ?? systemClock;
  const instance = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`.slice(0, 100);
  const abort = new AbortController();
  const registered = new Set<string>();
  const system = { role: 'system' } as const;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  async function runIfDue(job: ScheduledJob): Promise<void> {
    const now = clock.now();
    if (!registered.has(job.name)) {
      await withScope(db, system, (tx) => registerJob(tx, job.name, now));
      registered.add(job.name);
    }
    const lease = job.leaseMs ?? Math.min(job.everyMs, MAX_DEFAULT_LEASE_MS);
    const lockedUntil = new Date(now.getTime() + lease);
    if (!(await withScope(db, system, (tx) => claimJob(tx, { name: job.name, now, lockedUntil, instance })))) return;
    let error: string | null = null;
    try {
      const result = await job.run({ now, signal: abort.signal });
      logger.debug({ job: job.name, result }, 'scheduled job ran');
    } catch (err) {
      if (stopped && abort.signal.aborted) {
        await withScope(db, system, (tx) => releaseJob(tx, job.name, instance));
        return;
      }
      error = err instanceof Error ? err.message : String(err);
      logger.error({ err, job: job.name }, 'scheduled job failed, it runs again next period');
    }
    const nextRunAt = new Date(now.getTime() + job.everyMs);
    await withScope(db, system, (tx) => finishJob(tx, { name: job.name, instance, finishedAt: clock.now(), nextRunAt, error }));
  }

  async function runDue(): Promise<void> {
    for (const job of jobs) {
      if (stopped) return;
      // A database that is away fails this look; the next poll tries again.
      await runIfDue(job).catch((err: unknown) => logger.warn({ err, job: job.name }, 'scheduled job not checked'));
    }
  }

  function poll(): void {
    running = runDue().finally(() => {
      running = undefined;
      if (!stopped) timer = setTimeout(poll, options.pollMs);
    });
  }

  if (jobs.length) poll();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      abort.abort();
      let waited: NodeJS.Timeout | undefined;
      await Promise.race([running, new Promise((resolve) => (waited = setTimeout(resolve, options.stopTimeoutMs ?? 5000)))]);
      clearTimeout(waited);
    },
  };
}
