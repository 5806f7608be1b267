import type { Queryable } from '../db/database.ts';
import type { Audience, DocumentCategory, DocumentReaders, PublishedDocument, StaffDocument } from './model.ts';

/**
 * SQL for documents and read receipts. Row-level security decides what the caller may see (a resident:
 * what is addressed to them, their unit or their building); the resident queries filter explicitly too.
 */

interface DocumentRow {
  id: string;
  title: string;
  category: DocumentCategory;
  file_name: string;
  content_type: string;
  size: number;
  published_at: Date;
  read_at: Date | null;
  case_number: string | null;
}

const toDocument = (row: DocumentRow): PublishedDocument => ({
  id: row.id,
  title: row.title,
  category: row.category,
  fileName: row.file_name,
  contentType: row.content_type,
  size: row.size,
  publishedAt: row.published_at,
  readAt: row.read_at,
  caseNumber: row.case_number,
});

/**
 * Whether document `d` reaches the resident whose id is the SQL expression `resident`: addressed to them, or to a
 * unit or building they have a relation to that the document's readers take in (tenants, owners or all; migration
 * 0037).
 */
const reaches = (resident: string) =>
  `(d.recipient_resident_id = ${resident} OR (d.recipient_resident_id IS NULL AND resident_reached(${resident}, d.recipient_unit_id, d.recipient_building_id, d.readers)))`;

// Documents of the calling resident ($1 = resident id).
const RESIDENT_AUDIENCE = reaches('$1');

const RESIDENT_SELECT = `
  SELECT d.id, d.title, d.category, d.file_name, d.content_type, d.size, d.published_at, r.read_at, c.case_number
    FROM documents d
    LEFT JOIN document_reads r ON r.tenant_id = d.tenant_id AND r.document_id = d.id AND r.resident_id = $1
    LEFT JOIN cases c ON c.tenant_id = d.tenant_id AND c.id = d.case_id`;

/** The resident's documents, newest first; the cursor is the id of the last document of the previous page. */
export async function listResidentDocuments(
  tx: Queryable,
  residentId: string,
  page: { limit: number; cursor?: string },
): Promise<PublishedDocument[]> {
  const { rows } = await tx.query<DocumentRow>(
    `${RESIDENT_SELECT}
      WHERE ${RESIDENT_AUDIENCE}
        AND ($2::uuid IS NULL OR (d.published_at, d.id) < (SELECT published_at, id FROM documents WHERE id = $2))
      ORDER BY d.published_at DESC, d.id DESC
      LIMIT $3`,
    [residentId, page.cursor ?? null, page.limit],
  );
  return rows.map(toDocument);
}

export async function findResidentDocument(tx: Queryable, residentId: string, documentId: string): Promise<PublishedDocument | undefined> {
  const { rows } = await tx.query<DocumentRow>(`${RESIDENT_SELECT} WHERE ${RESIDENT_AUDIENCE} AND d.id = $2`, [residentId, documentId]);
  return rows[0] && toDocument(rows[0]);
}

export async function countUnread(tx: Queryable, residentId: string): Promise<number> {
  const { rows } = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM documents d
      WHERE ${RESIDENT_AUDIENCE}
        AND NOT EXISTS (SELECT 1 FROM document_reads r WHERE r.tenant_id = d.tenant_id AND r.document_id = d.id AND r.resident_id = $1)`,
    [residentId],
  );
  return rows[0].n;
}

/** The file of a document the resident may see. */
export async function findResidentDocumentFile(
  tx: Queryable,
  residentId: string,
  documentId: string,
): Promise<{ fileName: string; contentType: string; content: Buffer } | undefined> {
  const { rows } = await tx.query<{ fileName: string; contentType: string; content: Uint8Array }>(
    `SELECT d.file_name AS "fileName", d.content_type AS "contentType", d.content
       FROM documents d WHERE ${RESIDENT_AUDIENCE} AND d.id = $2`,
    [residentId, documentId],
  );
  const row = rows[0];
  return row && { ...row, content: Buffer.from(row.content) };
}

/** Stores the first read only; later reads keep the first time. */
export async function recordRead(tx: Queryable, tenantId: string, residentId: string, documentId: string): Promise<void> {
  await tx.query(
    `INSERT INTO document_reads (tenant_id, document_id, resident_id) VALUES ($1, $2, $3) ON CONFLICT (document_id, resident_id) DO NOTHING`,
    [tenantId, documentId, residentId],
  );
}

export interface NewDocumentRow {
  tenantId: string;
  title: string;
  category: DocumentCategory;
  fileName: string;
  contentType: string;
  content: Buffer;
  audience: Audience;
  audienceId: string;
  /** Of a unit's or building's people: everyone, the tenants or the owners. */
  readers: DocumentReaders;
  caseId: string | null;
  publishedBy: string;
  /** Now, unless given (demo data). */
  publishedAt?: Date;
}

export async function insertDocument(tx: Queryable, row: NewDocumentRow): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO documents (tenant_id, title, category, file_name, content_type, size, content, recipient_resident_id, recipient_unit_id,
                            recipient_building_id, case_id, published_by, published_at, readers)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, coalesce($13, clock_timestamp()), $14)
     RETURNING id`,
    [
      row.tenantId,
      row.title,
      row.category,
      row.fileName,
      row.contentType,
      row.content.length,
      row.content,
      row.audience === 'resident' ? row.audienceId : null,
      row.audience === 'unit' ? row.audienceId : null,
      row.audience === 'building' ? row.audienceId : null,
      row.caseId,
      row.publishedBy,
      row.publishedAt ?? null,
      row.audience === 'resident' ? 'all' : row.readers,
    ],
  );
  return rows[0].id;
}

