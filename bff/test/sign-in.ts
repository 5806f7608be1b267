import { currentTotp } from '../auth/totp.ts';
import type { RunningServer } from '../server.ts';
import type { HousingCompany } from './fixtures.ts';
import { TestClient, type JsonResponse } from './harness.ts';

/**
 * Sign-in helpers for tests: each returns a TestClient whose session is signed in through the real API
 * (activation with the fixture's letter code, TOTP enrolment, confirmation).
 */

export const TEST_PASSWORD = 'Sommer-Regen-2026!';

export type FixtureAccount = 'resident' | 'neighbour' | 'clerk' | 'admin';

export interface Credentials {
  tenant: string;
  email: string;
  password: string;
  audience: 'resident' | 'staff';
  totpSecret: string;
  /** The last TOTP period used for this account; the BFF accepts each period's code only once. */
  lastTotpStep: number;
}

function expectStatus(response: JsonResponse, status: number, what: string): void {
  if (response.status !== status) {
    throw new Error(`${what}: expected HTTP ${status}, got ${response.status} ${JSON.stringify(response.body)}`);
  }
}

const PERIOD_MS = 30_000;

/** The TOTP code `steps` periods from now (the BFF accepts one period either side of its clock). */
export function totpCode(secret: string, steps = 0): Promise<string> {
  return currentTotp(secret, Date.now() + steps * PERIOD_MS);
}

/**
 * A code the BFF has not seen yet for this account: the current or the next period, whichever is later
 * than the last one used; when both are used up, waits for the next period (at most 30 s).
 */
export async function nextTotpCode(credentials: Credentials): Promise<string> {
  for (;;) {
    const now = Date.now();
    const step = Math.floor(now / PERIOD_MS);
    const unused = [step, step + 1].find((candidate) => candidate > credentials.lastTotpStep);
    if (unused !== undefined) {
      credentials.lastTotpStep = unused;
      return currentTotp(credentials.totpSecret, unused * PERIOD_MS);
    }
    await new Promise((resolve) => setTimeout(resolve, (step + 1) * PERIOD_MS - now + 50));
  }
}

/**
 * Activates one of the fixture's accounts on `client` and enrols TOTP; the client ends up signed in.
 * Returns what a later password login needs.
 */
export async function activateAccount(client: TestClient, company: HousingCompany, who: FixtureAccount = 'resident'): Promise<Credentials> {
  const account = company[who];
  const audience = who === 'clerk' || who === 'admin' ? 'staff' : 'resident';
  const activated = await client.post('/api/auth/activate', {
    tenant: company.tenant.slug,
    code: account.activationCode,
    email: account.email,
    password: TEST_PASSWORD,
  });
  expectStatus(activated, 200, `activate ${who}`);
  client.resetCsrf();
  const enrolment = await client.post('/api/auth/enroll/totp');
  expectStatus(enrolment, 200, `enrol TOTP for ${who}`);
  const credentials: Credentials = {
    tenant: company.tenant.slug,
    email: account.email,
    password: TEST_PASSWORD,
    audience,
    totpSecret: enrolment.body.secret,
    lastTotpStep: -1,
  };
  const confirmed = await client.post('/api/auth/enroll/totp/confirm', { code: await nextTotpCode(credentials) });
  expectStatus(confirmed, 200, `confirm TOTP for ${who}`);
  client.resetCsrf();
  return credentials;
}

/** Activates the fixture's resident (or neighbour) on `client`; returns the same, now signed-in client. */
export async function activateResident(
  client: TestClient,
  company: HousingCompany,
  who: 'resident' | 'neighbour' = 'resident',
): Promise<TestClient> {
  await activateAccount(client, company, who);
  return client;
}

/** A new client signed in as the fixture's resident (or neighbour). */
export async function signInResident(
  server: Pick<RunningServer, 'url'>,
  company: HousingCompany,
  who: 'resident' | 'neighbour' = 'resident',
): Promise<TestClient> {
  return activateResident(new TestClient(server.url), company, who);
}

/** A new client signed in as the fixture's clerk or admin. */
export async function signInStaff(
  server: Pick<RunningServer, 'url'>,
  company: HousingCompany,
  role: 'clerk' | 'admin',
): Promise<TestClient> {
  const client = new TestClient(server.url);
  await activateAccount(client, company, role);
  return client;
}

/**
 * A password login plus TOTP on a new client, for an account activated before. Each period's code is
 * accepted once per account, so a third sign-in within a minute waits for the next period.
 */
export async function signInWithPassword(server: Pick<RunningServer, 'url'>, credentials: Credentials): Promise<TestClient> {
  const client = new TestClient(server.url);
  const { tenant, email, password, audience } = credentials;
  const login = await client.post('/api/auth/login', { tenant, email, password, audience });
  expectStatus(login, 200, `login ${email}`);
  client.resetCsrf();
  const verified = await client.post('/api/auth/verify', { code: await nextTotpCode(credentials) });
  expectStatus(verified, 200, `verify ${email}`);
  client.resetCsrf();
  return client;
}
