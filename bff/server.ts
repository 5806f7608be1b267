import { createServer, type Server as HttpServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import express from 'express';
import session from 'express-session';
import cors from 'cors';
import { pino, type Logger } from 'pino';
import { loadConfig, type Config } from './config.ts';
import { openDatabase, type Database } from './db/database.ts';
import { assertSchemaIsCurrent, migrate } from './db/migrate.ts';
import { assertAppRoleIsRestricted } from './db/checks.ts';
import { Api } from './http/api.ts';
import { createGuard } from './http/guard.ts';
import { errorHandler, unknownRoute } from './http/errors.ts';
import { createDevOutboxMailer, createSmtpMailer, type Mailer } from './mail/mailer.ts';
import { attachRealtime, type Realtime } from './realtime/realtime.ts';
import { createRateLimits } from './http/rate-limit.ts';
import { DatabaseSessionStore, purgeExpiredSessions } from './auth/session-store.ts';
import { createCsrfProtection } from './auth/csrf.ts';
import './auth/session-data.ts';
import type { AppContext } from './context.ts';
import { createOriginPolicy } from './tenants/origins.ts';
import { registerHealthRoutes, registerMetricsRoute } from './health/routes.ts';
import { createMetrics } from './health/metrics.ts';
import { createRedisProbe } from './health/redis-probe.ts';
import { registerAuthRoutes } from './auth/routes.ts';
import { registerOnboardingRoutes } from './onboarding/routes.ts';
import { registerCaseRoutes } from './cases/routes.ts';
import { registerDocumentRoutes } from './documents/routes.ts';
import { keepWebhookRawBody, registerCaseBackendHttpRoutes } from './case-backend-http/routes.ts';
import { createCaseBackendDelivery } from './case-backend-http/delivery.ts';
import { CASE_BACKEND_TOPIC } from './case-backend-http/wire.ts';
import { startOutboxWorker, type OutboxWorker } from './outbox/worker.ts';
import { outboxPurgeJob } from './outbox/housekeeping.ts';
import { startJobRunner } from './jobs/runner.ts';
import { registerNotificationRoutes } from './notifications/routes.ts';
import { createClerkNotifier, overdueAnnouncementJob } from './cases/clerk-notifications.ts';
import { registerUploadRoutes } from './uploads/routes.ts';
import { createUploadUseCases, purgeExpiredUploads } from './uploads/use-cases.ts';
import { createCaseAnnouncer } from './cases/announcements.ts';
import { createEmbeddedCaseBackend } from './cases/embedded-case-backend.ts';
import { createCaseUseCases, type CaseUseCases } from './cases/use-cases.ts';
import { createHttpCaseBackend } from './case-backend-http/http-case-backend.ts';
import { createMailDelivery, MAIL_TOPIC } from './mail/mail-outbox.ts';
import { mountDevOutbox } from './mail/routes.ts';
import { mountDemoLogins } from './demo/routes.ts';
import { mountStaticAssets } from './http/static.ts';
import { pageSecurityPolicy, securityHeaders } from './http/security-headers.ts';
import { drainConnections, ShutdownClock, stopAccepting } from './lifecycle/shutdown.ts';
import { redactingLogger, requestLogging } from './http/request-logging.ts';
import { secretBoxFromConfig } from './secrets/secret-box.ts';
import { sealStoredSecrets } from './secrets/use-cases.ts';
import { createIdempotency, purgeExpiredIdempotencyKeys } from './idempotency/use-cases.ts';
import { registerSettingsRoutes } from './settings/routes.ts';
import { registerEmbeddingRoutes } from './tenants/routes.ts';
import { findTenantBySlug } from './tenants/use-cases.ts';
import type { ChatModel } from './chat/model.ts';
import { chatModelFromConfig } from './chat/models/select.ts';
import { createChatTools, type ChatToolDependencies, type ChatTools } from './chat/tools/index.ts';
import { createChatUseCases } from './chat/use-cases.ts';
import { registerChatRoutes } from './chat/routes.ts';
import { leadAnonymisationJob } from './leads/anonymisation.ts';
import { chatRetentionJob } from './chat/retention.ts';
import { createDocumentUseCases } from './documents/use-cases.ts';
import { systemClock, type Clock } from './jobs/runner.ts';
import { mountLeadWebhookBody, registerLeadRoutes } from './leads/routes.ts';
import { createLeadOverview } from './leads/overview.ts';
import { createCaseReports } from './reports/case-reports.ts';
import { registerReportRoutes } from './reports/routes.ts';
import { createLeadMailUseCases } from './leads/lead-mail.ts';
import { registerLeadMessageRoutes } from './leads/lead-mail-routes.ts';
import { createLeadUseCases } from './leads/use-cases.ts';
import { createLeadWebhookUseCases } from './leads/webhook-use-cases.ts';
import { createLeadLifecycleUseCases } from './leads/lifecycle-use-cases.ts';
import { createPlannedViewingConfirmation } from './viewings/planned-viewings.ts';
import { registerLeadLifecycleRoutes } from './leads/lifecycle-routes.ts';
import {
  createListingPublisherDelivery,
  createLoggingListingPublisher,
  LISTING_PUBLISHER_TOPIC,
  type ListingPublisher,
} from './leads/listing-publisher.ts';
import { createSignedLinks } from './signed-links/signed-links.ts';
import { mountSignedLinkLimit, registerSignedLinkRoutes } from './signed-links/routes.ts';
import { signedLinkKey } from './signed-links/token.ts';
import { noSmartLock, type SmartLock } from './viewings/smart-lock.ts';
import { creditCheckFromConfig } from './credit-check/select.ts';
import type { CreditCheck } from './credit-check/port.ts';
import { mountCreditCheckConsentPage, registerCreditCheckRoutes } from './credit-check/routes.ts';
import { createCreditCheckUseCases } from './credit-check/use-cases.ts';
import { mountViewingBookingPage, registerViewingRoutes } from './viewings/routes.ts';
import { createViewingUseCases } from './viewings/use-cases.ts';
import { createLeadIntakePathUseCases } from './leads/intake-path-use-cases.ts';
import { registerLeadIntakePathRoutes } from './leads/intake-path-routes.ts';
import { deadLetterPurgeJob, leadMailboxOf, openImmoFolderJob } from './leads/intake-workers.ts';
import { mountContractorAnswerPage, registerContractorRoutes } from './contractors/routes.ts';
import { createContractorUseCases } from './contractors/use-cases.ts';
import { registerPrivacyRoutes } from './privacy/routes.ts';
import { createPrivacyUseCases } from './privacy/use-cases.ts';

export interface RunningServer extends AppContext {
  url: string;
  httpServer: HttpServer;
  stop(): Promise<void>;
}

export interface StartOptions {
  env?: Record<string, string | undefined>;
  /** Use an already opened database (tests share one per process). */
  db?: Database;
  logger?: Logger;
  /** The chat's language model (tests: a scripted one); otherwise the one the configuration names. */
  chatModel?: ChatModel;
  /**
   * Tests only: builds the chat's tools instead of createChatTools, from the same dependencies and the case
   * use cases (the prompt-injection suite's variant with one tool's resident filter removed).
   */
  chatTools?: (deps: ChatToolDependencies, cases: CaseUseCases) => ChatTools;
  /** Where the BFF reads the time for signatures and scheduled jobs (tests set it, e.g. to a test vector's time). */
  clock?: Clock;
  /** Where withdrawals of let listings go (tests: a recording double); default: logged only. */
  listingPublisher?: ListingPublisher;
  /** The smart lock that grants access for booked viewings (tests: a recording double); default none. */
  smartLock?: SmartLock;
  /** The credit bureau (tests: a recording double); default: the one the configuration names (offline demo when unset). */
  creditCheck?: CreditCheck;
}

/** Boots the BFF: config, database (migrated and checked), HTTP API, realtime. Port 0 picks a free port. */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const config = loadConfig(options.env ?? process.env);
  const logger = redactingLogger(options.logger ?? pino({ level: config.LOG_LEVEL }));
  const db =
    options.db ??
    (await openDatabase({
      url: config.DATABASE_URL,
      ownerUrl: config.DATABASE_OWNER_URL,
      dataDir: config.DATABASE_URL ? undefined : join(config.DATA_DIR, 'pglite'),
    }));
  const ownsDb = !options.db;
  if (config.MIGRATE_AT_START) {
    const applied = await migrate(db);
    if (applied.length) logger.info({ applied }, 'migrations applied');
  } else {
    await assertSchemaIsCurrent(db);
  }
  await assertAppRoleIsRestricted(db);
  await db.closeOwnerConnections();
  const secrets = secretBoxFromConfig(config);
  const sealing = await sealStoredSecrets(db, secrets).catch(async (error: unknown) => {
    if (ownsDb) await db.close();
    throw error;
  });
  if (sealing.sealed || sealing.resealed) logger.info(sealing, 'stored secrets encrypted');

  const mailer: Mailer = config.SMTP_URL ? createSmtpMailer(config.SMTP_URL, config.MAIL_FROM) : createDevOutboxMailer(config.MAIL_FROM);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY);
  const httpServer = createServer(app);
  // Idle keep-alive connections outlive a reverse proxy's (commonly 60 s): a client must never reuse a
  // socket the BFF is closing at that moment (that request would fail with a reset instead of an answer).
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  let publicUrl = config.PUBLIC_URL ?? '';
  const origins = createOriginPolicy(db);

  const secure = (config.PUBLIC_URL ?? '').startsWith('https://');
  const secret = sessionSecret(config);
  const cookieAttributes = {
    httpOnly: true,
    secure,
    sameSite: config.COOKIE_SAMESITE,
    // Cross-site embeds get a partitioned cookie (CHIPS), so it works where third-party cookies are blocked.
    partitioned: config.COOKIE_SAMESITE === 'none' && secure,
  };
  const sessionMiddleware = session({
    name: 'mp.sid',
    secret,
    store: new DatabaseSessionStore(db),
    resave: false,
    // No row for a visitor who has not signed in: before sign-in the CSRF token is stateless (auth/csrf.ts).
    saveUninitialized: false,
    rolling: true,
    cookie: { ...cookieAttributes, maxAge: config.SESSION_IDLE_MINUTES * 60_000 },
  });

  const realtime: Realtime = await attachRealtime(httpServer, sessionMiddleware, {
    redisUrl: config.REDIS_URL,
    logger,
    allowOrigin: (origin) => origins.isRegistered(origin, publicUrl),
    allowOriginForTenant: (origin, tenantId) => origins.isAllowedForTenant(origin, tenantId, publicUrl),
    sessionAbsoluteMs: config.SESSION_ABSOLUTE_HOURS * 3_600_000,
  });
  // Before every other handler, socket.io's included (it took the server's request listeners over just now).
  httpServer.prependListener('request', securityHeaders({ https: secure }));
  const rateLimits = await createRateLimits({ redisUrl: config.REDIS_URL, prefix: config.RATE_LIMIT_PREFIX, logger });
  const ctx: AppContext = { config, db, logger, mailer, realtime, secrets, rateLimits, publicUrl: () => publicUrl };

  app.use(requestLogging(logger));
  const metrics = createMetrics({ db, realtime, logger });
  const redisProbe = config.REDIS_URL ? createRedisProbe(config.REDIS_URL, logger) : undefined;
  app.use(metrics.httpMiddleware);
  registerHealthRoutes(app, ctx, { redis: redisProbe });
  registerMetricsRoute(app, ctx, metrics);
  // The demo site and the /dev pages publish known passwords, TOTP codes and mailed links: demo mode only.
  const pagePolicy = pageSecurityPolicy({ https: secure, embedOrigins: () => origins.registeredOrigins() });
  mountStaticAssets(app, { demoSite: config.DEMO_MODE, pagePolicy });
  if (config.DEMO_MODE) app.use('/dev', pagePolicy);
  if (!config.SMTP_URL && config.DEMO_MODE) mountDevOutbox(app, mailer);
  if (config.DEMO_MODE) mountDemoLogins(app);

  app.use(
    '/api',
    cors({
      credentials: true,
      origin: (origin, callback) => {
        if (!origin) return callback(null, true);
        origins.isRegistered(origin, publicUrl).then((ok) => callback(null, ok), callback);
      },
    }),
  );
  // Webhooks keep their raw bytes: the signature is computed over them, not over re-serialised JSON.
  app.use('/api', express.json({ limit: '100kb', strict: true, verify: keepWebhookRawBody }));
  app.use('/api', sessionMiddleware);
  app.use('/api', enforceAbsoluteTimeout(config));
  app.use(
    '/api',
    origins.sessionOriginGuard(() => publicUrl),
  );

  // A pre-login token is good as long as an idle session would be.
  const csrf = createCsrfProtection({ secret, ttlMs: config.SESSION_IDLE_MINUTES * 60_000, cookie: cookieAttributes });
  // The platform admin API authenticates with a bearer token and webhooks with a signature, not a cookie,
  // so CSRF does not apply.
  const withoutCookie = (path: string) => path.startsWith('/admin/') || path.startsWith('/integrations/');
  app.use('/api', (req, res, next) => (withoutCookie(req.path) ? next() : csrf.protection(req, res, next)));
  // The lead webhooks live outside /api (no cookie, CORS or CSRF there): raw body, refusal limit.
  mountLeadWebhookBody(app, ctx);
  // Pages and requests opened by a signed link (no session): limited per client address.
  mountSignedLinkLimit(app, ctx, ['/api/viewing-booking', '/api/credit-check-consent', '/api/contractor-answer']);
  mountViewingBookingPage(app, pagePolicy);
  mountContractorAnswerPage(app, pagePolicy);
  mountCreditCheckConsentPage(app, pagePolicy);

  // The case core, composed once: every capability works cases through these use cases and their port.
  // eslint-disable-next-line prefer-const -- the use cases built next wake the worker, which starts after them
  let outboxWorker: OutboxWorker | undefined;
  const outbox = { wake: () => outboxWorker?.wake() };
  const uploads = createUploadUseCases(db);
  const caseBackend = createHttpCaseBackend(createEmbeddedCaseBackend());
  const caseAnnouncer = createCaseAnnouncer({ db, realtime, logger, outbox });
  const clerkNotifier = createClerkNotifier({ db, realtime, logger, outbox });
  const cases = createCaseUseCases({ db, backend: caseBackend, announcer: caseAnnouncer, uploads, clerks: clerkNotifier });

  const idempotency = createIdempotency(db, { waitMs: config.IDEMPOTENCY_WAIT_MS });
  const api = new Api(createGuard(config, options.clock ?? systemClock), idempotency);
  registerAuthRoutes(api, ctx, { csrfToken: csrf.token });
  registerOnboardingRoutes(api, ctx);
  registerCaseRoutes(api, ctx, cases);
  registerNotificationRoutes(api, db);
  registerCaseBackendHttpRoutes(api, ctx, { cases, outbox });
  registerUploadRoutes(api, ctx);
  registerDocumentRoutes(api, ctx, { cases, uploads });
  registerSettingsRoutes(api, ctx, { findTenantId: async (slug) => (await findTenantBySlug(db, slug))?.id });
  registerEmbeddingRoutes(api, ctx);
  const chatModel = options.chatModel ?? chatModelFromConfig(config);
  const chatToolDeps: ChatToolDependencies = {
    db,
    cases,
    documents: createDocumentUseCases({ db, realtime, cases, uploads }),
    publicUrl: ctx.publicUrl,
    logger,
  };
  const chatTools = options.chatTools ? options.chatTools(chatToolDeps, cases) : createChatTools(chatToolDeps);
  const chatLimits = { maxToolCallsPerTurn: config.CHAT_MAX_TOOL_CALLS_PER_TURN, maxTokensPerTurn: config.CHAT_MAX_TOKENS_PER_TURN };
  registerChatRoutes(
    api,
    ctx,
    createChatUseCases({ db, model: chatModel, tools: chatTools, cases, limits: chatLimits, instances: realtime }),
  );
  const clock = options.clock ?? systemClock;
  registerLeadRoutes(api, {
    leads: createLeadUseCases({ db }),
    webhook: createLeadWebhookUseCases({ db, secrets, realtime, clock, publicUrl: ctx.publicUrl }),
    overview: createLeadOverview({ db, clock }),
  });
  registerReportRoutes(api, { caseReport: createCaseReports({ db, clock }) });
  const leadMail = createLeadMailUseCases({ db, realtime });
  registerLeadMessageRoutes(api, leadMail);
  registerLeadLifecycleRoutes(
    api,
    createLeadLifecycleUseCases({
      db,
      realtime,
      clock,
      caseBackend,
      caseAnnouncer,
      outbox,
      plannedViewings: createPlannedViewingConfirmation({ smartLock: options.smartLock ?? noSmartLock, logger }),
    }),
  );
  const signedLinks = createSignedLinks({ db, key: signedLinkKey(secret), clock });
  registerSignedLinkRoutes(api, signedLinks);
  registerViewingRoutes(
    api,
    createViewingUseCases({ db, links: signedLinks, smartLock: options.smartLock ?? noSmartLock, clock, publicUrl: ctx.publicUrl, logger }),
  );
  registerCreditCheckRoutes(
    api,
    createCreditCheckUseCases({
      db,
      links: signedLinks,
      creditCheck: options.creditCheck ?? creditCheckFromConfig(config),
      clock,
      publicUrl: ctx.publicUrl,
      logger,
    }),
  );
  registerContractorRoutes(
    api,
    createContractorUseCases({
      db,
      backend: caseBackend,
      announcer: caseAnnouncer,
      links: signedLinks,
      clock,
      publicUrl: ctx.publicUrl,
      logger,
    }),
  );
  registerPrivacyRoutes(
    api,
    createPrivacyUseCases(db, () => clock.now()),
  );
  const leadIntake = createLeadIntakePathUseCases({ db, secrets, realtime, clock, replies: leadMail });
  registerLeadIntakePathRoutes(api, leadIntake);
  // A configured mailbox or folder naming no housing company stops the start here, before the port is open.
  const openImmoFolder = await openImmoFolderJob({ config, db, logger, intake: leadIntake });
  const startLeadMailbox = await leadMailboxOf({ config, db, logger, intake: leadIntake });
  const openapi = api.openapi({ title: 'Mieterportal BFF', version: '0.1.0' });
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  app.use('/api', api.router);
  metrics.mount('/api', api.router);
  app.use(api.rootRouter);
  metrics.mount('', api.rootRouter);
  app.use(unknownRoute);
  app.use(errorHandler(logger));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.PORT, config.HOST, () => resolve());
  });
  const address = httpServer.address() as AddressInfo;
  const url = `http://${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}`;
  publicUrl ||= url;

  const jobs = startJobRunner({
    db,
    logger,
    clock,
    pollMs: config.JOBS_POLL_MS,
    jobs: [
      { name: 'sessions-purge-expired', everyMs: 10 * 60_000, run: () => purgeExpiredSessions(db) },
      { name: 'uploads-purge-expired', everyMs: 10 * 60_000, run: () => purgeExpiredUploads(db) },
      { name: 'idempotency-keys-purge-expired', everyMs: 10 * 60_000, run: () => purgeExpiredIdempotencyKeys(db) },
      outboxPurgeJob(db),
      chatRetentionJob(db),
      leadAnonymisationJob(db),
      overdueAnnouncementJob({ db, outbox }),
      deadLetterPurgeJob(leadIntake),
      ...(openImmoFolder ? [openImmoFolder] : []),
    ],
  });
  const leadMailbox = startLeadMailbox?.();
  outboxWorker = startOutboxWorker({
    db,
    logger,
    handlers: {
      [CASE_BACKEND_TOPIC]: createCaseBackendDelivery(db, { timeoutMs: config.CASE_BACKEND_TIMEOUT_MS, publicUrl: ctx.publicUrl, secrets }),
      [MAIL_TOPIC]: createMailDelivery(mailer),
      [LISTING_PUBLISHER_TOPIC]: createListingPublisherDelivery(options.listingPublisher ?? createLoggingListingPublisher(logger)),
    },
    pollMs: config.OUTBOX_POLL_MS,
    maxAttempts: config.OUTBOX_MAX_ATTEMPTS,
    retryBaseMs: config.OUTBOX_RETRY_BASE_MS,
    retryMaxMs: config.OUTBOX_RETRY_MAX_MS,
    leaseMs: config.OUTBOX_LEASE_MS,
  });

  return {
    ...ctx,
    url,
    httpServer,
    // Stop accepting, tell live sockets to reconnect elsewhere, let requests under way finish, then stop the
    // background work and close the database; each step bounded, so a dead database or Redis cannot hang it.
    async stop() {
      const shutdown = new ShutdownClock(config.SHUTDOWN_TIMEOUT_MS, logger);
      const allClosed = stopAccepting(httpServer);
      await shutdown.step('realtime', () => realtime.close(), 1000);
      await drainConnections(httpServer, allClosed, shutdown.left() * 0.6);
      await shutdown.step(
        'background work',
        () => Promise.all([outboxWorker?.stop(), jobs.stop(), leadMailbox?.stop()]),
        shutdown.left() / 2,
      );
      await shutdown.step('rate limits', () => rateLimits.close(), 1000);
      redisProbe?.close();
      if (ownsDb) await shutdown.step('database', () => db.close());
    },
  };
}

export async function stopServer(server: RunningServer): Promise<void> {
  await server.stop();
}

/** Idle timeout is the cookie's rolling max-age; this adds the absolute limit since sign-in. */
function enforceAbsoluteTimeout(config: Config): express.RequestHandler {
  const limit = config.SESSION_ABSOLUTE_HOURS * 3_600_000;
  return (req, _res, next) => {
    const signedInAt = req.session?.signedInAt;
    if (signedInAt && Date.now() - signedInAt > limit) {
      req.session.regenerate((error) => next(error));
      return;
    }
    next();
  };
}

/** Outside production a secret is generated once and kept in DATA_DIR so sessions survive restarts. */
function sessionSecret(config: Config): string {
  if (config.SESSION_SECRET) return config.SESSION_SECRET;
  const file = join(config.DATA_DIR, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(config.DATA_DIR, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
