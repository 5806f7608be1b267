import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit, type Store } from 'express-rate-limit';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import { createClient } from 'redis';
import type { Logger } from 'pino';
import { AppError } from '../errors.ts';

/**
 * Per-minute limits (express-rate-limit). With REDIS_URL the counters live in Redis (rate-limit-redis), so
 * the instances behind a load balancer count together; otherwise in this process's memory.
 */
export interface RateLimits {
  /** A limiter of `perMinute` requests per key (default: the client's address); `name` separates its counters. */
  limiter(options: {
    name: string;
    perMinute: number;
    key?: (req: Request) => string | undefined;
    message: string;
    /** Count only refused requests (status 400 and above): a sender that signs correctly is never held back. */
    failuresOnly?: boolean;
  }): RequestHandler;
  close(): Promise<void>;
}

/** The client's address as the limit's key (IPv6 by its /56 network, so one host cannot rotate through its range). */
export const addressKey = (req: Request) => ipKeyGenerator(req.ip ?? '');

export async function createRateLimits(options: { redisUrl?: string; prefix: string; logger: Logger }): Promise<RateLimits> {
  let redis: ReturnType<typeof createClient> | undefined;
  if (options.redisUrl) {
    redis = createClient({ url: options.redisUrl });
    redis.on('error', (err) => options.logger.error({ err }, 'redis rate limit client error'));
    await redis.connect();
  }
  const client = redis;
  return {
    limiter({ name, perMinute, key, message, failuresOnly }) {
      const store: Store | undefined = client
        ? new RedisStore({
            prefix: `${options.prefix}${name}:`,
            sendCommand: (...args: string[]) => client.sendCommand<RedisReply>(args),
          })
        : undefined;
      return rateLimit({
        windowMs: 60_000,
        limit: perMinute,
        standardHeaders: 'draft-8',
        legacyHeaders: false,
        ...(store ? { store } : {}),
        // Redis unreachable for a moment: let requests through (and log) rather than refuse everyone.
        passOnStoreError: true,
        skipSuccessfulRequests: failuresOnly ?? false,
        keyGenerator: (req) => key?.(req) ?? addressKey(req),
        handler: (_req, _res, next) => next(new AppError(429, 'rate_limited', message)),
      });
    },
    async close() {
      if (client?.isOpen) await client.quit();
    },
  };
}
