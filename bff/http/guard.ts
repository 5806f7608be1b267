import { timingSafeEqual, createHash } from 'node:crypto';
import type { Request } from 'express';
import type { Access } from '../contract/operation.ts';
import { AppError, forbidden, unauthenticated } from '../errors.ts';
import type { TenantContext } from '../db/scope.ts';
import { DEFAULT_LANGUAGE } from '../contract/enums.ts';
import { requestLanguage } from './language.ts';
import type { Config } from '../config.ts';
import { accessEnded, accessHasEnded } from '../tenancies/move-out.ts';

/** Checks a route's declared access against the session (or the platform bearer token). */
/** `clock`: where the move-out check reads the time (tests move it). */
export function createGuard(config: Config, clock: { now(): Date } = { now: () => new Date() }) {
  return (req: Request, access: Access): void => {
    if (access === 'public') return;
    if (access === 'platform') return requirePlatformToken(req, config.ADMIN_API_TOKEN);
    const auth = req.session?.auth;
    if (!auth || auth.stage !== 'complete') throw unauthenticated();
    if (accessHasEnded(auth.movedOutOn, clock.now())) throw accessEnded(auth.movedOutOn!);
    if (access === 'session') return;
    if (access === 'resident' && auth.role !== 'resident') throw forbidden();
    if (access === 'staff' && auth.role === 'resident') throw forbidden();
    if (access === 'admin' && auth.role !== 'admin') throw forbidden();
  };
}

function requirePlatformToken(req: Request, token: string | undefined): void {
  if (!token) throw new AppError(404, 'route_not_found', 'Die Admin-API ist nicht aktiviert (ADMIN_API_TOKEN fehlt).');
  const header = req.get('authorization') ?? '';
  const presented = header.startsWith('Bearer ') ? header.slice(7) : '';
  const digest = (value: string) => createHash('sha256').update(value).digest();
  if (!timingSafeEqual(digest(presented), digest(token))) {
    throw new AppError(401, 'unauthenticated', 'Ungültiges Admin-Token.');
  }
}

/** The tenant scope of a signed-in request; only ever taken from the verified session. */
export function tenantContext(req: Request): TenantContext {
  const auth = req.session?.auth;
  if (!auth || auth.stage !== 'complete') throw unauthenticated();
  return {
    tenantId: auth.tenantId,
    accountId: auth.accountId,
    role: auth.role,
    residentId: auth.residentId,
    // The page's language (what the widget shows), else the account's, else German.
    language: requestLanguage(req) ?? auth.language ?? DEFAULT_LANGUAGE,
  };
}
