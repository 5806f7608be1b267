import { tenantInput, type TenantInput } from '../contract/onboarding.ts';
import type { Database, Queryable } from '../db/database.ts';
import { applyScope, withScope } from '../db/scope.ts';
import { AppError, notFound } from '../errors.ts';
import { seedCaseCatalogue } from '../cases/seed-catalogue.ts';
import * as repository from './repository.ts';
import type { Tenant } from './repository.ts';

/**
 * Housing companies (Mandanten): created by the platform, looked up by slug wherever a request names one
 * (sign-in forms, the platform admin API, webhooks of a company's Vorgang API). The one place that does
 * these lookups; each caller decides what an unknown slug answers.
 */
export type { Tenant };

const uniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

export async function createTenant(db: Database, input: TenantInput): Promise<Tenant> {
  const data = tenantInput.parse(input);
  try {
    const id = await withScope(db, { role: 'platform' }, async (tx) => {
      const id = await repository.insertTenant(tx, data);
      // A new housing company starts with the default damage and document catalogue, in the same transaction.
      await applyScope(tx, { role: 'admin', tenantId: id });
      await seedCaseCatalogue(tx, id);
      return id;
    });
    return { id, ...data };
  } catch (error) {
    if (uniqueViolation(error)) throw new AppError(409, 'slug_taken', `Die Kennung „${data.slug}“ ist bereits vergeben.`);
    throw error;
  }
}

export function findTenantBySlug(db: Database, slug: string): Promise<Tenant | undefined> {
  return withScope(db, { role: 'auth' }, (tx) => repository.findTenantBySlug(tx, slug));
}

/** As `findTenantBySlug`, inside the caller's transaction (the lead webhook verifies and stores in one). */
export function findTenantBySlugIn(tx: Queryable, slug: string): Promise<Tenant | undefined> {
  return repository.findTenantBySlug(tx, slug);
}

/** Every housing company, by slug (the platform's view). */
export function listTenants(db: Database): Promise<Tenant[]> {
  return withScope(db, { role: 'platform' }, (tx) => repository.listTenants(tx));
}

/** Lets a housing company's widgets be embedded from more origins (the platform's work). */
export function addAllowedOrigins(db: Database, tenantId: string, origins: string[]): Promise<void> {
  return withScope(db, { role: 'platform' }, (tx) => repository.addAllowedOrigins(tx, tenantId, origins));
}

/** The housing company of a slug in the platform admin API: `404 not_found` when there is none. */
export async function requireTenant(db: Database, slug: string): Promise<Tenant> {
  const tenant = await findTenantBySlug(db, slug);
  if (!tenant) throw notFound(`Hausverwaltung „${slug}“ nicht gefunden.`);
  return tenant;
}

/** Runs the platform's work on one housing company as an admin of it (onboarding, connecting its Vorgang API). */
export function asTenantAdmin<T>(db: Database, tenantId: string, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  return withScope(db, { role: 'admin', tenantId }, fn);
}
