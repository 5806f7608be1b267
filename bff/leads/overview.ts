import { LEAD_COLUMNS, type LeadColumn } from '../contract/enums.ts';
import type { LeadOverview } from '../contract/lead-overview.ts';
import type { Database } from '../db/database.ts';
import { withTenant, type TenantContext } from '../db/scope.ts';
import type { Clock } from '../jobs/runner.ts';
import { leadOverviewFigures } from './lead-repository.ts';

/**
 * The daily overview of the lead pipeline (docs/leads.md, "Tagesübersicht"): per board column the number of
 * leads and how long they have been in it, per listing and per source, and the last 24 hours. Counts only.
 */
const IN_PROGRESS: LeadColumn[] = ['nicht_zugeordnet', 'offen', 'kontaktiert', 'besichtigt'];
const toDays = (seconds: number | null) => (seconds === null ? null : Math.round((seconds / 86_400) * 10) / 10);

export function createLeadOverview(deps: { db: Database; clock: Clock }) {
  return async function leadOverview(ctx: TenantContext): Promise<LeadOverview> {
    const at = deps.clock.now();
    const figures = await withTenant(deps.db, ctx, (tx) => leadOverviewFigures(tx, at));
    const stages = LEAD_COLUMNS.map((column) => {
      const row = figures.stages.find((stage) => stage.column === column);
      return {
        column,
        count: row?.count ?? 0,
        medianDaysInStage: toDays(row?.medianSeconds ?? null),
        longestDaysInStage: toDays(row?.longestSeconds ?? null),
      };
    });
    const byListing = new Map<string, LeadOverview['listings'][number]>();
    for (const row of figures.listings) {
      const key = row.listingId ?? '';
      const entry = byListing.get(key) ?? {
        listing: row.listingId ? { id: row.listingId, title: row.title ?? '', status: row.status ?? 'aktiv' } : null,
        total: 0,
        inProgress: 0,
        columns: {},
      };
      entry.total += row.count;
      if (IN_PROGRESS.includes(row.column)) entry.inProgress += row.count;
      entry.columns[row.column] = (entry.columns[row.column] ?? 0) + row.count;
      byListing.set(key, entry);
    }
    return {
      at: at.toISOString(),
      total: stages.reduce((sum, stage) => sum + stage.count, 0),
      stages,
      listings: [...byListing.values()].sort(
        (a, b) => b.total - a.total || (a.listing?.title ?? '').localeCompare(b.listing?.title ?? '', 'de'),
      ),
      sources: figures.sources,
      last24Hours: figures.last24Hours,
    };
  };
}
