import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningServer } from '../server.ts';
import { withScope } from '../db/scope.ts';
import { closeTestDatabase, startTestServer, TestClient } from '../test/harness.ts';
import { createHousingCompany } from '../test/fixtures.ts';
import { signInResident, signInStaff } from '../test/sign-in.ts';

const PAGE = 'https://www.wohnbau-nord.example';

/** The admins' embed origins and colours (docs/portal-admin.md, "Einbindung und Farben"). */
describe('embed origins and colours', () => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await server.stop();
    await closeTestDatabase();
  });

  const put = (client: TestClient, body: unknown, origin?: string) =>
    client.request('PUT', '/api/staff/admin/embedding', body, origin ? { headers: { origin } } : {});

  it('an admin replaces the origins and colours; other theme values stay; the change is in the audit log', async () => {
    const company = await createHousingCompany(server.db, { allowedOrigins: [PAGE] });
    await withScope(server.db, { role: 'platform' }, (tx) =>
      tx.query(`UPDATE tenants SET theme = $2 WHERE id = $1`, [
        company.tenant.id,
        JSON.stringify({ '--mp-radius': '4px', '--mp-color-primary': '#005ca9' }),
      ]),
    );
    const admin = await signInStaff(server, company, 'admin');
    assert.deepEqual((await admin.get('/api/staff/admin/embedding')).body, {
      allowedOrigins: [PAGE],
      colours: { '--mp-color-primary': '#005ca9' },
    });

    const changed = await put(admin, {
      allowedOrigins: [PAGE, ' https://Service.Wohnbau-Nord.example/ ', 'http://localhost:8080'],
      colours: { '--mp-color-primary': '#8A1538', '--mp-color-on-primary': '#ffffff' },
    });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.deepEqual(changed.body, {
      allowedOrigins: [PAGE, 'https://service.wohnbau-nord.example', 'http://localhost:8080'],
      colours: { '--mp-color-primary': '#8a1538', '--mp-color-on-primary': '#ffffff' },
    });
    const { rows } = await withScope(server.db, { role: 'platform' }, (tx) =>
      tx.query<{ theme: Record<string, string> }>(`SELECT theme FROM tenants WHERE id = $1`, [company.tenant.id]),
    );
    assert.deepEqual(rows[0].theme, { '--mp-radius': '4px', '--mp-color-primary': '#8a1538', '--mp-color-on-primary': '#ffffff' });
    const audit = await withScope(server.db, { role: 'admin', tenantId: company.tenant.id }, (tx) =>
      tx.query<{ details: { added: string[]; removed: string[] } }>(
        `SELECT details FROM audit_log WHERE tenant_id = $1 AND action = 'embedding.changed'`,
        [company.tenant.id],
      ),
    );
    assert.equal(audit.rows.length, 1);
    assert.deepEqual(audit.rows[0].details.added, ['https://service.wohnbau-nord.example', 'http://localhost:8080']);
    assert.deepEqual(audit.rows[0].details.removed, []);
  });

  it('takes exact origins only: no path, query, wildcard, user name or plain http; no duplicates; colours as #rrggbb', async () => {
    const company = await createHousingCompany(server.db, { allowedOrigins: [PAGE] });
    const admin = await signInStaff(server, company, 'admin');
    const refused = async (allowedOrigins: unknown[], colours: unknown, path: string, message: RegExp) => {
      const { status, body } = await put(admin, { allowedOrigins, colours });
      assert.equal(status, 400, JSON.stringify(body));
      const fields = body.error.details.fields as Array<{ path: string; message: string }>;
      const field = fields.find((candidate) => candidate.path === path);
      assert.ok(field, `${path} in ${JSON.stringify(fields)}`);
      assert.match(field.message, message);
    };
    await refused(
      [PAGE, 'https://www.wohnbau-nord.example/mieterportal'],
      {},
      'allowedOrigins.1',
      /ohne Pfad: https:\/\/www\.wohnbau-nord\.example$/,
    );
    await refused(['https://www.wohnbau-nord.example?x=1'], {}, 'allowedOrigins.0', /ohne Pfad/);
    await refused(['https://*.wohnbau-nord.example'], {}, 'allowedOrigins.0', /Platzhalter/);
    await refused(['http://www.wohnbau-nord.example'], {}, 'allowedOrigins.0', /Nur https/);
    await refused(['https://admin:geheim@www.wohnbau-nord.example'], {}, 'allowedOrigins.0', /Benutzername/);
    await refused(['www.wohnbau-nord.example'], {}, 'allowedOrigins.0', /vollständige Adresse mit https/);
    await refused([PAGE, `${PAGE}/`], {}, 'allowedOrigins.1', /steht schon in der Liste/);
    await refused([PAGE], { '--mp-color-primary': 'blue' }, 'colours.--mp-color-primary', /Hex-Wert/);
    const unknownColour = await put(admin, { allowedOrigins: [PAGE], colours: { '--mp-color-link': '#000000' } });
    assert.equal(unknownColour.status, 400);
    assert.match(JSON.stringify(unknownColour.body), /Unbekannte Farbe/);
    assert.deepEqual((await admin.get('/api/staff/admin/embedding')).body.allowedOrigins, [PAGE], 'nothing stored');
  });

  it('refuses to remove the page the admin works from; clerks and residents are refused', async () => {
    const company = await createHousingCompany(server.db, { allowedOrigins: [PAGE, 'https://alt.wohnbau-nord.example'] });
    const admin = await signInStaff(server, company, 'admin');
    const lockout = await put(admin, { allowedOrigins: ['https://alt.wohnbau-nord.example'], colours: {} }, PAGE);
    assert.equal(lockout.status, 409, JSON.stringify(lockout.body));
    assert.equal(lockout.body.error.code, 'origin_in_use');
    assert.match(lockout.body.error.message, /sich selbst aussperren/);
    const kept = await put(admin, { allowedOrigins: [PAGE], colours: {} }, PAGE);
    assert.equal(kept.status, 200, JSON.stringify(kept.body));

    const clerk = await signInStaff(server, company, 'clerk');
    assert.equal((await clerk.get('/api/staff/admin/embedding')).status, 403);
    assert.equal((await put(clerk, { allowedOrigins: [], colours: {} })).status, 403);
    const resident = await signInResident(server, company);
    assert.equal((await resident.get('/api/staff/admin/embedding')).status, 403);
    assert.equal((await new TestClient(server.url).get('/api/staff/admin/embedding')).status, 401);
  });
});
