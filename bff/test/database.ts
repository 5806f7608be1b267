import { randomBytes } from 'node:crypto';
import { openDatabase, type Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { dropDatabase, provisionDatabase } from '../db/provision.ts';

/**
 * One database per test process: a fresh PostgreSQL database on the server named by DATABASE_URL
 * (an administrator connection, as on CI), otherwise an in-memory PGlite. Tests isolate from each
 * other by creating their own housing companies, which is exactly what RLS separates.
 */
export interface TestDatabase {
  db: Database;
  /** Connection strings for a second BFF instance on the same database (PostgreSQL only). */
  urls?: { url: string; ownerUrl: string };
  close(): Promise<void>;
}

export async function openTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const db = await openDatabase({});
    await migrate(db);
    return { db, close: () => db.close() };
  }
  const name = `mp_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const urls = await provisionDatabase({ adminUrl, database: name });
  const db = await openDatabase({ ...urls, poolSize: 5 });
  await migrate(db);
  return {
    db,
    urls,
    async close() {
      await db.close();
      await dropDatabase(adminUrl, name);
    },
  };
}
