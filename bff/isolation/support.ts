import { createHash, randomBytes } from 'node:crypto';
import { openDatabase, type Database, type QueryResult } from '../db/database.ts';
import { withScope, type Scope } from '../db/scope.ts';
import type { TestDatabase } from '../test/database.ts';
import { testSecrets } from '../test/harness.ts';
import { apiTokenContext, leadWebhookSecretContext, webhookSecretContext } from '../secrets/secret-box.ts';
import type { HousingCompany } from '../test/fixtures.ts';

/**
 * Shared by the isolation suites: which tables are tenant tables, rows for the tables the fixture leaves
 * empty, a superuser view for checking what really happened, and the scopes a housing company's users get.
 */

/** Tables in schema public that hold no housing company's data. A new global table needs one line here. */
export const GLOBAL_TABLES = ['schema_migrations', 'tenants', 'scheduled_jobs'];

/** The lead pipeline's tables that only staff (and the system scope) use: the SQL suite's lead section attacks them. */
export const LEAD_PIPELINE_TABLES = [
  'listings',
  'listing_portal_ids',
  'leads',
  'lead_events',
  'lead_access_log',
  'lead_webhook_secrets',
  'webhook_deliveries',
  'lead_intake_rejections',
  'lead_contact_verifications',
  'lead_viewings',
  'lead_self_disclosures',
  'lead_rejection_messages',
  'lead_dead_letters',
  'lead_messages',
  'viewing_slots',
  'viewing_bookings',
  'lead_credit_check_consents',
  'lead_credit_checks',
];

/** Tables that must exist as tenant tables (a safety net: discovery from pg_catalog must find at least these). */
export const KNOWN_TENANT_TABLES = [
  'buildings',
  'units',
  'accounts',
  'residents',
  'activation_codes',
  'password_resets',
  'login_throttle',
  'sessions',
  'tenancies',
  'chatbot_conversations',
  'chatbot_messages',
  'chat_drafts',
  'chat_notice_acknowledgements',
  'chat_token_usage',
  ...LEAD_PIPELINE_TABLES,
  'signed_links',
  'contractors',
  'work_orders',
  'recovery_codes',
  'email_changes',
  'notification_preferences',
  'case_views',
  'erasure_requests',
];

/** The plaintext of the mail relay's secret SEEDS stores for a company (provider mail, `POST /hooks/{slug}/mail`). */
export const isolationMailSecret = (company: HousingCompany) => `whsec_isolation-mail-${company.tenant.id}`;

/** The plaintext of the lead webhook secret SEEDS stores for a company (provider immoscout24). */
export const isolationLeadSecret = (company: HousingCompany) => `whsec_isolation-${company.tenant.id}`;

/** Tables whose tenant_id may be NULL (a session before sign-in belongs to no housing company yet). */
export const NULLABLE_TENANT_ID = ['sessions'];

/**
 * A fixed id per housing company and purpose, for seeded rows a test must find again (e.g. 'clerk-upload').
 * It starts with ffffffff, so it sorts after the random ids and `first(w, 'a', table)` still names those.
 */
