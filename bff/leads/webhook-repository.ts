import type { LeadIntakeRejectionReason } from '../contract/enums.ts';
import type { Queryable } from '../db/database.ts';

/** SQL of the lead webhook: its secrets, the deliveries already taken, the refused requests. */

export interface SecretRow {
  id: string;
  provider: string;
  /** Sealed (bff/secrets/secret-box.ts). */
  secret: string;
  hint: string;
  createdAt: Date;
  revokedAt: Date | null;
}

type Row = Omit<SecretRow, 'createdAt' | 'revokedAt'> & { createdAt: Date | string; revokedAt: Date | string | null };
const toSecret = (row: Row): SecretRow => ({
  ...row,
  createdAt: new Date(row.createdAt),
  revokedAt: row.revokedAt === null ? null : new Date(row.revokedAt),
});
const SECRET_SELECT = `SELECT id, provider, secret, hint, created_at AS "createdAt", revoked_at AS "revokedAt" FROM lead_webhook_secrets`;

/** The provider's secrets that are not revoked, newest first (the one a sender most likely uses). */
export async function listActiveSecrets(tx: Queryable, provider: string): Promise<SecretRow[]> {
  const { rows } = await tx.query<Row>(`${SECRET_SELECT} WHERE provider = $1 AND revoked_at IS NULL ORDER BY created_at DESC, id`, [
    provider,
  ]);
  return rows.map(toSecret);
}

/** Every secret of the company, revoked ones included, by provider and age. */
export async function listSecrets(tx: Queryable): Promise<SecretRow[]> {
  const { rows } = await tx.query<Row>(`${SECRET_SELECT} ORDER BY provider, created_at DESC, id`);
  return rows.map(toSecret);
}

export async function insertSecret(
  tx: Queryable,
  tenantId: string,
  secret: { id: string; provider: string; sealed: string; hint: string; createdBy: string | null },
): Promise<SecretRow> {
  const { rows } = await tx.query<Row>(
    `INSERT INTO lead_webhook_secrets (tenant_id, id, provider, secret, hint, created_by) VALUES ($1, $2, $3, $4, $5, $6)
     RETURNING id, provider, secret, hint, created_at AS "createdAt", revoked_at AS "revokedAt"`,
    [tenantId, secret.id, secret.provider, secret.sealed, secret.hint, secret.createdBy],
  );
  return toSecret(rows[0]);
}

/** Revokes a secret; false when the scope has no such secret that is still valid. */
export async function revokeSecret(tx: Queryable, secretId: string): Promise<boolean> {
  const { rowCount } = await tx.query(`UPDATE lead_webhook_secrets SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [
    secretId,
  ]);
  return rowCount > 0;
}

/** The lead an earlier delivery with any of these keys created. */
export async function findDelivery(tx: Queryable, provider: string, keys: string[]): Promise<string | undefined> {
  const { rows } = await tx.query<{ lead_id: string }>(
    `SELECT lead_id FROM webhook_deliveries WHERE provider = $1 AND dedupe_key = ANY($2::text[]) ORDER BY received_at LIMIT 1`,
    [provider, keys],
  );
  return rows[0]?.lead_id;
}

/**
 * Records the delivery's keys for its lead; returns how many were new. Fewer than given: a concurrent delivery
 * of the same enquiry committed first (its INSERT held ours until then).
 */
export async function insertDeliveries(tx: Queryable, tenantId: string, provider: string, keys: string[], leadId: string): Promise<number> {
  const { rowCount } = await tx.query(
    `INSERT INTO webhook_deliveries (tenant_id, provider, dedupe_key, lead_id)
     SELECT $1, $2, key, $4 FROM unnest($3::text[]) AS key
     ON CONFLICT DO NOTHING`,
    [tenantId, provider, keys, leadId],
  );
  return rowCount;
}

export async function insertRejection(
  tx: Queryable,
  tenantId: string,
  rejection: { provider: string; ip: string | null; reason: LeadIntakeRejectionReason; detail: string | null },
): Promise<void> {
  await tx.query(`INSERT INTO lead_intake_rejections (tenant_id, provider, ip, reason, detail) VALUES ($1, $2, $3, $4, $5)`, [
    tenantId,
    rejection.provider,
    rejection.ip,
    rejection.reason,
    rejection.detail,
  ]);
}

export interface RejectionRow {
  id: string;
  at: Date;
  provider: string;
  ip: string | null;
  reason: LeadIntakeRejectionReason;
  detail: string | null;
}

/** Refused requests, newest first; the cursor is the id of the last one of the previous page. */
export async function listRejections(tx: Queryable, page: { limit: number; cursor?: string }): Promise<RejectionRow[]> {
  const { rows } = await tx.query<RejectionRow & { at: Date | string }>(
    `SELECT id, at, provider, ip, reason, detail FROM lead_intake_rejections
      WHERE $1::uuid IS NULL OR (at, id) < (SELECT at, id FROM lead_intake_rejections WHERE id = $1)
      ORDER BY at DESC, id DESC
      LIMIT $2`,
    [page.cursor ?? null, page.limit],
  );
  return rows.map((row) => ({ ...row, at: new Date(row.at) }));
}
