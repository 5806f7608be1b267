import { caseReportQuery } from '../../bff/contract/reports.ts';
import type { CaseReport } from '../internal/reports-api.ts';
import { error, json, type FakeRoute } from './fake-bff.ts';
import { fakeBuildings, fakeClerks } from './fake-staff-cases.ts';
import { fieldsOf } from './fake-settings.ts';

export interface FakeReportsOptions {
  /** The report every request gets (default: `fakeCaseReport()`, by months `fakeMonthlyCaseReport()`). */
  report?: CaseReport;
  /** `signed-out` answers 401, `resident` 403. */
  signedInAs?: 'clerk' | 'signed-out' | 'resident';
  /** Answer 503 until `fake.failing` is set to false. */
  failing?: boolean;
  /** Extra delay of each answer in ms, to see loading. */
  latency?: number;
  /** Never answer (the loading state). */
  neverAnswers?: boolean;
}

const WEEKS = ['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26', '2026-02-02', '2026-02-09', '2026-02-16', '2026-02-23'];

/** Eight weeks of a mid-sized housing company: intake, processing times, deadlines and the backlog. */
export function fakeCaseReport(): CaseReport {
  return {
    at: '2026-03-02T07:30:00.000Z',
    period: { from: '2026-01-05', to: '2026-03-01', interval: 'week' },
    buckets: WEEKS,
    intake: {
      total: 95,
      counts: [9, 14, 12, 11, 16, 10, 13, 10],
      byType: [
        { type: 'contact', total: 21, counts: [2, 3, 3, 2, 4, 2, 3, 2] },
        { type: 'complaint', total: 14, counts: [1, 2, 2, 2, 2, 1, 2, 2] },
        { type: 'damage', total: 48, counts: [5, 7, 6, 6, 8, 5, 6, 5] },
        { type: 'document_request', total: 12, counts: [1, 2, 1, 1, 2, 2, 2, 1] },
      ],
      byBuilding: [
        { building: fakeBuildings[0], total: 52, counts: [5, 8, 7, 6, 9, 5, 7, 5] },
        { building: fakeBuildings[2], total: 27, counts: [3, 4, 3, 3, 4, 3, 4, 3] },
        { building: fakeBuildings[1], total: 16, counts: [1, 2, 2, 2, 3, 2, 2, 2] },
      ],
      byClerk: [
        { clerk: { id: fakeClerks[0].id, label: fakeClerks[0].label }, total: 41, counts: [4, 6, 5, 5, 7, 4, 6, 4] },
        { clerk: { id: fakeClerks[1].id, label: fakeClerks[1].label }, total: 33, counts: [3, 5, 4, 4, 6, 3, 4, 4] },
        { clerk: null, total: 21, counts: [2, 3, 3, 2, 3, 3, 3, 2] },
      ],
    },
    processing: {
      done: 71,
      medianHours: 52.5,
      p90Hours: 236,
      perBucket: [
        { done: 6, medianHours: 40, p90Hours: 180.5 },
        { done: 9, medianHours: 46, p90Hours: 201 },
        { done: 10, medianHours: 55, p90Hours: 260 },
        { done: 8, medianHours: 61.5, p90Hours: 290 },
        { done: 11, medianHours: 49, p90Hours: 220 },
        { done: 9, medianHours: 58, p90Hours: 240 },
        { done: 10, medianHours: 51, p90Hours: 230 },
        { done: 8, medianHours: 47, p90Hours: 199 },
      ],
      byType: [
        { type: 'contact', done: 18, medianHours: 20, p90Hours: 70 },
        { type: 'complaint', done: 9, medianHours: 75, p90Hours: 310 },
        { type: 'damage', done: 34, medianHours: 96, p90Hours: 340 },
        { type: 'document_request', done: 10, medianHours: 6.5, p90Hours: 26 },
      ],
    },
    deadlines: {
      closed: 78,
      onTime: 64,
      share: 64 / 78,
      perBucket: [
        { closed: 7, onTime: 6, share: 6 / 7 },
        { closed: 10, onTime: 8, share: 0.8 },
        { closed: 11, onTime: 9, share: 9 / 11 },
        { closed: 9, onTime: 6, share: 6 / 9 },
        { closed: 12, onTime: 10, share: 10 / 12 },
        { closed: 10, onTime: 9, share: 0.9 },
        { closed: 11, onTime: 9, share: 9 / 11 },
        { closed: 8, onTime: 7, share: 7 / 8 },
      ],
      byType: [
        { type: 'contact', closed: 19, onTime: 18, share: 18 / 19 },
        { type: 'complaint', closed: 11, onTime: 8, share: 8 / 11 },
        { type: 'damage', closed: 38, onTime: 29, share: 29 / 38 },
        { type: 'document_request', closed: 10, onTime: 9, share: 0.9 },
      ],
    },
    backlog: {
      total: 37,
      overdue: 9,
      byAge: [
        { minDays: 0, maxDays: 7, count: 14, overdue: 1 },
        { minDays: 7, maxDays: 14, count: 9, overdue: 2 },
        { minDays: 14, maxDays: 30, count: 8, overdue: 3 },
        { minDays: 30, maxDays: 90, count: 5, overdue: 2 },
        { minDays: 90, maxDays: null, count: 1, overdue: 1 },
      ],
      byType: [
        { type: 'contact', count: 6, overdue: 1 },
        { type: 'complaint', count: 5, overdue: 2 },
        { type: 'damage', count: 22, overdue: 5 },
        { type: 'document_request', count: 4, overdue: 1 },
      ],
    },
  };
}

