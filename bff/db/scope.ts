import type { Language } from '../contract/enums.ts';
import type { Database, Queryable } from './database.ts';
import { joinUnit, openUnitOf } from './unit-of-work.ts';

/**
 * Who a unit of work runs for. Row-level security policies read these settings.
 * - `resident`, `clerk`, `admin`: a signed-in user of one housing company;
 * - `auth`: the sign-in use cases before a session exists (tenant from the login form's housing company);
 * - `platform`: the operator's admin API (creates housing companies);
 * - `system`: background jobs such as session clean-up;
 * - `privacy`: reads every row of one company's tables for the Art. 15 export of the session's resident
 *   (bff/privacy/; its queries name the resident and account, migration 0041).
 */
export type ScopeRole = 'resident' | 'clerk' | 'admin' | 'auth' | 'platform' | 'system' | 'privacy';

export interface Scope {
  role: ScopeRole;
  tenantId?: string;
  accountId?: string;
  residentId?: string;
  /** Hash of the session id: lets the session store read exactly its own row. */
  sessionKey?: string;
}

/** The scope each open unit of work's connection is in (bff/db/unit-of-work.ts). */
const unitScopes = new WeakMap<object, Scope | undefined>();

/**
 * One transaction per unit of work with the scope set transaction-locally (`set_config(..., true)`),
 * so nothing leaks to the next user of a pooled connection. Inside `inUnitOfWork` (an idempotent request)
 * it is a savepoint of that unit's one transaction instead, with this scope for its statements.
 */
export function withScope<T>(db: Database, scope: Scope, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  const unit = openUnitOf(db);
  if (unit)
    return joinUnit(unit, async (tx, nested) => {
      const outer = unitScopes.get(unit);
      await applyScope(tx, scope);
      unitScopes.set(unit, scope);
      try {
        const result = await fn(tx);
        // A step inside another step hands the connection back in the scope it found it in.
        if (nested && outer) await applyScope(tx, outer);
        return result;
      } finally {
        // On failure the savepoint's rollback has restored the outer settings already.
        unitScopes.set(unit, outer);
      }
    });
  return db.transaction(async (tx) => {
    await applyScope(tx, scope);
    return fn(tx);
  });
}

/**
 * Sets (or, within one transaction, switches) the scope. Switching is for a use case that must do two
 * scopes' work atomically, such as the platform creating a housing company and its first data.
 */
export async function applyScope(tx: Queryable, scope: Scope): Promise<void> {
  await tx.query(
    `SELECT set_config('app.current_role', $1, true),
            set_config('app.current_tenant', $2, true),
            set_config('app.current_account', $3, true),
            set_config('app.current_resident', $4, true),
            set_config('app.session_key', $5, true)`,
    [scope.role, scope.tenantId ?? '', scope.accountId ?? '', scope.residentId ?? '', scope.sessionKey ?? ''],
  );
}

export interface TenantContext {
  tenantId: string;
  accountId: string;
  role: 'resident' | 'clerk' | 'admin';
  residentId?: string;
  /** The language the person reads (the page's, else the account's): catalogue labels in answers follow it. */
  language?: Language;
}

/** The only way request handlers reach tenant data: the context comes from the verified session. */
export function withTenant<T>(db: Database, ctx: TenantContext, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  return withScope(db, { role: ctx.role, tenantId: ctx.tenantId, accountId: ctx.accountId, residentId: ctx.residentId }, fn);
}
