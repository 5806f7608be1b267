import { DEFAULT_SETTINGS } from '../contract/settings.ts';
import type { Database } from '../db/database.ts';
import { withScope } from '../db/scope.ts';
import type { ScheduledJob } from '../jobs/runner.ts';
import { purgeDelivered } from './outbox-repository.ts';

/**
 * Delivered entries are kept for the housing company's `outboxRetentionDays` (company settings, 7 days
 * unless its admins set another period; to look into what was sent, and so a receiver's late question
 * about an Idempotency-Key can be answered), then purged hourly. Dead letters are never purged: they wait
 * for an admin to requeue them.
 */
export function outboxPurgeJob(db: Database): ScheduledJob {
  return {
    name: 'outbox-purge-delivered',
    everyMs: 3_600_000,
    run: ({ now }) => withScope(db, { role: 'system' }, (tx) => purgeDelivered(tx, now, DEFAULT_SETTINGS.outboxRetentionDays)),
  };
}
