import type { Queryable } from '../db/database.ts';
import type { CaseEventKind, CaseSource, CaseStatus, CaseType, Language, Priority, Urgency } from '../contract/enums.ts';
import type { Applicant, CaseEvent, CaseMessage, CaseRecord, LabelTranslations, OpenDamageReport } from './model.ts';

/**
 * SQL for cases, their activity log and messages. Row-level security decides what the caller may see;
 * the queries filter explicitly as well where the caller is a resident.
 */

interface CaseRow {
  id: string;
  case_number: string;
  type: CaseType;
  title: string;
  description: string;
  damage_location_id: string | null;
  damage_location_label: string | null;
  damage_category_id: string | null;
  damage_category_label: string | null;
  damage_kind_id: string | null;
  damage_kind_label: string | null;
  document_type_id: string | null;
  document_type_label: string | null;
  document_type_key: string | null;
  damage_location_translations: LabelTranslations | null;
  damage_category_translations: LabelTranslations | null;
  damage_kind_translations: LabelTranslations | null;
  document_type_translations: LabelTranslations | null;
  urgency: Urgency;
  resident_availability: string | null;
  access_consent: boolean;
  status: CaseStatus;
  priority: Priority;
  source: CaseSource;
  deadline_at: Date;
  resident_id: string | null;
  resident_name: string | null;
  applicant: Applicant | null;
  building_id: string;
  building_address: string | null;
  unit_label: string | null;
  assignee_account_id: string | null;
  assignee_name: string | null;
  created_at: Date;
  updated_at: Date;
  last_activity_at: Date;
  last_public_activity_at: Date;
}

// Joins resolve labels and names the caller may read; under a resident's scope the assignee's name stays null.
const CASE_SELECT = `
  SELECT c.id, c.case_number, c.type, c.title, c.description,
         c.damage_location_id, l.label AS damage_location_label,
         c.damage_category_id, dc.label AS damage_category_label,
         c.damage_kind_id, dk.label AS damage_kind_label,
         c.document_type_id, dt.label AS document_type_label, dt.key AS document_type_key,
         l.label_translations AS damage_location_translations, dc.label_translations AS damage_category_translations,
         dk.label_translations AS damage_kind_translations, dt.label_translations AS document_type_translations,
         c.urgency, c.resident_availability, c.access_consent, c.status, c.priority, c.source, c.deadline_at,
         c.resident_id, r.first_name || ' ' || r.last_name AS resident_name, c.applicant,
         c.building_id, b.street || ', ' || b.postal_code || ' ' || b.city AS building_address,
         u.label AS unit_label,
         c.assignee_account_id, a.display_name AS assignee_name,
         c.created_at, c.updated_at, activity.last_activity_at, activity.last_public_activity_at
    FROM cases c
    LEFT JOIN damage_locations l ON l.tenant_id = c.tenant_id AND l.id = c.damage_location_id
    LEFT JOIN damage_categories dc ON dc.tenant_id = c.tenant_id AND dc.id = c.damage_category_id
    LEFT JOIN damage_kinds dk ON dk.tenant_id = c.tenant_id AND dk.id = c.damage_kind_id
    LEFT JOIN document_types dt ON dt.tenant_id = c.tenant_id AND dt.id = c.document_type_id
    LEFT JOIN residents r ON r.tenant_id = c.tenant_id AND r.id = c.resident_id
    LEFT JOIN units u ON u.tenant_id = c.tenant_id AND u.id = c.unit_id
    LEFT JOIN buildings b ON b.tenant_id = c.tenant_id AND b.id = c.building_id
    LEFT JOIN accounts a ON a.tenant_id = c.tenant_id AND a.id = c.assignee_account_id
    CROSS JOIN LATERAL (
      SELECT coalesce(max(e.created_at), c.created_at) AS last_activity_at,
             coalesce(max(e.created_at) FILTER (WHERE e.public), c.created_at) AS last_public_activity_at
        FROM case_events e
       WHERE e.tenant_id = c.tenant_id AND e.case_id = c.id
    ) activity`;

const labelled = (id: string | null, label: string | null) => (id ? { id, label: label ?? '' } : null);

