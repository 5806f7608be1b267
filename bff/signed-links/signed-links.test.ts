import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { RunningServer } from '../server.ts';
import type { Database } from '../db/database.ts';
import { withScope } from '../db/scope.ts';
import { closeTestDatabase, startTestServer, testDatabase, TestClient } from '../test/harness.ts';
import { createHousingCompany, type HousingCompany } from '../test/fixtures.ts';
import { signInStaff } from '../test/sign-in.ts';
import { createListing } from '../leads/lead-test-support.ts';
import { asInvitee, createSlot, insertLead, invite } from '../viewings/viewing-test-support.ts';
import { createSignedLinks } from './signed-links.ts';
import { signedLinkKey, signLink } from './token.ts';

/**
 * Signed public links over HTTP (through the viewing booking, their first purpose) and in the database: each
 * refusal has its stable code and German text; a clock the test moves decides expiry.
 */
const SESSION_SECRET = 'signed-links-test-session-secret-0123456789';

describe('signed public links', () => {
  let server: RunningServer;
  let db: Database;
  let company: HousingCompany;
  let other: HousingCompany;
  let clerk: TestClient;
  let listingId: string;
  let offsetMs = 0;
  const clock = { now: () => new Date(Date.now() + offsetMs) };
  const links = () => createSignedLinks({ db, key: signedLinkKey(SESSION_SECRET), clock });
  const visitor = () => new TestClient(server.url);

  before(async () => {
    db = (await testDatabase()).db;
    server = await startTestServer({ SESSION_SECRET }, { clock });
    [company, other] = [await createHousingCompany(db), await createHousingCompany(db)];
    clerk = await signInStaff(server, company, 'clerk');
    listingId = (await createListing(clerk, company)).id;
  });
  after(async () => {
    await server.stop();
    await closeTestDatabase();
  });

  const refusal = async (answer: Promise<{ status: number; body: any }>) => {
    const { status, body } = await answer;
    return [status, body?.error?.code, body?.error?.message];
  };

  it('without a token: 401 link_missing', async () => {
    assert.deepEqual(await refusal(asInvitee(visitor(), undefined).state()), [
      401,
      'link_missing',
      'Der Link ist unvollständig. Bitte öffnen Sie den Link aus Ihrer E-Mail vollständig.',
    ]);
  });

  it('a tampered token is link_invalid: another company or lead written into it, a changed signature, a cut token', async () => {
    const lead = await insertLead(db, company, listingId);
    const { token } = await invite(clerk, lead.id);
    assert.equal((await asInvitee(visitor(), token).state()).status, 200);
    const [version, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const rewrite = (change: Record<string, unknown>) =>
      [version, Buffer.from(JSON.stringify({ ...claims, ...change })).toString('base64url'), signature].join('.');
    const otherLead = await insertLead(db, other, null);
    for (const tampered of [
      rewrite({ t: other.tenant.id }),
      rewrite({ s: otherLead.id }),
      rewrite({ e: claims.e + 365 * 86_400 }),
      `${version}.${payload}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`,
      token.slice(0, -10),
      'v1.eyJ9.AAAA',
    ]) {
      assert.deepEqual(await refusal(asInvitee(visitor(), tampered).state()), [
        401,
        'link_invalid',
        'Dieser Link ist ungültig oder wurde verändert. Bitte öffnen Sie den Link aus Ihrer E-Mail.',
      ]);
    }
    // Signed with this installation's key, but never issued: no row, no access.
    const unissued = signLink(signedLinkKey(SESSION_SECRET), {
      ...claims,
      linkId: randomUUID(),
      purpose: 'viewing-booking',
      tenantId: claims.t,
      subjectId: claims.s,
      expiresAt: new Date(claims.e * 1000),
    });
    assert.equal((await refusal(asInvitee(visitor(), unissued).state()))[1], 'link_invalid');
  });

  it('a valid link of another purpose is link_wrong_purpose', async () => {
    const lead = await insertLead(db, company, listingId);
    const consent = await withScope(db, { role: 'clerk', tenantId: company.tenant.id, accountId: company.clerk.id }, (tx) =>
      links().issue(tx, {
        tenantId: company.tenant.id,
        purpose: 'credit-check-consent',
        subjectId: lead.id,
        validForMs: 86_400_000,
        singleUse: true,
      }),
    );
    assert.deepEqual(await refusal(asInvitee(visitor(), consent.token).state()), [
      403,
      'link_wrong_purpose',
      'Dieser Link ist für einen anderen Zweck bestimmt und gilt hier nicht.',
    ]);
  });

  it('an expired link is link_expired, by the clock at the time of the request', async () => {
    const lead = await insertLead(db, company, listingId);
    const { token, expiresAt } = await invite(clerk, lead.id, { validDays: 2 });
    assert.equal(Date.parse(expiresAt) - Date.now() > 47 * 3_600_000, true);
    offsetMs = 2 * 86_400_000 + 1000;
    try {
      assert.deepEqual(await refusal(asInvitee(visitor(), token).state()), [
        410,
        'link_expired',
        'Dieser Link ist abgelaufen. Bitte bitten Sie Ihre Hausverwaltung um einen neuen Link.',
      ]);
    } finally {
      offsetMs = 0;
    }
    assert.equal((await asInvitee(visitor(), token).state()).status, 200);
  });

  it('staff revoke a link: link_revoked from then on; a new invitation revokes the earlier link; another company cannot revoke it', async () => {
    const lead = await insertLead(db, company, listingId);
    const first = await invite(clerk, lead.id);
    const second = await invite(clerk, lead.id);
    assert.deepEqual((await refusal(asInvitee(visitor(), first.token).state())).slice(0, 2), [410, 'link_revoked']);
    assert.equal((await asInvitee(visitor(), second.token).state()).status, 200);
    const otherClerk = await signInStaff(server, other, 'clerk');
    assert.equal((await otherClerk.delete(`/api/staff/signed-links/${second.linkId}`)).status, 404);
    assert.equal((await asInvitee(visitor(), second.token).state()).status, 200);
    assert.equal((await clerk.delete(`/api/staff/signed-links/${second.linkId}`)).status, 204);
    const slot = await createSlot(clerk, listingId);
    assert.deepEqual(await refusal(asInvitee(visitor(), second.token).book(slot.id)), [
      410,
      'link_revoked',
      'Dieser Link gilt nicht mehr. Bitte wenden Sie sich an Ihre Hausverwaltung.',
    ]);
  });

  it('a lead that was rejected makes its link void', async () => {
    const lead = await insertLead(db, company, listingId);
    const { token } = await invite(clerk, lead.id);
    await withScope(db, { role: 'clerk', tenantId: company.tenant.id, accountId: company.clerk.id }, (tx) =>
      tx.query(`UPDATE leads SET status = 'abgelehnt' WHERE id = $1`, [lead.id]),
    );
    assert.equal((await refusal(asInvitee(visitor(), token).state()))[1], 'link_revoked');
    const refused = await clerk.post(`/api/staff/leads/${lead.id}/viewing-invitation`, {});
    assert.equal(refused.body.error.code, 'lead_closed');
  });

  it('a single-use link works once: link_used afterwards; a failed use leaves it unused', async () => {
    const subjectId = randomUUID();
    const issued = await withScope(db, { role: 'clerk', tenantId: company.tenant.id, accountId: company.clerk.id }, (tx) =>
      links().issue(tx, { tenantId: company.tenant.id, purpose: 'credit-check-consent', subjectId, validForMs: 60_000, singleUse: true }),
    );
    await assert.rejects(
      links().open(issued.token, 'credit-check-consent', async () => {
        throw new Error('Zustimmung konnte nicht gespeichert werden');
      }),
      /Zustimmung/,
    );
    assert.deepEqual(await links().open(issued.token, 'credit-check-consent', async (_tx, link) => link.subjectId), subjectId);
    await assert.rejects(
      links().open(issued.token, 'credit-check-consent', async () => 'again'),
      (error: any) => error.code === 'link_used' && error.status === 410,
    );
  });
});

describe('signed public links are rate-limited per address', () => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer({ SIGNED_LINK_RATE_LIMIT_PER_MINUTE: '3' });
  });
  after(async () => {
    await server.stop();
    await closeTestDatabase();
  });

  it('the fourth request of a minute from one address is 429 rate_limited in German', async () => {
    const client = new TestClient(server.url);
    const statuses: number[] = [];
    let last: any;
    for (let i = 0; i < 4; i += 1) {
      last = await asInvitee(client, `v1.guess${i}.AAAA`).state();
      statuses.push(last.status);
    }
    assert.deepEqual(statuses, [401, 401, 401, 429]);
    assert.equal(last.body.error.code, 'rate_limited');
    assert.match(last.body.error.message, /Zu viele Anfragen/);
  });
});
