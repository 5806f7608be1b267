import type { ContactChannel, ContactVerification, HouseholdType, IncomeBand, LeadStatus } from '../contract/enums.ts';
import type { Queryable } from '../db/database.ts';

/** SQL of the lead lifecycle (migration 0028). Every function runs in the caller's transaction and scope. */

/** The fields of a lead the gates of a move look at, read under a row lock. */
export interface LockedLead {
  id: string;
  listingId: string | null;
  status: LeadStatus;
  version: number;
  name: string;
  email: string | null;
  phone: string | null;
  householdType: HouseholdType | null;
  desiredMoveIn: string | null;
}

/** The lead's listing and status, without a lock (to lock its listing first when accepting). */
export async function peekLead(tx: Queryable, leadId: string): Promise<{ listingId: string | null; status: LeadStatus } | undefined> {
  const { rows } = await tx.query<{ listingId: string | null; status: LeadStatus }>(
    `SELECT listing_id AS "listingId", status FROM leads WHERE id = $1`,
    [leadId],
  );
  return rows[0];
}

/** Locks the lead's row until the transaction ends: a concurrent move of the same lead waits, then sees the new version. */
export async function lockLead(tx: Queryable, leadId: string): Promise<LockedLead | undefined> {
  const { rows } = await tx.query<LockedLead>(
    `SELECT id, listing_id AS "listingId", status, version, name, email, phone, household_type AS "householdType",
            desired_move_in AS "desiredMoveIn"
       FROM leads WHERE id = $1 FOR UPDATE`,
    [leadId],
  );
  return rows[0];
}

/** Locks the listing's row (an acceptance of any of its leads waits for another one under way); its status. */
export async function lockListing(tx: Queryable, listingId: string): Promise<{ status: 'aktiv' | 'vermietet' } | undefined> {
  const { rows } = await tx.query<{ status: 'aktiv' | 'vermietet' }>(`SELECT status FROM listings WHERE id = $1 FOR UPDATE`, [listingId]);
  return rows[0];
}

export interface StatusChange {
  status: LeadStatus;
  /** Set the owner (the mover, when moving to `kontaktiert`). */
  ownerId?: string;
  name?: string;
  householdType?: HouseholdType;
  desiredMoveIn?: string;
  contactMessage?: string;
}

/** The new status (and gate data) of a locked lead; counts its version up and restarts its time in stage. */
export async function changeLeadStatus(tx: Queryable, leadId: string, change: StatusChange): Promise<void> {
  await tx.query(
    `UPDATE leads SET status = $2, owner_account_id = coalesce($3, owner_account_id), name = coalesce($4, name),
            household_type = coalesce($5, household_type), desired_move_in = coalesce($6, desired_move_in),
            contact_message = coalesce($7, contact_message),
            contacted_at = CASE WHEN $7::text IS NULL THEN contacted_at ELSE now() END,
            version = version + 1, status_changed_at = now(), updated_at = now()
      WHERE id = $1`,
    [
      leadId,
      change.status,
      change.ownerId ?? null,
      change.name ?? null,
      change.householdType ?? null,
      change.desiredMoveIn ?? null,
      change.contactMessage ?? null,
    ],
  );
}

/** Counts the lead's version up (a change that is not a move, e.g. a verified channel, still makes older views stale). */
export async function touchLead(tx: Queryable, leadId: string): Promise<void> {
  await tx.query(`UPDATE leads SET version = version + 1, updated_at = now() WHERE id = $1`, [leadId]);
}

/** The other leads of the listing still open (offen, kontaktiert, besichtigt), locked, oldest first. */
export async function lockOpenLeadsOfListing(tx: Queryable, listingId: string, exceptLeadId: string): Promise<LockedLead[]> {
  const { rows } = await tx.query<LockedLead>(
    `SELECT id, listing_id AS "listingId", status, version, name, email, phone, household_type AS "householdType",
            desired_move_in AS "desiredMoveIn"
       FROM leads
      WHERE listing_id = $1 AND id <> $2 AND status IN ('offen', 'kontaktiert', 'besichtigt')
      ORDER BY created_at, id
        FOR UPDATE`,
    [listingId, exceptLeadId],
  );
  return rows;
}

