-- Art. 15 / Art. 17 DSGVO self-service (docs/data-subject-rights.md): a resident downloads everything the portal holds about
-- them and asks for erasure; the housing company's admins see the requests and complete them.

-- One erasure request per resident at a time. It stays after completion as the record that the request was made
-- and what was done (Art. 5 Abs. 2 DSGVO); its outcome names counts and reasons, never the person's data.
CREATE TABLE erasure_requests (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  resident_id uuid NOT NULL,
  account_id uuid NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'completed')),
  requested_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz,
  completed_by uuid,
  outcome jsonb,
  CHECK ((status = 'completed') = (completed_at IS NOT NULL)),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, resident_id) REFERENCES residents (tenant_id, id),
  FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id),
  FOREIGN KEY (tenant_id, completed_by) REFERENCES accounts (tenant_id, id)
);
CREATE UNIQUE INDEX erasure_requests_one_open ON erasure_requests (tenant_id, resident_id) WHERE status = 'open';
CREATE INDEX erasure_requests_by_status ON erasure_requests (tenant_id, status, requested_at);

ALTER TABLE erasure_requests ENABLE ROW LEVEL SECURITY;
ALTER TABLE erasure_requests FORCE ROW LEVEL SECURITY;

-- The resident reads and files their own; the company's admins read all of the company's and complete them.
CREATE POLICY erasure_requests_own_read ON erasure_requests FOR SELECT
  USING (tenant_id = app_tenant() AND (app_role() = 'admin' OR (resident_id = app_resident() AND account_id = app_account())));
CREATE POLICY erasure_requests_own_create ON erasure_requests FOR INSERT
  WITH CHECK (tenant_id = app_tenant() AND app_role() = 'resident' AND resident_id = app_resident() AND account_id = app_account()
              AND status = 'open' AND completed_at IS NULL AND outcome IS NULL);
CREATE POLICY erasure_requests_complete ON erasure_requests FOR UPDATE
  USING (tenant_id = app_tenant() AND app_role() = 'admin')
  WITH CHECK (tenant_id = app_tenant() AND app_role() = 'admin' AND completed_by = app_account());
-- The lead anonymisation (migration 0032) walks every tenant table in its own role.
CREATE POLICY erasure_requests_anonymiser_read ON erasure_requests FOR SELECT USING (tenant_id = app_tenant() AND app_role() = 'anonymiser');
CREATE POLICY erasure_requests_anonymiser_rewrite ON erasure_requests FOR UPDATE
  USING (tenant_id = app_tenant() AND app_role() = 'anonymiser') WITH CHECK (tenant_id = app_tenant() AND app_role() = 'anonymiser');

GRANT SELECT, INSERT, UPDATE ON erasure_requests TO mieterportal_app;

-- Two roles for the person's own data across every tenant table of one company:
-- - 'privacy' reads (the Art. 15 export, run with the resident and account of the session; its queries name them);
-- - 'eraser' reads, rewrites and deletes, and is taken only inside erase_resident() below, which runs as the owner
--   (the app role holds no UPDATE or DELETE on the append-only tables, and keeps none).
-- A table created later needs the same three policies: the export test reads every tenant table in 'privacy'.
DO $$
DECLARE t text;
BEGIN
  FOR t IN
    SELECT c.relname FROM pg_class c
     WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND c.relrowsecurity
       AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
  LOOP
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT USING (tenant_id = app_tenant() AND app_role() IN (%L, %L))',
                   t || '_privacy_read', t, 'privacy', 'eraser');
    EXECUTE format('CREATE POLICY %I ON %I FOR UPDATE USING (tenant_id = app_tenant() AND app_role() = %L) '
                   'WITH CHECK (tenant_id = app_tenant() AND app_role() = %L)',
                   t || '_eraser_rewrite', t, 'eraser', 'eraser');
    EXECUTE format('CREATE POLICY %I ON %I FOR DELETE USING (tenant_id = app_tenant() AND app_role() = %L)',
                   t || '_eraser_delete', t, 'eraser');
  END LOOP;
