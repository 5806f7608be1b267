import { DEFAULT_SETTINGS } from '../contract/settings.ts';
import type { Database } from '../db/database.ts';
import { withScope } from '../db/scope.ts';
import type { ScheduledJob } from '../jobs/runner.ts';
import { purgeExpiredChats } from './repository.ts';

/**
 * Chats are a dialogue channel with 90-day retention: hourly, every message older than its housing company's
 * chatHistoryDays (never more than 90, whatever is stored) is deleted, and every conversation whose last
 * message is (with its drafts). What a resident sent as a case stays with the case. One run across all
 * companies in the system scope, once per period however many instances there are (bff/jobs/).
 */
export function chatRetentionJob(db: Database): ScheduledJob {
  return {
    name: 'chat-purge-expired',
    everyMs: 3_600_000,
    run: ({ now }) => withScope(db, { role: 'system' }, (tx) => purgeExpiredChats(tx, now, DEFAULT_SETTINGS.chatHistoryDays)),
  };
}
