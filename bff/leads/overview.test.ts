import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningServer } from '../server.ts';
import { closeTestDatabase, startTestServer, testDatabase, type TestClient } from '../test/harness.ts';
import { createHousingCompany, type HousingCompany } from '../test/fixtures.ts';
import { signInResident, signInStaff } from '../test/sign-in.ts';
import { createListing, createWebhookSecret, hookPath, is24Enquiry, postWebhook, signedHeaders } from './lead-test-support.ts';

/**
 * The daily overview: leads per stage with the time in stage, per listing and per source, and the last 24 hours —
 * counts of the own housing company only, without names or contact data.
 */
describe('the lead pipeline’s daily overview', () => {
  let server: RunningServer;
  let company: HousingCompany;
  let other: HousingCompany;
  let clerk: TestClient;
  let flat: { id: string; is24: string; iw: string };
  let studio: { id: string; is24: string; iw: string };
  /** The server's clock runs this far ahead of the real one. */
  let ahead = 0;
  const DAY = 86_400_000;

  const overview = async (as = clerk) => {
    const answer = await as.get('/api/staff/leads/overview');
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    return answer.body;
  };

  before(async () => {
    const { db } = await testDatabase();
    server = await startTestServer({}, { clock: { now: () => new Date(Date.now() + ahead) } });
    company = await createHousingCompany(db);
    other = await createHousingCompany(db);
    clerk = await signInStaff(server, company, 'clerk');
    const admin = await signInStaff(server, company, 'admin');
    const secrets = {
      immoscout24: (await createWebhookSecret(admin, 'immoscout24')).value,
      immowelt: (await createWebhookSecret(admin, 'immowelt')).value,
    };
    const listing = async (title: string) => {
      const is24 = `IS24-${title.length}-${Date.now()}`;
      const created = await createListing(clerk, company, {
        title,
        portalIds: [
          { provider: 'immoscout24', providerListingId: is24 },
          { provider: 'immowelt', providerListingId: `IW-${title.length}-${Date.now()}` },
        ],
      });
      return { id: created.id, is24, iw: created.portalIds.find((portal) => portal.provider === 'immowelt')!.providerListingId };
    };
    flat = await listing('3-Zimmer-Wohnung am Park');
    studio = await listing('Studio an der Alster');
    const deliver = async (provider: 'immoscout24' | 'immowelt', listingId: string, name: string) => {
      const raw = JSON.stringify(is24Enquiry(listingId, { firstName: name, lastName: 'Beispiel', email: `${name}@example.org` }));
      const answer = await postWebhook(server.url, hookPath(company, provider), raw, signedHeaders(secrets[provider], raw));
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      return answer.body.leadId as string;
    };
    const first = await deliver('immoscout24', flat.is24, 'Anna');
    await deliver('immoscout24', flat.is24, 'Bert');
    await deliver('immowelt', flat.iw, 'Cora');
    await deliver('immoscout24', studio.is24, 'Dana');
    await deliver('immoscout24', 'IS24-GIBTESNICHT', 'Emil');
    const version = (await clerk.get(`/api/staff/leads/${first}/lifecycle`)).body.lead.version;
    const rejected = await clerk.post(`/api/staff/leads/${first}/move`, {
      version,
      to: 'abgelehnt',
      reasonCode: 'einzugstermin_unpassend',
    });
    assert.equal(rejected.status, 200, JSON.stringify(rejected.body));
  });
  after(async () => {
    await server.stop();
    await closeTestDatabase();
  });

  it('counts leads per stage, listing and source, and the last 24 hours, without any name or address', async () => {
    const figures = await overview();
    assert.equal(figures.total, 5);
    assert.deepEqual(
      figures.stages.map((stage: { column: string; count: number }) => [stage.column, stage.count]),
      [
        ['nicht_zugeordnet', 1],
        ['offen', 3],
        ['kontaktiert', 0],
        ['besichtigt', 0],
        ['akzeptiert', 0],
        ['abgelehnt', 1],
      ],
    );
    assert.deepEqual(
      figures.listings.map((row: any) => [row.listing?.title ?? null, row.total, row.inProgress, row.columns]),
      [
        ['3-Zimmer-Wohnung am Park', 3, 2, { offen: 2, abgelehnt: 1 }],
        [null, 1, 1, { nicht_zugeordnet: 1 }],
        ['Studio an der Alster', 1, 1, { offen: 1 }],
      ],
    );
    assert.deepEqual(figures.sources, [
      { source: 'immoscout24', count: 4 },
      { source: 'immowelt', count: 1 },
    ]);
    assert.deepEqual(figures.last24Hours, { newLeads: 5, moves: 1 });
    assert.doesNotMatch(JSON.stringify(figures), /Beispiel|example\.org|Birkenweg|0151/);
  });

  it('says how long leads have been in their stage, by the clock', async () => {
    ahead = 3 * DAY;
    try {
      const figures = await overview();
      const offen = figures.stages.find((stage: { column: string }) => stage.column === 'offen');
      assert.ok(Math.abs(offen.medianDaysInStage - 3) <= 0.1 && Math.abs(offen.longestDaysInStage - 3) <= 0.1, JSON.stringify(offen));
      const empty = figures.stages.find((stage: { column: string }) => stage.column === 'kontaktiert');
      assert.deepEqual([empty.medianDaysInStage, empty.longestDaysInStage], [null, null]);
      assert.deepEqual(figures.last24Hours, { newLeads: 0, moves: 0 }, 'nothing happened in the last day of that clock');
    } finally {
      ahead = 0;
    }
  });

  it('shows another housing company only its own (empty) pipeline, and residents nothing', async () => {
    const figures = await overview(await signInStaff(server, other, 'clerk'));
    assert.equal(figures.total, 0);
    assert.deepEqual(figures.listings, []);
    const resident = await signInResident(server, company);
    assert.equal((await resident.get('/api/staff/leads/overview')).status, 403);
  });
});
