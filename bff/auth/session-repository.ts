import type { SessionData } from 'express-session';
import type { Queryable } from '../db/database.ts';

/**
 * SQL of the session store. Rows are keyed by a hash of the session id; each function runs in the
 * caller's scope (`auth` with that key, or `system` for the clean-up).
 */

export async function findSessionData(tx: Queryable, sessionKey: string): Promise<SessionData | undefined> {
  const { rows } = await tx.query<{ data: SessionData }>(`SELECT data FROM sessions WHERE session_key = $1 AND expires_at > now()`, [
    sessionKey,
  ]);
  return rows[0]?.data;
}

export async function saveSession(
  tx: Queryable,
  session: { sessionKey: string; tenantId: string | null; accountId: string | null; data: SessionData; expiresAt: Date },
): Promise<void> {
  await tx.query(
    `INSERT INTO sessions (session_key, tenant_id, account_id, data, expires_at, user_agent)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (session_key) DO UPDATE
       SET tenant_id = excluded.tenant_id, account_id = excluded.account_id,
           data = excluded.data, expires_at = excluded.expires_at, last_seen_at = now(), user_agent = excluded.user_agent`,
    [
      session.sessionKey,
      session.tenantId,
      session.accountId,
      JSON.stringify(session.data),
      session.expiresAt,
      session.data.userAgent?.slice(0, 500) ?? null,
    ],
  );
}

export async function extendSession(tx: Queryable, sessionKey: string, expiresAt: Date): Promise<void> {
  await tx.query(`UPDATE sessions SET expires_at = $2, last_seen_at = now() WHERE session_key = $1`, [sessionKey, expiresAt]);
}

export async function deleteSession(tx: Queryable, sessionKey: string): Promise<void> {
  await tx.query(`DELETE FROM sessions WHERE session_key = $1`, [sessionKey]);
}

export async function deleteExpiredSessions(tx: Queryable): Promise<number> {
  const { rowCount } = await tx.query(`DELETE FROM sessions WHERE expires_at < now()`);
  return rowCount;
}
