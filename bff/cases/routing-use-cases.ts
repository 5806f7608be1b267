import type { Database } from '../db/database.ts';
import { withTenant, type TenantContext } from '../db/scope.ts';
import { AppError, notFound } from '../errors.ts';
import { insertAuditEntry } from '../settings/repository.ts';
import { damageCategoryExists, setDamageLocationCommonArea } from './catalogue-repository.ts';
import { isStaffAccount } from './case-repository.ts';
import { deleteRoutingRule, listRoutingRules, upsertRoutingRule } from './routing-repository.ts';
import type { RoutingRuleInput } from '../contract/cases.ts';

/**
 * Admins decide who receives new cases: per case type and, for damage reports, per damage category; and
 * which damage locations are common areas (who is offered a report under "Bereits gemeldet?"). Every change of
 * a rule is in the audit log (`routing.changed`), in the admin's name.
 */
export const ROUTING_CHANGED = 'routing.changed';

export function createRoutingUseCases(db: Database) {
  return {
    async list(ctx: TenantContext) {
      return { items: await withTenant(db, ctx, (tx) => listRoutingRules(tx)) };
    },

    async set(ctx: TenantContext, rule: RoutingRuleInput) {
      if (rule.damageCategoryId && rule.caseType !== 'damage') {
        throw new AppError(400, 'category_needs_damage', 'Eine Schadenskategorie gibt es nur bei Schadensmeldungen.');
      }
      return withTenant(db, ctx, async (tx) => {
        if (!(await isStaffAccount(tx, rule.assigneeId))) {
          throw new AppError(400, 'unknown_assignee', 'Diese Person ist keine Sachbearbeitung dieser Hausverwaltung.');
        }
        if (rule.damageCategoryId && !(await damageCategoryExists(tx, rule.damageCategoryId))) {
          throw new AppError(400, 'unknown_damage_category', 'Diese Schadenskategorie gibt es im Katalog nicht.');
        }
        const id = await upsertRoutingRule(tx, ctx.tenantId, rule);
        await insertAuditEntry(tx, {
          tenantId: ctx.tenantId,
          actorAccountId: ctx.accountId,
          action: ROUTING_CHANGED,
          details: { change: 'set', ...rule },
        });
        return { id };
      });
    },

    async remove(ctx: TenantContext, ruleId: string) {
      const deleted = await withTenant(db, ctx, async (tx) => {
        const removed = await deleteRoutingRule(tx, ruleId);
        if (removed) {
          await insertAuditEntry(tx, {
            tenantId: ctx.tenantId,
            actorAccountId: ctx.accountId,
            action: ROUTING_CHANGED,
            details: { change: 'removed', id: ruleId },
          });
        }
        return removed;
      });
      if (!deleted) throw notFound('Regel nicht gefunden.');
    },

    /** Whether a damage location is a common area, whose reports every resident of the building is offered. */
    async setCommonArea(ctx: TenantContext, locationId: string, commonArea: boolean) {
      const location = await withTenant(db, ctx, (tx) => setDamageLocationCommonArea(tx, locationId, commonArea));
      if (!location) throw notFound('Diesen Schadensort gibt es im Katalog nicht.');
      return location;
    },
  };
}
