import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { tsImport } from 'tsx/esm/api';
import { chromiumLaunchOptions } from './chromium.config.mjs';

/**
 * Browser tests of the widgets in the machine's Chromium (never a downloaded browser).
 *
 * The end-to-end test (`*.e2e.test.ts`) runs against the real BFF: it is started here, on a free port with
 * the test database (PGlite, or a fresh PostgreSQL database when DATABASE_URL is set), and the test
 * page reaches it through `/api` on the test server's own origin, so the session cookie works as on a
 * housing company's site. A second session (the clerk's) reaches the same BFF through `/clerk/api` with its
 * own cookie, so one page can show the resident's and the clerk's view side by side. `/e2e/*` gives the
 * test what only the server side can: fresh housing companies, TOTP codes, the e-mails the BFF sent, and
 * a restart of the BFF under open pages. The BFF's chat answers with the offline assistant (no model key);
 * `/e2e/restart-bff?model=anthropic` restarts it with the real Anthropic adapter talking to a loopback
 * Messages API, until the next restart or the next file's lease.
 */
let running;
/** Fixed for every BFF started here, so the session cookies outlive a restart as they do in production. */
const E2E_SESSION_SECRET = randomBytes(32).toString('hex');
/** The key the BFF sends to the loopback Messages API: a test value, never a real key. */
const E2E_ANTHROPIC_API_KEY = 'sk-ant-e2e-loopback';
/** While set, the pages' socket.io requests get no answer from the BFF (`/e2e/live/cut-off`, `/e2e/live/restore`). */
let liveCutOff = false;

/** Starts the BFF once; the first call comes from `serverStart`, the test awaits it through the middleware. */
function realBff() {
  running ??= (async () => {
    const load = (path) => tsImport(path, import.meta.url);
    const [harness, fixtures, totp, e2e] = await Promise.all([
      load('./bff/test/harness.ts'),
      load('./bff/test/fixtures.ts'),
      load('./bff/auth/totp.ts'),
      load('./bff/test/e2e-fixtures.ts'),
    ]);
    const server = await harness.startTestServer({ SESSION_SECRET: E2E_SESSION_SECRET });
    return { load, harness, fixtures, totp, e2e, server, connections: openConnections(server), model: 'offline', anthropic: undefined };
  })();
  return running;
}

/** The connections open to a BFF right now (see restartBff). */
function openConnections(server) {
  const open = new Set();
  server.httpServer.on('connection', (socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  });
  return open;
}

/** The loopback Messages API (started on first use): the offline assistant's decisions in Anthropic's wire format. */
function anthropicLoopback(bff) {
  bff.anthropic ??= (async () => {
    const { AnthropicLoopback } = await bff.load('./bff/chat/models/anthropic-loopback-test-support.ts');
    const loopback = new AnthropicLoopback(E2E_ANTHROPIC_API_KEY);
    await loopback.start();
    return loopback;
  })();
  return bff.anthropic;
}

/**
 * Stops the BFF and starts a new one on the same port and database, as a deploy does. Its chat's model:
 * `offline`, the offline assistant (no key, the default); `anthropic`, the real Anthropic adapter with a test
 * key and ANTHROPIC_BASE_URL at the loopback Messages API.
 */
async function restartBff(bff, model) {
  const env = { SESSION_SECRET: E2E_SESSION_SECRET, PORT: new URL(bff.server.url).port };
  if (model === 'anthropic') {
    const loopback = await anthropicLoopback(bff);
    Object.assign(env, { ANTHROPIC_API_KEY: E2E_ANTHROPIC_API_KEY, ANTHROPIC_BASE_URL: loopback.url, CHAT_MODEL_MAX_RETRIES: '0' });
  }
  // The proxy's and the fixtures' fetch keep idle connections to the BFF's port. Starting the new BFF runs long
  // without the event loop reading sockets: a connection the old BFF closed, whose end was not read yet, would be
  // taken for the next request, which then fails ("other side closed", a 502). So: wait until the old BFF's
  // connections have closed, then one turn of the event loop, whose poll reads their ends, before starting.
  const closed = [...bff.connections].map((socket) => new Promise((resolve) => socket.once('close', resolve)));
  await bff.server.stop();
  await Promise.race([Promise.all(closed), new Promise((resolve) => setTimeout(resolve, 1000))]);
  await new Promise((resolve) => setImmediate(resolve));
  bff.server = await bff.harness.startTestServer(env);
  bff.connections = openConnections(bff.server);
  bff.model = model;
}

