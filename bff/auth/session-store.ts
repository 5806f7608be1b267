import { createHash } from 'node:crypto';
import session from 'express-session';
import type { Database } from '../db/database.ts';
import { withScope } from '../db/scope.ts';

/** Rows are keyed by a hash of the session id, so a leaked table does not hand out live sessions. */
export const sessionKey = (sid: string) => createHash('sha256').update(sid).digest('hex');

/**
 * express-session store in PostgreSQL: sessions survive a restart and are shared by all BFF instances.
 * Each call runs under RLS with the session key as its only capability.
 */
export class DatabaseSessionStore extends session.Store {
  constructor(private readonly db: Database) {
    super();
  }

  private scope(sid: string, data?: session.SessionData) {
    return {
      role: 'auth' as const,
      sessionKey: sessionKey(sid),
      tenantId: data?.auth?.tenantId,
      accountId: data?.auth?.accountId,
    };
  }

  override get(sid: string, callback: (err: unknown, session?: session.SessionData | null) => void): void {
    withScope(this.db, this.scope(sid), (tx) =>
      tx.query<{ data: session.SessionData }>(`SELECT data FROM sessions WHERE session_key = $1 AND expires_at > now()`, [sessionKey(sid)]),
    ).then((result) => callback(null, result.rows[0]?.data ?? null), callback);
  }

  override set(sid: string, data: session.SessionData, callback?: (err?: unknown) => void): void {
    const expires = data.cookie.expires ? new Date(data.cookie.expires) : new Date(Date.now() + 86_400_000);
    withScope(this.db, this.scope(sid, data), (tx) =>
      tx.query(
        `INSERT INTO sessions (session_key, tenant_id, account_id, data, expires_at)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (session_key) DO UPDATE
           SET tenant_id = excluded.tenant_id, account_id = excluded.account_id,
               data = excluded.data, expires_at = excluded.expires_at`,
        [sessionKey(sid), data.auth?.tenantId ?? null, data.auth?.accountId ?? null, JSON.stringify(data), expires],
      ),
    ).then(
      () => callback?.(),
      (error) => callback?.(error),
    );
  }

  override touch(sid: string, data: session.SessionData, callback?: (err?: unknown) => void): void {
    const expires = data.cookie.expires ? new Date(data.cookie.expires) : new Date(Date.now() + 86_400_000);
    withScope(this.db, this.scope(sid, data), (tx) =>
      tx.query(`UPDATE sessions SET expires_at = $2 WHERE session_key = $1`, [sessionKey(sid), expires]),
    ).then(
      () => callback?.(),
      (error) => callback?.(error),
    );
  }

  override destroy(sid: string, callback?: (err?: unknown) => void): void {
    withScope(this.db, this.scope(sid), (tx) => tx.query(`DELETE FROM sessions WHERE session_key = $1`, [sessionKey(sid)])).then(
      () => callback?.(),
      (error) => callback?.(error),
    );
  }
}

/** Removes expired sessions; run periodically by the server. */
export async function purgeExpiredSessions(db: Database): Promise<number> {
  const result = await withScope(db, { role: 'system' }, (tx) => tx.query(`DELETE FROM sessions WHERE expires_at < now()`));
  return result.rowCount;
}
