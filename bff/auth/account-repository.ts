import type { Queryable } from '../db/database.ts';

/**
 * SQL of account self-service. Each function runs in the caller's scope: the signed-in person's (RLS lets
 * them see only their own sessions, codes and pending address) or `auth` for the sign-in steps.
 */

export interface SessionRow {
  id: string;
  sessionKey: string;
  createdAt: Date;
  lastSeenAt: Date;
  userAgent: string | null;
}

/** The account's signed-in sessions (pending sign-ins are not sessions one could use), most recently used first. */
export async function listSessions(tx: Queryable, tenantId: string, accountId: string): Promise<SessionRow[]> {
  const { rows } = await tx.query<SessionRow>(
    `SELECT id, session_key AS "sessionKey", created_at AS "createdAt", last_seen_at AS "lastSeenAt", user_agent AS "userAgent"
       FROM sessions
      WHERE tenant_id = $1 AND account_id = $2 AND expires_at > now() AND data -> 'auth' ->> 'stage' = 'complete'
      ORDER BY last_seen_at DESC, created_at DESC`,
    [tenantId, accountId],
  );
  return rows;
}

/** Ends one session of the account; returns its key, or undefined when the account has no such session. */
export async function deleteSession(tx: Queryable, tenantId: string, accountId: string, id: string): Promise<string | undefined> {
  const { rows } = await tx.query<{ session_key: string }>(
    `DELETE FROM sessions WHERE tenant_id = $1 AND account_id = $2 AND id = $3 RETURNING session_key`,
    [tenantId, accountId, id],
  );
  return rows[0]?.session_key;
}

/** Ends every session of the account but the one with `keepKey`; returns the keys of the ended ones. */
export async function deleteOtherSessions(tx: Queryable, tenantId: string, accountId: string, keepKey: string): Promise<string[]> {
  const { rows } = await tx.query<{ session_key: string }>(
    `DELETE FROM sessions WHERE tenant_id = $1 AND account_id = $2 AND session_key <> $3 RETURNING session_key`,
    [tenantId, accountId, keepKey],
  );
  return rows.map((row) => row.session_key);
}

/** The account's recovery codes are these from now on; earlier ones (used or not) stop working. */
export async function replaceRecoveryCodes(tx: Queryable, tenantId: string, accountId: string, hashes: string[]): Promise<void> {
  await tx.query(`DELETE FROM recovery_codes WHERE tenant_id = $1 AND account_id = $2`, [tenantId, accountId]);
  await tx.query(`INSERT INTO recovery_codes (tenant_id, account_id, code_hash) SELECT $1, $2, unnest($3::text[])`, [
    tenantId,
    accountId,
    hashes,
  ]);
}

/** Marks an unused recovery code as used; of two requests with the same code exactly one wins. */
export async function consumeRecoveryCode(tx: Queryable, tenantId: string, accountId: string, hash: string): Promise<boolean> {
  const { rowCount } = await tx.query(
    `UPDATE recovery_codes SET used_at = now() WHERE tenant_id = $1 AND account_id = $2 AND code_hash = $3 AND used_at IS NULL`,
    [tenantId, accountId, hash],
  );
  return rowCount === 1;
}

export async function countRecoveryCodesLeft(tx: Queryable, tenantId: string, accountId: string): Promise<number> {
  const { rows } = await tx.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM recovery_codes WHERE tenant_id = $1 AND account_id = $2 AND used_at IS NULL`,
    [tenantId, accountId],
  );
  return rows[0].count;
}

/** Stores a pending address change (token hash only); earlier pending changes of the account stop working. */
export async function insertEmailChange(
  tx: Queryable,
  change: { tenantId: string; accountId: string; newEmail: string; tokenHash: string; minutes: number },
): Promise<void> {
  await tx.query(`UPDATE email_changes SET used_at = now() WHERE tenant_id = $1 AND account_id = $2 AND used_at IS NULL`, [
    change.tenantId,
    change.accountId,
  ]);
  await tx.query(
    `INSERT INTO email_changes (tenant_id, account_id, new_email, token_hash, expires_at)
     VALUES ($1, $2, $3, $4, now() + make_interval(mins => $5))`,
    [change.tenantId, change.accountId, change.newEmail, change.tokenHash, change.minutes],
  );
}

export async function pendingEmailChange(tx: Queryable, tenantId: string, accountId: string): Promise<string | undefined> {
  const { rows } = await tx.query<{ new_email: string }>(
    `SELECT new_email FROM email_changes WHERE tenant_id = $1 AND account_id = $2 AND used_at IS NULL AND expires_at > now()
      ORDER BY created_at DESC LIMIT 1`,
    [tenantId, accountId],
  );
  return rows[0]?.new_email;
}

/** Marks a valid, unused confirmation token as used; returns the account and its new address. */
export async function consumeEmailChange(
  tx: Queryable,
  tenantId: string,
  tokenHash: string,
): Promise<{ accountId: string; newEmail: string } | undefined> {
  const { rows } = await tx.query<{ accountId: string; newEmail: string }>(
    `UPDATE email_changes SET used_at = now()
      WHERE tenant_id = $1 AND token_hash = $2 AND used_at IS NULL AND expires_at > now()
      RETURNING account_id AS "accountId", new_email AS "newEmail"`,
    [tenantId, tokenHash],
  );
  return rows[0];
}

export async function setEmail(tx: Queryable, tenantId: string, accountId: string, email: string): Promise<void> {
  await tx.query(`UPDATE accounts SET email = $3 WHERE tenant_id = $1 AND id = $2`, [tenantId, accountId, email]);
}
