import type { Express } from 'express';
import type { AppContext } from '../context.ts';
import { ping } from '../db/checks.ts';
import { withScope } from '../db/scope.ts';

/** Liveness answers without touching anything; readiness proves the database answers as the app role. */
export function registerHealthRoutes(app: Express, ctx: AppContext): void {
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await withScope(ctx.db, { role: 'auth' }, ping);
      res.json({ status: 'ready', database: ctx.db.kind });
    } catch (err) {
      ctx.logger.warn({ err }, 'readiness check failed');
      res.status(503).json({ status: 'unavailable', error: { code: 'database_unavailable', message: 'Datenbank nicht erreichbar.' } });
    }
  });
}
