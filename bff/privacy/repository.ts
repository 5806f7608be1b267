import type { Queryable } from '../db/database.ts';
import { EXPORT_TABLES, type ExportTable } from './export-repository.ts';

/** SQL of the privacy self-service (migration 0041): the export's reads, erasure requests, the erasure itself. */

export interface Person {
  residentId: string;
  accountId: string;
  /** The sign-in address (null when the account has none). */
  email: string | null;
  firstName: string;
  lastName: string;
  externalRef: string;
}

export interface ExportedSection {
  table: string;
  title: string;
  rows: Array<Record<string, unknown>>;
}

export async function findPerson(tx: Queryable, residentId: string): Promise<Person | undefined> {
  const { rows } = await tx.query<{
    resident_id: string;
    account_id: string;
    email: string | null;
    first_name: string;
    last_name: string;
    external_ref: string;
  }>(
    `SELECT r.id AS resident_id, r.account_id, a.email, r.first_name, r.last_name, r.external_ref
       FROM residents r JOIN accounts a ON a.tenant_id = r.tenant_id AND a.id = r.account_id
      WHERE r.id = $1`,
    [residentId],
  );
  const row = rows[0];
  return (
    row && {
      residentId: row.resident_id,
      accountId: row.account_id,
      email: row.email,
      firstName: row.first_name,
      lastName: row.last_name,
      externalRef: row.external_ref,
    }
  );
}

/**
 * The statement of one export table, oldest row first. Its parameters are typed explicitly: each is used as uuid and
 * as text, and one a table does not use still needs a type (the `params` row).
 */
function exportStatement(spec: ExportTable): string {
  const types = ['uuid', 'uuid', 'text', 'text'];
  const where = spec.where.replace(/\$([1-4])/g, (_, n: string) => `$${n}::${types[Number(n) - 1]}`);
  return `WITH params AS (SELECT $1::uuid, $2::uuid, $3::text, $4::text)
          SELECT to_jsonb(x) - $5::text[] AS row FROM ${spec.table} x
           WHERE x.tenant_id = app_tenant() AND (${where})
           ORDER BY to_jsonb(x) ->> 'created_at', to_jsonb(x)::text`;
}

/** Every row about the person, table by table (in the scope `privacy`, which reads the company's tables). */
export async function exportSections(tx: Queryable, person: Person, loginHash: string): Promise<ExportedSection[]> {
  const sections: ExportedSection[] = [];
  for (const spec of EXPORT_TABLES) {
    const hidden = ['tenant_id', ...(spec.hidden ?? [])];
    const { rows } = await tx.query<{ row: Record<string, unknown> }>(exportStatement(spec), [
      person.residentId,
      person.accountId,
      loginHash,
      person.email,
      hidden,
    ]);
    sections.push({ table: spec.table, title: spec.title, rows: rows.map((row) => row.row) });
  }
  return sections;
}

export async function companyName(tx: Queryable, tenantId: string): Promise<string> {
  const { rows } = await tx.query<{ name: string }>(`SELECT name FROM tenants WHERE id = $1`, [tenantId]);
  return rows[0]?.name ?? '';
}

// ---------------------------------------------------------------------------------------------------------------
// What an erasure keeps

export interface RetentionFacts {
  openCases: number;
  /** Closed cases within their retention period, and the end of the longest one. */
  closedCases: number;
  closedCasesUntil: Date | null;
  documents: number;
  documentsUntil: Date | null;
  tenancies: number;
}

