import { reportOperations } from '../contract/reports.ts';
import type { Api } from '../http/api.ts';
import { tenantContext } from '../http/guard.ts';
import type { createCaseReports } from './case-reports.ts';

/** The case reports (docs/reports.md): staff of the housing company only. */
export function registerReportRoutes(api: Api, deps: { caseReport: ReturnType<typeof createCaseReports> }): void {
  api.route(reportOperations.caseReport, ({ req, query }) => deps.caseReport(tenantContext(req), query));
}
