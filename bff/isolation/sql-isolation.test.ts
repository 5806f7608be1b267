import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { APP_ROLE, type Database } from '../db/database.ts';
import { withScope, withTenant, type Scope } from '../db/scope.ts';
import { assertAppRoleIsRestricted } from '../db/checks.ts';
import { closeTestDatabase, testDatabase } from '../test/harness.ts';
import type { TestDatabase } from '../test/database.ts';
import { createHousingCompany, type HousingCompany } from '../test/fixtures.ts';
import { addResident } from '../onboarding/use-cases.ts';
import { asTenantAdmin } from '../tenants/use-cases.ts';
import { startServer } from '../server.ts';
import {
  GLOBAL_TABLES,
  KNOWN_TENANT_TABLES,
  LEAD_PIPELINE_TABLES,
  NULLABLE_TENANT_ID,
  SEEDS,
  ident,
  outcome,
  scopesOf,
  seedEmptyTables,
  sessionKeyOf,
  superuser,
  tenantTables,
  type Superuser,
} from './support.ts';

/**
 * Tries to break row-level security as the app role, through withScope/withTenant exactly as request
 * handlers do. Tenant tables are read from pg_catalog, so a new table with tenant_id is attacked
 * automatically (and fails the coverage test until SEEDS gives it rows, if the fixture does not).
 */