/**
 * Two sessions in one test page: the resident talks to the BFF through `/api` and `/socket.io` with the
 * BFF's own cookie `mp.sid`; the clerk through `/clerk/api` and `/clerk/socket.io` (an element with
 * `api="/clerk"`), whose cookie is renamed to `mp-clerk.sid` with `Path=/clerk` on the way to the browser
 * and back to `mp.sid` on the way to the BFF — so the two never mix.
 */
const SESSION_COOKIE = 'mp.sid';
const CLERK_PREFIX = '/clerk';
const CLERK_COOKIE = 'mp-clerk.sid';

/** `{ bffPath, clerk }` for a path the BFF answers, else undefined. */
function bffRoute(path) {
  const clerk = path.startsWith(`${CLERK_PREFIX}/`);
  const bffPath = clerk ? path.slice(CLERK_PREFIX.length) : path;
  // `/hooks/…`: the lead webhooks a test signs and sends as a portal would (no cookie matters there).
  if (!bffPath.startsWith('/api/') && !bffPath.startsWith('/socket.io/') && !bffPath.startsWith('/hooks/')) return undefined;
  return { bffPath, clerk };
}

/** The browser's Cookie header as the BFF must see it for this side. */
function cookiesForBff(header, clerk) {
  if (!header) return undefined;
  const kept = [];
  for (const pair of header.split(/;\s*/)) {
    const name = pair.slice(0, pair.indexOf('='));
    if (clerk && name === CLERK_COOKIE) kept.push(SESSION_COOKIE + pair.slice(name.length));
    else if (name !== SESSION_COOKIE && name !== CLERK_COOKIE) kept.push(pair);
    else if (!clerk && name === SESSION_COOKIE) kept.push(pair);
  }
  return kept.length ? kept.join('; ') : undefined;
}

/** A Set-Cookie of the BFF as the browser must get it for this side. */
function cookieForBrowser(setCookie, clerk) {
  if (!clerk || !setCookie.startsWith(`${SESSION_COOKIE}=`)) return setCookie;
  const renamed = CLERK_COOKIE + setCookie.slice(SESSION_COOKIE.length);
  return /;\s*path=/i.test(renamed) ? renamed.replace(/;\s*path=[^;]*/i, `; Path=${CLERK_PREFIX}`) : `${renamed}; Path=${CLERK_PREFIX}`;
}

