import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import type { Mailer } from './mail/mailer.ts';
import type { Realtime } from './realtime/realtime.ts';
import type { SecretBox } from './secrets/secret-box.ts';
import type { RateLimits } from './http/rate-limit.ts';

/** What every capability gets from the server: configuration and the shared ports. */
export interface AppContext {
  config: Config;
  db: Database;
  logger: Logger;
  mailer: Mailer;
  realtime: Realtime;
  /** Encrypts the secrets stored in the database (TOTP secrets, Vorgang API credentials). */
  secrets: SecretBox;
  /** Per-minute request limits, shared through Redis when REDIS_URL is set. */
  rateLimits: RateLimits;
  /** Public base URL of this BFF, e.g. http://127.0.0.1:3000. */
  publicUrl: () => string;
}
