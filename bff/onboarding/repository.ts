import type { Queryable } from '../db/database.ts';
import type { Language } from '../contract/enums.ts';

/**
 * SQL of onboarding: staff and resident accounts, buildings, units and activation codes. Every function
 * runs in the caller's transaction, as an admin of the housing company; RLS keeps lookups by a
 * reference (ERP number, e-mail) inside that company.
 */

/** A new letter replaces every earlier code of the account; an activated account has no open letter. */
export async function expireActivationCodes(tx: Queryable, accountId: string): Promise<void> {
  await tx.query(`UPDATE activation_codes SET used_at = now() WHERE account_id = $1 AND used_at IS NULL`, [accountId]);
}

export async function insertActivationCode(tx: Queryable, tenantId: string, accountId: string, codeHash: string, validDays: number) {
  await tx.query(
    `INSERT INTO activation_codes (tenant_id, account_id, code_hash, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(days => $4))`,
    [tenantId, accountId, codeHash, validDays],
  );
}

export async function insertStaffAccount(
  tx: Queryable,
  tenantId: string,
  staff: { role: 'clerk' | 'admin'; displayName: string; email: string; permissions: string[] },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO accounts (tenant_id, role, display_name, email, permissions) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [tenantId, staff.role, staff.displayName, staff.email, [...new Set(staff.permissions)]],
  );
  return rows[0].id;
}

export async function insertResidentAccount(tx: Queryable, tenantId: string, displayName: string): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO accounts (tenant_id, role, display_name) VALUES ($1, 'resident', $2) RETURNING id`,
    [tenantId, displayName],
  );
  return rows[0].id;
}

export async function findAccountIdByEmail(tx: Queryable, email: string): Promise<string | undefined> {
  const { rows } = await tx.query<{ account_id: string }>(`SELECT id AS account_id FROM accounts WHERE lower(email) = lower($1)`, [email]);
  return rows[0]?.account_id;
}

export async function insertBuilding(
  tx: Queryable,
  tenantId: string,
  building: { externalRef: string; street: string; postalCode: string; city: string },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO buildings (tenant_id, external_ref, street, postal_code, city) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [tenantId, building.externalRef, building.street, building.postalCode, building.city],
  );
  return rows[0].id;
}

export async function findBuildingId(tx: Queryable, externalRef: string): Promise<string | undefined> {
  const { rows } = await tx.query<{ id: string }>(`SELECT id FROM buildings WHERE external_ref = $1`, [externalRef]);
  return rows[0]?.id;
}

export async function insertUnit(
  tx: Queryable,
  tenantId: string,
  buildingId: string,
  unit: { externalRef: string; label: string },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO units (tenant_id, building_id, external_ref, label) VALUES ($1, $2, $3, $4) RETURNING id`,
    [tenantId, buildingId, unit.externalRef, unit.label],
  );
  return rows[0].id;
}

export async function findUnitId(tx: Queryable, externalRef: string): Promise<string | undefined> {
  const { rows } = await tx.query<{ id: string }>(`SELECT id FROM units WHERE external_ref = $1`, [externalRef]);
  return rows[0]?.id;
}

export async function residentExists(tx: Queryable, externalRef: string): Promise<boolean> {
  const { rowCount } = await tx.query(`SELECT 1 FROM residents WHERE external_ref = $1`, [externalRef]);
  return rowCount > 0;
}

export async function insertResident(
  tx: Queryable,
  tenantId: string,
  resident: { accountId: string; unitId: string; externalRef: string; firstName: string; lastName: string; contactEmail: string | null },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO residents (tenant_id, account_id, unit_id, external_ref, first_name, last_name, contact_email)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [tenantId, resident.accountId, resident.unitId, resident.externalRef, resident.firstName, resident.lastName, resident.contactEmail],
  );
  return rows[0].id;
}

export async function findResidentAccountId(tx: Queryable, externalRef: string): Promise<string | undefined> {
  const { rows } = await tx.query<{ account_id: string }>(`SELECT account_id FROM residents WHERE external_ref = $1`, [externalRef]);
  return rows[0]?.account_id;
}

/** The resident with this ERP number and the unit they live in. */
export async function findResidentByRef(tx: Queryable, externalRef: string): Promise<{ id: string; unitId: string } | undefined> {
  const { rows } = await tx.query<{ id: string; unitId: string }>(`SELECT id, unit_id AS "unitId" FROM residents WHERE external_ref = $1`, [
    externalRef,
  ]);
  return rows[0];
}

export interface ExistingRefs {
  buildings: Set<string>;
  /** unit ref → its building's ref */
  units: Map<string, string>;
}

/** Which of the given references exist already: buildings, and units with their building. */
export async function findExistingRefs(tx: Queryable, refs: { buildings: string[]; units: string[] }): Promise<ExistingRefs> {
  const buildings = await tx.query<{ external_ref: string }>(`SELECT external_ref FROM buildings WHERE external_ref = ANY($1)`, [
    refs.buildings,
  ]);
  const units = await tx.query<{ external_ref: string; building_ref: string }>(
    `SELECT u.external_ref, b.external_ref AS building_ref
       FROM units u JOIN buildings b ON b.id = u.building_id
      WHERE u.external_ref = ANY($1)`,
    [refs.units],
  );
  return {
    buildings: new Set(buildings.rows.map((r) => r.external_ref)),
    units: new Map(units.rows.map((r) => [r.external_ref, r.building_ref])),
  };
}

export interface OnboardedCounts {
  residents: number;
  staff: number;
  buildings: number;
  units: number;
}

