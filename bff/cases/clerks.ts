import type { Database } from '../db/database.ts';
import { withTenant, type TenantContext } from '../db/scope.ts';
import { listStaffAccounts } from './clerk-repository.ts';

/** Who a clerk can assign a case to: the staff of the own housing company. */
export function createClerkUseCases(db: Database) {
  return {
    async list(ctx: TenantContext) {
      return { items: await withTenant(db, ctx, (tx) => listStaffAccounts(tx)) };
    },
  };
}
