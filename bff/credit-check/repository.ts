import type { CreditCheckClass } from '../contract/enums.ts';
import type { Queryable } from '../db/database.ts';

/** SQL of credit-check consents and results (migration 0034). Every function runs in the caller's transaction and scope. */

export interface ConsentRow {
  id: string;
  leadId: string;
  signedLinkId: string;
  requestedAt: Date;
  linkExpiresAt: Date;
  givenAt: Date | null;
  revokedAt: Date | null;
  usedAt: Date | null;
  birthDate: string | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
}

export interface CheckRow {
  reference: string;
  class: CreditCheckClass;
  checkedAt: Date;
  checkedBy: string | null;
}

const asDate = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));

const CONSENT_SELECT = `
  SELECT c.id, c.lead_id AS "leadId", c.signed_link_id AS "signedLinkId", c.requested_at AS "requestedAt",
         s.expires_at AS "linkExpiresAt", c.given_at AS "givenAt", c.revoked_at AS "revokedAt", c.used_at AS "usedAt",
         to_char(c.birth_date, 'YYYY-MM-DD') AS "birthDate", c.street, c.postal_code AS "postalCode", c.city
    FROM lead_credit_check_consents c
    JOIN signed_links s ON s.tenant_id = c.tenant_id AND s.id = c.signed_link_id`;

const consent = (row: ConsentRow): ConsentRow => ({
  ...row,
  requestedAt: asDate(row.requestedAt)!,
  linkExpiresAt: asDate(row.linkExpiresAt)!,
  givenAt: asDate(row.givenAt),
  revokedAt: asDate(row.revokedAt),
  usedAt: asDate(row.usedAt),
});

export async function insertConsent(
  tx: Queryable,
  input: { tenantId: string; leadId: string; signedLinkId: string; requestedBy: string },
): Promise<void> {
  await tx.query(`INSERT INTO lead_credit_check_consents (tenant_id, lead_id, signed_link_id, requested_by) VALUES ($1, $2, $3, $4)`, [
    input.tenantId,
    input.leadId,
    input.signedLinkId,
    input.requestedBy,
  ]);
}

/** The lead's newest consent request: the one that counts. */
export async function latestConsent(tx: Queryable, leadId: string): Promise<ConsentRow | undefined> {
  const { rows } = await tx.query<ConsentRow>(`${CONSENT_SELECT} WHERE c.lead_id = $1 ORDER BY c.requested_at DESC, c.id DESC LIMIT 1`, [
    leadId,
  ]);
  return rows[0] && consent(rows[0]);
}

/** The consent request a signed link was mailed for. */
export async function consentOfLink(tx: Queryable, linkId: string): Promise<ConsentRow | undefined> {
  const { rows } = await tx.query<ConsentRow>(`${CONSENT_SELECT} WHERE c.signed_link_id = $1`, [linkId]);
  return rows[0] && consent(rows[0]);
}

/** The person consented and entered what the bureau needs (held until the check). */
export async function giveConsent(
  tx: Queryable,
  consentId: string,
  entered: { birthDate: string | null; street: string; postalCode: string; city: string },
): Promise<void> {
  await tx.query(
    `UPDATE lead_credit_check_consents SET given_at = clock_timestamp(), birth_date = $2::date, street = $3, postal_code = $4, city = $5
      WHERE id = $1`,
    [consentId, entered.birthDate, entered.street, entered.postalCode, entered.city],
  );
}

/** Withdrawn (or declined): what the person entered is erased with it. */
export async function revokeConsent(tx: Queryable, consentId: string): Promise<void> {
  await tx.query(
    `UPDATE lead_credit_check_consents
        SET revoked_at = coalesce(revoked_at, clock_timestamp()), birth_date = NULL, street = NULL, postal_code = NULL, city = NULL
      WHERE id = $1`,
    [consentId],
  );
}

/** The check ran on this consent: it is used, and what the person entered is erased. */
export async function useConsent(tx: Queryable, consentId: string): Promise<void> {
  await tx.query(
    `UPDATE lead_credit_check_consents SET used_at = clock_timestamp(), birth_date = NULL, street = NULL, postal_code = NULL, city = NULL
      WHERE id = $1`,
    [consentId],
  );
}

export async function insertCheck(
  tx: Queryable,
  input: { tenantId: string; leadId: string; consentId: string; reference: string; class: CreditCheckClass; checkedBy: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO lead_credit_checks (tenant_id, lead_id, consent_id, reference, score_class, checked_by) VALUES ($1, $2, $3, $4, $5, $6)`,
    [input.tenantId, input.leadId, input.consentId, input.reference, input.class, input.checkedBy],
  );
}

export async function latestCheck(tx: Queryable, leadId: string): Promise<CheckRow | undefined> {
  const { rows } = await tx.query<CheckRow>(
    `SELECT k.reference, k.score_class AS class, k.checked_at AS "checkedAt", a.display_name AS "checkedBy"
       FROM lead_credit_checks k LEFT JOIN accounts a ON a.tenant_id = k.tenant_id AND a.id = k.checked_by
      WHERE k.lead_id = $1 ORDER BY k.checked_at DESC, k.id DESC LIMIT 1`,
    [leadId],
  );
  return rows[0] && { ...rows[0], checkedAt: asDate(rows[0].checkedAt)! };
}

export interface CreditLeadRow {
  id: string;
  name: string;
  email: string | null;
  status: string;
  listingId: string | null;
  anonymised: boolean;
}

/** The lead, locked: one lead's consent and check requests run one after another. */
export async function lockLead(tx: Queryable, leadId: string): Promise<CreditLeadRow | undefined> {
  const { rows } = await tx.query<CreditLeadRow>(
    `SELECT id, name, email, status, listing_id AS "listingId", anonymised_at IS NOT NULL AS anonymised FROM leads WHERE id = $1 FOR UPDATE`,
    [leadId],
  );
  return rows[0];
}

/** The lead without a lock (reading only). */
export async function findLead(tx: Queryable, leadId: string): Promise<CreditLeadRow | undefined> {
  const { rows } = await tx.query<CreditLeadRow>(
    `SELECT id, name, email, status, listing_id AS "listingId", anonymised_at IS NOT NULL AS anonymised FROM leads WHERE id = $1`,
    [leadId],
  );
  return rows[0];
}
