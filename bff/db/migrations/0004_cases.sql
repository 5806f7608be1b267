-- Cases (Vorgänge): per-tenant catalogues, routing rules, cases with a human number per year, an
-- automatic activity log and messages. Staff see all of their housing company's cases; a resident sees
-- only their own cases, the public events of them and the public messages — never internal notes.

-- Damage catalogue, three dependent levels: Schadensort → Schadenskategorie → Schadensart.
CREATE TABLE damage_locations (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  label text NOT NULL CHECK (length(label) BETWEEN 1 AND 100),
  position integer NOT NULL DEFAULT 0,
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, label)
);

CREATE TABLE damage_categories (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  location_id uuid NOT NULL,
  label text NOT NULL CHECK (length(label) BETWEEN 1 AND 100),
  position integer NOT NULL DEFAULT 0,
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, location_id, id),
  UNIQUE (location_id, label),
  FOREIGN KEY (tenant_id, location_id) REFERENCES damage_locations (tenant_id, id)
);

CREATE TABLE damage_kinds (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  category_id uuid NOT NULL,
  label text NOT NULL CHECK (length(label) BETWEEN 1 AND 100),
  position integer NOT NULL DEFAULT 0,
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, category_id, id),
  UNIQUE (category_id, label),
  FOREIGN KEY (tenant_id, category_id) REFERENCES damage_categories (tenant_id, id)
);

-- Documents a resident can request (Mieterbescheinigung, Kopie Mietvertrag, …).
CREATE TABLE document_types (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  label text NOT NULL CHECK (length(label) BETWEEN 1 AND 100),
  position integer NOT NULL DEFAULT 0,
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, label)
);

-- Who works a new case: by type, for damage optionally by category (the more specific rule wins).
CREATE TABLE case_routing_rules (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  case_type text NOT NULL CHECK (case_type IN ('contact', 'complaint', 'damage', 'document_request', 'letting')),
  damage_category_id uuid,
  assignee_account_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (damage_category_id IS NULL OR case_type = 'damage'),
  UNIQUE NULLS NOT DISTINCT (tenant_id, case_type, damage_category_id),
  FOREIGN KEY (tenant_id, damage_category_id) REFERENCES damage_categories (tenant_id, id),
  FOREIGN KEY (tenant_id, assignee_account_id) REFERENCES accounts (tenant_id, id)
);

-- Last case number handed out per housing company and year; the row lock serialises concurrent creation.
CREATE TABLE case_number_counters (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  year integer NOT NULL,
  last_number integer NOT NULL,
  PRIMARY KEY (tenant_id, year)
);

CREATE TABLE cases (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  case_number text NOT NULL,
  type text NOT NULL CHECK (type IN ('contact', 'complaint', 'damage', 'document_request', 'letting')),
  resident_id uuid NOT NULL,
  building_id uuid NOT NULL,
  unit_id uuid NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
  damage_location_id uuid,
  damage_category_id uuid,
  damage_kind_id uuid,
  document_type_id uuid,
  urgency text NOT NULL DEFAULT 'normal' CHECK (urgency IN ('normal', 'urgent', 'emergency')),
  resident_availability text CHECK (length(resident_availability) <= 500),
  access_consent boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'eingegangen'
    CHECK (status IN ('eingegangen', 'in_bearbeitung', 'beauftragt', 'erledigt', 'abgelehnt')),
  priority text NOT NULL CHECK (priority IN ('normal', 'high', 'critical')),
  deadline_at timestamptz NOT NULL,
  assignee_account_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, id, resident_id),
  UNIQUE (tenant_id, case_number),
  FOREIGN KEY (tenant_id, resident_id) REFERENCES residents (tenant_id, id),
  FOREIGN KEY (tenant_id, building_id) REFERENCES buildings (tenant_id, id),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES units (tenant_id, id),
  -- The kind belongs to the category, the category to the location, all of the same housing company.
  FOREIGN KEY (tenant_id, damage_location_id, damage_category_id) REFERENCES damage_categories (tenant_id, location_id, id),
  FOREIGN KEY (tenant_id, damage_category_id, damage_kind_id) REFERENCES damage_kinds (tenant_id, category_id, id),
  FOREIGN KEY (tenant_id, document_type_id) REFERENCES document_types (tenant_id, id),
  FOREIGN KEY (tenant_id, assignee_account_id) REFERENCES accounts (tenant_id, id),
  CHECK ((type = 'damage') = (damage_kind_id IS NOT NULL)),
  CHECK (type = 'damage' OR (damage_location_id IS NULL AND damage_category_id IS NULL)),
  CHECK ((type = 'document_request') = (document_type_id IS NOT NULL)),
  CHECK (urgency <> 'emergency' OR type = 'damage')
);
CREATE INDEX cases_by_deadline ON cases (tenant_id, deadline_at, id);
CREATE INDEX cases_by_resident ON cases (tenant_id, resident_id, created_at);
CREATE INDEX cases_open_damage_by_building ON cases (tenant_id, building_id, damage_category_id)
  WHERE type = 'damage' AND status NOT IN ('erledigt', 'abgelehnt');

-- Activity log: every change of a case, who made it and when. `public` events form the resident's
-- timeline. resident_id is copied from the case (and held to it by the foreign key) so the resident
-- policy is a plain comparison.
CREATE TABLE case_events (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  case_id uuid NOT NULL,
  resident_id uuid NOT NULL,
  actor_account_id uuid,
  actor_role text NOT NULL CHECK (actor_role IN ('resident', 'staff', 'system')),
  kind text NOT NULL
    CHECK (kind IN ('created', 'routed', 'status_changed', 'assigned', 'public_reply', 'internal_note', 'resident_message')),
  public boolean NOT NULL,
  data jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  CHECK ((actor_role = 'system') = (actor_account_id IS NULL)),
  FOREIGN KEY (tenant_id, case_id, resident_id) REFERENCES cases (tenant_id, id, resident_id),
  FOREIGN KEY (tenant_id, actor_account_id) REFERENCES accounts (tenant_id, id)
);
CREATE INDEX case_events_by_case ON case_events (tenant_id, case_id, created_at);

