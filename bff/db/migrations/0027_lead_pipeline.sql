-- Lead pipeline, first part (docs/leads.md): listings (Inserate) with their ids on the portals, leads
-- (Interessenten) with their append-only audit trail, the signed webhook's per-company secrets, its
-- deliveries (dedupe) and refusals, the access log of contact data, and the letting permission (Vermietung)
-- of staff accounts. The glossary's `vermarktung_leads` is `leads` here, beside `listings` and `lead_events`.

-- The letting permission beside the roles clerk and admin: only staff holding it see (and search) a lead's
-- telephone number and address. Like the role, only an admin may change it (trigger below).
ALTER TABLE accounts ADD COLUMN permissions text[] NOT NULL DEFAULT '{}'
  CHECK (permissions <@ ARRAY['letting']::text[]);
ALTER TABLE accounts ADD CONSTRAINT accounts_permissions_staff_only CHECK (role <> 'resident' OR permissions = '{}');
CREATE FUNCTION accounts_guard_permissions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.permissions IS DISTINCT FROM OLD.permissions AND app_role() <> 'admin' THEN
    RAISE EXCEPTION 'only an admin may change the permissions of an account' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER accounts_guard_permissions BEFORE UPDATE OF permissions ON accounts
  FOR EACH ROW EXECUTE FUNCTION accounts_guard_permissions();

-- A flat offered on the portals: one unit of the company, with the figures the portals show. The commission
-- (Provision, § 2 Abs. 1a WoVermittG) is required: it is carried into each lead and the contract draft.
CREATE TABLE listings (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  unit_id uuid NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  rooms numeric(4, 1) NOT NULL CHECK (rooms > 0 AND rooms <= 99),
  living_area numeric(7, 2) NOT NULL CHECK (living_area > 0),
  cold_rent numeric(10, 2) NOT NULL CHECK (cold_rent >= 0),
  service_charges numeric(10, 2) NOT NULL CHECK (service_charges >= 0),
  available_from date,
  commission text NOT NULL CHECK (length(commission) BETWEEN 1 AND 300),
  status text NOT NULL DEFAULT 'aktiv' CHECK (status IN ('aktiv', 'vermietet')),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES units (tenant_id, id),
  FOREIGN KEY (tenant_id, created_by) REFERENCES accounts (tenant_id, id)
);
CREATE INDEX listings_by_status ON listings (tenant_id, status, created_at DESC, id DESC);

