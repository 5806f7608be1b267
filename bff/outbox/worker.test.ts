import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import type { Database } from '../db/database.ts';
import { withScope } from '../db/scope.ts';
import { closeTestDatabase, testDatabase } from '../test/harness.ts';
import { createHousingCompany, type HousingCompany } from '../test/fixtures.ts';
import { claimDueEntries, insertOutboxEntry, type OutboxEntry } from './outbox-repository.ts';
import { retryDelay, startOutboxWorker, type OutboxHandler, type OutboxWorkerOptions } from './worker.ts';

/**
 * The outbox as a shared mechanism, below any capability: several workers, ordering per key, leases after
 * a crash, and a clean stop. Delivery through real HTTP is tested in bff/case-backend-http/.
 */
const logger = pino({ level: 'silent' });

async function waitFor(what: string, probe: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('outbox worker', () => {
  let db: Database;
  let company: HousingCompany;
  const options = (topic: string, handler: OutboxHandler, overrides: Partial<OutboxWorkerOptions> = {}): OutboxWorkerOptions => ({
    db,
    logger,
    handlers: { [topic]: handler },
    pollMs: 20,
    maxAttempts: 50,
    retryBaseMs: 10,
    retryMaxMs: 40,
    leaseMs: 60_000,
    batchSize: 4,
    ...overrides,
  });
  const enqueue = (topic: string, orderingKey: string, idempotencyKey: string, payload: unknown) =>
    withScope(
      db,
      { role: 'resident', tenantId: company.tenant.id, accountId: company.resident.accountId, residentId: company.resident.id },
      (tx) => insertOutboxEntry(tx, { tenantId: company.tenant.id, topic, orderingKey, idempotencyKey, payload }),
    );
  const stateOf = async (idempotencyKey: string) =>
    (
      await withScope(db, { role: 'admin', tenantId: company.tenant.id, accountId: company.admin.id }, (tx) =>
        tx.query<{ status: string; attempts: number }>(`SELECT status, attempts FROM outbox WHERE idempotency_key = $1`, [idempotencyKey]),
      )
    ).rows[0];

  before(async () => {
    db = (await testDatabase()).db;
    company = await createHousingCompany(db);
  });
  after(async () => {
    await closeTestDatabase();
  });

  it('two workers with flaky deliveries deliver every entry exactly once, one at a time and in order per key', async () => {
    const topic = `test-${randomUUID().slice(0, 8)}`;
    const keys = ['case-a', 'case-b', 'case-c'];
    for (let n = 0; n < 5; n++) for (const key of keys) await enqueue(topic, key, `${key}-${n}`, { key, n });
    const accepted: Array<{ key: string; n: number }> = [];
    const inFlight = new Set<string>();
    let overlapped = false;
    let calls = 0;
    const handler: OutboxHandler = async (entry: OutboxEntry) => {
      const { key, n } = entry.payload as { key: string; n: number };
      if (inFlight.has(key)) overlapped = true;
      inFlight.add(key);
      try {
        await new Promise((resolve) => setTimeout(resolve, 2));
        if (++calls % 3 === 0) throw new Error('receiver hiccup');
        accepted.push({ key, n });
      } finally {
        inFlight.delete(key);
      }
    };
    const workers = [startOutboxWorker(options(topic, handler)), startOutboxWorker(options(topic, handler))];
    try {
      await waitFor('all 15 entries', () => accepted.length === 15);
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
    }
    assert.equal(accepted.length, 15, 'no entry accepted twice');
    assert.ok(calls > 15, 'some deliveries failed and were retried');
    assert.equal(overlapped, false, 'never two deliveries of one key at the same time');
    for (const key of keys) {
      assert.deepEqual(
        accepted.filter((entry) => entry.key === key).map((entry) => entry.n),
        [0, 1, 2, 3, 4],
        `order of ${key}`,
      );
    }
    assert.equal((await stateOf('case-a-4')).status, 'delivered');
  });

  it('an entry claimed by a worker that died is delivered by another after the lease', async () => {
    const topic = `test-${randomUUID().slice(0, 8)}`;
    await enqueue(topic, 'case-x', 'crashed', { n: 1 });
    // Taken before the claim: the lease runs from the claim's transaction, which starts after this.
    const claimedBefore = Date.now();
    const claimed = await withScope(db, { role: 'system', tenantId: company.tenant.id }, (tx) => claimDueEntries(tx, [topic], 10, 400));
    assert.equal(claimed.length, 1, 'the dying worker held it');
    const delivered: number[] = [];
    const worker = startOutboxWorker(options(topic, async () => void delivered.push(Date.now()), { leaseMs: 400 }));
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.ok(
        delivered.every((at) => at - claimedBefore >= 390),
        'not while the lease runs',
      );
      await waitFor('delivery after the lease', () => delivered.length === 1);
    } finally {
      await worker.stop();
    }
    assert.ok(delivered[0] - claimedBefore >= 390, `after the lease (${delivered[0] - claimedBefore} ms after the claim)`);
    assert.deepEqual(await stateOf('crashed'), { status: 'delivered', attempts: 2 });
  });

  it('stopping aborts a slow delivery and gives the entry back at once, the attempt not counted', async () => {
    const topic = `test-${randomUUID().slice(0, 8)}`;
    await enqueue(topic, 'case-y', 'slow', { n: 1 });
    let started = false;
    const slow: OutboxHandler = (_entry, signal) =>
      new Promise((_resolve, reject) => {
        started = true;
        signal.addEventListener('abort', () => reject(new Error('aborted')));
      });
    const worker = startOutboxWorker(options(topic, slow));
    await waitFor('the slow delivery', () => started);
    const stopping = Date.now();
    await worker.stop();
    assert.ok(Date.now() - stopping < 1000, 'stop does not wait for the receiver');
    assert.deepEqual(await stateOf('slow'), { status: 'pending', attempts: 0 });

    let deliveredBy = 0;
    const next = startOutboxWorker(options(topic, async () => void deliveredBy++));
    try {
      await waitFor('the next worker delivers it', () => deliveredBy === 1);
    } finally {
      await next.stop();
    }
  });

  it('backs off exponentially with jitter up to the maximum', () => {
    assert.deepEqual(
      [1, 2, 3, 4].map((attempt) => retryDelay(attempt, 1000, 5000, () => 1)),
      [1000, 2000, 4000, 5000],
    );
    assert.deepEqual(
      [1, 2, 3, 4].map((attempt) => retryDelay(attempt, 1000, 5000, () => 0)),
      [500, 1000, 2000, 2500],
    );
  });
});
