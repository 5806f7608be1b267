import type { ListingStatus } from '../contract/enums.ts';
import type { ListingChange, ListingInput, ListingPortalId, ListingUnit } from '../contract/leads.ts';
import type { Queryable } from '../db/database.ts';
import type { ListingRecord } from './model.ts';

/** SQL of listings and their portal ids. Every function runs in the caller's transaction and scope. */

const LISTING_SELECT = `
  SELECT l.id, l.title, l.unit_id AS "unitId", u.label AS "unitLabel", b.street, b.postal_code AS "postalCode", b.city,
         l.rooms::float8 AS rooms, l.living_area::float8 AS "livingArea", l.cold_rent::float8 AS "coldRent",
         l.service_charges::float8 AS "serviceCharges", to_char(l.available_from, 'YYYY-MM-DD') AS "availableFrom",
         l.commission, l.status, l.created_at AS "createdAt", l.updated_at AS "updatedAt",
         coalesce((SELECT json_agg(json_build_object('provider', p.provider, 'providerListingId', p.provider_listing_id)
                                   ORDER BY p.provider)
                     FROM listing_portal_ids p WHERE p.tenant_id = l.tenant_id AND p.listing_id = l.id), '[]'::json) AS "portalIds",
         (SELECT count(*) FROM leads d WHERE d.tenant_id = l.tenant_id AND d.listing_id = l.id)::int AS "leadCount"
    FROM listings l
    JOIN units u ON u.tenant_id = l.tenant_id AND u.id = l.unit_id
    JOIN buildings b ON b.tenant_id = u.tenant_id AND b.id = u.building_id`;

type ListingRow = Omit<ListingRecord, 'createdAt' | 'updatedAt'> & { createdAt: Date | string; updatedAt: Date | string };

const toRecord = (row: ListingRow): ListingRecord => ({ ...row, createdAt: new Date(row.createdAt), updatedAt: new Date(row.updatedAt) });

export async function unitExists(tx: Queryable, unitId: string): Promise<boolean> {
  return (await tx.query(`SELECT 1 FROM units WHERE id = $1`, [unitId])).rowCount > 0;
}

/** The company's units with their building's address, by address and label; whether an active listing offers each. */
export async function listUnits(tx: Queryable, limit: number): Promise<ListingUnit[]> {
  const { rows } = await tx.query<ListingUnit & { street: string; postalCode: string; city: string }>(
    `SELECT u.id, u.label, b.street, b.postal_code AS "postalCode", b.city,
            EXISTS (SELECT 1 FROM listings l WHERE l.tenant_id = u.tenant_id AND l.unit_id = u.id AND l.status = 'aktiv') AS "activeListing"
       FROM units u
       JOIN buildings b ON b.tenant_id = u.tenant_id AND b.id = u.building_id
      ORDER BY b.city, b.street, u.label, u.id
      LIMIT $1`,
    [limit],
  );
  return rows.map(({ street, postalCode, city, ...unit }) => ({ ...unit, address: { street, postalCode, city } }));
}

export async function insertListing(tx: Queryable, tenantId: string, input: ListingInput, createdBy: string): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO listings (tenant_id, unit_id, title, rooms, living_area, cold_rent, service_charges, available_from, commission, status, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [
      tenantId,
      input.unitId,
      input.title,
      input.rooms,
      input.livingArea,
      input.coldRent,
      input.serviceCharges,
      input.availableFrom,
      input.commission,
      input.status,
      createdBy,
    ],
  );
  return rows[0].id;
}

