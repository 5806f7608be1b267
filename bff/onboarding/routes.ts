import express from 'express';
import { z } from 'zod';
import type { Api } from '../http/api.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import {
  addBuilding,
  addResident,
  addStaff,
  addUnit,
  asTenantAdmin,
  buildingInput,
  createTenant,
  reissueActivationCode,
  requireTenant,
  residentInput,
  slugSchema,
  staffInput,
  tenantInput,
  unitInput,
} from './onboarding.ts';
import { importResidentsCsv } from './csv-import.ts';

/**
 * Platform admin API (docs/sign-in.md, "Platform admin API"): the operator onboards a housing company.
 * Authenticated with the bearer ADMIN_API_TOKEN (access 'platform'); no cookies, no CSRF.
 */
const IMPORT_PATH = '/admin/tenants/:slug/residents/import';

const tenantParams = z.object({ slug: slugSchema });

const tenantResponse = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  allowedOrigins: z.array(z.string()),
  theme: z.record(z.string(), z.string()),
});
const staffResponse = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(['clerk', 'admin']),
  activationCode: z.string(),
});
const buildingResponse = z.object({ id: z.uuid(), externalRef: z.string(), street: z.string(), postalCode: z.string(), city: z.string() });
const unitResponse = z.object({ id: z.uuid(), externalRef: z.string(), buildingRef: z.string(), label: z.string() });
const residentResponse = z.object({
  id: z.uuid(),
  externalRef: z.string(),
  unitRef: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  contactEmail: z.string().optional(),
  activationCode: z.string(),
});
const importResponse = z.object({
  imported: z.number().int(),
  createdBuildings: z.number().int(),
  createdUnits: z.number().int(),
  activationCodes: z.array(
    z.object({ line: z.number().int(), residentRef: z.string(), unitRef: z.string(), name: z.string(), activationCode: z.string() }),
  ),
});
const activationCodeInput = z
  .object({
    residentRef: z.string().trim().min(1).max(64).optional(),
    email: z.email('Ungültige E-Mail-Adresse').optional(),
  })
  .refine((who) => !!who.residentRef !== !!who.email, {
    message: 'Bitte genau eines angeben: residentRef (Mieternummer) oder email (Mitarbeiter).',
  });

/** What every admin route shares: platform token, documented under one tag, 201 on success. */
const adminRoute = { method: 'post', tag: 'Plattform-Admin', access: 'platform', status: 201 } as const;

export function registerOnboardingRoutes(api: Api, ctx: AppContext): void {
  const { db } = ctx;

  api.route(
    {
      ...adminRoute,
      path: '/admin/tenants',
      summary: 'Hausverwaltung anlegen',
      body: tenantInput,
      response: tenantResponse,
    },
    async ({ body }) => createTenant(db, body),
  );

  api.route(
    {
      ...adminRoute,
      path: '/admin/tenants/:slug/staff',
      summary: 'Mitarbeiter anlegen (mit Aktivierungscode)',
      params: tenantParams,
      body: staffInput,
      response: staffResponse,
    },
    async ({ params, body }) => {
      const tenant = await requireTenant(db, params.slug);
      const { id, email, displayName, role, activationCode } = await asTenantAdmin(db, tenant.id, (tx) => addStaff(tx, tenant.id, body));
      return { id, email, displayName, role, activationCode };
    },
  );

  api.route(
    {
      ...adminRoute,
      path: '/admin/tenants/:slug/buildings',
      summary: 'Gebäude anlegen',
      params: tenantParams,
      body: buildingInput,
      response: buildingResponse,
    },
    async ({ params, body }) => {
      const tenant = await requireTenant(db, params.slug);
      return asTenantAdmin(db, tenant.id, (tx) => addBuilding(tx, tenant.id, body));
    },
  );

  api.route(
    {
      ...adminRoute,
      path: '/admin/tenants/:slug/units',
      summary: 'Wohneinheit anlegen',
      params: tenantParams,
      body: unitInput,
      response: unitResponse,
    },
    async ({ params, body }) => {
      const tenant = await requireTenant(db, params.slug);
      return asTenantAdmin(db, tenant.id, (tx) => addUnit(tx, tenant.id, body));
    },
  );

  api.route(
    {
      ...adminRoute,
      path: '/admin/tenants/:slug/residents',
      summary: 'Mieter anlegen (mit Aktivierungscode)',
      params: tenantParams,
      body: residentInput,
      response: residentResponse,
    },
    async ({ params, body }) => {
      const tenant = await requireTenant(db, params.slug);
      const resident = await asTenantAdmin(db, tenant.id, (tx) => addResident(tx, tenant.id, body));
      const { id, externalRef, unitRef, firstName, lastName, contactEmail, activationCode } = resident;
      return { id, externalRef, unitRef, firstName, lastName, contactEmail, activationCode };
    },
  );

  // The resident list is a file of up to a few megabytes, not JSON: this route gets its own text parser.
  api.router.use(IMPORT_PATH, express.text({ type: ['text/csv', 'text/plain'], limit: '5mb' }));
  api.route(
    {
      ...adminRoute,
      path: IMPORT_PATH,
      summary: 'Mieterliste als CSV importieren (Body text/csv; alles oder nichts)',
      params: tenantParams,
      response: importResponse,
    },
    async ({ params, req }) => {
      if (typeof req.body !== 'string') {
        throw new AppError(415, 'csv_expected', 'Bitte senden Sie die Mieterliste als CSV (Content-Type: text/csv).');
      }
      const tenant = await requireTenant(db, params.slug);
      return importResidentsCsv(db, tenant, req.body);
    },
  );

  api.route(
    {
      ...adminRoute,
      path: '/admin/tenants/:slug/activation-codes',
      summary: 'Neuen Aktivierungscode ausstellen (ersetzt frühere)',
      params: tenantParams,
      body: activationCodeInput,
      response: z.object({ activationCode: z.string() }),
    },
    async ({ params, body }) => {
      const tenant = await requireTenant(db, params.slug);
      const activationCode = await asTenantAdmin(db, tenant.id, (tx) => reissueActivationCode(tx, tenant.id, body));
      return { activationCode };
    },
  );
}
