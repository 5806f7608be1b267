-- Documents ("Meine Dokumente"): files the housing company publishes to one resident, to everyone living
-- in a unit or to everyone living in a building, with a read receipt per resident. Staff see all of
-- their housing company's documents; a resident sees only those addressed to them, their unit or their
-- building. Also: stable keys for document types (the Mieterbescheinigung is generated, not uploaded),
-- the tenancy start of a resident (printed on the Mieterbescheinigung) and the timeline event
-- `document_published`.

-- 1. Document types get a stable key, so code can recognise a type whatever a housing company calls it.
ALTER TABLE document_types ADD COLUMN key text CHECK (key ~ '^[a-z][a-z0-9_]{1,62}$');
ALTER TABLE document_types ADD CONSTRAINT document_types_key_per_tenant UNIQUE (tenant_id, key);
-- The owner is held to FORCE ROW LEVEL SECURITY like everyone else; lift it for this one back-fill
-- of the default labels, inside this migration's transaction.
ALTER TABLE document_types NO FORCE ROW LEVEL SECURITY;
UPDATE document_types SET key = defaults.key
  FROM (VALUES ('Mieterbescheinigung', 'tenant_certificate'),
               ('Wohnungsgeberbestätigung', 'landlord_confirmation'),
               ('Kopie Mietvertrag', 'lease_copy'),
               ('Hausordnung', 'house_rules'),
               ('Betriebskostenabrechnung (Kopie)', 'utility_statement_copy'),
               ('Mietschuldenfreiheitsbescheinigung', 'rent_clearance_certificate')) AS defaults (label, key)
 WHERE document_types.label = defaults.label AND document_types.key IS NULL;
ALTER TABLE document_types FORCE ROW LEVEL SECURITY;

-- 2. Since when the resident rents their unit (Mietbeginn), as the ERP knows it; null when not imported.
ALTER TABLE residents ADD COLUMN tenancy_start date;

-- 3. A document published on a case shows in the case's public timeline.
ALTER TABLE case_events DROP CONSTRAINT case_events_kind_check;
ALTER TABLE case_events ADD CONSTRAINT case_events_kind_check
  CHECK (kind IN ('created', 'routed', 'status_changed', 'assigned', 'public_reply', 'internal_note', 'resident_message',
                  'attachments_added', 'document_published'));

-- 4. Documents, addressed to exactly one of resident, unit or building (recipient_*: a document addressed to
--    a unit or building belongs to no resident). The file is stored in the row.
CREATE TABLE documents (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  category text NOT NULL CHECK (category IN ('letter', 'utility_statement', 'certificate', 'contract', 'other')),
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
  size integer NOT NULL CHECK (size > 0),
  content bytea NOT NULL CHECK (octet_length(content) = size),
  recipient_resident_id uuid,
  recipient_unit_id uuid,
  recipient_building_id uuid,
  -- The case a document answers (a requested document); it always goes to that case's resident.
  case_id uuid,
  published_by uuid NOT NULL,
  published_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (tenant_id, id),
  CHECK (num_nonnulls(recipient_resident_id, recipient_unit_id, recipient_building_id) = 1),
  CHECK (case_id IS NULL OR recipient_resident_id IS NOT NULL),
  FOREIGN KEY (tenant_id, recipient_resident_id) REFERENCES residents (tenant_id, id),
  FOREIGN KEY (tenant_id, recipient_unit_id) REFERENCES units (tenant_id, id),
  FOREIGN KEY (tenant_id, recipient_building_id) REFERENCES buildings (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id, recipient_resident_id) REFERENCES cases (tenant_id, id, resident_id),
  FOREIGN KEY (tenant_id, published_by) REFERENCES accounts (tenant_id, id)
);
CREATE INDEX documents_by_resident ON documents (tenant_id, recipient_resident_id, published_at) WHERE recipient_resident_id IS NOT NULL;
CREATE INDEX documents_by_unit ON documents (tenant_id, recipient_unit_id, published_at) WHERE recipient_unit_id IS NOT NULL;
CREATE INDEX documents_by_building ON documents (tenant_id, recipient_building_id, published_at) WHERE recipient_building_id IS NOT NULL;
CREATE INDEX documents_by_time ON documents (tenant_id, published_at, id);

-- When a resident first opened (or marked as read) a document.
CREATE TABLE document_reads (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  document_id uuid NOT NULL,
  resident_id uuid NOT NULL,
  read_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (document_id, resident_id),
  FOREIGN KEY (tenant_id, document_id) REFERENCES documents (tenant_id, id),
  FOREIGN KEY (tenant_id, resident_id) REFERENCES residents (tenant_id, id)
);
CREATE INDEX document_reads_by_resident ON document_reads (tenant_id, resident_id);

ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE documents FORCE ROW LEVEL SECURITY;
ALTER TABLE document_reads ENABLE ROW LEVEL SECURITY;
ALTER TABLE document_reads FORCE ROW LEVEL SECURITY;

-- The calling resident's unit and building, read under the caller's own policies on residents and units.
CREATE FUNCTION app_resident_unit() RETURNS uuid LANGUAGE sql STABLE AS
  $$ SELECT r.unit_id FROM residents r WHERE r.tenant_id = app_tenant() AND r.id = app_resident() $$;
CREATE FUNCTION app_resident_building() RETURNS uuid LANGUAGE sql STABLE AS
  $$ SELECT u.building_id FROM residents r JOIN units u ON u.tenant_id = r.tenant_id AND u.id = r.unit_id
      WHERE r.tenant_id = app_tenant() AND r.id = app_resident() $$;

-- Staff read and publish the housing company's documents (as themselves); a resident reads what is
-- addressed to them, their unit or their building. Documents are never changed; nobody deletes them yet.
CREATE POLICY documents_read ON documents FOR SELECT USING (
  tenant_id = app_tenant() AND (
    app_is_staff()
    OR (app_role() = 'resident' AND (recipient_resident_id = app_resident()
                                     OR recipient_unit_id = app_resident_unit()
                                     OR recipient_building_id = app_resident_building()))));
CREATE POLICY documents_publish ON documents FOR INSERT
  WITH CHECK (tenant_id = app_tenant() AND app_is_staff() AND published_by = app_account());

-- Read receipts: a resident writes only their own, and only for a document they can see; staff read them.
CREATE POLICY document_reads_read ON document_reads FOR SELECT
  USING (tenant_id = app_tenant() AND (app_is_staff() OR resident_id = app_resident()));
CREATE POLICY document_reads_create ON document_reads FOR INSERT WITH CHECK (
  tenant_id = app_tenant() AND app_role() = 'resident' AND resident_id = app_resident()
  AND EXISTS (SELECT 1 FROM documents d WHERE d.tenant_id = document_reads.tenant_id AND d.id = document_reads.document_id));

GRANT SELECT, INSERT ON documents, document_reads TO mieterportal_app;
GRANT EXECUTE ON FUNCTION app_resident_unit(), app_resident_building() TO mieterportal_app;