export async function setLettingCase(tx: Queryable, leadId: string, caseId: string): Promise<void> {
  await tx.query(`UPDATE leads SET letting_case_id = $2 WHERE id = $1`, [leadId, caseId]);
}

export async function letListing(tx: Queryable, listingId: string): Promise<void> {
  await tx.query(`UPDATE listings SET status = 'vermietet', updated_at = now() WHERE id = $1`, [listingId]);
}

/** The listing's ids at the portals (where a withdrawal goes). */
export async function portalIdsOf(tx: Queryable, listingId: string): Promise<Array<{ provider: string; providerListingId: string }>> {
  const { rows } = await tx.query<{ provider: string; providerListingId: string }>(
    `SELECT provider, provider_listing_id AS "providerListingId" FROM listing_portal_ids WHERE listing_id = $1 ORDER BY provider`,
    [listingId],
  );
  return rows;
}

// ---------------------------------------------------------------------------------------------------
// What the lifecycle knows of a lead beyond its card

export interface LifecycleFacts {
  email: string | null;
  phone: string | null;
  contactMessage: string | null;
  contactedAt: Date | null;
  lettingCaseId: string | null;
  legalHold: boolean;
  legalHoldReason: string | null;
  legalHoldSince: Date | null;
  /** The lead was `besichtigt` at some time (its trail says so). */
  reachedViewing: boolean;
}

export async function lifecycleFacts(tx: Queryable, leadId: string): Promise<LifecycleFacts | undefined> {
  const { rows } = await tx.query<LifecycleFacts>(
    `SELECT l.email, l.phone, l.contact_message AS "contactMessage", l.contacted_at AS "contactedAt",
            l.letting_case_id AS "lettingCaseId", l.legal_hold AS "legalHold", l.legal_hold_reason AS "legalHoldReason",
            l.legal_hold_since AS "legalHoldSince",
            EXISTS (SELECT 1 FROM lead_events e WHERE e.tenant_id = l.tenant_id AND e.lead_id = l.id
                       AND e.kind = 'status_changed' AND e.to_status = 'besichtigt') AS "reachedViewing"
       FROM leads l WHERE l.id = $1`,
    [leadId],
  );
  const row = rows[0];
  return (
    row && {
      ...row,
      contactedAt: row.contactedAt && new Date(row.contactedAt),
      legalHoldSince: row.legalHoldSince && new Date(row.legalHoldSince),
    }
  );
}

export interface VerificationRecord {
  channel: ContactChannel;
  value: string;
  how: ContactVerification;
  verifiedAt: Date;
  verifiedBy: string | null;
}

/** The lead's verifications, newest first. */
export async function listVerifications(tx: Queryable, leadId: string): Promise<VerificationRecord[]> {
  const { rows } = await tx.query<VerificationRecord>(
    `SELECT v.channel, v.value, v.how, v.verified_at AS "verifiedAt", a.display_name AS "verifiedBy"
       FROM lead_contact_verifications v
       LEFT JOIN accounts a ON a.tenant_id = v.tenant_id AND a.id = v.verified_by
      WHERE v.lead_id = $1
      ORDER BY v.verified_at DESC, v.id`,
    [leadId],
  );
  return rows.map((row) => ({ ...row, verifiedAt: new Date(row.verifiedAt) }));
}

export async function insertVerification(
  tx: Queryable,
  tenantId: string,
  entry: { leadId: string; channel: ContactChannel; value: string; how: ContactVerification; verifiedBy: string | null },
): Promise<void> {
  await tx.query(
    `INSERT INTO lead_contact_verifications (tenant_id, lead_id, channel, value, how, verified_by) VALUES ($1, $2, $3, $4, $5, $6)`,
    [tenantId, entry.leadId, entry.channel, entry.value, entry.how, entry.verifiedBy],
  );
}

export interface ViewingRecord {
  id: string;
  startsAt: Date;
  durationMinutes: number;
  note: string | null;
  createdById: string;
  createdByName: string;
  createdAt: Date;
  lockGrantFrom: Date | null;
  lockGrantUntil: Date | null;
}

const VIEWING_SELECT = `
  SELECT v.id, v.starts_at AS "startsAt", v.duration_minutes AS "durationMinutes", v.note, v.created_by AS "createdById",
         a.display_name AS "createdByName", v.created_at AS "createdAt", v.lock_grant_from AS "lockGrantFrom",
         v.lock_grant_until AS "lockGrantUntil"
    FROM lead_viewings v
    JOIN accounts a ON a.tenant_id = v.tenant_id AND a.id = v.created_by`;

