import { createHash } from 'node:crypto';
import type { Database } from '../db/database.ts';
import { applyScope, withScope, withTenant, type TenantContext } from '../db/scope.ts';
import { inUnitOfWork } from '../db/unit-of-work.ts';
import { AppError } from '../errors.ts';
import { claimKey, deleteExpiredKeys, findKeyHolder, storeAnswer, type StoredAnswer } from './repository.ts';

export type { StoredAnswer };

/**
 * Creating requests are safe to retry (docs/cases.md, "Safe to retry"): a request with an `Idempotency-Key`
 * header runs once per account and key; a repeat within 24 hours gets the first answer (status and body)
 * instead of creating a second row. Only successful answers (2xx) spend a key: an attempt that fails
 * (4xx or 5xx, the database gone, the instance killed) created nothing and left no key, so the same key may be
 * tried again.
 */

/** How long a key and its answer are kept. */
export const IDEMPOTENCY_KEY_HOURS = 24;
/** How often a request that waits for another attempt with its key looks again. */
const POLL_MS = 50;
/** What a client waits before trying again after `409 idempotency_in_progress`. */
export const IN_PROGRESS_RETRY_AFTER_SECONDS = 2;

/** `Idempotency-Key`: 8–255 of A–Z a–z 0–9 `-_.:~`, optionally in double quotes (a structured-field string). */
const KEY_PATTERN = /^"?([A-Za-z0-9\-_.:~]{8,255})"?$/;

export interface IdempotencyOptions {
  /** How long a repeated request waits for the first attempt's answer before answering 409. */
  waitMs: number;
}

export interface IdempotentOutcome {
  answer: StoredAnswer;
  /** True when this is the first attempt's stored answer, not a new one. */
  replayed: boolean;
}

/** The header's value, or a `400 idempotency_key_invalid` for a malformed one; undefined when absent. */
export function parseIdempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const match = KEY_PATTERN.exec(header.trim());
  if (!match || header.trim().startsWith('"') !== header.trim().endsWith('"')) {
    throw new AppError(
      400,
      'idempotency_key_invalid',
      'Der Idempotency-Key ist ungültig: erlaubt sind 8 bis 255 Zeichen aus Buchstaben, Ziffern und - _ . : ~.',
    );
  }
  return match[1];
}

/** What makes two requests "the same": the operation, its path parameters and its (validated) body. */
export function requestFingerprint(request: { operationId: string; params?: unknown; body?: unknown }): string {
  return createHash('sha256')
    .update(JSON.stringify([request.operationId, request.params ?? null, request.body ?? null]))
    .digest('hex');
}

export function createIdempotency(db: Database, options: IdempotencyOptions) {
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const inProgress = () =>
    new AppError(
      409,
      'idempotency_in_progress',
      'Diese Anfrage wird gerade schon bearbeitet. Bitte versuchen Sie es in wenigen Sekunden erneut.',
      { retryAfterSeconds: IN_PROGRESS_RETRY_AFTER_SECONDS },
    );
  const reused = () =>
    new AppError(
      422,
      'idempotency_key_reused',
      'Dieser Idempotency-Key wurde schon für eine andere Anfrage verwendet. Bitte senden Sie neue Anfragen mit einem neuen Schlüssel.',
    );

  return {
    /**
     * Runs `execute` once for this account and key. A repeat with the same fingerprint gets the stored
     * answer, waiting up to `waitMs` while the first attempt is still working (then 409); a repeat with
     * another fingerprint is a 422.
     *
     * The key is claimed, the work done and the answer stored in one transaction (a unit of work,
     * bff/db/unit-of-work.ts): a key is either absent or holds its answer, never "taken" by an attempt
     * that died. An attempt at the same moment waits in the database for the first one's row (at most
     * `waitMs`): it commits, and the second gets its answer, or rolls back, and the second runs.
     */
    async run(ctx: TenantContext, key: string, fingerprint: string, execute: () => Promise<StoredAnswer>): Promise<IdempotentOutcome> {
      const deadline = Date.now() + options.waitMs;
      for (;;) {
        const holder = await withTenant(db, ctx, (tx) => findKeyHolder(tx, ctx.accountId, key));
        if (holder && holder.fingerprint !== fingerprint) throw reused();
        if (holder?.answer) return { answer: holder.answer, replayed: true };
        const claim = { tenantId: ctx.tenantId, accountId: ctx.accountId, key, fingerprint, ttlHours: IDEMPOTENCY_KEY_HOURS };
        let refused: 'taken' | 'busy' | undefined;
        try {
          const answer = await inUnitOfWork(
            db,
            {
              begin: async (tx) => {
                await applyScope(tx, tenantScope(ctx));
                const outcome = await claimKey(tx, claim, Math.max(1, deadline - Date.now())).catch((error: unknown) => {
                  if (isLockTimeout(error)) refused = 'busy';
                  throw error;
                });
                if (!outcome) {
                  refused = 'taken';
                  throw new Error('idempotency key taken by another attempt');
                }
              },
              finish: async (tx, answer) => {
                await applyScope(tx, tenantScope(ctx));
                await storeAnswer(tx, ctx.accountId, key, answer);
              },
            },
            execute,
          );
          return { answer, replayed: false };
        } catch (error) {
          if (refused === 'busy') throw inProgress();
          if (refused !== 'taken') throw error;
        }
        // Another attempt committed the key first: its answer (or a 422) is there now.
        if (Date.now() >= deadline) throw inProgress();
        await sleep(POLL_MS);
      }
    },
  };
}

const tenantScope = (ctx: TenantContext) => ({
  role: ctx.role,
  tenantId: ctx.tenantId,
  accountId: ctx.accountId,
  residentId: ctx.residentId,
});

/** 55P03 lock_not_available: the claim waited `waitMs` for another attempt's row. */
const isLockTimeout = (error: unknown) => (error as { code?: string } | undefined)?.code === '55P03';

export type Idempotency = ReturnType<typeof createIdempotency>;

/** The periodic clean-up: keys older than 24 hours, of every housing company. */
export function purgeExpiredIdempotencyKeys(db: Database): Promise<number> {
  return withScope(db, { role: 'system' }, (tx) => deleteExpiredKeys(tx));
}
