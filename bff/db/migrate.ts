import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.ts';

const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function listMigrations(): Migration[] {
  return readdirSync(migrationsDir)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((name) => {
      const sql = readFileSync(migrationsDir + name, 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/**
 * Applies pending migrations as the owner role, each in its own transaction, under an advisory lock so
 * that several BFF instances starting together apply each file once. A changed, already-applied file is
 * an error: migrations are append-only.
 */
export async function migrate(db: Database): Promise<string[]> {
  const applied: string[] = [];
  await db.ownerTransaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(727274)`);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await tx.query<{ name: string; checksum: string }>(`SELECT name, checksum FROM schema_migrations`);
    const done = new Map(rows.map((row) => [row.name, row.checksum]));
    for (const migration of listMigrations()) {
      const checksum = done.get(migration.name);
      if (checksum === migration.checksum) continue;
      if (checksum) throw new Error(`Migration ${migration.name} wurde nach dem Anwenden verändert`);
      await tx.exec(migration.sql);
      await tx.query(`INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)`, [migration.name, migration.checksum]);
      applied.push(migration.name);
    }
  });
  return applied;
}

/** The BFF was told not to migrate (MIGRATE_AT_START=false) and the schema is behind its code. */
export class SchemaNotCurrentError extends Error {}

/** Migrations of this code that the database has not applied yet (none applied: all of them). */
export async function pendingMigrations(db: Database): Promise<string[]> {
  const done = await db.ownerTransaction(async (tx) => {
    const { rows: table } = await tx.query<{ present: boolean }>(`SELECT to_regclass('schema_migrations') IS NOT NULL AS present`);
    if (!table[0].present) return new Map<string, string>();
    const { rows } = await tx.query<{ name: string; checksum: string }>(`SELECT name, checksum FROM schema_migrations`);
    return new Map(rows.map((row) => [row.name, row.checksum]));
  });
  const pending: string[] = [];
  for (const migration of listMigrations()) {
    const checksum = done.get(migration.name);
    if (checksum && checksum !== migration.checksum) throw new Error(`Migration ${migration.name} wurde nach dem Anwenden verändert`);
    if (!checksum) pending.push(migration.name);
  }
  return pending;
}

/** Refuses to serve on a schema that is behind: the operator migrates first (`npm run admin -- db migrate`). */
export async function assertSchemaIsCurrent(db: Database): Promise<void> {
  const pending = await pendingMigrations(db);
  if (pending.length) {
    throw new SchemaNotCurrentError(
      `Das Datenbankschema ist nicht aktuell: ${pending.length} Migration(en) fehlen (${pending.join(', ')}). ` +
        'Mit MIGRATE_AT_START=false migriert der Server nicht selbst: zuerst `npm run admin -- db migrate` ausführen.',
    );
  }
}
