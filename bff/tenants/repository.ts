import type { Queryable } from '../db/database.ts';

/** SQL for housing companies (Mandanten): the only place that reads or writes the `tenants` table. */

export interface Tenant {
  id: string;
  slug: string;
  name: string;
  allowedOrigins: string[];
  theme: Record<string, string>;
}

const TENANT_COLUMNS = `id, slug, name, allowed_origins AS "allowedOrigins", theme`;

export async function insertTenant(tx: Queryable, tenant: Omit<Tenant, 'id'>): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO tenants (slug, name, allowed_origins, theme) VALUES ($1, $2, $3, $4) RETURNING id`,
    [tenant.slug, tenant.name, tenant.allowedOrigins, JSON.stringify(tenant.theme)],
  );
  return rows[0].id;
}

export async function findTenantBySlug(tx: Queryable, slug: string): Promise<Tenant | undefined> {
  const { rows } = await tx.query<Tenant>(`SELECT ${TENANT_COLUMNS} FROM tenants WHERE slug = $1`, [slug]);
  return rows[0];
}

export async function listTenants(tx: Queryable): Promise<Tenant[]> {
  const { rows } = await tx.query<Tenant>(`SELECT ${TENANT_COLUMNS} FROM tenants ORDER BY slug`);
  return rows;
}

/** Adds embed origins to those a housing company already has. */
export async function addAllowedOrigins(tx: Queryable, tenantId: string, origins: string[]): Promise<void> {
  await tx.query(`UPDATE tenants SET allowed_origins = allowed_origins || $2::text[] WHERE id = $1`, [tenantId, origins]);
}

/** Replaces the scope's housing company's embed origins and theme (its admins, docs/portal-admin.md). */
export async function updateScopeEmbedding(
  tx: Queryable,
  embedding: { allowedOrigins: string[]; theme: Record<string, string> },
): Promise<void> {
  await tx.query(`UPDATE tenants SET allowed_origins = $1, theme = $2 WHERE id = app_tenant()`, [
    embedding.allowedOrigins,
    JSON.stringify(embedding.theme),
  ]);
}

/** The scope's own housing company. */
export async function findScopeTenant(tx: Queryable): Promise<Tenant | undefined> {
  const { rows } = await tx.query<Tenant>(`SELECT ${TENANT_COLUMNS} FROM tenants WHERE id = app_tenant()`);
  return rows[0];
}

/** Every housing company's registered embed origins (for CORS). */
export async function listTenantOrigins(tx: Queryable): Promise<Array<{ id: string; allowedOrigins: string[] }>> {
  const { rows } = await tx.query<{ id: string; allowedOrigins: string[] }>(`SELECT id, allowed_origins AS "allowedOrigins" FROM tenants`);
  return rows;
}
