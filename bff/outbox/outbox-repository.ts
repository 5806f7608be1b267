import type { Queryable } from '../db/database.ts';

/**
 * The outbox table (migration 0008_outbox.sql): the only file of the outbox with SQL. Writing runs in the
 * caller's transaction; the worker's reads and updates run in the system scope of one housing company.
 */

export interface NewOutboxEntry {
  tenantId: string;
  /** Which handler delivers it, e.g. `case-backend`. */
  topic: string;
  /** Entries with the same topic and key are delivered one after the other, in the order written. */
  orderingKey: string;
  /** Sent with every attempt so the receiver can drop repeats; unique per housing company and topic. */
  idempotencyKey: string;
  payload: unknown;
}

export interface OutboxEntry {
  id: string;
  tenantId: string;
  topic: string;
  orderingKey: string;
  idempotencyKey: string;
  payload: unknown;
  /** Including the attempt under way. */
  attempts: number;
  createdAt: Date;
  seq: string;
}

export interface DeadLetter {
  id: string;
  topic: string;
  orderingKey: string;
  idempotencyKey: string;
  payload: unknown;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  failedAt: Date;
}

const entryColumns = `id, tenant_id AS "tenantId", topic, ordering_key AS "orderingKey", idempotency_key AS "idempotencyKey",
  payload, attempts, created_at AS "createdAt", seq::text AS seq`;

export async function insertOutboxEntry(tx: Queryable, entry: NewOutboxEntry): Promise<void> {
  // No RETURNING: a resident's transaction may write an entry but not read the outbox.
  await tx.query(`INSERT INTO outbox (tenant_id, topic, ordering_key, idempotency_key, payload) VALUES ($1, $2, $3, $4, $5)`, [
    entry.tenantId,
    entry.topic,
    entry.orderingKey,
    entry.idempotencyKey,
    JSON.stringify(entry.payload),
  ]);
}

/** Housing companies with a due entry (system scope; the function returns ids only). */
export async function dueTenants(tx: Queryable): Promise<string[]> {
  const { rows } = await tx.query<{ tenant: string }>(`SELECT t AS tenant FROM outbox_due_tenants() t`);
  return rows.map((row) => row.tenant);
}

/**
 * Claims due entries of the scope's housing company: at most one per topic and key (the oldest
 * undelivered), skipping rows another worker holds. The claim counts the attempt and pushes the due time
 * forward by the lease, so a crashed worker's entry comes back by itself.
 */
export async function claimDueEntries(tx: Queryable, topics: string[], limit: number, leaseMs: number): Promise<OutboxEntry[]> {
  const { rows } = await tx.query<OutboxEntry>(
    `UPDATE outbox SET attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => $3::double precision / 1000)
      WHERE id IN (
        SELECT o.id FROM outbox o
         WHERE o.status = 'pending' AND o.next_attempt_at <= now() AND o.topic = ANY($1::text[])
           AND NOT EXISTS (SELECT 1 FROM outbox earlier
                            WHERE earlier.tenant_id = o.tenant_id AND earlier.topic = o.topic
                              AND earlier.ordering_key = o.ordering_key AND earlier.status <> 'delivered'
                              AND earlier.seq < o.seq)
         ORDER BY o.seq
         LIMIT $2
           FOR UPDATE SKIP LOCKED)
      RETURNING ${entryColumns}`,
    [topics, limit, leaseMs],
  );
  return rows.sort((a, b) => (BigInt(a.seq) < BigInt(b.seq) ? -1 : 1));
}

export async function markDelivered(tx: Queryable, id: string): Promise<void> {
  await tx.query(`UPDATE outbox SET status = 'delivered', delivered_at = now(), last_error = NULL WHERE id = $1 AND status = 'pending'`, [
    id,
  ]);
}

/** A failed attempt: due again after `retryInMs`, or a dead letter. */
export async function markFailed(tx: Queryable, id: string, failure: { error: string; dead: boolean; retryInMs: number }): Promise<void> {
  await tx.query(
    `UPDATE outbox SET status = CASE WHEN $2 THEN 'dead' ELSE 'pending' END,
            next_attempt_at = now() + make_interval(secs => $3::double precision / 1000), last_error = $4
      WHERE id = $1 AND status = 'pending'`,
    [id, failure.dead, failure.retryInMs, failure.error.slice(0, 2000)],
  );
}

/** Dead letters of the scope's housing company (admins), newest first. */
export async function listDeadLetters(tx: Queryable, topic: string, page: { limit: number; cursor?: string }): Promise<DeadLetter[]> {
  const { rows } = await tx.query<DeadLetter>(
    `SELECT id, topic, ordering_key AS "orderingKey", idempotency_key AS "idempotencyKey", payload, attempts,
            last_error AS "lastError", created_at AS "createdAt", next_attempt_at AS "failedAt"
       FROM outbox
      WHERE status = 'dead' AND topic = $1
        AND ($3::uuid IS NULL OR (created_at, id) < (SELECT created_at, id FROM outbox WHERE id = $3))
      ORDER BY created_at DESC, id DESC
      LIMIT $2`,
    [topic, page.limit, page.cursor ?? null],
  );
  return rows;
}

/** Puts a dead letter back in the queue with fresh attempts; false when there is no such dead letter. */
export async function requeueDeadLetter(tx: Queryable, topic: string, id: string): Promise<boolean> {
  const { rowCount } = await tx.query(
    `UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = now() WHERE id = $1 AND topic = $2 AND status = 'dead'`,
    [id, topic],
  );
  return rowCount > 0;
}

/** Gives claimed entries back unattempted (the worker is stopping): due at once, the attempt not counted. */
export async function releaseClaims(tx: Queryable, ids: string[]): Promise<void> {
  await tx.query(`UPDATE outbox SET attempts = attempts - 1, next_attempt_at = now() WHERE id = ANY($1::uuid[]) AND status = 'pending'`, [
    ids,
  ]);
}

/**
 * Deletes delivered entries older than each housing company's retention period (its setting, else
 * `defaultDays`) at `now`, across housing companies (system scope); how many.
 */
export async function purgeDelivered(tx: Queryable, now: Date, defaultDays: number): Promise<number> {
  const { rows } = await tx.query<{ purged: string }>(`SELECT outbox_purge_delivered_by_company($1, $2) AS purged`, [now, defaultDays]);
  return Number(rows[0].purged);
}

/** Undelivered entries across housing companies (system scope): counts only. */
export async function countBacklog(tx: Queryable): Promise<{ pending: number; dead: number }> {
  const { rows } = await tx.query<{ pending: string; dead: string }>(`SELECT pending, dead FROM outbox_backlog()`);
  return { pending: Number(rows[0].pending), dead: Number(rows[0].dead) };
}
