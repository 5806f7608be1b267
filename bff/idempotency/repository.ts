import type { Queryable } from '../db/database.ts';

/**
 * SQL for idempotency keys. Row-level security limits every statement to the calling account's own keys
 * (the system clean-up sees only expired ones); the queries name the account as well.
 */

export interface StoredAnswer {
  status: number;
  body: unknown;
}

/** What an attempt finds under its key: the first answer and what it answered. */
export interface KeyHolder {
  fingerprint: string;
  answer?: StoredAnswer;
}

export interface Claim {
  tenantId: string;
  accountId: string;
  key: string;
  fingerprint: string;
  ttlHours: number;
}

/**
 * Claims the key in the transaction that does the work (a unit of work): a new key is inserted, an expired
 * one (or one whose lease a previous release let lapse without an answer) taken over. The primary key decides between two
 * attempts at the same moment: the second insert waits for the first transaction, at most `waitMs`
 * (then 55P03 lock_not_available), and finds its row once it committed. Returns true when this attempt
 * holds the key.
 */
export async function claimKey(tx: Queryable, claim: Claim, waitMs: number): Promise<boolean> {
  await tx.query(`SELECT set_config('lock_timeout', $1, true)`, [`${Math.ceil(waitMs)}ms`]);
  const params = [claim.tenantId, claim.accountId, claim.key, claim.fingerprint, claim.ttlHours];
  const inserted = await tx.query(
    `INSERT INTO idempotency_keys (tenant_id, account_id, key, fingerprint, expires_at)
     VALUES ($1, $2, $3, $4, now() + make_interval(hours => $5))
     ON CONFLICT (tenant_id, account_id, key) DO NOTHING`,
    params,
  );
  const held =
    inserted.rowCount > 0 ||
    (
      await tx.query(
        `UPDATE idempotency_keys
            SET fingerprint = $4, claim_id = NULL, locked_until = NULL, response_status = NULL, response_body = NULL,
                created_at = now(), expires_at = now() + make_interval(hours => $5)
          WHERE tenant_id = $1 AND account_id = $2 AND key = $3 AND (expires_at <= now() OR (response_status IS NULL AND coalesce(locked_until, now()) <= now()))`,
        params,
      )
    ).rowCount > 0;
  // The work that follows waits for locks as long as any request does.
  await tx.query(`SELECT set_config('lock_timeout', '0', true)`);
  return held;
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

/** The answer, in the transaction that claimed the key and did the work. */
export async function storeAnswer(tx: Queryable, accountId: string, key: string, answer: StoredAnswer): Promise<void> {
  await tx.query(`UPDATE idempotency_keys SET response_status = $3, response_body = $4::json WHERE account_id = $1 AND key = $2`, [
    accountId,
    key,
    answer.status,
    JSON.stringify(answer.body ?? null),
  ]);
}

export async function deleteExpiredKeys(tx: Queryable): Promise<number> {
  const { rowCount } = await tx.query(`DELETE FROM idempotency_keys WHERE expires_at < now()`);
  return rowCount;
}
