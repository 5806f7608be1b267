import type { Queryable } from '../db/database.ts';

/** SQL of the intake's dead-letter list (migration 0029): what could not be read, with its redacted raw message. */

export type DeadLetterChannel = 'email' | 'ftp' | 'upload';
export type DeadLetterContentType = 'message/rfc822' | 'application/xml';

export interface NewDeadLetter {
  channel: DeadLetterChannel;
  dedupeKey: string;
  reasonCode: string;
  reason: string;
  sender: string | null;
  subject: string | null;
  fileName: string | null;
  contentType: DeadLetterContentType;
  raw: Buffer;
  originalSize: number;
  receivedAt: Date;
}

export interface DeadLetterRow {
  id: string;
  receivedAt: Date;
  channel: DeadLetterChannel;
  reasonCode: string;
  reason: string;
  sender: string | null;
  subject: string | null;
  fileName: string | null;
  contentType: DeadLetterContentType;
  originalSize: number;
  attempts: number;
  lastAttemptAt: Date;
}

const COLUMNS = `id, received_at AS "receivedAt", channel, reason_code AS "reasonCode", reason, sender, subject, file_name AS "fileName",
  content_type AS "contentType", original_size AS "originalSize", attempts, last_attempt_at AS "lastAttemptAt"`;

type Row = Omit<DeadLetterRow, 'receivedAt' | 'lastAttemptAt'> & { receivedAt: Date | string; lastAttemptAt: Date | string };
const toRow = (row: Row): DeadLetterRow => ({ ...row, receivedAt: new Date(row.receivedAt), lastAttemptAt: new Date(row.lastAttemptAt) });

/**
 * Stores a dead letter; the same message or file again (same key) counts one more attempt on the one already
 * there, with the newer reason. Returns its id.
 */
export async function upsertDeadLetter(tx: Queryable, tenantId: string, letter: NewDeadLetter): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO lead_dead_letters (tenant_id, received_at, channel, dedupe_key, reason_code, reason, sender, subject, file_name,
                                    content_type, raw, original_size, last_attempt_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $2)
     ON CONFLICT (tenant_id, dedupe_key) DO UPDATE
       SET attempts = lead_dead_letters.attempts + 1, reason_code = EXCLUDED.reason_code, reason = EXCLUDED.reason,
           last_attempt_at = EXCLUDED.last_attempt_at
     RETURNING id`,
    [
      tenantId,
      letter.receivedAt,
      letter.channel,
      letter.dedupeKey.slice(0, 300),
      letter.reasonCode,
      letter.reason.slice(0, 2000),
      letter.sender?.slice(0, 300) ?? null,
      letter.subject?.slice(0, 500) ?? null,
      letter.fileName?.slice(0, 300) ?? null,
      letter.contentType,
      letter.raw,
      letter.originalSize,
    ],
  );
  return rows[0].id;
}

/** Newest first; the cursor is the id of the last one of the previous page. */
export async function listDeadLetters(tx: Queryable, page: { limit: number; cursor?: string }): Promise<DeadLetterRow[]> {
  const { rows } = await tx.query<Row>(
    `SELECT ${COLUMNS} FROM lead_dead_letters
      WHERE $1::uuid IS NULL OR (received_at, id) < (SELECT received_at, id FROM lead_dead_letters WHERE id = $1)
      ORDER BY received_at DESC, id DESC
      LIMIT $2`,
    [page.cursor ?? null, page.limit],
  );
  return rows.map(toRow);
}

export async function findDeadLetter(tx: Queryable, id: string): Promise<(DeadLetterRow & { raw: Buffer; dedupeKey: string }) | undefined> {
  const { rows } = await tx.query<Row & { raw: Buffer | Uint8Array; dedupeKey: string }>(
    `SELECT ${COLUMNS}, raw, dedupe_key AS "dedupeKey" FROM lead_dead_letters WHERE id = $1`,
    [id],
  );
  return rows[0] && { ...toRow(rows[0]), raw: Buffer.from(rows[0].raw), dedupeKey: rows[0].dedupeKey };
}

export async function deleteDeadLetter(tx: Queryable, id: string): Promise<boolean> {
  const { rowCount } = await tx.query(`DELETE FROM lead_dead_letters WHERE id = $1`, [id]);
  return rowCount > 0;
}

/** A retry that failed again: one more attempt, with the reason of this one. */
export async function noteFailedRetry(tx: Queryable, id: string, failure: { code: string; reason: string; at: Date }): Promise<void> {
  await tx.query(
    `UPDATE lead_dead_letters SET attempts = attempts + 1, reason_code = $2, reason = $3, last_attempt_at = $4 WHERE id = $1`,
    [id, failure.code, failure.reason.slice(0, 2000), failure.at],
  );
}

/** Every company's dead letters received before `cutoff` (system scope only: a SECURITY DEFINER function). */
export async function purgeDeadLetters(tx: Queryable, cutoff: Date): Promise<number> {
  const { rows } = await tx.query<{ purged: string }>(`SELECT lead_dead_letters_purge($1) AS purged`, [cutoff]);
  return Number(rows[0].purged);
}

/** Delivery records (dedupe keys) and refused webhook calls past their cutoffs, every company's (migration 0036). */
export async function purgeIntakeRecords(tx: Queryable, deliveriesCutoff: Date, refusalsCutoff: Date): Promise<number> {
  const { rows } = await tx.query<{ purged: string }>(`SELECT lead_intake_records_purge($1, $2) AS purged`, [
    deliveriesCutoff,
    refusalsCutoff,
  ]);
  return Number(rows[0].purged);
}