END $$;

-- Completes the open erasure request of one resident of the calling admin's company, in one transaction with the
-- caller's. What may go is deleted (chat, sign-in data, preferences, read receipts, drafts, uploads) or anonymised
-- (the account; the names when no tenancy remains; expired cases); cases within their retention period keep their
-- content but lose the person's availability; tenancies, documents and the case record stay. Returns counts:
-- {"removed": {...}, "anonymised": {...}, "kept": {...}}; NULL without an open request.
-- retention_years: per case, 6 years after its last change (§ 257 Abs. 1 Nr. 2, 3, Abs. 4 HGB), 10 years when a
-- contractor was commissioned (invoices, § 147 Abs. 1, 3 AO); an open case is kept.
CREATE FUNCTION erase_resident(person uuid, login_hash text, run_at timestamptz) RETURNS jsonb
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  company uuid := app_tenant();
  caller uuid := app_account();
  request erasure_requests;
  account uuid;
  address text;
  expired uuid[];
  kept uuid[];
  has_tenancy boolean;
  removed jsonb := '{}';
  anonymised jsonb := '{}';
  n bigint;
BEGIN
  IF app_role() IS DISTINCT FROM 'admin' OR company IS NULL OR caller IS NULL THEN
    RAISE EXCEPTION 'only an admin of the company may complete an erasure request' USING ERRCODE = 'insufficient_privilege';
  END IF;
  PERFORM set_config('app.current_role', 'eraser', true);
  SELECT * INTO request FROM erasure_requests r WHERE r.tenant_id = company AND r.resident_id = person AND r.status = 'open' FOR UPDATE;
  IF NOT FOUND THEN
    PERFORM set_config('app.current_role', 'admin', true);
    RETURN NULL;
  END IF;
  account := request.account_id;
  SELECT a.email INTO address FROM accounts a WHERE a.tenant_id = company AND a.id = account;

  -- The chat: no retention duty (a case it filed is a case of its own).
  DELETE FROM chat_drafts WHERE tenant_id = company AND resident_id = person;
  GET DIAGNOSTICS n = ROW_COUNT; removed := removed || jsonb_build_object('chatDrafts', n);
  DELETE FROM chatbot_messages WHERE tenant_id = company AND resident_id = person;
  GET DIAGNOSTICS n = ROW_COUNT; removed := removed || jsonb_build_object('chatMessages', n);
  DELETE FROM chatbot_conversations WHERE tenant_id = company AND resident_id = person;
  GET DIAGNOSTICS n = ROW_COUNT; removed := removed || jsonb_build_object('chatConversations', n);
  DELETE FROM chat_notice_acknowledgements WHERE tenant_id = company AND account_id = account;

  -- Signing in: sessions, codes, pending changes, throttling, unfinished uploads and cached answers.
  DELETE FROM sessions WHERE tenant_id = company AND account_id = account;
  GET DIAGNOSTICS n = ROW_COUNT; removed := removed || jsonb_build_object('sessions', n);
  DELETE FROM recovery_codes WHERE tenant_id = company AND account_id = account;
  DELETE FROM email_changes WHERE tenant_id = company AND account_id = account;
  DELETE FROM password_resets WHERE tenant_id = company AND account_id = account;
  DELETE FROM activation_codes WHERE tenant_id = company AND account_id = account;
  DELETE FROM login_throttle WHERE tenant_id = company AND email_hash = login_hash;
  DELETE FROM staged_uploads WHERE tenant_id = company AND account_id = account;
  GET DIAGNOSTICS n = ROW_COUNT; removed := removed || jsonb_build_object('stagedUploads', n);
  DELETE FROM idempotency_keys WHERE tenant_id = company AND account_id = account;

  -- Choices and traces of reading.
  DELETE FROM notification_preferences WHERE tenant_id = company AND resident_id = person;
  DELETE FROM case_views WHERE tenant_id = company AND resident_id = person;
  DELETE FROM document_reads WHERE tenant_id = company AND resident_id = person;
  GET DIAGNOSTICS n = ROW_COUNT; removed := removed || jsonb_build_object('documentReads', n);
  DELETE FROM incident_participants WHERE tenant_id = company AND resident_id = person;
  GET DIAGNOSTICS n = ROW_COUNT; removed := removed || jsonb_build_object('incidentParticipations', n);

  -- Cases past their retention period: their content goes, the numbered shell stays for the statistics.
  expired := ARRAY(
    SELECT c.id FROM cases c
     WHERE c.tenant_id = company AND c.resident_id = person AND c.status IN ('erledigt', 'abgelehnt')
       AND c.updated_at < run_at - make_interval(years => CASE
             WHEN EXISTS (SELECT 1 FROM work_orders w WHERE w.tenant_id = c.tenant_id AND w.case_id = c.id) THEN 10 ELSE 6 END));
  kept := ARRAY(SELECT c.id FROM cases c WHERE c.tenant_id = company AND c.resident_id = person AND NOT c.id = ANY(expired));
  DELETE FROM case_attachments WHERE tenant_id = company AND case_id = ANY(expired);
  UPDATE case_messages SET body = '[gelöscht]' WHERE tenant_id = company AND case_id = ANY(expired);
  UPDATE cases SET title = 'Gelöschter Vorgang', description = '', resident_availability = NULL, applicant = NULL
   WHERE tenant_id = company AND id = ANY(expired);
  anonymised := anonymised || jsonb_build_object('expiredCases', cardinality(expired));
  -- Cases within it: the correspondence stays as it is; how to reach the person is no part of it.
  UPDATE cases SET resident_availability = NULL WHERE tenant_id = company AND id = ANY(kept) AND resident_availability IS NOT NULL;

  -- Mails already sent to the address keep their record without it.
  IF address IS NOT NULL THEN
    UPDATE outbox SET payload = replace(payload::text, address, '[gelöscht]')::jsonb
     WHERE tenant_id = company AND topic = 'mail' AND status <> 'pending' AND strpos(payload::text, address) > 0;
    DELETE FROM outbox WHERE tenant_id = company AND topic = 'mail' AND status = 'pending' AND strpos(payload::text, address) > 0;
  END IF;

  -- The account can no longer sign in and names no one; the resident keeps their name only while a tenancy
  -- (or ownership) is on record, which the housing company holds under the contract anyway.
  UPDATE accounts SET display_name = 'Gelöschtes Konto', email = NULL, password_hash = NULL, second_factor = NULL,
                      totp_secret = NULL, totp_last_step = NULL, activated_at = NULL
   WHERE tenant_id = company AND id = account;
  has_tenancy := EXISTS (SELECT 1 FROM tenancies t WHERE t.tenant_id = company AND t.resident_id = person);
  UPDATE residents SET contact_email = NULL WHERE tenant_id = company AND id = person;
  IF NOT has_tenancy THEN
    UPDATE residents SET first_name = 'Gelöschte', last_name = 'Person' WHERE tenant_id = company AND id = person;
  END IF;
  anonymised := anonymised || jsonb_build_object('account', true, 'names', NOT has_tenancy);

  PERFORM set_config('app.current_role', 'admin', true);
  RETURN jsonb_build_object(
    'removed', removed,
    'anonymised', anonymised,
    'kept', jsonb_build_object(
      'cases', cardinality(kept),
      'openCases', (SELECT count(*) FROM cases c WHERE c.tenant_id = company AND c.id = ANY(kept) AND c.status NOT IN ('erledigt', 'abgelehnt')),
      'documents', (SELECT count(*) FROM documents d WHERE d.tenant_id = company AND d.recipient_resident_id = person),
      'tenancies', (SELECT count(*) FROM tenancies t WHERE t.tenant_id = company AND t.resident_id = person)));
END $$;
REVOKE ALL ON FUNCTION erase_resident(uuid, text, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION erase_resident(uuid, text, timestamptz) TO mieterportal_app;
