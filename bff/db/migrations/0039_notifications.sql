-- Notifications (docs/cases.md, "Notifications"): which e-mails a resident wants, and when a resident last
-- looked at each of their cases ("Meine Anliegen" marks cases with news since then).

-- One row per resident who chose; no row means every e-mail (the defaults below).
CREATE TABLE notification_preferences (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  resident_id uuid NOT NULL,
  receipt boolean NOT NULL DEFAULT true,
  replies boolean NOT NULL DEFAULT true,
  status_changes boolean NOT NULL DEFAULT true,
  appointments boolean NOT NULL DEFAULT true,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, resident_id),
  FOREIGN KEY (tenant_id, resident_id) REFERENCES residents (tenant_id, id)
);

-- When the resident last opened a case's detail; the key names the case together with its resident, so a
-- row can only ever be about the resident's own case.
CREATE TABLE case_views (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  resident_id uuid NOT NULL,
  case_id uuid NOT NULL,
  viewed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, resident_id, case_id),
  FOREIGN KEY (tenant_id, case_id, resident_id) REFERENCES cases (tenant_id, id, resident_id)
);

ALTER TABLE notification_preferences ENABLE ROW LEVEL SECURITY;
ALTER TABLE notification_preferences FORCE ROW LEVEL SECURITY;
ALTER TABLE case_views ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_views FORCE ROW LEVEL SECURITY;

-- The resident reads and writes their own; staff read (the mails they trigger respect them); nobody deletes.
CREATE POLICY notification_preferences_read ON notification_preferences FOR SELECT
  USING (tenant_id = app_tenant() AND (app_is_staff() OR resident_id = app_resident()));
CREATE POLICY notification_preferences_create ON notification_preferences FOR INSERT
  WITH CHECK (tenant_id = app_tenant() AND app_role() = 'resident' AND resident_id = app_resident());
CREATE POLICY notification_preferences_update ON notification_preferences FOR UPDATE
  USING (tenant_id = app_tenant() AND app_role() = 'resident' AND resident_id = app_resident())
  WITH CHECK (tenant_id = app_tenant() AND app_role() = 'resident' AND resident_id = app_resident());

CREATE POLICY case_views_read ON case_views FOR SELECT
  USING (tenant_id = app_tenant() AND (app_is_staff() OR resident_id = app_resident()));
CREATE POLICY case_views_create ON case_views FOR INSERT
  WITH CHECK (tenant_id = app_tenant() AND app_role() = 'resident' AND resident_id = app_resident());
CREATE POLICY case_views_update ON case_views FOR UPDATE
  USING (tenant_id = app_tenant() AND app_role() = 'resident' AND resident_id = app_resident())
  WITH CHECK (tenant_id = app_tenant() AND app_role() = 'resident' AND resident_id = app_resident());

-- The anonymisation (migration 0032) walks every tenant table.
CREATE POLICY notification_preferences_anonymiser_read ON notification_preferences FOR SELECT
  USING (tenant_id = app_tenant() AND app_role() = 'anonymiser');
CREATE POLICY notification_preferences_anonymiser_rewrite ON notification_preferences FOR UPDATE
  USING (tenant_id = app_tenant() AND app_role() = 'anonymiser') WITH CHECK (tenant_id = app_tenant() AND app_role() = 'anonymiser');
CREATE POLICY case_views_anonymiser_read ON case_views FOR SELECT USING (tenant_id = app_tenant() AND app_role() = 'anonymiser');
CREATE POLICY case_views_anonymiser_rewrite ON case_views FOR UPDATE
  USING (tenant_id = app_tenant() AND app_role() = 'anonymiser') WITH CHECK (tenant_id = app_tenant() AND app_role() = 'anonymiser');

GRANT SELECT, INSERT, UPDATE ON notification_preferences, case_views TO mieterportal_app;
