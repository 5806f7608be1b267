import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Database } from '../db/database.ts';
import { addBuilding, addUnit } from '../onboarding/use-cases.ts';
import type { RunningServer } from '../server.ts';
import { asTenantAdmin } from '../tenants/use-cases.ts';
import { closeTestDatabase, startTestServer, testDatabase, TestClient } from '../test/harness.ts';
import { createHousingCompany, type HousingCompany } from '../test/fixtures.ts';
import { signInResident, signInStaff } from '../test/sign-in.ts';

/**
 * The case reports over HTTP against a seeded set of cases with known times: intake per week/month, type, building
 * and clerk, processing times, deadline adherence and the backlog — the own housing company's cases only.
 */

interface SeededCase {
  type: 'contact' | 'complaint' | 'damage';
  building: 'main' | 'harbour';
  assignee: 'clerk' | 'admin' | null;
  createdAt: string;
  deadlineAt: string;
  status: 'eingegangen' | 'in_bearbeitung' | 'erledigt' | 'abgelehnt';
  closedAt?: string;
}

/**
 * Company A's cases (UTC; March 2026 is CET until the 29th, CEST after). Weeks of the period 2026-03-02 … 03-29:
 * 03-02, 03-09, 03-16, 03-23.
 */
const CASES: SeededCase[] = [
  // Filed Monday 00:30 in Berlin: the period's first day, though still 1 March in UTC.
  {
    type: 'contact',
    building: 'main',
    assignee: null,
    createdAt: '2026-03-01T23:30:00Z',
    deadlineAt: '2026-06-01T00:00:00Z',
    status: 'eingegangen',
  },
  // Done in 48 h, by the deadline.
  {
    type: 'damage',
    building: 'main',
    assignee: 'clerk',
    createdAt: '2026-03-02T09:00:00Z',
    deadlineAt: '2026-03-05T09:00:00Z',
    status: 'erledigt',
    closedAt: '2026-03-04T09:00:00Z',
  },
  // Done in 240 h, a week late.
  {
    type: 'damage',
    building: 'main',
    assignee: 'clerk',
    createdAt: '2026-03-03T09:00:00Z',
    deadlineAt: '2026-03-06T09:00:00Z',
    status: 'erledigt',
    closedAt: '2026-03-13T09:00:00Z',
  },
  // Done in 24 h, by the deadline.
  {
    type: 'contact',
    building: 'harbour',
    assignee: 'admin',
    createdAt: '2026-03-10T09:00:00Z',
    deadlineAt: '2026-03-12T09:00:00Z',
    status: 'erledigt',
    closedAt: '2026-03-11T09:00:00Z',
  },
  // Declined in time: closed by the deadline, but not done.
  {
    type: 'complaint',
    building: 'harbour',
    assignee: null,
    createdAt: '2026-03-17T09:00:00Z',
    deadlineAt: '2026-03-20T09:00:00Z',
    status: 'abgelehnt',
    closedAt: '2026-03-18T09:00:00Z',
  },
  // Open and overdue.
  {
    type: 'contact',
    building: 'main',
    assignee: null,
    createdAt: '2026-03-24T09:00:00Z',
    deadlineAt: '2026-03-27T09:00:00Z',
    status: 'in_bearbeitung',
  },
  // Filed Monday 30 March 00:30 in Berlin (CEST): after the period, though 29 March in UTC.
  {
    type: 'contact',
    building: 'main',
    assignee: 'clerk',
    createdAt: '2026-03-29T22:30:00Z',
    deadlineAt: '2026-06-01T00:00:00Z',
    status: 'eingegangen',
  },
  // Filed before the period, done in it after 408 h, late.
  {
    type: 'damage',
    building: 'harbour',
    assignee: 'clerk',
    createdAt: '2026-02-20T12:00:00Z',
    deadlineAt: '2026-02-25T12:00:00Z',
    status: 'erledigt',
    closedAt: '2026-03-09T12:00:00Z',
  },
];

