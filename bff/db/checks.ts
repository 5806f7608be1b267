import { APP_ROLE, type Database } from './database.ts';

/**
 * Refuses to serve when the database role could bypass row-level security: a superuser, a role with
 * BYPASSRLS, or one that owns a table (owners skip RLS unless it is forced). On PGlite the session user
 * is always a superuser; there every transaction switches to the app role, which is what is checked.
 */
export async function assertAppRoleIsRestricted(db: Database): Promise<void> {
  const problems = await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ rolname: string; rolsuper: boolean; rolbypassrls: boolean; owned: string[] }>(
      `SELECT r.rolname, r.rolsuper, r.rolbypassrls,
              coalesce(array_agg(c.relname::text) FILTER (WHERE c.relname IS NOT NULL), ARRAY[]::text[]) AS owned
         FROM pg_roles r
         LEFT JOIN pg_class c ON c.relowner = r.oid AND c.relkind IN ('r', 'p')
              AND c.relnamespace = 'public'::regnamespace
        WHERE r.rolname = current_user
        GROUP BY r.rolname, r.rolsuper, r.rolbypassrls`,
    );
    const role = rows[0];
    const found: string[] = [];
    if (!role) return [`Rolle ${APP_ROLE} nicht gefunden`];
    if (role.rolname !== APP_ROLE) found.push(`verbunden als ${role.rolname}, erwartet ${APP_ROLE}`);
    if (role.rolsuper) found.push('die Rolle ist Superuser');
    if (role.rolbypassrls) found.push('die Rolle hat BYPASSRLS');
    if (role.owned.length) found.push(`die Rolle besitzt Tabellen: ${role.owned.join(', ')}`);
    const { rows: unprotected } = await tx.query<{ relname: string }>(
      `SELECT c.relname FROM pg_class c
        WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace
          AND c.relname <> 'schema_migrations'
          AND NOT (c.relrowsecurity AND c.relforcerowsecurity)`,
    );
    if (unprotected.length) found.push(`Tabellen ohne FORCE ROW LEVEL SECURITY: ${unprotected.map((r) => r.relname).join(', ')}`);
    return found;
  });
  if (problems.length) {
    throw new Error(`Datenbankrolle unsicher, Start verweigert: ${problems.join('; ')}`);
  }
}
