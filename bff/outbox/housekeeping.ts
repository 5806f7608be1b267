import type { Database } from '../db/database.ts';
import { withScope } from '../db/scope.ts';
import type { ScheduledJob } from '../jobs/runner.ts';
import { purgeDelivered } from './outbox-repository.ts';

const DAY_MS = 86_400_000;

/**
 * Delivered entries are kept `retentionDays` (to look into what was sent, and so a receiver's late
 * question about an Idempotency-Key can be answered), then purged hourly. Dead letters are never purged:
 * they wait for an admin to requeue them.
 */
export function outboxPurgeJob(db: Database, retentionDays: number): ScheduledJob {
  return {
    name: 'outbox-purge-delivered',
    everyMs: 3_600_000,
    run: ({ now }) => withScope(db, { role: 'system' }, (tx) => purgeDelivered(tx, new Date(now.getTime() - retentionDays * DAY_MS))),
  };
}
