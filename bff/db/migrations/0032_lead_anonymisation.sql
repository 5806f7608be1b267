-- Retention of the lead pipeline (docs/leads.md, "Anonymisierung"): a rejected lead without activity for its
-- housing company's period (company setting leadAnonymisationDays, default 90) is anonymised by a scheduled
-- job, unless a legal hold (§ 21 AGG, migration 0028) stops it. The lead row keeps what the statistics need (listing, source, stage, times, household type and size,
-- pets); its personal fields are replaced. Wherever else the person's name, e-mail address, telephone number
-- or address was written — audit reasons, viewing notes, messages, outbox payloads, dead letters, cached
-- responses — those words are replaced by "[anonymisiert]". The function walks every table of the schema with
-- a tenant_id column (so a table added later is covered), except the master data of residents, staff and
-- buildings listed below, which never hold an applicant's data and must not be rewritten if a resident
-- happens to share a name. Rows of tables with a lead_id column are rewritten only for the anonymised leads:
-- the same person's other, still active enquiry keeps its data.

ALTER TABLE leads ADD COLUMN anonymised_at timestamptz;
CREATE INDEX leads_rejected_by_activity ON leads (tenant_id, status_changed_at) WHERE status = 'abgelehnt' AND anonymised_at IS NULL;

-- The walk rewrites rows in the role 'anonymiser', which only this function takes (set transaction-locally
-- inside it). Each tenant table gets a policy for that role; the app role cannot use it on the append-only
-- tables because it holds no UPDATE privilege there (the function runs as the owner). A table created later
-- needs the same two policies: the anonymisation test walks every table and fails until it has them.
DO $$
DECLARE t text;
BEGIN
  FOR t IN
    SELECT c.relname FROM pg_class c
     WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND c.relrowsecurity
       AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
  LOOP
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT USING (tenant_id = app_tenant() AND app_role() = %L)',
                   t || '_anonymiser_read', t, 'anonymiser');
    EXECUTE format('CREATE POLICY %I ON %I FOR UPDATE USING (tenant_id = app_tenant() AND app_role() = %L) '
                   'WITH CHECK (tenant_id = app_tenant() AND app_role() = %L)',
                   t || '_anonymiser_rewrite', t, 'anonymiser', 'anonymiser');
  END LOOP;
END $$;

-- A regular expression matching any of the words, longest first, case-insensitively used.
CREATE FUNCTION anonymisation_pattern(words text[]) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT string_agg(regexp_replace(w, '([.*+?^${}()|\[\]\\])', '\\\1', 'g'), '|' ORDER BY length(w) DESC, w)
    FROM unnest(words) AS w
   WHERE w IS NOT NULL AND length(w) >= 3
$$;

-- The words by which a person can be found: name, e-mail, telephone as sent, its digits, E.164 and the
-- national form (+49 151… → 0151…), address and its street with number.
CREATE FUNCTION lead_personal_words(l leads) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT array_remove(ARRAY[
    nullif(btrim(l.name), ''),
    l.email,
    l.phone,
    nullif(regexp_replace(coalesce(l.phone, ''), '[^0-9+]', '', 'g'), ''),
    l.phone_normalised,
    CASE WHEN l.phone_normalised LIKE '+49%' THEN '0' || substr(l.phone_normalised, 4) END,
    l.address,
    -- The street and number alone ("wohnt weiter im Lerchenweg 7").
    nullif(btrim(split_part(coalesce(l.address, ''), ',', 1)), '')
  ], NULL)
$$;

-- The parts of the name ("Frau Vergessmann hat abgesagt"): each word of at least three letters. Rewritten only in
-- rows that belong to the lead itself (its events, viewings, messages), where a part cannot be someone else's.
CREATE FUNCTION lead_name_parts(l leads) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(array_agg(part), '{}') FROM regexp_split_to_table(coalesce(l.name, ''), '[^[:alpha:]''-]+') AS part
   WHERE length(part) >= 3
$$;

CREATE FUNCTION lead_anonymise_due(run_at timestamptz, default_days integer) RETURNS bigint
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  company uuid;
  due uuid[];
  words text[];
  parts text[];
  pattern text;
  json_pattern text;
  own_pattern text;
  own_json_pattern text;
  target record;
  total bigint := 0;
