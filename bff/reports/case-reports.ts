import { BACKLOG_AGE_LIMITS, CASE_TYPES } from '../contract/enums.ts';
import { caseReportQuery, type CaseReport, type CaseReportQuery } from '../contract/reports.ts';
import type { Database } from '../db/database.ts';
import { withTenant, type TenantContext } from '../db/scope.ts';
import type { Clock } from '../jobs/runner.ts';
import { backlogFigures, closingFigures, intakeFigures, reportBuckets, type ClosingRow, type ReportPeriod } from './report-repository.ts';

/** Days before `to` where a report without `from` starts: 13 weeks with both ends included. */
const DEFAULT_DAYS = 90;

/** Today in Europe/Berlin as `YYYY-MM-DD`. */
const berlinDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(at);
const daysBefore = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
const toHours = (seconds: number | null) => (seconds === null ? null : Math.round(seconds / 360) / 10);

const processing = (row?: ClosingRow) => ({
  done: row?.done ?? 0,
  medianHours: toHours(row?.medianSeconds ?? null),
  p90Hours: toHours(row?.p90Seconds ?? null),
});
const deadlines = (row?: ClosingRow) => ({
  closed: row?.closed ?? 0,
  onTime: row?.onTime ?? 0,
  share: row?.closed ? row.onTime / row.closed : null,
});

/**
 * The case reports of docs/reports.md for the signed-in clerk's housing company: the period as asked (defaults
 * filled in from the clock: the last 13 weeks up to today), the figures from SQL, arranged per week or month.
 */
export function createCaseReports(deps: { db: Database; clock: Clock }) {
  return async function caseReport(ctx: TenantContext, query: CaseReportQuery): Promise<CaseReport> {
    const at = deps.clock.now();
    const to = query.to ?? berlinDay(at);
    // The defaults are checked like a period asked for (a `from` far back with today's `to` is too long).
    const period: ReportPeriod = caseReportQuery.parse({
      from: query.from ?? daysBefore(to, DEFAULT_DAYS),
      to,
      interval: query.interval,
    }) as ReportPeriod;
    const figures = await withTenant(deps.db, ctx, async (tx) => ({
      buckets: await reportBuckets(tx, period),
      intake: await intakeFigures(tx, period),
      closing: await closingFigures(tx, period),
      backlog: await backlogFigures(tx, at),
    }));
    const { buckets } = figures;
    const slot = new Map(buckets.map((bucket, index) => [bucket, index]));

    /** One series per key of the grouping, counts aligned with the buckets, most cases first. */
    const series = <K>(grouping: string, keyOf: (row: (typeof figures.intake)[number]) => K, idOf: (key: K) => string) => {
      const byKey = new Map<string, { key: K; total: number; counts: number[] }>();
      for (const row of figures.intake.filter((entry) => entry.grouping === grouping)) {
        const key = keyOf(row);
        const entry = byKey.get(idOf(key)) ?? { key, total: 0, counts: buckets.map(() => 0) };
        entry.total += row.count;
        entry.counts[slot.get(row.bucket)!] += row.count;
        byKey.set(idOf(key), entry);
      }
      return [...byKey.values()];
    };
    const totals = series(
      'bucket',
      () => null,
      () => '',
    );
    const byType = series(
      'type',
      (row) => row.type!,
      (type) => type,
    );
    const byBuilding = series(
      'building',
      (row) => ({ id: row.buildingId!, address: row.address ?? '' }),
      (building) => building.id,
    ).sort((a, b) => b.total - a.total || a.key.address.localeCompare(b.key.address, 'de'));
    const byClerk = series(
      'clerk',
      (row) => (row.clerkId ? { id: row.clerkId, label: row.clerkName ?? '' } : null),
      (clerk) => clerk?.id ?? '',
    ).sort((a, b) => b.total - a.total || Number(!a.key) - Number(!b.key) || (a.key?.label ?? '').localeCompare(b.key?.label ?? '', 'de'));

    const closingOverall = figures.closing.find((row) => row.bucket === null && row.type === null);
    const closingOf = (bucket: string) => figures.closing.find((row) => row.bucket === bucket && row.type === null);
    const closingByType = CASE_TYPES.flatMap((type) => {
      const row = figures.closing.find((entry) => entry.bucket === null && entry.type === type);
      return row ? [{ type, row }] : [];
    });

    const backlogOverall = figures.backlog.find((row) => row.ageGroup === null && row.type === null);
    const lower = [0, ...BACKLOG_AGE_LIMITS];
    return {
      at: at.toISOString(),
      period: { from: period.from, to: period.to, interval: period.interval },
      buckets,
      intake: {
        total: totals[0]?.total ?? 0,
        counts: totals[0]?.counts ?? buckets.map(() => 0),
        byType: CASE_TYPES.flatMap((type) => {
          const entry = byType.find((candidate) => candidate.key === type);
          return entry ? [{ type, total: entry.total, counts: entry.counts }] : [];
        }),
        byBuilding: byBuilding.map((entry) => ({ building: entry.key, total: entry.total, counts: entry.counts })),
        byClerk: byClerk.map((entry) => ({ clerk: entry.key, total: entry.total, counts: entry.counts })),
      },
      processing: {
        ...processing(closingOverall),
        perBucket: buckets.map((bucket) => processing(closingOf(bucket))),
        byType: closingByType.filter(({ row }) => row.done > 0).map(({ type, row }) => ({ type, ...processing(row) })),
      },
      deadlines: {
        ...deadlines(closingOverall),
        perBucket: buckets.map((bucket) => deadlines(closingOf(bucket))),
        byType: closingByType.map(({ type, row }) => ({ type, ...deadlines(row) })),
      },
      backlog: {
        total: backlogOverall?.count ?? 0,
        overdue: backlogOverall?.overdue ?? 0,
        byAge: lower.map((minDays, index) => {
          const row = figures.backlog.find((entry) => entry.ageGroup === index && entry.type === null);
          return { minDays, maxDays: BACKLOG_AGE_LIMITS[index] ?? null, count: row?.count ?? 0, overdue: row?.overdue ?? 0 };
        }),
        byType: CASE_TYPES.flatMap((type) => {
          const row = figures.backlog.find((entry) => entry.ageGroup === null && entry.type === type);
          return row ? [{ type, count: row.count, overdue: row.overdue }] : [];
        }),
      },
    };
  };
}
