import type { Queryable } from '../db/database.ts';
import type { StoredFileType as StoredType } from '../contract/enums.ts';

/**
 * SQL for staged uploads. Row-level security limits every statement to the calling account's own uploads
 * (the system clean-up sees only expired ones); the queries name the account as well.
 */

/** How long an upload waits for the case or document that takes it. */
export const STAGED_UPLOAD_HOURS = 24;

export interface StagedUploadInfo {
  id: string;
  fileName: string;
  contentType: StoredType;
  size: number;
}

export interface StagedFile {
  fileName: string;
  contentType: StoredType;
  size: number;
  content: Buffer;
}

/**
 * Serialises the uploads of one account within its transaction, so that concurrent uploads cannot pass
 * the per-account limit together.
 */
export async function lockAccountUploads(tx: Queryable, accountId: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('staged_uploads:' || $1::text, 0))`, [accountId]);
}

export async function countStagedUploads(tx: Queryable, accountId: string): Promise<number> {
  const { rows } = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM staged_uploads
      WHERE account_id = $1 AND created_at > now() - make_interval(hours => $2)`,
    [accountId, STAGED_UPLOAD_HOURS],
  );
  return rows[0].n;
}

export async function insertStagedUpload(
  tx: Queryable,
  upload: { tenantId: string; accountId: string; fileName: string; contentType: StoredType; content: Buffer },
): Promise<StagedUploadInfo> {
  const { rows } = await tx.query<StagedUploadInfo>(
    `INSERT INTO staged_uploads (tenant_id, account_id, file_name, content_type, size, content)
     VALUES ($1, $2, $3, $4, $5, $6)
     RETURNING id, file_name AS "fileName", content_type AS "contentType", size`,
    [upload.tenantId, upload.accountId, upload.fileName, upload.contentType, upload.content.length, upload.content],
  );
  return rows[0];
}

export async function deleteStagedUpload(tx: Queryable, accountId: string, uploadId: string): Promise<boolean> {
  const { rowCount } = await tx.query(`DELETE FROM staged_uploads WHERE id = $1 AND account_id = $2`, [uploadId, accountId]);
  return rowCount > 0;
}

/** Removes one of the account's unexpired uploads and returns it; undefined when there is none. */
export async function removeStagedUpload(tx: Queryable, accountId: string, uploadId: string): Promise<StagedFile | undefined> {
  const { rows } = await tx.query<StagedFile>(
    `DELETE FROM staged_uploads
      WHERE id = $1 AND account_id = $2 AND created_at > now() - make_interval(hours => $3)
      RETURNING file_name AS "fileName", content_type AS "contentType", size, content`,
    [uploadId, accountId, STAGED_UPLOAD_HOURS],
  );
  const row = rows[0];
  return row && { ...row, content: Buffer.from(row.content) };
}

/** System scope: the policy shows only uploads older than 24 hours, of every housing company. */
export async function deleteExpiredUploads(tx: Queryable): Promise<number> {
  const { rowCount } = await tx.query(`DELETE FROM staged_uploads WHERE created_at < now() - make_interval(hours => $1)`, [
    STAGED_UPLOAD_HOURS,
  ]);
  return rowCount;
}
