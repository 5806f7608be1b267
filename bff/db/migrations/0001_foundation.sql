-- Foundation: housing companies, accounts, residents, buildings, units, sign-in state, sessions.
-- Every table holding a housing company's data has tenant_id, ENABLE + FORCE ROW LEVEL SECURITY and
-- policies on current_setting('app.current_tenant', true). The app role owns nothing.

CREATE FUNCTION app_tenant() RETURNS uuid LANGUAGE sql STABLE AS
  $$ SELECT nullif(current_setting('app.current_tenant', true), '')::uuid $$;
CREATE FUNCTION app_account() RETURNS uuid LANGUAGE sql STABLE AS
  $$ SELECT nullif(current_setting('app.current_account', true), '')::uuid $$;
CREATE FUNCTION app_resident() RETURNS uuid LANGUAGE sql STABLE AS
  $$ SELECT nullif(current_setting('app.current_resident', true), '')::uuid $$;
CREATE FUNCTION app_role() RETURNS text LANGUAGE sql STABLE AS
  $$ SELECT coalesce(current_setting('app.current_role', true), '') $$;
CREATE FUNCTION app_is_staff() RETURNS boolean LANGUAGE sql STABLE AS
  $$ SELECT app_role() IN ('clerk', 'admin') $$;

-- Housing companies (Mandanten). Name, slug, embed origins and theme are public by nature (the widgets
-- and CORS need them before sign-in), so everyone may read; only the platform creates them.
CREATE TABLE tenants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  allowed_origins text[] NOT NULL DEFAULT '{}',
  theme jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenants FORCE ROW LEVEL SECURITY;
CREATE POLICY tenants_read ON tenants FOR SELECT USING (true);
CREATE POLICY tenants_create ON tenants FOR INSERT WITH CHECK (app_role() = 'platform');
CREATE POLICY tenants_update ON tenants FOR UPDATE
  USING (app_role() = 'platform' OR (app_role() = 'admin' AND id = app_tenant()))
  WITH CHECK (app_role() = 'platform' OR (app_role() = 'admin' AND id = app_tenant()));

CREATE TABLE buildings (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  external_ref text NOT NULL,
  street text NOT NULL,
  postal_code text NOT NULL,
  city text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, external_ref)
);

CREATE TABLE units (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  building_id uuid NOT NULL,
  external_ref text NOT NULL,
  label text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, external_ref),
  FOREIGN KEY (tenant_id, building_id) REFERENCES buildings (tenant_id, id)
);

-- Sign-in identities of residents and staff. Email is set when a resident activates the account.
CREATE TABLE accounts (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  role text NOT NULL CHECK (role IN ('resident', 'clerk', 'admin')),
  display_name text NOT NULL,
  email text,
  password_hash text,
  second_factor text CHECK (second_factor IN ('totp', 'email')),
  totp_secret text,
  activated_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id)
);
CREATE UNIQUE INDEX accounts_email_per_tenant ON accounts (tenant_id, lower(email)) WHERE email IS NOT NULL;

CREATE TABLE residents (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  account_id uuid NOT NULL,
  unit_id uuid NOT NULL,
  external_ref text NOT NULL,
  first_name text NOT NULL,
  last_name text NOT NULL,
  contact_email text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, external_ref),
  UNIQUE (account_id),
  FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES units (tenant_id, id)
);

-- One-time activation codes as printed on a letter; only their hash is stored.
CREATE TABLE activation_codes (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  account_id uuid NOT NULL,
  code_hash text NOT NULL UNIQUE,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id)
);

CREATE TABLE password_resets (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  account_id uuid NOT NULL,
  token_hash text NOT NULL UNIQUE,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id)
);

-- Failed sign-in attempts per e-mail address (hashed), whether or not an account exists, so that the
-- lockout answers the same for every address and reveals nothing.
CREATE TABLE login_throttle (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  email_hash text NOT NULL,
  failures integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, email_hash)
);