/** Company B: busy in the same weeks; none of it may show in A's figures. */
const OTHER_CASES: SeededCase[] = [
  {
    type: 'damage',
    building: 'main',
    assignee: 'clerk',
    createdAt: '2026-03-02T10:00:00Z',
    deadlineAt: '2026-03-03T10:00:00Z',
    status: 'erledigt',
    closedAt: '2026-03-20T10:00:00Z',
  },
  {
    type: 'complaint',
    building: 'main',
    assignee: null,
    createdAt: '2026-03-09T10:00:00Z',
    deadlineAt: '2026-03-10T10:00:00Z',
    status: 'in_bearbeitung',
  },
  {
    type: 'contact',
    building: 'main',
    assignee: 'admin',
    createdAt: '2026-03-16T10:00:00Z',
    deadlineAt: '2026-03-17T10:00:00Z',
    status: 'abgelehnt',
    closedAt: '2026-03-25T10:00:00Z',
  },
];

/** Stored the way the case backend leaves them: a status entry at closing; `updated_at` later (the entry counts). */
async function seedCases(db: Database, company: HousingCompany, cases: SeededCase[]) {
  const tenantId = company.tenant.id;
  return asTenantAdmin(db, tenantId, async (tx) => {
    await addBuilding(tx, tenantId, { externalRef: 'G-2', street: 'Hafenstraße 3', postalCode: '20457', city: 'Hamburg' });
    const harbourUnit = await addUnit(tx, tenantId, { externalRef: 'G-2-01', buildingRef: 'G-2', label: '1. OG' });
    const harbour = (await tx.query<{ id: string }>(`SELECT building_id AS id FROM units WHERE id = $1`, [harbourUnit.id])).rows[0].id;
    const damage = (
      await tx.query<{ kind: string; category: string; location: string }>(
        `SELECT k.id AS kind, k.category_id AS category, c.location_id AS location
           FROM damage_kinds k JOIN damage_categories c ON c.id = k.category_id ORDER BY k.id LIMIT 1`,
      )
    ).rows[0];
    let number = 0;
    for (const seeded of cases) {
      const isDamage = seeded.type === 'damage';
      const inserted = await tx.query<{ id: string }>(
        `INSERT INTO cases (tenant_id, case_number, type, resident_id, building_id, unit_id, title, damage_location_id,
                            damage_category_id, damage_kind_id, priority, deadline_at, status, assignee_account_id, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'Auswertungstest', $7, $8, $9, 'normal', $10, $11, $12, $13, '2026-04-01T08:00:00Z')
         RETURNING id`,
        [
          tenantId,
          `2026-9${String(++number).padStart(3, '0')}`,
          seeded.type,
          company.resident.id,
          seeded.building === 'main' ? company.building.id : harbour,
          seeded.building === 'main' ? company.units[0].id : harbourUnit.id,
          isDamage ? damage.location : null,
          isDamage ? damage.category : null,
          isDamage ? damage.kind : null,
          seeded.deadlineAt,
          seeded.status,
          seeded.assignee ? company[seeded.assignee].id : null,
          seeded.createdAt,
        ],
      );
      if (seeded.closedAt) {
        await tx.query(
          `INSERT INTO case_events (tenant_id, case_id, resident_id, actor_role, kind, public, data, created_at)
           VALUES ($1, $2, $3, 'system', 'status_changed', true, $4, $5)`,
          [tenantId, inserted.rows[0].id, company.resident.id, { from: 'in_bearbeitung', to: seeded.status }, seeded.closedAt],
        );
      }
    }
    return { harbour };
  });
}

