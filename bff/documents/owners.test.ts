import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningServer } from '../server.ts';
import { closeTestDatabase, startTestServer, type TestClient } from '../test/harness.ts';
import { addOwner, asResident, type HousingCompany } from '../test/fixtures.ts';
import { signInResident, signInStaff } from '../test/sign-in.ts';
import { connectSocket, createCaseCompany, documentTypeId, recordEvents } from '../cases/case-test-support.ts';
import { PDF, uploadOne } from '../uploads/upload-test-support.ts';

/**
 * Owners beside tenants (docs/owners.md): the owner and the tenant of the same rented-out flat each see the
 * documents meant for them — for tenants, for owners, for all — and the document types offered to them; a document
 * to one person reaches that person whatever they are.
 */
describe('owners and tenants of the same flat', () => {
  let server: RunningServer;
  let company: HousingCompany;
  let clerk: TestClient;
  let tenant: TestClient;
  let owner: TestClient;
  let ownerId: string;

  before(async () => {
    server = await startTestServer();
    company = await createCaseCompany(server);
    // Otto owns the flat Erika rents (G-1-01) and the one next door, where Max lives.
    const otto = await addOwner(server.db, company, ['G-1-01', 'G-1-02']);
    ownerId = otto.id;
    clerk = await signInStaff(server, company, 'clerk');
    tenant = await signInResident(server, company);
    owner = await signInResident(server, asResident(company, otto));
  });
  after(async () => {
    await server.stop();
    await closeTestDatabase();
  });

  async function publish(body: Record<string, unknown>) {
    const upload = await uploadOne(clerk, PDF, 'Dokument.pdf');
    assert.equal(upload.status, 201, JSON.stringify(upload.body));
    const response = await clerk.post('/api/staff/documents', { uploadId: upload.body.upload.id, category: 'letter', ...body });
    assert.equal(response.status, 201, JSON.stringify(response.body));
    return response.body.document;
  }
  const titles = async (client: TestClient) =>
    ((await client.get('/api/documents')).body.items as Array<{ title: string }>).map((item) => item.title).sort();

  it('each sees what is meant for them: for tenants, for owners, for all — of the unit and of the building — live too', async () => {
    const tenantSocket = await connectSocket(server, tenant);
    const ownerSocket = await connectSocket(server, owner);
    try {
      const tenantLive = recordEvents(tenantSocket, 'document:published');
      const ownerLive = recordEvents(ownerSocket, 'document:published');
      const unit = company.units[0].id;
      const forTenants = await publish({ title: 'Zählerablesung', audience: 'unit', audienceId: unit, readers: 'tenants' });
      const forOwners = await publish({
        title: 'Hausgeldabrechnung 2025',
        category: 'owner_statement',
        audience: 'unit',
        audienceId: unit,
        readers: 'owners',
      });
      await publish({ title: 'Rauchmelderwartung', audience: 'unit', audienceId: unit });
      const minutes = await publish({
        title: 'Protokoll der Eigentümerversammlung 2026',
        category: 'meeting_minutes',
        audience: 'building',
        audienceId: company.building.id,
        readers: 'owners',
      });
      await publish({ title: 'Hausordnung 2026', audience: 'building', audienceId: company.building.id, readers: 'tenants' });
      await publish({ title: 'Persönlich an Otto', audience: 'resident', audienceId: ownerId });

      assert.deepEqual(await titles(tenant), ['Hausordnung 2026', 'Rauchmelderwartung', 'Zählerablesung']);
      assert.deepEqual(await titles(owner), [
        'Hausgeldabrechnung 2025',
        'Persönlich an Otto',
        'Protokoll der Eigentümerversammlung 2026',
        'Rauchmelderwartung',
      ]);
      // The neighbour (tenant of G-1-02) sees the tenants' building document only.
      assert.deepEqual(await titles(await signInResident(server, company, 'neighbour')), ['Hausordnung 2026']);

      // Opening another's document is "not found", for the file and the read receipt alike.
      for (const [client, document] of [
        [owner, forTenants],
        [tenant, forOwners],
      ] as const) {
        assert.equal((await client.get(`/api/documents/${document.id}/file`)).status, 404);
        assert.equal((await client.post(`/api/documents/${document.id}/read`, {})).status, 404);
      }
      // The staff view counts who a document reaches: the owner of both flats once, and nobody else.
      assert.deepEqual([forTenants.readers, forTenants.audienceSize], ['tenants', 1]);
      assert.deepEqual([minutes.readers, minutes.audienceSize], ['owners', 1]);

      await new Promise((resolve) => setTimeout(resolve, 200));
      const live = (events: any[]) => events.map((payload) => payload.document.title).sort();
      assert.deepEqual(live(tenantLive), ['Hausordnung 2026', 'Rauchmelderwartung', 'Zählerablesung']);
      assert.deepEqual(live(ownerLive), [
        'Hausgeldabrechnung 2025',
        'Persönlich an Otto',
        'Protokoll der Eigentümerversammlung 2026',
        'Rauchmelderwartung',
      ]);
    } finally {
      tenantSocket.disconnect();
      ownerSocket.disconnect();
    }
  });

  it('a document for the readers of one person is refused: readers are for a unit or a building', async () => {
    const upload = await uploadOne(clerk, PDF, 'Dokument.pdf');
    const refused = await clerk.post('/api/staff/documents', {
      uploadId: upload.body.upload.id,
      title: 'x',
      category: 'letter',
      audience: 'resident',
      audienceId: ownerId,
      readers: 'owners',
    });
    assert.deepEqual([refused.status, refused.body.error.code], [400, 'validation_failed']);
    assert.match(refused.body.error.details.fields[0].message, /Wohnung oder ein Gebäude/);
  });

  it('each is offered the document types meant for them, and cannot request another', async () => {
    const labels = async (client: TestClient) =>
      ((await client.get('/api/cases/catalogue')).body.documentTypes as Array<{ label: string }>).map((type) => type.label);
    const tenantTypes = await labels(tenant);
    const ownerTypes = await labels(owner);
    assert.ok(tenantTypes.includes('Mieterbescheinigung') && tenantTypes.includes('Hausordnung'));
    assert.ok(!tenantTypes.includes('Wirtschaftsplan'), 'no owner type for a tenant');
    assert.deepEqual(ownerTypes, ['Hausordnung', 'Hausgeldabrechnung (Kopie)', 'Wirtschaftsplan', 'Protokoll der Eigentümerversammlung']);

    const certificate = await documentTypeId(tenant, 'Mieterbescheinigung');
    const refused = await owner.post('/api/cases', { type: 'document_request', documentTypeId: certificate });
    assert.deepEqual([refused.status, refused.body.error.code], [400, 'unknown_document_type']);
    const plan = await owner.post('/api/cases', {
      type: 'document_request',
      documentTypeId: await documentTypeId(owner, 'Wirtschaftsplan'),
    });
    assert.equal(plan.status, 201, JSON.stringify(plan.body));
    // Staff see every type.
    assert.ok((await labels(clerk)).includes('Mieterbescheinigung'));
  });
});
