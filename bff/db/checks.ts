import { APP_ROLE, type Database, type Queryable } from './database.ts';

/**
 * Refuses to serve when the database role could bypass row-level security: a superuser, a role with
 * BYPASSRLS, or one that owns a table (owners skip RLS unless it is forced) — directly or through a
 * role it is a member of (SET ROLE would reach it). On a server both the login role (what a stray
 * `RESET ROLE` returns to) and the transaction's role are checked: a superuser URL must not pass just
 * because every transaction runs `SET LOCAL ROLE`. On PGlite the session user is always a superuser
 * (see STACK.md); there every transaction switches to the app role, which is what is checked.
 */
export async function assertAppRoleIsRestricted(db: Database): Promise<void> {
  const problems = await db.transaction(async (tx) => {
    const found: string[] = [];
    const { rows } = await tx.query<{ current_user: string; session_user: string }>(`SELECT current_user, session_user`);
    const { current_user: current, session_user: login } = rows[0];
    if (current !== APP_ROLE) found.push(`Transaktionen laufen als ${current}, erwartet ${APP_ROLE}`);
    const roles = db.kind === 'postgres' && login !== current ? [current, login] : [current];
    for (const role of roles) found.push(...(await roleProblems(tx, role)));
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

async function roleProblems(tx: Queryable, role: string): Promise<string[]> {
  const { rows } = await tx.query<{ privileged: string[]; owned: string[] }>(
    `SELECT ARRAY(SELECT r.rolname::text FROM pg_roles r
                   WHERE (r.rolsuper OR r.rolbypassrls) AND pg_has_role($1, r.oid, 'MEMBER')) AS privileged,
            ARRAY(SELECT c.relname::text FROM pg_class c
                   WHERE c.relkind IN ('r', 'p') AND c.relnamespace = 'public'::regnamespace
                     AND pg_has_role($1, c.relowner, 'MEMBER')) AS owned`,
    [role],
  );
  const { privileged, owned } = rows[0];
  const found: string[] = [];
  if (privileged.length) found.push(`die Rolle ${role} ist Superuser oder hat BYPASSRLS (${privileged.join(', ')})`);
  if (owned.length) found.push(`die Rolle ${role} besitzt Tabellen: ${owned.join(', ')}`);
  return found;
}

/** The readiness probe: the database answers a statement in the caller's scope. */
export async function ping(tx: Queryable): Promise<void> {
  await tx.query('SELECT 1');
}