-- The listing's id on each portal or relay (provider): how an enquiry finds its listing. One id per provider
-- and listing, and an id names one listing of the company.
CREATE TABLE listing_portal_ids (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  listing_id uuid NOT NULL,
  provider text NOT NULL CHECK (provider ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
  provider_listing_id text NOT NULL CHECK (length(provider_listing_id) BETWEEN 1 AND 100),
  PRIMARY KEY (tenant_id, listing_id, provider),
  UNIQUE (tenant_id, provider, provider_listing_id),
  FOREIGN KEY (tenant_id, listing_id) REFERENCES listings (tenant_id, id)
);

-- A rental enquiry. listing_id NULL: "nicht zugeordnet" (the provider's listing id matched no active listing).
-- Contact data as sent; the message and fields after data minimisation at the door (bff/leads/minimisation.ts):
-- only the allow-list (move-in, household, pets) is kept, self-disclosure data is cut and only noted as
-- offered. `version` counts changes (optimistic concurrency of moves); `status_changed_at` is the time in stage.
CREATE TABLE leads (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  listing_id uuid,
  status text NOT NULL DEFAULT 'offen' CHECK (status IN ('offen', 'kontaktiert', 'besichtigt', 'akzeptiert', 'abgelehnt')),
  owner_account_id uuid,
  source text NOT NULL CHECK (source IN ('immoscout24', 'immowelt', 'webhook', 'email', 'openimmo-ftp', 'upload', 'manuell')),
  channel text NOT NULL CHECK (channel IN ('webhook', 'email', 'ftp', 'upload', 'manuell')),
  -- The webhook's provider (from its URL) or the sending portal; NULL for manual entries.
  provider text CHECK (provider ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
  -- The provider's id of the enquiry, when it sends one.
  external_id text CHECK (length(external_id) BETWEEN 1 AND 200),
  name text NOT NULL CHECK (length(name) <= 200),
  email text CHECK (length(email) BETWEEN 3 AND 254),
  phone text CHECK (length(phone) BETWEEN 1 AND 50),
  -- E.164 (+4915123456789), read with libphonenumber-js: +49 151…, 0151… and 0049 151… are the same number.
  phone_normalised text CHECK (phone_normalised ~ '^\+[1-9][0-9]{4,15}$'),
  address text CHECK (length(address) BETWEEN 1 AND 300),
  message text NOT NULL DEFAULT '' CHECK (length(message) <= 10000),
  -- 'YYYY-MM-DD' when the person named a date, else their words ("ab sofort", "flexibel").
  desired_move_in text CHECK (length(desired_move_in) BETWEEN 1 AND 100),
  household_size smallint CHECK (household_size BETWEEN 1 AND 30),
  household_type text CHECK (household_type IN ('single', 'couple', 'family', 'shared')),
  pets boolean,
  pets_note text CHECK (length(pets_note) BETWEEN 1 AND 200),
  self_disclosure_offered boolean NOT NULL DEFAULT false,
  -- The listing's commission when the lead was assigned to it (what the person was told).
  commission text CHECK (length(commission) BETWEEN 1 AND 300),
  sent_at timestamptz,
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  status_changed_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, listing_id) REFERENCES listings (tenant_id, id),
  FOREIGN KEY (tenant_id, owner_account_id) REFERENCES accounts (tenant_id, id)
);
-- A board column page by page, newest first; search and the duplicate marker (same e-mail or phone, same listing).
CREATE INDEX leads_by_column ON leads (tenant_id, status, created_at DESC, id DESC);
CREATE INDEX leads_by_listing ON leads (tenant_id, listing_id, status, created_at DESC, id DESC);
CREATE INDEX leads_by_email ON leads (tenant_id, listing_id, email) WHERE email IS NOT NULL;
CREATE INDEX leads_by_phone ON leads (tenant_id, listing_id, phone_normalised) WHERE phone_normalised IS NOT NULL;

-- The audit trail of a lead: who did what when, from which status to which, why. Append-only for the app
-- role (SELECT and INSERT only). Anonymisation after the retention period rewrites personal words in
-- reasons through a function of its own, never through an UPDATE privilege of the app.
CREATE TABLE lead_events (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  lead_id uuid NOT NULL,
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor_role text NOT NULL CHECK (actor_role IN ('staff', 'system')),
  actor_account_id uuid,
  kind text NOT NULL CHECK (kind IN ('created', 'status_changed', 'owner_changed', 'listing_assigned', 'anonymised')),
  from_status text CHECK (from_status IN ('offen', 'kontaktiert', 'besichtigt', 'akzeptiert', 'abgelehnt')),
  to_status text CHECK (to_status IN ('offen', 'kontaktiert', 'besichtigt', 'akzeptiert', 'abgelehnt')),
  reason text CHECK (length(reason) <= 2000),
  details jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(details) = 'object'),
  CHECK ((actor_role = 'staff') = (actor_account_id IS NOT NULL)),
  FOREIGN KEY (tenant_id, lead_id) REFERENCES leads (tenant_id, id),
  FOREIGN KEY (tenant_id, actor_account_id) REFERENCES accounts (tenant_id, id)
);
CREATE INDEX lead_events_by_lead ON lead_events (tenant_id, lead_id, at);

-- Who saw a lead's telephone number or address, when (the letting permission's access log).
CREATE TABLE lead_access_log (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  lead_id uuid NOT NULL,
  account_id uuid NOT NULL,
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  -- 'detail': the lead was opened; 'search': it was found by its telephone number.
  via text NOT NULL CHECK (via IN ('detail', 'search')),
  fields text[] NOT NULL CHECK (fields <> '{}' AND fields <@ ARRAY['phone', 'address']::text[]),
  FOREIGN KEY (tenant_id, lead_id) REFERENCES leads (tenant_id, id),
  FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id)
);
CREATE INDEX lead_access_log_by_lead ON lead_access_log (tenant_id, lead_id, at DESC);

