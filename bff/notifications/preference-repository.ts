import { DEFAULT_NOTIFICATION_PREFERENCES, type NotificationPreferences } from '../contract/notifications.ts';
import type { Queryable } from '../db/database.ts';

/** SQL for a resident's notification preferences (migration 0039); no row means the defaults (all on). */

interface PreferenceRow {
  receipt: boolean;
  replies: boolean;
  status_changes: boolean;
  appointments: boolean;
}

export async function findNotificationPreferences(tx: Queryable, residentId: string): Promise<NotificationPreferences> {
  const { rows } = await tx.query<PreferenceRow>(
    `SELECT receipt, replies, status_changes, appointments FROM notification_preferences WHERE resident_id = $1`,
    [residentId],
  );
  const row = rows[0];
  if (!row) return { ...DEFAULT_NOTIFICATION_PREFERENCES };
  return { receipt: row.receipt, replies: row.replies, statusChanges: row.status_changes, appointments: row.appointments };
}

export async function saveNotificationPreferences(
  tx: Queryable,
  tenantId: string,
  residentId: string,
  preferences: NotificationPreferences,
): Promise<void> {
  await tx.query(
    `INSERT INTO notification_preferences (tenant_id, resident_id, receipt, replies, status_changes, appointments)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (tenant_id, resident_id) DO UPDATE
       SET receipt = $3, replies = $4, status_changes = $5, appointments = $6, updated_at = now()`,
    [tenantId, residentId, preferences.receipt, preferences.replies, preferences.statusChanges, preferences.appointments],
  );
}

/** Whether a resident wants one kind of e-mail (for the mails other capabilities send, e.g. a contractor's appointment). */
export async function wantsMail(tx: Queryable, residentId: string, kind: keyof NotificationPreferences): Promise<boolean> {
  return (await findNotificationPreferences(tx, residentId))[kind];
}