/** Whether the resident, unit or building is one of the caller's housing company (row-level security hides others). */
export async function audienceExists(tx: Queryable, audience: Audience, audienceId: string): Promise<boolean> {
  const { rows } = await tx.query<{ found: boolean }>(
    `SELECT CASE $1::text WHEN 'resident' THEN EXISTS (SELECT 1 FROM residents WHERE id = $2)
                          WHEN 'unit' THEN EXISTS (SELECT 1 FROM units WHERE id = $2)
                          ELSE EXISTS (SELECT 1 FROM buildings WHERE id = $2) END AS found`,
    [audience, audienceId],
  );
  return rows[0].found;
}

/** The residents a published document reaches (staff scope). */
export async function listDocumentReaders(tx: Queryable, documentId: string): Promise<string[]> {
  const { rows } = await tx.query<{ id: string }>(
    `SELECT r.id FROM documents d JOIN residents r ON r.tenant_id = d.tenant_id AND ${reaches('r.id')} WHERE d.id = $1`,
    [documentId],
  );
  return rows.map((row) => row.id);
}

interface StaffDocumentRow extends DocumentRow {
  audience: Audience;
  audience_id: string;
  audience_label: string;
  case_id: string | null;
  published_by: string;
  published_by_name: string | null;
  read_count: number;
  audience_size: number;
  readers: DocumentReaders;
}

const STAFF_SELECT = `
  SELECT d.id, d.title, d.category, d.file_name, d.content_type, d.size, d.published_at, NULL::timestamptz AS read_at,
         c.case_number, d.case_id,
         CASE WHEN d.recipient_resident_id IS NOT NULL THEN 'resident' WHEN d.recipient_unit_id IS NOT NULL THEN 'unit' ELSE 'building' END AS audience,
         coalesce(d.recipient_resident_id, d.recipient_unit_id, d.recipient_building_id) AS audience_id,
         CASE WHEN d.recipient_resident_id IS NOT NULL THEN r.first_name || ' ' || r.last_name
              WHEN d.recipient_unit_id IS NOT NULL THEN u.label || ', ' || ub.street || ', ' || ub.postal_code || ' ' || ub.city
              ELSE b.street || ', ' || b.postal_code || ' ' || b.city END AS audience_label,
         d.published_by, a.display_name AS published_by_name,
         (SELECT count(*)::int FROM document_reads dr WHERE dr.tenant_id = d.tenant_id AND dr.document_id = d.id) AS read_count,
         d.readers,
         CASE WHEN d.recipient_resident_id IS NOT NULL THEN 1
              ELSE (SELECT count(*)::int FROM residents ar
                     WHERE ar.tenant_id = d.tenant_id AND resident_reached(ar.id, d.recipient_unit_id, d.recipient_building_id, d.readers))
              END AS audience_size
    FROM documents d
    LEFT JOIN cases c ON c.tenant_id = d.tenant_id AND c.id = d.case_id
    LEFT JOIN residents r ON r.tenant_id = d.tenant_id AND r.id = d.recipient_resident_id
    LEFT JOIN units u ON u.tenant_id = d.tenant_id AND u.id = d.recipient_unit_id
    LEFT JOIN buildings ub ON ub.tenant_id = u.tenant_id AND ub.id = u.building_id
    LEFT JOIN buildings b ON b.tenant_id = d.tenant_id AND b.id = d.recipient_building_id
    LEFT JOIN accounts a ON a.tenant_id = d.tenant_id AND a.id = d.published_by`;