export function probeId(company: HousingCompany, purpose: string): string {
  const hex = createHash('sha256').update(`${company.tenant.id}:${purpose}`).digest('hex');
  return `ffffffff-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export const sessionKeyOf = (company: HousingCompany, who: 'resident' | 'neighbour' | 'clerk') => `isolation-${company.tenant.id}-${who}`;

/**
 * Rows for tenant tables that `createHousingCompany` leaves empty, so that every tenant table holds rows of
 * both housing companies. A new tenant table the fixture does not fill needs an entry here; an entry runs
 * only when all of its tables exist (migrations of capabilities still being built may be missing).
 */
export const SEEDS: Array<{ tables: string[]; seed: (db: Database, company: HousingCompany) => Promise<unknown> }> = [
  {
    tables: ['sessions'],
    seed: async (db, company) => {
      const accounts = { resident: company.resident.accountId, neighbour: company.neighbour.accountId, clerk: company.clerk.id };
      for (const [who, accountId] of Object.entries(accounts) as Array<[keyof typeof accounts, string]>) {
        const sessionKey = sessionKeyOf(company, who);
        await withScope(db, { role: 'auth', tenantId: company.tenant.id, accountId, sessionKey }, (tx) =>
          tx.query(
            `INSERT INTO sessions (session_key, tenant_id, account_id, data, expires_at, id) VALUES ($1, $2, $3, $4, now() + interval '1 hour', $5)
             ON CONFLICT (session_key) DO NOTHING`,
            [sessionKey, company.tenant.id, accountId, JSON.stringify({ probe: who }), probeId(company, `session-${who}`)],
          ),
        );
      }
    },
  },
  {
    // The resident's recovery codes (one used) and a pending change of the resident's address (migration 0040).
    tables: ['recovery_codes', 'email_changes'],
    seed: (db, company) =>
      withScope(
        db,
        { role: 'resident', tenantId: company.tenant.id, accountId: company.resident.accountId, residentId: company.resident.id },
        async (tx) => {
          for (const used of [false, true]) {
            await tx.query(`INSERT INTO recovery_codes (tenant_id, account_id, code_hash, used_at) VALUES ($1, $2, $3, $4)`, [
              company.tenant.id,
              company.resident.accountId,
              createHash('sha256').update(randomBytes(16)).digest('hex'),
              used ? new Date() : null,
            ]);
          }
          await tx.query(
            `INSERT INTO email_changes (tenant_id, account_id, new_email, token_hash, expires_at) VALUES ($1, $2, $3, $4, now() + interval '1 hour')`,
            [
              company.tenant.id,
              company.resident.accountId,
              `isolation-new-${company.tenant.id}@example.org`,
              createHash('sha256').update(randomBytes(16)).digest('hex'),
            ],
          );
        },
      ),
  },
  {
    tables: ['password_resets', 'login_throttle'],
    seed: (db, company) =>
      withScope(db, { role: 'auth', tenantId: company.tenant.id }, async (tx) => {
        await tx.query(
          `INSERT INTO password_resets (tenant_id, account_id, token_hash, expires_at) VALUES ($1, $2, $3, now() + interval '1 hour')`,
          [company.tenant.id, company.resident.accountId, randomBytes(16).toString('hex')],
        );
        await tx.query(`INSERT INTO login_throttle (tenant_id, email_hash, failures) VALUES ($1, $2, 1)`, [
          company.tenant.id,
          randomBytes(16).toString('hex'),
        ]);
      }),
  },
  {
    tables: [
      'damage_locations',
      'damage_categories',
      'damage_kinds',
      'document_types',
      'case_routing_rules',
      'case_number_counters',
      'cases',
      'case_events',
      'case_messages',
    ],
    seed: (db, company) =>
      withScope(db, { role: 'admin', tenantId: company.tenant.id, accountId: company.admin.id }, async (tx) => {
        const tenantId = company.tenant.id;
        const id = async (sql: string, params: unknown[]) => (await tx.query<{ id: string }>(sql, params)).rows[0].id;
        // A common area, so that the neighbour below may join the damage report (migration 0018).
        const location = await id(
          `INSERT INTO damage_locations (tenant_id, label, common_area) VALUES ($1, 'Isolationstest-Ort', true) RETURNING id`,
          [tenantId],
        );
        const category = await id(
          `INSERT INTO damage_categories (tenant_id, location_id, label) VALUES ($1, $2, 'Isolationstest-Kategorie') RETURNING id`,
          [tenantId, location],
        );
        const kind = await id(
          `INSERT INTO damage_kinds (tenant_id, category_id, label) VALUES ($1, $2, 'Isolationstest-Art') RETURNING id`,
          [tenantId, category],
        );
        await tx.query(`INSERT INTO document_types (tenant_id, label) VALUES ($1, 'Isolationstest-Dokument')`, [tenantId]);
        await tx.query(`INSERT INTO case_routing_rules (tenant_id, case_type, assignee_account_id) VALUES ($1, 'contact', $2)`, [
          tenantId,
          company.clerk.id,
        ]);
        await tx.query(`INSERT INTO case_number_counters (tenant_id, year, last_number) VALUES ($1, 2026, 2)`, [tenantId]);
        for (const [number, resident, unit] of [
          ['2026-0001', company.resident, company.units[0]],
          ['2026-0002', company.neighbour, company.units[1]],
        ] as const) {
          const caseId = await id(
            `INSERT INTO cases (tenant_id, case_number, type, resident_id, building_id, unit_id, title, damage_location_id,
                                damage_category_id, damage_kind_id, priority, deadline_at)
             VALUES ($1, $2, 'damage', $3, $4, $5, 'Wasserhahn tropft', $6, $7, $8, 'normal', now() + interval '3 days') RETURNING id`,
            [tenantId, number, resident.id, company.building.id, unit.id, location, category, kind],
          );
          await tx.query(
            `INSERT INTO case_events (tenant_id, case_id, resident_id, actor_role, kind, public) VALUES ($1, $2, $3, 'system', 'created', true)`,
            [tenantId, caseId, resident.id],
          );
          for (const internal of [false, true]) {
            await tx.query(
              `INSERT INTO case_messages (tenant_id, case_id, resident_id, author_account_id, author_role, internal, body)
               VALUES ($1, $2, $3, $4, 'staff', $5, 'Wir kümmern uns darum.')`,
              [tenantId, caseId, resident.id, company.clerk.id, internal],
            );
          }
        }
      }),
  },
  {
    // A file waiting in the resident's staging area, and one attached to the resident's case 2026-0001 above.
    tables: ['cases', 'staged_uploads', 'case_attachments'],
    seed: (db, company) =>
      withScope(
        db,
        { role: 'resident', tenantId: company.tenant.id, accountId: company.resident.accountId, residentId: company.resident.id },
        async (tx) => {
          const tenantId = company.tenant.id;
          const content = Buffer.from('%PDF-1.4\n%%EOF\n');
          await tx.query(
            `INSERT INTO staged_uploads (tenant_id, account_id, file_name, content_type, size, content) VALUES ($1, $2, 'Isolationstest.pdf', 'application/pdf', $3, $4)`,
            [tenantId, company.resident.accountId, content.length, content],
          );
          await tx.query(
            `INSERT INTO case_attachments (tenant_id, case_id, resident_id, uploaded_by_account_id, uploaded_by_role, file_name, content_type, size, content)
           SELECT $1, id, resident_id, $2, 'resident', 'Isolationstest.pdf', 'application/pdf', $3, $4 FROM cases WHERE case_number = '2026-0001'`,
            [tenantId, company.resident.accountId, content.length, content],
          );
        },
      ),
  },
  {
    // The neighbour joins the resident's damage report of the entry above, as the neighbour (only a resident may join).
    tables: ['cases', 'incident_participants'],
    seed: (db, company) =>
      withScope(
        db,
        { role: 'resident', tenantId: company.tenant.id, accountId: company.neighbour.accountId, residentId: company.neighbour.id },
        async (tx) => {
          const { rows } = await tx.query<{ case_id: string }>(`SELECT case_id FROM open_damage_report_in_my_building('2026-0001')`);
          await tx.query(`INSERT INTO incident_participants (tenant_id, case_id, resident_id) VALUES ($1, $2, $3)`, [
            company.tenant.id,
            rows[0].case_id,
            company.neighbour.id,
          ]);
        },
      ),
  },
  {
    // A connection that leads nowhere and a dead letter: a pending entry would be delivered (and changed) by
    // the isolation server's outbox worker while the suite runs.
    tables: ['outbox', 'case_backend_connections', 'webhook_receipts'],
    seed: (db, company) =>
      withScope(db, { role: 'admin', tenantId: company.tenant.id, accountId: company.admin.id }, async (tx) => {
        const tenantId = company.tenant.id;
        await tx.query(
          `INSERT INTO case_backend_connections (tenant_id, base_url, api_token, webhook_secret) VALUES ($1, 'http://127.0.0.1:9/isolation', $2, $3)`,
          [
            tenantId,
            testSecrets.seal(`isolation-token-${tenantId}`, apiTokenContext(tenantId)),
            testSecrets.seal(`isolation-webhook-secret-${tenantId}`, webhookSecretContext(tenantId)),
          ],
        );
        const caseId = `isolation-${tenantId}`;
        await tx.query(
          `INSERT INTO outbox (tenant_id, topic, ordering_key, idempotency_key, payload) VALUES ($1, 'case-backend', $2, $2, $3)`,
          [
            tenantId,
            caseId,
            JSON.stringify({ method: 'POST', path: '/cases', body: { event: 'case.created', caseId, caseNumber: '2026-0001' } }),
          ],
        );
        await tx.query(`UPDATE outbox SET status = 'dead', attempts = 1, last_error = 'Isolationstest' WHERE tenant_id = $1`, [tenantId]);
        await tx.query(`INSERT INTO webhook_receipts (tenant_id, source, event_id) VALUES ($1, 'case-backend', 'isolation-event')`, [
          tenantId,
        ]);
      }),
  },
  {
    // Documents to the resident (answering the resident's case 2026-0001 above), to the resident's unit and to
    // the building; the resident read the building's.
    tables: ['cases', 'documents', 'document_reads'],
    seed: async (db, company) => {
      const tenantId = company.tenant.id;
      const content = Buffer.from('%PDF-1.4\n%%EOF\n');
      const ids = await withScope(db, { role: 'clerk', tenantId, accountId: company.clerk.id }, async (tx) => {
        const publish = async (
          title: string,
          column: 'recipient_resident_id' | 'recipient_unit_id' | 'recipient_building_id',
          audienceId: string,
          caseNumber: string | null,
        ) =>
          (
            await tx.query<{ id: string }>(
              `INSERT INTO documents (tenant_id, title, category, file_name, content_type, size, content, ${column}, case_id, published_by)
             VALUES ($1, $2, 'letter', 'Isolationstest.pdf', 'application/pdf', $3, $4, $5, (SELECT id FROM cases WHERE case_number = $6), $7)
             RETURNING id`,
              [tenantId, title, content.length, content, audienceId, caseNumber, company.clerk.id],
            )
          ).rows[0].id;
        return [
          await publish('Isolationstest an die Mieterin', 'recipient_resident_id', company.resident.id, '2026-0001'),
          await publish('Isolationstest an die Wohnung', 'recipient_unit_id', company.units[0].id, null),
          await publish('Isolationstest an das Gebäude', 'recipient_building_id', company.building.id, null),
        ];
      });
      await withScope(db, { role: 'resident', tenantId, accountId: company.resident.accountId, residentId: company.resident.id }, (tx) =>
        tx.query(`INSERT INTO document_reads (tenant_id, document_id, resident_id) VALUES ($1, $2, $3)`, [
          tenantId,
          ids[2],
          company.resident.id,
        ]),
      );
    },
  },
  {
    // What the HTTP suite's own-object checks of the document routes use up: an open request for a
    // Mieterbescheinigung (the neighbour's, so it is never the resident's case those checks work on) and a
    // clerk's staged upload. Their ids are probeId(company, …).
    tables: ['cases', 'document_types', 'staged_uploads', 'documents'],
    seed: async (db, company) => {
      const tenantId = company.tenant.id;
      await withScope(db, { role: 'admin', tenantId, accountId: company.admin.id }, (tx) =>
        tx.query(
          `INSERT INTO cases (tenant_id, id, case_number, type, resident_id, building_id, unit_id, title, document_type_id, priority, deadline_at)
           VALUES ($1, $2, '2025-0001', 'document_request', $3, $4, $5, 'Mieterbescheinigung',
                   (SELECT id FROM document_types WHERE key = 'tenant_certificate'), 'normal', now() + interval '10 days')`,
          [tenantId, probeId(company, 'certificate-request'), company.neighbour.id, company.building.id, company.units[1].id],
        ),
      );
      const content = Buffer.from('%PDF-1.4\n%%EOF\n');
      await withScope(db, { role: 'clerk', tenantId, accountId: company.clerk.id }, (tx) =>
        tx.query(
          `INSERT INTO staged_uploads (tenant_id, id, account_id, file_name, content_type, size, content) VALUES ($1, $2, $3, 'Auftrag.pdf', 'application/pdf', $4, $5)`,
          [tenantId, probeId(company, 'clerk-upload'), company.clerk.id, content.length, content],
        ),
      );
    },
  },
  {
    // A resident's answered idempotency key (a filing that may be repeated for 24 hours).
    tables: ['idempotency_keys'],
    seed: (db, company) =>
      withScope(
        db,
        { role: 'resident', tenantId: company.tenant.id, accountId: company.resident.accountId, residentId: company.resident.id },
        (tx) =>
          tx.query(
            `INSERT INTO idempotency_keys (tenant_id, account_id, key, fingerprint, claim_id, locked_until, expires_at, response_status, response_body)
             VALUES ($1, $2, 'isolation-key', repeat('0', 64), gen_random_uuid(), now(), now() + interval '24 hours', 201, '{"case":{}}')`,
            [company.tenant.id, company.resident.accountId],
          ),
      ),
  },
  {
    // Settings the company's admin set, with the audit entry of that change.
    tables: ['company_settings', 'audit_log'],
    seed: (db, company) =>
      withScope(db, { role: 'admin', tenantId: company.tenant.id, accountId: company.admin.id }, async (tx) => {
        await tx.query(
          `INSERT INTO company_settings (tenant_id, settings)
           VALUES ($1, '{"officeHours": "Isolationstest", "lettingEmail": "vermietung@isolation.example"}')`,
          [company.tenant.id],
        );
        await tx.query(`INSERT INTO audit_log (tenant_id, actor_account_id, action, details) VALUES ($1, $2, 'settings.changed', '{}')`, [
          company.tenant.id,
          company.admin.id,
        ]);
      }),
  },
  {
    // Chats of the resident and of the neighbour (a conversation with a question, an answer with a tool call,
    // its result and a callback draft), a second conversation of the resident with a fixed id
    // (probeId(company, 'chat-deletable'), for the HTTP suite's own-object delete), an acknowledged notice and
    // the month's token use.
    tables: ['chatbot_conversations', 'chatbot_messages', 'chat_drafts', 'chat_notice_acknowledgements', 'chat_token_usage'],
    seed: async (db, company) => {
      const tenantId = company.tenant.id;
      for (const [who, resident] of [
        ['resident', company.resident],
        ['neighbour', company.neighbour],
      ] as const) {
        const scope = { role: 'resident' as const, tenantId, accountId: resident.accountId, residentId: resident.id };
        await withScope(db, scope, async (tx) => {
          const conversation = (
            await tx.query<{ id: string }>(
              `INSERT INTO chatbot_conversations (tenant_id, account_id, resident_id, title) VALUES ($1, $2, $3, 'Isolationstest') RETURNING id`,
              [tenantId, resident.accountId, resident.id],
            )
          ).rows[0].id;
          const message = (role: string, text: string, toolCalls: unknown[], toolResults: unknown[]) =>
            tx.query(
              `INSERT INTO chatbot_messages (tenant_id, conversation_id, resident_id, role, text, tool_calls, tool_results) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
              [tenantId, conversation, resident.id, role, text, JSON.stringify(toolCalls), JSON.stringify(toolResults)],
            );
          await message('user', 'Isolationstest: Wann kommt meine Abrechnung?', [], []);
          await message('assistant', '', [{ id: 'call_1', name: 'getMieterInfo', input: {} }], []);
          await message('tool', '', [], [{ callId: 'call_1', name: 'getMieterInfo', content: { known: false }, isError: false }]);
          await tx.query(
            `INSERT INTO chat_drafts (tenant_id, conversation_id, resident_id, kind, data) VALUES ($1, $2, $3, 'callback', $4)`,
            [tenantId, conversation, resident.id, JSON.stringify({ topic: 'Isolationstest', preferredTimes: 'vormittags', phone: null })],
          );
          if (who === 'resident') {
            await tx.query(
              `INSERT INTO chatbot_conversations (tenant_id, id, account_id, resident_id, title) VALUES ($1, $2, $3, $4, 'Zum Löschen')`,
              [tenantId, probeId(company, 'chat-deletable'), resident.accountId, resident.id],
            );
            await tx.query(
              `INSERT INTO chat_notice_acknowledgements (tenant_id, account_id, notice_version) VALUES ($1, $2, 'isolation')`,
              [tenantId, resident.accountId],
            );
            await tx.query(
              `INSERT INTO chat_token_usage (tenant_id, month, input_tokens, output_tokens) VALUES ($1, date_trunc('month', now())::date, 10, 5)`,
              [tenantId],
            );
          }
        });
      }
    },
  },
  {
    // The lead pipeline: a listing with its IS24 id, a lead of it (contact data naming the company, so a leak shows)
    // with its created entry, the clerk's view of its phone, the webhook delivery that made it, the webhook secret
    // (plaintext isolationLeadSecret) and a refused request.
    tables: [
      'listings',
      'listing_portal_ids',
      'leads',
      'lead_events',
      'lead_access_log',
      'lead_webhook_secrets',
      'webhook_deliveries',
      'lead_intake_rejections',
    ],
    seed: async (db, company) => {
      const tenantId = company.tenant.id;
      await withScope(db, { role: 'clerk', tenantId, accountId: company.clerk.id }, async (tx) => {
        const id = async (sql: string, params: unknown[]) => (await tx.query<{ id: string }>(sql, params)).rows[0].id;
        const listing = await id(
          `INSERT INTO listings (tenant_id, unit_id, title, rooms, living_area, cold_rent, service_charges, commission, created_by)
           VALUES ($1, $2, 'Isolationstest-Inserat', 3, 72.5, 890, 210, 'provisionsfrei', $3) RETURNING id`,
          [tenantId, company.units[0].id, company.clerk.id],
        );
        await tx.query(
          `INSERT INTO listing_portal_ids (tenant_id, listing_id, provider, provider_listing_id) VALUES ($1, $2, 'immoscout24', $3)`,
          [tenantId, listing, `IS24-${tenantId}`],
        );
        const lead = await id(
          `INSERT INTO leads (tenant_id, listing_id, source, channel, provider, name, email, phone, phone_normalised, address, message)
           VALUES ($1, $2, 'immoscout24', 'webhook', 'immoscout24', 'Isolationstest Interessentin', $3, '0151 23456789',
                   '+4915123456789', $4, 'Ist die Wohnung noch frei?') RETURNING id`,
          [tenantId, listing, `lead-${tenantId}@example.org`, `Birkenweg 3, ${tenantId}`],
        );
        await tx.query(
          `INSERT INTO lead_events (tenant_id, lead_id, actor_role, actor_account_id, kind, to_status) VALUES ($1, $2, 'staff', $3, 'created', 'offen')`,
          [tenantId, lead, company.clerk.id],
        );
        await tx.query(
          `INSERT INTO lead_access_log (tenant_id, lead_id, account_id, via, fields) VALUES ($1, $2, $3, 'detail', '{phone}')`,
          [tenantId, lead, company.clerk.id],
        );
        await tx.query(
          `INSERT INTO webhook_deliveries (tenant_id, provider, dedupe_key, lead_id) VALUES ($1, 'immoscout24', 'enquiry:isolation', $2)`,
          [tenantId, lead],
        );
      });
      const secretId = probeId(company, 'lead-webhook-secret');
      await withScope(db, { role: 'admin', tenantId, accountId: company.admin.id }, (tx) =>
        tx.query(`INSERT INTO lead_webhook_secrets (tenant_id, id, provider, secret, hint) VALUES ($1, $2, 'immoscout24', $3, 'tion')`, [
          tenantId,
          secretId,
          testSecrets.seal(isolationLeadSecret(company), leadWebhookSecretContext(tenantId, secretId)),
        ]),
      );
      await withScope(db, { role: 'system', tenantId }, (tx) =>
        tx.query(
          `INSERT INTO lead_intake_rejections (tenant_id, provider, ip, reason, detail) VALUES ($1, 'immoscout24', '192.0.2.1', 'signature_invalid', 'Isolationstest')`,
          [tenantId],
        ),
      );
    },
  },
  {
    // The lifecycle (migration 0028): three leads with fixed ids (probeId) for the routes that need a lead in a given
    // stage — `lead-open` (offen, version 1: moved by the HTTP suite), `lead-viewed` (besichtigt, with a verified
    // e-mail, a viewing in the past and a self-disclosure) and `lead-rejected` (abgelehnt, its message prepared) — and
    // the letting permission for the admin (the § 21 AGG export and the legal hold need it).
    tables: ['lead_contact_verifications', 'lead_viewings', 'lead_self_disclosures', 'lead_rejection_messages'],
    seed: async (db, company) => {
      const tenantId = company.tenant.id;
      await withScope(db, { role: 'admin', tenantId, accountId: company.admin.id }, (tx) =>
        tx.query(`UPDATE accounts SET permissions = '{letting}' WHERE id = $1`, [company.admin.id]),
      );
      await withScope(db, { role: 'clerk', tenantId, accountId: company.clerk.id }, async (tx) => {
        const [{ id: listing }] = (await tx.query<{ id: string }>(`SELECT id FROM listings ORDER BY created_at LIMIT 1`)).rows;
        for (const [purpose, status] of [
          ['lead-open', 'offen'],
          ['lead-viewed', 'besichtigt'],
          ['lead-rejected', 'abgelehnt'],
        ] as const) {
          await tx.query(
            `INSERT INTO leads (tenant_id, id, listing_id, status, source, channel, provider, name, email, household_type, desired_move_in)
             VALUES ($1, $2, $3, $4, 'immoscout24', 'webhook', 'immoscout24', 'Isolationstest Lebenszyklus', $5, 'single', '2026-06-01')`,
            [tenantId, probeId(company, purpose), listing, status, `${purpose}-${tenantId}@example.org`],
          );
        }
        // `lead-unassigned`: offen without a listing ("nicht zugeordnet"), for the manual assignment.
        await tx.query(
          `INSERT INTO leads (tenant_id, id, status, source, channel, provider, name, email)
           VALUES ($1, $2, 'offen', 'immoscout24', 'webhook', 'immoscout24', 'Isolationstest ohne Inserat', $3)`,
          [tenantId, probeId(company, 'lead-unassigned'), `lead-unassigned-${tenantId}@example.org`],
        );
        const viewed = probeId(company, 'lead-viewed');
        await tx.query(
          `INSERT INTO lead_events (tenant_id, lead_id, actor_role, actor_account_id, kind, from_status, to_status)
           VALUES ($1, $2, 'staff', $3, 'status_changed', 'kontaktiert', 'besichtigt')`,
          [tenantId, viewed, company.clerk.id],
        );
        await tx.query(
          `INSERT INTO lead_contact_verifications (tenant_id, lead_id, channel, value, how, verified_by) VALUES ($1, $2, 'email', $3, 'reached', $4)`,
          [tenantId, viewed, `lead-viewed-${tenantId}@example.org`, company.clerk.id],
        );
        await tx.query(
          `INSERT INTO lead_viewings (tenant_id, lead_id, starts_at, duration_minutes, note, created_by)
           VALUES ($1, $2, now() - interval '1 day', 30, $3, $4)`,
          [tenantId, viewed, `Isolationstest ${tenantId}`, company.clerk.id],
        );
        await tx.query(
          `INSERT INTO lead_self_disclosures (tenant_id, lead_id, profession, employer, income_band, rent_debt_free_certificate, recorded_by)
           VALUES ($1, $2, 'Isolationstest', $3, '2500_3500', true, $4)`,
          [tenantId, viewed, `Arbeitgeber ${tenantId}`, company.clerk.id],
        );
        await tx.query(`INSERT INTO lead_rejection_messages (tenant_id, lead_id, subject, body) VALUES ($1, $2, 'Ihre Anfrage', $3)`, [
          tenantId,
          probeId(company, 'lead-rejected'),
          `Guten Tag, Isolationstest ${tenantId}`,
        ]);
      });
    },
  },
  {
    // A message a clerk wrote to the viewed lead (migration 0033), naming the company so a leak shows.
    tables: ['lead_messages'],
    seed: (db, company) =>
      withScope(db, { role: 'clerk', tenantId: company.tenant.id, accountId: company.clerk.id }, (tx) =>
        tx.query(
          `INSERT INTO lead_messages (tenant_id, lead_id, direction, subject, body, from_address, to_address, message_id, sent_by)
           VALUES ($1, $2, 'out', 'Ihre Anfrage', $3, 'vermietung@isolation.example', 'lead@example.org', $4, $5)`,
          [
            company.tenant.id,
            probeId(company, 'lead-viewed'),
            `Isolationstest ${company.tenant.id}`,
            `<iso-${company.tenant.id}@isolation.example>`,
            company.clerk.id,
          ],
        ),
      ),
  },
  {
    // Viewings: the seeded lead's booking link, a slot of the listing with the lead's booking, and a free slot
    // (probeId 'viewing-slot-free', so withdrawing one's own slot can succeed).
    tables: ['signed_links', 'viewing_slots', 'viewing_bookings'],
    seed: async (db, company) => {
      const tenantId = company.tenant.id;
      await withScope(db, { role: 'clerk', tenantId, accountId: company.clerk.id }, async (tx) => {
        const [{ listing, lead }] = (
          await tx.query<{ listing: string; lead: string }>(
            `SELECT listing_id AS listing, id AS lead FROM leads WHERE listing_id IS NOT NULL AND status = 'offen' ORDER BY created_at LIMIT 1`,
          )
        ).rows;
        await tx.query(
          `INSERT INTO signed_links (tenant_id, purpose, subject_id, expires_at, created_by)
           VALUES ($1, 'viewing-booking', $2, now() + interval '14 days', $3)`,
          [tenantId, lead, company.clerk.id],
        );
        const slot = (
          await tx.query<{ id: string }>(
            `INSERT INTO viewing_slots (tenant_id, listing_id, starts_at, duration_minutes, capacity, note, created_by)
             VALUES ($1, $2, now() + interval '3 days', 30, 2, $3, $4) RETURNING id`,
            [tenantId, listing, `Isolationstest ${tenantId}`, company.clerk.id],
          )
        ).rows[0].id;
        await tx.query(
          `INSERT INTO viewing_slots (tenant_id, id, listing_id, starts_at, duration_minutes, capacity, created_by)
           VALUES ($1, $2, $3, now() + interval '4 days', 30, 1, $4)`,
          [tenantId, probeId(company, 'viewing-slot-free'), listing, company.clerk.id],
        );
        await tx.query(`INSERT INTO viewing_bookings (tenant_id, slot_id, lead_id, status) VALUES ($1, $2, $3, 'booked')`, [
          tenantId,
          slot,
          lead,
        ]);
      });
    },
  },
  {
    // Credit checks (migration 0034): `lead-credit` (besichtigt) with a consent given through its link (what the person
    // entered names the company, so a leak shows), ready for a check; the viewed lead with an earlier, used consent and
    // its result.
    tables: ['lead_credit_check_consents', 'lead_credit_checks', 'signed_links'],
    seed: async (db, company) => {
      const tenantId = company.tenant.id;
      await withScope(db, { role: 'clerk', tenantId, accountId: company.clerk.id }, async (tx) => {
        const [{ id: listing }] = (await tx.query<{ id: string }>(`SELECT id FROM listings ORDER BY created_at LIMIT 1`)).rows;
        const ready = probeId(company, 'lead-credit');
        await tx.query(
          `INSERT INTO leads (tenant_id, id, listing_id, status, source, channel, provider, name, email)
           VALUES ($1, $2, $3, 'besichtigt', 'immoscout24', 'webhook', 'immoscout24', 'Isolationstest Bonität', $4)`,
          [tenantId, ready, listing, `lead-credit-${tenantId}@example.org`],
        );
        const link = async (lead: string) =>
          (
            await tx.query<{ id: string }>(
              `INSERT INTO signed_links (tenant_id, purpose, subject_id, expires_at, created_by)
               VALUES ($1, 'credit-check-consent', $2, now() + interval '14 days', $3) RETURNING id`,
              [tenantId, lead, company.clerk.id],
            )
          ).rows[0].id;
        await tx.query(
          `INSERT INTO lead_credit_check_consents (tenant_id, lead_id, signed_link_id, requested_by, given_at, birth_date, street, postal_code, city)
           VALUES ($1, $2, $3, $4, now(), '1980-01-01', $5, '20095', 'Hamburg')`,
          [tenantId, ready, await link(ready), company.clerk.id, `Isolationsweg ${tenantId}`],
        );
        const viewed = probeId(company, 'lead-viewed');
        const used = (
          await tx.query<{ id: string }>(
            `INSERT INTO lead_credit_check_consents (tenant_id, lead_id, signed_link_id, requested_by, given_at, used_at)
             VALUES ($1, $2, $3, $4, now(), now()) RETURNING id`,
            [tenantId, viewed, await link(viewed), company.clerk.id],
          )
        ).rows[0].id;
        await tx.query(
          `INSERT INTO lead_credit_checks (tenant_id, lead_id, consent_id, reference, score_class, checked_by)
           VALUES ($1, $2, $3, $4, 'unbedenklich', $5)`,
          [tenantId, viewed, used, `ISO-${tenantId}`, company.clerk.id],
        );
      });
    },
  },
  {
    // A portal mail nobody could read (its subject naming the company, so a leak shows) and the mail relay's secret.
    tables: ['lead_dead_letters', 'lead_webhook_secrets'],
    seed: async (db, company) => {
      const tenantId = company.tenant.id;
      const raw = Buffer.from(
        `From: unbekannt@example.org\r\nSubject: Isolationstest ${tenantId}\r\nMessage-ID: <${tenantId}@example.org>\r\n\r\nNichts Lesbares.\r\n`,
      );
      await withScope(db, { role: 'system', tenantId }, (tx) =>
        tx.query(
          `INSERT INTO lead_dead_letters (tenant_id, received_at, channel, dedupe_key, reason_code, reason, sender, subject, content_type, raw,
                                          original_size, last_attempt_at)
           VALUES ($1, now(), 'email', $2, 'unknown_sender', 'Isolationstest', 'unbekannt@example.org', $3, 'message/rfc822', $4, $5, now())`,
          [tenantId, `message-id:<${tenantId}@example.org>`, `Isolationstest ${tenantId}`, raw, raw.length],
        ),
      );
      const secretId = probeId(company, 'lead-mail-secret');
      await withScope(db, { role: 'admin', tenantId, accountId: company.admin.id }, (tx) =>
        tx.query(`INSERT INTO lead_webhook_secrets (tenant_id, id, provider, secret, hint) VALUES ($1, $2, 'mail', $3, 'mail')`, [
          tenantId,
          secretId,
          testSecrets.seal(isolationMailSecret(company), leadWebhookSecretContext(tenantId, secretId)),
        ]),
      );
    },
  },
  {
    // Contractor orders (migration 0038): a contractor naming the company (so a leak shows) and a declined order of
    // the resident's damage case with its answer link (probeId 'contractor', 'work-order'); the case can be ordered again.
    tables: ['contractors', 'work_orders', 'signed_links'],
    seed: async (db, company) => {
      const tenantId = company.tenant.id;
      await withScope(db, { role: 'clerk', tenantId, accountId: company.clerk.id }, async (tx) => {
        const [{ id: caseId }] = (
          await tx.query<{ id: string }>(`SELECT id FROM cases WHERE type = 'damage' AND resident_id = $1 LIMIT 1`, [company.resident.id])
        ).rows;
        const contractor = probeId(company, 'contractor');
        await tx.query(`INSERT INTO contractors (tenant_id, id, name, trade, email) VALUES ($1, $2, $3, 'Sanitär', $4)`, [
          tenantId,
          contractor,
          `Isolationstest ${tenantId}`,
          `handwerk-${tenantId}@example.org`,
        ]);
        const workOrder = probeId(company, 'work-order');
        const [{ id: link }] = (
          await tx.query<{ id: string }>(
            `INSERT INTO signed_links (tenant_id, purpose, subject_id, expires_at, created_by)
             VALUES ($1, 'contractor-answer', $2, now() + interval '30 days', $3) RETURNING id`,
            [tenantId, workOrder, company.clerk.id],
          )
        ).rows;
        await tx.query(
          `INSERT INTO work_orders (tenant_id, id, case_id, contractor_id, signed_link_id, note, ordered_by, status, answer_note, answered_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, 'declined', 'Keine Kapazität', now())`,
          [tenantId, workOrder, caseId, contractor, link, `Isolationstest ${tenantId}`, company.clerk.id],
        );
      });
    },
  },
  {
    // The resident's choice of e-mails and when they last looked at their first case (migration 0039).
    tables: ['notification_preferences', 'case_views'],
    seed: (db, company) =>
      withScope(db, scopesOf(company).resident, async (tx) => {
        const tenantId = company.tenant.id;
        await tx.query(`INSERT INTO notification_preferences (tenant_id, resident_id, replies) VALUES ($1, $2, false)`, [
          tenantId,
          company.resident.id,
        ]);
        await tx.query(
          `INSERT INTO case_views (tenant_id, resident_id, case_id)
           SELECT $1, $2, id FROM cases WHERE resident_id = $2 ORDER BY created_at LIMIT 1`,
          [tenantId, company.resident.id],
        );
      }),
  },
  {
    // An open erasure request of the neighbour (migration 0041; probeId 'erasure-request'), so that completing it
    // touches no account the suites sign in with.
    tables: ['erasure_requests'],
    seed: (db, company) =>
      withScope(
        db,
        { role: 'resident', tenantId: company.tenant.id, accountId: company.neighbour.accountId, residentId: company.neighbour.id },
        (tx) =>
          tx.query(`INSERT INTO erasure_requests (tenant_id, id, resident_id, account_id) VALUES ($1, $2, $3, $4)`, [
            company.tenant.id,
            probeId(company, 'erasure-request'),
            company.neighbour.id,
            company.neighbour.accountId,
          ]),
      ),
  },
];

