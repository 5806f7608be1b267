import type { LeadColumn, LeadSource, StaffPermission } from '../contract/enums.ts';
import { LEAD_COLUMNS } from '../contract/enums.ts';
import { LISTING_UNITS_LIMIT, type ListingChange, type ListingInput, type ListingPortalId } from '../contract/leads.ts';
import type { Database, Queryable } from '../db/database.ts';
import { fetchPage } from '../db/pagination.ts';
import { withTenant, type TenantContext } from '../db/scope.ts';
import { AppError, notFound } from '../errors.ts';
import { insertAuditEntry } from '../settings/repository.ts';
import * as leads from './lead-repository.ts';
import * as listings from './listing-repository.ts';
import { leadNotFound, listingNotFound, type ListingRecord } from './model.ts';
import { normalisePhone } from './phone.ts';
import { toLeadCard, toLeadDetail, toListing } from './views.ts';

/**
 * What staff do with listings and read of leads (the board's columns, counts, search, a lead's detail), and the
 * letting permission. Each use case is one transaction in the clerk's scope. Whether the viewer holds the
 * letting permission is read from their account in that transaction, so a permission taken away counts at once;
 * every view of a telephone number or address is written to the access log in the same transaction.
 */

export interface LeadFilterInput {
  listing?: string;
  source?: LeadSource[];
  owner?: string;
  q?: string;
}

const unitUnknown = () => new AppError(400, 'unknown_unit', 'Diese Wohneinheit gibt es bei Ihrer Hausverwaltung nicht.');

function portalIdsTaken(taken: ListingPortalId[]): AppError {
  const names = taken.map((entry) => `${entry.provider} ${entry.providerListingId}`).join(', ');
  return new AppError(409, 'portal_id_taken', `Diese Kennung gehört schon zu einem anderen Inserat: ${names}.`, { taken });
}

/** The column's status and whether it holds leads without a listing. */
function columnFilter(column: LeadColumn | undefined): { status?: leads.LeadFilter['status']; unassigned?: boolean } {
  if (!column) return {};
  if (column === 'nicht_zugeordnet') return { status: 'offen', unassigned: true };
  if (column === 'offen') return { status: 'offen', unassigned: false };
  return { status: column };
}

