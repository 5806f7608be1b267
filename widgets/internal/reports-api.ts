/**
 * Typed client for the case reports (`<case-reports>`): `GET /api/staff/reports/cases` of docs/reports.md, on top
 * of `ApiClient`.
 */
import type { ApiClient } from './api-client.ts';
import type { CaseReport, QueryOf, operations } from '../../bff/contract/index.ts';

// The wire shapes come from the contract (bff/contract/reports.ts); these names are what the element uses.
export type { CaseReport };
export type CaseReportQuery = QueryOf<typeof operations.caseReport>;

export class ReportsApi {
  constructor(readonly client: ApiClient) {}

  /** The report for a period (without `from`/`to`: the last 13 weeks up to today). */
  caseReport(query: CaseReportQuery = {}): Promise<CaseReport> {
    const search = new URLSearchParams();
    if (query.from) search.set('from', query.from);
    if (query.to) search.set('to', query.to);
    if (query.interval) search.set('interval', query.interval);
    const suffix = search.size ? `?${search}` : '';
    return this.client.request('GET', `/api/staff/reports/cases${suffix}`);
  }
}
