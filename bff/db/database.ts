import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { AppError } from '../errors.ts';

/** The role the BFF works as. It owns nothing and has no BYPASSRLS. */
export const APP_ROLE = 'mieterportal_app';
/** The role that owns the schema; migrations run as it. */
export const OWNER_ROLE = 'mieterportal_owner';

export interface QueryResult<Row> {
  rows: Row[];
  rowCount: number;
}

/** What a unit of work can do: parameterised SQL only. */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<Row>>;
  /** Runs a script of several statements without parameters (migrations only). */
  exec(sql: string): Promise<void>;
}

/**
 * One data-access layer over PGlite (embedded) and a PostgreSQL server.
 * `transaction` always runs as the app role, so RLS applies identically on both.
 */
export interface Database {
  readonly kind: 'pglite' | 'postgres';
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs as the schema owner (migrations, start-up checks); never used for request work. */
  ownerTransaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Closes the owner's connections (the BFF calls it before serving, so a running BFF holds no connection
   * that could skip row-level security). A later `ownerTransaction` would connect again.
   */
  closeOwnerConnections(): Promise<void>;
  /** The app role's pool (for /metrics); undefined on PGlite, which has one embedded connection. */
  poolStats(): PoolStats | undefined;
  close(): Promise<void>;
}

export interface PoolStats {
  /** Open connections, busy or idle. */
  total: number;
  idle: number;
  /** Units of work waiting for a connection. */
  waiting: number;
  max: number;
}

export interface DatabaseOptions {
  /** App-role connection string; unset selects PGlite. */
  url?: string;
  ownerUrl?: string;
  /** PGlite data directory; unset keeps the database in memory. */
  dataDir?: string;
  /** PGlite: start from a dumped data directory (used by tests to skip initdb). */
  loadDataDir?: Blob;
  poolSize?: number;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url, options.ownerUrl ?? options.url, options.poolSize ?? 10);
  return openPglite(options.dataDir, options.loadDataDir);
}

async function openPglite(dataDir: string | undefined, loadDataDir: Blob | undefined): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const lite = await PGlite.create({ dataDir, loadDataDir });
  // PGlite's session user is always a superuser: create the two roles and switch to the app role
  // inside every transaction so that RLS is enforced exactly as on a server.
  await lite.exec(`
    DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${OWNER_ROLE}') THEN
        CREATE ROLE ${OWNER_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS;
      END IF;
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
        CREATE ROLE ${APP_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS;
      END IF;
    END $$;
    GRANT CREATE ON SCHEMA public TO ${OWNER_ROLE};
    -- No temporary tables for the app role: one could shadow a real table for the rest of the connection.
    DO $$ BEGIN EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database()); END $$;
  `);
  const run = <T>(role: string, fn: (tx: Queryable) => Promise<T>) =>
    lite.transaction(async (tx) => {
      await tx.exec(`SET LOCAL ROLE ${role}`);
      return fn({
        async query<Row>(sql: string, params?: unknown[]) {
          const result = await tx.query<Row>(sql, params);
          // PGlite reports affectedRows = 0 for SELECT; a statement with result columns counts its rows.
          const rowCount = result.fields.length ? result.rows.length : (result.affectedRows ?? 0);
          return { rows: result.rows, rowCount };
        },
        async exec(sql: string) {
          await tx.exec(sql);
        },
      });
    });
  return {
    kind: 'pglite',
    transaction: (fn) => run(APP_ROLE, fn),
    ownerTransaction: (fn) => run(OWNER_ROLE, fn),
    // One connection for both roles: the owner is only ever a transaction's SET LOCAL ROLE.
    closeOwnerConnections: async () => {},
    poolStats: () => undefined,
    close: () => lite.close(),
  };
}