export async function seedEmptyTables(db: Database, company: HousingCompany, tables: string[]): Promise<void> {
  for (const { tables: needed, seed } of SEEDS) {
    if (needed.every((table) => tables.includes(table))) await seed(db, company);
  }
}

/** The scopes a housing company's users and use cases run in. */
export function scopesOf(company: HousingCompany): Record<string, Scope> {
  const tenantId = company.tenant.id;
  return {
    resident: { role: 'resident', tenantId, accountId: company.resident.accountId, residentId: company.resident.id },
    clerk: { role: 'clerk', tenantId, accountId: company.clerk.id },
    admin: { role: 'admin', tenantId, accountId: company.admin.id },
    'auth (sign-in, with session key)': { role: 'auth', tenantId, sessionKey: sessionKeyOf(company, 'resident') },
  };
}

/** Tables of schema public that have a tenant_id column, read from pg_catalog. */
export async function tenantTables(db: Database): Promise<string[]> {
  const { rows } = await db.transaction((tx) =>
    tx.query<{ relname: string }>(
      `SELECT c.relname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
        WHERE c.relkind IN ('r', 'p') AND c.relnamespace = 'public'::regnamespace ORDER BY c.relname`,
    ),
  );
  return rows.map((row) => row.relname);
}

/** Quotes an identifier read from pg_catalog (tests only; the app never builds SQL from names). */
export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Row count of a statement, or 'refused' when PostgreSQL denied it (RLS violation or missing privilege). */
export async function outcome(statement: Promise<QueryResult<unknown>>): Promise<number | 'refused'> {
  try {
    return (await statement).rowCount;
  } catch (error) {
    if ((error as { code?: string }).code === '42501') return 'refused';
    throw error;
  }
}