describe('tenant isolation in SQL', () => {
  let test: TestDatabase;
  let db: Database;
  let su: Superuser;
  let a: HousingCompany;
  let b: HousingCompany;
  let tables: string[];

  before(async () => {
    test = await testDatabase();
    db = test.db;
    su = await superuser(test);
    [a, b] = [await createHousingCompany(db), await createHousingCompany(db)];
    tables = await tenantTables(db);
    await seedEmptyTables(db, a, tables);
    await seedEmptyTables(db, b, tables);
  });
  after(async () => {
    await su.close();
    await closeTestDatabase();
  });

  const count = async (table: string, tenantId: string) =>
    Number((await su.query<{ n: string }>(`SELECT count(*) AS n FROM ${ident(table)} WHERE tenant_id = $1`, [tenantId]))[0].n);
  const inScope = (scope: Scope, sql: string, params?: unknown[]) => withScope(db, scope, (tx) => tx.query(sql, params));

  describe('schema', () => {
    it('finds every tenant table in pg_catalog, and every one holds rows of both housing companies', async () => {
      for (const known of KNOWN_TENANT_TABLES) assert.ok(tables.includes(known), `${known} has no tenant_id column`);
      for (const table of tables) {
        for (const company of [a, b]) {
          assert.ok(
            (await count(table, company.tenant.id)) > 0,
            `${table} has no rows of a test housing company: add a line for it to SEEDS in bff/isolation/support.ts`,
          );
        }
      }
    });

    it('every table except the global ones has a tenant_id column', async () => {
      const rows = await su.query<{ relname: string }>(
        `SELECT relname FROM pg_class WHERE relkind IN ('r', 'p') AND relnamespace = 'public'::regnamespace ORDER BY relname`,
      );
      const without = rows.map((row) => row.relname).filter((name) => !tables.includes(name) && !GLOBAL_TABLES.includes(name));
      assert.deepEqual(without, [], 'tables without tenant_id (add tenant_id, or list a truly global table in GLOBAL_TABLES)');
    });

    it('tenant_id is NOT NULL everywhere except where documented', async () => {
      const rows = await su.query<{ relname: string }>(
        `SELECT c.relname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id'
          WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND NOT a.attnotnull`,
      );
      assert.deepEqual(
        rows.map((row) => row.relname).filter((name) => !NULLABLE_TENANT_ID.includes(name)),
        [],
      );
    });

    it('every table except schema_migrations has ENABLE and FORCE ROW LEVEL SECURITY', async () => {
      const rows = await su.query<{ relname: string }>(
        `SELECT relname FROM pg_class WHERE relkind IN ('r', 'p') AND relnamespace = 'public'::regnamespace
            AND relname <> 'schema_migrations' AND NOT (relrowsecurity AND relforcerowsecurity)`,
      );
      assert.deepEqual(
        rows.map((row) => row.relname),
        [],
      );
    });

    it('every tenant table has a policy, and every policy of a tenant table is bound to its tenant, key or role', async () => {
      const rows = await su.query<{ tablename: string; policyname: string; qual: string | null; with_check: string | null }>(
        `SELECT tablename, policyname, qual, with_check FROM pg_policies WHERE schemaname = 'public'`,
      );
      for (const table of tables) {
        const policies = rows.filter((row) => row.tablename === table);
        assert.ok(policies.length > 0, `${table} has no policy`);
        for (const policy of policies) {
          const text = `${policy.qual ?? ''} ${policy.with_check ?? ''}`;
          assert.match(text, /app_tenant\(\)|app\.session_key|app_role\(\) = 'system'/, `${table}.${policy.policyname}: ${text}`);
        }
      }
    });

    it('every foreign key between tenant tables includes tenant_id, so no row can point into another housing company', async () => {
      const rows = await su.query<{ name: string; source: string; target: string; columns: string[]; referenced: string[] }>(
        `SELECT con.conname AS name, src.relname AS source, dst.relname AS target,
                ARRAY(SELECT attname::text FROM unnest(con.conkey) WITH ORDINALITY k(n, i)
                        JOIN pg_attribute ON attrelid = con.conrelid AND attnum = k.n ORDER BY k.i) AS columns,
                ARRAY(SELECT attname::text FROM unnest(con.confkey) WITH ORDINALITY k(n, i)
                        JOIN pg_attribute ON attrelid = con.confrelid AND attnum = k.n ORDER BY k.i) AS referenced
           FROM pg_constraint con
           JOIN pg_class src ON src.oid = con.conrelid
           JOIN pg_class dst ON dst.oid = con.confrelid
          WHERE con.contype = 'f' AND src.relnamespace = 'public'::regnamespace`,
      );
      for (const fk of rows.filter((row) => tables.includes(row.source) && tables.includes(row.target))) {
        const at = fk.columns.indexOf('tenant_id');
        assert.ok(at >= 0 && fk.referenced[at] === 'tenant_id', `${fk.source} → ${fk.target} (${fk.name}) does not include tenant_id`);
      }
    });

    it('every SECURITY DEFINER function pins its search_path and belongs to a role that cannot bypass RLS', async () => {
      const rows = await su.query<{ proname: string; config: string[] | null; rolsuper: boolean; rolbypassrls: boolean }>(
        `SELECT p.proname, p.proconfig AS config, r.rolsuper, r.rolbypassrls
           FROM pg_proc p JOIN pg_roles r ON r.oid = p.proowner
          WHERE p.pronamespace = 'public'::regnamespace AND p.prosecdef`,
      );
      for (const fn of rows) {
        assert.ok(
          (fn.config ?? []).some((setting) => setting.startsWith('search_path=')),
          `${fn.proname} has no fixed search_path`,
        );
        assert.ok(!fn.rolsuper && !fn.rolbypassrls, `${fn.proname} runs as a role that bypasses RLS`);
      }
    });
  });

  describe('the app role', () => {
    it('is no superuser, has no BYPASSRLS, owns nothing and is a member of no role', async () => {
      const [role] = await su.query<{ rolsuper: boolean; rolbypassrls: boolean; owned: string; memberships: string }>(
        `SELECT rolsuper, rolbypassrls,
                (SELECT count(*) FROM pg_class WHERE relowner = r.oid) AS owned,
                (SELECT count(*) FROM pg_auth_members WHERE member = r.oid) AS memberships
           FROM pg_roles r WHERE rolname = $1`,
        [APP_ROLE],
      );
      assert.deepEqual(
        { ...role, owned: Number(role.owned), memberships: Number(role.memberships) },
        { rolsuper: false, rolbypassrls: false, owned: 0, memberships: 0 },
      );
    });

    it('is what transactions run as, and it passes the start-up check', async () => {
      const [{ current_user }] = (await db.transaction((tx) => tx.query<{ current_user: string }>(`SELECT current_user`))).rows;
      assert.equal(current_user, APP_ROLE);
      await assertAppRoleIsRestricted(db);
    });

    it('cannot create tables or temporary tables, nor read schema_migrations', async () => {
      for (const sql of [`CREATE TABLE probe (x int)`, `CREATE TEMP TABLE accounts (x int)`, `SELECT * FROM schema_migrations`]) {
        assert.equal(await outcome(db.transaction((tx) => tx.query(sql))), 'refused', sql);
      }
    });
  });

  describe('the start-up check refuses a role that could bypass RLS', () => {
    it('a superuser connection (PostgreSQL: the administrator URL as app URL)', async () => {
      await assert.rejects(assertAppRoleIsRestricted(su.misconfigured), /Superuser/);
      await assert.rejects(
        startServer({ db: su.misconfigured, env: { NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent' } }),
        /Start verweigert/,
      );
    });

    it('the owner role', async () => {
      await assert.rejects(assertAppRoleIsRestricted({ ...db, transaction: (fn) => db.ownerTransaction(fn) }), /besitzt Tabellen/);
    });

    it('a table without FORCE ROW LEVEL SECURITY', async () => {
      await db.ownerTransaction((tx) => tx.query(`CREATE TABLE isolation_probe (tenant_id uuid)`));
      try {
        await assert.rejects(assertAppRoleIsRestricted(db), /ohne FORCE ROW LEVEL SECURITY: isolation_probe/);
      } finally {
        await db.ownerTransaction((tx) => tx.query(`DROP TABLE isolation_probe`));
      }
    });
  });

  describe('every tenant table, attacked from every scope of company A', () => {
    const attackers = (): Record<string, Scope> => ({
      ...scopesOf(a),
      platform: { role: 'platform' },
      system: { role: 'system' },
      // The Art. 15 export's reading scope, and the erasure's (taken only inside erase_resident(); migration 0041).
      privacy: { role: 'privacy', tenantId: a.tenant.id, accountId: a.resident.accountId, residentId: a.resident.id },
      eraser: { role: 'eraser' as Scope['role'], tenantId: a.tenant.id, accountId: a.admin.id },
      'an unknown tenant id': { role: 'admin', tenantId: randomUUID() },
    });

    it('without any scope set, nothing is visible', async (t) => {
      for (const table of tables) {
        await t.test(table, async () => {
          const { rowCount } = await db.transaction((tx) => tx.query(`SELECT * FROM ${ident(table)}`));
          assert.equal(rowCount, 0);
        });
      }
      await t.test('tenants (public by design: name, slug, theme, origins)', async () => {
        const { rowCount } = await db.transaction((tx) =>
          tx.query(`SELECT * FROM tenants WHERE id = ANY($1)`, [[a.tenant.id, b.tenant.id]]),
        );
        assert.equal(rowCount, 2);
      });
    });

    it("some scope of A sees A's rows in every table (the attacks below are not vacuous)", async () => {
      for (const table of tables) {
        let seen = 0;
        for (const scope of Object.values(scopesOf(a))) {
          seen += (await inScope(scope, `SELECT 1 FROM ${ident(table)} WHERE tenant_id = $1`, [a.tenant.id])).rowCount;
        }
        assert.ok(seen > 0, `no scope of A sees A's rows in ${table}`);
      }
    });

    for (const [name, scope] of Object.entries({
      resident: 0,
      clerk: 0,
      admin: 0,
      'auth (sign-in, with session key)': 0,
      platform: 0,
      system: 0,
      privacy: 0,
      eraser: 0,
      'an unknown tenant id': 0,
    })) {
      void scope;
      it(`as ${name}`, async (t) => {
        const attacker = attackers()[name];
        for (const table of tables) {
          const t_ = ident(table);
          await t.test(`${table}: reads no row of B, and only rows of its own tenant`, async () => {
            const { rows } = await inScope(attacker, `SELECT tenant_id FROM ${t_}`);
            const foreign = rows.filter((row) => row.tenant_id !== attacker.tenantId);
            assert.deepEqual(foreign, []);
          });
          await t.test(`${table}: cannot insert a row carrying B's tenant_id`, async () => {
            const [row] = await su.query<{ row: unknown }>(`SELECT to_jsonb(x) AS row FROM ${t_} x WHERE tenant_id = $1 LIMIT 1`, [
              b.tenant.id,
            ]);
            const before = await count(table, b.tenant.id);
            assert.equal(
              await outcome(
                inScope(attacker, `INSERT INTO ${t_} SELECT * FROM jsonb_populate_record(NULL::${t_}, $1::jsonb)`, [
                  JSON.stringify(row.row),
                ]),
              ),
              'refused',
            );
            assert.equal(await count(table, b.tenant.id), before);
          });
          await t.test(`${table}: cannot move its rows to B`, async () => {
            const result = await outcome(
              inScope(attacker, `UPDATE ${t_} SET tenant_id = $1 WHERE tenant_id IS DISTINCT FROM $1`, [b.tenant.id]),
            );
            assert.ok(result === 'refused' || result === 0, `moved ${result} rows`);
          });
          await t.test(`${table}: updates and deletes no row of B`, async () => {
            const before = await count(table, b.tenant.id);
            // 'refused': the app role has no UPDATE or DELETE privilege on the table at all.
            for (const sql of [`UPDATE ${t_} SET tenant_id = tenant_id WHERE tenant_id = $1`, `DELETE FROM ${t_} WHERE tenant_id = $1`]) {
              const result = await outcome(inScope(attacker, sql, [b.tenant.id]));
              assert.ok(result === 0 || result === 'refused', `${sql}: ${result} rows`);
            }
            assert.equal(await count(table, b.tenant.id), before);
          });
        }
      });
    }

    it('withTenant with B as tenant but A’s account sees no account of A and cannot act as A’s admin', async () => {
      const mixed = { tenantId: b.tenant.id, accountId: a.admin.id, role: 'admin' as const };
      const { rows } = await withTenant(db, mixed, (tx) => tx.query<{ tenant_id: string }>(`SELECT tenant_id FROM accounts`));
      assert.ok(rows.every((row) => row.tenant_id === b.tenant.id));
      assert.equal(
        await outcome(
          withTenant(db, mixed, (tx) => tx.query(`UPDATE accounts SET display_name = 'x' WHERE tenant_id = $1`, [a.tenant.id])),
        ),
        0,
      );
    });
  });

  describe('residents of the same housing company', () => {
    const resident = () => scopesOf(a).resident;

    it("a resident sees their own account and resident row, never the neighbour's", async () => {
      const accounts = await inScope(resident(), `SELECT id FROM accounts`);
      assert.deepEqual(accounts.rows, [{ id: a.resident.accountId }]);
      const residents = await inScope(resident(), `SELECT id FROM residents`);
      assert.deepEqual(residents.rows, [{ id: a.resident.id }]);
      assert.equal((await inScope(resident(), `SELECT 1 FROM residents WHERE id = $1`, [a.neighbour.id])).rowCount, 0);
    });

    it('a resident sees no activation codes, password resets or login throttles, not even their own', async () => {
      for (const table of ['activation_codes', 'password_resets', 'login_throttle']) {
        assert.equal((await inScope(resident(), `SELECT 1 FROM ${ident(table)}`)).rowCount, 0, table);
      }
    });

    it('rows with a resident_id are visible to that resident only (every current and future table)', async () => {
      const withResidentId = (
        await su.query<{ relname: string }>(
          `SELECT c.relname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'resident_id'
            WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')`,
        )
      ).map((row) => row.relname);
      for (const table of withResidentId) {
        const { rows } = await inScope(resident(), `SELECT resident_id FROM ${ident(table)}`);
        assert.ok(
          rows.every((row) => row.resident_id === a.resident.id),
          table,
        );
      }
    });

    it("a resident cannot write the neighbour's account, create accounts, or change residents", async () => {
      const r = resident();
      assert.equal(await outcome(inScope(r, `UPDATE accounts SET display_name = 'x' WHERE id = $1`, [a.neighbour.accountId])), 0);
      assert.equal(await outcome(inScope(r, `UPDATE accounts SET email = 'x@example.de' WHERE id <> $1`, [a.resident.accountId])), 0);
      assert.equal(await outcome(inScope(r, `DELETE FROM accounts`)), 0);
      assert.equal(
        await outcome(inScope(r, `INSERT INTO accounts (tenant_id, role, display_name) VALUES ($1, 'admin', 'Eve')`, [a.tenant.id])),
        'refused',
      );
      assert.equal(await outcome(inScope(r, `UPDATE residents SET last_name = 'x'`)), 0);
      assert.equal(await outcome(inScope(r, `DELETE FROM residents`)), 0);
    });

    it('a resident cannot promote their own account; the sign-in scope cannot either; an admin can change a role', async () => {
      assert.equal(
        await outcome(inScope(resident(), `UPDATE accounts SET role = 'admin' WHERE id = $1`, [a.resident.accountId])),
        'refused',
      );
      assert.equal(
        await outcome(inScope({ role: 'auth', tenantId: a.tenant.id }, `UPDATE accounts SET role = 'admin' WHERE id = $1`, [a.clerk.id])),
        'refused',
      );
      assert.equal(
        await outcome(inScope(resident(), `UPDATE accounts SET display_name = 'Erika M.' WHERE id = $1`, [a.resident.accountId])),
        1,
      );
      const admin = scopesOf(a).admin;
      assert.equal(await outcome(inScope(admin, `UPDATE accounts SET role = 'admin' WHERE id = $1`, [a.clerk.id])), 1);
      assert.equal(await outcome(inScope(admin, `UPDATE accounts SET role = 'clerk' WHERE id = $1`, [a.clerk.id])), 1);
    });
    it('a resident writes only truthful events on their own case and cannot rewind or delete case-number counters', async () => {
      const r = resident();
      const [own] = await su.query<{ id: string }>(`SELECT id FROM cases WHERE tenant_id = $1 AND resident_id = $2`, [
        a.tenant.id,
        a.resident.id,
      ]);
      const event = (actorRole: string, actor: string | null, kind: string) =>
        inScope(
          r,
          `INSERT INTO case_events (tenant_id, case_id, resident_id, actor_account_id, actor_role, kind, public)
           VALUES ($1, $2, $3, $4, $5, $6, true)`,
          [a.tenant.id, own.id, a.resident.id, actor, actorRole, kind],
        );
      assert.equal(await outcome(event('staff', a.clerk.id, 'status_changed')), 'refused', 'a status change in the clerk’s name');
      assert.equal(await outcome(event('system', null, 'status_changed')), 'refused', 'a system status change');
      assert.equal(await outcome(event('resident', a.neighbour.accountId, 'resident_message')), 'refused', 'in the neighbour’s name');
      assert.equal(await outcome(event('resident', a.resident.accountId, 'resident_message')), 1, 'an own message event');
      assert.equal(await outcome(inScope(r, `DELETE FROM case_number_counters`)), 'refused');
      await assert.rejects(inScope(r, `UPDATE case_number_counters SET last_number = 0`), /only move forward/);
      assert.equal(await outcome(inScope(r, `UPDATE case_number_counters SET last_number = last_number + 1`)), 1);
    });
  });

  describe('owners and tenants of the same flat (documents and document types follow the relation)', () => {
    it('the tenant reads what is for tenants or all, the owner what is for owners or all — never the other’s; neither widens it', async () => {
      const tenantId = a.tenant.id;
      // Otto owns the flat the fixture's resident rents; company B's owner of B's flat is the attacker across companies.
      const owner = await asTenantAdmin(db, tenantId, (tx) =>
        addResident(tx, tenantId, {
          externalRef: 'E-ISO',
          unitRef: 'G-1-01',
          relation: 'owner',
          firstName: 'Otto',
          lastName: 'Eigentümer',
        }),
      );
      const ownerScope: Scope = { role: 'resident', tenantId, accountId: owner.accountId, residentId: owner.id };
      const content = Buffer.from('%PDF-1.4\n%%EOF\n');
      await withScope(db, { role: 'clerk', tenantId, accountId: a.clerk.id }, async (tx) => {
        for (const [title, column, id, readers] of [
          ['Eigentümer: Hausgeld', 'recipient_unit_id', a.units[0].id, 'owners'],
          ['Mieter: Zählerstand', 'recipient_unit_id', a.units[0].id, 'tenants'],
          ['Eigentümer: Protokoll', 'recipient_building_id', a.building.id, 'owners'],
          ['Mieter: Hausordnung', 'recipient_building_id', a.building.id, 'tenants'],
        ] as const) {
          await tx.query(
            `INSERT INTO documents (tenant_id, title, category, file_name, content_type, size, content, ${column}, readers, published_by)
             VALUES ($1, $2, 'letter', 'Isolationstest.pdf', 'application/pdf', $3, $4, $5, $6, $7)`,
            [tenantId, title, content.length, content, id, readers, a.clerk.id],
          );
        }
      });
      const titles = async (scope: Scope) =>
        (
          await inScope(scope, `SELECT title FROM documents WHERE title LIKE 'Eigentümer:%' OR title LIKE 'Mieter:%' ORDER BY title`)
        ).rows.map((row) => row.title);
      assert.deepEqual(await titles(scopesOf(a).resident), ['Mieter: Hausordnung', 'Mieter: Zählerstand']);
      assert.deepEqual(await titles(ownerScope), ['Eigentümer: Hausgeld', 'Eigentümer: Protokoll']);
      assert.deepEqual(await titles(scopesOf(b).resident), [], 'another company’s resident');

      // Asked about the other person, the reach function answers false (a resident reads only their own tenancies).
      const probe = await inScope(ownerScope, `SELECT resident_reached($1, $2, NULL, 'tenants') AS reached`, [
        a.resident.id,
        a.units[0].id,
      ]);
      assert.equal(probe.rows[0].reached, false);
      // Neither may give themselves another relation, nor change one.
      for (const [scope, self] of [
        [ownerScope, owner.id],
        [scopesOf(a).resident, a.resident.id],
      ] as const) {
        assert.equal(
          await outcome(
            inScope(scope, `INSERT INTO tenancies (tenant_id, resident_id, unit_id, relation) VALUES ($1, $2, $3, 'tenant')`, [
              tenantId,
              self,
              a.units[1].id,
            ]),
          ),
          'refused',
        );
        assert.equal(
          await outcome(inScope(scope, `UPDATE tenancies SET relation = CASE relation WHEN 'owner' THEN 'tenant' ELSE 'owner' END`)),
          0,
        );
      }
      // Document types: each sees those offered to their relation.
      const types = async (scope: Scope) =>
        (await inScope(scope, `SELECT key FROM document_types WHERE key IS NOT NULL ORDER BY key`)).rows.map((row) => row.key);
      assert.ok((await types(scopesOf(a).resident)).includes('tenant_certificate'));
      assert.ok(!(await types(scopesOf(a).resident)).includes('business_plan'));
      assert.ok((await types(ownerScope)).includes('business_plan'));
      assert.ok(!(await types(ownerScope)).includes('tenant_certificate'));
    });
  });

  describe('chats (the resident’s own, and nobody else’s: not the neighbour’s, not staff)', () => {
    const neighbour = (): Scope => ({
      role: 'resident',
      tenantId: a.tenant.id,
      accountId: a.neighbour.accountId,
      residentId: a.neighbour.id,
    });
    const chatTables = ['chatbot_conversations', 'chatbot_messages', 'chat_drafts'];

    it("a resident reads only their own conversations, messages and drafts; the neighbour's by id finds nothing", async () => {
      const [own] = await su.query<{ id: string }>(
        `SELECT id FROM chatbot_conversations WHERE tenant_id = $1 AND resident_id = $2 LIMIT 1`,
        [a.tenant.id, a.resident.id],
      );
      for (const table of chatTables) {
        const { rows } = await inScope(neighbour(), `SELECT resident_id FROM ${ident(table)}`);
        assert.ok(rows.length > 0, `${table}: the neighbour sees their own`);
        assert.ok(
          rows.every((row) => row.resident_id === a.neighbour.id),
          table,
        );
      }
      assert.equal((await inScope(neighbour(), `SELECT 1 FROM chatbot_conversations WHERE id = $1`, [own.id])).rowCount, 0);
      assert.equal((await inScope(neighbour(), `SELECT 1 FROM chatbot_messages WHERE conversation_id = $1`, [own.id])).rowCount, 0);
      assert.equal(await outcome(inScope(neighbour(), `DELETE FROM chatbot_conversations WHERE id = $1`, [own.id])), 0);
      assert.equal(
        await outcome(
          inScope(
            neighbour(),
            `INSERT INTO chatbot_messages (tenant_id, conversation_id, resident_id, role, text) VALUES ($1, $2, $3, 'user', 'x')`,
            [a.tenant.id, own.id, a.resident.id],
          ),
        ),
        'refused',
        'a message into the resident’s conversation',
      );
      const acknowledgements = await inScope(neighbour(), `SELECT account_id FROM chat_notice_acknowledgements`);
      assert.deepEqual(acknowledgements.rows, [], 'the resident’s acknowledgement is theirs');
    });

    it('staff of the company read no chat and write none; they read only the token sums', async () => {
      for (const scope of [scopesOf(a).clerk, scopesOf(a).admin]) {
        for (const table of [...chatTables, 'chat_notice_acknowledgements']) {
          assert.equal((await inScope(scope, `SELECT 1 FROM ${ident(table)}`)).rowCount, 0, `${scope.role}: ${table}`);
        }
        assert.equal(
          await outcome(
            inScope(scope, `INSERT INTO chatbot_conversations (tenant_id, account_id, resident_id) VALUES ($1, $2, $3)`, [
              a.tenant.id,
              a.resident.accountId,
              a.resident.id,
            ]),
          ),
          'refused',
        );
        assert.equal((await inScope(scope, `SELECT 1 FROM chat_token_usage`)).rowCount, 1);
        assert.equal(await outcome(inScope(scope, `UPDATE chat_token_usage SET input_tokens = 0`)), 0, 'staff cannot reset the use');
      }
    });
  });

  describe('notification preferences and case views (the resident’s own; staff read them only)', () => {
    const neighbour = (): Scope => ({
      role: 'resident',
      tenantId: a.tenant.id,
      accountId: a.neighbour.accountId,
      residentId: a.neighbour.id,
    });
    const tables = ['notification_preferences', 'case_views'];

    it('the neighbour reads none of the resident’s and writes none in the resident’s name or on the resident’s case', async () => {
      for (const table of tables) {
        assert.equal((await inScope(neighbour(), `SELECT 1 FROM ${ident(table)}`)).rowCount, 0, table);
        assert.equal(await outcome(inScope(neighbour(), `UPDATE ${ident(table)} SET tenant_id = tenant_id`)), 0, table);
      }
      assert.equal(
        await outcome(
          inScope(neighbour(), `INSERT INTO notification_preferences (tenant_id, resident_id) VALUES ($1, $2)`, [
            a.tenant.id,
            a.resident.id,
          ]),
        ),
        'refused',
      );
      const [own] = await su.query<{ id: string }>(`SELECT id FROM cases WHERE tenant_id = $1 AND resident_id = $2 LIMIT 1`, [
        a.tenant.id,
        a.resident.id,
      ]);
      // In the neighbour's own name the key names no case of theirs (foreign key), in the resident's the policy refuses.
      const asNeighbour = inScope(neighbour(), `INSERT INTO case_views (tenant_id, resident_id, case_id) VALUES ($1, $2, $3)`, [
        a.tenant.id,
        a.neighbour.id,
        own.id,
      ]);
      await assert.rejects(asNeighbour, (error: { code?: string }) => error.code === '23503' || error.code === '42501');
      assert.equal(
        await outcome(
          inScope(neighbour(), `INSERT INTO case_views (tenant_id, resident_id, case_id) VALUES ($1, $2, $3)`, [
            a.tenant.id,
            a.resident.id,
            own.id,
          ]),
        ),
        'refused',
      );
    });

    it('staff read them but change none; nobody deletes them', async () => {
      for (const scope of [scopesOf(a).clerk, scopesOf(a).admin]) {
        for (const table of tables) {
          assert.equal((await inScope(scope, `SELECT 1 FROM ${ident(table)}`)).rowCount, 1, `${scope.role}: ${table}`);
          assert.equal(await outcome(inScope(scope, `UPDATE ${ident(table)} SET tenant_id = tenant_id`)), 0, `${scope.role}: ${table}`);
        }
        assert.equal(
          await outcome(
            inScope(scope, `INSERT INTO notification_preferences (tenant_id, resident_id) VALUES ($1, $2)`, [a.tenant.id, a.neighbour.id]),
          ),
          'refused',
        );
      }
      for (const scope of [scopesOf(a).resident, scopesOf(a).admin])
        for (const table of tables) assert.equal(await outcome(inScope(scope, `DELETE FROM ${ident(table)}`)), 'refused', table);
    });
  });

  describe('the lead pipeline (staff only; the audit trail and the access log append-only; secrets for admins)', () => {
    it('residents see nothing of it and write nothing to it', async () => {
      const resident = scopesOf(a).resident;
      for (const table of LEAD_PIPELINE_TABLES) {
        assert.equal((await inScope(resident, `SELECT 1 FROM ${ident(table)}`)).rowCount, 0, table);
      }
      assert.equal(
        await outcome(
          inScope(resident, `INSERT INTO leads (tenant_id, source, channel, name) VALUES ($1, 'manuell', 'manuell', 'Eve')`, [a.tenant.id]),
        ),
        'refused',
      );
    });

    it('clerks work listings and leads but read no webhook secret, no refusal and no access log', async () => {
      const clerk = scopesOf(a).clerk;
      for (const table of [
        'listings',
        'leads',
        'lead_events',
        'lead_contact_verifications',
        'lead_viewings',
        'lead_self_disclosures',
        'lead_rejection_messages',
        'lead_dead_letters',
        'lead_messages',
        'viewing_slots',
        'viewing_bookings',
      ]) {
        assert.ok((await inScope(clerk, `SELECT 1 FROM ${ident(table)}`)).rowCount > 0, table);
      }
      for (const table of ['lead_webhook_secrets', 'lead_intake_rejections', 'lead_access_log']) {
        assert.equal((await inScope(clerk, `SELECT 1 FROM ${ident(table)}`)).rowCount, 0, table);
        assert.ok((await inScope(scopesOf(a).admin, `SELECT 1 FROM ${ident(table)}`)).rowCount > 0, `admin: ${table}`);
      }
    });

    it('nobody changes or deletes an entry of the audit trail or the access log; entries only in one’s own name', async () => {
      for (const scope of [scopesOf(a).clerk, scopesOf(a).admin, { role: 'system', tenantId: a.tenant.id } as Scope]) {
        for (const sql of [
          `UPDATE lead_events SET reason = 'geändert'`,
          `DELETE FROM lead_events`,
          `UPDATE lead_access_log SET via = 'search'`,
          `DELETE FROM lead_access_log`,
          `DELETE FROM leads`,
          // The lifecycle's facts: a verification is never changed; nothing of a lead is deleted.
          `UPDATE lead_contact_verifications SET how = 'answered'`,
          `DELETE FROM lead_contact_verifications`,
          `DELETE FROM lead_viewings`,
          `DELETE FROM lead_self_disclosures`,
          `DELETE FROM lead_rejection_messages`,
          // A mail in a lead's thread is a fact: neither rewritten nor removed.
          `UPDATE lead_messages SET body = 'geändert'`,
          `DELETE FROM lead_messages`,
        ]) {
          assert.equal(await outcome(inScope(scope, sql)), 'refused', `${scope.role}: ${sql}`);
        }
      }
      const [lead] = await su.query<{ id: string }>(`SELECT id FROM leads WHERE tenant_id = $1 LIMIT 1`, [a.tenant.id]);
      const entry = (scope: Scope, actorRole: string, actor: string | null) =>
        inScope(
          scope,
          `INSERT INTO lead_events (tenant_id, lead_id, actor_role, actor_account_id, kind) VALUES ($1, $2, $3, $4, 'owner_changed')`,
          [a.tenant.id, lead.id, actorRole, actor],
        );
      assert.equal(await outcome(entry(scopesOf(a).clerk, 'staff', a.admin.id)), 'refused', 'in the admin’s name');
      assert.equal(await outcome(entry(scopesOf(a).clerk, 'system', null)), 'refused', 'a clerk as the system');
      assert.equal(await outcome(entry(scopesOf(a).clerk, 'staff', a.clerk.id)), 1, 'in the clerk’s own name');
    });

    it('credit checks: results are never changed or deleted, consents never deleted; neither points into another company', async () => {
      for (const scope of [scopesOf(a).clerk, scopesOf(a).admin, { role: 'system', tenantId: a.tenant.id } as Scope]) {
        for (const sql of [
          `UPDATE lead_credit_checks SET score_class = 'unbedenklich'`,
          `DELETE FROM lead_credit_checks`,
          `DELETE FROM lead_credit_check_consents`,
        ]) {
          assert.equal(await outcome(inScope(scope, sql)), 'refused', `${scope.role}: ${sql}`);
        }
      }
      const [bLead] = await su.query<{ id: string }>(`SELECT id FROM leads WHERE tenant_id = $1 AND status = 'besichtigt' LIMIT 1`, [
        b.tenant.id,
      ]);
      const [aLink] = await su.query<{ id: string }>(`SELECT id FROM signed_links WHERE tenant_id = $1 LIMIT 1`, [a.tenant.id]);
      // The foreign key on (tenant_id, lead_id) finds no such lead of A.
      await assert.rejects(
        inScope(
          scopesOf(a).clerk,
          `INSERT INTO lead_credit_check_consents (tenant_id, lead_id, signed_link_id, requested_by) VALUES ($1, $2, $3, $4)`,
          [a.tenant.id, bLead.id, aLink.id, a.clerk.id],
        ),
        (error: { code?: string }) => error.code === '23503',
        "a consent for B's lead",
      );
      assert.equal(
        await outcome(inScope(scopesOf(a).clerk, `UPDATE lead_credit_check_consents SET tenant_id = $1`, [b.tenant.id])),
        'refused',
        'a consent cannot be handed to B',
      );
    });

    it('dead letters: only the unbound system scope (the job) purges them; staff, residents and a company’s intake purge nothing', async () => {
      const future = new Date(Date.now() + 365 * 24 * 3_600_000);
      for (const scope of [
        scopesOf(a).clerk,
        scopesOf(a).admin,
        scopesOf(a).resident,
        { role: 'system', tenantId: a.tenant.id } as Scope,
      ]) {
        const { rows } = await inScope(scope, `SELECT lead_dead_letters_purge($1) AS purged`, [future]);
        assert.equal(Number(rows[0].purged), 0, scope.role);
      }
      assert.ok((await count('lead_dead_letters', b.tenant.id)) > 0, "B's dead letters are all still there");
      assert.equal(
        await outcome(inScope(scopesOf(a).clerk, `UPDATE lead_dead_letters SET tenant_id = $1`, [b.tenant.id])),
        'refused',
        'a dead letter cannot be handed to B',
      );
    });

    it('only an admin changes the letting permission; a clerk cannot grant it to themselves, a resident holds none', async () => {
      const clerk = scopesOf(a).clerk;
      await assert.rejects(
        inScope(clerk, `UPDATE accounts SET permissions = '{letting}' WHERE id = $1`, [a.clerk.id]),
        /only an admin may change the permissions/,
      );
      await assert.rejects(
        inScope({ role: 'auth', tenantId: a.tenant.id }, `UPDATE accounts SET permissions = '{letting}' WHERE id = $1`, [a.clerk.id]),
        /only an admin/,
      );
      await assert.rejects(
        inScope(scopesOf(a).admin, `UPDATE accounts SET permissions = '{letting}' WHERE id = $1`, [a.resident.accountId]),
        /accounts_permissions_staff_only/,
      );
      assert.equal(
        await outcome(inScope(scopesOf(a).admin, `UPDATE accounts SET permissions = '{letting}' WHERE id = $1`, [a.clerk.id])),
        1,
      );
      assert.equal(await outcome(inScope(scopesOf(a).admin, `UPDATE accounts SET permissions = '{}' WHERE id = $1`, [a.clerk.id])), 1);
    });
  });

  describe('contractors and work orders (staff only; an order never points into another company)', () => {
    it('residents see no contractor and no order and write none', async () => {
      const resident = scopesOf(a).resident;
      for (const table of ['contractors', 'work_orders']) {
        assert.equal((await inScope(resident, `SELECT 1 FROM ${ident(table)}`)).rowCount, 0, table);
      }
      assert.equal(
        await outcome(
          inScope(resident, `INSERT INTO contractors (tenant_id, name, trade, email) VALUES ($1, 'Eve', 'Sanitär', 'eve@example.org')`, [
            a.tenant.id,
          ]),
        ),
        'refused',
      );
      assert.equal(await outcome(inScope(resident, `UPDATE work_orders SET status = 'done'`)), 0);
    });

    it('clerks see their company’s; an order for B’s case or B’s contractor is refused; nothing is deleted', async () => {
      const clerk = scopesOf(a).clerk;
      for (const table of ['contractors', 'work_orders']) {
        assert.equal((await inScope(clerk, `SELECT 1 FROM ${ident(table)}`)).rowCount, await count(table, a.tenant.id), table);
        assert.equal(await outcome(inScope(clerk, `DELETE FROM ${ident(table)}`)), 'refused', `delete ${table}`);
      }
      const [aOrder] = await su.query<{ case_id: string; contractor_id: string; signed_link_id: string }>(
        `SELECT case_id, contractor_id, signed_link_id FROM work_orders WHERE tenant_id = $1 LIMIT 1`,
        [a.tenant.id],
      );
      const [bOrder] = await su.query<{ case_id: string; contractor_id: string }>(
        `SELECT case_id, contractor_id FROM work_orders WHERE tenant_id = $1 LIMIT 1`,
        [b.tenant.id],
      );
      for (const [caseId, contractorId, what] of [
        [bOrder.case_id, aOrder.contractor_id, "B's case"],
        [aOrder.case_id, bOrder.contractor_id, "B's contractor"],
      ]) {
        await assert.rejects(
          inScope(
            clerk,
            `INSERT INTO work_orders (tenant_id, case_id, contractor_id, signed_link_id, ordered_by, status) VALUES ($1, $2, $3, $4, $5, 'declined')`,
            [a.tenant.id, caseId, contractorId, aOrder.signed_link_id, a.clerk.id],
          ),
          (error: { code?: string }) => error.code === '23503',
          what,
        );
      }
      assert.equal(await outcome(inScope(clerk, `UPDATE work_orders SET tenant_id = $1`, [b.tenant.id])), 'refused', 'handed to B');
    });
  });

  describe('sessions', () => {
    const keysVisibleTo = async (scope: Scope) =>
      (await inScope(scope, `SELECT session_key FROM sessions ORDER BY session_key`)).rows.map((row) => row.session_key as string);

    it('a session row is readable by its key or by its own account only', async () => {
      const key = sessionKeyOf(a, 'resident');
      assert.deepEqual(await keysVisibleTo({ role: 'auth', sessionKey: key }), [key]);
      assert.deepEqual(await keysVisibleTo(scopesOf(a).resident), [key]);
      assert.deepEqual(
        await keysVisibleTo({ role: 'resident', tenantId: a.tenant.id, accountId: a.neighbour.accountId, residentId: a.neighbour.id }),
        [sessionKeyOf(a, 'neighbour')],
      );
      assert.deepEqual(await keysVisibleTo(scopesOf(a).admin), [], 'staff see no session of others');
      assert.deepEqual(await keysVisibleTo({ role: 'auth' }), [], 'an empty key matches nothing');
    });

    it('nobody can plant a session under an empty key, or forge one for their own account', async () => {
      assert.equal(
        await outcome(
          inScope({ role: 'auth' }, `INSERT INTO sessions (session_key, data, expires_at) VALUES ('', '{}', now() + interval '1 hour')`),
        ),
        'refused',
      );
      assert.equal(
        await outcome(
          inScope(
            scopesOf(a).resident,
            `INSERT INTO sessions (session_key, tenant_id, account_id, data, expires_at) VALUES ('forged', $1, $2, '{"auth":{"role":"admin"}}', now() + interval '1 hour')`,
            [a.tenant.id, a.resident.accountId],
          ),
        ),
        'refused',
      );
      assert.equal(await outcome(inScope(scopesOf(a).resident, `UPDATE sessions SET data = '{"auth":{"role":"admin"}}'`)), 0);
    });

    it('a session key cannot claim another housing company', async () => {
      const sessionKey = `isolation-claim-${randomUUID()}`;
      assert.equal(
        await outcome(
          inScope(
            { role: 'auth', tenantId: a.tenant.id, sessionKey },
            `INSERT INTO sessions (session_key, tenant_id, data, expires_at) VALUES ($1, $2, '{}', now() + interval '1 hour')`,
            [sessionKey, b.tenant.id],
          ),
        ),
        'refused',
      );
    });

    it('log-out everywhere deletes exactly the own account’s sessions', async () => {
      const neighbour: Scope = { role: 'resident', tenantId: b.tenant.id, accountId: b.neighbour.accountId, residentId: b.neighbour.id };
      assert.equal(await outcome(inScope(neighbour, `DELETE FROM sessions`)), 1);
      assert.equal(
        Number((await su.query<{ n: string }>(`SELECT count(*) AS n FROM sessions WHERE tenant_id = $1`, [b.tenant.id]))[0].n),
        2,
      );
      await SEEDS[0].seed(db, b);
    });

    it('the system clean-up deletes expired sessions of every housing company and no live one', async () => {
      const expiredKey = `isolation-expired-${randomUUID()}`;
      await inScope(
        { role: 'auth', tenantId: b.tenant.id, accountId: b.clerk.id, sessionKey: expiredKey },
        `INSERT INTO sessions (session_key, tenant_id, account_id, data, expires_at) VALUES ($1, $2, $3, '{}', now() - interval '1 minute')`,
        [expiredKey, b.tenant.id, b.clerk.id],
      );
      const live = Number((await su.query<{ n: string }>(`SELECT count(*) AS n FROM sessions WHERE expires_at > now()`))[0].n);
      assert.ok(((await outcome(inScope({ role: 'system' }, `DELETE FROM sessions WHERE expires_at < now()`))) as number) >= 1);
      assert.equal((await su.query(`SELECT 1 FROM sessions WHERE session_key = $1`, [expiredKey])).length, 0);
      assert.equal(Number((await su.query<{ n: string }>(`SELECT count(*) AS n FROM sessions WHERE expires_at > now()`))[0].n), live);
      assert.deepEqual(await keysVisibleTo({ role: 'system' }), [], 'the clean-up sees no live session');
    });
  });

  describe('scheduled_jobs (global, system scope only)', () => {
    it('no user of a housing company or the platform sees or changes a job; the system scope does', async () => {
      const name = `isolation-job-${randomUUID().slice(0, 8)}`;
      assert.equal(
        await outcome(inScope({ role: 'system' }, `INSERT INTO scheduled_jobs (name, next_run_at) VALUES ($1, now())`, [name])),
        1,
      );
      for (const scope of [...Object.values(scopesOf(a)), { role: 'platform' } as Scope]) {
        assert.equal(await outcome(inScope(scope, `SELECT 1 FROM scheduled_jobs WHERE name = $1`, [name])), 0, scope.role);
        assert.equal(await outcome(inScope(scope, `UPDATE scheduled_jobs SET next_run_at = now() WHERE name = $1`, [name])), 0, scope.role);
        assert.equal(
          await outcome(inScope(scope, `INSERT INTO scheduled_jobs (name, next_run_at) VALUES ($1, now())`, [`${name}-x`])),
          'refused',
          scope.role,
        );
      }
      assert.equal(await outcome(inScope({ role: 'system' }, `SELECT 1 FROM scheduled_jobs WHERE name = $1`, [name])), 1);
    });
  });

  describe('tenants', () => {
    it('only the platform creates housing companies', async () => {
      for (const scope of Object.values(scopesOf(a))) {
        assert.equal(
          await outcome(inScope(scope, `INSERT INTO tenants (slug, name) VALUES ($1, 'Eve')`, [`eve-${Date.now()}`])),
          'refused',
        );
      }
    });

    it('an admin changes their own housing company only; nobody deletes one', async () => {
      const scopes = scopesOf(a);
      assert.equal(await outcome(inScope(scopes.admin, `UPDATE tenants SET name = name WHERE id = $1`, [a.tenant.id])), 1);
      assert.equal(await outcome(inScope(scopes.admin, `UPDATE tenants SET name = 'Eve' WHERE id = $1`, [b.tenant.id])), 0);
      assert.equal(
        await outcome(inScope(scopes.admin, `UPDATE tenants SET id = $1 WHERE id = $2`, [randomUUID(), a.tenant.id])),
        'refused',
      );
      for (const scope of [scopes.resident, scopes.clerk, scopes['auth (sign-in, with session key)']]) {
        assert.equal(await outcome(inScope(scope, `UPDATE tenants SET name = 'Eve'`)), 0);
      }
      for (const scope of [...Object.values(scopes), { role: 'platform' } as Scope]) {
        assert.equal(await outcome(inScope(scope, `DELETE FROM tenants WHERE id = $1`, [b.tenant.id])), 'refused');
      }
    });
  });
});