-- Secrets of the signed lead webhook, per company and provider; several are valid at once during a rotation,
-- until revoked. Sealed like every stored secret (bff/secrets/secret-box.ts), bound to their row.
CREATE TABLE lead_webhook_secrets (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  provider text NOT NULL CHECK (provider ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
  secret text NOT NULL CHECK (length(secret) BETWEEN 24 AND 1000),
  -- The secret's last four characters, so admins can tell secrets apart without seeing them.
  hint text NOT NULL CHECK (length(hint) BETWEEN 1 AND 8),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  FOREIGN KEY (tenant_id, created_by) REFERENCES accounts (tenant_id, id)
);
CREATE INDEX lead_webhook_secrets_active ON lead_webhook_secrets (tenant_id, provider) WHERE revoked_at IS NULL;
COMMENT ON COLUMN lead_webhook_secrets.secret IS 'encrypted: v1:<key id>:<iv>:<tag>:<ciphertext> (bff/secrets/secret-box.ts)';

-- Webhook deliveries already turned into a lead: by the signed webhook-id, the provider's enquiry id and a
-- hash of the enquiry (each a key), so the same enquiry delivered twice is one lead.
CREATE TABLE webhook_deliveries (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  provider text NOT NULL CHECK (provider ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
  dedupe_key text NOT NULL CHECK (length(dedupe_key) BETWEEN 1 AND 300),
  lead_id uuid NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, provider, dedupe_key),
  FOREIGN KEY (tenant_id, lead_id) REFERENCES leads (tenant_id, id)
);

-- Refused webhook requests (wrong or missing signature, stale timestamp, unreadable body): where from and why.
CREATE TABLE lead_intake_rejections (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  provider text NOT NULL CHECK (length(provider) BETWEEN 1 AND 100),
  ip text CHECK (length(ip) <= 100),
  reason text NOT NULL CHECK (reason IN ('signature_missing', 'signature_invalid', 'signature_expired', 'unknown_provider',
                                         'invalid_json', 'validation_failed')),
  detail text CHECK (length(detail) <= 500)
);
CREATE INDEX lead_intake_rejections_by_time ON lead_intake_rejections (tenant_id, at DESC, id DESC);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['listings', 'listing_portal_ids', 'leads', 'lead_events', 'lead_access_log', 'lead_webhook_secrets',
                           'webhook_deliveries', 'lead_intake_rejections']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
  END LOOP;
END $$;

-- Staff of the company work listings and leads; the system scope bound to the company (the webhook, later the
-- e-mail intake and the jobs) reads listings and writes leads. Residents see nothing of the lead pipeline.
CREATE POLICY listings_access ON listings FOR ALL
  USING (tenant_id = app_tenant() AND app_role() IN ('clerk', 'admin', 'system'))
  WITH CHECK (tenant_id = app_tenant() AND app_is_staff());
CREATE POLICY listing_portal_ids_access ON listing_portal_ids FOR ALL
  USING (tenant_id = app_tenant() AND app_role() IN ('clerk', 'admin', 'system'))
  WITH CHECK (tenant_id = app_tenant() AND app_is_staff());
CREATE POLICY leads_access ON leads FOR ALL
  USING (tenant_id = app_tenant() AND app_role() IN ('clerk', 'admin', 'system'))
  WITH CHECK (tenant_id = app_tenant() AND app_role() IN ('clerk', 'admin', 'system'));
-- Entries in one's own name only: staff as their account, the system without one.
CREATE POLICY lead_events_read ON lead_events FOR SELECT
  USING (tenant_id = app_tenant() AND app_role() IN ('clerk', 'admin', 'system'));
CREATE POLICY lead_events_append ON lead_events FOR INSERT
  WITH CHECK (tenant_id = app_tenant() AND (
    (app_is_staff() AND actor_role = 'staff' AND actor_account_id = app_account())
    OR (app_role() = 'system' AND actor_role = 'system')));
CREATE POLICY lead_access_log_read ON lead_access_log FOR SELECT
  USING (tenant_id = app_tenant() AND app_role() = 'admin');
CREATE POLICY lead_access_log_append ON lead_access_log FOR INSERT
  WITH CHECK (tenant_id = app_tenant() AND app_is_staff() AND account_id = app_account());
CREATE POLICY lead_webhook_secrets_read ON lead_webhook_secrets FOR SELECT
  USING (tenant_id = app_tenant() AND app_role() IN ('admin', 'system'));
CREATE POLICY lead_webhook_secrets_write ON lead_webhook_secrets FOR INSERT
  WITH CHECK (tenant_id = app_tenant() AND app_role() = 'admin');
CREATE POLICY lead_webhook_secrets_revoke ON lead_webhook_secrets FOR UPDATE
  USING (tenant_id = app_tenant() AND app_role() IN ('admin', 'system'))
  WITH CHECK (tenant_id = app_tenant() AND app_role() IN ('admin', 'system'));
CREATE POLICY webhook_deliveries_access ON webhook_deliveries FOR ALL
  USING (tenant_id = app_tenant() AND app_role() IN ('clerk', 'admin', 'system'))
  WITH CHECK (tenant_id = app_tenant() AND app_role() IN ('clerk', 'admin', 'system'));
CREATE POLICY lead_intake_rejections_read ON lead_intake_rejections FOR SELECT
  USING (tenant_id = app_tenant() AND app_role() = 'admin');
CREATE POLICY lead_intake_rejections_append ON lead_intake_rejections FOR INSERT
  WITH CHECK (tenant_id = app_tenant() AND app_role() = 'system');

GRANT SELECT, INSERT, UPDATE ON listings, leads TO mieterportal_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON listing_portal_ids TO mieterportal_app;
GRANT SELECT, INSERT ON lead_events, lead_access_log, webhook_deliveries, lead_intake_rejections TO mieterportal_app;
GRANT SELECT, INSERT, UPDATE ON lead_webhook_secrets TO mieterportal_app;