async function openPostgres(url: string, ownerUrl: string, poolSize: number): Promise<Database> {
  const pool = keepRunningOnIdleErrors(new pg.Pool({ connectionString: url, max: poolSize, ...connectionLimits }));
  let ownerPool: pg.Pool | undefined;
  const run = async <T>(target: pg.Pool, role: string | undefined, fn: (tx: Queryable) => Promise<T>) => {
    const client = await target.connect().catch((error: unknown) => {
      throw isConnectionLoss(error) ? databaseUnavailable() : error;
    });
    // A connection that dies while checked out (failover, pg_terminate_backend, a network blip) reports an
    // `error` event on the client: without a listener that ends the process. The query under way fails too;
    // the broken connection is then destroyed instead of going back to the pool.
    let lost: unknown = lostConnections.get(client);
    const onLost = (error: unknown) => (lost = error);
    client.on('error', onLost);
    try {
      await client.query('BEGIN');
      // Harmless when already connected as the app role; protects against a misconfigured URL.
      if (role) await client.query(`SET LOCAL ROLE ${role}`);
      const result = await fn({
        async query<Row>(sql: string, params?: unknown[]) {
          const res = await client.query(sql, params as unknown[]);
          return { rows: res.rows as Row[], rowCount: res.rowCount ?? 0 };
        },
        async exec(sql: string) {
          await client.query(sql);
        },
      });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      if (lost || isConnectionLoss(error)) {
        lost ??= error;
        throw databaseUnavailable();
      }
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.off('error', onLost);
      client.release(lost ? (lost as Error) : undefined);
    }
  };
  return {
    kind: 'postgres',
    transaction: (fn) => run(pool, APP_ROLE, fn),
    ownerTransaction: (fn) => {
      ownerPool ??= keepRunningOnIdleErrors(new pg.Pool({ connectionString: ownerUrl, max: 2, ...connectionLimits }));
      return run(ownerPool, undefined, fn);
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: poolSize }),
    async closeOwnerConnections() {
      const closing = ownerPool;
      ownerPool = undefined;
      await closing?.end();
    },
    async close() {
      await pool.end();
      await ownerPool?.end();
    },
  };
}

/**
 * A server that does not answer (a network partition, a host gone during failover) fails a new connection
 * after 5 s instead of never (the request answers 503 database_unavailable), and TCP keep-alive lets the
 * operating system notice a dead peer under an established one.
 */
const connectionLimits = { connectionTimeoutMillis: 5000, keepAlive: true } satisfies pg.PoolConfig;

/**
 * An idle pooled connection that the server ends (restart, failover, an administrator, a dropped test
 * database) is reported as an `error` event on the pool; without a listener that is an uncaught
 * exception that stops the BFF. The pool has already discarded the connection and opens a new one for
 * the next query, so there is nothing else to do.
 */
export function keepRunningOnIdleErrors(pool: pg.Pool): pg.Pool {
  pool.on('error', () => undefined);
  // A connection can also die in the same network read that completed its start-up: the pool has then
  // handed it out (and stopped listening) before the unit of work listens. Each connection keeps its
  // own listener for its whole life; the unit of work finds the error here and answers 503.
  pool.on('connect', (client) => client.on('error', (error: unknown) => lostConnections.set(client, error)));
  return pool;
}

/** Connections whose `error` event arrived, whoever was listening: they are destroyed on release. */
const lostConnections = new WeakMap<pg.PoolClient, unknown>();

/** The database is unreachable or its connection died: the request may be tried again shortly. */
export const isDatabaseUnavailable = (error: unknown): boolean => error instanceof AppError && error.code === 'database_unavailable';

const databaseUnavailable = () =>
  new AppError(
    503,
    'database_unavailable',
    'Die Datenbank ist gerade nicht erreichbar. Bitte versuchen Sie es in wenigen Sekunden erneut.',
  );

/**
 * Errors that mean the connection (not the statement) failed: the server ended it (57P01 admin shutdown,
 * 57P02 crash, 57P03 not yet accepting), a connection exception (class 08), too many connections, or the
 * socket itself.
 */
function isConnectionLoss(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  if (code && (/^08/.test(code) || ['57P01', '57P02', '57P03', '53300'].includes(code))) return true;
  if (code && ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH'].includes(code)) return true;
  return /Connection terminated|connection timeout|Client has encountered a connection error/i.test(message ?? '');
}
