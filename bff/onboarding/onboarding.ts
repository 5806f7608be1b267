import { createHash, randomInt } from 'node:crypto';
import {
  buildingInput,
  residentInput,
  staffInput,
  unitInput,
  type BuildingInput,
  type ResidentInput,
  type StaffInput,
  type UnitInput,
} from '../contract/onboarding.ts';
import type { Queryable } from '../db/database.ts';
import { AppError, notFound } from '../errors.ts';

/**
 * Onboarding use cases: a housing company, its staff, buildings, units and residents, and the
 * activation codes printed on letters. Used by the platform admin API, the admin CLI and the demo seed.
 */

export type { BuildingInput, ResidentInput, StaffInput, UnitInput };

const ACTIVATION_DAYS = 60;
/** Unambiguous characters for codes typed from a letter (no 0/O, 1/I/L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function normaliseActivationCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export function hashActivationCode(code: string): string {
  return createHash('sha256').update(normaliseActivationCode(code)).digest('hex');
}

/** 12 random characters from a 31-letter alphabet (≈59 bits), printed as XXXX-XXXX-XXXX. */
export function generateActivationCode(): string {
  const chars = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`;
}

const uniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

export async function issueActivationCode(tx: Queryable, tenantId: string, accountId: string): Promise<string> {
  const code = generateActivationCode();
  // A new letter replaces every earlier code of the account.
  await tx.query(`UPDATE activation_codes SET used_at = now() WHERE account_id = $1 AND used_at IS NULL`, [accountId]);
  await tx.query(
    `INSERT INTO activation_codes (tenant_id, account_id, code_hash, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(days => $4))`,
    [tenantId, accountId, hashActivationCode(code), ACTIVATION_DAYS],
  );
  return code;
}

export async function addStaff(tx: Queryable, tenantId: string, input: StaffInput) {
  const data = staffInput.parse(input);
  try {
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO accounts (tenant_id, role, display_name, email) VALUES ($1, $2, $3, $4) RETURNING id`,
      [tenantId, data.role, data.displayName, data.email],
    );
    const activationCode = await issueActivationCode(tx, tenantId, rows[0].id);
    return { id: rows[0].id, ...data, activationCode };
  } catch (error) {
    if (uniqueViolation(error)) throw new AppError(409, 'email_taken', 'Diese E-Mail-Adresse ist bereits vergeben.');
    throw error;
  }
}

export async function addBuilding(tx: Queryable, tenantId: string, input: BuildingInput) {
  const data = buildingInput.parse(input);
  try {
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO buildings (tenant_id, external_ref, street, postal_code, city) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [tenantId, data.externalRef, data.street, data.postalCode, data.city],
    );
    return { id: rows[0].id, ...data };
  } catch (error) {
    if (uniqueViolation(error)) throw new AppError(409, 'duplicate_ref', `Gebäude ${data.externalRef} existiert bereits.`);
    throw error;
  }
}

export async function addUnit(tx: Queryable, tenantId: string, input: UnitInput) {
  const data = unitInput.parse(input);
  const building = await tx.query<{ id: string }>(`SELECT id FROM buildings WHERE external_ref = $1`, [data.buildingRef]);
  if (!building.rows[0]) throw new AppError(400, 'unknown_building', `Gebäude ${data.buildingRef} ist unbekannt.`);
  try {
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO units (tenant_id, building_id, external_ref, label) VALUES ($1, $2, $3, $4) RETURNING id`,
      [tenantId, building.rows[0].id, data.externalRef, data.label],
    );
    return { id: rows[0].id, ...data };
  } catch (error) {
    if (uniqueViolation(error)) throw new AppError(409, 'duplicate_ref', `Wohneinheit ${data.externalRef} existiert bereits.`);
    throw error;
  }
}

export async function addResident(tx: Queryable, tenantId: string, input: ResidentInput) {
  const data = residentInput.parse(input);
  const unit = await tx.query<{ id: string }>(`SELECT id FROM units WHERE external_ref = $1`, [data.unitRef]);
  if (!unit.rows[0]) throw new AppError(400, 'unknown_unit', `Wohneinheit ${data.unitRef} ist unbekannt.`);
  const existing = await tx.query(`SELECT 1 FROM residents WHERE external_ref = $1`, [data.externalRef]);
  if (existing.rowCount) throw new AppError(409, 'duplicate_ref', `Mieter ${data.externalRef} existiert bereits.`);
  const account = await tx.query<{ id: string }>(
    `INSERT INTO accounts (tenant_id, role, display_name) VALUES ($1, 'resident', $2) RETURNING id`,
    [tenantId, `${data.firstName} ${data.lastName}`],
  );
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO residents (tenant_id, account_id, unit_id, external_ref, first_name, last_name, contact_email)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [tenantId, account.rows[0].id, unit.rows[0].id, data.externalRef, data.firstName, data.lastName, data.contactEmail ?? null],
  );
  const activationCode = await issueActivationCode(tx, tenantId, account.rows[0].id);
  return { id: rows[0].id, accountId: account.rows[0].id, ...data, activationCode };
}

/** A new activation letter for a resident (by ERP number) or staff member (by e-mail). */
export async function reissueActivationCode(tx: Queryable, tenantId: string, who: { residentRef?: string; email?: string }) {
  const { rows } = who.residentRef
    ? await tx.query<{ account_id: string }>(`SELECT account_id FROM residents WHERE external_ref = $1`, [who.residentRef])
    : await tx.query<{ account_id: string }>(`SELECT id AS account_id FROM accounts WHERE lower(email) = lower($1)`, [who.email ?? '']);
  if (!rows[0]) throw notFound('Konto nicht gefunden.');
  return issueActivationCode(tx, tenantId, rows[0].account_id);
}
