import type { Queryable } from '../db/database.ts';
import type { StoredFileType as StoredType } from '../contract/enums.ts';

/**
 * SQL for case attachments. Row-level security shows a resident only the attachments of their own cases
 * and staff those of their housing company; the queries name the case (and the resident) as well.
 */

export interface CaseAttachment {
  id: string;
  fileName: string;
  contentType: StoredType;
  size: number;
  uploadedBy: 'resident' | 'staff';
  createdAt: Date;
}

export interface AttachmentFile {
  fileName: string;
  contentType: StoredType;
  content: Buffer;
}

/** Serialises attaching to one case, so that concurrent messages cannot pass the per-case limit together. */
export async function lockCaseAttachments(tx: Queryable, caseId: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('case_attachments:' || $1::text, 0))`, [caseId]);
}

export async function countCaseAttachments(tx: Queryable, caseId: string): Promise<number> {
  const { rows } = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM case_attachments WHERE case_id = $1`, [caseId]);
  return rows[0].n;
}

export async function insertCaseAttachment(
  tx: Queryable,
  attachment: {
    tenantId: string;
    caseId: string;
    residentId: string | null;
    accountId: string;
    role: 'resident' | 'staff';
    fileName: string;
    contentType: StoredType;
    content: Buffer;
  },
): Promise<{ id: string; createdAt: Date }> {
  const { rows } = await tx.query<{ id: string; createdAt: Date }>(
    `INSERT INTO case_attachments (tenant_id, case_id, resident_id, uploaded_by_account_id, uploaded_by_role, file_name, content_type, size, content)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id, created_at AS "createdAt"`,
    [
      attachment.tenantId,
      attachment.caseId,
      attachment.residentId,
      attachment.accountId,
      attachment.role,
      attachment.fileName,
      attachment.contentType,
      attachment.content.length,
      attachment.content,
    ],
  );
  return rows[0];
}

/** The attachments of a case, oldest first, without their bytes. */
export async function listCaseAttachments(tx: Queryable, caseId: string): Promise<CaseAttachment[]> {
  const { rows } = await tx.query<CaseAttachment>(
    `SELECT id, file_name AS "fileName", content_type AS "contentType", size, uploaded_by_role AS "uploadedBy", created_at AS "createdAt"
       FROM case_attachments
      WHERE case_id = $1
      ORDER BY created_at, id`,
    [caseId],
  );
  return rows;
}

/** One attachment's bytes; `residentId` limits the lookup to that resident's own cases. */
export async function findAttachmentFile(
  tx: Queryable,
  caseId: string,
  attachmentId: string,
  residentId?: string,
): Promise<AttachmentFile | undefined> {
  const { rows } = await tx.query<AttachmentFile>(
    `SELECT file_name AS "fileName", content_type AS "contentType", content
       FROM case_attachments
      WHERE id = $1 AND case_id = $2 AND ($3::uuid IS NULL OR resident_id = $3)`,
    [attachmentId, caseId, residentId ?? null],
  );
  const row = rows[0];
  return row && { ...row, content: Buffer.from(row.content) };
}
