import { DEFAULT_SETTINGS } from '../contract/settings.ts';
import type { Database } from '../db/database.ts';
import { withScope } from '../db/scope.ts';
import type { ScheduledJob } from '../jobs/runner.ts';
import { anonymiseRejectedLeads } from './lead-repository.ts';

/**
 * Retention of rejected leads (docs/leads.md, "Anonymisierung"): hourly, every rejected lead without activity
 * for its housing company's period (setting leadAnonymisationDays, default 90 days) is anonymised — its
 * personal fields replaced, the person's name, e-mail, telephone and address replaced wherever else they were
 * written, the statistics kept. The work is one database function (migration 0032) that walks every table,
 * so a table added later is covered; one run across all companies, once per period however many instances
 * there are (bff/jobs/), and leads locked by a run at the same time are skipped by the other.
 */
export function anonymiseDueLeads(db: Database, now: Date): Promise<number> {
  return withScope(db, { role: 'system' }, (tx) => anonymiseRejectedLeads(tx, now, DEFAULT_SETTINGS.leadAnonymisationDays));
}

export function leadAnonymisationJob(db: Database): ScheduledJob {
  return { name: 'leads-anonymise-rejected', everyMs: 3_600_000, run: ({ now }) => anonymiseDueLeads(db, now) };
}
