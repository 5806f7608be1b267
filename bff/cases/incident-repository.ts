import type { Queryable } from '../db/database.ts';
import type { CaseStatus, Language } from '../contract/enums.ts';
import type { DamageLabelTranslations } from './model.ts';

/**
 * SQL for joined incidents ("Ich bin auch betroffen"). A resident reads the incident only through the
 * SECURITY DEFINER functions of migration 0009, which return no personal data; staff read the
 * participants of their housing company's cases directly (row-level security).
 */

/** What a joined resident sees of an incident: the damage report's catalogue labels and status. */
export interface Incident {
  caseNumber: string;
  damageLocation: string;
  damageCategory: string;
  damageKind: string;
  status: CaseStatus;
  reportedAt: Date;
  joinedAt: Date;
  labelTranslations: DamageLabelTranslations;
}

export interface JoinableReport {
  caseId: string;
  reportedByMe: boolean;
  incident: Omit<Incident, 'joinedAt'>;
}

/** The open damage case with this number in the calling resident's building, or undefined. */
export async function findOpenDamageReportInMyBuilding(tx: Queryable, caseNumber: string): Promise<JoinableReport | undefined> {
  const { rows } = await tx.query<{ caseId: string; reportedByMe: boolean } & Omit<Incident, 'caseNumber' | 'joinedAt'>>(
    `SELECT case_id AS "caseId", reported_by_me AS "reportedByMe", damage_location AS "damageLocation",
            damage_category AS "damageCategory", damage_kind AS "damageKind", status, reported_at AS "reportedAt",
            jsonb_build_object('damageLocation', damage_location_translations, 'damageCategory', damage_category_translations,
                               'damageKind', damage_kind_translations) AS "labelTranslations"
       FROM open_damage_report_in_my_building($1)`,
    [caseNumber],
  );
  const row = rows[0];
  if (!row) return undefined;
  const { caseId, reportedByMe, ...labels } = row;
  return { caseId, reportedByMe, incident: { caseNumber, ...labels } };
}

/** Adds the calling resident to the incident and returns when; undefined when they had joined it before. */
export async function insertParticipant(
  tx: Queryable,
  participant: { tenantId: string; caseId: string; residentId: string },
): Promise<Date | undefined> {
  const { rows } = await tx.query<{ joined_at: Date }>(
    `INSERT INTO incident_participants (tenant_id, case_id, resident_id) VALUES ($1, $2, $3)
     ON CONFLICT (tenant_id, case_id, resident_id) DO NOTHING
     RETURNING joined_at`,
    [participant.tenantId, participant.caseId, participant.residentId],
  );
  return rows[0]?.joined_at;
}

/** The incidents the calling resident joined, newest joined first. */
export async function listMyJoinedIncidents(tx: Queryable): Promise<Incident[]> {
  const { rows } = await tx.query<Incident>(
    `SELECT case_number AS "caseNumber", damage_location AS "damageLocation", damage_category AS "damageCategory",
            damage_kind AS "damageKind", status, reported_at AS "reportedAt", joined_at AS "joinedAt",
            jsonb_build_object('damageLocation', damage_location_translations, 'damageCategory', damage_category_translations,
                               'damageKind', damage_kind_translations) AS "labelTranslations"
       FROM my_joined_incidents()`,
  );
  return rows;
}

export interface Participant {
  residentId: string;
  joinedAt: Date;
  /** Sign-in e-mail, else the ERP contact address. */
  email: string | null;
  name: string;
  tenantName: string;
  language: Language;
}

/** Residents who joined a case, with where their status mail goes (staff scope). */
export async function listParticipants(tx: Queryable, caseId: string): Promise<Participant[]> {
  const { rows } = await tx.query<Participant>(
    `SELECT p.resident_id AS "residentId", p.joined_at AS "joinedAt", coalesce(a.email, r.contact_email) AS email,
            r.first_name || ' ' || r.last_name AS name, t.name AS "tenantName", coalesce(a.language, 'de') AS language
       FROM incident_participants p
       JOIN residents r ON r.tenant_id = p.tenant_id AND r.id = p.resident_id
       LEFT JOIN accounts a ON a.tenant_id = r.tenant_id AND a.id = r.account_id
       JOIN tenants t ON t.id = p.tenant_id
      WHERE p.case_id = $1
      ORDER BY p.joined_at, p.id`,
    [caseId],
  );
  return rows;
}

/** How many residents joined a case (staff scope). */
export async function countParticipants(tx: Queryable, caseId: string): Promise<number> {
  const { rows } = await tx.query<{ count: number }>(`SELECT count(*)::int AS count FROM incident_participants WHERE case_id = $1`, [
    caseId,
  ]);
  return rows[0].count;
}
