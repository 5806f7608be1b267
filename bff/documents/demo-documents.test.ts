import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningServer } from '../server.ts';
import { closeTestDatabase, startTestServer } from '../test/harness.ts';
import { signInResident } from '../test/sign-in.ts';
import { createCaseCompany } from '../cases/case-test-support.ts';
import { seedDemoDocuments, type DemoDocument } from './demo-documents.ts';
import { downloadFile } from './document-test-support.ts';

describe('documents: demo letters', () => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await server.stop();
    await closeTestDatabase();
  });

  const letters: DemoDocument[] = [
    {
      title: 'Hausordnung',
      category: 'contract',
      audience: 'building',
      ref: 'G-1',
      fileName: 'Hausordnung.pdf',
      daysAgo: 30,
      paragraphs: ['Ruhezeiten von 22 bis 6 Uhr.'],
    },
    {
      title: 'Betriebskostenabrechnung 2025',
      category: 'utility_statement',
      audience: 'resident',
      ref: 'M-1001',
      fileName: 'BK-2025.pdf',
      daysAgo: 3,
      paragraphs: ['Guthaben: 86,40 €.'],
    },
    {
      title: 'Unbekanntes Gebäude',
      category: 'letter',
      audience: 'building',
      ref: 'X-404',
      fileName: 'x.pdf',
      daysAgo: 1,
      paragraphs: ['—'],
    },
  ];

  it('are published once as the clerk, newest first, as real PDFs; a second start adds nothing', async () => {
    const company = await createCaseCompany(server);
    const seed = () =>
      seedDemoDocuments(server.db, { tenantId: company.tenant.id, name: company.tenant.name, clerkEmail: company.clerk.email }, letters);
    await seed();
    await seed();
    const resident = await signInResident(server, company);
    const inbox = await resident.get('/api/documents');
    assert.deepEqual(
      inbox.body.items.map((item: { title: string }) => item.title),
      ['Betriebskostenabrechnung 2025', 'Hausordnung'],
    );
    assert.equal(inbox.body.unreadCount, 2);
    const file = await downloadFile(resident, `/api/documents/${inbox.body.items[0].id}/file`);
    assert.equal(file.content.subarray(0, 5).toString('latin1'), '%PDF-');
    const neighbour = await signInResident(server, company, 'neighbour');
    assert.deepEqual(
      (await neighbour.get('/api/documents')).body.items.map((item: { title: string }) => item.title),
      ['Hausordnung'],
    );
  });
});
