import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningServer } from '../server.ts';
import { closeTestDatabase, startTestServer } from '../test/harness.ts';
import { signInResident, signInStaff } from '../test/sign-in.ts';
import { createCaseCompany, damageChoice } from './case-test-support.ts';
import { addWorkingDays, caseDeadline, isWorkingDay } from './deadlines.ts';

const HOUR = 3_600_000;
/** Berlin wall-clock time of an instant, `YYYY-MM-DD HH:mm`. */
const berlin = (instant: Date) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', dateStyle: 'short', timeStyle: 'short' }).format(instant);

describe('case deadlines in working days', () => {
  it('skips weekends and the public holidays of the company’s state, keeping the time of day', () => {
    // Friday 16:30 in Berlin, 1 working day: Monday 16:30.
    assert.equal(berlin(addWorkingDays(new Date('2026-11-20T15:30:00Z'), 1, null)), '2026-11-23 16:30');
    // Thursday before Easter 2026 (2 April), 2 working days: Good Friday and Easter Monday do not count → Wednesday.
    assert.equal(berlin(addWorkingDays(new Date('2026-04-02T08:00:00Z'), 2, 'NW')), '2026-04-08 10:00');
    // Reformationstag (31 October 2025, a Friday) is a holiday in Niedersachsen, not in Bayern.
    const thursday = new Date('2025-10-30T09:00:00Z');
    assert.equal(berlin(addWorkingDays(thursday, 1, 'NI')), '2025-11-03 10:00');
    assert.equal(berlin(addWorkingDays(thursday, 1, 'BY')), '2025-10-31 10:00');
    // Allerheiligen (1 November) is a holiday in Bayern; 2026 it falls on a Sunday anyway.
    assert.equal(isWorkingDay('2027-11-01', 'BY'), false);
    assert.equal(isWorkingDay('2027-11-01', 'NI'), true);
    // Without a state, only nationwide holidays: Tag der Deutschen Einheit, not Fronleichnam.
    assert.equal(isWorkingDay('2030-10-03', null), false);
    assert.equal(isWorkingDay('2026-06-04', null), true);
    assert.equal(isWorkingDay('2026-06-04', 'BW'), false);
  });

  it('keeps the German time of day across the change to summer and winter time', () => {
    // Friday 27 March 2026 09:00 CET; summer time starts on Sunday: Monday 09:00 CEST is 71 hours later.
    const friday = new Date('2026-03-27T08:00:00Z');
    const monday = addWorkingDays(friday, 1, null);
    assert.equal(berlin(monday), '2026-03-30 09:00');
    assert.equal((monday.getTime() - friday.getTime()) / HOUR, 71);
    // Friday 23 October 2026 09:00 CEST; winter time on Sunday: 73 hours.
    const october = new Date('2026-10-23T07:00:00Z');
    assert.equal((addWorkingDays(october, 1, null).getTime() - october.getTime()) / HOUR, 73);
  });

  it('uses the standard deadline in hours where the company set none', () => {
    const filed = new Date('2026-11-20T15:30:00Z');
    const rules = { federalState: null, deadlineWorkingDays: { damage: { normal: 5 } } };
    assert.equal(caseDeadline(filed, 'damage', 'emergency', rules).getTime() - filed.getTime(), 24 * HOUR);
    assert.equal(caseDeadline(filed, 'contact', 'normal', rules).getTime() - filed.getTime(), 5 * 24 * HOUR);
    assert.equal(berlin(caseDeadline(filed, 'damage', 'normal', rules)), '2026-11-27 16:30');
  });
});