BEGIN
  IF app_role() IS DISTINCT FROM 'system' THEN
    RETURN 0;
  END IF;
  -- Every housing company in turn, in its own scope (the lead tables' policies see one company at a time).
  FOR company IN SELECT t.id FROM tenants t ORDER BY t.id
  LOOP
    PERFORM set_config('app.current_tenant', company::text, true);
    PERFORM set_config('app.current_role', 'system', true);
    -- Locked, so a second run at the same time (another instance) skips these leads instead of doing them twice.
    due := ARRAY(
      SELECT l.id FROM leads l
       WHERE l.tenant_id = company AND l.status = 'abgelehnt' AND l.anonymised_at IS NULL AND NOT l.legal_hold
         AND greatest(l.updated_at, l.status_changed_at,
                      coalesce((SELECT max(e.at) FROM lead_events e WHERE e.tenant_id = l.tenant_id AND e.lead_id = l.id), '-infinity'))
             < run_at - make_interval(days => coalesce(
                 (SELECT (s.settings ->> 'leadAnonymisationDays')::integer FROM company_settings s WHERE s.tenant_id = company),
                 default_days))
       FOR UPDATE OF l SKIP LOCKED);
    CONTINUE WHEN cardinality(due) = 0;
    words := ARRAY(SELECT DISTINCT w FROM leads l, unnest(lead_personal_words(l)) AS w WHERE l.tenant_id = company AND l.id = ANY(due));
    parts := ARRAY(SELECT DISTINCT w FROM leads l, unnest(lead_name_parts(l)) AS w WHERE l.tenant_id = company AND l.id = ANY(due));
    pattern := anonymisation_pattern(words);
    json_pattern := anonymisation_pattern(ARRAY(SELECT substr(to_json(w)::text, 2, length(to_json(w)::text) - 2) FROM unnest(words) w));
    own_pattern := anonymisation_pattern(words || parts);
    own_json_pattern := anonymisation_pattern(ARRAY(SELECT substr(to_json(w)::text, 2, length(to_json(w)::text) - 2) FROM unnest(words || parts) w));

    IF own_pattern IS NOT NULL THEN
      PERFORM set_config('app.current_role', 'anonymiser', true);
      FOR target IN
        SELECT c.relname AS table_name, a.attname AS column_name, format_type(a.atttypid, NULL) AS type,
               EXISTS (SELECT 1 FROM pg_attribute l WHERE l.attrelid = c.oid AND l.attname = 'lead_id' AND NOT l.attisdropped) AS by_lead
          FROM pg_class c
          JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
         WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
           AND c.relname NOT IN ('leads', 'tenants', 'buildings', 'units', 'accounts', 'residents', 'tenancies',
                                 'company_settings', 'listings', 'listing_portal_ids', 'damage_locations',
                                 'damage_categories', 'damage_kinds', 'document_types', 'case_routing_rules')
           AND EXISTS (SELECT 1 FROM pg_attribute t WHERE t.attrelid = c.oid AND t.attname = 'tenant_id' AND NOT t.attisdropped)
           AND a.atttypid IN ('text'::regtype, 'character varying'::regtype, 'jsonb'::regtype, 'json'::regtype, 'text[]'::regtype)
      LOOP
        -- A column is rewritten where it holds one of the person's words ($2, $3 in JSON spelling): in the lead's own
        -- rows its name parts count too; the rewrite ($4, $5) then replaces the parts as well ("Sehr geehrte Frau
        -- Vergessmann" in a mail to her address).
        EXECUTE format(
          'UPDATE %1$I SET %2$I = %3$s WHERE tenant_id = $1 AND %2$I::text ~* %4$s %5$s',
          target.table_name, target.column_name,
          CASE target.type
            WHEN 'jsonb' THEN format('regexp_replace(%I::text, $5, ''[anonymisiert]'', ''gi'')::jsonb', target.column_name)
            WHEN 'json' THEN format('regexp_replace(%I::text, $5, ''[anonymisiert]'', ''gi'')::json', target.column_name)
            WHEN 'text[]' THEN format('ARRAY(SELECT regexp_replace(x, $4, ''[anonymisiert]'', ''gi'') FROM unnest(%I) WITH ORDINALITY AS u(x, n) ORDER BY n)', target.column_name)
            ELSE format('regexp_replace(%I, $4, ''[anonymisiert]'', ''gi'')', target.column_name)
          END,
          CASE WHEN target.type IN ('jsonb', 'json') THEN '$3' ELSE '$2' END,
          CASE WHEN target.by_lead THEN 'AND lead_id = ANY($6)' ELSE '' END)
        USING company,
              CASE WHEN target.by_lead THEN own_pattern ELSE pattern END,
              CASE WHEN target.by_lead THEN own_json_pattern ELSE json_pattern END,
              own_pattern,
              own_json_pattern,
              due;
      END LOOP;
      PERFORM set_config('app.current_role', 'system', true);
    END IF;

    -- Self-disclosure (profession, employer, income) is personal data beyond the words above: gone whole.
    DELETE FROM lead_self_disclosures WHERE tenant_id = company AND lead_id = ANY(due);
    UPDATE leads
       SET name = 'Anonymisiert', email = NULL, phone = NULL, phone_normalised = NULL, address = NULL, message = '',
           pets_note = NULL, contact_message = CASE WHEN contact_message IS NOT NULL THEN '[anonymisiert]' END,
           anonymised_at = run_at, updated_at = run_at, version = version + 1
     WHERE tenant_id = company AND id = ANY(due);
    INSERT INTO lead_events (tenant_id, lead_id, at, actor_role, kind, details)
      SELECT company, id, run_at, 'system', 'anonymised', '{}'::jsonb FROM unnest(due) AS id;
    total := total + cardinality(due);
  END LOOP;
  PERFORM set_config('app.current_tenant', '', true);
  RETURN total;
END $$;
