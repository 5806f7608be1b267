import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closeTestDatabase, startTestServer, TestClient } from '../test/harness.ts';
import type { RunningServer } from '../server.ts';
import { verifyPassword } from '../auth/passwords.ts';
import { currentTotp } from '../auth/totp.ts';
import { hashActivationCode } from './use-cases.ts';
import { asTenantAdmin, findTenantBySlug } from '../tenants/use-cases.ts';
import { totpSecretContext } from '../secrets/secret-box.ts';
import { DEMO_COMPANIES, DemoSeedRefused, seedDemoData, type DemoLogin } from '../demo/seed.ts';
import { publishDemoLogins } from '../demo/routes.ts';
import { damageChoice } from '../cases/case-test-support.ts';

const ORIGINS = ['http://127.0.0.1:3000', 'http://localhost:3000'];

describe('demo seed (npm start)', () => {
  let server: RunningServer;
  let first: DemoLogin[];
  let second: DemoLogin[];
  /** Signed-in clients by e-mail (a TOTP code counts once per account and period, so they are kept). */
  const signedIn = new Map<string, TestClient>();

  before(async () => {
    server = await startTestServer({ DEMO_MODE: 'true' });
  });
  after(async () => {
    publishDemoLogins([]);
    await server.stop();
    await closeTestDatabase();
  });

  async function counts(slug: string) {
    const tenant = (await findTenantBySlug(server.db, slug))!;
    return asTenantAdmin(server.db, tenant.id, async (tx) => {
      const count = async (sql: string) => Number((await tx.query<{ n: string }>(`SELECT count(*) AS n FROM ${sql}`)).rows[0].n);
      return {
        buildings: await count('buildings'),
        units: await count('units'),
        residents: await count('residents'),
        accounts: await count('accounts'),
        activated: await count('accounts WHERE activated_at IS NOT NULL'),
        openActivationCodes: await count('activation_codes WHERE used_at IS NULL'),
        listings: await count('listings'),
        leads: await count('leads'),
        webhookSecrets: await count('lead_webhook_secrets'),
        viewingSlots: await count('viewing_slots'),
      };
    });
  }

  it('refuses to run in production and creates nothing', async () => {
    await assert.rejects(seedDemoData(server.db, { nodeEnv: 'production', origins: ORIGINS, secrets: server.secrets }), DemoSeedRefused);
    assert.equal(await findTenantBySlug(server.db, 'wohnbau-nord'), undefined);
  });

  it('is idempotent: a second run keeps the same data and re-issues only the waiting activation codes', async () => {
    first = await seedDemoData(server.db, { nodeEnv: 'development', origins: ORIGINS, secrets: server.secrets });
    const countsAfterFirst = { nord: await counts('wohnbau-nord'), sued: await counts('stadthaus-sued') };
    second = await seedDemoData(server.db, {
      nodeEnv: 'development',
      origins: [...ORIGINS, 'http://127.0.0.1:3001'],
      secrets: server.secrets,
    });
    assert.deepEqual({ nord: await counts('wohnbau-nord'), sued: await counts('stadthaus-sued') }, countsAfterFirst);
    // Wohnbau Nord has an owner besides its tenants (Helga Brandt, docs/owners.md).
    assert.deepEqual(countsAfterFirst.nord, {
      buildings: 3,
      units: 6,
      residents: 7,
      accounts: 9,
      activated: 4,
      openActivationCodes: 5,
      listings: 3,
      leads: 5,
      webhookSecrets: 2,
      viewingSlots: 3,
    });
    assert.deepEqual(countsAfterFirst.sued, {
      buildings: 2,
      units: 4,
      residents: 4,
      accounts: 6,
      activated: 3,
      openActivationCodes: 3,
      listings: 2,
      leads: 2,
      webhookSecrets: 2,
      viewingSlots: 0,
    });

    const nord = (await findTenantBySlug(server.db, 'wohnbau-nord'))!;
    assert.equal(nord.name, 'Wohnbau Nord eG');
    assert.deepEqual(nord.allowedOrigins, [...ORIGINS, 'https://www.wohnbau-nord.example', 'http://127.0.0.1:3001']);
    assert.equal((await findTenantBySlug(server.db, 'stadthaus-sued'))!.name, 'Stadthaus Süd GmbH');

    const waiting = (logins: DemoLogin[]) => logins.filter((login) => login.activationCode);
    assert.equal(waiting(second).length, 2, 'one waiting resident per housing company');
    for (const [index, login] of waiting(second).entries()) {
      assert.notEqual(login.activationCode, waiting(first)[index].activationCode);
      assert.equal(await activationCodeIsOpen(login.tenantSlug, login.activationCode!), true, 'the printed code works');
      assert.equal(
        await activationCodeIsOpen(login.tenantSlug, waiting(first)[index].activationCode!),
        false,
        'the previous one no longer',
      );
    }
  });

  it('lists per housing company an activated resident, clerk and admin with password and TOTP secret (Wohnbau Nord also its owner)', () => {
    for (const company of DEMO_COMPANIES) {
      const logins = second.filter((login) => login.tenantSlug === company.tenant.slug);
      assert.deepEqual(
        logins.map((login) => [login.role, !!login.password, !!login.totpSecret, !!login.activationCode]),
        [
          ['clerk', true, true, false],
          ['admin', true, true, false],
          ['resident', true, true, false],
          ['resident', false, false, true],
          ...(company.tenant.slug === 'wohnbau-nord' ? [['resident', true, true, false]] : []),
        ],
      );
    }
    assert.ok(second.some((login) => login.email === 'helga.brandt@wohnbau-nord.example'));
  });

  it('stores the demo password and TOTP secret so that the accounts can sign in', async () => {
    for (const login of second.filter((l) => l.password)) {
      const tenant = (await findTenantBySlug(server.db, login.tenantSlug))!;
      const { rows } = await asTenantAdmin(server.db, tenant.id, (tx) =>
        tx.query<{ id: string; password_hash: string; totp_secret: string; second_factor: string }>(
          `SELECT id, password_hash, totp_secret, second_factor FROM accounts WHERE email = $1`,
          [login.email],
        ),
      );
      assert.equal(await verifyPassword(rows[0].password_hash, login.password!), true, login.email);
      // Stored encrypted, bound to the account: only the server's key opens it.
      assert.notEqual(rows[0].totp_secret, login.totpSecret);
      assert.equal(server.secrets.open(rows[0].totp_secret, totpSecretContext(rows[0].id)), login.totpSecret);
      assert.equal(rows[0].second_factor, 'totp');
    }
  });

  it('signs in every activated demo account through the real login API (password + current TOTP code)', async () => {
    for (const login of second.filter((l) => l.password)) {
      const browser = new TestClient(server.url);
      // Open the session first, as loading the page does.
      await browser.csrfToken();
      const audience = login.role === 'resident' ? 'resident' : 'staff';
      const step1 = await browser.post('/api/auth/login', {
        tenant: login.tenantSlug,
        email: login.email,
        password: login.password,
        audience,
      });
      assert.equal(step1.status, 200, `${login.email}: ${JSON.stringify(step1.body)}`);
      assert.deepEqual([step1.body.state, step1.body.secondFactor], ['second_factor', 'totp']);
      browser.resetCsrf();
      const step2 = await browser.post('/api/auth/verify', { code: await currentTotp(login.totpSecret!) });
      assert.equal(step2.status, 200, `${login.email}: ${JSON.stringify(step2.body)}`);
      assert.equal(step2.body.state, 'signed_in');
      assert.equal(step2.body.user.role, login.role);
      assert.equal(step2.body.user.tenant.slug, login.tenantSlug);
      browser.resetCsrf();
      signedIn.set(login.email, browser);
    }
  });

  it('a damage report in the demo arrives assigned to the company’s clerk, and the company’s settings are in place', async () => {
    for (const company of DEMO_COMPANIES) {
      const resident = signedIn.get(company.residents.find((r) => r.login)!.login!.email)!;
      const clerkLogin = company.staff.find((staff) => staff.role === 'clerk')!;
      const clerk = signedIn.get(clerkLogin.email)!;
      const filed = await resident.post('/api/cases', {
        type: 'damage',
        ...(await damageChoice(resident)),
        urgency: 'urgent',
        description: 'Die Heizung im Bad bleibt kalt.',
      });
      assert.equal(filed.status, 201, JSON.stringify(filed.body));
      const onBoard = await clerk.get(`/api/staff/cases/${filed.body.case.id}`);
      assert.equal(onBoard.status, 200, JSON.stringify(onBoard.body));
      assert.equal(onBoard.body.case.assignee?.label, clerkLogin.displayName, company.tenant.slug);

      const contact = await new TestClient(server.url).get(`/api/tenants/${company.tenant.slug}/contact`);
      assert.deepEqual(contact.body.emergencyNumbers, company.settings.emergencyNumbers);
      assert.equal(contact.body.officeHours, company.settings.officeHours);
    }
    const nord = (await findTenantBySlug(server.db, 'wohnbau-nord'))!;
    const settings = await asTenantAdmin(server.db, nord.id, (tx) =>
      tx.query<{ settings: { portalPageUrl: string } }>(`SELECT settings FROM company_settings`),
    );
    assert.equal(settings.rows[0].settings.portalPageUrl, `${ORIGINS[0]}/`);
  });

  it('the demo clerk finds listings on the portals and leads on the board, one waiting unassigned, and sees phone numbers', async () => {
    const clerk = signedIn.get('clara.sachbearbeiterin@wohnbau-nord.example')!;
    const listings = (await clerk.get('/api/staff/listings')).body.items;
    assert.deepEqual([...new Set(listings.flatMap((listing: any) => listing.portalIds.map((id: any) => id.provider)))].sort(), [
      'immoscout24',
      'immowelt',
      'openimmo',
    ]);
    // The listing on ImmoScout24 has upcoming viewing slots, one a group viewing.
    const offered = listings.find((listing: any) => listing.portalIds.some((id: any) => id.providerListingId === '158963214'));
    const slots = (await clerk.get(`/api/staff/listings/${offered.id}/viewing-slots`)).body.items;
    assert.deepEqual(
      slots.map((slot: any) => slot.capacity),
      [8, 1, 2],
    );
    assert.ok(slots.every((slot: any) => Date.parse(slot.startsAt) > Date.now()));
    assert.deepEqual((await clerk.get('/api/staff/leads/counts')).body.columns, {
      nicht_zugeordnet: 1,
      offen: 4,
      kontaktiert: 0,
      besichtigt: 0,
      akzeptiert: 0,
      abgelehnt: 0,
    });
    // Both enquiries arrive in one seed transaction, so their order on the board is not fixed: compare by name.
    const cards = (await clerk.get('/api/staff/leads?q=beispiel')).body.items;
    assert.deepEqual(cards.map((card: any) => [card.name, card.duplicate, card.selfDisclosureOffered]).sort(), [
      ['J. Beispiel', true, false],
      ['Jana Beispiel', true, true],
    ]);
    const janaCard = cards.find((card: any) => card.name === 'Jana Beispiel');
    const jana = (await clerk.get(`/api/staff/leads/${janaCard.id}`)).body;
    assert.equal(jana.lead.phone, '0151 23456789', 'the demo clerk holds the letting permission');
    assert.ok(!/3\.200|SCHUFA/.test(jana.lead.message));
  });

  it('shows the demo accounts with their current TOTP code at /dev/demo-logins', async () => {
    publishDemoLogins(second);
    const browser = new TestClient(server.url);
    const page = await browser.get('/dev/demo-logins');
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    assert.match(page.body, /Demo-Zugänge/);
    const { status, body } = await browser.get('/dev/demo-logins.json');
    assert.equal(status, 200);
    assert.ok(body.secondsLeft >= 1 && body.secondsLeft <= 30);
    const erika = body.logins.find((login: DemoLogin) => login.email === 'erika.mustermann@wohnbau-nord.example');
    assert.match(erika.currentCode, /^\d{6}$/);
    const now = Date.now();
    const acceptable = [await currentTotp(erika.totpSecret, now - 30_000), await currentTotp(erika.totpSecret, now)];
    assert.ok(acceptable.includes(erika.currentCode));
  });

  async function activationCodeIsOpen(slug: string, code: string): Promise<boolean> {
    const tenant = (await findTenantBySlug(server.db, slug))!;
    const { rowCount } = await asTenantAdmin(server.db, tenant.id, (tx) =>
      tx.query(`SELECT 1 FROM activation_codes WHERE code_hash = $1 AND used_at IS NULL AND expires_at > now()`, [
        hashActivationCode(code),
      ]),
    );
    return rowCount === 1;
  }
});
