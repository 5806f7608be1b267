import { createHash, randomInt } from 'node:crypto';
import {
  buildingInput,
  residentInput,
  staffInput,
  tenancyInput,
  unitInput,
  type BuildingInput,
  type ResidentInput,
  type StaffInput,
  type TenancyInput,
  type UnitInput,
} from '../contract/onboarding.ts';
import type { Database, Queryable } from '../db/database.ts';
import { AppError, notFound } from '../errors.ts';
import { applyScope } from '../db/scope.ts';
import { queueMail } from '../mail/mail-outbox.ts';
import { asTenantAdmin, listTenants, type Tenant } from '../tenants/use-cases.ts';
import { readmissionMail } from './mails.ts';
import * as repository from './repository.ts';
import { saveTenancy } from '../tenancies/repository.ts';
import type { OnboardedCounts } from './repository.ts';

/**
 * Onboarding use cases: a housing company, its staff, buildings, units and residents, and the
 * activation codes printed on letters. Used by the platform admin API, the admin CLI and the demo seed.
 */

export type { BuildingInput, ResidentInput, StaffInput, TenancyInput, UnitInput };

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
  await repository.expireActivationCodes(tx, accountId);
  await repository.insertActivationCode(tx, tenantId, accountId, hashActivationCode(code), ACTIVATION_DAYS);
  return code;
}

export async function addStaff(tx: Queryable, tenantId: string, input: StaffInput) {
  const data = staffInput.parse(input);
  try {
    const id = await repository.insertStaffAccount(tx, tenantId, data);
    const activationCode = await issueActivationCode(tx, tenantId, id);
    return { id, ...data, activationCode };
  } catch (error) {
    if (uniqueViolation(error)) throw new AppError(409, 'email_taken', 'Diese E-Mail-Adresse ist bereits vergeben.');
    throw error;
  }
}

export async function addBuilding(tx: Queryable, tenantId: string, input: BuildingInput) {
  const data = buildingInput.parse(input);
  try {
    const id = await repository.insertBuilding(tx, tenantId, data);
    return { id, ...data };
  } catch (error) {
    if (uniqueViolation(error)) throw new AppError(409, 'duplicate_ref', `Gebäude ${data.externalRef} existiert bereits.`);
    throw error;
  }
}

export async function addUnit(tx: Queryable, tenantId: string, input: UnitInput) {
  const data = unitInput.parse(input);
  const buildingId = await repository.findBuildingId(tx, data.buildingRef);
  if (!buildingId) throw new AppError(400, 'unknown_building', `Gebäude ${data.buildingRef} ist unbekannt.`);
  try {
    const id = await repository.insertUnit(tx, tenantId, buildingId, data);
    return { id, ...data };
  } catch (error) {
    if (uniqueViolation(error)) throw new AppError(409, 'duplicate_ref', `Wohneinheit ${data.externalRef} existiert bereits.`);
    throw error;
  }
}

export async function addResident(tx: Queryable, tenantId: string, input: ResidentInput) {
  const data = residentInput.parse(input);
  const unitId = await repository.findUnitId(tx, data.unitRef);
  if (!unitId) throw new AppError(400, 'unknown_unit', `Wohneinheit ${data.unitRef} ist unbekannt.`);
  if (await repository.residentExists(tx, data.externalRef)) {
    throw new AppError(409, 'duplicate_ref', `Mieter ${data.externalRef} existiert bereits.`);
  }
  const accountId = await repository.insertResidentAccount(tx, tenantId, `${data.firstName} ${data.lastName}`);
  const id = await repository.insertResident(tx, tenantId, {
    accountId,
    unitId,
    externalRef: data.externalRef,
    firstName: data.firstName,
    lastName: data.lastName,
    contactEmail: data.contactEmail ?? null,
  });
  // The person rents or owns the unit: the relation exists from the start, with what the ERP knows of a tenancy.
  await saveTenancy(tx, tenantId, { residentId: id, unitId, relation: data.relation, ...data.tenancy });
  for (const further of data.furtherUnits) {
    const furtherUnitId = await repository.findUnitId(tx, further.unitRef);
    if (!furtherUnitId) throw new AppError(400, 'unknown_unit', `Wohneinheit ${further.unitRef} ist unbekannt.`);
    await saveTenancy(tx, tenantId, { residentId: id, unitId: furtherUnitId, relation: further.relation });
  }
  const activationCode = await issueActivationCode(tx, tenantId, accountId);
  return { id, accountId, ...data, activationCode };
}