-- Messages: public ones between resident and housing company, internal notes among staff only.
CREATE TABLE case_messages (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  case_id uuid NOT NULL,
  resident_id uuid NOT NULL,
  author_account_id uuid NOT NULL,
  author_role text NOT NULL CHECK (author_role IN ('resident', 'staff')),
  internal boolean NOT NULL,
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  CHECK (NOT (internal AND author_role = 'resident')),
  FOREIGN KEY (tenant_id, case_id, resident_id) REFERENCES cases (tenant_id, id, resident_id),
  FOREIGN KEY (tenant_id, author_account_id) REFERENCES accounts (tenant_id, id)
);
CREATE INDEX case_messages_by_case ON case_messages (tenant_id, case_id, created_at);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['damage_locations', 'damage_categories', 'damage_kinds', 'document_types',
                           'case_routing_rules', 'case_number_counters', 'cases', 'case_events', 'case_messages']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
  END LOOP;
END $$;

-- Catalogues and routing rules: read by everyone of the housing company (a resident's new case is
-- routed inside the resident's own transaction), written by its admins.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['damage_locations', 'damage_categories', 'damage_kinds', 'document_types', 'case_routing_rules']
  LOOP
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT USING (tenant_id = app_tenant())', t || '_read', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR ALL USING (tenant_id = app_tenant() AND app_role() = ''admin'')
                    WITH CHECK (tenant_id = app_tenant() AND app_role() = ''admin'')', t || '_write', t);
  END LOOP;
END $$;

CREATE POLICY case_number_counters_access ON case_number_counters FOR ALL
  USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());

-- Cases: staff see and change all of the housing company's; a resident sees and files only their own.
CREATE POLICY cases_read ON cases FOR SELECT
  USING (tenant_id = app_tenant() AND (app_is_staff() OR resident_id = app_resident()));
CREATE POLICY cases_create ON cases FOR INSERT
  WITH CHECK (tenant_id = app_tenant() AND (app_is_staff() OR resident_id = app_resident()));
CREATE POLICY cases_update ON cases FOR UPDATE
  USING (tenant_id = app_tenant() AND app_is_staff()) WITH CHECK (tenant_id = app_tenant() AND app_is_staff());
-- Read by the owner only inside open_damage_reports_in_my_building(), which returns no personal data.
CREATE POLICY cases_owner_read ON cases FOR SELECT TO mieterportal_owner USING (tenant_id = app_tenant());

-- Events: a resident reads only the public events of their own cases. Filing a case writes its routing
-- event (internal) in the resident's transaction, so inserting is held to the own case only.
CREATE POLICY case_events_read ON case_events FOR SELECT
  USING (tenant_id = app_tenant() AND (app_is_staff() OR (public AND resident_id = app_resident())));
CREATE POLICY case_events_create ON case_events FOR INSERT
  WITH CHECK (tenant_id = app_tenant() AND (app_is_staff() OR resident_id = app_resident()));

CREATE POLICY case_messages_read ON case_messages FOR SELECT
  USING (tenant_id = app_tenant() AND (app_is_staff() OR (NOT internal AND resident_id = app_resident())));
CREATE POLICY case_messages_create ON case_messages FOR INSERT
  WITH CHECK (tenant_id = app_tenant() AND (app_is_staff()
              OR (NOT internal AND resident_id = app_resident() AND author_account_id = app_account())));

-- "Already reported?": open damage cases of the resident's own building in one category, without any
-- personal data (no resident, no description). Runs as the owner to look past the resident policy of
-- cases; still bound to the caller's housing company and building by the session settings.
CREATE FUNCTION open_damage_reports_in_my_building(category uuid)
  RETURNS TABLE (case_number text, damage_location text, damage_category text, damage_kind text,
                 status text, reported_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT c.case_number, l.label, k_cat.label, k.label, c.status, c.created_at
    FROM cases c
    JOIN damage_locations l ON l.tenant_id = c.tenant_id AND l.id = c.damage_location_id
    JOIN damage_categories k_cat ON k_cat.tenant_id = c.tenant_id AND k_cat.id = c.damage_category_id
    JOIN damage_kinds k ON k.tenant_id = c.tenant_id AND k.id = c.damage_kind_id
   WHERE c.tenant_id = app_tenant()
     AND c.type = 'damage'
     AND c.damage_category_id = category
     AND c.status NOT IN ('erledigt', 'abgelehnt')
     AND c.building_id = (SELECT u.building_id
                            FROM residents r JOIN units u ON u.tenant_id = r.tenant_id AND u.id = r.unit_id
                           WHERE r.tenant_id = app_tenant() AND r.id = app_resident())
   ORDER BY c.created_at DESC
   LIMIT 20
$$;
REVOKE ALL ON FUNCTION open_damage_reports_in_my_building(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION open_damage_reports_in_my_building(uuid) TO mieterportal_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON damage_locations, damage_categories, damage_kinds, document_types,
  case_routing_rules TO mieterportal_app;
GRANT SELECT, INSERT, UPDATE ON case_number_counters, cases TO mieterportal_app;
GRANT SELECT, INSERT ON case_events, case_messages TO mieterportal_app;
