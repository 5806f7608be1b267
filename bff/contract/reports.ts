import { z } from 'zod';
import { labelled, timestamp } from './common.ts';
import { CASE_TYPES, REPORT_INTERVALS } from './enums.ts';
import { operation } from './operation.ts';

/**
 * Reports on cases for the housing company (docs/reports.md, "Auswertungen"): cases filed per type, building and
 * clerk over time, processing times, deadline adherence and the open backlog by age. Figures of the own housing
 * company only (row-level security), computed in SQL; calendar days, weeks (from Monday) and months are those of
 * Europe/Berlin.
 */

/** The longest period one report covers: two years of weeks is still a readable chart. */
export const REPORT_MAX_DAYS = 731;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A calendar date `YYYY-MM-DD` that exists (no 31 April), between 2000 and 2099. */
const reportDate = z
  .string({ error: 'Bitte geben Sie ein Datum im Format JJJJ-MM-TT an.' })
  .regex(DATE, 'Bitte geben Sie ein Datum im Format JJJJ-MM-TT an.')
  .refine((value) => {
    const parts = DATE.exec(value);
    // A value of the wrong form has its message from the regex already.
    if (!parts) return true;
    const [, year, month, day] = parts.map(Number);
    const date = new Date(Date.UTC(year, month - 1, day));
    return year >= 2000 && year <= 2099 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  }, 'Dieses Datum gibt es nicht (erlaubt sind Tage der Jahre 2000 bis 2099).');

const daysBetween = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

/**
 * `?from=&to=&interval=`: the period (both days included) and how it is divided. Without `from`/`to` the report
 * covers the last 13 weeks up to today; `interval` defaults to weeks.
 */
export const caseReportQuery = z
  .object({
    from: reportDate.optional(),
    to: reportDate.optional(),
    interval: z.enum(REPORT_INTERVALS, { error: 'Bitte „week“ (Wochen) oder „month“ (Monate) angeben.' }).default('week'),
  })
  .superRefine((query, issues) => {
    if (!query.from || !query.to || !DATE.test(query.from) || !DATE.test(query.to)) return;
    const days = daysBetween(query.from, query.to);
    if (days < 0) issues.addIssue({ code: 'custom', path: ['to'], message: 'Das Enddatum darf nicht vor dem Startdatum liegen.' });
    else if (days >= REPORT_MAX_DAYS)
      issues.addIssue({ code: 'custom', path: ['to'], message: 'Bitte wählen Sie einen Zeitraum von höchstens zwei Jahren.' });
  });
export type CaseReportQuery = z.output<typeof caseReportQuery>;

const count = z.number().int().min(0);
/** Counts per period of `buckets`, in the same order. */
const counts = z.array(count);
const hours = z.number().min(0).nullable();
const share = z.number().min(0).max(1).nullable();

/** Processing times (filed → done) of the cases marked „erledigt“; null without such cases. */
const processingFigures = z.object({ done: count, medianHours: hours, p90Hours: hours });
/** Cases closed („erledigt“ or „abgelehnt“) and how many of them by their deadline; `share` null without closed cases. */
const deadlineFigures = z.object({ closed: count, onTime: count, share });

export const caseReport = z
  .object({
    /** When the figures were taken (the backlog's „today“). */
    at: timestamp,
    period: z.object({ from: z.iso.date(), to: z.iso.date(), interval: z.enum(REPORT_INTERVALS) }),
    /**
     * The first day of each week (Monday) or month the period touches, oldest first; the first may lie before
     * `from` (the week or month it falls in), but only days of the period are counted.
     */
    buckets: z.array(z.iso.date()),
    /** Cases filed in the period, by the day they were filed. */
    intake: z.object({
      total: count,
      counts,
      byType: z.array(z.object({ type: z.enum(CASE_TYPES), total: count, counts })),
      /** Most cases first. */
      byBuilding: z.array(z.object({ building: z.object({ id: z.uuid(), address: z.string() }), total: count, counts })),
      /** By the clerk the case is assigned to now; `clerk` null: not assigned. Most cases first. */
      byClerk: z.array(z.object({ clerk: labelled.nullable(), total: count, counts })),
    }),
    /** Cases done in the period, by the day they were done. */
    processing: processingFigures.extend({
      perBucket: z.array(processingFigures),
      byType: z.array(processingFigures.extend({ type: z.enum(CASE_TYPES) })),
    }),
    /** Cases closed in the period, by the day they were closed: closed by their deadline or after it. */
    deadlines: deadlineFigures.extend({
      perBucket: z.array(deadlineFigures),
      byType: z.array(deadlineFigures.extend({ type: z.enum(CASE_TYPES) })),
    }),
    /** Cases open now (neither „erledigt“ nor „abgelehnt“), whatever the period. */
    backlog: z.object({
      total: count,
      overdue: count,
      /** Age since filing in whole days: `minDays` ≤ age < `maxDays` (null: no upper bound). */
      byAge: z.array(z.object({ minDays: count, maxDays: count.nullable(), count, overdue: count })),
      byType: z.array(z.object({ type: z.enum(CASE_TYPES), count, overdue: count })),
    }),
  })
  .meta({ id: 'CaseReport' });
export type CaseReport = z.output<typeof caseReport>;

export const reportOperations = {
  caseReport: operation({
    operationId: 'caseReport',
    method: 'get',
    path: '/staff/reports/cases',
    summary: 'Auswertung der Vorgänge: Eingang je Art, Gebäude und Sachbearbeitung, Bearbeitungszeiten, Fristtreue, offener Bestand',
    tag: 'Auswertungen',
    access: 'staff',
    query: caseReportQuery,
    response: caseReport,
  }),
};
