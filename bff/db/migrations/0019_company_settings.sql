-- Company settings (docs/settings.md): one row per housing company holding the values its admins or the
-- platform set, as JSON validated by the contract's schema (bff/contract/settings.ts). A field nobody set
-- is absent and reads as the schema's default, so a new field needs no migration.
CREATE TABLE company_settings (
  tenant_id uuid NOT NULL PRIMARY KEY REFERENCES tenants(id),
  settings jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(settings) = 'object'),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Audit log: who changed what in a housing company, append-only. actor_account_id is the admin who acted;
-- NULL means the platform operator (admin API or CLI, which act without an account of the company).
CREATE TABLE audit_log (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_account_id uuid,
  action text NOT NULL CHECK (action ~ '^[a-z][a-z0-9_.]{0,63}$'),
  details jsonb NOT NULL DEFAULT '{}',
  FOREIGN KEY (tenant_id, actor_account_id) REFERENCES accounts (tenant_id, id)
);
CREATE INDEX audit_log_by_tenant ON audit_log (tenant_id, at DESC);

ALTER TABLE company_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE company_settings FORCE ROW LEVEL SECURITY;
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;

-- Everyone of the housing company reads its settings (residents see the emergency numbers, e-mails read
-- the portal page URL, jobs the retention periods; the public read by slug runs in the 'auth' scope of
-- that company); only its admins (and the platform acting as one) write them.
CREATE POLICY company_settings_read ON company_settings FOR SELECT USING (tenant_id = app_tenant());
CREATE POLICY company_settings_create ON company_settings FOR INSERT
  WITH CHECK (tenant_id = app_tenant() AND app_role() = 'admin');
CREATE POLICY company_settings_update ON company_settings FOR UPDATE
  USING (tenant_id = app_tenant() AND app_role() = 'admin') WITH CHECK (tenant_id = app_tenant() AND app_role() = 'admin');

-- Admins read their company's log and write entries in their own name only (the platform: no account).
CREATE POLICY audit_log_read ON audit_log FOR SELECT USING (tenant_id = app_tenant() AND app_role() = 'admin');
CREATE POLICY audit_log_create ON audit_log FOR INSERT
  WITH CHECK (tenant_id = app_tenant() AND app_role() = 'admin' AND actor_account_id IS NOT DISTINCT FROM app_account());

GRANT SELECT, INSERT, UPDATE ON company_settings TO mieterportal_app;
GRANT SELECT, INSERT ON audit_log TO mieterportal_app;
