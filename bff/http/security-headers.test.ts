import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RunningServer } from '../server.ts';
import { closeTestDatabase, startTestServer, testDatabase } from '../test/harness.ts';
import { createHousingCompany } from '../test/fixtures.ts';

const REGISTERED = 'https://www.wohnbau-header.example';
const OTHER_REGISTERED = 'https://mieter.stadthaus-header.example';
const UNREGISTERED = 'https://evil.example';
const demoDir = fileURLToPath(new URL('../../demo-site/', import.meta.url));
/** Every HTML page of the demo site, as the BFF serves it (`index.html` also as `/`). */
const demoPages = [
  '/',
  ...readdirSync(demoDir)
    .filter((file) => file.endsWith('.html'))
    .map((file) => `/${file}`),
];
const devPages = ['/dev/demo-logins', '/dev/outbox'];

after(closeTestDatabase);

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: string | null): Map<string, string[]> {
  assert.ok(header, 'a Content-Security-Policy header');
  return new Map(
    header
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name.toLowerCase(), values]),
  );
}

function assertEveryResponseHeaders(response: Response, what: string): void {
  assert.equal(response.headers.get('x-content-type-options'), 'nosniff', `${what}: nosniff`);
  assert.equal(response.headers.get('referrer-policy'), 'strict-origin-when-cross-origin', `${what}: Referrer-Policy`);
  assert.equal(response.headers.get('x-powered-by'), null, `${what}: no X-Powered-By`);
}

describe('security headers (http PUBLIC_URL, demo mode)', () => {
  let server: RunningServer;
  before(async () => {
    const { db } = await testDatabase();
    // Registered before the server starts, so its origin cache holds them from the first request on.
    await createHousingCompany(db, { allowedOrigins: [REGISTERED] });
    await createHousingCompany(db, { allowedOrigins: [OTHER_REGISTERED] });
    server = await startTestServer({ DEMO_MODE: 'true' });
  });
  after(() => server?.stop());

  it('sends nosniff and a strict referrer policy on every kind of answer, and no HSTS over http', async () => {
    const realtime = '/socket.io/?EIO=4&transport=polling';
    for (const path of [
      '/api/session',
      '/api/openapi.json',
      '/api/nothing-here',
      '/healthz',
      '/nothing-here',
      realtime,
      ...demoPages,
      ...devPages,
    ]) {
      const response = await fetch(server.url + path);
      assertEveryResponseHeaders(response, path);
      assert.equal(response.headers.get('strict-transport-security'), null, `${path}: no HSTS on http`);
    }
  });

  it('lets no page frame an API answer and lets it load nothing', async () => {
    for (const path of ['/api/session', '/api/nothing-here', '/healthz']) {
      const policy = directives((await fetch(server.url + path)).headers.get('content-security-policy'));
      assert.deepEqual(policy.get('default-src'), ["'none'"], path);
      assert.deepEqual(policy.get('frame-ancestors'), ["'none'"], path);
    }
  });

  it('gives every page a policy that loads scripts and styles only from the BFF itself', async () => {
    for (const path of [...demoPages, ...devPages]) {
      const response = await fetch(server.url + path);
      assert.equal(response.status, 200, path);
      assert.match(response.headers.get('content-type') ?? '', /^text\/html/, path);
      const policy = directives(response.headers.get('content-security-policy'));
      assert.deepEqual(policy.get('default-src'), ["'self'"], `${path}: default-src`);
      assert.deepEqual(policy.get('script-src'), ["'self'"], `${path}: script-src`);
      assert.deepEqual(policy.get('style-src'), ["'self'"], `${path}: style-src`);
      assert.deepEqual(policy.get('object-src'), ["'none'"], `${path}: object-src`);
      assert.deepEqual(policy.get('base-uri'), ["'self'"], `${path}: base-uri`);
      // The authenticator's QR code is a data: image; a chosen photo's thumbnail before its upload a blob: one.
      assert.deepEqual(policy.get('img-src'), ["'self'", 'data:', 'blob:'], `${path}: img-src`);
      // The clerk's preview of a Mieterbescheinigung frames the PDF it received as a blob: URL.
      assert.deepEqual(policy.get('frame-src'), ["'self'", 'blob:'], `${path}: frame-src`);
      assert.equal(policy.has('upgrade-insecure-requests'), false, `${path}: the http demo must load its own scripts over http`);
    }
  });

  it('lets only the BFF itself and registered embed origins frame a page', async () => {
    for (const path of [...demoPages, ...devPages]) {
      const ancestors = directives((await fetch(server.url + path)).headers.get('content-security-policy')).get('frame-ancestors');
      assert.ok(ancestors, `${path}: frame-ancestors`);
      assert.ok(ancestors.includes("'self'"), `${path}: 'self'`);
      assert.ok(ancestors.includes(REGISTERED), `${path}: a registered origin`);
      assert.ok(ancestors.includes(OTHER_REGISTERED), `${path}: another company's registered origin`);
      assert.ok(!ancestors.includes(UNREGISTERED), `${path}: no unregistered origin`);
      assert.ok(!ancestors.includes('*'), `${path}: no wildcard`);
    }
  });

  it('serves pages without inline scripts, inline styles or event handler attributes, so the policy breaks none', async () => {
    for (const path of [...demoPages, ...devPages]) {
      const html = await (await fetch(server.url + path)).text();
      assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)[^>]*>/i, `${path}: an inline <script>`);
      assert.doesNotMatch(html, /<style[\s>]/i, `${path}: an inline <style>`);
      assert.doesNotMatch(html, /<[^>]+\sstyle=/i, `${path}: a style attribute`);
      assert.doesNotMatch(html, /<[^>]+\son[a-z]+=/i, `${path}: an event handler attribute`);
    }
  });

  it('keeps the scripts and stylesheets the pages load', async () => {
    for (const path of [...demoPages, ...devPages]) {
      const html = await (await fetch(server.url + path)).text();
      const references = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+)"/g)].map((match) => match[1]);
      for (const reference of references) {
        if (reference.startsWith('/widgets/')) continue; // built by `npm run build`, checked in server.test.ts
        const response = await fetch(new URL(reference, server.url + path));
        assert.equal(response.status, 200, `${path} loads ${reference}`);
      }
    }
  });
});

describe('security headers with an https PUBLIC_URL', () => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer({ PUBLIC_URL: 'https://portal.header-test.example', DEMO_MODE: 'true' });
  });
  after(() => server?.stop());

  it('sends HSTS on every answer', async () => {
    for (const path of ['/api/session', '/api/nothing-here', '/healthz', '/', '/dev/demo-logins']) {
      const response = await fetch(server.url + path);
      assertEveryResponseHeaders(response, path);
      const hsts = response.headers.get('strict-transport-security') ?? '';
      const maxAge = Number(/max-age=(\d+)/.exec(hsts)?.[1]);
      assert.ok(maxAge >= 180 * 86_400, `${path}: HSTS for at least half a year, got "${hsts}"`);
    }
  });

  it('has pages upgrade any http reference to https', async () => {
    const policy = directives((await fetch(server.url + '/')).headers.get('content-security-policy'));
    assert.ok(policy.has('upgrade-insecure-requests'));
  });
});
