import { BACKLOG_AGE_LIMITS, type CaseType, type ReportInterval } from '../contract/enums.ts';
import type { Queryable } from '../db/database.ts';

/**
 * The SQL of the case reports (docs/reports.md). Every statement reads under the request's row-level security, so
 * only the own housing company's cases are counted. Days, weeks (from Monday) and months are Europe/Berlin's.
 */

export interface ReportPeriod {
  /** First and last day, both included (`YYYY-MM-DD`). */
  from: string;
  to: string;
  interval: ReportInterval;
}

/** `$1` from, `$2` to, `$3` interval: the period's bounds as instants, for a `FROM … , period p`. */
const PERIOD = `(SELECT ($1::date)::timestamp AT TIME ZONE 'Europe/Berlin' AS start_at,
                        ($2::date + 1)::timestamp AT TIME ZONE 'Europe/Berlin' AS end_at) p`;
const bucketOf = (column: string) => `date_trunc($3, ${column} AT TIME ZONE 'Europe/Berlin')::date`;

/** The first day of every week or month the period touches, as `YYYY-MM-DD`. */
export async function reportBuckets(tx: Queryable, period: ReportPeriod): Promise<string[]> {
  const { rows } = await tx.query<{ bucket: string }>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS bucket
       FROM generate_series(date_trunc($3, $1::date::timestamp), $2::date::timestamp, ('1 ' || $3)::interval) AS day
      ORDER BY day`,
    [period.from, period.to, period.interval],
  );
  return rows.map((row) => row.bucket);
}

export interface IntakeRow {
  /** Which grouping the row belongs to. */
  grouping: 'bucket' | 'type' | 'building' | 'clerk';
  bucket: string;
  type: CaseType | null;
  buildingId: string | null;
  address: string | null;
  clerkId: string | null;
  clerkName: string | null;
  count: number;
}

/** Cases filed in the period per week/month: in all, per type, per building and per assigned clerk. */
export async function intakeFigures(tx: Queryable, period: ReportPeriod): Promise<IntakeRow[]> {
  const { rows } = await tx.query<IntakeRow>(
    `WITH filed AS (
       SELECT to_char(${bucketOf('c.created_at')}, 'YYYY-MM-DD') AS bucket, c.type, c.building_id,
              b.street || ', ' || b.postal_code || ' ' || b.city AS address, c.assignee_account_id, a.display_name
         FROM cases c
         JOIN buildings b ON b.tenant_id = c.tenant_id AND b.id = c.building_id
         LEFT JOIN accounts a ON a.tenant_id = c.tenant_id AND a.id = c.assignee_account_id,
              ${PERIOD}
        WHERE c.created_at >= p.start_at AND c.created_at < p.end_at
     )
     SELECT CASE WHEN GROUPING(type) = 0 THEN 'type'
                 WHEN GROUPING(building_id) = 0 THEN 'building'
                 WHEN GROUPING(assignee_account_id) = 0 THEN 'clerk'
                 ELSE 'bucket' END AS grouping,
            bucket, type, building_id AS "buildingId", min(address) AS address,
            assignee_account_id AS "clerkId", min(display_name) AS "clerkName", count(*)::int AS count
       FROM filed
      GROUP BY GROUPING SETS ((bucket), (bucket, type), (bucket, building_id), (bucket, assignee_account_id))`,
    [period.from, period.to, period.interval],
  );
  return rows;
}

export interface ClosingRow {
  /** Null in the rows over the whole period. */
  bucket: string | null;
  /** Null in the rows over all types. */
  type: CaseType | null;
  done: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
  closed: number;
  onTime: number;
}

/**
 * Cases closed in the period — in all, per week/month and per type: how many were done („erledigt“) and how long
 * from filing to done (median, 90th percentile, interpolated), how many were closed („erledigt“ or „abgelehnt“) and
 * how many of those by their deadline. A case is closed when its status changed to the final one; a case closed
 * without such an entry (an import) counts from its last change.
 */
export async function closingFigures(tx: Queryable, period: ReportPeriod): Promise<ClosingRow[]> {
  const { rows } = await tx.query<ClosingRow>(
    `WITH closed AS (
       SELECT c.type, c.status, c.created_at, c.deadline_at,
              coalesce((SELECT max(e.created_at) FROM case_events e
                         WHERE e.tenant_id = c.tenant_id AND e.case_id = c.id
                           AND e.kind = 'status_changed' AND e.data->>'to' = c.status), c.updated_at) AS closed_at
         FROM cases c
        WHERE c.status IN ('erledigt', 'abgelehnt')
     ), in_period AS (
       SELECT closed.*, to_char(${bucketOf('closed_at')}, 'YYYY-MM-DD') AS bucket,
              extract(epoch FROM closed_at - created_at) AS seconds
         FROM closed, ${PERIOD}
        WHERE closed_at >= p.start_at AND closed_at < p.end_at
     )
     SELECT CASE WHEN GROUPING(bucket) = 0 THEN bucket END AS bucket,
            CASE WHEN GROUPING(type) = 0 THEN type END AS type,
            count(*) FILTER (WHERE status = 'erledigt')::int AS done,
            (percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) FILTER (WHERE status = 'erledigt'))::float8 AS "medianSeconds",
            (percentile_cont(0.9) WITHIN GROUP (ORDER BY seconds) FILTER (WHERE status = 'erledigt'))::float8 AS "p90Seconds",
            count(*)::int AS closed,
            count(*) FILTER (WHERE closed_at <= deadline_at)::int AS "onTime"
       FROM in_period
      GROUP BY GROUPING SETS ((), (bucket), (type))`,
    [period.from, period.to, period.interval],
  );
  return rows;
}

export interface BacklogRow {
  /** Index into the age groups of BACKLOG_AGE_LIMITS; null in the rows over all ages. */
  ageGroup: number | null;
  type: CaseType | null;
  count: number;
  overdue: number;
}

/** Open cases at `at` — in all, per age group (whole days since filing) and per type — and how many are overdue. */
export async function backlogFigures(tx: Queryable, at: Date): Promise<BacklogRow[]> {
  const limits = [...BACKLOG_AGE_LIMITS];
  const { rows } = await tx.query<BacklogRow>(
    `WITH open AS (
       SELECT c.type, c.deadline_at,
              (SELECT count(*)::int FROM unnest($2::int[]) AS limit_days
                WHERE floor(extract(epoch FROM $1::timestamptz - c.created_at) / 86400) >= limit_days) AS age_group
         FROM cases c
        WHERE c.status NOT IN ('erledigt', 'abgelehnt') AND c.created_at <= $1
     )
     SELECT CASE WHEN GROUPING(age_group) = 0 THEN age_group END AS "ageGroup",
            CASE WHEN GROUPING(type) = 0 THEN type END AS type,
            count(*)::int AS count,
            count(*) FILTER (WHERE deadline_at < $1)::int AS overdue
       FROM open
      GROUP BY GROUPING SETS ((), (age_group), (type))`,
    [at, limits],
  );
  return rows;
}
