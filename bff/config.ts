import { z } from 'zod';

/**
 * Runtime configuration, read once from the environment and validated at boot.
 * A bad value stops the process with a readable message instead of failing later.
 */
const booleanFromEnv = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

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
    TRUST_PROXY: booleanFromEnv.default(false),
    REDIS_URL: z.string().optional(),
    SMTP_URL: z.string().optional(),
    MAIL_FROM: z.string().default('Mieterportal <no-reply@mieterportal.invalid>'),
    /** Bearer token for the platform admin API; the API is disabled while unset. */
    ADMIN_API_TOKEN: z.string().min(24, 'ADMIN_API_TOKEN muss mindestens 24 Zeichen lang sein').optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
    LOGIN_LOCK_MINUTES: z.coerce.number().int().positive().default(15),
    /** Per-IP requests per minute to the sign-in endpoints; unset: 30 (1000 with NODE_ENV=test). */
    AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().optional(),
    /** Outbox worker (bff/outbox/): pause between polls, attempts before a dead letter, retry backoff, claim lease. */
    OUTBOX_POLL_MS: z.coerce.number().int().positive().default(1000),
    OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().positive().default(12),
    OUTBOX_RETRY_BASE_MS: z.coerce.number().int().positive().default(5000),
    OUTBOX_RETRY_MAX_MS: z.coerce.number().int().positive().default(3_600_000),
    OUTBOX_LEASE_MS: z.coerce.number().int().positive().default(120_000),
    /** Time limit of one request to a housing company's Vorgang API. */
    CASE_BACKEND_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
    /**
     * How long stopping (SIGTERM, SIGINT) may take: requests under way get most of it to finish, then the
     * outbox worker and the database connections are closed. Keep it below the orchestrator's grace period
     * (Kubernetes and Docker: 10 s); the process exits one second after it at the latest.
     */
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(8000),
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