/** The same company by months (January and February). */
export function fakeMonthlyCaseReport(): CaseReport {
  const weekly = fakeCaseReport();
  const halves = (counts: number[]) => [counts.slice(0, 4).reduce((a, b) => a + b, 0), counts.slice(4).reduce((a, b) => a + b, 0)];
  return {
    ...weekly,
    period: { from: '2026-01-01', to: '2026-02-28', interval: 'month' },
    buckets: ['2026-01-01', '2026-02-01'],
    intake: {
      ...weekly.intake,
      counts: halves(weekly.intake.counts),
      byType: weekly.intake.byType.map((row) => ({ ...row, counts: halves(row.counts) })),
      byBuilding: weekly.intake.byBuilding.map((row) => ({ ...row, counts: halves(row.counts) })),
      byClerk: weekly.intake.byClerk.map((row) => ({ ...row, counts: halves(row.counts) })),
    },
    processing: {
      ...weekly.processing,
      perBucket: [
        { done: 33, medianHours: 50, p90Hours: 240 },
        { done: 38, medianHours: 53, p90Hours: 230 },
      ],
    },
    deadlines: {
      ...weekly.deadlines,
      perBucket: [
        { closed: 37, onTime: 29, share: 29 / 37 },
        { closed: 41, onTime: 35, share: 35 / 41 },
      ],
    },
  };
}

/** A company without cases: no intake, nothing closed, no backlog. */
export function emptyCaseReport(): CaseReport {
  return {
    at: '2026-03-02T07:30:00.000Z',
    period: { from: '2026-01-05', to: '2026-03-01', interval: 'week' },
    buckets: WEEKS,
    intake: { total: 0, counts: WEEKS.map(() => 0), byType: [], byBuilding: [], byClerk: [] },
    processing: {
      done: 0,
      medianHours: null,
      p90Hours: null,
      perBucket: WEEKS.map(() => ({ done: 0, medianHours: null, p90Hours: null })),
      byType: [],
    },
    deadlines: { closed: 0, onTime: 0, share: null, perBucket: WEEKS.map(() => ({ closed: 0, onTime: 0, share: null })), byType: [] },
    backlog: {
      total: 0,
      overdue: 0,
      byAge: [0, 7, 14, 30, 90].map((minDays, index, all) => ({ minDays, maxDays: all[index + 1] ?? null, count: 0, overdue: 0 })),
      byType: [],
    },
  };
}

/**
 * The case reports of docs/reports.md in memory, for tests and stories: `new FakeBff({ session, routes: new
 * FakeReports().routes })`. The query is checked with the contract's own schema and refused with the BFF's
 * `validation_failed` shape; every query asked is kept in `queries`.
 */
export class FakeReports {
  report?: CaseReport;
  failing: boolean;
  readonly queries: URLSearchParams[] = [];

  constructor(private readonly options: FakeReportsOptions = {}) {
    this.report = options.report;
    this.failing = options.failing ?? false;
  }

  readonly routes: FakeRoute[] = [
    async (request) => {
      if (request.path !== '/api/staff/reports/cases' || request.method !== 'GET') return undefined;
      this.queries.push(request.url.searchParams);
      if (this.options.latency) await new Promise((resolve) => setTimeout(resolve, this.options.latency));
      if (this.options.neverAnswers) await new Promise(() => {});
      if (this.options.signedInAs === 'signed-out') return error(401, 'unauthenticated', 'Bitte melden Sie sich an.');
      if (this.options.signedInAs === 'resident') return error(403, 'forbidden', 'Keine Berechtigung für diese Aktion.');
      if (this.failing)
        return error(
          503,
          'service_unavailable',
          'Der Dienst ist vorübergehend nicht erreichbar. Bitte versuchen Sie es später noch einmal.',
        );
      const query = caseReportQuery.safeParse(Object.fromEntries(request.url.searchParams));
      if (!query.success) return error(400, 'validation_failed', 'Bitte prüfen Sie Ihre Eingaben.', { fields: fieldsOf(query.error) });
      const report = this.report ?? (query.data.interval === 'month' ? fakeMonthlyCaseReport() : fakeCaseReport());
      const period = {
        ...report.period,
        ...(query.data.from ? { from: query.data.from } : {}),
        ...(query.data.to ? { to: query.data.to } : {}),
      };
      return json(200, { ...report, period: { ...period, interval: report.period.interval } });
    },
  ];
}