/** Counts for the explanation of what stays (the same rules as erase_resident(), migration 0041). */
export async function retentionFacts(tx: Queryable, residentId: string, at: Date): Promise<RetentionFacts> {
  const { rows } = await tx.query<{
    open_cases: string;
    closed_cases: string;
    closed_until: Date | null;
    documents: string;
    documents_until: Date | null;
    tenancies: string;
  }>(
    `WITH mine AS (
       SELECT c.status, c.updated_at + make_interval(years => CASE
                WHEN EXISTS (SELECT 1 FROM work_orders w WHERE w.tenant_id = c.tenant_id AND w.case_id = c.id) THEN 10 ELSE 6 END) AS until
         FROM cases c WHERE c.resident_id = $1)
     SELECT (SELECT count(*) FROM mine WHERE status NOT IN ('erledigt', 'abgelehnt')) AS open_cases,
            (SELECT count(*) FROM mine WHERE status IN ('erledigt', 'abgelehnt') AND until > $2) AS closed_cases,
            (SELECT max(until) FROM mine WHERE status IN ('erledigt', 'abgelehnt') AND until > $2) AS closed_until,
            (SELECT count(*) FROM documents d WHERE d.recipient_resident_id = $1) AS documents,
            (SELECT max(d.published_at) + interval '10 years' FROM documents d WHERE d.recipient_resident_id = $1) AS documents_until,
            (SELECT count(*) FROM tenancies t WHERE t.resident_id = $1) AS tenancies`,
    [residentId, at],
  );
  const row = rows[0];
  return {
    openCases: Number(row.open_cases),
    closedCases: Number(row.closed_cases),
    closedCasesUntil: row.closed_until,
    documents: Number(row.documents),
    documentsUntil: row.documents_until,
    tenancies: Number(row.tenancies),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Erasure requests

export interface ErasureRequestRow {
  id: string;
  resident_id: string;
  account_id: string;
  status: 'open' | 'completed';
  requested_at: Date;
  completed_at: Date | null;
  completed_by_name: string | null;
  outcome: unknown;
  first_name: string;
  last_name: string;
  external_ref: string;
  unit: string | null;
}

const requestColumns = `e.id, e.resident_id, e.account_id, e.status, e.requested_at, e.completed_at, e.outcome,
  (SELECT s.display_name FROM accounts s WHERE s.tenant_id = e.tenant_id AND s.id = e.completed_by) AS completed_by_name,
  r.first_name, r.last_name, r.external_ref,
  (SELECT u.label FROM units u WHERE u.tenant_id = r.tenant_id AND u.id = r.unit_id) AS unit`;
const requestFrom = `FROM erasure_requests e JOIN residents r ON r.tenant_id = e.tenant_id AND r.id = e.resident_id`;

/** The resident's open request, else their latest one. */
export async function findOwnRequest(tx: Queryable, residentId: string): Promise<ErasureRequestRow | undefined> {
  const { rows } = await tx.query<ErasureRequestRow>(
    `SELECT ${requestColumns} ${requestFrom} WHERE e.resident_id = $1 ORDER BY e.status = 'open' DESC, e.requested_at DESC LIMIT 1`,
    [residentId],
  );
  return rows[0];
}

/** Null when an open request exists already (the unique index refuses a second one). */
export async function insertRequest(tx: Queryable, tenantId: string, residentId: string, accountId: string): Promise<string | null> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO erasure_requests (tenant_id, resident_id, account_id) VALUES ($1, $2, $3)
     ON CONFLICT (tenant_id, resident_id) WHERE status = 'open' DO NOTHING RETURNING id`,
    [tenantId, residentId, accountId],
  );
  return rows[0]?.id ?? null;
}

export async function listRequests(tx: Queryable): Promise<ErasureRequestRow[]> {
  const { rows } = await tx.query<ErasureRequestRow>(
    `SELECT ${requestColumns} ${requestFrom} ORDER BY e.status = 'open' DESC, e.requested_at DESC LIMIT 500`,
  );
  return rows;
}

export async function findRequest(tx: Queryable, id: string, lock = false): Promise<ErasureRequestRow | undefined> {
  const { rows } = await tx.query<ErasureRequestRow>(
    `SELECT ${requestColumns} ${requestFrom} WHERE e.id = $1${lock ? ' FOR UPDATE OF e' : ''}`,
    [id],
  );
  return rows[0];
}

export interface ErasureCounts {
  removed: Record<string, number>;
  anonymised: { account: boolean; names: boolean; expiredCases: number };
  kept: { cases: number; openCases: number; documents: number; tenancies: number };
}

/** Runs the erasure (the admin's scope; the function checks it); null when the person has no open request. */
export async function eraseResident(tx: Queryable, residentId: string, loginHash: string, at: Date): Promise<ErasureCounts | null> {
  const { rows } = await tx.query<{ counts: ErasureCounts | null }>(`SELECT erase_resident($1, $2, $3) AS counts`, [
    residentId,
    loginHash,
    at,
  ]);
  return rows[0].counts;
}

export async function markCompleted(tx: Queryable, id: string, adminId: string, outcome: unknown, at: Date): Promise<void> {
  await tx.query(
    `UPDATE erasure_requests SET status = 'completed', completed_at = $3, completed_by = $2, outcome = $4 WHERE id = $1 AND status = 'open'`,
    [id, adminId, at, JSON.stringify(outcome)],
  );
}

export async function logErasure(tx: Queryable, tenantId: string, adminId: string, details: unknown): Promise<void> {
  await tx.query(`INSERT INTO audit_log (tenant_id, actor_account_id, action, details) VALUES ($1, $2, 'privacy.erasure_completed', $3)`, [
    tenantId,
    adminId,
    JSON.stringify(details),
  ]);
}
