import type { Database } from '../db/database.ts';
import { withTenant, type TenantContext } from '../db/scope.ts';
import { utilityStatementDueBy } from './model.ts';
import { findResidentTenancy, type TenancyRecord } from './repository.ts';

export interface OwnTenancy extends TenancyRecord {
  /** § 556 Abs. 3 BGB, computed here from the billing period (null without one). */
  nextUtilityStatementDueBy: string | null;
}

/** The signed-in resident's tenancy of their unit, in their own scope; undefined when none is known. */
export async function readOwnTenancy(db: Database, ctx: TenantContext): Promise<OwnTenancy | undefined> {
  if (ctx.role !== 'resident' || !ctx.residentId) return undefined;
  const tenancy = await withTenant(db, ctx, (tx) => findResidentTenancy(tx, ctx.residentId!));
  return tenancy && { ...tenancy, nextUtilityStatementDueBy: tenancy.billingPeriod && utilityStatementDueBy(tenancy.billingPeriod.end) };
}
