-- Uploads and case attachments. A file is uploaded first (staged for the uploading account, deleted after
-- 24 hours unless used) and then moved into a case by the filing or message that names it. The bytes live
-- in PostgreSQL, under the same row-level security as the rest of the case.

-- Staged uploads: visible to the uploading account only; the system clean-up sees only expired ones.
CREATE TABLE staged_uploads (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  account_id uuid NOT NULL,
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
  size integer NOT NULL CHECK (size > 0),
  content bytea NOT NULL CHECK (octet_length(content) = size),
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id)
);
CREATE INDEX staged_uploads_by_account ON staged_uploads (tenant_id, account_id, created_at);
CREATE INDEX staged_uploads_by_age ON staged_uploads (created_at);

-- Case attachments: resident_id is copied from the case (and held to it by the foreign key), so the
-- resident policy is a plain comparison. Attachments are never changed; they go with the case.
CREATE TABLE case_attachments (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  case_id uuid NOT NULL,
  resident_id uuid NOT NULL,
  uploaded_by_account_id uuid NOT NULL,
  uploaded_by_role text NOT NULL CHECK (uploaded_by_role IN ('resident', 'staff')),
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
  size integer NOT NULL CHECK (size > 0),
  content bytea NOT NULL CHECK (octet_length(content) = size),
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  FOREIGN KEY (tenant_id, case_id, resident_id) REFERENCES cases (tenant_id, id, resident_id),
  FOREIGN KEY (tenant_id, uploaded_by_account_id) REFERENCES accounts (tenant_id, id)
);
CREATE INDEX case_attachments_by_case ON case_attachments (tenant_id, case_id, created_at);

ALTER TABLE staged_uploads ENABLE ROW LEVEL SECURITY;
ALTER TABLE staged_uploads FORCE ROW LEVEL SECURITY;
ALTER TABLE case_attachments ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_attachments FORCE ROW LEVEL SECURITY;

CREATE POLICY staged_uploads_own ON staged_uploads FOR ALL
  USING (tenant_id = app_tenant() AND account_id = app_account())
  WITH CHECK (tenant_id = app_tenant() AND account_id = app_account());
CREATE POLICY staged_uploads_expiry_read ON staged_uploads FOR SELECT
  USING (app_role() = 'system' AND created_at < now() - interval '24 hours');
CREATE POLICY staged_uploads_expiry ON staged_uploads FOR DELETE
  USING (app_role() = 'system' AND created_at < now() - interval '24 hours');

CREATE POLICY case_attachments_read ON case_attachments FOR SELECT
  USING (tenant_id = app_tenant() AND (app_is_staff() OR resident_id = app_resident()));
CREATE POLICY case_attachments_create ON case_attachments FOR INSERT WITH CHECK (
  tenant_id = app_tenant() AND uploaded_by_account_id = app_account() AND (
    (app_is_staff() AND uploaded_by_role = 'staff')
    OR (app_role() = 'resident' AND resident_id = app_resident() AND uploaded_by_role = 'resident')));

-- Activity log: a resident's files are a public event of their own.
ALTER TABLE case_events DROP CONSTRAINT case_events_kind_check;
ALTER TABLE case_events ADD CONSTRAINT case_events_kind_check CHECK (kind IN (
  'created', 'routed', 'status_changed', 'assigned', 'public_reply', 'internal_note', 'resident_message', 'attachments_added'));
DROP POLICY case_events_create ON case_events;
CREATE POLICY case_events_create ON case_events FOR INSERT WITH CHECK (
  tenant_id = app_tenant() AND (
    (app_is_staff() AND ((actor_role = 'staff' AND actor_account_id = app_account()) OR actor_role = 'system'))
    OR (app_role() = 'resident' AND resident_id = app_resident() AND (
          (actor_role = 'resident' AND actor_account_id = app_account() AND kind IN ('created', 'resident_message', 'attachments_added'))
          OR (actor_role = 'system' AND kind = 'routed')))));

-- Neither table is ever updated: an upload is created, taken or deleted; an attachment stays with its case.
GRANT SELECT, INSERT, DELETE ON staged_uploads TO mieterportal_app;
GRANT SELECT, INSERT ON case_attachments TO mieterportal_app;
