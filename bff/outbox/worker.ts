import type { Logger } from 'pino';
import type { Database } from '../db/database.ts';
import { withScope } from '../db/scope.ts';
import { afterCommit } from '../db/unit-of-work.ts';
import { claimDueEntries, dueTenants, markDelivered, markFailed, releaseClaims, type OutboxEntry } from './outbox-repository.ts';

/** Delivers one entry; resolves when the receiver accepted it, throws otherwise. */
export type OutboxHandler = (entry: OutboxEntry, signal: AbortSignal) => Promise<void>;

/** A failure that another attempt cannot cure (e.g. the receiver rejected the request as invalid): dead at once. */
export class PermanentDeliveryError extends Error {}

/** A failure the receiver named a time to try again for (`Retry-After`): the next attempt waits that long, at most `retryMaxMs`. */
export class RetryLaterError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(message);
  }
}

export interface OutboxWorkerOptions {
  db: Database;
  logger: Logger;
  /** One handler per topic; entries of other topics are left alone. */
  handlers: Record<string, OutboxHandler>;
  /** Pause between polls when nothing is due. */
  pollMs: number;
  /** After this many failed attempts an entry becomes a dead letter. */
  maxAttempts: number;
  /** Backoff before attempt n+1: min(max, base · 2^(n−1)), half of it random (jitter). */
  retryBaseMs: number;
  retryMaxMs: number;
  /** How long a claimed entry stays invisible to other workers; longer than any delivery takes. */
  leaseMs: number;
  batchSize?: number;
}

export interface OutboxWorker {
  /** Looks for due entries now instead of at the next poll (e.g. right after a commit). */
  wake(): void;
  /** Finishes the delivery under way (aborting its request) and stops polling. */
  stop(): Promise<void>;
}

export function retryDelay(attempts: number, baseMs: number, maxMs: number, random = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

/**
 * The outbox worker: at-least-once delivery of the entries use cases wrote in their transactions. It asks
 * across housing companies only which ones have due entries, then claims and updates each company's entries
 * in that company's system scope (row-level security holds). Delivery runs outside any transaction, so a
 * slow receiver never holds a database connection (or PGlite's single one).
 */
export function startOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { db, logger, handlers } = options;
  const topics = Object.keys(handlers);
  const batchSize = options.batchSize ?? 20;
  const abort = new AbortController();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let wokenWhileRunning = false;

  async function deliver(entry: OutboxEntry): Promise<void> {
    try {
      await handlers[entry.topic](entry, abort.signal);
      await withScope(db, { role: 'system', tenantId: entry.tenantId }, (tx) => markDelivered(tx, entry.id));
    } catch (err) {
      if (stopped && abort.signal.aborted) {
        // Shutting down cut the request short: the entry is due again at once and the attempt does not count.
        await withScope(db, { role: 'system', tenantId: entry.tenantId }, (tx) => releaseClaims(tx, [entry.id]));
        return;
      }
      const permanent = err instanceof PermanentDeliveryError;
      const dead = permanent || entry.attempts >= options.maxAttempts;
      const error = err instanceof Error ? err.message : String(err);
      const retryInMs = dead
        ? 0
        : err instanceof RetryLaterError
          ? Math.min(options.retryMaxMs, err.retryAfterMs)
          : retryDelay(entry.attempts, options.retryBaseMs, options.retryMaxMs);
      await withScope(db, { role: 'system', tenantId: entry.tenantId }, (tx) => markFailed(tx, entry.id, { error, dead, retryInMs }));
      const log = { entryId: entry.id, topic: entry.topic, tenantId: entry.tenantId, attempts: entry.attempts, error };
      if (dead) logger.error(log, 'outbox entry is a dead letter');
      else logger.warn({ ...log, retryInMs }, 'outbox delivery failed, will retry');
    }
  }

  /** Claims and delivers until nothing is due. */
  async function drain(): Promise<void> {
    for (;;) {
      let attempted = 0;
      const tenants = await withScope(db, { role: 'system' }, (tx) => dueTenants(tx));
      for (const tenantId of tenants) {
        if (stopped) return;
        const entries = await withScope(db, { role: 'system', tenantId }, (tx) => claimDueEntries(tx, topics, batchSize, options.leaseMs));
        for (const [index, entry] of entries.entries()) {
          if (stopped) {
            const unattempted = entries.slice(index).map((claimed) => claimed.id);
            await withScope(db, { role: 'system', tenantId }, (tx) => releaseClaims(tx, unattempted));
            return;
          }
          await deliver(entry);
        }
        attempted += entries.length;
      }
      if (!attempted || stopped) return;
    }
  }

  function run(): void {
    clearTimeout(timer);
    running = drain()
      .catch((err) => logger.error({ err }, 'outbox worker failed'))
      .finally(() => {
        running = undefined;
        if (stopped) return;
        if (wokenWhileRunning) {
          wokenWhileRunning = false;
          run();
        } else {
          timer = setTimeout(run, options.pollMs);
        }
      });
  }

  if (topics.length) run();

  return {
    wake() {
      // Woken for entries just queued: inside a unit of work they exist once it commits.
      afterCommit(() => {
        if (stopped || !topics.length) return;
        if (running) wokenWhileRunning = true;
        else run();
      });
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      abort.abort();
      await running;
    },
  };
}
