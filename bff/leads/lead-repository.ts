import type { LeadColumn, LeadSource, LeadStatus, StaffPermission } from '../contract/enums.ts';
import type { Queryable } from '../db/database.ts';
import type { DuplicateRecord, LeadEventRecord, LeadRecord, NewLead, NewLeadEvent } from './model.ts';

/** SQL of leads, their audit trail and the access log. Every function runs in the caller's transaction and scope. */

const LEAD_SELECT = `
  SELECT l.id, l.listing_id AS "listingId", li.title AS "listingTitle", l.status, l.source, l.channel, l.provider,
         l.external_id AS "externalId", l.name, l.email, l.phone, l.phone_normalised AS "phoneNormalised", l.address,
         l.message, l.desired_move_in AS "desiredMoveIn", l.household_size AS "householdSize",
         l.household_type AS "householdType", l.pets, l.pets_note AS "petsNote",
         l.self_disclosure_offered AS "selfDisclosureOffered", l.commission, l.sent_at AS "sentAt",
         l.owner_account_id AS "ownerId", o.display_name AS "ownerName", l.version,
         l.created_at AS "createdAt", l.updated_at AS "updatedAt", l.status_changed_at AS "statusChangedAt",
         EXISTS (SELECT 1 FROM leads d
                  WHERE d.tenant_id = l.tenant_id AND d.listing_id = l.listing_id AND d.id <> l.id
                    AND (d.email = l.email OR d.phone_normalised = l.phone_normalised)) AS duplicate`;
const LEAD_FROM = `
    FROM leads l
    LEFT JOIN listings li ON li.tenant_id = l.tenant_id AND li.id = l.listing_id
    LEFT JOIN accounts o ON o.tenant_id = l.tenant_id AND o.id = l.owner_account_id`;

type LeadRow = Omit<LeadRecord, 'sentAt' | 'createdAt' | 'updatedAt' | 'statusChangedAt'> & {
  sentAt: Date | string | null;
  createdAt: Date | string;
  updatedAt: Date | string;
  statusChangedAt: Date | string;
};

const toRecord = (row: LeadRow): LeadRecord => ({
  ...row,
  sentAt: row.sentAt === null ? null : new Date(row.sentAt),
  createdAt: new Date(row.createdAt),
  updatedAt: new Date(row.updatedAt),
  statusChangedAt: new Date(row.statusChangedAt),
});

export async function insertLead(tx: Queryable, tenantId: string, lead: NewLead): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO leads (tenant_id, listing_id, commission, source, channel, provider, external_id, name, email, phone,
                        phone_normalised, address, message, desired_move_in, household_size, household_type, pets,
                        pets_note, self_disclosure_offered, sent_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20) RETURNING id`,
    [
      tenantId,
      lead.listingId,
      lead.commission,
      lead.source,
      lead.channel,
      lead.provider,
      lead.externalId,
      lead.name,
      lead.email,
      lead.phone,
      lead.phoneNormalised,
      lead.address,
      lead.message,
      lead.desiredMoveIn,
      lead.householdSize,
      lead.householdType,
      lead.pets,
      lead.petsNote,
      lead.selfDisclosureOffered,
      lead.sentAt,
    ],
  );
  return rows[0].id;
}

/** Appends an entry to the lead's audit trail (the only writer of lead_events; the table takes no UPDATE). */
export async function appendLeadEvent(tx: Queryable, tenantId: string, event: NewLeadEvent): Promise<void> {
  await tx.query(
    `INSERT INTO lead_events (tenant_id, lead_id, actor_role, actor_account_id, kind, from_status, to_status, reason, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      tenantId,
      event.leadId,
      event.actor.role,
      event.actor.role === 'staff' ? event.actor.accountId : null,
      event.kind,
      event.fromStatus ?? null,
      event.toStatus ?? null,
      event.reason ?? null,
      JSON.stringify(event.details ?? {}),
    ],
  );
}

export async function findLead(tx: Queryable, leadId: string): Promise<LeadRecord | undefined> {
  const { rows } = await tx.query<LeadRow>(`${LEAD_SELECT}${LEAD_FROM} WHERE l.id = $1`, [leadId]);
  return rows[0] && toRecord(rows[0]);
}

export interface LeadFilter {
  /** `unassigned` true: no listing (the "nicht zugeordnet" column, or `listing=none`); false: with a listing. */
  status?: LeadStatus;
  unassigned?: boolean;
  listingId?: string;
  sources?: LeadSource[];
  ownerId?: string;
  withoutOwner?: boolean;
  /** Name or e-mail address contains this text. */
  text?: string;
  /** A LIKE pattern of the E.164 telephone number (only for staff with the letting permission). */
  phonePattern?: string;
  /** `text` also searches the address (only for staff with the letting permission). */
  addressSearch?: boolean;
}

/** Escapes LIKE's wildcards in a search text, so `%` and `_` match themselves. */
const likeContaining = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