function toRecord(row: CaseRow): CaseRecord {
  return {
    id: row.id,
    caseNumber: row.case_number,
    type: row.type,
    title: row.title,
    description: row.description,
    damageLocation: labelled(row.damage_location_id, row.damage_location_label),
    damageCategory: labelled(row.damage_category_id, row.damage_category_label),
    damageKind: labelled(row.damage_kind_id, row.damage_kind_label),
    documentType: row.document_type_id
      ? { id: row.document_type_id, label: row.document_type_label ?? '', key: row.document_type_key }
      : null,
    labelTranslations: {
      damageLocation: row.damage_location_translations ?? {},
      damageCategory: row.damage_category_translations ?? {},
      damageKind: row.damage_kind_translations ?? {},
      documentType: row.document_type_translations ?? {},
    },
    urgency: row.urgency,
    residentAvailability: row.resident_availability,
    accessConsent: row.access_consent,
    status: row.status,
    priority: row.priority,
    source: row.source,
    deadlineAt: row.deadline_at,
    residentId: row.resident_id,
    residentName: row.resident_name,
    applicant: row.applicant,
    buildingId: row.building_id,
    buildingAddress: row.building_address,
    unitLabel: row.unit_label,
    assignee: labelled(row.assignee_account_id, row.assignee_name),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastActivityAt: row.last_activity_at,
    lastPublicActivityAt: row.last_public_activity_at,
  };
}

/** A case by id; `residentId` limits the lookup to that resident's own cases. */
export async function findCase(tx: Queryable, caseId: string, residentId?: string): Promise<CaseRecord | undefined> {
  const { rows } = await tx.query<CaseRow>(`${CASE_SELECT} WHERE c.id = $1 AND ($2::uuid IS NULL OR c.resident_id = $2)`, [
    caseId,
    residentId ?? null,
  ]);
  return rows[0] && toRecord(rows[0]);
}

/**
 * A resident's own cases by last public activity, latest first; the cursor is the id of the last case of the
 * previous page. `hasNews`: the housing company (or the system) did something public since the resident last
 * opened the case (case_views, migration 0039).
 */
export async function listResidentCases(
  tx: Queryable,
  residentId: string,
  page: { limit: number; cursor?: string },
): Promise<CaseRecord[]> {
  const { rows } = await tx.query<CaseRow & { has_news: boolean }>(
    `WITH listed AS (
       ${CASE_SELECT}
        WHERE c.resident_id = $1
     )
     SELECT listed.*, EXISTS (
              SELECT 1 FROM case_events e
               WHERE e.case_id = listed.id AND e.public AND e.actor_role <> 'resident'
                 AND e.created_at > coalesce((SELECT v.viewed_at FROM case_views v WHERE v.case_id = listed.id AND v.resident_id = $1), '-infinity')
            ) AS has_news
       FROM listed
      WHERE $2::uuid IS NULL
         OR (listed.last_public_activity_at, listed.id) < (SELECT last_public_activity_at, id FROM listed WHERE id = $2)
      ORDER BY listed.last_public_activity_at DESC, listed.id DESC
      LIMIT $3`,
    [residentId, page.cursor ?? null, page.limit],
  );
  return rows.map((row) => ({ ...toRecord(row), hasNews: row.has_news }));
}

/** The resident opened the case: what happened until now is no longer news. */
export async function recordCaseViewed(tx: Queryable, view: { tenantId: string; residentId: string; caseId: string }): Promise<void> {
  await tx.query(
    `INSERT INTO case_views (tenant_id, resident_id, case_id, viewed_at) VALUES ($1, $2, $3, now())
     ON CONFLICT (tenant_id, resident_id, case_id) DO UPDATE SET viewed_at = now()`,
    [view.tenantId, view.residentId, view.caseId],
  );
}

export interface StaffCaseFilter {
  types?: CaseType[];
  statuses?: CaseStatus[];
  assigneeId?: string;
  unassigned?: boolean;
  buildingId?: string;
  overdue?: boolean;
  limit: number;
  cursor?: string;
}

/** The housing company's cases by deadline (soonest first); the cursor is the id of the last case shown. */
export async function listStaffCases(tx: Queryable, filter: StaffCaseFilter): Promise<CaseRecord[]> {
  const { rows } = await tx.query<CaseRow>(
    `${CASE_SELECT}
      WHERE ($1::text[] IS NULL OR c.type = ANY($1::text[]))
        AND ($2::text[] IS NULL OR c.status = ANY($2::text[]))
        AND ($3::uuid IS NULL OR c.assignee_account_id = $3)
        AND (NOT $4::boolean OR c.assignee_account_id IS NULL)
        AND ($5::uuid IS NULL OR c.building_id = $5)
        AND ($6::boolean IS NULL OR (c.deadline_at < now() AND c.status NOT IN ('erledigt', 'abgelehnt')) = $6)
        AND ($7::uuid IS NULL OR (c.deadline_at, c.id) > (SELECT deadline_at, id FROM cases WHERE id = $7))
      ORDER BY c.deadline_at, c.id
      LIMIT $8`,
    [
      filter.types ?? null,
      filter.statuses ?? null,
      filter.assigneeId ?? null,
      filter.unassigned ?? false,
      filter.buildingId ?? null,
      filter.overdue ?? null,
      filter.cursor ?? null,
      filter.limit,
    ],
  );
  return rows.map(toRecord);
}

