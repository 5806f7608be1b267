-- Account self-service (docs/sign-in.md, "Self-service"): a person lists and ends their own sessions, changes
-- password and e-mail address, re-enrols the second factor and keeps recovery codes for a lost phone.

-- Sessions get a public id (the key is a hash of the cookie and stays server-side), when they were last used
-- and the browser that opened them, so that the list can name them.
ALTER TABLE sessions ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE sessions ADD COLUMN last_seen_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE sessions ADD COLUMN user_agent text CHECK (length(user_agent) <= 500);
CREATE UNIQUE INDEX sessions_by_id ON sessions (id);

-- Recovery codes: shown once at TOTP enrolment, kept as hashes, each accepted once instead of a TOTP code.
CREATE TABLE recovery_codes (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  account_id uuid NOT NULL,
  code_hash text NOT NULL CHECK (code_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  used_at timestamptz,
  FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id)
);
CREATE UNIQUE INDEX recovery_codes_by_hash ON recovery_codes (tenant_id, account_id, code_hash);

-- A new e-mail address waits here until the link mailed to it is opened (single use, expiring).
CREATE TABLE email_changes (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  account_id uuid NOT NULL,
  new_email text NOT NULL CHECK (length(new_email) <= 254),
  token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id)
);
CREATE INDEX email_changes_by_account ON email_changes (tenant_id, account_id);

ALTER TABLE recovery_codes ENABLE ROW LEVEL SECURITY;
ALTER TABLE recovery_codes FORCE ROW LEVEL SECURITY;
ALTER TABLE email_changes ENABLE ROW LEVEL SECURITY;
ALTER TABLE email_changes FORCE ROW LEVEL SECURITY;

-- The person's own rows (signed in), and the sign-in scope of the housing company (a recovery code at the
-- second-factor step; the confirmation link, opened with or without a session). Staff never see them.
CREATE POLICY recovery_codes_own ON recovery_codes FOR ALL
  USING (tenant_id = app_tenant() AND (account_id = app_account() OR app_role() = 'auth'))
  WITH CHECK (tenant_id = app_tenant() AND (account_id = app_account() OR app_role() = 'auth'));
CREATE POLICY email_changes_own ON email_changes FOR ALL
  USING (tenant_id = app_tenant() AND (account_id = app_account() OR app_role() = 'auth'))
  WITH CHECK (tenant_id = app_tenant() AND (account_id = app_account() OR app_role() = 'auth'));

GRANT SELECT, INSERT, UPDATE, DELETE ON recovery_codes, email_changes TO mieterportal_app;
