import pg from 'pg';
import { APP_ROLE, OWNER_ROLE } from './database.ts';

/**
 * Prepares a PostgreSQL server for Mieterportal using an administrator connection: the owner role
 * (migrations), the app role (no BYPASSRLS, owns nothing) and a database owned by the owner.
 * Passwords are optional because local and CI servers use trust auth. Safe to run again: what exists is
 * kept, and an existing role's password changes only when one is given.
 */
export interface ProvisionOptions {
  adminUrl: string;
  database: string;
  ownerPassword?: string;
  appPassword?: string;
  /** The password for a role created now when none is given (`npm run admin -- db provision` generates one). */
  newRolePassword?: () => string;
}

export interface ProvisionedUrls {
  /** App-role URL; it carries a password only when this run set one (`passwordSet`). */
  url: string;
  ownerUrl: string;
}

/** What a run did: `db provision` reports it, so a second run says what already existed. */
export interface ProvisionResult extends ProvisionedUrls {
  created: { ownerRole: boolean; appRole: boolean; database: boolean };
  passwordSet: { ownerRole: boolean; appRole: boolean };
}

export async function provisionDatabase(options: ProvisionOptions): Promise<ProvisionResult> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(options.database)) throw new Error(`Ungültiger Datenbankname: ${options.database}`);
  const admin = new pg.Client({ connectionString: options.adminUrl });
  await admin.connect();
  const passwords = new Map<string, string | undefined>();
  const createdRoles = new Set<string>();
  let createdDatabase = false;
  try {
    const { rows: existing } = await admin.query<{ rolname: string }>(`SELECT rolname FROM pg_roles WHERE rolname = ANY($1)`, [
      [OWNER_ROLE, APP_ROLE],
    ]);
    for (const [role, given] of [
      [OWNER_ROLE, options.ownerPassword],
      [APP_ROLE, options.appPassword],
    ] as const) {
      const isNew = !existing.some((row) => row.rolname === role);
      if (isNew) createdRoles.add(role);
      const password = given ?? (isNew ? options.newRolePassword?.() : undefined);
      passwords.set(role, password);
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
    if (!exists.rowCount) {
      await admin.query(`CREATE DATABASE ${options.database} OWNER ${OWNER_ROLE}`);
      createdDatabase = true;
    }
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
    url: withCredentials(options.adminUrl, options.database, APP_ROLE, passwords.get(APP_ROLE)),
    ownerUrl: withCredentials(options.adminUrl, options.database, OWNER_ROLE, passwords.get(OWNER_ROLE)),
    created: { ownerRole: createdRoles.has(OWNER_ROLE), appRole: createdRoles.has(APP_ROLE), database: createdDatabase },
    passwordSet: { ownerRole: passwords.get(OWNER_ROLE) !== undefined, appRole: passwords.get(APP_ROLE) !== undefined },
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
