import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import type { Database } from '../db/database.ts';
import { withScope } from '../db/scope.ts';
import { closeTestDatabase, testDatabase } from '../test/harness.ts';
import { createHousingCompany, type HousingCompany } from '../test/fixtures.ts';
import { startJobRunner, type JobRunner } from '../jobs/runner.ts';
import { claimDueEntries, countBacklog, insertOutboxEntry, markDelivered, markFailed, purgeDelivered } from './outbox-repository.ts';
import { outboxPurgeJob } from './housekeeping.ts';

/** The outbox does not grow for ever: delivered entries go after the retention period, dead letters stay. */
const logger = pino({ level: 'silent' });
const DAY = 86_400_000;

describe('outbox housekeeping', () => {
  let db: Database;
  let company: HousingCompany;
  let runner: JobRunner | undefined;

  before(async () => {
    db = (await testDatabase()).db;
    company = await createHousingCompany(db);
  });
  after(async () => {
    await runner?.stop();
    await closeTestDatabase();
  });

  const keysIn = async (topic: string) =>
    (
      await withScope(db, { role: 'admin', tenantId: company.tenant.id, accountId: company.admin.id }, (tx) =>
        tx.query<{ idempotency_key: string; status: string }>(
          `SELECT idempotency_key, status FROM outbox WHERE topic = $1 ORDER BY idempotency_key`,
          [topic],
        ),
      )
    ).rows.map((row) => `${row.idempotency_key}:${row.status}`);

  it('purges delivered entries after the retention period (7 days by default) and keeps dead letters and pending ones', async () => {
    const topic = `test-${randomUUID().slice(0, 8)}`;
    const system = { role: 'system', tenantId: company.tenant.id } as const;
    for (const key of ['a-delivered', 'b-delivered', 'c-dead', 'd-pending']) {
      await withScope(db, { role: 'admin', tenantId: company.tenant.id, accountId: company.admin.id }, (tx) =>
        insertOutboxEntry(tx, { tenantId: company.tenant.id, topic, orderingKey: key, idempotencyKey: key, payload: {} }),
      );
    }
    await withScope(db, system, async (tx) => {
      const claimed = await claimDueEntries(tx, [topic], 10, 60_000);
      for (const entry of claimed) {
        if (entry.idempotencyKey.endsWith('delivered')) await markDelivered(tx, entry.id);
        if (entry.idempotencyKey === 'c-dead') await markFailed(tx, entry.id, { error: 'HTTP 400', dead: true, retryInMs: 0 });
      }
    });
    const backlog = await withScope(db, { role: 'system' }, (tx) => countBacklog(tx));
    assert.ok(backlog.pending >= 1 && backlog.dead >= 1, JSON.stringify(backlog));

    let at = Date.now() + 6 * DAY;
    const clock = { now: () => new Date(at) };
    runner = startJobRunner({ db, logger, clock, pollMs: 20, jobs: [outboxPurgeJob(db)] });
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual(
      await keysIn(topic),
      ['a-delivered:delivered', 'b-delivered:delivered', 'c-dead:dead', 'd-pending:pending'],
      'six days on',
    );

    at += 2 * DAY;
    const deadline = Date.now() + 10_000;
    while ((await keysIn(topic)).length > 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
    assert.deepEqual(await keysIn(topic), ['c-dead:dead', 'd-pending:pending'], 'eight days on');
    await runner.stop();
    runner = undefined;
  });

  it("keeps each housing company's delivered entries for its own retention period (company settings)", async () => {
    const patient = await createHousingCompany(db);
    await withScope(db, { role: 'admin', tenantId: patient.tenant.id, accountId: patient.admin.id }, (tx) =>
      tx.query(`INSERT INTO company_settings (tenant_id, settings) VALUES ($1, '{"outboxRetentionDays": 30}')`, [patient.tenant.id]),
    );
    const topic = `test-${randomUUID().slice(0, 8)}`;
    for (const hv of [company, patient]) {
      await withScope(db, { role: 'admin', tenantId: hv.tenant.id, accountId: hv.admin.id }, (tx) =>
        insertOutboxEntry(tx, { tenantId: hv.tenant.id, topic, orderingKey: 'k', idempotencyKey: `k-${hv.tenant.slug}`, payload: {} }),
      );
      await withScope(db, { role: 'system', tenantId: hv.tenant.id }, async (tx) => {
        for (const entry of await claimDueEntries(tx, [topic], 10, 60_000)) await markDelivered(tx, entry.id);
      });
    }
    const delivered = async (hv: HousingCompany) =>
      (
        await withScope(db, { role: 'admin', tenantId: hv.tenant.id, accountId: hv.admin.id }, (tx) =>
          tx.query(`SELECT 1 FROM outbox WHERE topic = $1`, [topic]),
        )
      ).rowCount;
    const purgeAt = (days: number) => withScope(db, { role: 'system' }, (tx) => purgeDelivered(tx, new Date(Date.now() + days * DAY), 7));

    await purgeAt(8);
    assert.deepEqual([await delivered(company), await delivered(patient)], [0, 1], 'eight days on: 7 days by default, 30 for the other');
    await purgeAt(31);
    assert.equal(await delivered(patient), 0, 'thirty-one days on');
  });
});
