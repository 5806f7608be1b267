import type { Request, RequestHandler, Router } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Logger } from 'pino';
import type { Database } from '../db/database.ts';
import { withScope } from '../db/scope.ts';
import { countBacklog } from '../outbox/outbox-repository.ts';
import type { Realtime } from '../realtime/realtime.ts';

/**
 * The BFF's Prometheus metrics (prom-client), one registry per server so that several servers in one
 * process (tests) do not mix their figures. Request labels carry the route's template
 * (`/api/cases/:id`), never the concrete path, so an id never becomes a label value.
 */
export interface Metrics {
  registry: Registry;
  /** Counts and times every request by method, route template and status. */
  httpMiddleware: RequestHandler;
  /** A router mounted below `path`: its routes are labelled with the full template. */
  mount(path: string, router: Router): void;
}

export function createMetrics(deps: { db: Database; realtime: Realtime; logger: Logger }): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'mieterportal_' });
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({
    name: 'mieterportal_http_requests_total',
    help: 'HTTP requests answered',
    labelNames,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'mieterportal_http_request_duration_seconds',
    help: 'Time from a request to its answer',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Gauge({
    name: 'mieterportal_db_pool_connections',
    help: "Connections of the app role's pool by state (PostgreSQL server only)",
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const stats = deps.db.poolStats();
      if (!stats) return;
      this.set({ state: 'total' }, stats.total);
      this.set({ state: 'idle' }, stats.idle);
      this.set({ state: 'busy' }, stats.total - stats.idle);
      this.set({ state: 'waiting' }, stats.waiting);
      this.set({ state: 'max' }, stats.max);
    },
  });
  new Gauge({
    name: 'mieterportal_outbox_entries',
    help: 'Undelivered outbox entries of all housing companies: pending (due or waiting for a retry) and dead letters',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      // A scrape while the database is away still answers, with the last known backlog.
      const backlog = await withScope(deps.db, { role: 'system' }, countBacklog).catch((err: unknown) => {
        deps.logger.warn({ err }, 'outbox backlog for /metrics not readable');
        return undefined;
      });
      if (!backlog) return;
      this.set({ status: 'pending' }, backlog.pending);
      this.set({ status: 'dead' }, backlog.dead);
    },
  });
  new Gauge({
    name: 'mieterportal_realtime_connected_sockets',
    help: 'Live-update sockets connected to this instance',
    registers: [registry],
    collect() {
      this.set(deps.realtime.connectedSockets());
    },
  });

  const mounted: Array<{ path: string; router: Router }> = [];
  const routeOf = routeTemplates(mounted);
  const httpMiddleware: RequestHandler = (req, res, next) => {
    const stop = duration.startTimer();
    res.once('finish', () => {
      const labels = { method: req.method, route: routeOf(req), status: String(res.statusCode) };
      requests.inc(labels);
      stop(labels);
    });
    next();
  };
  return { registry, httpMiddleware, mount: (path, router) => void mounted.push({ path, router }) };
}

/**
 * The template of the route that answered (`/api/cases/:id`); `unmatched` for static files and unknown
 * paths. A router's routes know only their own part of the path, so the mount path is added back for them.
 */
function routeTemplates(mounted: Array<{ path: string; router: Router }>): (req: Request) => string {
  let mountOf: Map<unknown, string> | undefined;
  return (req) => {
    const route = req.route as { path?: unknown } | undefined;
    if (!route || typeof route.path !== 'string') return 'unmatched';
    mountOf ??= new Map(
      mounted.flatMap(({ path, router }) =>
        (router.stack as Array<{ route?: unknown }>).filter((layer) => layer.route).map((layer) => [layer.route, path] as const),
      ),
    );
    return (mountOf.get(route) ?? '') + route.path;
  };
}