const toViewing = (row: ViewingRecord): ViewingRecord => ({
  ...row,
  startsAt: new Date(row.startsAt),
  createdAt: new Date(row.createdAt),
  lockGrantFrom: row.lockGrantFrom && new Date(row.lockGrantFrom),
  lockGrantUntil: row.lockGrantUntil && new Date(row.lockGrantUntil),
});

export async function insertViewing(
  tx: Queryable,
  tenantId: string,
  viewing: { leadId: string; startsAt: Date; durationMinutes: number; note: string | null; createdBy: string },
): Promise<ViewingRecord> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO lead_viewings (tenant_id, lead_id, starts_at, duration_minutes, note, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [tenantId, viewing.leadId, viewing.startsAt, viewing.durationMinutes, viewing.note, viewing.createdBy],
  );
  const { rows: found } = await tx.query<ViewingRecord>(`${VIEWING_SELECT} WHERE v.id = $1`, [rows[0].id]);
  return toViewing(found[0]);
}

/** The smart-lock grant of a planned viewing (its window and the lock's reference). */
export async function setViewingLockGrant(
  tx: Queryable,
  viewingId: string,
  grant: { from: Date; until: Date; reference: string },
): Promise<void> {
  await tx.query(`UPDATE lead_viewings SET lock_grant_from = $2, lock_grant_until = $3, lock_grant_ref = $4 WHERE id = $1`, [
    viewingId,
    grant.from,
    grant.until,
    grant.reference,
  ]);
}

/** The lead's viewings, earliest first. */
export async function listViewings(tx: Queryable, leadId: string): Promise<ViewingRecord[]> {
  const { rows } = await tx.query<ViewingRecord>(`${VIEWING_SELECT} WHERE v.lead_id = $1 ORDER BY v.starts_at, v.id`, [leadId]);
  return rows.map(toViewing);
}

export interface SelfDisclosureRecord {
  profession: string | null;
  employer: string | null;
  incomeBand: IncomeBand | null;
  rentDebtFreeCertificate: boolean | null;
  recordedAt: Date;
}

export async function findSelfDisclosure(tx: Queryable, leadId: string): Promise<SelfDisclosureRecord | undefined> {
  const { rows } = await tx.query<SelfDisclosureRecord>(
    `SELECT profession, employer, income_band AS "incomeBand", rent_debt_free_certificate AS "rentDebtFreeCertificate",
            recorded_at AS "recordedAt"
       FROM lead_self_disclosures WHERE lead_id = $1`,
    [leadId],
  );
  return rows[0] && { ...rows[0], recordedAt: new Date(rows[0].recordedAt) };
}

/** Writes the named fields (undefined: unchanged, null: cleared). */
export async function saveSelfDisclosure(
  tx: Queryable,
  tenantId: string,
  leadId: string,
  recordedBy: string,
  fields: Partial<Omit<SelfDisclosureRecord, 'recordedAt'>>,
): Promise<void> {
  const given = (name: keyof typeof fields) => fields[name] !== undefined;
  await tx.query(
    `INSERT INTO lead_self_disclosures (tenant_id, lead_id, profession, employer, income_band, rent_debt_free_certificate, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (tenant_id, lead_id) DO UPDATE SET
       profession = CASE WHEN $8 THEN excluded.profession ELSE lead_self_disclosures.profession END,
       employer = CASE WHEN $9 THEN excluded.employer ELSE lead_self_disclosures.employer END,
       income_band = CASE WHEN $10 THEN excluded.income_band ELSE lead_self_disclosures.income_band END,
       rent_debt_free_certificate = CASE WHEN $11 THEN excluded.rent_debt_free_certificate
                                         ELSE lead_self_disclosures.rent_debt_free_certificate END,
       recorded_by = excluded.recorded_by, recorded_at = now()`,
    [
      tenantId,
      leadId,
      fields.profession ?? null,
      fields.employer ?? null,
      fields.incomeBand ?? null,
      fields.rentDebtFreeCertificate ?? null,
      recordedBy,
      given('profession'),
      given('employer'),
      given('incomeBand'),
      given('rentDebtFreeCertificate'),
    ],
  );
}

