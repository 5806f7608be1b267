import { createHash, randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Database } from '../db/database.ts';
import { withScope, withTenant, type TenantContext } from '../db/scope.ts';
import { AppError } from '../errors.ts';
import { claimKey, deleteExpiredKeys, findKeyHolder, releaseKey, storeAnswer, type StoredAnswer } from './repository.ts';

export type { StoredAnswer };

/**
 * Creating requests are safe to retry (docs/cases.md, "Safe to retry"): a request with an `Idempotency-Key`
 * header runs once per account and key; a repeat within 24 hours gets the first answer (status and body)
 * instead of creating a second row. Only successful answers (2xx) spend a key: an attempt that fails
 * (4xx or 5xx, the database gone) created nothing and gives the key back, so the same key may be tried again.
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
  /** How long an attempt holds its key without an answer before another may take it over (a crashed instance). */
  leaseMs: number;
  logger?: Logger;
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
     */
    async run(ctx: TenantContext, key: string, fingerprint: string, execute: () => Promise<StoredAnswer>): Promise<IdempotentOutcome> {
      const claimId = randomUUID();
      const claim = {
        tenantId: ctx.tenantId,
        accountId: ctx.accountId,
        key,
        fingerprint,
        claimId,
        leaseMs: options.leaseMs,
        ttlHours: IDEMPOTENCY_KEY_HOURS,
      };
      const deadline = Date.now() + options.waitMs;
      for (;;) {
        const outcome = await withTenant(db, ctx, async (tx) => {
          if (await claimKey(tx, claim)) return 'claimed' as const;
          return findKeyHolder(tx, ctx.accountId, key);
        });
        if (outcome === 'claimed') break;
        if (outcome) {
          if (outcome.fingerprint !== fingerprint) throw reused();
          if (outcome.answer) return { answer: outcome.answer, replayed: true };
        }
        // Held by an attempt that has no answer yet (or just gave the key back): wait and look again.
        if (Date.now() >= deadline) throw inProgress();
        await sleep(POLL_MS);
      }

      let answer: StoredAnswer;
      try {
        answer = await execute();
      } catch (error) {
        await withTenant(db, ctx, (tx) => releaseKey(tx, ctx.accountId, key, claimId)).catch((releaseError: unknown) =>
          // The key stays in progress until its lease lapses; then the next attempt takes it over.
          options.logger?.warn({ err: releaseError }, 'idempotency key not released'),
        );
        throw error;
      }
      if (answer.status >= 200 && answer.status < 300) {
        await withTenant(db, ctx, (tx) => storeAnswer(tx, ctx.accountId, key, claimId, answer)).catch((storeError: unknown) =>
          // The work is done and committed: the client gets its answer; a repeat after the lease would run again.
          options.logger?.warn({ err: storeError }, 'idempotency answer not stored'),
        );
      } else {
        await withTenant(db, ctx, (tx) => releaseKey(tx, ctx.accountId, key, claimId)).catch(() => undefined);
      }
      return { answer, replayed: false };
    },
  };
}

export type Idempotency = ReturnType<typeof createIdempotency>;

/** The periodic clean-up: keys older than 24 hours, of every housing company. */
export function purgeExpiredIdempotencyKeys(db: Database): Promise<number> {
  return withScope(db, { role: 'system' }, (tx) => deleteExpiredKeys(tx));
}