/** A unit with its building: a letting case is filed for the unit being let. */
export async function findUnitWithBuilding(tx: Queryable, unitId: string): Promise<{ unitId: string; buildingId: string } | undefined> {
  const { rows } = await tx.query<{ unit_id: string; building_id: string }>(`SELECT id AS unit_id, building_id FROM units WHERE id = $1`, [
    unitId,
  ]);
  return rows[0] && { unitId: rows[0].unit_id, buildingId: rows[0].building_id };
}

/** Unit and building of a resident: a case is filed for the resident's home. */
export async function findResidentHome(tx: Queryable, residentId: string): Promise<{ unitId: string; buildingId: string } | undefined> {
  const { rows } = await tx.query<{ unit_id: string; building_id: string }>(
    `SELECT r.unit_id, u.building_id
       FROM residents r JOIN units u ON u.tenant_id = r.tenant_id AND u.id = r.unit_id
      WHERE r.id = $1`,
    [residentId],
  );
  return rows[0] && { unitId: rows[0].unit_id, buildingId: rows[0].building_id };
}

/**
 * The next case number of the housing company for the current year (Europe/Berlin), e.g. 2026-0182.
 * The counter row stays locked until the transaction ends, so concurrent filings get distinct, gapless numbers.
 */
export async function nextCaseNumber(tx: Queryable, tenantId: string): Promise<string> {
  const { rows } = await tx.query<{ year: number; last_number: number }>(
    `INSERT INTO case_number_counters (tenant_id, year, last_number)
     VALUES ($1, extract(year FROM now() AT TIME ZONE 'Europe/Berlin')::int, 1)
     ON CONFLICT (tenant_id, year) DO UPDATE SET last_number = case_number_counters.last_number + 1
     RETURNING year, last_number`,
    [tenantId],
  );
  return `${rows[0].year}-${String(rows[0].last_number).padStart(4, '0')}`;
}

export interface NewCaseRow {
  tenantId: string;
  caseNumber: string;
  type: CaseType;
  /** Null for a letting case, which has an applicant instead. */
  residentId: string | null;
  applicant: Applicant | null;
  buildingId: string;
  unitId: string;
  title: string;
  description: string;
  damageLocationId: string | null;
  damageCategoryId: string | null;
  damageKindId: string | null;
  documentTypeId: string | null;
  urgency: Urgency;
  residentAvailability: string | null;
  accessConsent: boolean;
  priority: Priority;
  source: CaseSource;
  deadlineAt: Date;
  assigneeId: string | null;
}

/** The transaction's time (`now()`): what a new case's `created_at` will be. */
export async function transactionTime(tx: Queryable): Promise<Date> {
  const { rows } = await tx.query<{ now: Date }>('SELECT now() AS now');
  return new Date(rows[0].now);
}

export async function insertCase(tx: Queryable, row: NewCaseRow): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO cases (tenant_id, case_number, type, resident_id, building_id, unit_id, title, description,
                        damage_location_id, damage_category_id, damage_kind_id, document_type_id, urgency,
                        resident_availability, access_consent, priority, deadline_at, assignee_account_id, source, applicant)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16,
             $17, $18, $19, $20)
     RETURNING id`,
    [
      row.tenantId,
      row.caseNumber,
      row.type,
      row.residentId,
      row.buildingId,
      row.unitId,
      row.title,
      row.description,
      row.damageLocationId,
      row.damageCategoryId,
      row.damageKindId,
      row.documentTypeId,
      row.urgency,
      row.residentAvailability,
      row.accessConsent,
      row.priority,
      row.deadlineAt,
      row.assigneeId,
      row.source,
      row.applicant && JSON.stringify(row.applicant),
    ],
  );
  return rows[0].id;
}

/** Changes the status only if it is still `expected`; false when someone else changed it first. */
export async function updateCaseStatus(tx: Queryable, caseId: string, expected: CaseStatus, status: CaseStatus): Promise<boolean> {
  const { rowCount } = await tx.query(`UPDATE cases SET status = $3, updated_at = now() WHERE id = $1 AND status = $2`, [
    caseId,
    expected,
    status,
  ]);
  return rowCount > 0;
}

export async function updateCaseAssignee(tx: Queryable, caseId: string, assigneeId: string | null): Promise<void> {
  await tx.query(`UPDATE cases SET assignee_account_id = $2, updated_at = now() WHERE id = $1`, [caseId, assigneeId]);
}

export async function isStaffAccount(tx: Queryable, accountId: string): Promise<boolean> {
  const { rowCount } = await tx.query(`SELECT 1 FROM accounts WHERE id = $1 AND role IN ('clerk', 'admin')`, [accountId]);
  return rowCount > 0;
}

export interface NewCaseEvent {
  tenantId: string;
  caseId: string;
  /** The case's resident (null on a letting case). */
  residentId: string | null;
  /** Null for the system (routing). */
  actorAccountId: string | null;
  actorRole: CaseEvent['actorRole'];
  kind: CaseEventKind;
  public: boolean;
  data: Record<string, unknown>;
}

// No RETURNING: a resident may write the internal routing event of their new case but not read it back.
export async function appendCaseEvent(tx: Queryable, event: NewCaseEvent): Promise<void> {
  await tx.query(
    `INSERT INTO case_events (tenant_id, case_id, resident_id, actor_account_id, actor_role, kind, public, data)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      event.tenantId,
      event.caseId,
      event.residentId,
      event.actorAccountId,
      event.actorRole,
      event.kind,
      event.public,
      JSON.stringify(event.data),
    ],
  );
}