const toStaffDocument = (row: StaffDocumentRow): StaffDocument => ({
  ...toDocument(row),
  audience: { type: row.audience, id: row.audience_id, label: row.audience_label },
  readers: row.readers,
  caseId: row.case_id,
  publishedBy: { id: row.published_by, name: row.published_by_name },
  readCount: row.read_count,
  audienceSize: row.audience_size,
});

export interface StaffDocumentFilter {
  /** Everything the resident receives: addressed to them, or to a unit or building they are reached in. */
  residentId?: string;
  unitId?: string;
  buildingId?: string;
  limit: number;
  cursor?: string;
}

/** The housing company's documents, newest first. */
export async function listStaffDocuments(tx: Queryable, filter: StaffDocumentFilter): Promise<StaffDocument[]> {
  const { rows } = await tx.query<StaffDocumentRow>(
    `${STAFF_SELECT}
      WHERE ($1::uuid IS NULL OR ${reaches('$1')})
        AND ($2::uuid IS NULL OR d.recipient_unit_id = $2)
        AND ($3::uuid IS NULL OR d.recipient_building_id = $3)
        AND ($4::uuid IS NULL OR (d.published_at, d.id) < (SELECT published_at, id FROM documents WHERE id = $4))
      ORDER BY d.published_at DESC, d.id DESC
      LIMIT $5`,
    [filter.residentId ?? null, filter.unitId ?? null, filter.buildingId ?? null, filter.cursor ?? null, filter.limit],
  );
  return rows.map(toStaffDocument);
}

export async function findStaffDocument(tx: Queryable, documentId: string): Promise<StaffDocument | undefined> {
  const { rows } = await tx.query<StaffDocumentRow>(`${STAFF_SELECT} WHERE d.id = $1`, [documentId]);
  return rows[0] && toStaffDocument(rows[0]);
}

/** What a Mieterbescheinigung states: the resident, the rented unit, since when, and the issuing company. */
export interface TenancyFacts {
  firstName: string;
  lastName: string;
  unitLabel: string;
  street: string;
  postalCode: string;
  city: string;
  tenancyStart: string | null;
  companyName: string;
}

export async function findTenancyFacts(tx: Queryable, residentId: string): Promise<TenancyFacts | undefined> {
  const { rows } = await tx.query<TenancyFacts>(
    `SELECT r.first_name AS "firstName", r.last_name AS "lastName", u.label AS "unitLabel", b.street, b.postal_code AS "postalCode",
            b.city, to_char(tn.tenancy_start, 'YYYY-MM-DD') AS "tenancyStart", t.name AS "companyName"
       FROM residents r
       JOIN units u ON u.tenant_id = r.tenant_id AND u.id = r.unit_id
       LEFT JOIN tenancies tn ON tn.tenant_id = r.tenant_id AND tn.resident_id = r.id AND tn.unit_id = r.unit_id AND tn.relation = 'tenant'
       JOIN buildings b ON b.tenant_id = u.tenant_id AND b.id = u.building_id
       JOIN tenants t ON t.id = r.tenant_id
      WHERE r.id = $1`,
    [residentId],
  );
  return rows[0];
}

/** Demo seed: whether the housing company has published anything yet. */
export async function hasDocuments(tx: Queryable): Promise<boolean> {
  return (await tx.query(`SELECT 1 FROM documents LIMIT 1`)).rowCount > 0;
}

/** Demo seed: a resident, unit or building by its ERP reference. */
export async function findAudienceIdByRef(tx: Queryable, audience: Audience, externalRef: string): Promise<string | undefined> {
  const { rows } = await tx.query<{ id: string }>(
    `SELECT id FROM residents WHERE $1::text = 'resident' AND external_ref = $2
     UNION ALL SELECT id FROM units WHERE $1::text = 'unit' AND external_ref = $2
     UNION ALL SELECT id FROM buildings WHERE $1::text = 'building' AND external_ref = $2`,
    [audience, externalRef],
  );
  return rows[0]?.id;
}

export async function findStaffAccountByEmail(tx: Queryable, email: string): Promise<string | undefined> {
  const { rows } = await tx.query<{ id: string }>(`SELECT id FROM accounts WHERE lower(email) = lower($1) AND role IN ('clerk', 'admin')`, [
    email,
  ]);
  return rows[0]?.id;
}
