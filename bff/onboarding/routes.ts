import express from 'express';
import { onboardingOperations as operations } from '../contract/onboarding.ts';
import type { Api } from '../http/api.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { addBuilding, addResident, addStaff, addUnit, readmitAccount, reissueActivationCode } from './use-cases.ts';
import { asTenantAdmin, createTenant, requireTenant } from '../tenants/use-cases.ts';
import { importResidentsCsv } from './csv-import.ts';

/**
 * Platform admin API (docs/sign-in.md, "Platform admin API"): the operator onboards a housing company.
 * Authenticated with the bearer ADMIN_API_TOKEN (access 'platform'); no cookies, no CSRF.
 */
export function registerOnboardingRoutes(api: Api, ctx: AppContext): void {
  const { db } = ctx;

  api.route(operations.createTenant, async ({ body }) => createTenant(db, body));

  api.route(operations.addStaff, async ({ params, body }) => {
    const tenant = await requireTenant(db, params.slug);
    const { id, email, displayName, role, permissions, activationCode } = await asTenantAdmin(db, tenant.id, (tx) =>
      addStaff(tx, tenant.id, body),
    );
    return { id, email, displayName, role, permissions, activationCode };
  });

  api.route(operations.addBuilding, async ({ params, body }) => {
    const tenant = await requireTenant(db, params.slug);
    return asTenantAdmin(db, tenant.id, (tx) => addBuilding(tx, tenant.id, body));
  });

  api.route(operations.addUnit, async ({ params, body }) => {
    const tenant = await requireTenant(db, params.slug);
    return asTenantAdmin(db, tenant.id, (tx) => addUnit(tx, tenant.id, body));
  });

  api.route(operations.addResident, async ({ params, body }) => {
    const tenant = await requireTenant(db, params.slug);
    const resident = await asTenantAdmin(db, tenant.id, (tx) => addResident(tx, tenant.id, body));
    const { id, externalRef, unitRef, relation, furtherUnits, firstName, lastName, contactEmail, activationCode } = resident;
    return { id, externalRef, unitRef, relation, furtherUnits, firstName, lastName, contactEmail, activationCode };
  });

  // The resident list is a file of up to a few megabytes, not JSON: this route gets its own text parser.
  api.router.use(operations.importResidents.path, express.text({ type: ['text/csv', 'text/plain'], limit: '5mb' }));
  api.route(operations.importResidents, async ({ params, query, req }) => {
    if (typeof req.body !== 'string') {
      throw new AppError(415, 'csv_expected', 'Bitte senden Sie die Mieterliste als CSV (Content-Type: text/csv).');
    }
    const tenant = await requireTenant(db, params.slug);
    return importResidentsCsv(db, tenant, req.body, {
      dryRun: query.dryRun,
      sessionsEnded: (tenantId, accountId) => ctx.realtime.endAccountSessions(tenantId, accountId),
    });
  });

  api.route(operations.reissueActivationCode, async ({ params, body }) => {
    const tenant = await requireTenant(db, params.slug);
    const activationCode = await asTenantAdmin(db, tenant.id, (tx) => reissueActivationCode(tx, tenant.id, body));
    return { activationCode };
  });

  api.route(operations.readmitAccount, async ({ params, body }) => readmitAccount(db, await requireTenant(db, params.slug), body));
}
