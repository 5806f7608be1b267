import { createHash, timingSafeEqual } from 'node:crypto';
import type { Express } from 'express';
import type { AppContext } from '../context.ts';
import { ping } from '../db/checks.ts';
import { withScope } from '../db/scope.ts';
import { AppError } from '../errors.ts';
import type { Metrics } from './metrics.ts';
import type { RedisProbe } from './redis-probe.ts';

/**
 * Liveness answers without touching anything; readiness proves the database answers as the app role and,
 * with REDIS_URL, that Redis answers (without it live updates would not cross instances).
 */
export function registerHealthRoutes(app: Express, ctx: AppContext, deps: { redis?: RedisProbe } = {}): void {
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const [database, redis] = await Promise.all([
      withScope(ctx.db, { role: 'auth' }, ping).then(
        () => 'ok' as const,
        (err: unknown) => (ctx.logger.warn({ err }, 'readiness check failed: database'), 'unavailable' as const),
      ),
      deps.redis?.ping(1000).then(
        () => 'ok' as const,
        (err: unknown) => (ctx.logger.warn({ err }, 'readiness check failed: redis'), 'unavailable' as const),
      ),
    ]);
    const checks = { database, ...(redis ? { redis } : {}) };
    if (database === 'ok' && redis !== 'unavailable') {
      res.json({ status: 'ready', database: ctx.db.kind, checks });
    } else if (database !== 'ok') {
      res
        .status(503)
        .json({ status: 'unavailable', checks, error: { code: 'database_unavailable', message: 'Datenbank nicht erreichbar.' } });
    } else {
      res.status(503).json({ status: 'unavailable', checks, error: { code: 'service_unavailable', message: 'Redis nicht erreichbar.' } });
    }
  });
}

/**
 * `/metrics` in Prometheus text format, only with METRICS_TOKEN set and only for `Authorization: Bearer
 * <METRICS_TOKEN>`: the figures (routes, backlog, pool) are no secret but tell an attacker how the
 * service is doing, and a bearer token works through any reverse proxy and in every scraper.
 */
export function registerMetricsRoute(app: Express, ctx: AppContext, metrics: Metrics): void {
  const token = ctx.config.METRICS_TOKEN;
  if (!token) return;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  app.get('/metrics', async (req, res) => {
    const header = req.get('authorization') ?? '';
    const presented = header.startsWith('Bearer ') ? header.slice(7) : '';
    if (!timingSafeEqual(digest(presented), digest(token))) {
      res.set('www-authenticate', 'Bearer realm="metrics"');
      throw new AppError(401, 'unauthenticated', 'Ungültiges oder fehlendes Metrik-Token (METRICS_TOKEN).');
    }
    res.set('content-type', metrics.registry.contentType);
    res.send(await metrics.registry.metrics());
  });
}