/** Changes the named fields; false when the listing is not the scope's. */
export async function updateListing(tx: Queryable, listingId: string, change: Omit<ListingChange, 'portalIds'>): Promise<boolean> {
  const { rowCount } = await tx.query(
    `UPDATE listings SET
        unit_id = coalesce($2, unit_id), title = coalesce($3, title), rooms = coalesce($4, rooms),
        living_area = coalesce($5, living_area), cold_rent = coalesce($6, cold_rent),
        service_charges = coalesce($7, service_charges),
        available_from = CASE WHEN $8::boolean THEN $9::date ELSE available_from END,
        commission = coalesce($10, commission), status = coalesce($11, status), updated_at = now()
      WHERE id = $1`,
    [
      listingId,
      change.unitId ?? null,
      change.title ?? null,
      change.rooms ?? null,
      change.livingArea ?? null,
      change.coldRent ?? null,
      change.serviceCharges ?? null,
      change.availableFrom !== undefined,
      change.availableFrom ?? null,
      change.commission ?? null,
      change.status ?? null,
    ],
  );
  return rowCount > 0;
}

/** Replaces the listing's portal ids with these. */
export async function replacePortalIds(tx: Queryable, tenantId: string, listingId: string, portalIds: ListingPortalId[]): Promise<void> {
  await tx.query(`DELETE FROM listing_portal_ids WHERE listing_id = $1`, [listingId]);
  for (const { provider, providerListingId } of portalIds) {
    await tx.query(`INSERT INTO listing_portal_ids (tenant_id, listing_id, provider, provider_listing_id) VALUES ($1, $2, $3, $4)`, [
      tenantId,
      listingId,
      provider,
      providerListingId,
    ]);
  }
}

/** Which of these portal ids another listing of the company already has. */
export async function takenPortalIds(tx: Queryable, listingId: string | null, portalIds: ListingPortalId[]): Promise<ListingPortalId[]> {
  if (!portalIds.length) return [];
  const { rows } = await tx.query<ListingPortalId>(
    `SELECT p.provider, p.provider_listing_id AS "providerListingId"
       FROM listing_portal_ids p
       JOIN unnest($2::text[], $3::text[]) AS wanted(provider, provider_listing_id)
         ON wanted.provider = p.provider AND wanted.provider_listing_id = p.provider_listing_id
      WHERE $1::uuid IS NULL OR p.listing_id <> $1`,
    [listingId, portalIds.map((entry) => entry.provider), portalIds.map((entry) => entry.providerListingId)],
  );
  return rows;
}

export async function findListing(tx: Queryable, listingId: string): Promise<ListingRecord | undefined> {
  const { rows } = await tx.query<ListingRow>(`${LISTING_SELECT} WHERE l.id = $1`, [listingId]);
  return rows[0] && toRecord(rows[0]);
}

/** The company's listings, newest first; the cursor is the id of the last listing of the previous page. */
export async function listListings(
  tx: Queryable,
  filter: { status?: ListingStatus; limit: number; cursor?: string },
): Promise<ListingRecord[]> {
  const { rows } = await tx.query<ListingRow>(
    `${LISTING_SELECT}
      WHERE ($1::text IS NULL OR l.status = $1)
        AND ($2::uuid IS NULL OR (l.created_at, l.id) < (SELECT created_at, id FROM listings WHERE id = $2))
      ORDER BY l.created_at DESC, l.id DESC
      LIMIT $3`,
    [filter.status ?? null, filter.cursor ?? null, filter.limit],
  );
  return rows.map(toRecord);
}

/**
 * The active listing an enquiry names by its id at a provider: the first of `providers` that knows the id wins
 * (a relay's enquiry names the portal first, then the relay itself). A listing that is let matches nothing.
 */
export async function findActiveListingByPortalId(
  tx: Queryable,
  providers: string[],
  providerListingId: string,
): Promise<{ id: string; commission: string } | undefined> {
  const { rows } = await tx.query<{ id: string; commission: string }>(
    `SELECT l.id, l.commission
       FROM listing_portal_ids p
       JOIN listings l ON l.tenant_id = p.tenant_id AND l.id = p.listing_id
      WHERE p.provider = ANY($1::text[]) AND p.provider_listing_id = $2 AND l.status = 'aktiv'
      ORDER BY array_position($1::text[], p.provider)
      LIMIT 1`,
    [providers, providerListingId],
  );
  return rows[0];
}
