import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { pino } from 'pino';
import type { Database } from '../db/database.ts';
import { withScope, type Scope } from '../db/scope.ts';
import { startJobRunner, type Clock, type JobRunner } from '../jobs/runner.ts';
import { createSettingsUseCases } from '../settings/use-cases.ts';
import { closeTestDatabase, testDatabase } from '../test/harness.ts';
import { createHousingCompany, type HousingCompany } from '../test/fixtures.ts';
import { asTenantAdmin } from '../tenants/use-cases.ts';
import { insertConversation, insertDraft, insertMessage, listConversations, listMessages, lockDraft } from './repository.ts';
import { chatRetentionJob } from './retention.ts';

const DAY = 86_400_000;

/** Chats are deleted after the company's chatHistoryDays (never more than 90), by the scheduled job, on a clock the test moves. */
describe('chat retention', () => {
  let db: Database;
  const runners: JobRunner[] = [];
  let at = Date.now();
  const clock: Clock = { now: () => new Date(at) };

  before(async () => {
    db = (await testDatabase()).db;
  });
  after(async () => {
    await Promise.all(runners.map((runner) => runner.stop()));
    await closeTestDatabase();
  });

  const residentScope = (company: HousingCompany): Scope => ({
    role: 'resident',
    tenantId: company.tenant.id,
    accountId: company.resident.accountId,
    residentId: company.resident.id,
  });

  async function chatOf(company: HousingCompany) {
    return withScope(db, residentScope(company), async (tx) => {
      const conversation = await insertConversation(tx, {
        tenantId: company.tenant.id,
        accountId: company.resident.accountId,
        residentId: company.resident.id,
        title: 'Wasserhahn',
      });
      const base = { tenantId: company.tenant.id, residentId: company.resident.id, conversationId: conversation.id };
      await insertMessage(tx, { ...base, role: 'user', text: 'Bei mir tropft der Wasserhahn' });
      await insertMessage(tx, { ...base, role: 'assistant', text: 'Ich bereite eine Meldung vor.' });
      return insertDraft(tx, { ...base, kind: 'callback', data: { topic: 'Wasserhahn' } });
    });
  }

  const remaining = (company: HousingCompany) =>
    withScope(db, residentScope(company), async (tx) => ({
      conversations: (await listConversations(tx, 100)).length,
      messages: (await listMessages(tx)).length,
    }));

  async function runAt(days: number) {
    at += days * DAY;
    // Two instances, as behind a load balancer: the job runs once per period whichever claims it.
    for (let i = 0; i < 2; i++)
      runners.push(startJobRunner({ db, logger: pino({ level: 'silent' }), jobs: [chatRetentionJob(db)], clock, pollMs: 20 }));
    await new Promise((resolve) => setTimeout(resolve, 400));
    await Promise.all(runners.splice(0).map((runner) => runner.stop()));
  }

  it('deletes a company’s chats after its chatHistoryDays, another’s after 90 days, and never keeps one longer than 90', async () => {
    const settings = createSettingsUseCases(db);
    const [short, standard, overlong] = [await createHousingCompany(db), await createHousingCompany(db), await createHousingCompany(db)];
    await settings.changeAsPlatform(short.tenant.id, { chatHistoryDays: 30 });
    // Stored before the 90-day cap (or written around the API): the purge still holds it to 90.
    await asTenantAdmin(db, overlong.tenant.id, (tx) =>
      tx.query(`INSERT INTO company_settings (tenant_id, settings) VALUES ($1, '{"chatHistoryDays": 365}')`, [overlong.tenant.id]),
    );
    const standardDraft = (await Promise.all([short, standard, overlong].map(chatOf)))[1];

    await runAt(29);
    for (const company of [short, standard, overlong]) assert.deepEqual(await remaining(company), { conversations: 1, messages: 2 });

    await runAt(2);
    assert.deepEqual(await remaining(short), { conversations: 0, messages: 0 }, '31 days: gone where the company keeps 30');
    assert.deepEqual(await remaining(standard), { conversations: 1, messages: 2 });

    await runAt(60);
    assert.deepEqual(await remaining(standard), { conversations: 0, messages: 0 }, '91 days: gone by default');
    assert.deepEqual(await remaining(overlong), { conversations: 0, messages: 0 }, 'never longer than 90 days');
    assert.equal(
      await withScope(db, residentScope(standard), (tx) => lockDraft(tx, standardDraft)),
      undefined,
      'drafts go with their conversation',
    );
  });
});
