-- Contractor orders from a damage case (docs/contractors.md): a housing company's contractors (Handwerker) and the
-- work orders a clerk gives them from a case. The contractor answers through a signed link (purpose
-- `contractor-answer`, subject: the work order) without an account; the answer is applied in the company's staff
-- scope, so both tables are staff-only.

CREATE TABLE contractors (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  -- Gewerk, e.g. Sanitär, Elektro, Schlüsseldienst.
  trade text NOT NULL CHECK (length(trade) BETWEEN 1 AND 100),
  email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
  phone text CHECK (length(phone) <= 50),
  -- The buildings the contractor serves; empty: all of the company's buildings. Checked by the use cases.
  building_ids uuid[] NOT NULL DEFAULT '{}',
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id)
);
CREATE INDEX contractors_by_name ON contractors (tenant_id, name);

CREATE TABLE work_orders (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  case_id uuid NOT NULL,
  contractor_id uuid NOT NULL,
  -- The link mailed to the contractor; revoked when the case closes.
  signed_link_id uuid NOT NULL,
  status text NOT NULL DEFAULT 'ordered' CHECK (status IN ('ordered', 'accepted', 'declined', 'done')),
  -- The clerk's note to the contractor (in the order).
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  appointment_at timestamptz,
  -- The contractor's reason for declining or note on the work done.
  answer_note text CHECK (length(answer_note) <= 2000),
  ordered_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  answered_at timestamptz,
  CHECK (status <> 'accepted' OR appointment_at IS NOT NULL),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id),
  FOREIGN KEY (tenant_id, contractor_id) REFERENCES contractors (tenant_id, id),
  FOREIGN KEY (tenant_id, signed_link_id) REFERENCES signed_links (tenant_id, id),
  FOREIGN KEY (tenant_id, ordered_by) REFERENCES accounts (tenant_id, id)
);
-- At most one open order per case (a declined or done one makes room for the next).
CREATE UNIQUE INDEX work_orders_one_open_per_case ON work_orders (tenant_id, case_id) WHERE status IN ('ordered', 'accepted');
CREATE INDEX work_orders_by_case ON work_orders (tenant_id, case_id, created_at);

ALTER TABLE contractors ENABLE ROW LEVEL SECURITY;
ALTER TABLE contractors FORCE ROW LEVEL SECURITY;
ALTER TABLE work_orders ENABLE ROW LEVEL SECURITY;
ALTER TABLE work_orders FORCE ROW LEVEL SECURITY;

-- Staff of the company only; residents see nothing (what a resident learns of an order comes through the case).
CREATE POLICY contractors_staff ON contractors FOR ALL
  USING (tenant_id = app_tenant() AND app_is_staff()) WITH CHECK (tenant_id = app_tenant() AND app_is_staff());
CREATE POLICY work_orders_staff ON work_orders FOR ALL
  USING (tenant_id = app_tenant() AND app_is_staff()) WITH CHECK (tenant_id = app_tenant() AND app_is_staff());
-- The anonymisation (migration 0032) rewrites every tenant table.
CREATE POLICY contractors_anonymiser_read ON contractors FOR SELECT USING (tenant_id = app_tenant() AND app_role() = 'anonymiser');
CREATE POLICY contractors_anonymiser_rewrite ON contractors FOR UPDATE
  USING (tenant_id = app_tenant() AND app_role() = 'anonymiser') WITH CHECK (tenant_id = app_tenant() AND app_role() = 'anonymiser');
CREATE POLICY work_orders_anonymiser_read ON work_orders FOR SELECT USING (tenant_id = app_tenant() AND app_role() = 'anonymiser');
CREATE POLICY work_orders_anonymiser_rewrite ON work_orders FOR UPDATE
  USING (tenant_id = app_tenant() AND app_role() = 'anonymiser') WITH CHECK (tenant_id = app_tenant() AND app_role() = 'anonymiser');

-- Contractors are deactivated, not deleted (orders name them); orders are never deleted.
GRANT SELECT, INSERT, UPDATE ON contractors, work_orders TO mieterportal_app;

-- The case's activity log records the order and every answer (`work_order`, data.action).
ALTER TABLE case_events DROP CONSTRAINT case_events_kind_check;
ALTER TABLE case_events ADD CONSTRAINT case_events_kind_check
  CHECK (kind IN ('created', 'routed', 'status_changed', 'assigned', 'public_reply', 'internal_note', 'resident_message',
                  'attachments_added', 'document_published', 'work_order'));
