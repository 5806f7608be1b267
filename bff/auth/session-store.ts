import { createHash } from 'node:crypto';
import session from 'express-session';
import type { Database } from '../db/database.ts';
import { withScope } from '../db/scope.ts';
import { deleteExpiredSessions, deleteSession, extendSession, findSessionData, saveSession } from './session-repository.ts';

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
    withScope(this.db, this.scope(sid), (tx) => findSessionData(tx, sessionKey(sid))).then(
      (data) => callback(null, data ?? null),
      callback,
    );
  }

  override set(sid: string, data: session.SessionData, callback?: (err?: unknown) => void): void {
    const expires = data.cookie.expires ? new Date(data.cookie.expires) : new Date(Date.now() + 86_400_000);
    withScope(this.db, this.scope(sid, data), (tx) =>
      saveSession(tx, {
        sessionKey: sessionKey(sid),
        tenantId: data.auth?.tenantId ?? null,
        accountId: data.auth?.accountId ?? null,
        data,
        expiresAt: expires,
      }),
    ).then(
      () => callback?.(),
      (error) => callback?.(error),
    );
  }

  override touch(sid: string, data: session.SessionData, callback?: (err?: unknown) => void): void {
    const expires = data.cookie.expires ? new Date(data.cookie.expires) : new Date(Date.now() + 86_400_000);
    withScope(this.db, this.scope(sid, data), (tx) => extendSession(tx, sessionKey(sid), expires)).then(
      () => callback?.(),
      (error) => callback?.(error),
    );
  }

  override destroy(sid: string, callback?: (err?: unknown) => void): void {
    withScope(this.db, this.scope(sid), (tx) => deleteSession(tx, sessionKey(sid))).then(
      () => callback?.(),
      (error) => callback?.(error),
    );
  }
}

/** Removes expired sessions; run periodically by the server. */
export function purgeExpiredSessions(db: Database): Promise<number> {
  return withScope(db, { role: 'system' }, (tx) => deleteExpiredSessions(tx));
}
