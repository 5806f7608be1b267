-- Credit check of a lead (Bonitätsprüfung, docs/leads.md): from `besichtigt` on, only with the person's consent given
-- through a signed link (purpose 'credit-check-consent'). The lead keeps the bureau's reference and the score class,
-- never the bureau's answer. What the person entered for the check (address, date of birth) is held only until the
-- check ran or the consent was withdrawn, then erased.

-- New kinds of audit entries (the trail stays append-only).
ALTER TABLE lead_events DROP CONSTRAINT lead_events_kind_check;
ALTER TABLE lead_events ADD CONSTRAINT lead_events_kind_check CHECK (kind IN (
  'created', 'status_changed', 'owner_changed', 'listing_assigned', 'anonymised',
  'contact_verified', 'viewing_planned', 'self_disclosure_recorded', 'rejection_message_released',
  'legal_hold_set', 'legal_hold_cleared', 'decisions_exported',
  'credit_check_consent_requested', 'credit_check_consent_given', 'credit_check_consent_revoked', 'credit_check_done'));

-- One row per consent request (one mailed link). Given, withdrawn and used are moments of the same request; a new
-- request is a new row, so the history of consents stays readable beside the audit trail.
CREATE TABLE lead_credit_check_consents (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  lead_id uuid NOT NULL,
  signed_link_id uuid NOT NULL,
  requested_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  requested_by uuid NOT NULL,
  given_at timestamptz,
  -- Withdrawn after giving, or declined before it.
  revoked_at timestamptz,
  -- The check that used this consent ran (one consent, one check).
  used_at timestamptz,
  -- What the person entered for the bureau: only while the consent waits for its check.
  birth_date date,
  street text CHECK (length(street) BETWEEN 1 AND 200),
  postal_code text CHECK (postal_code ~ '^[0-9]{5}$'),
  city text CHECK (length(city) BETWEEN 1 AND 100),
  UNIQUE (tenant_id, id),
  CHECK (used_at IS NULL OR given_at IS NOT NULL),
  CHECK ((street IS NULL) = (city IS NULL) AND (street IS NULL) = (postal_code IS NULL)),
  CHECK ((used_at IS NULL AND revoked_at IS NULL AND given_at IS NOT NULL) OR (street IS NULL AND birth_date IS NULL)),
  FOREIGN KEY (tenant_id, lead_id) REFERENCES leads (tenant_id, id),
  FOREIGN KEY (tenant_id, requested_by) REFERENCES accounts (tenant_id, id),
  FOREIGN KEY (tenant_id, signed_link_id) REFERENCES signed_links (tenant_id, id)
);
CREATE UNIQUE INDEX lead_credit_check_consents_by_link ON lead_credit_check_consents (tenant_id, signed_link_id);
CREATE INDEX lead_credit_check_consents_by_lead ON lead_credit_check_consents (tenant_id, lead_id, requested_at DESC);

-- The result: the bureau's reference and the class, who ran it and when. Nothing else of the answer.
CREATE TABLE lead_credit_checks (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  lead_id uuid NOT NULL,
  consent_id uuid NOT NULL,
  reference text NOT NULL CHECK (reference ~ '^[A-Za-z0-9._:/-]{1,100}$'),
  score_class text NOT NULL CHECK (score_class IN ('unbedenklich', 'mit_auflagen', 'kritisch')),
  checked_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  checked_by uuid NOT NULL,
  FOREIGN KEY (tenant_id, lead_id) REFERENCES leads (tenant_id, id),
  FOREIGN KEY (tenant_id, consent_id) REFERENCES lead_credit_check_consents (tenant_id, id),
  FOREIGN KEY (tenant_id, checked_by) REFERENCES accounts (tenant_id, id)
);
CREATE UNIQUE INDEX lead_credit_checks_one_per_consent ON lead_credit_checks (tenant_id, consent_id);
CREATE INDEX lead_credit_checks_by_lead ON lead_credit_checks (tenant_id, lead_id, checked_at DESC);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['lead_credit_check_consents', 'lead_credit_checks']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    -- Staff of the company, and its system scope (a verified signed link names the company); residents see nothing.
    EXECUTE format($p$CREATE POLICY %I ON %I FOR ALL
      USING (tenant_id = app_tenant() AND app_role() IN ('clerk', 'admin', 'system'))
      WITH CHECK (tenant_id = app_tenant() AND app_role() IN ('clerk', 'admin', 'system'))$p$, t || '_access', t);
    -- The anonymisation (migration 0032) rewrites every tenant table in its own role.
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT USING (tenant_id = app_tenant() AND app_role() = %L)',
                   t || '_anonymiser_read', t, 'anonymiser');
    EXECUTE format('CREATE POLICY %I ON %I FOR UPDATE USING (tenant_id = app_tenant() AND app_role() = %L) '
                   'WITH CHECK (tenant_id = app_tenant() AND app_role() = %L)',
                   t || '_anonymiser_rewrite', t, 'anonymiser', 'anonymiser');
  END LOOP;
END $$;

-- Consents change (given, withdrawn, used, entered data erased); results are facts. The app deletes neither.
GRANT SELECT, INSERT, UPDATE ON lead_credit_check_consents TO mieterportal_app;
GRANT SELECT, INSERT ON lead_credit_checks TO mieterportal_app;

-- An anonymised lead keeps nothing of its credit checks: the bureau's reference names the person at the bureau, and a
-- consent may still hold what the person entered. Both go when the anonymisation marks the lead (it runs in the
-- company's system scope, which the policies above let delete; the app role itself holds no DELETE).
CREATE FUNCTION lead_credit_checks_forget() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  DELETE FROM lead_credit_checks WHERE tenant_id = NEW.tenant_id AND lead_id = NEW.id;
  DELETE FROM lead_credit_check_consents WHERE tenant_id = NEW.tenant_id AND lead_id = NEW.id;
  RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION lead_credit_checks_forget() FROM PUBLIC;
CREATE TRIGGER leads_anonymised_forget_credit_checks AFTER UPDATE OF anonymised_at ON leads FOR EACH ROW
  WHEN (OLD.anonymised_at IS NULL AND NEW.anonymised_at IS NOT NULL) EXECUTE FUNCTION lead_credit_checks_forget();
