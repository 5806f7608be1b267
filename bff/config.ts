import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * Runtime configuration, read once from the environment and validated at boot.
 * A bad value stops the process with a readable message instead of failing later.
 */
export const booleanFromEnv = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

/** An IPv4/IPv6 address or CIDR range, or one of Express's names `loopback`, `linklocal`, `uniquelocal`. */
function isProxyAddress(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [address, prefix, extra] = entry.split('/');
  const family = isIP(address ?? '');
  if (!family || extra !== undefined) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

/**
 * Which proxies may tell the client's address in X-Forwarded-For: `false`/`0` none, a hop count, or the
 * proxies' addresses. Never "everything": a client could then write any address there and slip past
 * every per-address limit.
 */
const trustProxyFromEnv = z.string().transform((raw, ctx): false | number | string[] => {
  const value = raw.trim().toLowerCase();
  if (value === 'false' || value === '0') return false;
  if (/^\d+$/.test(value)) return Number(value);
  const entries = value.split(',').map((entry) => entry.trim());
  if (entries.every(isProxyAddress)) return entries;
  ctx.addIssue({
    code: 'custom',
    message: ['true', '1', 'yes', 'on'].includes(value)
      ? 'TRUST_PROXY=true würde jedem Absender glauben, der X-Forwarded-For setzt (damit ließe sich jede Sperre pro Adresse umgehen). Schreiben Sie die Zahl der Proxys vor dem BFF (z. B. TRUST_PROXY=1 für einen Reverse-Proxy) oder ihre Adressen (z. B. TRUST_PROXY=10.0.0.0/8,127.0.0.1).'
      : 'TRUST_PROXY muss false, die Zahl der Proxys vor dem BFF (z. B. TRUST_PROXY=1) oder eine Liste ihrer Adressen bzw. CIDR-Bereiche sein (z. B. TRUST_PROXY=10.0.0.0/8,127.0.0.1).',
  });
  return z.NEVER;
});

const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().default('127.0.0.1'),
    PORT: z.coerce.number({ error: 'muss eine Portnummer sein (0–65535)' }).int().min(0).max(65535).default(3000),
    /** Public base URL of the BFF (used in e-mail links and the loader); defaults to http://HOST:PORT. */
    PUBLIC_URL: z.url().optional(),
    /** App-role connection string. Unset: embedded PGlite in DATA_DIR. */
    DATABASE_URL: z.string().optional(),
    /** Owner-role connection string used only for migrations (required with DATABASE_URL). */
    DATABASE_OWNER_URL: z.string().optional(),
    DATA_DIR: z.string().default('.data'),
    /** Secret that signs the session cookie; generated and kept in DATA_DIR outside production. */
    SESSION_SECRET: z.string().min(32, 'SESSION_SECRET muss mindestens 32 Zeichen lang sein').optional(),
    SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
    SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(12),
    /** `lax` when the BFF shares a site with the homepage; `none` for cross-site embeds (https only). */
    COOKIE_SAMESITE: z.enum(['lax', 'strict', 'none']).default('lax'),
    /**
     * Proxies in front of the BFF whose X-Forwarded-For entries are believed: `false` (default), a hop count
     * (`1` behind one reverse proxy) or a comma-separated list of their addresses/CIDR ranges. `true` is refused.
     */
    TRUST_PROXY: trustProxyFromEnv.default(false),
    REDIS_URL: z.string().optional(),
    /** Redis key prefix of the rate-limit counters (with REDIS_URL): the instances of one deployment share it. */
    RATE_LIMIT_PREFIX: z.string().default('mp:rl:'),
    SMTP_URL: z.string().optional(),
    MAIL_FROM: z.string().default('Mieterportal <no-reply@mieterportal.invalid>'),
    /** Bearer token for the platform admin API; the API is disabled while unset. */
    ADMIN_API_TOKEN: z.string().min(24, 'ADMIN_API_TOKEN muss mindestens 24 Zeichen lang sein').optional(),
    /**
     * Bearer token for `GET /metrics` (Prometheus text format: requests by route and status, latency,
     * database pool, outbox backlog, connected sockets). Unset: no /metrics route. Scrapers send
     * `Authorization: Bearer <token>`; keep the route off the public internet at the proxy as well.
     */
    METRICS_TOKEN: z.string().min(24, 'METRICS_TOKEN muss mindestens 24 Zeichen lang sein').optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
    LOGIN_LOCK_MINUTES: z.coerce.number().int().positive().default(15),
    /** Per-IP requests per minute to the sign-in endpoints; unset: 30 (1000 with NODE_ENV=test). */
    AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().optional(),
    /** Largest image accepted, in megapixels (width × height read from the file's header, before decoding). */
    UPLOAD_MAX_MEGAPIXELS: z.coerce.number().positive().default(50),
    /** Requests per client IP and minute to the public pages of signed links (viewing booking); unset: 60 (1000 with NODE_ENV=test). */
    SIGNED_LINK_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().optional(),
    /** Uploads per account and minute; unset: 30 (1000 with NODE_ENV=test). */
    UPLOAD_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().optional(),
    /** Tenant chat (docs/chat.md): messages per resident and minute; unset: 10 (1000 with NODE_ENV=test). */
    CHAT_MESSAGES_PER_MINUTE: z.coerce.number().int().positive().optional(),
    /** Tool calls the model may make in one answer before it is cut short (`tool_call_limit`). */
    CHAT_MAX_TOOL_CALLS_PER_TURN: z.coerce.number().int().positive().default(8),
    /** Output tokens of one answer, over all its model requests (`turn_token_limit`). */
    CHAT_MAX_TOKENS_PER_TURN: z.coerce.number().int().positive().default(4000),
    /** Uploads decoded and checked at the same time (CPU-bound); unset: the number of cores less one, at least 1. */
    UPLOAD_DECODE_CONCURRENCY: z.coerce.number().int().positive().optional(),
    /** Outbox worker (bff/outbox/): pause between polls, attempts before a dead letter, retry backoff, claim lease. */
    OUTBOX_POLL_MS: z.coerce.number().int().positive().default(1000),
    OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().positive().default(12),
    OUTBOX_RETRY_BASE_MS: z.coerce.number().int().positive().default(5000),
    OUTBOX_RETRY_MAX_MS: z.coerce.number().int().positive().default(3_600_000),
    OUTBOX_LEASE_MS: z.coerce.number().int().positive().default(120_000),
    /**
     * Key that encrypts stored secrets (TOTP secrets, Vorgang API credentials): 32 bytes, base64
     * (`openssl rand -base64 32`). Required in production; elsewhere generated once and kept in DATA_DIR.
     */
    DATA_ENCRYPTION_KEY: z.string().optional(),
    /** Earlier keys (comma-separated, base64) after a rotation: read only; start-up re-encrypts with DATA_ENCRYPTION_KEY. */
    DATA_ENCRYPTION_PREVIOUS_KEYS: z.string().optional(),
    /** How often each instance looks for due scheduled jobs (bff/jobs/: purges); each job runs once per period across instances. */
    JOBS_POLL_MS: z.coerce.number().int().positive().default(30_000),
    /** Time limit of one request to a housing company's Vorgang API. */
    CASE_BACKEND_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
    /**
     * Portal mailbox (bff/leads/intake/imap-poller.ts, docs/lead-intake.md): where ImmoScout24 and Immowelt deliver
     * enquiries. `imaps://host` or `imap://host` (STARTTLS, required beyond loopback); unset: no polling.
     */
    LEAD_IMAP_URL: z
      .url({ protocol: /^imaps?$/, error: 'LEAD_IMAP_URL muss eine Adresse wie imaps://imap.example.de oder imap://host:143 sein' })
      .optional(),
    LEAD_IMAP_USER: z.string().optional(),
    LEAD_IMAP_PASSWORD: z.string().optional(),
    LEAD_IMAP_MAILBOX: z.string().default('INBOX'),
    /** Handled mails are moved here (created when missing); unset: they stay in the mailbox, marked as read. */
    LEAD_IMAP_PROCESSED_MAILBOX: z.string().optional(),
    LEAD_IMAP_POLL_MS: z.coerce.number().int().positive().default(60_000),
    LEAD_IMAP_RETRY_BASE_MS: z.coerce.number().int().positive().default(5000),
    LEAD_IMAP_RETRY_MAX_MS: z.coerce.number().int().positive().default(600_000),
    /** The housing company (its slug) whose leads the mailbox holds; required with LEAD_IMAP_URL, checked at start. */
    LEAD_IMAP_TENANT: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'LEAD_IMAP_TENANT muss das Kürzel einer Hausverwaltung sein, z. B. wohnbau-nord')
      .optional(),
    /**
     * Folder of OpenImmo-Feedback files (source `openimmo-ftp`, docs/lead-intake.md): read files move to `done/`, dead
     * letters to `failed/`; unset: no folder is read.
     */
    LEAD_OPENIMMO_DIR: z.string().optional(),
    /** The housing company (its slug) the folder's files belong to; required with LEAD_OPENIMMO_DIR, checked at start. */
    LEAD_OPENIMMO_TENANT: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'LEAD_OPENIMMO_TENANT muss das Kürzel einer Hausverwaltung sein, z. B. wohnbau-nord')
      .optional(),
    /** How often the folder is read (one instance at a time, bff/jobs/); a run is checked for every JOBS_POLL_MS. */
    LEAD_OPENIMMO_POLL_MS: z.coerce.number().int().positive().default(60_000),
    /**
     * How long stopping (SIGTERM, SIGINT) may take: requests under way get most of it to finish, then the
     * outbox worker and the database connections are closed. Keep it below the orchestrator's grace period
     * (Kubernetes and Docker: 10 s); the process exits one second after it at the latest.
     */
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(7000),
    /** `false`: the BFF does not migrate at start and refuses to serve on a schema that is behind (`npm run admin -- db migrate`). */
    MIGRATE_AT_START: booleanFromEnv.default(true),
    /** Demo mode (`npm start` sets it): demo data, demo site, /dev/outbox and /dev/demo-logins. Never in production. */
    DEMO_MODE: booleanFromEnv.default(false),
    /**
     * The chat's model (bff/chat/models/select.ts, docs/chat.md "Model providers"): Anthropic Claude when
     * ANTHROPIC_API_KEY is set, else an OpenAI-compatible server when OPENAI_COMPATIBLE_BASE_URL is set, else
     * the offline assistant (no key, no network).
     */
    ANTHROPIC_API_KEY: z.string().optional(),
    ANTHROPIC_MODEL: z.string().default('claude-sonnet-5-5'),
    /** Another Messages API endpoint (a regional or proxy endpoint); unset: the SDK's default (api.anthropic.com). */
    ANTHROPIC_BASE_URL: z.url().optional(),
    /** Base URL of an OpenAI-compatible API including its version path, e.g. `https://api.mistral.ai/v1` or `http://vllm:8000/v1`. */
    OPENAI_COMPATIBLE_BASE_URL: z.url().optional(),
    /** Its key (sent as `Authorization: Bearer`); self-hosted servers often need none. */
    OPENAI_COMPATIBLE_API_KEY: z.string().optional(),
    /** The model name that server knows (required with OPENAI_COMPATIBLE_BASE_URL). */
    OPENAI_COMPATIBLE_MODEL: z.string().optional(),
    /** Attempts the model SDKs repeat by themselves after a connection error, 408/409/429 or 5xx, before the resident sees the error. */
    CHAT_MODEL_MAX_RETRIES: z.coerce.number().int().nonnegative().default(2),
    /**
     * Credit check (docs/leads.md, "Bonitätsprüfung"): the bureau's JSON gateway. Unset: the offline demo adapter
     * (deterministic, no network). https only, except on loopback (tests).
     */
    CREDIT_CHECK_URL: z
      .url({ protocol: /^https?$/, error: 'CREDIT_CHECK_URL muss eine Adresse wie https://auskunft.example.de/v1/checks sein' })
      .optional(),
    /** Its key (sent as `Authorization: Bearer`); required with CREDIT_CHECK_URL. */
    CREDIT_CHECK_API_KEY: z.string().min(16, 'CREDIT_CHECK_API_KEY muss mindestens 16 Zeichen lang sein').optional(),
    /** The bureau's name as the person reads it before consenting (who receives the data); required with CREDIT_CHECK_URL. */
    CREDIT_CHECK_BUREAU_NAME: z.string().trim().min(2).max(120).optional(),
    /** Time limit of one request to the bureau. */
    CREDIT_CHECK_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
    /** How long a repeated request with an Idempotency-Key waits for the first one's answer before it answers 409 idempotency_in_progress. */
    IDEMPOTENCY_WAIT_MS: z.coerce.number().int().nonnegative().default(10_000),
  })
  .superRefine((env, ctx) => {
    if (env.DATABASE_URL && !env.DATABASE_OWNER_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['DATABASE_OWNER_URL'],
        message: 'DATABASE_OWNER_URL ist nötig, wenn DATABASE_URL gesetzt ist (Migrationen laufen als Eigentümer-Rolle)',
      });
    }
    if (env.NODE_ENV === 'production' && !env.SESSION_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: 'SESSION_SECRET ist in Produktion Pflicht' });
    }
    if (env.DEMO_MODE && env.NODE_ENV === 'production') {
      ctx.addIssue({
        code: 'custom',
        path: ['DEMO_MODE'],
        message: 'Der Demo-Modus ist in Produktion nicht erlaubt (öffentlich bekannte Zugänge)',
      });
    }
    if (env.NODE_ENV === 'production' && !env.DATA_ENCRYPTION_KEY) {
      ctx.addIssue({ code: 'custom', path: ['DATA_ENCRYPTION_KEY'], message: 'DATA_ENCRYPTION_KEY ist in Produktion Pflicht' });
    }
    if (env.OPENAI_COMPATIBLE_BASE_URL && !env.OPENAI_COMPATIBLE_MODEL) {
      ctx.addIssue({
        code: 'custom',
        path: ['OPENAI_COMPATIBLE_MODEL'],
        message: 'OPENAI_COMPATIBLE_MODEL ist nötig, wenn OPENAI_COMPATIBLE_BASE_URL gesetzt ist (der Modellname, den der Server kennt)',
      });
    }
    if (env.LEAD_IMAP_URL && (!env.LEAD_IMAP_USER || !env.LEAD_IMAP_PASSWORD)) {
      ctx.addIssue({
        code: 'custom',
        path: [env.LEAD_IMAP_USER ? 'LEAD_IMAP_PASSWORD' : 'LEAD_IMAP_USER'],
        message: 'LEAD_IMAP_USER und LEAD_IMAP_PASSWORD sind nötig, wenn LEAD_IMAP_URL gesetzt ist (Anmeldung am Postfach)',
      });
    }
    if (env.LEAD_IMAP_URL && !env.LEAD_IMAP_TENANT) {
      ctx.addIssue({
        code: 'custom',
        path: ['LEAD_IMAP_TENANT'],
        message: 'LEAD_IMAP_TENANT ist nötig, wenn LEAD_IMAP_URL gesetzt ist (die Hausverwaltung des Postfachs)',
      });
    }
    if (env.LEAD_OPENIMMO_DIR && !env.LEAD_OPENIMMO_TENANT) {
      ctx.addIssue({
        code: 'custom',
        path: ['LEAD_OPENIMMO_TENANT'],
        message: 'LEAD_OPENIMMO_TENANT ist nötig, wenn LEAD_OPENIMMO_DIR gesetzt ist (die Hausverwaltung des Ordners)',
      });
    }
    if (env.CREDIT_CHECK_URL) {
      for (const name of ['CREDIT_CHECK_API_KEY', 'CREDIT_CHECK_BUREAU_NAME'] as const) {
        if (!env[name]) {
          ctx.addIssue({ code: 'custom', path: [name], message: `${name} ist nötig, wenn CREDIT_CHECK_URL gesetzt ist` });
        }
      }
      const { protocol, hostname } = new URL(env.CREDIT_CHECK_URL);
      if (protocol !== 'https:' && !['127.0.0.1', 'localhost', '[::1]'].includes(hostname)) {
        ctx.addIssue({
          code: 'custom',
          path: ['CREDIT_CHECK_URL'],
          message: 'CREDIT_CHECK_URL muss https verwenden (personenbezogene Daten); http nur für 127.0.0.1/localhost',
        });
      }
    }
    if (env.COOKIE_SAMESITE === 'none' && env.PUBLIC_URL && !env.PUBLIC_URL.startsWith('https://')) {
      ctx.addIssue({ code: 'custom', path: ['COOKIE_SAMESITE'], message: 'SameSite=None verlangt eine https-PUBLIC_URL' });
    }
  });

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable (`REDIS_URL=`) means unset, as in most shells' and process managers' usage.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = configSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - ${issue.path.join('.') || '(env)'}: ${issue.message}`);
    throw new ConfigError(`Ungültige Konfiguration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Every variable the BFF reads; docs/operations.md has a row for each (bff/operations/env-table.test.ts). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(configSchema.shape);
