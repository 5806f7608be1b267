import type { Queryable } from '../db/database.ts';

/**
 * The scheduled_jobs table (migration 0014_scheduled_jobs.sql), in the system scope. Every time comes from
 * the runner's clock, never from the database's now(), so tests can move time.
 */

/** Adds the job's row once (due at `firstRunAt`); an existing row, written by any instance, is kept. */
export async function registerJob(tx: Queryable, name: string, firstRunAt: Date): Promise<void> {
  await tx.query(`INSERT INTO scheduled_jobs (name, next_run_at) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [name, firstRunAt]);
}

/**
 * Claims the job when it is due and no other instance holds it: true for exactly one of several instances
 * asking at the same moment (the row lock of the UPDATE decides, the loser sees the new locked_until).
 */
export async function claimJob(tx: Queryable, claim: { name: string; now: Date; lockedUntil: Date; instance: string }): Promise<boolean> {
  const { rowCount } = await tx.query(
    `UPDATE scheduled_jobs SET locked_until = $3, locked_by = $4, last_started_at = $2
      WHERE name = $1 AND next_run_at <= $2 AND (locked_until IS NULL OR locked_until <= $2)
      RETURNING name`,
    [claim.name, claim.now, claim.lockedUntil, claim.instance],
  );
  return rowCount > 0;
}

/** A run is over: due again at `nextRunAt`, with the error of this run (or none). */
export async function finishJob(
  tx: Queryable,
  finish: { name: string; instance: string; finishedAt: Date; nextRunAt: Date; error: string | null },
): Promise<void> {
  await tx.query(
    `UPDATE scheduled_jobs SET next_run_at = $3, locked_until = NULL, locked_by = NULL, last_finished_at = $4, last_error = $5
      WHERE name = $1 AND locked_by = $2`,
    [finish.name, finish.instance, finish.nextRunAt, finish.finishedAt, finish.error?.slice(0, 2000) ?? null],
  );
}

/** Gives a claimed job back without counting the run (the instance is stopping): due as before. */
export async function releaseJob(tx: Queryable, name: string, instance: string): Promise<void> {
  await tx.query(`UPDATE scheduled_jobs SET locked_until = NULL, locked_by = NULL WHERE name = $1 AND locked_by = $2`, [name, instance]);
}

export interface JobState {
  name: string;
  nextRunAt: Date;
  lockedUntil: Date | null;
  lastStartedAt: Date | null;
  lastFinishedAt: Date | null;
  lastError: string | null;
}

export async function findJob(tx: Queryable, name: string): Promise<JobState | undefined> {
  const { rows } = await tx.query<JobState>(
    `SELECT name, next_run_at AS "nextRunAt", locked_until AS "lockedUntil", last_started_at AS "lastStartedAt",
            last_finished_at AS "lastFinishedAt", last_error AS "lastError"
       FROM scheduled_jobs WHERE name = $1`,
    [name],
  );
  return rows[0];
}
