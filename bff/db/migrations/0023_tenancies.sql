-- Tenancies: a resident's relation to a unit, with what the ERP knows of it (Mietbeginn, Kaltmiete,
-- Vorauszahlungen, Hausmeisterbereich, active clauses, the utility billing period). `relation` is 'tenant'
-- for now; the whole portal adds 'owner' to the same relation. The chat's getMieterInfo and the
-- Mieterbescheinigung read it. Residents read their own; staff of the company read and write.
CREATE TABLE tenancies (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  resident_id uuid NOT NULL,
  unit_id uuid NOT NULL,
  relation text NOT NULL DEFAULT 'tenant' CHECK (relation IN ('tenant')),
  tenancy_start date,
  cold_rent numeric(10, 2) CHECK (cold_rent >= 0),
  -- [{ "label": "Betriebskosten", "amount": 180.5 }, …]
  advance_payments jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(advance_payments) = 'array'),
  caretaker_area text CHECK (length(caretaker_area) <= 200),
  -- [{ "title": "Haustiere", "text": "…" }, …]
  clauses jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(clauses) = 'array'),
  billing_period_start date,
  billing_period_end date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((billing_period_start IS NULL) = (billing_period_end IS NULL)),
  CHECK (billing_period_end >= billing_period_start),
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, resident_id, unit_id, relation),
  FOREIGN KEY (tenant_id, resident_id) REFERENCES residents (tenant_id, id),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES units (tenant_id, id)
);

ALTER TABLE tenancies ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenancies FORCE ROW LEVEL SECURITY;
CREATE POLICY tenancies_read ON tenancies FOR SELECT
  USING (tenant_id = app_tenant() AND (app_is_staff() OR resident_id = app_resident()));
CREATE POLICY tenancies_write ON tenancies FOR ALL
  USING (tenant_id = app_tenant() AND app_is_staff()) WITH CHECK (tenant_id = app_tenant() AND app_is_staff());
GRANT SELECT, INSERT, UPDATE, DELETE ON tenancies TO mieterportal_app;

-- Every resident rents the unit they were onboarded into; the Mietbeginn moves from residents (0007) here.
-- The owner is held to FORCE ROW LEVEL SECURITY like everyone else; lift it for this one back-fill, inside
-- this transaction.
ALTER TABLE residents NO FORCE ROW LEVEL SECURITY;
ALTER TABLE tenancies NO FORCE ROW LEVEL SECURITY;
INSERT INTO tenancies (tenant_id, resident_id, unit_id, tenancy_start)
  SELECT tenant_id, id, unit_id, tenancy_start FROM residents;
ALTER TABLE residents FORCE ROW LEVEL SECURITY;
ALTER TABLE tenancies FORCE ROW LEVEL SECURITY;
ALTER TABLE residents DROP COLUMN tenancy_start;
