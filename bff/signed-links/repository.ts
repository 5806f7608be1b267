import type { Queryable } from '../db/database.ts';

/** SQL of signed links. Every function runs in the caller's transaction and scope. */

export interface SignedLinkRow {
  id: string;
  purpose: string;
  subjectId: string;
  expiresAt: Date;
  singleUse: boolean;
  usedAt: Date | null;
  revokedAt: Date | null;
}

export async function insertLink(
  tx: Queryable,
  link: { tenantId: string; purpose: string; subjectId: string; expiresAt: Date; singleUse: boolean; createdBy: string | null },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO signed_links (tenant_id, purpose, subject_id, expires_at, single_use, created_by)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [link.tenantId, link.purpose, link.subjectId, link.expiresAt, link.singleUse, link.createdBy],
  );
  return rows[0].id;
}

/** The link's row, locked for the rest of the transaction (a single-use link is used by one request only). */
export async function findLinkForUpdate(tx: Queryable, linkId: string): Promise<SignedLinkRow | undefined> {
  const { rows } = await tx.query<SignedLinkRow>(
    `SELECT id, purpose, subject_id AS "subjectId", expires_at AS "expiresAt", single_use AS "singleUse",
            used_at AS "usedAt", revoked_at AS "revokedAt"
       FROM signed_links WHERE id = $1 FOR UPDATE`,
    [linkId],
  );
  return rows[0] && { ...rows[0], expiresAt: new Date(rows[0].expiresAt) };
}

export async function markUsed(tx: Queryable, linkId: string): Promise<void> {
  await tx.query(`UPDATE signed_links SET used_at = now() WHERE id = $1`, [linkId]);
}

/** Revokes a link; false when the company has no such link. */
export async function revokeLink(tx: Queryable, linkId: string): Promise<boolean> {
  const { rowCount } = await tx.query(`UPDATE signed_links SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1`, [linkId]);
  return rowCount > 0;
}

/** Revokes every live link of a purpose and subject (a new invitation replaces the earlier one). */
export async function revokeLinksOf(tx: Queryable, purpose: string, subjectId: string): Promise<void> {
  await tx.query(`UPDATE signed_links SET revoked_at = now() WHERE purpose = $1 AND subject_id = $2 AND revoked_at IS NULL`, [
    purpose,
    subjectId,
  ]);
}

/** The newest live link of a purpose and subject (not revoked, not expired, not used). */
export async function latestLiveLink(tx: Queryable, purpose: string, subjectId: string): Promise<SignedLinkRow | undefined> {
  const { rows } = await tx.query<SignedLinkRow>(
    `SELECT id, purpose, subject_id AS "subjectId", expires_at AS "expiresAt", single_use AS "singleUse",
            used_at AS "usedAt", revoked_at AS "revokedAt"
       FROM signed_links
      WHERE purpose = $1 AND subject_id = $2 AND revoked_at IS NULL AND used_at IS NULL AND expires_at > now()
      ORDER BY created_at DESC, id DESC LIMIT 1`,
    [purpose, subjectId],
  );
  return rows[0] && { ...rows[0], expiresAt: new Date(rows[0].expiresAt) };
}