describe('case reports', () => {
  let server: RunningServer;
  let company: HousingCompany;
  let other: HousingCompany;
  let clerk: TestClient;
  let otherClerk: TestClient;
  let harbour: string;
  /** The server's clock: 1 April 2026, 10:00 UTC once the sign-ins are done. */
  let fixedNow: Date | undefined;

  const report = async (query: string, as = clerk) => {
    const answer = await as.get(`/api/staff/reports/cases${query}`);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    return answer.body;
  };

  before(async () => {
    const { db } = await testDatabase();
    server = await startTestServer({}, { clock: { now: () => fixedNow ?? new Date() } });
    company = await createHousingCompany(db);
    other = await createHousingCompany(db);
    ({ harbour } = await seedCases(db, company, CASES));
    await seedCases(db, other, OTHER_CASES);
    clerk = await signInStaff(server, company, 'clerk');
    otherClerk = await signInStaff(server, other, 'clerk');
    fixedNow = new Date('2026-04-01T10:00:00Z');
  });
  after(async () => {
    await server.stop();
    await closeTestDatabase();
  });

  it('counts the cases filed per week, type, building and clerk, by Berlin days', async () => {
    const figures = await report('?from=2026-03-02&to=2026-03-29&interval=week');
    assert.deepEqual(figures.period, { from: '2026-03-02', to: '2026-03-29', interval: 'week' });
    assert.deepEqual(figures.buckets, ['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23']);
    assert.equal(figures.intake.total, 6);
    assert.deepEqual(figures.intake.counts, [3, 1, 1, 1]);
    assert.deepEqual(
      figures.intake.byType.map((row: any) => [row.type, row.total, row.counts]),
      [
        ['contact', 3, [1, 1, 0, 1]],
        ['complaint', 1, [0, 0, 1, 0]],
        ['damage', 2, [2, 0, 0, 0]],
      ],
    );
    assert.deepEqual(
      figures.intake.byBuilding.map((row: any) => [row.building.id, row.building.address, row.total, row.counts]),
      [
        [company.building.id, 'Lindenallee 12, 20259 Hamburg', 4, [3, 0, 0, 1]],
        [harbour, 'Hafenstraße 3, 20457 Hamburg', 2, [0, 1, 1, 0]],
      ],
    );
    assert.deepEqual(
      figures.intake.byClerk.map((row: any) => [row.clerk, row.total, row.counts]),
      [
        [null, 3, [1, 0, 1, 1]],
        [{ id: company.clerk.id, label: 'Clara Sachbearbeiterin' }, 2, [2, 0, 0, 0]],
        [{ id: company.admin.id, label: 'Anton Admin' }, 1, [0, 1, 0, 0]],
      ],
    );
  });

  it('gives processing times from filing to done: median and 90th percentile, per week and type', async () => {
    const { processing } = await report('?from=2026-03-02&to=2026-03-29&interval=week');
    // Done in the period: 24 h, 48 h, 240 h, 408 h (filed before the period, done in it).
    assert.deepEqual([processing.done, processing.medianHours, processing.p90Hours], [4, 144, 357.6]);
    assert.deepEqual(processing.perBucket, [
      { done: 1, medianHours: 48, p90Hours: 48 },
      { done: 3, medianHours: 240, p90Hours: 374.4 },
      { done: 0, medianHours: null, p90Hours: null },
      { done: 0, medianHours: null, p90Hours: null },
    ]);
    assert.deepEqual(processing.byType, [
      { type: 'contact', done: 1, medianHours: 24, p90Hours: 24 },
      { type: 'damage', done: 3, medianHours: 240, p90Hours: 374.4 },
    ]);
  });

  it('gives the share of cases closed by their deadline, declined ones included', async () => {
    const { deadlines } = await report('?from=2026-03-02&to=2026-03-29&interval=week');
    assert.deepEqual([deadlines.closed, deadlines.onTime, deadlines.share], [5, 3, 0.6]);
    assert.deepEqual(deadlines.perBucket, [
      { closed: 1, onTime: 1, share: 1 },
      { closed: 3, onTime: 1, share: 1 / 3 },
      { closed: 1, onTime: 1, share: 1 },
      { closed: 0, onTime: 0, share: null },
    ]);
    assert.deepEqual(deadlines.byType, [
      { type: 'contact', closed: 1, onTime: 1, share: 1 },
      { type: 'complaint', closed: 1, onTime: 1, share: 1 },
      { type: 'damage', closed: 3, onTime: 1, share: 1 / 3 },
    ]);
  });

  it('gives the open backlog today by age and type, with the overdue ones', async () => {
    const { backlog, at } = await report('?from=2026-03-02&to=2026-03-29');
    assert.equal(at, '2026-04-01T10:00:00.000Z');
    assert.deepEqual([backlog.total, backlog.overdue], [3, 1]);
    assert.deepEqual(backlog.byAge, [
      { minDays: 0, maxDays: 7, count: 1, overdue: 0 },
      { minDays: 7, maxDays: 14, count: 1, overdue: 1 },
      { minDays: 14, maxDays: 30, count: 0, overdue: 0 },
      { minDays: 30, maxDays: 90, count: 1, overdue: 0 },
      { minDays: 90, maxDays: null, count: 0, overdue: 0 },
    ]);
    assert.deepEqual(backlog.byType, [{ type: 'contact', count: 3, overdue: 1 }]);
  });

  it('divides by calendar month; without a period it covers the last 13 weeks up to today', async () => {
    const monthly = await report('?from=2026-02-15&to=2026-03-31&interval=month');
    assert.deepEqual(monthly.buckets, ['2026-02-01', '2026-03-01']);
    assert.deepEqual([monthly.intake.total, monthly.intake.counts], [8, [1, 7]]);
    assert.deepEqual(
      monthly.deadlines.perBucket.map((row: any) => [row.closed, row.onTime]),
      [
        [0, 0],
        [5, 3],
      ],
    );
    const standard = await report('');
    assert.deepEqual(standard.period, { from: '2026-01-01', to: '2026-04-01', interval: 'week' });
    assert.equal(standard.buckets[0], '2025-12-29');
    assert.equal(standard.intake.total, 8);
  });

  it('never counts another housing company’s cases, and that company sees only its own', async () => {
    const mine = await report('?from=2026-03-02&to=2026-03-29');
    assert.doesNotMatch(JSON.stringify(mine), new RegExp(`${other.clerk.id}|${other.admin.id}|${other.building.id}`));
    const theirs = await report('?from=2026-03-02&to=2026-03-29', otherClerk);
    assert.deepEqual([theirs.intake.total, theirs.intake.counts], [3, [1, 1, 1, 0]]);
    assert.deepEqual([theirs.deadlines.closed, theirs.deadlines.onTime], [2, 0]);
    assert.deepEqual([theirs.processing.done, theirs.processing.medianHours], [1, 432]);
    assert.deepEqual([theirs.backlog.total, theirs.backlog.overdue], [1, 1]);
    assert.doesNotMatch(JSON.stringify(theirs), new RegExp(`${company.clerk.id}|${company.building.id}|${harbour}`));
  });

  it('refuses a wrong period in German, field by field', async () => {
    const refused = async (query: string, field: string, message: RegExp) => {
      const answer = await clerk.get(`/api/staff/reports/cases${query}`);
      assert.equal(answer.status, 400, query);
      assert.equal(answer.body.error.code, 'validation_failed', query);
      const issue = answer.body.error.details.fields.find((entry: { path: string }) => entry.path === field);
      assert.ok(issue, `${query}: ${JSON.stringify(answer.body)}`);
      assert.match(issue.message, message, query);
    };
    await refused('?from=2026-03-29&to=2026-03-02', 'to', /Enddatum darf nicht vor dem Startdatum/);
    await refused('?from=2024-01-01&to=2026-03-02', 'to', /höchstens zwei Jahren/);
    await refused('?from=2026-02-30&to=2026-03-02', 'from', /Dieses Datum gibt es nicht/);
    await refused('?from=1.3.2026', 'from', /JJJJ-MM-TT/);
    await refused('?from=2026-03-01&from=2026-03-02', 'from', /JJJJ-MM-TT/);
    await refused('?interval=day', 'interval', /„week“ .* „month“/);
    // A `from` far back with today's `to` (by default) is too long as well.
    await refused('?from=2020-01-01', 'to', /höchstens zwei Jahren/);
  });

  it('is for staff only', async () => {
    const resident = await signInResident(server, company);
    assert.equal((await resident.get('/api/staff/reports/cases')).status, 403);
    assert.equal((await new TestClient(server.url).get('/api/staff/reports/cases')).status, 401);
  });
});