export function createLeadUseCases(deps: { db: Database }) {
  const { db } = deps;

  async function requireListing(tx: Queryable, listingId: string): Promise<ListingRecord> {
    const record = await listings.findListing(tx, listingId);
    if (!record) throw listingNotFound();
    return record;
  }

  async function checkPortalIds(tx: Queryable, listingId: string | null, portalIds: ListingPortalId[]): Promise<void> {
    const taken = await listings.takenPortalIds(tx, listingId, portalIds);
    if (taken.length) throw portalIdsTaken(taken);
  }

  /** The filter of a board request; `q` searches telephone numbers and addresses only for a viewer with the letting permission. */
  function leadFilter(ctx: TenantContext, input: LeadFilterInput, contactVisible: boolean): leads.LeadFilter {
    const filter: leads.LeadFilter = {
      ...(input.listing === 'none' ? { unassigned: true } : input.listing ? { listingId: input.listing } : {}),
      sources: input.source,
      ...(input.owner === 'me' ? { ownerId: ctx.accountId } : input.owner === 'none' ? { withoutOwner: true } : { ownerId: input.owner }),
    };
    if (input.q) {
      filter.text = input.q;
      filter.addressSearch = contactVisible;
      const digits = input.q.replace(/\D/g, '');
      if (contactVisible && digits.length >= 5 && /^[+\d\s()/.-]+$/.test(input.q)) {
        // A whole number (+49 151 …, 0151 …, 0049 151 …) is found as the same number; a fragment anywhere in it.
        const whole = /^[+0]/.test(input.q) ? normalisePhone(input.q) : null;
        filter.phonePattern = whole ?? `%${digits}%`;
      }
    }
    return filter;
  }

  const canSeeContact = async (tx: Queryable) => (await leads.ownPermissions(tx)).includes('letting');

  return {
    async listListings(ctx: TenantContext, query: { status?: ListingRecord['status']; limit: number; cursor?: string }) {
      const page = await withTenant(db, ctx, (tx) => fetchPage(query.limit, (limit) => listings.listListings(tx, { ...query, limit })));
      return { items: page.items.map(toListing), nextCursor: page.nextCursor };
    },

    async listUnits(ctx: TenantContext) {
      return { items: await withTenant(db, ctx, (tx) => listings.listUnits(tx, LISTING_UNITS_LIMIT)) };
    },

    async createListing(ctx: TenantContext, input: ListingInput) {
      return toListing(
        await withTenant(db, ctx, async (tx) => {
          if (!(await listings.unitExists(tx, input.unitId))) throw unitUnknown();
          await checkPortalIds(tx, null, input.portalIds);
          const id = await listings.insertListing(tx, ctx.tenantId, input, ctx.accountId);
          await listings.replacePortalIds(tx, ctx.tenantId, id, input.portalIds);
          return requireListing(tx, id);
        }),
      );
    },

    listingDetail: async (ctx: TenantContext, listingId: string) =>
      toListing(await withTenant(db, ctx, (tx) => requireListing(tx, listingId))),

    async updateListing(ctx: TenantContext, listingId: string, change: ListingChange) {
      return toListing(
        await withTenant(db, ctx, async (tx) => {
          await requireListing(tx, listingId);
          if (change.unitId && !(await listings.unitExists(tx, change.unitId))) throw unitUnknown();
          const { portalIds, ...fields } = change;
          if (Object.keys(fields).length) await listings.updateListing(tx, listingId, fields);
          if (portalIds) {
            await checkPortalIds(tx, listingId, portalIds);
            await listings.replacePortalIds(tx, ctx.tenantId, listingId, portalIds);
          }
          return requireListing(tx, listingId);
        }),
      );
    },

    /** One page of a board column (or of every column, for a search), newest first. */
    async listLeads(ctx: TenantContext, query: LeadFilterInput & { column?: LeadColumn; limit: number; cursor?: string }) {
      return withTenant(db, ctx, async (tx) => {
        const contactVisible = await canSeeContact(tx);
        const base = leadFilter(ctx, query, contactVisible);
        const column = columnFilter(query.column);
        // `listing=none` asks for leads without a listing: the `offen` column holds none of them.
        if (base.unassigned && column.unassigned === false) return { items: [], nextCursor: null, contactVisible };
        const filter = { ...base, ...column, unassigned: column.unassigned ?? base.unassigned };
        const page = await fetchPage(query.limit, (limit) => leads.listLeads(tx, { ...filter, limit, cursor: query.cursor }));
        // Found by the telephone number or address: the search showed whose they are.
        const foundByContact = page.items.flatMap((lead) => {
          const fields = [...(lead.phoneMatched ? ['phone' as const] : []), ...(lead.addressMatched ? ['address' as const] : [])];
          return fields.length ? [{ leadId: lead.id, via: 'search' as const, fields }] : [];
        });
        if (foundByContact.length) await leads.logContactAccess(tx, ctx.tenantId, foundByContact);
        return { items: page.items.map(toLeadCard), nextCursor: page.nextCursor, contactVisible };
      });
    },

    async leadColumnCounts(ctx: TenantContext, query: LeadFilterInput) {
      const counts = await withTenant(db, ctx, async (tx) => leads.countLeadsByColumn(tx, leadFilter(ctx, query, await canSeeContact(tx))));
      return { columns: Object.fromEntries(LEAD_COLUMNS.map((column) => [column, counts[column] ?? 0])) as Record<LeadColumn, number> };
    },

    /** The lead with its audit trail and duplicates; its phone and address only with the letting permission, logged. */
    async leadDetail(ctx: TenantContext, leadId: string) {
      return withTenant(db, ctx, async (tx) => {
        const record = await leads.findLead(tx, leadId);
        if (!record) throw leadNotFound();
        const contactVisible = await canSeeContact(tx);
        const shown = contactVisible ? [...(record.phone ? ['phone' as const] : []), ...(record.address ? ['address' as const] : [])] : [];
        if (shown.length) await leads.logContactAccess(tx, ctx.tenantId, [{ leadId, via: 'detail', fields: shown }]);
        return toLeadDetail(record, await leads.listLeadEvents(tx, leadId), await leads.listDuplicates(tx, leadId), contactVisible);
      });
    },

    async leadAccessLog(ctx: TenantContext, leadId: string) {
      return withTenant(db, ctx, async (tx) => {
        if (!(await leads.leadExists(tx, leadId))) throw leadNotFound();
        const entries = await leads.listContactAccess(tx, leadId);
        return {
          items: entries.map((entry) => ({
            id: entry.id,
            at: entry.at.toISOString(),
            account: { id: entry.accountId, label: entry.accountName },
            via: entry.via,
            fields: entry.fields,
          })),
        };
      });
    },

    /** An admin grants or takes the letting permission; the change is written to the company's audit log. */
    async setStaffPermissions(ctx: TenantContext, accountId: string, permissions: StaffPermission[]) {
      return withTenant(db, ctx, async (tx) => {
        const changed = await leads.setPermissions(tx, accountId, permissions);
        if (!changed) throw notFound('Kein Mitarbeiterkonto mit dieser Kennung.');
        if (changed.before.join() !== changed.after.join()) {
          await insertAuditEntry(tx, {
            tenantId: ctx.tenantId,
            actorAccountId: ctx.accountId,
            action: 'account.permissions_changed',
            details: { accountId, from: changed.before, to: changed.after },
          });
        }
        return { id: accountId, permissions: changed.after };
      });
    },
  };
}

export type LeadUseCases = ReturnType<typeof createLeadUseCases>;
