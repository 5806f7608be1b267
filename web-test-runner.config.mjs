import { fileURLToPath } from 'node:url';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { tsImport } from 'tsx/esm/api';

/**
 * Browser tests of the widgets in the machine's Chromium (never a downloaded browser).
 *
 * The end-to-end test (`*.e2e.test.ts`) runs against the real BFF: it is started here, on a free port with
 * the test database (PGlite, or a fresh PostgreSQL database when DATABASE_URL is set), and the test
 * page reaches it through `/api` on the test server's own origin, so the session cookie works as on a
 * housing company's site. `/e2e/*` gives the test what only the server side can: a fresh housing company
 * and the current TOTP code for a secret.
 */
let running;

/** Starts the BFF once; the first call comes from `serverStart`, the test awaits it through the middleware. */
function realBff() {
  running ??= (async () => {
    const load = (path) => tsImport(path, import.meta.url);
    const [harness, fixtures, totp] = await Promise.all([load('./bff/test/harness.ts'), load('./bff/test/fixtures.ts'), load('./bff/auth/totp.ts')]);
    return { harness, fixtures, totp, server: await harness.startTestServer() };
  })();
  return running;
}

const realBffPlugin = {
  name: 'real-bff',
  // Opening a fresh embedded database takes seconds: warm up while the other tests run. A failed start
  // is reported by the end-to-end test, which awaits the same promise.
  serverStart() {
    realBff().catch(() => {});
  },
  async serverStop() {
    const bff = await running?.catch(() => undefined);
    if (!bff) return;
    await bff.server.stop();
    await bff.harness.closeTestDatabase();
  },
};

/** Answers `/e2e/*` and forwards `/api/*` to the BFF, posing as the BFF's own origin. */
async function bffMiddleware(ctx, next) {
  if (!ctx.path.startsWith('/e2e/') && !ctx.path.startsWith('/api/')) return next();
  const { harness, fixtures, totp, server } = await realBff();
  if (ctx.path === '/e2e/housing-company') {
    const { db } = await harness.testDatabase();
    const company = await fixtures.createHousingCompany(db);
    ctx.body = { slug: company.tenant.slug, activationCode: company.resident.activationCode, email: company.resident.email };
    return;
  }
  if (ctx.path === '/e2e/totp') {
    ctx.body = { code: await totp.currentTotp(ctx.query.secret) };
    return;
  }
  const chunks = [];
  for await (const chunk of ctx.req) chunks.push(chunk);
  const bffUrl = new URL(server.url);
  const headers = { ...ctx.request.headers, host: bffUrl.host };
  if (headers.origin) headers.origin = bffUrl.origin;
  const response = await fetch(server.url + ctx.url, {
    method: ctx.method,
    headers,
    body: chunks.length ? Buffer.concat(chunks) : undefined,
  });
  ctx.status = response.status;
  for (const [name, value] of response.headers) {
    if (!['set-cookie', 'content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(name)) ctx.set(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length) ctx.set('set-cookie', cookies);
  ctx.body = Buffer.from(await response.arrayBuffer());
}

export default {
  files: ['widgets/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  testFramework: { config: { timeout: 5000 } },
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-dev-shm-usage',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
        ],
      },
    }),
  ],
  middleware: [bffMiddleware],
  plugins: [realBffPlugin, esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) })],
};