const FILTER = `
      WHERE ($1::text IS NULL OR l.status = $1)
        AND ($2::boolean IS NULL OR (l.listing_id IS NULL) = $2)
        AND ($3::uuid IS NULL OR l.listing_id = $3)
        AND ($4::text[] IS NULL OR l.source = ANY($4::text[]))
        AND ($5::uuid IS NULL OR l.owner_account_id = $5)
        AND (NOT $6::boolean OR l.owner_account_id IS NULL)
        AND (($7::text IS NULL AND $8::text IS NULL)
             OR l.name ILIKE $7 ESCAPE '\\' OR l.email ILIKE $7 ESCAPE '\\' OR l.phone_normalised LIKE $8
             OR ($9::boolean AND l.address ILIKE $7 ESCAPE '\\'))`;

const filterParams = (filter: LeadFilter) => [
  filter.status ?? null,
  filter.unassigned ?? null,
  filter.listingId ?? null,
  filter.sources ?? null,
  filter.ownerId ?? null,
  filter.withoutOwner ?? false,
  filter.text === undefined ? null : likeContaining(filter.text),
  filter.phonePattern ?? null,
  filter.addressSearch ?? false,
];

/** Which of a lead's contact fields a search matched (such finds go to the access log). */
export interface ContactMatch {
  phoneMatched: boolean;
  addressMatched: boolean;
}

/** One page of leads, newest first; the cursor is the id of the last lead of the previous page. */
export async function listLeads(
  tx: Queryable,
  filter: LeadFilter & { limit: number; cursor?: string },
): Promise<Array<LeadRecord & ContactMatch>> {
  const { rows } = await tx.query<LeadRow & ContactMatch>(
    `${LEAD_SELECT}, coalesce(l.phone_normalised LIKE $8, false) AS "phoneMatched",
            coalesce($9::boolean AND l.address ILIKE $7 ESCAPE '\\', false) AS "addressMatched"${LEAD_FROM}${FILTER}
        AND ($10::uuid IS NULL OR (l.created_at, l.id) < (SELECT created_at, id FROM leads WHERE id = $10))
      ORDER BY l.created_at DESC, l.id DESC
      LIMIT $11`,
    [...filterParams(filter), filter.cursor ?? null, filter.limit],
  );
  return rows.map((row) => ({ ...toRecord(row), phoneMatched: row.phoneMatched, addressMatched: row.addressMatched }));
}

/** How many leads each board column holds under the filter. */
export async function countLeadsByColumn(tx: Queryable, filter: LeadFilter): Promise<Partial<Record<LeadColumn, number>>> {
  const { rows } = await tx.query<{ column: LeadColumn; count: number }>(
    `SELECT CASE WHEN l.status = 'offen' AND l.listing_id IS NULL THEN 'nicht_zugeordnet' ELSE l.status END AS "column",
            count(*)::int AS count
       FROM leads l${FILTER}
      GROUP BY 1`,
    filterParams(filter),
  );
  return Object.fromEntries(rows.map((row) => [row.column, row.count]));
}

/** The lead's audit trail, oldest first, with the names of the staff who acted. */
export async function listLeadEvents(tx: Queryable, leadId: string): Promise<LeadEventRecord[]> {
  const { rows } = await tx.query<LeadEventRecord & { at: Date | string }>(
    `SELECT e.id, e.kind, e.at, e.actor_role AS "actorRole", a.display_name AS "actorName", e.from_status AS "fromStatus",
            e.to_status AS "toStatus", e.reason, e.details
       FROM lead_events e
       LEFT JOIN accounts a ON a.tenant_id = e.tenant_id AND a.id = e.actor_account_id
      WHERE e.lead_id = $1
      ORDER BY e.at, e.id`,
    [leadId],
  );
  return rows.map((row) => ({ ...row, at: new Date(row.at) }));
}

/** Other leads of the lead's listing with its e-mail address or telephone number. */
export async function listDuplicates(tx: Queryable, leadId: string): Promise<DuplicateRecord[]> {
  const { rows } = await tx.query<{
    id: string;
    name: string;
    status: LeadStatus;
    email: boolean;
    phone: boolean;
    createdAt: Date | string;
  }>(
    `SELECT d.id, d.name, d.status, coalesce(d.email = l.email, false) AS email,
            coalesce(d.phone_normalised = l.phone_normalised, false) AS phone, d.created_at AS "createdAt"
       FROM leads l
       JOIN leads d ON d.tenant_id = l.tenant_id AND d.listing_id = l.listing_id AND d.id <> l.id
                   AND (d.email = l.email OR d.phone_normalised = l.phone_normalised)
      WHERE l.id = $1
      ORDER BY d.created_at, d.id`,
    [leadId],
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    status: row.status,
    matchedBy: [...(row.email ? ['email' as const] : []), ...(row.phone ? ['phone' as const] : [])],
    createdAt: new Date(row.createdAt),
  }));
}

/** The permissions of the scope's own account (the staff member acting). */
export async function ownPermissions(tx: Queryable): Promise<StaffPermission[]> {
  const { rows } = await tx.query<{ permissions: StaffPermission[] }>(`SELECT permissions FROM accounts WHERE id = app_account()`);
  return rows[0]?.permissions ?? [];
}