/**
 * Outside row-level security, to see what really is in the tables, plus a Database whose app transactions
 * run over a superuser login — the misconfiguration the start-up check must refuse. On PostgreSQL that is
 * the administrator URL of the test database; on PGlite (whose session user is always the superuser) a
 * transaction that drops the app role again with RESET ROLE.
 */
export interface Superuser {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  misconfigured: Database;
  close(): Promise<void>;
}

export async function superuser(test: TestDatabase): Promise<Superuser> {
  if (!test.urls) {
    const db = test.db;
    const unrestricted: Database['transaction'] = (fn) =>
      db.transaction(async (tx) => {
        await tx.query('RESET ROLE');
        return fn(tx);
      });
    return {
      query: async (sql, params) => (await unrestricted((tx) => tx.query(sql, params))).rows as never,
      misconfigured: { ...db, transaction: unrestricted },
      close: async () => undefined,
    };
  }
  const adminUrl = new URL(process.env.DATABASE_URL!);
  adminUrl.pathname = new URL(test.urls.url).pathname;
  const admin = await openDatabase({ url: adminUrl.toString(), ownerUrl: adminUrl.toString(), poolSize: 2 });
  return {
    query: async (sql, params) => (await admin.ownerTransaction((tx) => tx.query(sql, params))).rows as never,
    misconfigured: admin,
    close: () => admin.close(),
  };
}
