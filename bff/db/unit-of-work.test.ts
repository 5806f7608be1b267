import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { openTestDatabase, type TestDatabase } from '../test/database.ts';
import { createHousingCompany, type HousingCompany } from '../test/fixtures.ts';
import type { Queryable } from './database.ts';
import { withScope, type Scope } from './scope.ts';
import { afterCommit, beforeUnitOfWork, inUnitOfWork } from './unit-of-work.ts';

/**
 * What an idempotent request relies on (bff/idempotency/): everything it does in the database commits
 * together with its key, or nothing does. Exercised here with rows of the scheduled-jobs table as the
 * work of a system scope.
 */
const jobName = () => `uow-${randomUUID()}`;

describe('a unit of work: one transaction for all steps of a request', () => {
  let database: TestDatabase;
  let company: HousingCompany;
  const system: Scope = { role: 'system' };
  const resident = (): Scope => ({
    role: 'resident',
    tenantId: company.tenant.id,
    accountId: company.resident.accountId,
    residentId: company.resident.id,
  });
  const noHooks = { begin: async () => {}, finish: async () => {} };
  const mark = (tx: Queryable, name: string) =>
    tx.query(`INSERT INTO scheduled_jobs (name, next_run_at) VALUES ($1, now() + interval '1 year')`, [name]);
  const marked = async (name: string) =>
    (await withScope(database.db, system, (tx) => tx.query(`SELECT 1 FROM scheduled_jobs WHERE name = $1`, [name]))).rowCount === 1;
  const role = (tx: Queryable) =>
    tx.query<{ role: string }>(`SELECT current_setting('app.current_role') AS role`).then(({ rows }) => rows[0].role);

  before(async () => {
    database = await openTestDatabase();
    company = await createHousingCompany(database.db);
  });
  after(async () => {
    await database.close();
  });

  it('commits every step and the last one together, and runs what follows the commit only then', async () => {
    const [first, second] = [jobName(), jobName()];
    const order: string[] = [];
    await inUnitOfWork(
      database.db,
      {
        begin: async () => void order.push('begin'),
        finish: async (tx) => {
          await mark(tx, second);
          order.push('finish');
        },
      },
      async () => {
        await withScope(database.db, system, (tx) => mark(tx, first));
        afterCommit(() => order.push('after commit'));
        order.push('work');
      },
    );
    assert.deepEqual(order, ['begin', 'work', 'finish', 'after commit']);
    assert.ok((await marked(first)) && (await marked(second)));
  });

  it('rolls back every step when the work fails after them, and drops what was to follow the commit', async () => {
    const name = jobName();
    let followed = false;
    await assert.rejects(
      inUnitOfWork(database.db, noHooks, async () => {
        await withScope(database.db, system, (tx) => mark(tx, name));
        afterCommit(() => (followed = true));
        throw new Error('the instance fails after the work');
      }),
      /fails after the work/,
    );
    assert.equal(await marked(name), false);
    assert.equal(followed, false);
  });

  it('a failing step is undone alone: work that catches it goes on and commits the rest', async () => {
    const [kept, undone] = [jobName(), jobName()];
    await inUnitOfWork(database.db, noHooks, async () => {
      await withScope(database.db, system, (tx) => mark(tx, kept));
      await assert.rejects(
        withScope(database.db, system, async (tx) => {
          await mark(tx, undone);
          await tx.query('SELECT 1 / 0');
        }),
      );
    });
    assert.equal(await marked(kept), true);
    assert.equal(await marked(undone), false);
  });

  it('each step runs in its own scope, and a step inside a step hands back the outer scope', async () => {
    const seen: string[] = [];
    await inUnitOfWork(database.db, noHooks, async () => {
      await withScope(database.db, resident(), async (tx) => {
        seen.push(await role(tx));
        seen.push(await withScope(database.db, system, role));
        seen.push(await role(tx));
      });
      seen.push(await withScope(database.db, system, role));
    });
    assert.deepEqual(seen, ['resident', 'system', 'resident', 'system']);
  });

  it('begins its transaction at the first step: a check before slow work runs in a transaction of its own', async () => {
    let begun = false;
    await inUnitOfWork(
      database.db,
      {
        begin: async () => {
          begun = true;
        },
        finish: async () => {},
      },
      async () => {
        await beforeUnitOfWork(() => withScope(database.db, system, (tx) => tx.query('SELECT 1')));
        assert.equal(begun, false, 'the check did not begin the unit');
        await withScope(database.db, system, (tx) => tx.query('SELECT 1'));
        assert.equal(begun, true);
      },
    );
  });
});
