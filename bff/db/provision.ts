import pg from 'pg';
import { APP_ROLE, OWNER_ROLE } from './database.ts';

/**
 * Prepares a PostgreSQL server for Mieterportal using an administrator connection: the owner role
 * (migrations), the app role (no BYPASSRLS, owns nothing) and a database owned by the owner.
 * Passwords are optional because local and CI servers use trust auth.
 */
export interface ProvisionOptions {
  adminUrl: string;
  database: string;
  ownerPassword?: string;
  appPassword?: string;
}

export interface ProvisionedUrls {
  url: string;
  ownerUrl: string;
}

export async function provisionDatabase(options: ProvisionOptions): Promise<ProvisionedUrls> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(options.database)) throw new Error(`Ungültiger Datenbankname: ${options.database}`);
  const admin = new pg.Client({ connectionString: options.adminUrl });
  await admin.connect();
  try {
    for (const [role, password] of [
      [OWNER_ROLE, options.ownerPassword],
      [APP_ROLE, options.appPassword],
    ] as const) {
      // Roles are cluster-wide; parallel test processes may race to create them.
      await admin
        .query(
          `DO $$ BEGIN CREATE ROLE ${role} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB;
                EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`,
        )
        .catch((error: { code?: string }) => {
          if (error.code !== '23505' && error.code !== '42710') throw error;
        });
      if (password) await admin.query(`ALTER ROLE ${role} PASSWORD ${pg.escapeLiteral(password)}`);
    }
    const exists = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [options.database]);
    if (!exists.rowCount) await admin.query(`CREATE DATABASE ${options.database} OWNER ${OWNER_ROLE}`);
  } finally {
    await admin.end();
  }
  const db = new pg.Client({ connectionString: withDatabase(options.adminUrl, options.database) });
  await db.connect();
  try {
    await db.query(`REVOKE ALL ON SCHEMA public FROM PUBLIC`);
    // No temporary tables for the app role: one could shadow a real table for the rest of a pooled connection.
    await db.query(`REVOKE TEMPORARY ON DATABASE ${options.database} FROM PUBLIC`);
    await db.query(`GRANT ALL ON SCHEMA public TO ${OWNER_ROLE}`);
    await db.query(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`);
    await db.query(`GRANT CONNECT ON DATABASE ${options.database} TO ${APP_ROLE}`);
  } finally {
    await db.end();
  }
  return {
    url: withCredentials(options.adminUrl, options.database, APP_ROLE, options.appPassword),
    ownerUrl: withCredentials(options.adminUrl, options.database, OWNER_ROLE, options.ownerPassword),
  };
}

export async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function withCredentials(url: string, database: string, user: string, password?: string): string {
  const parsed = new URL(withDatabase(url, database));
  parsed.username = user;
  parsed.password = password ?? '';
  return parsed.toString();
}