export async function listCaseEvents(tx: Queryable, caseId: string, publicOnly: boolean): Promise<CaseEvent[]> {
  const { rows } = await tx.query<CaseEvent>(
    `SELECT e.id, e.kind, e.public, e.actor_role AS "actorRole", a.display_name AS "actorName", e.data,
            e.created_at AS "createdAt"
       FROM case_events e
       LEFT JOIN accounts a ON a.tenant_id = e.tenant_id AND a.id = e.actor_account_id
      WHERE e.case_id = $1 AND (e.public OR NOT $2::boolean)
      ORDER BY e.created_at, e.id`,
    [caseId, publicOnly],
  );
  return rows;
}

export interface NewCaseMessage {
  tenantId: string;
  caseId: string;
  /** The case's resident (null on a letting case). */
  residentId: string | null;
  authorAccountId: string;
  authorRole: CaseMessage['authorRole'];
  internal: boolean;
  body: string;
}

export async function insertCaseMessage(tx: Queryable, message: NewCaseMessage): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO case_messages (tenant_id, case_id, resident_id, author_account_id, author_role, internal, body)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [message.tenantId, message.caseId, message.residentId, message.authorAccountId, message.authorRole, message.internal, message.body],
  );
  return rows[0].id;
}

export async function listCaseMessages(tx: Queryable, caseId: string, publicOnly: boolean): Promise<CaseMessage[]> {
  const { rows } = await tx.query<CaseMessage>(
    `SELECT m.id, m.author_role AS "authorRole", a.display_name AS "authorName", m.internal, m.body,
            m.created_at AS "createdAt"
       FROM case_messages m
       LEFT JOIN accounts a ON a.tenant_id = m.tenant_id AND a.id = m.author_account_id
      WHERE m.case_id = $1 AND (NOT m.internal OR NOT $2::boolean)
      ORDER BY m.created_at, m.id`,
    [caseId, publicOnly],
  );
  return rows;
}

/** Open damage cases of the calling resident's building in one category, without personal data. */
export async function openDamageReportsInMyBuilding(tx: Queryable, damageCategoryId: string): Promise<OpenDamageReport[]> {
  const { rows } = await tx.query<OpenDamageReport>(
    `SELECT case_number AS "caseNumber", damage_location AS "damageLocation", damage_category AS "damageCategory",
            damage_kind AS "damageKind", status, reported_at AS "reportedAt",
            jsonb_build_object('damageLocation', damage_location_translations, 'damageCategory', damage_category_translations,
                               'damageKind', damage_kind_translations) AS "labelTranslations"
       FROM open_damage_reports_in_my_building($1)`,
    [damageCategoryId],
  );
  return rows;
}

export interface ResidentContact {
  email: string | null;
  name: string;
  tenantName: string;
  language: Language;
}

/** Where status mails go: the resident's sign-in e-mail, else the contact address from the ERP. */
export async function findResidentContact(tx: Queryable, residentId: string): Promise<ResidentContact | undefined> {
  const { rows } = await tx.query<ResidentContact>(
    `SELECT coalesce(a.email, r.contact_email) AS email, r.first_name || ' ' || r.last_name AS name, t.name AS "tenantName",
            a.language
       FROM residents r
       JOIN accounts a ON a.tenant_id = r.tenant_id AND a.id = r.account_id
       JOIN tenants t ON t.id = r.tenant_id
      WHERE r.id = $1`,
    [residentId],
  );
  return rows[0];
}
