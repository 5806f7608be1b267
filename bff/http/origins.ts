import type { Database } from '../db/database.ts';
import { withScope } from '../db/scope.ts';

const CACHE_MS = 30_000;

/**
 * CORS: a browser origin may call the API only if some housing company registered it as an embed
 * origin (or it is the BFF itself). The list is cached briefly; onboarding changes show up within 30 s.
 */
export function createOriginPolicy(db: Database) {
  let cached: { at: number; origins: Set<string> } | undefined;
  const load = async () => {
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.origins;
    const { rows } = await withScope(db, { role: 'auth' }, (tx) =>
      tx.query<{ origin: string }>(`SELECT DISTINCT unnest(allowed_origins) AS origin FROM tenants`),
    );
    cached = { at: Date.now(), origins: new Set(rows.map((row) => row.origin)) };
    return cached.origins;
  };
  return {
    async isRegistered(origin: string, selfUrl: string): Promise<boolean> {
      if (selfUrl && new URL(selfUrl).origin === origin) return true;
      return (await load()).has(origin);
    },
    forget() {
      cached = undefined;
    },
  };
}