describe('case deadlines set by the housing company', () => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await server.stop();
    await closeTestDatabase();
  });

  it('an admin sets working days per type and urgency and the state; new cases get them, others keep the standard', async () => {
    const company = await createCaseCompany(server);
    const admin = await signInStaff(server, company, 'admin');
    const changed = await admin.patch('/api/staff/settings', {
      federalState: 'BY',
      deadlineWorkingDays: { damage: { urgent: 2 }, complaint: { normal: 10 } },
    });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.deepEqual(changed.body.settings.deadlineWorkingDays, { damage: { urgent: 2 }, complaint: { normal: 10 } });
    assert.equal(changed.body.settings.federalState, 'BY');

    const resident = await signInResident(server, company);
    const clerk = await signInStaff(server, company, 'clerk');
    const damage = await damageChoice(resident);
    const deadlineOf = async (filing: Record<string, unknown>) => {
      const filed = await resident.post('/api/cases', filing);
      assert.equal(filed.status, 201, JSON.stringify(filed.body));
      const { body } = await clerk.get(`/api/staff/cases/${filed.body.case.id}`);
      return { createdAt: new Date(body.case.createdAt), deadlineAt: new Date(body.case.deadlineAt) };
    };
    const urgent = await deadlineOf({ type: 'damage', ...damage, urgency: 'urgent', description: 'Heizung kalt' });
    assert.equal(
      urgent.deadlineAt.getTime(),
      addWorkingDays(urgent.createdAt, 2, 'BY').getTime(),
      'damage, urgent: 2 working days in Bayern',
    );
    const emergency = await deadlineOf({ type: 'damage', ...damage, urgency: 'emergency', description: 'Rohrbruch' });
    assert.equal(emergency.deadlineAt.getTime() - emergency.createdAt.getTime(), 24 * HOUR, 'emergency: the standard 24 hours');
    const complaint = await deadlineOf({ type: 'complaint', title: 'Lärm', description: 'Nachts laut.', urgency: 'normal' });
    assert.equal(complaint.deadlineAt.getTime(), addWorkingDays(complaint.createdAt, 10, 'BY').getTime());

    // Another housing company keeps the standard deadlines.
    const other = await createCaseCompany(server);
    const otherResident = await signInResident(server, other);
    const otherClerk = await signInStaff(server, other, 'clerk');
    const filed = await otherResident.post('/api/cases', {
      type: 'damage',
      ...(await damageChoice(otherResident)),
      urgency: 'urgent',
      description: 'Heizung',
    });
    const { body } = await otherClerk.get(`/api/staff/cases/${filed.body.case.id}`);
    assert.equal(Date.parse(body.case.deadlineAt) - Date.parse(body.case.createdAt), 72 * HOUR);
  });

  it('refuses a deadline that is not 1 to 60 working days, an unknown case type or state, with German messages at the field', async () => {
    const company = await createCaseCompany(server);
    const admin = await signInStaff(server, company, 'admin');
    const refused = async (change: Record<string, unknown>, path: string, message: RegExp) => {
      const { status, body } = await admin.patch('/api/staff/settings', change);
      assert.equal(status, 400, JSON.stringify(body));
      const field = (body.error.details.fields as Array<{ path: string; message: string }>).find((candidate) => candidate.path === path);
      assert.ok(field, `${path} in ${JSON.stringify(body.error.details)}`);
      assert.match(field.message, message);
    };
    await refused({ deadlineWorkingDays: { damage: { normal: 0 } } }, 'deadlineWorkingDays.damage.normal', /Mindestens 1 Arbeitstag/);
    await refused({ deadlineWorkingDays: { damage: { normal: 61 } } }, 'deadlineWorkingDays.damage.normal', /Höchstens 60 Arbeitstage/);
    await refused({ deadlineWorkingDays: { damage: { normal: 2.5 } } }, 'deadlineWorkingDays.damage.normal', /ganze Zahl/);
    await refused({ federalState: 'XX' }, 'federalState', /Bundesland/);
    const unknownType = await admin.patch('/api/staff/settings', { deadlineWorkingDays: { repair: { normal: 3 } } });
    assert.equal(unknownType.status, 400);
    assert.match(JSON.stringify(unknownType.body.error), /Unbekannte Vorgangsart/);
    assert.deepEqual((await admin.get('/api/staff/settings')).body.settings.deadlineWorkingDays, {}, 'nothing stored');
  });
});
