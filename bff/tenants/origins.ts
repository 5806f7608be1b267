import type { RequestHandler } from 'express';
import type { Database } from '../db/database.ts';
import { withScope } from '../db/scope.ts';
import { AppError } from '../errors.ts';
import { listTenantOrigins } from './repository.ts';

const CACHE_MS = 30_000;

/**
 * Which browser origins may call the API. CORS admits an origin that some housing company registered
 * (or the BFF itself); a signed-in request is further held to its own housing company's origins, so a
 * page of company B can never read a session of company A. Cached briefly: onboarding changes apply
 * within 30 s.
 */
export function createOriginPolicy(db: Database) {
  let cached: { at: number; byTenant: Map<string, Set<string>>; all: Set<string> } | undefined;
  const load = async () => {
    if (cached && Date.now() - cached.at < CACHE_MS) return cached;
    const rows = await withScope(db, { role: 'auth' }, (tx) => listTenantOrigins(tx));
    const byTenant = new Map(rows.map((row) => [row.id, new Set(row.allowedOrigins)]));
    cached = { at: Date.now(), byTenant, all: new Set(rows.flatMap((row) => row.allowedOrigins)) };
    return cached;
  };
  const isSelf = (origin: string, selfUrl: string) => Boolean(selfUrl) && new URL(selfUrl).origin === origin;
  return {
    async isRegistered(origin: string, selfUrl: string): Promise<boolean> {
      return isSelf(origin, selfUrl) || (await load()).all.has(origin);
    },
    /** Every housing company's registered embed origins (the pages' `frame-ancestors`). */
    async registeredOrigins(): Promise<Set<string>> {
      return (await load()).all;
    },
    async isAllowedForTenant(origin: string | undefined, tenantId: string, selfUrl: string): Promise<boolean> {
      if (!origin || isSelf(origin, selfUrl)) return true;
      return (await load()).byTenant.get(tenantId)?.has(origin) ?? false;
    },
    /** Middleware: a request carrying a session must come from its own housing company's origins. */
    sessionOriginGuard(selfUrl: () => string): RequestHandler {
      return async (req, _res, next) => {
        const tenantId = req.session?.auth?.tenantId;
        if (!tenantId || (await this.isAllowedForTenant(req.get('origin'), tenantId, selfUrl()))) return next();
        next(new AppError(403, 'origin_not_allowed', 'Diese Seite darf nicht auf Ihr Konto zugreifen.'));
      };
    },
  };
}