export interface RejectionMessageRecord {
  id: string;
  subject: string;
  body: string;
  preparedAt: Date;
  releasedAt: Date | null;
  releasedBy: string | null;
  sentTo: string | null;
}

const REJECTION_SELECT = `
  SELECT m.id, m.subject, m.body, m.prepared_at AS "preparedAt", m.released_at AS "releasedAt",
         a.display_name AS "releasedBy", m.sent_to AS "sentTo"
    FROM lead_rejection_messages m
    LEFT JOIN accounts a ON a.tenant_id = m.tenant_id AND a.id = m.released_by`;

const toRejection = (row: RejectionMessageRecord): RejectionMessageRecord => ({
  ...row,
  preparedAt: new Date(row.preparedAt),
  releasedAt: row.releasedAt && new Date(row.releasedAt),
});

/** Prepares the rejection message of a lead (a still unreleased one is replaced by the new text). */
export async function prepareRejectionMessage(
  tx: Queryable,
  tenantId: string,
  leadId: string,
  message: { subject: string; body: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO lead_rejection_messages (tenant_id, lead_id, subject, body) VALUES ($1, $2, $3, $4)
     ON CONFLICT (tenant_id, lead_id) WHERE released_at IS NULL
     DO UPDATE SET subject = excluded.subject, body = excluded.body, prepared_at = now()`,
    [tenantId, leadId, message.subject, message.body],
  );
}

/** The lead's rejection messages, newest first. */
export async function listRejectionMessages(tx: Queryable, leadId: string): Promise<RejectionMessageRecord[]> {
  const { rows } = await tx.query<RejectionMessageRecord>(`${REJECTION_SELECT} WHERE m.lead_id = $1 ORDER BY m.prepared_at DESC, m.id`, [
    leadId,
  ]);
  return rows.map(toRejection);
}

/** Marks the pending message released with its final text; undefined when there is none (or another clerk was faster). */
export async function releaseRejectionMessage(
  tx: Queryable,
  leadId: string,
  release: { subject?: string; body?: string; sentTo: string },
): Promise<RejectionMessageRecord | undefined> {
  const { rows } = await tx.query<{ id: string }>(
    `UPDATE lead_rejection_messages SET subject = coalesce($2, subject), body = coalesce($3, body), released_at = now(),
            released_by = app_account(), sent_to = $4
      WHERE lead_id = $1 AND released_at IS NULL
      RETURNING id`,
    [leadId, release.subject ?? null, release.body ?? null, release.sentTo],
  );
  if (!rows[0]) return undefined;
  const { rows: found } = await tx.query<RejectionMessageRecord>(`${REJECTION_SELECT} WHERE m.id = $1`, [rows[0].id]);
  return toRejection(found[0]);
}

/** The pending (unreleased) message of the lead, locked. */
export async function lockPendingRejection(tx: Queryable, leadId: string): Promise<{ id: string } | undefined> {
  const { rows } = await tx.query<{ id: string }>(
    `SELECT id FROM lead_rejection_messages WHERE lead_id = $1 AND released_at IS NULL FOR UPDATE`,
    [leadId],
  );
  return rows[0];
}

export async function setLegalHold(tx: Queryable, leadId: string, reason: string | null): Promise<void> {
  await tx.query(
    `UPDATE leads SET legal_hold = $2::text IS NOT NULL, legal_hold_reason = $2,
            legal_hold_since = CASE WHEN $2::text IS NULL THEN NULL ELSE now() END, updated_at = now()
      WHERE id = $1`,
    [leadId, reason],
  );
}

/** The display name of the scope's own account (the clerk acting). */
export async function ownName(tx: Queryable): Promise<string> {
  const { rows } = await tx.query<{ name: string }>(`SELECT display_name AS name FROM accounts WHERE id = app_account()`);
  return rows[0]?.name ?? '';
}

/** Puts the lead on the listing, with the listing's commission (what the person is told), and counts the change. */
export async function assignListing(tx: Queryable, leadId: string, listingId: string, commission: string): Promise<void> {
  await tx.query(`UPDATE leads SET listing_id = $2, commission = $3, version = version + 1, updated_at = now() WHERE id = $1`, [
    leadId,
    listingId,
    commission,
  ]);
}