/**
 * Replaces what is known of a resident's tenancy of their unit (a new billing period, a rent change): the
 * ERP's data is the whole truth, so fields not given are cleared.
 */
export async function setTenancy(tx: Queryable, tenantId: string, residentRef: string, input: TenancyInput) {
  const data = tenancyInput.parse(input);
  const resident = await repository.findResidentByRef(tx, residentRef);
  if (!resident) throw notFound(`Mieter ${residentRef} ist unbekannt.`);
  await saveTenancy(tx, tenantId, { residentId: resident.id, unitId: resident.unitId, ...data });
  return data;
}

export interface AccountReference {
  residentRef?: string;
  email?: string;
}

async function findAccountForLetter(tx: Queryable, who: AccountReference): Promise<repository.AccountForLetter> {
  const accountId = who.residentRef
    ? await repository.findResidentAccountId(tx, who.residentRef)
    : await repository.findAccountIdByEmail(tx, who.email ?? '');
  const account = accountId && (await repository.findAccountForLetter(tx, accountId));
  if (!account) throw notFound('Konto nicht gefunden.');
  return account;
}

export const accountAlreadyActive = () =>
  new AppError(
    409,
    'account_already_active',
    'Das Konto ist bereits aktiviert: Ein neuer Aktivierungscode wird nur über „Wieder zulassen“ (readmissions / re-admit) ausgestellt.',
  );

/**
 * A new activation letter for a resident (by ERP number) or staff member (by e-mail) who has not activated
 * yet. An activated account never gets one: its holder could set a new password for it. The way back in
 * after a lost phone is `readmitAccount`.
 */
export async function reissueActivationCode(tx: Queryable, tenantId: string, who: AccountReference) {
  const account = await findAccountForLetter(tx, who);
  if (account.active) throw accountAlreadyActive();
  return issueActivationCode(tx, tenantId, account.id);
}

export interface Readmission {
  activationCode: string;
  sessionsEnded: number;
  /** The account's e-mail address was told (masked), or null when the account has none. */
  notified: string | null;
}

/**
 * Re-admission after a lost phone (or a suspected takeover), for residents and staff, by an admin of the
 * platform: every session of the account ends, password and second factor are reset, open reset links die,
 * a new letter code is issued and the account's e-mail address is told. One transaction: all or nothing.
 */
export function readmitAccount(db: Database, tenant: Pick<Tenant, 'id' | 'name'>, who: AccountReference): Promise<Readmission> {
  return asTenantAdmin(db, tenant.id, (tx) => readmitAccountInTransaction(tx, tenant, who));
}

/** `readmitAccount` inside a transaction of the company's admin scope (which it is in again afterwards). */
export async function readmitAccountInTransaction(
  tx: Queryable,
  tenant: Pick<Tenant, 'id' | 'name'>,
  who: AccountReference,
): Promise<Readmission> {
  const account = await findAccountForLetter(tx, who);
  const activationCode = await issueActivationCode(tx, tenant.id, account.id);
  if (account.email) {
    const mail = readmissionMail({ to: account.email, displayName: account.displayName, tenantName: tenant.name }, account.language);
    await queueMail(tx, tenant.id, mail);
  }
  // Sessions, password resets and the second factor belong to the account's sign-in scope.
  await applyScope(tx, { role: 'auth', tenantId: tenant.id, accountId: account.id });
  const sessionsEnded = await repository.resetAccountForReadmission(tx, tenant.id, account.id);
  await applyScope(tx, { role: 'admin', tenantId: tenant.id });
  return { activationCode, sessionsEnded, notified: account.email && maskAddress(account.email) };
}

/** Whether the account has activated (then only a re-admission gives it a new letter). */
export async function isActivated(tx: Queryable, who: AccountReference): Promise<boolean> {
  return (await findAccountForLetter(tx, who)).active;
}

function maskAddress(email: string): string {
  const [local, domain] = email.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
}

/** Every housing company with what has been onboarded into it (the admin CLI's overview). */
export async function listOnboardedTenants(db: Database): Promise<Array<Tenant & OnboardedCounts>> {
  const overview: Array<Tenant & OnboardedCounts> = [];
  for (const tenant of await listTenants(db)) {
    overview.push({ ...tenant, ...(await asTenantAdmin(db, tenant.id, repository.countOnboarded)) });
  }
  return overview;
}