/** Sets a staff account's permissions (only admins may, by trigger); before and after, or undefined for no such staff account. */
export async function setPermissions(
  tx: Queryable,
  accountId: string,
  permissions: StaffPermission[],
): Promise<{ before: StaffPermission[]; after: StaffPermission[] } | undefined> {
  const { rows } = await tx.query<{ permissions: StaffPermission[] }>(
    `SELECT permissions FROM accounts WHERE id = $1 AND role IN ('clerk', 'admin') FOR UPDATE`,
    [accountId],
  );
  if (!rows[0]) return undefined;
  const after = [...new Set(permissions)];
  await tx.query(`UPDATE accounts SET permissions = $2 WHERE id = $1`, [accountId, after]);
  return { before: rows[0].permissions, after };
}

/** Writes who saw which of a lead's contact fields, in the viewer's own name. */
export async function logContactAccess(
  tx: Queryable,
  tenantId: string,
  entries: Array<{ leadId: string; via: 'detail' | 'search'; fields: Array<'phone' | 'address'> }>,
): Promise<void> {
  for (const entry of entries) {
    await tx.query(`INSERT INTO lead_access_log (tenant_id, lead_id, account_id, via, fields) VALUES ($1, $2, app_account(), $3, $4)`, [
      tenantId,
      entry.leadId,
      entry.via,
      entry.fields,
    ]);
  }
}

export async function listContactAccess(
  tx: Queryable,
  leadId: string,
): Promise<
  Array<{ id: string; at: Date; accountId: string; accountName: string; via: 'detail' | 'search'; fields: Array<'phone' | 'address'> }>
> {
  const { rows } = await tx.query<{
    id: string;
    at: Date | string;
    accountId: string;
    accountName: string;
    via: 'detail' | 'search';
    fields: Array<'phone' | 'address'>;
  }>(
    `SELECT g.id, g.at, g.account_id AS "accountId", a.display_name AS "accountName", g.via, g.fields
       FROM lead_access_log g
       JOIN accounts a ON a.tenant_id = g.tenant_id AND a.id = g.account_id
      WHERE g.lead_id = $1
      ORDER BY g.at DESC, g.id`,
    [leadId],
  );
  return rows.map((row) => ({ ...row, at: new Date(row.at) }));
}

/** Whether the lead exists in the scope (the access log of another company's lead is 404 like an unknown one). */
export async function leadExists(tx: Queryable, leadId: string): Promise<boolean> {
  return (await tx.query(`SELECT 1 FROM leads WHERE id = $1`, [leadId])).rowCount > 0;
}

/** Anonymises every rejected lead past its company's period (migration 0032); how many. System scope only. */
export async function anonymiseRejectedLeads(tx: Queryable, now: Date, defaultDays: number): Promise<number> {
  const { rows } = await tx.query<{ anonymised: string }>(`SELECT lead_anonymise_due($1, $2) AS anonymised`, [now, defaultDays]);
  return Number(rows[0].anonymised);
}

export interface StageFigures {
  column: LeadColumn;
  count: number;
  medianSeconds: number | null;
  longestSeconds: number | null;
}

export interface ListingFigures {
  listingId: string | null;
  title: string | null;
  status: 'aktiv' | 'vermietet' | null;
  column: LeadColumn;
  count: number;
}

/** The daily overview's figures of the scope's company at `at`: per column (with time in stage), listing, source. */
export async function leadOverviewFigures(tx: Queryable, at: Date) {
  const column = `CASE WHEN l.status = 'offen' AND l.listing_id IS NULL THEN 'nicht_zugeordnet' ELSE l.status END`;
  const stages = await tx.query<StageFigures>(
    `SELECT ${column} AS "column", count(*)::int AS count,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM $1::timestamptz - l.status_changed_at))::float8 AS "medianSeconds",
            max(extract(epoch FROM $1::timestamptz - l.status_changed_at))::float8 AS "longestSeconds"
       FROM leads l GROUP BY 1`,
    [at],
  );
  const listings = await tx.query<ListingFigures>(
    `SELECT l.listing_id AS "listingId", li.title, li.status, ${column} AS "column", count(*)::int AS count
       FROM leads l LEFT JOIN listings li ON li.id = l.listing_id
      GROUP BY 1, 2, 3, 4`,
  );
  const sources = await tx.query<{ source: LeadSource; count: number }>(
    `SELECT source, count(*)::int AS count FROM leads GROUP BY 1 ORDER BY 2 DESC, 1`,
  );
  const recent = await tx.query<{ newLeads: number; moves: number }>(
    `SELECT (SELECT count(*)::int FROM leads WHERE created_at > $1::timestamptz - interval '24 hours' AND created_at <= $1) AS "newLeads",
            (SELECT count(*)::int FROM lead_events
              WHERE kind = 'status_changed' AND at > $1::timestamptz - interval '24 hours' AND at <= $1) AS moves`,
    [at],
  );
  return { stages: stages.rows, listings: listings.rows, sources: sources.rows, last24Hours: recent.rows[0] };
}
