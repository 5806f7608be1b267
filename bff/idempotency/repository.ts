import type { Queryable } from '../db/database.ts';

/**
 * SQL for idempotency keys. Row-level security limits every statement to the calling account's own keys
 * (the system clean-up sees only expired ones); the queries name the account as well.
 */

export interface StoredAnswer {
  status: number;
  body: unknown;
}

/** What another attempt finds under a key it could not claim. */
export interface KeyHolder {
  fingerprint: string;
  /** The first answer; absent while that attempt is still working. */
  answer?: StoredAnswer;
}

export interface Claim {
  tenantId: string;
  accountId: string;
  key: string;
  fingerprint: string;
  claimId: string;
  leaseMs: number;
  ttlHours: number;
}

/**
 * Claims the key for one attempt: a new key is inserted; an expired key, or one whose attempt let its lease
 * lapse without an answer (a crashed instance), is taken over. The primary key decides between two
 * attempts at the same moment: the second insert waits for the first transaction and then finds its row.
 * Returns true when this attempt holds the key.
 */
export async function claimKey(tx: Queryable, claim: Claim): Promise<boolean> {
  const params = [claim.tenantId, claim.accountId, claim.key, claim.fingerprint, claim.claimId, claim.leaseMs, claim.ttlHours];
  const inserted = await tx.query(
    `INSERT INTO idempotency_keys (tenant_id, account_id, key, fingerprint, claim_id, locked_until, expires_at)
     VALUES ($1, $2, $3, $4, $5, now() + make_interval(secs => $6::double precision / 1000), now() + make_interval(hours => $7))
     ON CONFLICT (tenant_id, account_id, key) DO NOTHING`,
    params,
  );
  if (inserted.rowCount > 0) return true;
  const takenOver = await tx.query(
    `UPDATE idempotency_keys
        SET fingerprint = $4, claim_id = $5, locked_until = now() + make_interval(secs => $6::double precision / 1000),
            response_status = NULL, response_body = NULL, created_at = now(), expires_at = now() + make_interval(hours => $7)
      WHERE tenant_id = $1 AND account_id = $2 AND key = $3
        AND (expires_at <= now() OR (response_status IS NULL AND locked_until <= now()))`,
    params,
  );
  return takenOver.rowCount > 0;
}

export async function findKeyHolder(tx: Queryable, accountId: string, key: string): Promise<KeyHolder | undefined> {
  const { rows } = await tx.query<{ fingerprint: string; status: number | null; body: unknown }>(
    `SELECT fingerprint, response_status AS status, response_body AS body FROM idempotency_keys
      WHERE account_id = $1 AND key = $2 AND expires_at > now()`,
    [accountId, key],
  );
  const row = rows[0];
  if (!row) return undefined;
  return { fingerprint: row.fingerprint, ...(row.status === null ? {} : { answer: { status: row.status, body: row.body } }) };
}

/** Keeps the answer of the attempt that holds the key (a lapsed and taken-over claim stores nothing). */
export async function storeAnswer(tx: Queryable, accountId: string, key: string, claimId: string, answer: StoredAnswer): Promise<boolean> {
  const { rowCount } = await tx.query(
    `UPDATE idempotency_keys SET response_status = $4, response_body = $5::json
      WHERE account_id = $1 AND key = $2 AND claim_id = $3 AND response_status IS NULL`,
    [accountId, key, claimId, answer.status, JSON.stringify(answer.body ?? null)],
  );
  return rowCount > 0;
}

/** Gives the key back after a failed attempt, so that the same key may be tried again. */
export async function releaseKey(tx: Queryable, accountId: string, key: string, claimId: string): Promise<void> {
  await tx.query(`DELETE FROM idempotency_keys WHERE account_id = $1 AND key = $2 AND claim_id = $3 AND response_status IS NULL`, [
    accountId,
    key,
    claimId,
  ]);
}

export async function deleteExpiredKeys(tx: Queryable): Promise<number> {
  const { rowCount } = await tx.query(`DELETE FROM idempotency_keys WHERE expires_at < now()`);
  return rowCount;
}
