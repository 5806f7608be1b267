import { AsyncLocalStorage } from 'node:async_hooks';
import { isDatabaseUnavailable, type Database, type Queryable } from './database.ts';

/**
 * A unit of work runs everything one request does in the database in one transaction, so that the work
 * and the record of it commit together or not at all. The idempotency keys need it: the key's answer is
 * stored in the same transaction as the case it answers for, so an instance that dies half-way leaves
 * neither behind, and one that dies after the commit leaves both (docs/cases.md, "Safe to retry").
 *
 * The use cases do not know about it: every `withScope` (bff/db/scope.ts) inside `inUnitOfWork` joins the
 * unit's transaction as a savepoint with its own scope, instead of opening a transaction of its own. The
 * transaction begins with the first of them, so work before it (reading a file, decoding an image) holds
 * no connection; `afterCommit` defers what must follow the commit (live events, waking the outbox).
 */

interface Unit {
  readonly db: Database;
  /** First statements of the transaction (the idempotency key's claim); throwing ends the unit. */
  readonly begin: (tx: Queryable) => Promise<void>;
  /** False once the work has ended: later callers (a timer the work started) use a transaction of their own. */
  open: boolean;
  tx?: Promise<Queryable>;
  /** The transaction itself: settles after COMMIT or ROLLBACK. */
  ended?: Promise<void>;
  end?: { commit(): void; rollback(reason: unknown): void };
  /** Steps run one after the other: one connection, one savepoint at a time. */
  steps: Promise<unknown>;
  afterCommit: Array<() => void>;
}

const current = new AsyncLocalStorage<Unit>();

/** The open unit of work on this database that the caller runs in, if any. */
export function openUnitOf(db: Database): Unit | undefined {
  const unit = current.getStore();
  return unit?.open && unit.db === db ? unit : undefined;
}

/** The unit whose step the caller runs in: a `withScope` inside a step nests in it instead of queueing behind it. */
const insideStep = new AsyncLocalStorage<Unit>();

/** One step of the unit, as a savepoint: a step that fails is undone alone, as its own transaction would be. */
export function joinUnit<T>(unit: Unit, step: (tx: Queryable, nested: boolean) => Promise<T>): Promise<T> {
  if (insideStep.getStore() === unit) return savepoint(unit, (tx) => step(tx, true));
  const run = unit.steps.then(() => insideStep.run(unit, () => savepoint(unit, (tx) => step(tx, false))));
  unit.steps = run.catch(() => undefined);
  return run;
}

async function savepoint<T>(unit: Unit, step: (tx: Queryable) => Promise<T>): Promise<T> {
  const tx = await transactionOf(unit);
  await tx.query('SAVEPOINT unit_step');
  try {
    const result = await step(tx);
    await tx.query('RELEASE SAVEPOINT unit_step');
    return result;
  } catch (error) {
    await tx.query('ROLLBACK TO SAVEPOINT unit_step').catch(() => undefined);
    await tx.query('RELEASE SAVEPOINT unit_step').catch(() => undefined);
    throw error;
  }
}

function transactionOf(unit: Unit): Promise<Queryable> {
  unit.tx ??= new Promise<Queryable>((resolve, reject) => {
    const outcome = new Promise<void>((commit, rollback) => (unit.end = { commit, rollback }));
    // Awaited below only once `begin` succeeded; a rollback before that must not count as unhandled.
    outcome.catch(() => undefined);
    unit.ended = unit.db.transaction(async (tx) => {
      await unit.begin(tx);
      resolve(tx);
      await outcome;
    });
    // A failed BEGIN or claim ends the unit before it had a transaction to hand out.
    unit.ended.catch(reject);
  });
  return unit.tx;
}

/**
 * Runs `work` as one unit of work on `db`: `begin` opens its transaction (lazily, at the work's first
 * database step), `finish` is its last step; then it commits, and only then run the `afterCommit` callbacks.
 * Anything thrown rolls all of it back. A failed commit (the connection lost) is thrown as well: whether
 * it committed is then unknown to this instance, and a retry finds out.
 */
export async function inUnitOfWork<T>(
  db: Database,
  hooks: { begin: (tx: Queryable) => Promise<void>; finish: (tx: Queryable, result: T) => Promise<void> },
  work: () => Promise<T>,
): Promise<T> {
  const unit: Unit = { db, begin: hooks.begin, open: true, steps: Promise.resolve(), afterCommit: [] };
  let result: T;
  try {
    result = await current.run(unit, work);
    await joinUnit(unit, (tx) => hooks.finish(tx, result));
  } catch (error) {
    unit.open = false;
    if (unit.ended) {
      unit.end?.rollback(error);
      // A step saw its connection die as a driver error; the transaction's end says so as the 503 it is.
      const ending = await unit.ended.then(
        () => undefined,
        (endError: unknown) => endError,
      );
      if (isDatabaseUnavailable(ending)) throw ending;
    }
    throw error;
  }
  unit.open = false;
  unit.end!.commit();
  await unit.ended;
  for (const callback of unit.afterCommit) {
    try {
      callback();
    } catch {
      // What follows a commit cannot undo it; each callback reports its own failures.
    }
  }
  return result;
}

/** Runs `callback` after the caller's unit of work commits (dropped if it rolls back), or now outside of one. */
export function afterCommit(callback: () => void): void {
  const unit = current.getStore();
  if (unit?.open) unit.afterCommit.push(callback);
  else callback();
}

/**
 * Runs `fn` outside the caller's unit of work as long as that has not begun its transaction: a cheap
 * check before slow work (the upload cap before decoding) then holds no connection while the work runs.
 * Once the unit's transaction is open, `fn` joins it like any other step.
 */
export function beforeUnitOfWork<T>(fn: () => Promise<T>): Promise<T> {
  const unit = current.getStore();
  if (!unit?.open || unit.tx) return fn();
  return current.exit(fn);
}
