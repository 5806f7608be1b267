import type { Queryable } from '../db/database.ts';

/** SQL of company settings and the audit log. Every function runs in the caller's transaction and scope. */

export interface StoredSettings {
  /** What the company set, as stored (fields nobody set are absent). */
  values: Record<string, unknown>;
  updatedAt: string;
}

/** The scope's housing company's stored settings; `undefined` when it never set any. */
export async function findStoredSettings(tx: Queryable): Promise<StoredSettings | undefined> {
  const { rows } = await tx.query<{ values: Record<string, unknown>; updatedAt: Date }>(
    `SELECT settings AS values, updated_at AS "updatedAt" FROM company_settings WHERE tenant_id = app_tenant()`,
  );
  return rows[0] && { values: rows[0].values, updatedAt: new Date(rows[0].updatedAt).toISOString() };
}

/** Locks the company's row for a read-modify-write, so two changes at once do not lose one another. */
export async function lockStoredSettings(tx: Queryable, tenantId: string): Promise<StoredSettings | undefined> {
  await tx.query(`INSERT INTO company_settings (tenant_id) VALUES ($1) ON CONFLICT (tenant_id) DO NOTHING`, [tenantId]);
  const { rows } = await tx.query<{ values: Record<string, unknown>; updatedAt: Date }>(
    `SELECT settings AS values, updated_at AS "updatedAt" FROM company_settings WHERE tenant_id = $1 FOR UPDATE`,
    [tenantId],
  );
  return rows[0] && { values: rows[0].values, updatedAt: new Date(rows[0].updatedAt).toISOString() };
}

export async function saveSettings(tx: Queryable, tenantId: string, values: Record<string, unknown>): Promise<string> {
  const { rows } = await tx.query<{ updatedAt: Date }>(
    `UPDATE company_settings SET settings = $2, updated_at = now() WHERE tenant_id = $1 RETURNING updated_at AS "updatedAt"`,
    [tenantId, JSON.stringify(values)],
  );
  return new Date(rows[0].updatedAt).toISOString();
}

export interface AuditEntry {
  id: string;
  at: string;
  /** The admin who acted; null: the platform operator. */
  actorAccountId: string | null;
  actorName: string | null;
  action: string;
  details: Record<string, unknown>;
}

export async function insertAuditEntry(
  tx: Queryable,
  entry: { tenantId: string; actorAccountId: string | null; action: string; details: Record<string, unknown> },
): Promise<void> {
  await tx.query(`INSERT INTO audit_log (tenant_id, actor_account_id, action, details) VALUES ($1, $2, $3, $4)`, [
    entry.tenantId,
    entry.actorAccountId,
    entry.action,
    JSON.stringify(entry.details),
  ]);
}

/** The newest entries of the scope's housing company's audit log, optionally of one action. */
export async function listAuditEntries(tx: Queryable, options: { action?: string; limit: number }): Promise<AuditEntry[]> {
  const { rows } = await tx.query<AuditEntry & { at: Date }>(
    `SELECT l.id, l.at, l.actor_account_id AS "actorAccountId", a.display_name AS "actorName", l.action, l.details
       FROM audit_log l
       LEFT JOIN accounts a ON a.tenant_id = l.tenant_id AND a.id = l.actor_account_id
      WHERE ($1::text IS NULL OR l.action = $1)
      ORDER BY l.at DESC, l.id
      LIMIT $2`,
    [options.action ?? null, options.limit],
  );
  return rows.map((row) => ({ ...row, at: new Date(row.at).toISOString() }));
}