/** Request headers as the BFF must see them: its own host and origin, this side's cookie, no hop-by-hop headers. */
function headersForBff(headers, clerk, bffUrl) {
  const forwarded = { ...headers, host: bffUrl.host };
  for (const name of ['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'content-length', 'proxy-connection'])
    delete forwarded[name];
  if (forwarded.origin) forwarded.origin = bffUrl.origin;
  const cookie = cookiesForBff(headers.cookie, clerk);
  if (cookie) forwarded.cookie = cookie;
  else delete forwarded.cookie;
  return forwarded;
}

const realBffPlugin = {
  name: 'real-bff',
  // Opening a fresh embedded database takes seconds: warm up while the other tests run. A failed start
  // is reported by the end-to-end test, which awaits the same promise.
  serverStart({ server }) {
    realBff().catch(() => {});
    // socket.io upgrades to a WebSocket: hand the upgrade request, rewritten like any other, to the BFF's
    // own HTTP server in this process. (The dev server answers only its own `/wds` socket.)
    server.on('upgrade', (request, socket, head) => {
      const url = new URL(request.url, 'http://localhost');
      const route = bffRoute(url.pathname);
      if (!route || !route.bffPath.startsWith('/socket.io/')) return;
      realBff().then(
        ({ server: bff }) => {
          // Cut off, or between the old BFF's stop and the new one's start: the connection fails as it would.
          if (liveCutOff || !bff.httpServer.listening) return socket.destroy();
          const bffUrl = new URL(bff.url);
          const upgrade = {
            ...headersForBff(request.headers, route.clerk, bffUrl),
            connection: 'Upgrade',
            upgrade: request.headers.upgrade,
          };
          request.headers = upgrade;
          request.url = route.bffPath + url.search;
          // The handshake answer may set the session cookie (rolling sessions): rename it like any other answer.
          if (route.clerk) {
            const write = socket.write;
            socket.write = function (chunk, ...rest) {
              socket.write = write;
              const renamed =
                typeof chunk === 'string'
                  ? chunk.replace(/^(set-cookie:\s*)([^\r\n]*)/gim, (_, name, value) => name + cookieForBrowser(value, true))
                  : chunk;
              return write.call(this, renamed, ...rest);
            };
          }
          bff.httpServer.emit('upgrade', request, socket, head);
        },
        () => socket.destroy(),
      );
    });
  },
  async serverStop() {
    const bff = await running?.catch(() => undefined);
    if (!bff) return;
    await bff.server.stop();
    await bff.harness.closeTestDatabase();
    await (await bff.anthropic?.catch(() => undefined))?.stop();
  },
};

/**
 * One end-to-end file at a time: test files run two at a time, and two files driving the one embedded
 * database (one transaction at a time) and hashing passwords on a busy machine slow each other past the
 * widgets' own timeouts. A file takes the lease before its first test and gives it back after its last;
 * a lease not given back (a crashed page) runs out after `E2E_LEASE_MS`.
 */
const E2E_LEASE_MS = 5 * 60_000;
let e2eLease;
const e2eWaiting = [];

function grantE2eLease() {
  if (e2eLease && e2eLease.until > Date.now()) return;
  const next = e2eWaiting.shift();
  if (!next) {
    e2eLease = undefined;
    return;
  }
  e2eLease = { token: Math.random().toString(36).slice(2), until: Date.now() + E2E_LEASE_MS };
  next(e2eLease.token);
}

function takeE2eLease() {
  return new Promise((resolve) => {
    e2eWaiting.push(resolve);
    grantE2eLease();
    // A lease that runs out is handed on even if nobody calls again.
    if (e2eLease) setTimeout(grantE2eLease, e2eLease.until - Date.now() + 10).unref();
  });
}

function giveBackE2eLease(token) {
  if (e2eLease?.token !== token) return;
  e2eLease = undefined;
  grantE2eLease();
}

/** Fixtures only the server side can give: `/e2e/*`. */
async function answerFixture(ctx, bff) {
  const { harness, fixtures, totp, e2e, server } = bff;
  switch (ctx.path) {
    // A restart as a deploy does (see restartBff), with `?model=anthropic` or else the offline assistant; answers when it listens.
    case '/e2e/restart-bff': {
      const model = ctx.query.model ?? 'offline';
      if (model !== 'offline' && model !== 'anthropic') {
        ctx.status = 400;
        ctx.body = { error: `unknown model ${model}: offline or anthropic` };
        return;
      }
      await restartBff(bff, model);
      ctx.body = { listeningAt: Date.now() };
      return;
    }
    // The pages' live updates (socket.io) are refused until `/e2e/live/restore`; their API requests still go through.
    case '/e2e/live/cut-off':
      liveCutOff = true;
      ctx.body = {};
      return;
    case '/e2e/live/restore':
      liveCutOff = false;
      ctx.body = { restoredAt: Date.now() };
      return;
    case '/e2e/lease': {
      const token = await takeE2eLease();
      // Every file starts with the offline assistant, whatever model a file before it (a crashed page, say) left.
      if (bff.model !== 'offline') await restartBff(bff, 'offline');
      ctx.body = { token };
      return;
    }
    case '/e2e/lease/return':
      giveBackE2eLease(String(ctx.query.token));
      ctx.body = {};
      return;
    case '/e2e/housing-company': {
      const { db } = await harness.testDatabase();
      const company = await fixtures.createHousingCompany(db);
      ctx.body = { slug: company.tenant.slug, activationCode: company.resident.activationCode, email: company.resident.email };
      return;
    }
    case '/e2e/totp':
      ctx.body = { code: await totp.currentTotp(ctx.query.secret) };
      return;
    // A housing company with the resident, clerk and admin activated and routing rules to the clerk.
    // `?tenancy=2025`: the resident also has a tenancy with the utility billing period 2025 (the chat's questions).
    // `?owner=1`: an owner of the resident's flat too (docs/owners.md).
    case '/e2e/case-company': {
      const created = await e2e.createCaseCompany(server);
      if (ctx.query.tenancy === '2025') await e2e.giveTenancy(server, created);
      // `?owner=1`: also an owner of the resident's flat, with documents for tenants, for owners and for all.
      const owner = ctx.query.owner === '1' ? await e2e.addOwnerWithDocuments(server, created) : undefined;
      const { company, credentials } = created;
      const account = (who, name) => ({ email: credentials[who].email, password: credentials[who].password, name });
      ctx.body = {
        slug: company.tenant.slug,
        name: company.tenant.name,
        resident: account('resident', 'Erika Mustermann'),
        clerk: { ...account('clerk', company.clerk.displayName), id: company.clerk.id },
        admin: account('admin', company.admin.displayName),
        ...(owner && { owner: { email: owner.email, password: owner.password, name: 'Otto Eigentümer' } }),
      };
      return;
    }
    // The next unused TOTP code of an account made by `/e2e/case-company`.
    case '/e2e/sign-in-code':
      ctx.body = { code: await e2e.nextSignInCode(String(ctx.query.email)) };
      return;
    // The e-mails the BFF sent to an address, newest first (the test BFF keeps them in its dev outbox).
    case '/e2e/mails':
      ctx.body = { items: (server.mailer.sent() ?? []).filter((mail) => mail.to === ctx.query.to) };
      return;
    default:
      ctx.status = 404;
      ctx.body = { error: `unknown fixture ${ctx.path}` };
  }
}

/** Answers `/e2e/*` and forwards the BFF's paths (see `bffRoute`) to the BFF, posing as the BFF's own origin. */
async function bffMiddleware(ctx, next) {
  const route = bffRoute(ctx.path);
  if (!ctx.path.startsWith('/e2e/') && !route) return next();
  const bff = await realBff();
  if (!route) return answerFixture(ctx, bff);
  if (liveCutOff && route.bffPath.startsWith('/socket.io/')) {
    ctx.status = 503;
    return;
  }
  const chunks = [];
  for await (const chunk of ctx.req) chunks.push(chunk);
  const bffUrl = new URL(bff.server.url);
  let response;
  try {
    response = await fetch(bff.server.url + route.bffPath + ctx.search, {
      method: ctx.method,
      headers: headersForBff(ctx.request.headers, route.clerk, bffUrl),
      body: chunks.length ? Buffer.concat(chunks) : undefined,
      redirect: 'manual',
    });
  } catch {
    // The BFF is restarting: a gateway in front of it answers so.
    ctx.status = 502;
    return;
  }
  ctx.status = response.status;
  for (const [name, value] of response.headers) {
    if (!['set-cookie', 'content-length', 'content-encoding', 'transfer-encoding', 'connection', 'keep-alive'].includes(name))
      ctx.set(name, value);
  }
  const cookies = response.headers.getSetCookie().map((cookie) => cookieForBrowser(cookie, route.clerk));
  if (cookies.length) ctx.set('set-cookie', cookies);
  // The chat's answer (Server-Sent Events) goes on piece by piece, as a reverse proxy passes it.
  if (response.headers.get('content-type')?.startsWith('text/event-stream') && response.body) {
    ctx.body = Readable.fromWeb(response.body);
    return;
  }
  ctx.body = Buffer.from(await response.arrayBuffer());
}

/**
 * socket.io's packages name their debug builds (which import the CommonJS `debug`) under the `development`
 * condition that Lit's dev mode needs: take their plain browser builds instead, as the production build does.
 */
const socketIoBrowserBuilds = {
  name: 'socket-io-browser-builds',
  resolveImport({ source }) {
    if (['socket.io-client', 'engine.io-client', 'socket.io-parser'].includes(source)) return `/node_modules/${source}/build/esm/index.js`;
    return undefined;
  },
};

export default {
  // Element tests two pages at a time; the end-to-end files (`npm run test:widgets` runs them second) one
  // at a time: a page waiting in the background for the real BFF gets throttled timers and flakes.
  files: ['widgets/**/*.test.ts', '!widgets/**/*.e2e.test.ts'],
  groups: [{ name: 'end-to-end', files: 'widgets/**/*.e2e.test.ts' }],
  // The browser builds of dependencies (socket.io's engine.io-client maps its Node transports to the browser's)
  nodeResolve: { browser: true, exportConditions: ['browser', 'development'] },
  concurrency: 2,
  // The end-to-end files sign two people in against the real BFF and run whole scenarios (about a minute
  // each on a busy machine); the default limit of 120 s per run is too tight for them.
  testsFinishTimeout: 600_000,
  testFramework: { config: { timeout: 5000 } },
  browsers: [
    chromeLauncher({
      // Every page (test files run two at a time) gets its own cookie jar: an end-to-end file signing in
      // must never replace the session cookie of another file running at the same time.
      createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
      launchOptions: chromiumLaunchOptions,
    }),
  ],
  middleware: [bffMiddleware],
  plugins: [
    realBffPlugin,
    socketIoBrowserBuilds,
    // Reads the file as it is (no `extends`): tsconfig.browser.json states Lit's decorator options itself.
    esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.browser.json', import.meta.url)) }),
  ],
};