/** What has been onboarded into the scope's housing company. */
export async function countOnboarded(tx: Queryable): Promise<OnboardedCounts> {
  const { rows } = await tx.query<OnboardedCounts>(
    `SELECT (SELECT count(*) FROM residents)::int AS residents,
            (SELECT count(*) FROM accounts WHERE role <> 'resident')::int AS staff,
            (SELECT count(*) FROM buildings)::int AS buildings,
            (SELECT count(*) FROM units)::int AS units`,
  );
  return rows[0];
}

export interface AccountForLetter {
  id: string;
  active: boolean;
  email: string | null;
  displayName: string;
  language: Language;
}

/** Whether the account has been activated (an activated account never gets a new letter, only a re-admission). */
export async function findAccountForLetter(tx: Queryable, accountId: string): Promise<AccountForLetter | undefined> {
  const { rows } = await tx.query<AccountForLetter>(
    `SELECT id, activated_at IS NOT NULL AS active, email, display_name AS "displayName", language FROM accounts WHERE id = $1`,
    [accountId],
  );
  return rows[0];
}

/**
 * Re-admission (needs the sign-in scope of the account): the account is no longer activated, its password
 * and second factor are gone, open password-reset links stop working and every session ends.
 */
export async function resetAccountForReadmission(tx: Queryable, tenantId: string, accountId: string): Promise<number> {
  await tx.query(
    `UPDATE accounts SET activated_at = NULL, password_hash = NULL, second_factor = NULL, totp_secret = NULL, totp_last_step = NULL
      WHERE tenant_id = $1 AND id = $2`,
    [tenantId, accountId],
  );
  await tx.query(`UPDATE password_resets SET used_at = now() WHERE tenant_id = $1 AND account_id = $2 AND used_at IS NULL`, [
    tenantId,
    accountId,
  ]);
  const { rowCount } = await tx.query(`DELETE FROM sessions WHERE tenant_id = $1 AND account_id = $2`, [tenantId, accountId]);
  return rowCount;
}

/** What the resident list can change of a resident who exists already (matched by the ERP number). */
export interface ExistingResident {
  id: string;
  accountId: string;
  externalRef: string;
  unitRef: string;
  firstName: string;
  lastName: string;
  contactEmail: string | null;
  movedOutOn: string | null;
  /** Every relation to a unit, as `unitRef|relation`. */
  relations: string[];
  /** The tenancy of the unit they live in (null when they own it). */
  tenancy: {
    tenancyStart: string | null;
    coldRent: number | null;
    advancePayments: Array<{ label: string; amount: number }>;
    caretakerArea: string | null;
    clauses: Array<{ title: string; text: string }>;
    billingPeriodStart: string | null;
    billingPeriodEnd: string | null;
  } | null;
}

/** The residents with these ERP numbers (RLS keeps it to the scope's housing company). */
export async function findExistingResidents(tx: Queryable, externalRefs: string[]): Promise<Map<string, ExistingResident>> {
  const { rows } = await tx.query<
    Omit<ExistingResident, 'tenancy' | 'relations'> & { relations: string[] | null; tenancy: ExistingResident['tenancy'] }
  >(
    `SELECT r.id, r.account_id AS "accountId", r.external_ref AS "externalRef", u.external_ref AS "unitRef",
            r.first_name AS "firstName", r.last_name AS "lastName", r.contact_email AS "contactEmail",
            to_char(r.moved_out_on, 'YYYY-MM-DD') AS "movedOutOn",
            (SELECT array_agg(tu.external_ref || '|' || t.relation) FROM tenancies t
               JOIN units tu ON tu.tenant_id = t.tenant_id AND tu.id = t.unit_id
              WHERE t.tenant_id = r.tenant_id AND t.resident_id = r.id) AS relations,
            (SELECT json_build_object(
                      'tenancyStart', to_char(t.tenancy_start, 'YYYY-MM-DD'), 'coldRent', t.cold_rent::float8,
                      'advancePayments', t.advance_payments, 'caretakerArea', t.caretaker_area, 'clauses', t.clauses,
                      'billingPeriodStart', to_char(t.billing_period_start, 'YYYY-MM-DD'),
                      'billingPeriodEnd', to_char(t.billing_period_end, 'YYYY-MM-DD'))
               FROM tenancies t
              WHERE t.tenant_id = r.tenant_id AND t.resident_id = r.id AND t.unit_id = r.unit_id AND t.relation = 'tenant') AS tenancy
       FROM residents r JOIN units u ON u.tenant_id = r.tenant_id AND u.id = r.unit_id
      WHERE r.external_ref = ANY($1)`,
    [externalRefs],
  );
  return new Map(rows.map((row) => [row.externalRef, { ...row, relations: row.relations ?? [] }]));
}

/** The person data the ERP keeps: name, contact address and the move-out date (null: none, or revoked). */
export async function updateResidentPerson(
  tx: Queryable,
  resident: { id: string; accountId: string; firstName: string; lastName: string; contactEmail: string | null; movedOutOn: string | null },
): Promise<void> {
  await tx.query(`UPDATE residents SET first_name = $2, last_name = $3, contact_email = $4, moved_out_on = $5 WHERE id = $1`, [
    resident.id,
    resident.firstName,
    resident.lastName,
    resident.contactEmail,
    resident.movedOutOn,
  ]);
  await tx.query(`UPDATE accounts SET display_name = $2 WHERE id = $1`, [resident.accountId, `${resident.firstName} ${resident.lastName}`]);
}

/** Ends every session of the account (needs the account's sign-in scope); returns how many ended. */
export async function deleteAccountSessions(tx: Queryable, tenantId: string, accountId: string): Promise<number> {
  const { rowCount } = await tx.query(`DELETE FROM sessions WHERE tenant_id = $1 AND account_id = $2`, [tenantId, accountId]);
  return rowCount;
}
