import type { RunningServer } from '../server.ts';
import { addOwner, asResident, createHousingCompany, type HousingCompany } from './fixtures.ts';
import { TestClient } from './harness.ts';
import { activateAccount, nextTotpCode, signInWithPassword, type Credentials } from './sign-in.ts';
import { PDF, uploadOne } from '../uploads/upload-test-support.ts';
import { asTenantAdmin } from '../tenants/use-cases.ts';
import { setTenancy } from '../onboarding/use-cases.ts';

/**
 * Fixtures for the browser end-to-end tests (web-test-runner.config.mjs serves them under `/e2e/*`):
 * a fresh housing company whose resident, clerk and admin are activated with TOTP through the real API,
 * and routing rules "damage → the clerk" and "document request → the clerk" set by the admin. The browser signs in with a password and a
 * TOTP code from `nextSignInCode`, which never hands out a period's code twice for one account.
 */
export interface CaseCompany {
  company: HousingCompany;
  credentials: { resident: Credentials; clerk: Credentials; admin: Credentials };
}

const byEmail = new Map<string, Credentials>();

export async function createCaseCompany(server: Pick<RunningServer, 'url' | 'db'>): Promise<CaseCompany> {
  const company = await createHousingCompany(server.db);
  const activate = async (who: 'resident' | 'clerk' | 'admin') => {
    const client = new TestClient(server.url);
    const credentials = await activateAccount(client, company, who);
    byEmail.set(credentials.email, credentials);
    return { client, credentials };
  };
  const [resident, clerk, admin] = [await activate('resident'), await activate('clerk'), await activate('admin')];
  for (const caseType of ['damage', 'document_request']) {
    const rule = await admin.client.request('PUT', '/api/staff/case-routing-rules', { caseType, assigneeId: company.clerk.id });
    if (rule.status !== 200) throw new Error(`routing rule ${caseType}: HTTP ${rule.status} ${JSON.stringify(rule.body)}`);
  }
  // The fixture's sessions are not needed any more: the browser signs in on its own.
  await Promise.all([resident, clerk, admin].map(({ client }) => client.post('/api/auth/logout')));
  return { company, credentials: { resident: resident.credentials, clerk: clerk.credentials, admin: admin.credentials } };
}

/** A TOTP code the BFF has not accepted yet for the account of `email` (waits for the next period when needed). */
export async function nextSignInCode(email: string): Promise<string> {
  const credentials = byEmail.get(email);
  if (!credentials) throw new Error(`no e2e account ${email}`);
  return nextTotpCode(credentials);
}

/** The resident's tenancy as onboarding imports it, with the utility billing period 2025 (the chat's questions need it). */
export async function giveTenancy(server: Pick<RunningServer, 'db'>, { company }: CaseCompany): Promise<void> {
  await asTenantAdmin(server.db, company.tenant.id, (tx) =>
    setTenancy(tx, company.tenant.id, company.resident.externalRef, {
      tenancyStart: '2019-04-01',
      coldRent: 612.4,
      advancePayments: [{ label: 'Betriebskosten', amount: 145 }],
      billingPeriodStart: '2025-01-01',
      billingPeriodEnd: '2025-12-31',
    }),
  );
}

/**
 * An owner of the resident's rented-out flat (docs/owners.md), activated like the others, and documents the clerk
 * published through the API to that flat and its building: for tenants, for owners and for all.
 */
export async function addOwnerWithDocuments(server: Pick<RunningServer, 'url' | 'db'>, created: CaseCompany): Promise<Credentials> {
  const { company } = created;
  const owner = await addOwner(server.db, company);
  const client = new TestClient(server.url);
  const credentials = await activateAccount(client, asResident(company, owner), 'resident');
  byEmail.set(credentials.email, credentials);
  await client.post('/api/auth/logout');
  const clerk = await signInWithPassword(server, created.credentials.clerk);
  const documents = [
    { title: 'Ablesung der Wasserzähler', audience: 'unit', audienceId: company.units[0].id, readers: 'tenants', category: 'letter' },
    { title: 'Hausgeldabrechnung 2025', audience: 'unit', audienceId: company.units[0].id, readers: 'owners', category: 'owner_statement' },
    {
      title: 'Protokoll der Eigentümerversammlung 2026',
      audience: 'building',
      audienceId: company.building.id,
      readers: 'owners',
      category: 'meeting_minutes',
    },
    { title: 'Wartung der Rauchmelder', audience: 'building', audienceId: company.building.id, readers: 'all', category: 'letter' },
  ];
  for (const document of documents) {
    const upload = await uploadOne(clerk, PDF, 'Dokument.pdf');
    const published = await clerk.post('/api/staff/documents', { uploadId: upload.body.upload.id, ...document });
    if (published.status !== 201) throw new Error(`publish ${document.title}: HTTP ${published.status} ${JSON.stringify(published.body)}`);
  }
  await clerk.post('/api/auth/logout');
  return credentials;
}