-- Server-side sessions (express-session store). The row key is a hash of the session id; a request may
-- read only the row whose key it presents, or the rows of its own account (logout everywhere).
CREATE TABLE sessions (
  session_key text PRIMARY KEY,
  tenant_id uuid REFERENCES tenants(id),
  account_id uuid,
  data jsonb NOT NULL,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sessions_by_account ON sessions (tenant_id, account_id);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

-- Tenant-scoped policies. Staff see all of their housing company's rows; residents see their own.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['buildings', 'units', 'accounts', 'residents', 'activation_codes',
                           'password_resets', 'login_throttle', 'sessions']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
  END LOOP;
END $$;

-- Buildings and units: readable by everyone of the housing company, written by its admins.
CREATE POLICY buildings_read ON buildings FOR SELECT USING (tenant_id = app_tenant());
CREATE POLICY buildings_write ON buildings FOR ALL
  USING (tenant_id = app_tenant() AND app_role() = 'admin') WITH CHECK (tenant_id = app_tenant() AND app_role() = 'admin');
CREATE POLICY units_read ON units FOR SELECT USING (tenant_id = app_tenant());
CREATE POLICY units_write ON units FOR ALL
  USING (tenant_id = app_tenant() AND app_role() = 'admin') WITH CHECK (tenant_id = app_tenant() AND app_role() = 'admin');

-- Accounts: staff and the sign-in use cases see the housing company's accounts; a resident sees only
-- their own. Admins create and change them; sign-in updates password and second factor.
CREATE POLICY accounts_read ON accounts FOR SELECT
  USING (tenant_id = app_tenant() AND (app_is_staff() OR app_role() = 'auth' OR id = app_account()));
CREATE POLICY accounts_create ON accounts FOR INSERT WITH CHECK (tenant_id = app_tenant() AND app_role() = 'admin');
CREATE POLICY accounts_update ON accounts FOR UPDATE
  USING (tenant_id = app_tenant() AND (app_role() IN ('admin', 'auth') OR id = app_account()))
  WITH CHECK (tenant_id = app_tenant() AND (app_role() IN ('admin', 'auth') OR id = app_account()));

-- Residents: resident-owned rows, readable by staff and by the resident themself.
CREATE POLICY residents_read ON residents FOR SELECT
  USING (tenant_id = app_tenant() AND (app_is_staff() OR app_role() = 'auth' OR id = app_resident()));
CREATE POLICY residents_write ON residents FOR ALL
  USING (tenant_id = app_tenant() AND app_role() = 'admin') WITH CHECK (tenant_id = app_tenant() AND app_role() = 'admin');

CREATE POLICY activation_codes_access ON activation_codes FOR ALL
  USING (tenant_id = app_tenant() AND app_role() IN ('admin', 'auth'))
  WITH CHECK (tenant_id = app_tenant() AND app_role() IN ('admin', 'auth'));
CREATE POLICY password_resets_access ON password_resets FOR ALL
  USING (tenant_id = app_tenant() AND app_role() = 'auth') WITH CHECK (tenant_id = app_tenant() AND app_role() = 'auth');
CREATE POLICY login_throttle_access ON login_throttle FOR ALL
  USING (tenant_id = app_tenant() AND app_role() = 'auth') WITH CHECK (tenant_id = app_tenant() AND app_role() = 'auth');

CREATE POLICY sessions_own_key ON sessions FOR ALL
  USING (session_key = current_setting('app.session_key', true))
  WITH CHECK (session_key = current_setting('app.session_key', true)
              AND (tenant_id IS NULL OR tenant_id = app_tenant()));
CREATE POLICY sessions_own_account ON sessions FOR ALL
  USING (tenant_id = app_tenant() AND account_id = app_account())
  WITH CHECK (tenant_id = app_tenant() AND account_id = app_account());
CREATE POLICY sessions_expiry ON sessions FOR DELETE USING (app_role() = 'system' AND expires_at < now());

GRANT SELECT, INSERT, UPDATE ON tenants TO mieterportal_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON buildings, units, accounts, residents, activation_codes,
  password_resets, login_throttle, sessions TO mieterportal_app;
