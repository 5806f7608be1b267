import { notificationOperations as operations } from '../contract/notifications.ts';
import type { Database } from '../db/database.ts';
import { withTenant } from '../db/scope.ts';
import type { Api } from '../http/api.ts';
import { tenantContext } from '../http/guard.ts';
import { forbidden } from '../errors.ts';
import { findNotificationPreferences, saveNotificationPreferences } from './preference-repository.ts';

/** The resident's choice of e-mails about their cases: read and replaced as a whole. */
export function registerNotificationRoutes(api: Api, db: Database): void {
  api.route(operations.notificationPreferences, ({ req }) => {
    const ctx = tenantContext(req);
    return withTenant(db, ctx, (tx) => findNotificationPreferences(tx, residentOf(ctx)));
  });
  api.route(operations.setNotificationPreferences, ({ req, body }) => {
    const ctx = tenantContext(req);
    return withTenant(db, ctx, async (tx) => {
      await saveNotificationPreferences(tx, ctx.tenantId, residentOf(ctx), body);
      return findNotificationPreferences(tx, residentOf(ctx));
    });
  });
}

function residentOf(ctx: { residentId?: string }): string {
  if (!ctx.residentId) throw forbidden('Diese Funktion steht nur Mieterinnen und Mietern zur Verfügung.');
  return ctx.residentId;
}
