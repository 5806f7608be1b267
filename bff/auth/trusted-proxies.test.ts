import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../config.ts';
import type { RunningServer } from '../server.ts';
import { closeTestDatabase, startTestServer, TestClient } from '../test/harness.ts';

after(closeTestDatabase);

/**
 * The sign-in limit counts per client address. Behind a reverse proxy that address comes from
 * X-Forwarded-For, which the client itself can write: only the entries the operator's own proxies
 * appended may be believed, never the whole header.
 */
describe('TRUST_PROXY and the sign-in limit', () => {
  const servers: RunningServer[] = [];
  after(() => Promise.all(servers.map((server) => server.stop())));

  /** Five wrong logins, each claiming another address in front of what the proxy appended. */
  async function rotatingLogins(env: Record<string, string>, forwardedFor: (i: number) => string): Promise<number[]> {
    const server = await startTestServer({ AUTH_RATE_LIMIT_PER_MINUTE: '3', ...env });
    servers.push(server);
    const client = new TestClient(server.url);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await client.request(
        'POST',
        '/api/auth/login',
        { tenant: 'hv-nirgends', email: 'a@b.de', password: 'geraten-123', audience: 'resident' },
        { headers: { 'x-forwarded-for': forwardedFor(i) } },
      );
      statuses.push(response.status);
    }
    return statuses;
  }

  it('one trusted hop: a rotating address the client put in front of the proxy’s entry does not reset the limit', async () => {
    // The proxy (this test client, on loopback) appends the real client address 203.0.113.7.
    const statuses = await rotatingLogins({ TRUST_PROXY: '1' }, (i) => `198.51.100.${i + 1}, 203.0.113.7`);
    assert.deepEqual(statuses.slice(3), [429, 429]);
  });

  it('a list of proxy addresses: only those are skipped, the next address is the client', async () => {
    const statuses = await rotatingLogins({ TRUST_PROXY: '127.0.0.1, ::1, 10.0.0.0/8' }, (i) => `198.51.100.${i + 1}, 203.0.113.7`);
    assert.deepEqual(statuses.slice(3), [429, 429]);
  });

  it('without TRUST_PROXY the header is ignored', async () => {
    const statuses = await rotatingLogins({}, (i) => `198.51.100.${i + 1}`);
    assert.deepEqual(statuses.slice(3), [429, 429]);
  });

  it('refuses TRUST_PROXY=true with a German message that says what to write instead', () => {
    for (const value of ['true', 'TRUE', 'yes']) {
      assert.throws(
        () => loadConfig({ TRUST_PROXY: value }),
        (error: unknown) =>
          error instanceof ConfigError &&
          /TRUST_PROXY/.test(error.message) &&
          /TRUST_PROXY=1/.test(error.message) &&
          /Adressen/.test(error.message),
      );
    }
  });

  it('accepts false, 0, a hop count and addresses, and refuses what is neither', () => {
    assert.equal(loadConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY, false);
    assert.equal(loadConfig({ TRUST_PROXY: '0' }).TRUST_PROXY, false);
    assert.equal(loadConfig({}).TRUST_PROXY, false);
    assert.equal(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY, 2);
    assert.deepEqual(loadConfig({ TRUST_PROXY: '10.0.0.1, 192.168.0.0/16,fd00::/8, loopback' }).TRUST_PROXY, [
      '10.0.0.1',
      '192.168.0.0/16',
      'fd00::/8',
      'loopback',
    ]);
    for (const value of ['10.0.0.300', '10.0.0.0/33', 'proxy.example.de', '-1', '1.5']) {
      assert.throws(() => loadConfig({ TRUST_PROXY: value }), ConfigError, value);
    }
  });
});
